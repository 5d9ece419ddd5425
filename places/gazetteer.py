"""Town or postcode to a point, offline, for Germany, Austria and Switzerland (see data/README.md)."""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .geo import distance_km

DATA = Path(__file__).resolve().parent / "data"
GERMAN_POSTCODE = re.compile(r"^\d{5}$")
# Arabic: taa marbuta and alef maqsura are written both ways, tatweel only stretches a word. Hamza seats and
# short vowels are combining marks, dropped below with the Latin accents.
SPELLINGS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ة": "ه", "ى": "ي", "ـ": ""})


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float
    longitude: float


DISTRICT_KM = 20  # the farthest a district lies from its town's centre (Berlin's outer districts)


def normalise(text: str) -> str:
    """One spelling for "Köln", "KOELN" and " koeln ": folded case, umlauts as digraphs, no other accents."""
    text = text.strip().casefold().translate(SPELLINGS)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[\s\-]+", " ", text)


@cache
def _towns() -> tuple[dict[str, Place], list[Place]]:
    """By normalised name and as a list for nearest-town search.

    The file is sorted by population, so the largest town wins a shared name; official names win over
    aliases.
    """
    towns, aliases = [], []
    with open(DATA / "towns.csv", encoding="utf-8") as source:
        for row in csv.DictReader(source):
            towns.append(Place(row["name"], float(row["latitude"]), float(row["longitude"])))
            aliases.append(row["aliases"].split("|") if row["aliases"] else [])
    by_name: dict[str, Place] = {}
    for place in towns:
        by_name.setdefault(normalise(place.name), place)
    for place, names in zip(towns, aliases, strict=True):
        for name in sorted(names, key=str.isascii):  # "München" before "Muenchen"
            # Named as the visitor knows it: "Wien" stays "Wien", not GeoNames' "Vienna".
            by_name.setdefault(normalise(name), Place(name, place.latitude, place.longitude))
    _arabic_names(by_name, towns)
    return by_name, towns


def _arabic_names(by_name: dict[str, Place], towns: list[Place]) -> None:
    """"كولونيا" finds Köln: GeoNames' data here has no Arabic script, so data/towns_ar.csv names the larger towns.

    The place keeps the name used on German signs, which is what the partner and the map show.
    """
    largest = {}
    for place in towns:  # largest first: "Freiburg" is the one in the Breisgau
        largest.setdefault(place.name, place)
    with open(DATA / "towns_ar.csv", encoding="utf-8") as source:
        for row in csv.DictReader(source):
            town = largest.get(row["name"])
            if town is None:
                continue
            place = Place(row["local"], town.latitude, town.longitude)
            for name in row["arabic"].split("|"):
                by_name.setdefault(normalise(name), place)


@cache
def _arabic_spellings() -> dict[str, str]:
    with open(DATA / "towns_ar.csv", encoding="utf-8") as source:
        return {row["local"]: row["arabic"].split("|")[0] for row in csv.DictReader(source)}


def town_name_for(*, name: str, language: str) -> str:
    """A town's name as readers of `language` write it: Arabic readers get the usual Arabic spelling of a larger
    town (data/towns_ar.csv, its first spelling), everyone else, and the smaller towns, the German name."""
    return _arabic_spellings().get(name, name) if language == "ar" else name


@cache
def _postcodes() -> dict[str, tuple[float, float]]:
    with open(DATA / "postcodes_de.csv", encoding="utf-8") as source:
        return {row["postcode"]: (float(row["latitude"]), float(row["longitude"])) for row in csv.DictReader(source)}


def place_nearest_town(*, latitude: float, longitude: float, within_km: float = 8) -> Place:
    """The largest town within a few kilometres, else the nearest place.

    GeoNames lists city districts as places of their own ("Altstadt Nord"); people name the city.
    """
    _by_name, towns = _towns()
    for town in towns:  # largest first
        if distance_km(latitude, longitude, town.latitude, town.longitude) <= within_km:
            return town
    return min(towns, key=lambda town: distance_km(latitude, longitude, town.latitude, town.longitude))


def place_resolve(*, query: str) -> Place | None:
    """A German postcode (named after its nearest town) or a town name; None when we do not know it."""
    query = query.strip()
    if GERMAN_POSTCODE.match(query):
        point = _postcodes().get(query)
        if point is None:
            return None
        town = place_nearest_town(latitude=point[0], longitude=point[1])
        return Place(f"{query} {town.name}", *point)
    by_name, _towns_list = _towns()
    name = re.sub(r"^\d{4,5}\s+", "", query)  # "4051 Basel": Austrian and Swiss postcodes are not in the data
    return by_name.get(normalise(name)) or _district(name, by_name)


def place_public_town(*, typed: str, latitude: float | None = None, longitude: float | None = None) -> str:
    """The town a visitor's place may be shown as in public: always a gazetteer name, never typed text.

    A position names its nearest town (typed text beside a pin is the visitor's own words, perhaps a street
    and a phone number); otherwise a known town keeps its name and a postcode becomes its town (a postcode
    is finer than a town). Unknown text gives "": it is kept privately for the partner, not shown.
    """
    if latitude is not None and longitude is not None:
        return place_nearest_town(latitude=latitude, longitude=longitude).name
    place = place_resolve(query=typed) if typed.strip() else None
    if place is None:
        return ""
    if GERMAN_POSTCODE.match(typed.strip()):
        return place_nearest_town(latitude=place.latitude, longitude=place.longitude).name
    return place.name


def _district(query: str, by_name: dict[str, Place]) -> Place | None:
    """"Köln-Kalk", "Berlin Neukölln": a town and one of its districts (GeoNames lists districts as places).

    The district must lie near the town, so "Köln-Kalkar" is not read as Kalkar on the Lower Rhine.
    """
    words = re.split(r"[\s\-]+", query.strip())
    for cut in range(1, len(words)):
        town = by_name.get(normalise(" ".join(words[:cut])))
        district = by_name.get(normalise(" ".join(words[cut:])))
        if town and district and distance_km(town.latitude, town.longitude, district.latitude,
                                             district.longitude) <= DISTRICT_KM:
            return Place(f"{town.name}-{district.name}", district.latitude, district.longitude)
    return None
