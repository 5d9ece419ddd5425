from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control, never_cache

from backups.selectors import backup_health

from . import brand, health
from .drafts import draft_from_token
from .models import NetworkSettings
from .selectors import page_search


@never_cache
def healthz(request):
    database_ok = health.database_is_reachable()
    body = {
        "status": "ok" if database_ok else "error",
        "database": "ok" if database_ok else "down",
        "broker": health.broker_status(),
        "backup": backup_health(),  # information only: a stale backup never fails the health check
    }
    return JsonResponse(body, status=200 if database_ok else 503)


@never_cache
def shared_draft(request, token: str):
    """A draft shared by a signed link: rendered as a visitor would see it, never cached, never indexed."""
    page = draft_from_token(token=token)
    if page is None:
        return render(request, "core/draft_link_expired.html", status=404)
    response = page.make_preview_request(preview_mode=page.default_preview_mode)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def search(request):
    """Appeals and tandems of the visitor's language; the same for everyone, so it may be cached."""
    query = request.GET.get("q", "").strip()[:200]
    return render(request, "core/search.html", {"query": query, "results": page_search(query=query)})


# The address carries the colours (see base.html), so a cached copy never outlives a change of branding.
@cache_control(public=True, max_age=60 * 60 * 24 * 30)
def brand_css(request):
    network = NetworkSettings.for_request(request)
    return HttpResponse(brand.brand_css(brand=network.brand_colour, accent=network.accent_colour),
                        content_type="text/css; charset=utf-8")


@cache_control(public=True, max_age=60 * 60 * 24)
def icon_svg(request):
    network = NetworkSettings.for_request(request)
    return HttpResponse(brand.icon_svg(brand=network.brand_colour), content_type="image/svg+xml")


@cache_control(public=True, max_age=60 * 60 * 24)
def icon_png(request, size: int):
    network = NetworkSettings.for_request(request)
    return HttpResponse(brand.icon_png(brand=network.brand_colour, size=size), content_type="image/png")
