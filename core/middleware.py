"""Requests no view should have to defend itself against."""

from .views import bad_request
from .visitor_text import request_has_nul


class RejectNullCharactersMiddleware:
    """Answer 400 (in the site's design and the visitor's language) to a request carrying a NUL byte.

    PostgreSQL refuses NUL in text, so each query, form field or upload name holding one used to end in a
    500 wherever it reached the database. Placed after LocaleMiddleware, so the page speaks the visitor's
    language, and before the views and CSRF, so nothing is read or stored.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request_has_nul(request):
            return bad_request(request, None)
        return self.get_response(request)

