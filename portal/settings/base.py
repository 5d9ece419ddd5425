"""Settings shared by every environment, safe for production as they stand.

Features that need a service (Redis, an SMTP server) switch on only when their environment
variable is present; `dev`, `test` and `production` only override.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("NAHBAR_VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
BASE_URL = env_str("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "core",
    "places",
    "home",
    "partners",
    "tandems",
    "appeals",
    "tips",
    "outbox",
    "maps",
    "intake",
    "backups",
    "pagecache",
    "demo",
    "localization",  # before wagtail_localize: its admin URLs guard wagtail-localize's views
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailmedia",
    "modelcluster",
    "taggit",
    "django_filters",
    "leaflet",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pagecache.middleware.PageCacheMiddleware",  # before sessions: a hit costs one cache round trip, nothing else
    "core.middleware.ClientAddressMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

# Behind the proxy of deploy/ the visitor's address arrives in this header (X-Real-IP); empty: REMOTE_ADDR.
CLIENT_ADDRESS_HEADER = env_str("CLIENT_ADDRESS_HEADER", "")

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'nahbar.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work beside one writer; IMMEDIATE takes the write lock when a transaction
    # starts, so two concurrent tip submissions queue for busy_timeout instead of failing with
    # "database is locked" halfway through.
    # A fresh clone has no var/ yet; SQLite cannot create the folder its file lives in.
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source language; every page exists in de, en and ar.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربية")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["localization.formats"]  # Arabic dates and numbers, see localization/formats/ar
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

# Static and media files. static/ holds our sources; collectstatic writes to var/static.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media in an S3-compatible bucket (django-storages) when MEDIA_S3_BUCKET is set, so any number of app
# servers share them; local files otherwise. Keys are never overwritten (Wagtail asks for it): a second
# "photo.jpg" gets a suffix. The bucket needs no public access: deploy/nginx serves /media/ from it, under
# the portal's own address (MEDIA_S3_DOMAIN, e.g. nahbar.example.org).
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET")
if MEDIA_S3_BUCKET:
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
        "bucket_name": MEDIA_S3_BUCKET,
        "location": "media",
        "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,  # e.g. https://s3.eu-central-1.example.net
        "region_name": env_str("AWS_S3_REGION_NAME") or None,
        "file_overwrite": False,
        "default_acl": None,
        "querystring_auth": False,
        "custom_domain": env_str("MEDIA_S3_DOMAIN") or None,
        "url_protocol": env_str("MEDIA_S3_PROTOCOL", "https:"),
    }}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Redis is broker and cache when REDIS_URL is set; without it tasks run in-process.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "nahbar",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    CELERY_BROKER_URL = REDIS_URL
    CELERY_TASK_ALWAYS_EAGER = False
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CELERY_BROKER_URL = "memory://"
    CELERY_TASK_ALWAYS_EAGER = True
# Anonymous page views (see pagecache/): a cache of its own so its keys never mix with counters; on Redis
# when the default is. Stored pages live PAGE_CACHE_SECONDS (live figures lag at most that), a proxy in
# front keeps them PAGE_CACHE_PROXY_SECONDS (s-maxage). A publish makes them stale at once either way.
CACHES["pages"] = {**CACHES["default"], "KEY_PREFIX": "nahbar-pages"}
PAGE_CACHE_ALIAS = "pages"
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_PROXY_SECONDS = env_int("PAGE_CACHE_PROXY_SECONDS", 1)
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
# With late acks a task whose broker connection drops is redelivered anyway; cancel it rather than run it twice.
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that queues a task while Redis is down gives up after one quick retry (0.1 s instead of kombu's
# 5 s of reconnecting): the row is saved either way and the sweeper queues it later. Workers keep their own,
# patient reconnect policy (broker_connection_max_retries); these options only apply to publishing.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "max_retries": 1, "interval_start": 0,
                                   "interval_step": 0.2, "interval_max": 0.2}
CELERY_TIMEZONE = TIME_ZONE
# Periodic jobs; each app adds its entries under its own name.
CELERY_BEAT_SCHEDULE: dict = {}

# Mail: an SMTP server when EMAIL_HOST is set, otherwise the console.
EMAIL_HOST = env_str("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 10
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Nahbar <noreply@localhost>")
# The outbox (outbox/): every e-mail is a row first. With Redis the Celery worker delivers it; without, a thread
# in the web process does, sweeping every OUTBOX_SWEEP_SECONDS so retries need no beat.
OUTBOX_RUNNER = env_str("OUTBOX_RUNNER", "celery" if REDIS_URL else "thread")
OUTBOX_SWEEP_SECONDS = env_int("OUTBOX_SWEEP_SECONDS", 30)
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 8)
OUTBOX_RETRY_SECONDS = env_int("OUTBOX_RETRY_SECONDS", 60)  # doubled after each failed attempt ...
OUTBOX_RETRY_MAX_SECONDS = env_int("OUTBOX_RETRY_MAX_SECONDS", 3600)  # ... up to this
OUTBOX_STALE_SECONDS = env_int("OUTBOX_STALE_SECONDS", 600)  # a claim older than this was abandoned by a dead worker
CELERY_BEAT_SCHEDULE["outbox-sweep"] = {"task": "outbox.tasks.outbox_sweep_task", "schedule": 60.0}
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Security defaults that hold everywhere; production.py adds the HTTPS-only ones.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"

# Wagtail.
WAGTAIL_SITE_NAME = "Nahbar"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 15 * 1024 * 1024)
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "heic"]
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media", "AUDIO_EXTENSIONS": [], "VIDEO_EXTENSIONS": ["mp4", "webm", "mov"]}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Maps: tiles come from a configurable server; points are plain latitude/longitude.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
LEAFLET_CONFIG = {
    "DEFAULT_CENTER": (51.2, 10.4),
    "DEFAULT_ZOOM": 6,
    "MIN_ZOOM": 3,
    "MAX_ZOOM": 17,
    "TILES": [(_("Map"), MAP_TILE_URL, {"attribution": MAP_TILE_ATTRIBUTION, "maxZoom": 19})],
    "ATTRIBUTION_PREFIX": "Leaflet",
    "RESET_VIEW": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # Wagtail logs every page edit and django-tasks every background job at INFO: too loud for a console.
    "loggers": {name: {"level": "WARNING"} for name in ("django.db.backends", "django_tasks", "wagtail")},
}

# Intake: phone uploads through a tandem's personal link. Files wait in a private folder (never served)
# until a partner approves them; only then do they become Wagtail images and media.
INTAKE_ROOT = Path(env_str("INTAKE_ROOT", str(VAR_DIR / "intake")))
INTAKE_MAX_VIDEO_BYTES = env_int("INTAKE_MAX_VIDEO_BYTES", 500 * 1024 * 1024)
INTAKE_MAX_IMAGE_BYTES = env_int("INTAKE_MAX_IMAGE_BYTES", 30 * 1024 * 1024)
INTAKE_MAX_IMAGE_PIXELS = env_int("INTAKE_MAX_IMAGE_PIXELS", 50_000_000)
INTAKE_IMAGE_TYPES = ["jpeg", "png", "heic"]
INTAKE_VIDEO_TYPES = ["mp4", "mov", "webm"]
INTAKE_CHUNK_BYTES = env_int("INTAKE_CHUNK_BYTES", 4 * 1024 * 1024)
INTAKE_LINK_DAYS = env_int("INTAKE_LINK_DAYS", 30)
INTAKE_FILES_PER_HOUR = env_int("INTAKE_FILES_PER_HOUR", 60)
INTAKE_REQUESTS_PER_MINUTE = env_int("INTAKE_REQUESTS_PER_MINUTE", 600)
INTAKE_PARTIAL_HOURS = env_int("INTAKE_PARTIAL_HOURS", 48)
CELERY_BEAT_SCHEDULE["intake-partial-cleanup"] = {"task": "intake.tasks.partial_cleanup", "schedule": 3600}

# Backups: nightly archives in BACKUP_DIR, copied to the storage named by BACKUP_STORAGE (an entry in
# STORAGES) when BACKUP_STORAGE_BACKEND is set, e.g. storages.backends.s3.S3Storage at another provider.
from celery.schedules import crontab as _crontab  # noqa: E402

BACKUP_DIR = Path(env_str("BACKUP_DIR", str(VAR_DIR / "backups")))
BACKUP_STORAGE = None
if env_str("BACKUP_STORAGE_BACKEND"):
    import json as _json

    STORAGES["backups"] = {
        "BACKEND": env_str("BACKUP_STORAGE_BACKEND"),
        "OPTIONS": _json.loads(env_str("BACKUP_STORAGE_OPTIONS", "{}")),
    }
    BACKUP_STORAGE = "backups"
BACKUP_KEEP_DAILY = env_int("BACKUP_KEEP_DAILY", 7)
BACKUP_KEEP_WEEKLY = env_int("BACKUP_KEEP_WEEKLY", 4)
BACKUP_KEEP_MONTHLY = env_int("BACKUP_KEEP_MONTHLY", 12)
BACKUP_STALE_HOURS = env_int("BACKUP_STALE_HOURS", 26)
BACKUP_PG_BIN = env_str("PG_BIN")
# The nightly task enqueues a verification of its archive, which then rotates the retention set.
CELERY_BEAT_SCHEDULE["backups-nightly"] = {
    "task": "backups.tasks.backup_nightly",
    "schedule": _crontab(hour=env_int("BACKUP_HOUR", 3), minute=17),
}

# Tips: spam limits and the sweeper that re-queues e-mails a broker outage kept from leaving.
TIPS_MIN_SECONDS = env_int("TIPS_MIN_SECONDS", 3)  # faster than this from loading the form = a bot
TIPS_FORM_MAX_AGE = 24 * 3600
TIPS_RATE_LIMIT_COUNT = env_int("TIPS_RATE_LIMIT_COUNT", 10)  # tips per client and window
TIPS_RATE_LIMIT_WINDOW = env_int("TIPS_RATE_LIMIT_WINDOW", 600)  # seconds
TIPS_STAFF_EMAIL = env_str("TIPS_STAFF_EMAIL", "")  # gets tips no partner is responsible for
MAP_CACHE_SECONDS = env_int("MAP_CACHE_SECONDS", 60)
MAP_MAX_POINTS = env_int("MAP_MAX_POINTS", 2000)  # more in one box are answered as counts per grid cell
