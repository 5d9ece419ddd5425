"""Settings shared by every environment, safe for production as they stand.

Features that need a service (Redis, an SMTP server) switch on only when their environment
variable is present; `dev`, `test` and `production` only override.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy

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
    "matching",
    "outbox",
    "maps",
    "intake",
    "backups",
    "privacy",
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
    "reach",  # after wagtail.admin: its ready() sets the page form every page type uses
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
    "csp",
    "axes",  # last: its backend and middleware throttle the admin login (see AXES_* below)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # HTML and JSON leave compressed (pages shrink to about a quarter); WhiteNoise serves static files
    # pre-compressed by collectstatic, so no proxy set-up is needed. Django masks the CSRF token per
    # response, which answers BREACH for the forms.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "pagecache.middleware.PageCacheMiddleware",  # before sessions: a hit costs one cache round trip, nothing else
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "core.middleware.RejectNullCharactersMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "partners.isolation.PartnerIsolationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.csp.NahbarCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last, so it sees a view's exception first: a database outage becomes a 503 page in the visitor's language.
    "core.unavailable.DatabaseUnavailableMiddleware",
]


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

# Admin login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one
# client address, that pair is locked out for AXES_COOLOFF_TIME. Keyed on the pair, so a stranger guessing
# cannot lock a partner out from her own address, and one address cannot lock out everyone. Staff unlock
# under Settings -> Login lockouts. Attempts live in the database, so every app server shares them.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_LOCKOUT_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Behind nginx REMOTE_ADDR is the proxy for everyone: take the visitor as the tip limit does (TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/admin/login_locked.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: German is the source language; every page exists in de, en and ar.
LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("ar", "العربية")]
# The admin names content languages in the editor's own language ("Englisch"); pickers of one's own language
# (LANGUAGES) keep each name in its language, so a reader finds theirs.
# A new translation starts as a draft: it would otherwise go live at once (in the source language) whatever
# the translator may publish; it goes live through "Publish" or the section's approval workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAIL_CONTENT_LANGUAGES = [("de", gettext_lazy("German")), ("en", gettext_lazy("English")),
                             ("ar", gettext_lazy("Arabic"))]
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
# Redis answers in a millisecond on the same network; a visitor never waits longer than this for it.
REDIS_TIMEOUT_MS = env_int("REDIS_TIMEOUT_MS", 500)
if REDIS_URL:
    CACHES = {
        "default": {
            # Fails open: while Redis is down or frozen, pages render without the cache (core/cache.py).
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "nahbar",
            "OPTIONS": {"socket_connect_timeout": REDIS_TIMEOUT_MS / 1000, "socket_timeout": REDIS_TIMEOUT_MS / 1000},
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
# A frozen Redis (SIGSTOP, a half-open connection) accepts the connection and never answers: without socket
# timeouts a publish waits forever and the app server kills the request after 30 s. core/broker.py also skips
# publishing for a few seconds after a failure, so only one visitor per outage pays the timeout.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600, "max_retries": 1, "interval_start": 0,
                                   "interval_step": 0.2, "interval_max": 0.2,
                                   "socket_connect_timeout": REDIS_TIMEOUT_MS / 1000,
                                   "socket_timeout": max(REDIS_TIMEOUT_MS / 1000, 2.0)}
CELERY_BROKER_CONNECTION_TIMEOUT = max(REDIS_TIMEOUT_MS / 1000, 1.0)
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

# /healthz shows its details to staff and to monitors that send this token; the public sees only the verdict.
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN", "")
HEALTHZ_MAIL_STALE_SECONDS = env_int("HEALTHZ_MAIL_STALE_SECONDS", 900)  # older undelivered mail: "failing"

# Security defaults that hold everywhere; production.py adds the HTTPS-only ones.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
CSRF_FAILURE_VIEW = "core.views.csrf_failure"  # in the site's design and the visitor's language

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
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # the admin asked gravatar.com for every user's picture (and the CSP refused)
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_ALLOW_UNICODE_SLUGS = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Maps: tiles come from a configurable server; points are plain latitude/longitude.
MAP_TILE_URL = env_str("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env_str(
    "MAP_TILE_ATTRIBUTION", '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
)
# Content-Security-Policy (django-csp, see core/csp.py): public pages run no script but our own files (no
# inline script, so no nonce: a nonce would make every page different per visitor and no longer cacheable);
# images from our origin and the tile server; frames from embeddable video sites. Inline styles stay allowed:
# the brand colours are one on every page; CSS cannot run script.
from csp.constants import NONE, SELF  # noqa: E402

from core.csp import tile_origin  # noqa: E402

CSP_FRAME_SOURCES = env_list("CSP_FRAME_SOURCES", ["https://www.youtube-nocookie.com", "https://www.youtube.com",
                                                   "https://player.vimeo.com"])
_CSP_COMMON = {
    "default-src": [SELF],
    "img-src": [SELF, "data:", "blob:", *filter(None, [tile_origin(MAP_TILE_URL)])],
    "media-src": [SELF, "blob:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "frame-src": [SELF, *CSP_FRAME_SOURCES],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {**_CSP_COMMON, "script-src": [SELF],
                                          "style-src": [SELF, "'unsafe-inline'"]}}
CONTENT_SECURITY_POLICY_ADMIN = {"DIRECTIVES": {**_CSP_COMMON, "script-src": [SELF, "'unsafe-inline'"],
                                                "style-src": [SELF, "'unsafe-inline'"]}}

# Maps draw our own base layer (static/maps/basemap.geojson) and ask no outside server. MAP_TILE_URL is only
# offered to visitors as a "detailed map" they switch on themselves after being told what it sends where;
# set it empty to offer no such switch. django-leaflet serves only Leaflet's files: no tiles of its own.
LEAFLET_CONFIG = {"TILES": [], "ATTRIBUTION_PREFIX": "", "RESET_VIEW": False}

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
# Memory one photo may take once decoded (JPEGs are decoded at reduced size first); bounds each request's RSS.
INTAKE_MAX_DECODED_BYTES = env_int("INTAKE_MAX_DECODED_BYTES", 128 * 1024 * 1024)
INTAKE_IMAGE_TYPES = ["jpeg", "png", "heic"]
INTAKE_VIDEO_TYPES = ["mp4", "mov", "webm"]
INTAKE_CHUNK_BYTES = env_int("INTAKE_CHUNK_BYTES", 4 * 1024 * 1024)
INTAKE_LINK_DAYS = env_int("INTAKE_LINK_DAYS", 30)
INTAKE_FILES_PER_HOUR = env_int("INTAKE_FILES_PER_HOUR", 60)
INTAKE_REQUESTS_PER_MINUTE = env_int("INTAKE_REQUESTS_PER_MINUTE", 600)
INTAKE_PARTIAL_HOURS = env_int("INTAKE_PARTIAL_HOURS", 48)
CELERY_BEAT_SCHEDULE["intake-partial-cleanup"] = {"task": "intake.tasks.partial_cleanup", "schedule": 3600}
# A video whose task was lost is queued again after this long, and marked failed after this many hours.
INTAKE_PROCESSING_STALE_MINUTES = env_int("INTAKE_PROCESSING_STALE_MINUTES", 30)
INTAKE_PROCESSING_GIVE_UP_HOURS = env_int("INTAKE_PROCESSING_GIVE_UP_HOURS", 6)
CELERY_BEAT_SCHEDULE["intake-processing-sweep"] = {"task": "intake.tasks.processing_sweep", "schedule": 600}

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
# Archives hold tipsters' contact data too: monthly ones are kept no longer than the retention period
# (privacy.W001 warns when BACKUP_KEEP_MONTHLY is set beyond it).
TIPS_RETENTION_DAYS = env_int("TIPS_RETENTION_DAYS", 180)
BACKUP_KEEP_MONTHLY = env_int("BACKUP_KEEP_MONTHLY", max(1, TIPS_RETENTION_DAYS // 31))
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
# Our own reverse proxies (addresses or networks): only behind them is X-Forwarded-For read for the client.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
TIPS_STAFF_EMAIL = env_str("TIPS_STAFF_EMAIL", "")  # gets tips no partner is responsible for
# Partners who chose the daily digest get their waiting tips once a day at this hour.
CELERY_BEAT_SCHEDULE["tips-digest"] = {
    "task": "tips.tasks.tips_digest_task", "schedule": _crontab(hour=env_int("TIPS_DIGEST_HOUR", 7), minute=5),
}
MAP_CACHE_SECONDS = env_int("MAP_CACHE_SECONDS", 60)
MAP_MAX_POINTS = env_int("MAP_MAX_POINTS", 2000)  # more in one box are answered as counts per grid cell
# Privacy: personal data is anonymised TIPS_RETENTION_DAYS after it was received (nightly); the apps that
# hold personal data are listed here (see privacy/registry.py).
PRIVACY_PERSONAL_DATA = ["tips.personal_data", "matching.personal_data"]
PRIVACY_LINK_HOURS = env_int("PRIVACY_LINK_HOURS", 24)  # how long a mailed link to one's data works
CELERY_BEAT_SCHEDULE["privacy-retention"] = {"task": "privacy.tasks.retention_task",
                                             "schedule": _crontab(hour=2, minute=41)}

# Matching: people who seek company and people who offer it. Times in hours or days.
MATCHING_CONFIRM_HOURS = env_int("MATCHING_CONFIRM_HOURS", 48)  # unconfirmed e-mail sign-ups are deleted then
MATCHING_ANSWER_DAYS = env_int("MATCHING_ANSWER_DAYS", 3)  # a proposal without both answers frees the place
MATCHING_RECHECK_BEFORE_DAYS = env_int("MATCHING_RECHECK_BEFORE_DAYS", 14)  # ask "still want company?" then
MATCHING_RECHECK_AGE_DAYS = env_int("MATCHING_RECHECK_AGE_DAYS", 21)  # ... of people who signed up this long ago
MATCHING_CONTACT_KEEP_DAYS = env_int("MATCHING_CONTACT_KEEP_DAYS", 30)  # after the campaign ends
MATCHING_PUBLIC_MIN_COUNT = env_int("MATCHING_PUBLIC_MIN_COUNT", 3)  # smaller public counts are not shown
CELERY_BEAT_SCHEDULE["matching-housekeeping"] = {"task": "matching.tasks.matching_housekeeping_task",
                                                 "schedule": 3600.0}
