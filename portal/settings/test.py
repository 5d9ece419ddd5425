"""The test suite: PostgreSQL and Redis come from the harness in tests/services.py via the environment."""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = "test-only-not-secret-3d8e0b5c"  # noqa: S105
ALLOWED_HOSTS = ["*"]
NAHBAR_DEMO_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env_str("TEST_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
# Django serves uploaded media itself (in production the web server does).
SERVE_MEDIA = True
HEALTHZ_TOKEN = "test-monitor-token"  # noqa: S105 - tests send it to read /healthz details
