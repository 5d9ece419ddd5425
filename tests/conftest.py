"""Fixtures shared by the whole suite: the real Celery worker, Redis control and Chromium."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.core.cache import cache

from tests.services import SERVICES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 390, "height": 844}
# What a monitor sends to read the details of /healthz (HEALTHZ_TOKEN in portal/settings/test.py).
MONITOR = {"Authorization": "Bearer test-monitor-token"}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(autouse=True)
def _breakers_closed():
    """Every test starts with every circuit breaker closed: one that stopped Redis must not make the next
    test skip the broker for the rest of the breaker's open window."""
    from core import breaker

    breaker._breakers.clear()
    yield


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so no test sees another's cached pages or counters."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session", autouse=True)
def _migrated_contents(django_db_setup, django_db_blocker) -> str:
    """The test database as the migrations leave it (locales, site, home page, groups).

    Taken when the session starts (autouse), before any test can empty the database.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        if "wagtailcore_site" not in connection.introspection.table_names():
            return ""  # no collected test uses the database, so pytest-django made none
        contents = (getattr(connection, "_test_serialized_contents", None)
                    or connection.creation.serialize_db_to_string())
    # `_site_as_migrated` is the one way back to the migrated site. Django's own serialized_rollback would load
    # this copy into a database where a plain transactional test's flush had recreated the content types under
    # other ids, and fail on their unique names.
    if hasattr(connection, "_test_serialized_contents"):
        del connection._test_serialized_contents
    return contents


@pytest.fixture(autouse=True)
def _site_as_migrated(request):
    """Give every transactional test the migrated site, even after an earlier one emptied every table.

    Django's serialized_rollback cannot do it here: Playwright's sync API runs later tests in a greenlet
    whose database connection lacks the serialized copy, so pages, locales and the site stay gone.
    """
    marker = request.node.get_closest_marker("django_db")
    needs_commits = {"transactional_db", "live_server"} & set(request.fixturenames)
    transactional = (marker and marker.kwargs.get("transaction")) or needs_commits
    if not transactional:
        return
    request.getfixturevalue("transactional_db")  # after pytest-django's own set-up of this test
    from wagtail.models import Site

    if not Site.objects.exists():
        _restore(request.getfixturevalue("_migrated_contents"))


def _restore(contents: str) -> None:
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    # The flush after a plain transactional test recreated content types with new ids: start from empty.
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(contents)
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(statement)
    ContentType.objects.clear_cache()


@pytest.fixture
def redis_server():
    """The session's Redis server, which a test may stop and start again on the same port."""
    server = SERVICES.get("redis")
    if server is None:
        pytest.skip("Redis was given from outside (NAHBAR_TEST_REDIS_URL); it cannot be stopped here.")
    yield server
    if server.running:
        server.thaw()  # a test that froze it and failed must not leave it hanging for the next
    else:
        server.start()


@pytest.fixture
def postgres_server():
    """The session's PostgreSQL cluster, which a test may halt and resume (the test process reconnects)."""
    server = SERVICES.get("postgres")
    if server is None:
        pytest.skip("PostgreSQL was given from outside (NAHBAR_TEST_DATABASE_URL); it cannot be stopped here.")
    yield server
    import contextlib
    import subprocess

    with contextlib.suppress(subprocess.CalledProcessError):  # it is running already
        server.resume()


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker consuming from the session's Redis, in this process."""
    from celery.contrib.testing.worker import start_worker

    from portal.celery import app

    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30) as worker:
        yield worker


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


# A transparent 1x1 PNG: map tiles from outside are answered with it, so no test touches the internet
# and a page with a map still loads without errors.
BLANK_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360606060000000050001a5f645400000000049454e44ae426082"
)


def _only_loopback(route):
    request = route.request
    host = urlsplit(request.url).hostname or ""
    if host in {"127.0.0.1", "localhost", "::1"} or request.url.startswith(("data:", "blob:")):
        route.continue_()
    elif request.resource_type == "image":
        route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
    else:
        route.abort()


def _open_page(browser, viewport, locale="de-DE"):
    context = browser.new_context(viewport=viewport, locale=locale)
    context.route("**/*", _only_loopback)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return context, page


@pytest.fixture
def phone_page(browser):
    """A phone-sized Chromium tab that reaches nothing but this machine."""
    context, page = _open_page(browser, PHONE)
    yield page
    context.close()


@pytest.fixture
def desktop_page(browser):
    context, page = _open_page(browser, DESKTOP)
    yield page
    context.close()


# ---------------------------------------------------------------------------------------------------------
# Shared roles for permission tests (owned by the partner-network CMS, issue 3). Reuse, don't copy:
# two onboarded partners A and B, each with one tandem and one appeal under it (and a picture, a document and
# a video in its own collection), and the users editor_a, moderator_a, editor_b and staff (password "password").
# ---------------------------------------------------------------------------------------------------------


def _onboarded_partner(letter: str):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model
    from wagtail.models import Page
    from wagtailmedia.models import Media

    from appeals.factories import AppealPageFactory
    from core.factories import ImageFactory
    from partners.services import partner_onboard
    from tandems.factories import TandemPageFactory

    home = Page.objects.get(depth=2, locale__language_code="de").specific
    partner = partner_onboard(home=home, title=f"Partner {letter} e.V.", slug=f"partner-{letter.lower()}",
                              notification_email=f"tips@partner-{letter.lower()}.example.org")
    partner.tandem = TandemPageFactory(parent=partner, title=f"Tandem {letter}", slug=f"tandem-{letter.lower()}")
    partner.appeal = AppealPageFactory(parent=partner.tandem, title=f"Appeal {letter}",
                                       slug=f"appeal-{letter.lower()}")
    partner.image = ImageFactory(title=f"Picture {letter}", collection=partner.collection)
    partner.document = get_document_model().objects.create(
        title=f"Document {letter}", collection=partner.collection,
        file=ContentFile(b"Nahbar test document", name=f"document-{letter.lower()}.txt"),
    )
    partner.media = Media.objects.create(
        title=f"Clip {letter}", type="video", collection=partner.collection, duration=1,
        file=ContentFile(b"not really a video", name=f"clip-{letter.lower()}.mp4"),
    )
    return partner


@pytest.fixture
def partner_a(db):
    """Partner A, onboarded: `.tandem`, `.appeal` (under the tandem), `.image`, `.document`, `.media` are its own."""
    return _onboarded_partner("A")


@pytest.fixture
def partner_b(db):
    """Partner B, onboarded like partner A, so every test can check that A's people cannot touch it."""
    return _onboarded_partner("B")


def _member(username: str, group):
    from core.factories import UserFactory

    user = UserFactory(username=username)
    user.groups.add(group)
    return user


@pytest.fixture
def editor_a(partner_a):
    return _member("editor-a", partner_a.editors_group)


@pytest.fixture
def moderator_a(partner_a):
    return _member("moderator-a", partner_a.moderators_group)


@pytest.fixture
def editor_b(partner_b):
    return _member("editor-b", partner_b.editors_group)


@pytest.fixture
def staff(db):
    """A superuser: sees and does everything."""
    from core.factories import UserFactory

    user = UserFactory(username="staff-user", is_staff=True, is_superuser=True)
    return user


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server the portal's e-mails go to for this test (instead of Django's in-memory outbox)."""
    from tests.smtp_sink import SmtpSink

    sink = SmtpSink()
    sink.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = \
        "127.0.0.1", sink.port, False, 5
    yield sink
    sink.stop()
