"""Regenerate static/maps/basemap.geojson, the map's own light base layer (run by hand, never by the portal).

With it the public map needs no outside tile server: country borders from Natural Earth (public domain) as
redistributed by the npm package `world-atlas` (ISC), and the larger towns from our own gazetteer
(places/data/towns.csv, GeoNames, CC BY 4.0).

    mkdir -p /tmp/atlas && (cd /tmp/atlas && npm pack world-atlas@2 && tar xzf world-atlas-*.tgz)
    python maps/basemap_extract.py /tmp/atlas/package/countries-50m.json
"""

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "static" / "maps" / "basemap.geojson"
# ISO 3166 numeric codes: Germany, Austria, Switzerland and every neighbour, so borders read as borders.
COUNTRIES = {"276": "DE", "040": "AT", "756": "CH", "250": "FR", "528": "NL", "056": "BE", "442": "LU",
             "208": "DK", "616": "PL", "203": "CZ", "380": "IT", "438": "LI", "705": "SI", "348": "HU",
             "703": "SK"}
HOME = {"DE", "AT", "CH"}
TOWN_MIN_POPULATION = 100_000
LABEL_MIN_POPULATION = 600_000  # more labels crowd the Ruhr
LOCAL_NAMES = {"Vienna": "Wien", "Munich": "München", "Zurich": "Zürich", "Nuremberg": "Nürnberg"}  # as on signs
DIGITS = 3  # about 100 m: finer than the 1:50m source


def _arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs: quantized and delta-encoded positions back to longitude/latitude."""
    (scale_x, scale_y), (move_x, move_y) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * scale_x + move_x, DIGITS), round(y * scale_y + move_y, DIGITS)))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list) -> list[tuple[float, float]]:
    ring: list[tuple[float, float]] = []
    for index in indexes:
        points = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        ring.extend(points[1:] if ring else points)  # consecutive arcs share their end point
    return ring


def _in_europe(point: tuple[float, float]) -> bool:
    return -10 <= point[0] <= 30 and 35 <= point[1] <= 60


def _country(geometry: dict, arcs: list) -> dict:
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = [[_ring(ring, arcs) for ring in polygon] for polygon in polygons]
    rings = [polygon for polygon in rings if _in_europe(polygon[0][0])]  # not French Guiana or Réunion
    code = COUNTRIES[geometry["id"]]
    return {"type": "Feature", "properties": {"kind": "country", "code": code, "home": code in HOME},
            "geometry": {"type": "MultiPolygon", "coordinates": rings}}


def _towns() -> list[dict]:
    with open(ROOT / "places" / "data" / "towns.csv", encoding="utf-8") as source:
        rows = [row for row in csv.DictReader(source) if int(row["population"]) >= TOWN_MIN_POPULATION]
    return [{"type": "Feature",
             "properties": {"kind": "town", "name": LOCAL_NAMES.get(row["name"], row["name"]),
                            "major": int(row["population"]) >= LABEL_MIN_POPULATION},
             "geometry": {"type": "Point", "coordinates": [round(float(row["longitude"]), DIGITS),
                                                           round(float(row["latitude"]), DIGITS)]}}
            for row in rows]


def basemap_write(source: Path) -> int:
    topology = json.loads(source.read_text())
    arcs = _arcs(topology)
    features = [_country(geometry, arcs) for geometry in topology["objects"]["countries"]["geometries"]
                if geometry.get("id") in COUNTRIES]
    features += _towns()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                              separators=(",", ":")))
    return len(features)


if __name__ == "__main__":
    print(f"{basemap_write(Path(sys.argv[1]))} features written to {OUT}")
