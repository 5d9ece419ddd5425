from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from backups.selectors import backup_health

from . import health
from .drafts import draft_from_token
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
