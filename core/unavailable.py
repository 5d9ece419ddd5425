"""While the database is away, visitors get a page in their language that says so (503), never a bare 500.

The page is self-contained: it reads nothing from the database (no branding setting, no footer), so it can
be rendered exactly when the database cannot answer. `Retry-After` tells browsers and monitors when to try.
"""

from __future__ import annotations

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views import defaults

logger = logging.getLogger(__name__)

# Connection refused, server gone, "database is locked" after SQLite's busy timeout: all pass in seconds.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def unavailable_response(request, *, template: str = "core/unavailable.html", context: dict | None = None):
    response = render(request, template, context or {}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)  # a proxy must not keep serving the outage once it is over
    return response


class DatabaseUnavailableMiddleware:
    """Answers a view's database outage with the 503 page (in DEBUG too, so `make run` behaves the same)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.error("Database unavailable: %s %s answered 503 (%s)", request.method, request.path, exception)
        return unavailable_response(request)


def server_error(request):
    """handler500: a database outage that struck outside a view (a middleware) still gets the 503 page."""
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return unavailable_response(request)
    return defaults.server_error(request)
