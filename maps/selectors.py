"""What the public map shows: open appeals and published tips as GeoJSON (RFC 7946), and "near me"."""

from django.conf import settings
from django.db.models import Avg, Count, F, QuerySet
from django.db.models.functions import Floor
from django.utils.text import Truncator
from wagtail.models import Locale

from appeals.models import AppealCategory
from appeals.selectors import appeal_open_list
from places.geo import BBox, degrees_around, distance_km
from places.models import round_to_public
from tips.models import TipKind
from tips.selectors import tips_published

NEAR_ME_RADIUS_KM = 100
NEAR_ME_LIMIT = 20
GRID_CELLS = 64


def _locale(language: str) -> Locale:
    codes = dict(settings.LANGUAGES)
    return Locale.objects.filter(language_code=language if language in codes else settings.LANGUAGE_CODE).first()


def _within(queryset: QuerySet, bbox: BBox | None) -> QuerySet:
    queryset = queryset.filter(latitude__isnull=False, longitude__isnull=False)
    if bbox is None:
        return queryset
    return queryset.filter(latitude__range=(bbox.min_lat, bbox.max_lat), longitude__range=(bbox.min_lon, bbox.max_lon))


def _feature(latitude: float, longitude: float, properties: dict) -> dict:
    # RFC 7946: longitude first; rounded to what is public (about a kilometre).
    point = [round_to_public(longitude), round_to_public(latitude)]
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": point}, "properties": properties}


def _grid(queryset: QuerySet, bbox: BBox | None, kind: str) -> dict:
    """Too many points for one answer: counts per cell of a 64 x 64 grid over the box, one feature per cell.

    The browser would cluster them anyway; this keeps a country-wide answer small (see the benchmark).
    """
    box = bbox or BBox(-180, -90, 180, 90)
    size = max(box.max_lon - box.min_lon, box.max_lat - box.min_lat, 0.001) / GRID_CELLS
    cells = (
        queryset.annotate(cell_x=Floor(F("longitude") / size), cell_y=Floor(F("latitude") / size))
        .values("cell_x", "cell_y").annotate(count=Count("*"), lat=Avg("latitude"), lon=Avg("longitude"))
        .order_by()
    )
    features = [_feature(cell["lat"], cell["lon"], {"kind": kind, "count": cell["count"]}) for cell in cells]
    return {"type": "FeatureCollection", "features": features}


def map_appeals_geojson(*, bbox: BBox | None, language: str, category: str = "") -> dict:
    appeals = _within(appeal_open_list(locale=_locale(language)), bbox)
    if category:
        appeals = appeals.filter(category=category)
    if appeals.count() > settings.MAP_MAX_POINTS:
        return _grid(appeals, bbox, "appeal")
    labels = dict(AppealCategory.choices)
    rows = appeals.values_list("latitude", "longitude", "title", "url_path", "category", "town")
    features = [
        _feature(lat, lon, {"title": title, "url": _url(url_path, language), "category": cat,
                            "category_label": str(labels.get(cat, cat)), "town": town, "kind": "appeal"})
        for lat, lon, title, url_path, cat, town in rows
    ]
    return {"type": "FeatureCollection", "features": features}


def map_tips_geojson(*, bbox: BBox | None, kind: str = "") -> dict:
    """Published tips only, anonymised: kind, town and the moderator's public text, never contact data."""
    tips = _within(tips_published(), bbox)
    if kind:
        tips = tips.filter(kind=kind)
    if tips.count() > settings.MAP_MAX_POINTS:
        return _grid(tips, bbox, "tip")
    labels = dict(TipKind.choices)
    rows = tips.values_list("latitude", "longitude", "kind", "town", "public_text")
    features = [
        _feature(lat, lon, {"kind": "tip", "tip_kind": tip_kind, "category_label": str(labels.get(tip_kind, "")),
                            "town": town, "text": Truncator(text).chars(280)})
        for lat, lon, tip_kind, town, text in rows
    ]
    return {"type": "FeatureCollection", "features": features}


def _url(url_path: str, language: str) -> str:
    """Without a query per appeal: url_path is "/<home>/partner/appeal/", each language's home is its
    site root, and i18n_patterns puts the language first: "/de/partner/appeal/"."""
    parts = url_path.strip("/").split("/")
    return f"/{language}/{'/'.join(parts[1:])}/" if len(parts) > 1 else f"/{language}/"


def map_appeals_near(*, latitude: float, longitude: float, language: str, category: str = "") -> list[dict]:
    """Open appeals within NEAR_ME_RADIUS_KM, nearest first, with their distance in km."""
    dlat, dlon = degrees_around(latitude, NEAR_ME_RADIUS_KM)
    bbox = BBox(longitude - dlon, latitude - dlat, longitude + dlon, latitude + dlat)
    appeals = _within(appeal_open_list(locale=_locale(language)), bbox)
    if category:
        appeals = appeals.filter(category=category)
    rows = []
    for appeal in appeals.select_related("locale"):
        distance = distance_km(latitude, longitude, appeal.latitude, appeal.longitude)
        if distance <= NEAR_ME_RADIUS_KM:
            rows.append({"appeal": appeal, "distance": distance})
    return sorted(rows, key=lambda row: row["distance"])[:NEAR_ME_LIMIT]


def map_appeals_list(*, language: str, category: str = "") -> list:
    """Every open appeal of the visitor's language, by town: what the map shows, as a list that works without
    JavaScript and for screen readers."""
    appeals = appeal_open_list(locale=_locale(language)).select_related("locale")
    if category:
        appeals = appeals.filter(category=category)
    return list(appeals.order_by("town", "title"))


def map_categories() -> list[tuple[str, str]]:
    return list(AppealCategory.choices)

