from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from backups.selectors import backup_health

from . import health
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


def search(request):
    """Appeals and tandems of the visitor's language; the same for everyone, so it may be cached."""
    query = request.GET.get("q", "").strip()[:200]
    return render(request, "core/search.html", {"query": query, "results": page_search(query=query)})
