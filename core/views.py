from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from backups.selectors import backup_health

from . import health
from .drafts import draft_from_token
from .selectors import page_search


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
    query = request.GET.get("q", "").strip()[:200]
    return render(request, "core/search.html", {"query": query, "results": page_search(query=query)})
