"""Production: refuses to start without a secret key, and only speaks HTTPS."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_required

SECRET_KEY = env_required(
    "SECRET_KEY", "Production needs a long random secret: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
)
NAHBAR_DEMO_ALLOWED = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Wagtail's live preview shows our own pages in a frame, so framing stays allowed for the same origin.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
