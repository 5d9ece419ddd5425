"""Content-Security-Policy: strict on public pages, what Wagtail's admin needs under /admin/.

Public pages run only our own script files, never an inline script (every map starts from
static/js/nahbar-leaflet.js); images may come from the map's tile server once a visitor switches it on,
frames from the video sites an editor may embed. Wagtail 8's admin still writes inline scripts (inline
panels, date pickers) and style attributes, so it keeps 'unsafe-inline' for those while everything else
stays on our own origin.
"""

from urllib.parse import urlsplit

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def tile_origin(url: str) -> str:
    """The origin of a tile URL template such as https://{s}.tile.example.org/{z}/{x}/{y}.png."""
    parts = urlsplit(url.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


class NahbarCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(ADMIN_PREFIX):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts
