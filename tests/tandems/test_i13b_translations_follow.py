"""A tandem's translations follow its status and outcomes without a manual sync; translators are told.

An outcome recorded on the German page (here by the partner's moderator, as the tip desk does) reaches the
English page at once, its live version and its newer draft alike; a note someone translated is kept, an
untranslated one follows; the dashboard lists the translation as changed in German since translated.
"""

import datetime

import pytest

from tandems.models import TandemStatus
from tandems.services import tandem_outcome_record
from tests.localization.conftest import translate_page

pytestmark = pytest.mark.django_db


def _outcomes(page):
    return [(change.status, change.note) for change in page.status_changes.order_by("sort_order", "pk")]


def _record(tandem, moderator, status, note):
    return tandem_outcome_record(tandem=tandem, status=status, on=datetime.date(2026, 11, 30), note=note,
                                 user=moderator)


def test_status_and_outcomes_reach_the_live_translation(partner_a, moderator_a):
    german = partner_a.tandem
    english = translate_page(german, "en", title="Tandem A in English")

    key = _record(german, moderator_a, TandemStatus.INTERVIEW, "Gespräch bei der Bäckerei")

    english.refresh_from_db()
    assert english.status == TandemStatus.INTERVIEW
    assert _outcomes(english) == [(TandemStatus.INTERVIEW, "Gespräch bei der Bäckerei")]
    assert english.status_changes.get().translation_key == key

    english.status_changes.filter(translation_key=key).update(note="Interview at the bakery")  # translated
    german = type(german).objects.get(pk=german.pk)
    _record(german, moderator_a, TandemStatus.JOB_FOUND, "Arbeitsvertrag unterschrieben")

    english.refresh_from_db()
    assert english.status == TandemStatus.JOB_FOUND
    assert _outcomes(english) == [(TandemStatus.INTERVIEW, "Interview at the bakery"),
                                  (TandemStatus.JOB_FOUND, "Arbeitsvertrag unterschrieben")]


def test_an_untranslated_note_follows_an_edit_and_a_translated_one_stays(partner_a, moderator_a):
    german = partner_a.tandem
    english = translate_page(german, "en")
    arabic = translate_page(german, "ar")
    key = _record(german, moderator_a, TandemStatus.INTERVIEW, "Gespräch")
    arabic.status_changes.filter(translation_key=key).update(note="مقابلة")

    draft = type(german).objects.get(pk=german.pk).get_latest_revision_as_object()
    outcome = next(change for change in draft.status_changes.all() if str(change.translation_key) == str(key))
    outcome.note = "Gespräch am Montag"  # the German note corrected
    draft.status_changes.set([outcome])
    draft.save_revision(user=moderator_a).publish(user=moderator_a)

    assert _outcomes(type(english).objects.get(pk=english.pk)) == [(TandemStatus.INTERVIEW, "Gespräch am Montag")]
    assert _outcomes(type(arabic).objects.get(pk=arabic.pk)) == [(TandemStatus.INTERVIEW, "مقابلة")]


def test_a_translations_older_draft_does_not_bring_the_old_status_back(partner_a, moderator_a):
    german = partner_a.tandem
    english = translate_page(german, "en", title="Tandem A in English")
    draft = english.get_latest_revision_as_object()
    draft.summary = "A summary the translator is still working on."
    draft.save_revision(user=moderator_a)  # a draft older than the German change below

    _record(german, moderator_a, TandemStatus.JOB_FOUND, "Arbeitsvertrag")

    english.refresh_from_db()
    waiting = english.get_latest_revision_as_object()
    assert waiting.summary == "A summary the translator is still working on."
    assert waiting.status == TandemStatus.JOB_FOUND
    assert _outcomes(waiting) == [(TandemStatus.JOB_FOUND, "Arbeitsvertrag")]
    english.get_latest_revision().publish(user=moderator_a)
    english.refresh_from_db()
    assert english.status == TandemStatus.JOB_FOUND


@pytest.mark.parametrize("role", ["moderator_a", "editor_a"])
def test_the_dashboard_tells_translators_what_changed_in_german(request, client, partner_a, moderator_a, role):
    german = partner_a.tandem
    english = translate_page(german, "en", title="Tandem A in English")
    client.force_login(request.getfixturevalue(role))
    assert "Tandem A in English" not in client.get("/admin/").content.decode()

    _record(german, moderator_a, TandemStatus.JOB_FOUND, "Arbeitsvertrag")
    dashboard = client.get("/admin/").content.decode()

    assert "Seit der Übersetzung auf Deutsch geändert" in dashboard
    assert f'href="/admin/pages/{english.pk}/edit/"' in dashboard
    english.get_latest_revision_as_object().save_revision(user=moderator_a)  # the translator saved it
    assert f'href="/admin/pages/{english.pk}/edit/"' not in client.get("/admin/").content.decode()


def test_another_partner_is_not_told(client, partner_a, partner_b, moderator_a, editor_b):
    german = partner_a.tandem
    translate_page(german, "en", title="Tandem A in English")
    _record(german, moderator_a, TandemStatus.JOB_FOUND, "Arbeitsvertrag")
    client.force_login(editor_b)

    assert "Tandem A in English" not in client.get("/admin/").content.decode()
