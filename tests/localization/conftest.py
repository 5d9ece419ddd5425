"""Helpers for translated pages; the partners, tandems and users come from tests/conftest.py."""

import importlib

import pytest
from wagtail.models import Locale


def translate_page(page, code: str, **fields):
    """Publish `page` in language `code` (parents get aliases if untranslated), with `fields` set."""
    translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def tandem_in_english(partner_a):
    return translate_page(partner_a.tandem, "en", title="Tandem A in English")


@pytest.fixture
def site_tree(transactional_db):
    """The root, home page, locales, site and root collection that migrations create.

    A transactional test that runs before ours flushes them, and serialized_rollback does not bring them
    back in this suite (the test database's serialized copy is not on the connection the tests use), so a
    browser test rebuilds them when they are missing, the way home/migrations/0002 made them.
    """
    from django.apps import apps
    from wagtail.models import Collection, Page

    if Page.objects.filter(depth=2, locale__language_code="de").exists():
        return
    create_homepage = importlib.import_module("home.migrations.0002_create_homepage").create_homepage
    german, _ = Locale.objects.get_or_create(language_code="de")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=german))
    create_homepage(apps, None)
    Page.objects.filter(depth=1).update(numchild=1)
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
