"""The public map page and its GeoJSON feeds."""

import contextlib
import hashlib
import json
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from places.gazetteer import place_resolve
from places.geo import bbox_parse

from .forms import NearMeForm
from .selectors import (
    map_appeals_geojson,
    map_appeals_list,
    map_appeals_near,
    map_categories,
    map_tips_geojson,
)

GEOJSON = "application/geo+json"
logger = logging.getLogger(__name__)


def _cached_json(key: str, build) -> bytes:
    """Cached for everyone (nothing per-visitor); a cache outage only costs speed."""
    try:
        body = cache.get(key)
    except Exception:
        logger.warning("Map cache unavailable", exc_info=True)
        body = None
    if body is None:
        body = json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode()
        with contextlib.suppress(Exception):  # already logged above when the cache is down
            cache.set(key, body, settings.MAP_CACHE_SECONDS)
    return body


def _geojson_view(request, *, name: str, build):
    bbox = None
    if request.GET.get("bbox"):
        try:
            bbox = bbox_parse(request.GET["bbox"])
        except ValueError as error:
            return JsonResponse({"error": str(error), "parameter": "bbox"}, status=400)
    filters = {key: request.GET.get(key, "")[:40] for key in ("category", "kind", "lang")}
    key = "map:" + hashlib.sha256(f"{name}:{bbox}:{sorted(filters.items())}".encode()).hexdigest()
    response = HttpResponse(_cached_json(key, lambda: build(bbox=bbox, **filters)), content_type=GEOJSON)
    response["Cache-Control"] = f"public, max-age={settings.MAP_CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def appeals_geojson(request):
    def build(*, bbox, category, lang, kind):
        return map_appeals_geojson(bbox=bbox, language=lang or settings.LANGUAGE_CODE, category=category)

    return _geojson_view(request, name="appeals", build=build)


@require_GET
def tips_geojson(request):
    def build(*, bbox, category, lang, kind):
        return map_tips_geojson(bbox=bbox, kind=kind)

    return _geojson_view(request, name="tips", build=build)


@require_GET
def map_page(request):
    """The map, the category filter and a "near me" list that works without JavaScript."""
    form = NearMeForm(request.GET or None, categories=map_categories())
    near, place = None, None
    if form.is_bound and form.is_valid():
        place = form.cleaned_data["place"]
        if place is None and form.cleaned_data["town"]:
            place = place_resolve(query=form.cleaned_data["town"])
            if place is None:
                form.add_error("town", form.unknown_town_message)
        if place is not None:
            near = map_appeals_near(latitude=place.latitude, longitude=place.longitude,
                                    language=translation.get_language(), category=form.cleaned_data["category"])
    category = form.cleaned_data.get("category", "") if form.is_bound and form.is_valid() else ""
    appeals = map_appeals_list(language=translation.get_language(), category=category)
    context = {"form": form, "near": near, "place": place, "categories": map_categories(), "appeals": appeals}
    return render(request, "maps/map_page.html", context)
