"""Editors translate pages side by side with wagtail-localize and see what is out of date; admin in ar is rtl."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("en", "ltr"), ("de", "ltr")])
def test_the_admin_speaks_the_editors_language_and_arabic_is_right_to_left(client, editor_a, partner_a,
                                                                            language, direction):
    profile = UserProfile.get_for_user(editor_a)
    profile.preferred_language = language
    profile.save()
    client.force_login(editor_a)

    html = client.get(reverse("wagtailadmin_explore", args=[partner_a.id])).content.decode()

    assert f'lang="{language}" dir="{direction}"' in html


def _submit(client, page, *codes):
    locales = [Locale.objects.get(language_code=code).id for code in codes]
    return client.post(reverse("wagtail_localize:submit_page_translation", args=[page.id]), {"locales": locales})


def _translate_every_string(client, page, code, prefix):
    source = TranslationSource.objects.get_for_instance(page)
    translation = Translation.objects.get(source=source, target_locale__language_code=code)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.id, segment.id])
        response = client.put(url, urlencode({"value": f"{prefix} {segment.string.data}"}),
                              content_type="application/x-www-form-urlencoded")
        assert response.status_code in (200, 201)
    return translation


def _report(client) -> str:
    return client.get(reverse("wagtail_localize:translations_report"), HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_an_editor_translates_a_tandem_side_by_side_and_sees_it_go_out_of_date(
        client, moderator_a, partner_a, django_capture_on_commit_callbacks):
    tandem = partner_a.tandem
    client.force_login(moderator_a)

    submitted = _submit(client, tandem, "en", "ar")
    assert (submitted.status_code, submitted["Location"]) == (302, reverse("wagtailadmin_explore", args=[partner_a.id]))
    english, arabic = (tandem.get_translation(Locale.objects.get(language_code=code)) for code in ("en", "ar"))
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[english.id]))
    assert "wagtail_localize/admin/edit_translation.html" in [template.name for template in editor.templates]

    _translate_every_string(client, tandem, "en", "[en]")
    _translate_every_string(client, tandem, "ar", "[ar]")
    for page in (english, arabic):
        with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
            client.post(reverse("wagtailadmin_pages:edit", args=[page.id]), {"action": "publish"})
    english.refresh_from_db()
    arabic.refresh_from_db()
    assert english.live and english.title == f"[en] {tandem.title}"
    assert "[ar]" in client.get(arabic.get_url()).content.decode()
    report = _report(client)
    assert report.count("Up to date") == 2
    waiting_before = report.count("Waiting for translations")  # the report's filter names it once, too

    tandem.summary = "Neu: Amal hat ein Vorstellungsgespräch."
    tandem.save_revision(user=moderator_a).publish()
    source = TranslationSource.objects.get_for_instance(tandem)
    assert client.post(reverse("wagtail_localize:update_translations", args=[source.id])).status_code == 302

    report = _report(client)
    assert (report.count("Up to date"), report.count("Waiting for translations")) == (0, waiting_before + 2)
    assert english.title in report
