"""Local development: `make run` on SQLite with demo content."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-not-secret-9f2c1e7a4b")  # noqa: S105
ALLOWED_HOSTS = ["*"]
NAHBAR_DEMO_ALLOWED = True
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
# Django serves uploaded media itself (in production the web server does).
SERVE_MEDIA = True
