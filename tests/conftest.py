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
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache, so no test sees another's cached pages or counters."""
    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def redis_server():
    """The session's Redis server, which a test may stop and start again on the same port."""
    server = SERVICES.get("redis")
    if server is None:
        pytest.skip("Redis was given from outside (NAHBAR_TEST_REDIS_URL); it cannot be stopped here.")
    yield server
    if not server.running:
        server.start()


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
def site_tree(db):
    """The site that migrations create (locales, root, German home page, root collection, staff moderators).

    Transactional tests flush it and serialized_rollback does not restore it in this suite, so it is rebuilt
    when missing, by the home app's own migration function.
    """
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Collection, Locale, Page

    if Page.objects.filter(depth=2, locale__language_code="de").exists():
        return
    german, _ = Locale.objects.get_or_create(language_code="de")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=german))
    importlib.import_module("home.migrations.0002_create_homepage").create_homepage(apps, None)
    Page.objects.filter(depth=1).update(numchild=1)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    Group.objects.get_or_create(name="Moderators")


@pytest.fixture
def partner_a(site_tree):
    """Partner A, onboarded: `.tandem`, `.appeal` (under the tandem), `.image`, `.document`, `.media` are its own."""
    return _onboarded_partner("A")


@pytest.fixture
def partner_b(site_tree):
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
