from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import requires_csrf_token

from backups.selectors import backup_health

from . import brand, health
from .drafts import draft_from_token
from .models import NetworkSettings
from .selectors import page_search
from .visitor_text import visible_strip


@never_cache
def healthz(request):
    """200 "ok" or "degraded", 503 "failing" (see core/health.py); details only for staff and monitors."""
    verdict, details = health.health_report()
    body = {"status": verdict}
    if health.may_see_details(request, database_ok=details["database"] == "ok"):
        body.update(details)
        if details["database"] == "ok":
            body["backup"] = backup_health()  # information only: a stale backup never fails the health check
    return JsonResponse(body, status=503 if verdict == "failing" else 200)


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
    query = visible_strip(request.GET.get("q", ""))[:200]
    return render(request, "core/search.html", {"query": query, "results": page_search(query=query)})


def _plain_page(request, *, template: str, status: int, context: dict | None = None):
    """An error page that needs neither the site nor the database: the host may be the very thing that is
    wrong. It speaks the language of the address, else of the browser."""
    language = translation.get_language_from_request(request, check_path=True)
    with translation.override(language):
        body = render_to_string(template, {"LANGUAGE_CODE": language, **(context or {})})
    return HttpResponse(body, status=status)


def bad_request(request, exception=None):
    """400: a host we do not serve, a NUL byte, a malformed request (handler400)."""
    return _plain_page(request, template="400.html", status=400)


@requires_csrf_token
def csrf_failure(request, reason=""):
    """403 when the form's security token is missing or stale (CSRF_FAILURE_VIEW): usually a form left open
    for days, or cookies switched off. Says what to do instead of Django's English technical page."""
    return _plain_page(request, template="403_csrf.html", status=403,
                       context={"back": request.path if request.method == "POST" else "/"})


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
