from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from . import health


@never_cache
def healthz(request):
    database_ok = health.database_is_reachable()
    body = {
        "status": "ok" if database_ok else "error",
        "database": "ok" if database_ok else "down",
        "broker": health.broker_status(),
    }
    return JsonResponse(body, status=200 if database_ok else 503)


def search(request):
    from django.shortcuts import render
    from wagtail.models import Locale, Page

    query = request.GET.get("q", "").strip()[:200]
    results = []
    if query:
        results = Page.objects.live().public().filter(locale=Locale.get_active()).search(query)[:50]
    return render(request, "core/search.html", {"query": query, "results": results})
