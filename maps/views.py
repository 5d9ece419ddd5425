"""The public map page and its GeoJSON feeds."""

import gzip
import hashlib
import json

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.middleware.gzip import re_accepts_gzip
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string
from django.views.decorators.http import require_GET

from pagecache.selectors import generation_memo
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


def _cached_json(key: str, build) -> bytes:
    """The same for everyone (nothing per-visitor): serialised and gzipped once per change visitors would see.

    Kept with the page cache's generation, so a tip published or an appeal closed shows on the map at
    once, and a country-wide feed of 100,000 tips is counted and compressed once, not on every visit (see
    the benchmark). Kept gzipped only (far smaller in the cache): every browser accepts gzip. A cache
    outage only costs speed.
    """
    # No secret in a public feed, so no BREACH padding is needed.
    return generation_memo(name=key, compute=lambda: compress_string(
        json.dumps(build(), ensure_ascii=False, separators=(",", ":")).encode()))


def _json_response(request, *, packed: bytes) -> HttpResponse:
    if re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(packed, content_type=GEOJSON)
        response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves it alone
    else:
        response = HttpResponse(gzip.decompress(packed), content_type=GEOJSON)
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def _geojson_view(request, *, name: str, build):
    bbox = None
    if request.GET.get("bbox"):
        try:
            bbox = bbox_parse(request.GET["bbox"])
        except ValueError as error:
            return JsonResponse({"error": str(error), "parameter": "bbox"}, status=400)
    filters = {key: request.GET.get(key, "")[:40] for key in ("category", "kind", "lang")}
    shape = f"{name}:{bbox}:{sorted(filters.items())}:{settings.MAP_MAX_POINTS}"
    key = "map:" + hashlib.sha256(shape.encode()).hexdigest()
    response = _json_response(request, packed=_cached_json(key, lambda: build(bbox=bbox, **filters)))
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
