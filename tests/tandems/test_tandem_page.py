"""A tandem page: what visitors see, and that it is the same for every visitor (safe to cache)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils.html import escape

from core.factories import ImageFactory, generated_png
from tandems.models import TandemPage, TandemStatusChange

pytestmark = pytest.mark.django_db


def test_tandem_page_shows_portrait_story_tags_timeline_and_appeals(client, partner_a):
    tandem = partner_a.tandem
    tandem.portrait = ImageFactory(collection=partner_a.collection, title="Portrait")
    tandem.story = [("text", "<p>Amal kam 2016 nach Köln.</p>"),
                    ("quote", {"text": "Ich will wieder arbeiten.", "author": "Amal"})]
    tandem.languages.add("Arabisch")
    tandem.sought_occupations.add("Elektrikerin")
    tandem.status_changes = [TandemStatusChange(date=datetime.date(2026, 3, 1), status="interview",
                                                note="Vorstellungsgespräch bei Elektro Schmitz")]
    tandem.save_revision().publish()

    html = client.get(tandem.url).content.decode()

    assert escape(tandem.names) in html and "Amal kam 2016 nach Köln." in html and "Ich will wieder arbeiten." in html
    assert "Arabisch" in html and "Elektrikerin" in html
    assert "Vorstellungsgespräch bei Elektro Schmitz" in html and 'datetime="2026-03-01"' in html
    assert f'href="{partner_a.appeal.url}"' in html
    assert "/images/" in html and "fill-320x320" in html and ".webp" in html  # bounded, never the upload


def test_two_anonymous_visits_get_byte_identical_html(client, partner_a):
    first = client.get(partner_a.tandem.url)
    second = client.get(partner_a.tandem.url)

    assert first.status_code == 200
    assert first.content == second.content
    assert b"csrfmiddlewaretoken" not in first.content
    assert "csrftoken" not in first.cookies and "sessionid" not in first.cookies


def test_an_uploaded_intro_video_plays_with_its_poster(client, partner_a):
    tandem = partner_a.tandem
    tandem.intro_video = partner_a.media
    tandem.intro_video.thumbnail = ContentFile(generated_png("poster"), name="poster.png")
    tandem.intro_video.save()
    tandem.save_revision().publish()

    html = client.get(tandem.url).content.decode()

    assert f'src="{partner_a.media.url}"' in html and 'poster="/media/' in html and 'preload="none"' in html


def test_a_tandem_with_outcomes_can_be_copied_and_translated_and_each_keeps_its_own_notes(partner_a):
    from tests.localization.conftest import translate_page

    tandem = partner_a.tandem
    tandem.status_changes = [TandemStatusChange(date=datetime.date(2026, 3, 1), status="interview",
                                                note="Vorstellungsgespräch")]
    tandem.save_revision().publish()
    tandem = TandemPage.objects.get(pk=tandem.pk)  # as the admin's copy and translate views load it

    copy = tandem.copy(to=partner_a, update_attrs={"slug": "tandem-a-copy", "title": "Tandem A (copy)"})
    english = translate_page(tandem, "en")
    english.status_changes.update(note="Job interview")

    assert [change.note for change in copy.status_changes.all()] == ["Vorstellungsgespräch"]
    assert [change.note for change in tandem.status_changes.all()] == ["Vorstellungsgespräch"]
    original, translated = tandem.status_changes.get(), english.status_changes.get()
    assert translated.translation_key == original.translation_key and translated.locale.language_code == "en"
