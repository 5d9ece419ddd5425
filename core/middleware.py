"""The visitor's address behind the proxy: rate limits count visitors, not the proxy."""

from django.conf import settings


class ClientAddressMiddleware:
    """With CLIENT_ADDRESS_HEADER set (e.g. X-Real-IP, which deploy/nginx sets), REMOTE_ADDR becomes that
    header's value. Only for app servers that nobody but the proxy can reach: the header is easy to forge."""

    def __init__(self, get_response):
        self.get_response = get_response
        header = settings.CLIENT_ADDRESS_HEADER
        self.meta_key = f"HTTP_{header.upper().replace('-', '_')}" if header else ""

    def __call__(self, request):
        if self.meta_key:
            address = request.META.get(self.meta_key, "").split(",")[0].strip()
            if address:
                request.META["REMOTE_ADDR"] = address
        return self.get_response(request)
