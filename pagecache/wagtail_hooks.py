from wagtail import hooks

from .middleware import MARK


@hooks.register("before_serve_page")
def mark_page_view(page, request, serve_args, serve_kwargs):
    """Only a live page served by Wagtail may be stored; the middleware checks the rest on the response."""
    setattr(request, MARK, True)
