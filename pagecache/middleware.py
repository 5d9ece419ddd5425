"""Serves anonymous visitors' page views from the shared page cache.

Only responses of Wagtail's page serving are ever stored (the `before_serve_page` hook in wagtail_hooks.py
marks the request), and only when nothing in them belongs to one visitor: no session cookie on the request,
no cookie set or CSRF token used by the response, no `private`/`no-store` header, status 200. Previews,
shared draft links, the tip form (own URL, never cached), search and the admin are therefore never stored.

The key is scheme, host, path and the query string without tracking parameters (sorted), so `?via=`, a page
number, filters and `?untranslated=1` each keep their own copy while `?fbclid=...` does not split the cache.
"""

from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from . import store

# utm_source is not among them: the appeal page carries it to the tip form as the tip's channel.
TRACKING_PARAMETERS = frozenset({
    "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "fbclid", "gclid", "dclid", "msclkid",
    "mc_cid", "mc_eid", "igshid", "_ga", "_gl", "yclid", "twclid", "ttclid",
})
# Headers a cached copy must not repeat to other visitors.
NOT_STORED = frozenset({"set-cookie", "x-cache", "vary"})
MARK = "_pagecache_candidate"


def _key(request) -> str:
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    kept = sorted((name, value) for name, value in pairs if name not in TRACKING_PARAMETERS)
    return store.page_key(scheme=request.scheme, host=request.get_host(), path=request.path,
                          query=urlencode(kept))


def _is_eligible(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not getattr(request, "is_preview", False)
        and not getattr(request, "is_dummy", False)
        and store.cache_available()
    )


def _is_storable(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        getattr(request, MARK, False)
        and request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds this visitor's CSRF token
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def _public_headers(response) -> None:
    # Browsers ask again every time; the proxy in front (deploy/nginx) keeps it for s-maxage seconds.
    patch_cache_control(response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_PROXY_SECONDS)
    # Stored copies never depend on cookies (a session cookie bypasses the cache) nor on Accept-Language
    # (the language is in the path), so Vary stays as small as a proxy needs: only the encoding.
    response["Vary"] = "Accept-Encoding"


def _hit(entry: dict) -> HttpResponse:
    response = HttpResponse(entry["content"], status=entry["status"])
    for name, value in entry["headers"]:
        response[name] = value
    _public_headers(response)
    response["X-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_eligible(request):
            response = self.get_response(request)
            if getattr(request, MARK, False) and "Cache-Control" not in response:
                patch_cache_control(response, private=True)  # a signed-in editor's page, with the userbar
            return response
        key = _key(request)
        entry, generation = store.entry_and_generation(key=key)
        if entry is not None and entry["generation"] == generation:
            return _hit(entry)
        response = self.get_response(request)
        if _is_storable(request, response):
            _public_headers(response)
            if generation is not None:  # None: the cache failed, the page is simply rendered
                headers = [(name, value) for name, value in response.items() if name.lower() not in NOT_STORED]
                store.entry_save(key=key, entry={"generation": generation, "status": response.status_code,
                                                 "headers": headers, "content": response.content})
                response["X-Cache"] = "miss"
        return response
