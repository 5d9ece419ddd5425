"""The de/en/ar catalogs are complete, current and compiled, and templates hold no untranslatable text."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from localization import catalogs
from localization.template_scan import template_literals

CATALOGS = [(code, domain) for code in catalogs.LANGUAGE_CODES for domain in catalogs.domains()]


def _ids(params):
    return [f"{code}-{domain}" for code, domain in params]


@pytest.mark.parametrize(("code", "domain"), CATALOGS, ids=_ids(CATALOGS))
def test_catalog_has_no_untranslated_or_fuzzy_entries(code, domain):
    catalog = polib.pofile(str(catalogs.catalog_path(code, domain)))

    assert not catalog.metadata_is_fuzzy, "a fuzzy header is dropped by msgfmt (and Arabic plurals with it)"
    assert catalogs.unfinished_entries(catalog) == [], "run `make messages` and translate these"


@pytest.mark.parametrize(("code", "domain"), CATALOGS, ids=_ids(CATALOGS))
def test_compiled_catalog_matches_its_source(code, domain):
    # Compared by content, not by file times: git does not keep modification times.
    assert catalogs.compiled_differences(catalogs.catalog_path(code, domain)) == set(), \
        "the .mo is stale: run `make messages` and commit the .mo"


def test_committed_catalogs_hold_exactly_the_strings_of_the_sources(tmp_path):
    catalogs.catalogs_make(codes=["de"], into=tmp_path)

    for domain in catalogs.domains():
        extracted = catalogs.entry_keys(polib.pofile(str(tmp_path / "de" / "LC_MESSAGES" / f"{domain}.po")))
        for code in catalogs.LANGUAGE_CODES:
            committed = catalogs.entry_keys(polib.pofile(str(catalogs.catalog_path(code, domain))))
            assert {"new in the sources": extracted - committed, "gone from the sources": committed - extracted} \
                == {"new in the sources": set(), "gone from the sources": set()}, f"{code}/{domain}: `make messages`"


def _our_templates():
    base = Path(settings.BASE_DIR)
    for path in sorted(base.glob("*/templates/**/*")):
        if path.is_file() and path.suffix in {".html", ".txt"}:
            yield path


def test_templates_hold_no_untranslatable_text():
    found = {str(path.relative_to(settings.BASE_DIR)): template_literals(path) for path in _our_templates()}

    assert {path: literals for path, literals in found.items() if literals} == {}


def test_scanner_finds_literal_text_and_accepts_translated_text(tmp_path):
    template = tmp_path / "example.html"
    template.write_text('{% load i18n %}<p title="Hello">{% translate "Tip" %} {{ name }} – 12:30 Uhr</p>'
                        '{% blocktranslate %}Thanks, {{ name }}{% endblocktranslate %}<img alt="{{ alt }}">')

    assert template_literals(template) == ["Hello", "… – 12:30 Uhr"]


@pytest.mark.parametrize(("code", "expected"), [("de", "Zum Inhalt springen"), ("en", "Skip to content"),
                                                ("ar", "انتقل إلى المحتوى")])
def test_the_compiled_catalogs_are_the_ones_django_uses(code, expected):
    with translation.override(code):
        assert translation.gettext("Skip to content") == expected
