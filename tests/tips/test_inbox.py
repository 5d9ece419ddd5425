"""The tips inbox in the admin: every tip view as every role, and working on a tip from its reading view."""

import pytest
from django.urls import reverse

from appeals.models import AppealPage
from appeals.selectors import appeal_open_count
from tandems.models import TandemPage, TandemStatusChange
from tests.localization.conftest import translate_page
from tips.models import Tip, TipEvent, TipStatus

pytestmark = pytest.mark.django_db
VIEWS = ["inspect", "edit", "history", "usage"]
ROLES = ["staff", "editor_a", "moderator_a", "editor_b", "moderator_b"]


@pytest.fixture
def moderator_b(partner_b):
    from core.factories import UserFactory

    user = UserFactory(username="moderator-b")
    user.groups.add(partner_b.moderators_group)
    return user


@pytest.fixture
def tips(partner_a, partner_b):
    def tip(partner, letter):
        return Tip.objects.create(appeal=partner.appeal, partner=partner, kind="job",
                                  message=f"Secret tip for {letter}: the bakery hires.", name=f"Tipster {letter}",
                                  email=f"tipster-{letter}@example.org", consent=True, channel="whatsapp",
                                  town="Köln", latitude=50.94, longitude=6.96, language="ar")
    return {"a": tip(partner_a, "a"), "b": tip(partner_b, "b")}


def _as(client, user):
    client.force_login(user)
    return client


def _reading(tip, query=""):
    return reverse("wagtailsnippets_tips_tip:inspect", args=[tip.pk]) + query


@pytest.mark.parametrize("role", ROLES)
def test_every_tip_view_opens_for_every_role_and_shows_no_other_partners_data(client, request, tips, role):
    client = _as(client, request.getfixturevalue(role))
    own = "ab" if role == "staff" else role[-1]
    for letter, tip in tips.items():
        for view in VIEWS:
            for query in ("", "?contact=1") if view == "inspect" else ("",):
                response = client.get(reverse(f"wagtailsnippets_tips_tip:{view}", args=[tip.pk]) + query)
                assert response.status_code < 500, (view, letter)
                assert (response.status_code == 200) is (letter in own), (view, letter)
    listing = client.get(reverse("wagtailsnippets_tips_tip:list")).content.decode()
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    for letter in "ab":
        if letter not in own:
            for html in (listing, home):
                assert f"tip for {letter}" not in html and f"Appeal {letter.upper()}" not in html
                assert f"Partner {letter.upper()} e.V." not in html


def test_the_list_reads_like_an_inbox(client, tips, editor_a):
    listing = _as(client, editor_a).get(reverse("wagtailsnippets_tips_tip:list")).content.decode()
    assert "Secret tip for a: the bakery hires." in listing  # the excerpt
    assert _reading(tips["a"]) in listing  # a click opens the reading view
    for label in ("neu", "Stellenangebot", "Appeal A", "Köln", "whatsapp"):
        assert label in listing, label
    assert ">True<" not in listing and ">None<" not in listing and ">False<" not in listing


def test_the_reading_view_shows_the_whole_tip_and_contact_data_only_on_request_which_is_recorded(
        client, tips, editor_a, staff):
    page = _as(client, editor_a).get(_reading(tips["a"])).content.decode()
    assert "Secret tip for a: the bakery hires." in page and "Appeal A" in page and "whatsapp" in page
    assert 'data-lat="50.940000"' in page and "العربية" in page
    assert "tipster-a@example.org" not in page
    page = client.get(_reading(tips["a"], "?contact=1")).content.decode()
    assert "tipster-a@example.org" in page and "Tipster a" in page
    assert TipEvent.objects.filter(tip=tips["a"], user=editor_a, kind="contact_viewed").count() == 1
    # Who opened the contact data is an audit for staff, not part of the partner's worklog.
    assert "Kontaktdaten geöffnet" not in client.get(_reading(tips["a"])).content.decode()
    assert "Kontaktdaten geöffnet" in _as(client, staff).get(_reading(tips["a"])).content.decode()


def test_a_tip_is_assigned_only_to_a_colleague_or_staff(client, tips, editor_a, moderator_a, editor_b, staff):
    client = _as(client, editor_a)
    page = client.get(_reading(tips["a"])).content.decode()
    assert moderator_a.get_full_name() in page and editor_b.get_full_name() not in page
    response = client.post(_reading(tips["a"]), {"action": "assign", "assignee": editor_b.pk})
    assert response.status_code == 400 and Tip.objects.get(pk=tips["a"].pk).assigned_to is None
    client.post(_reading(tips["a"]), {"action": "assign", "assignee": moderator_a.pk})
    tip = Tip.objects.get(pk=tips["a"].pk)
    assert tip.assigned_to == moderator_a and tip.status == TipStatus.IN_REVIEW
    client.post(_reading(tips["a"]), {"action": "assign", "assignee": staff.pk})
    assert Tip.objects.get(pk=tips["a"].pk).assigned_to == staff
    assert client.post(_reading(tips["b"]), {"action": "assign", "assignee": editor_a.pk}).status_code != 200
    assert Tip.objects.get(pk=tips["b"].pk).assigned_to is None


def test_notes_and_status_changes_land_in_the_history(client, tips, moderator_a):
    client = _as(client, moderator_a)
    client.post(_reading(tips["a"]), {"action": "note", "text": "Rufe morgen an."})
    client.post(_reading(tips["a"]), {"action": "status", "status": TipStatus.NOT_USEFUL})
    page = client.get(_reading(tips["a"])).content.decode()
    assert "Rufe morgen an." in page and "Status geändert" in page
    assert Tip.objects.get(pk=tips["a"].pk).status == TipStatus.NOT_USEFUL
    # A note left empty is refused with a message, and nothing is saved.
    response = client.post(_reading(tips["a"]), {"action": "note", "text": "  "})
    assert response.status_code == 400 and TipEvent.objects.filter(kind="note").count() == 1


def test_an_unknown_action_is_refused(client, tips, editor_a):
    response = _as(client, editor_a).post(_reading(tips["a"]), {"action": "delete"})
    assert response.status_code in (302, 403) and Tip.objects.filter(pk=tips["a"].pk).exists()


def test_job_found_closes_the_appeal_in_every_language(client, tips, partner_a, moderator_a, editor_a):
    english = translate_page(partner_a.appeal, "en", title="Appeal A in English")
    arabic = translate_page(partner_a.appeal, "ar", title="Appeal A in Arabic")
    before = appeal_open_count()
    response = _as(client, moderator_a).post(
        _reading(tips["a"]), {"action": "outcome", "status": "job_found", "on": "2026-11-20", "note": "Bäckerei"})
    assert response.status_code == 302
    tip = Tip.objects.get(pk=tips["a"].pk)
    outcome = TandemStatusChange.objects.get(translation_key=tip.outcome_key, tandem=partner_a.tandem)
    assert (outcome.status, outcome.note, str(outcome.date)) == ("job_found", "Bäckerei", "2026-11-20")
    # Moderators publish; the tandem's translations show the new status without a sync.
    assert {tandem.status for tandem in TandemPage.objects.filter(translation_key=partner_a.tandem.translation_key)
            } == {"job_found"}
    assert TandemPage.objects.filter(translation_key=partner_a.tandem.translation_key).count() == 3
    assert tip.status == TipStatus.USEFUL
    for appeal in (partner_a.appeal, english, arabic):
        appeal = AppealPage.objects.get(pk=appeal.pk)
        assert appeal.closed_reason == "job_found" and not appeal.is_open()
    assert appeal_open_count() == before - 1
    for language in ("de", "en", "ar"):
        form = client.get(f"/{language}/tips/appeal/{partner_a.appeal.pk}/").content.decode()
        assert 'role="alert"' in form
    assert "Arbeit gefunden" in client.get(_reading(tips["a"])).content.decode()
    # A later edit of the tandem's draft keeps the outcome, and publishing an old appeal draft does not reopen it.
    partner_a.appeal.refresh_from_db()
    AppealPage.objects.get(pk=partner_a.appeal.pk).get_latest_revision().publish()
    assert AppealPage.objects.get(pk=partner_a.appeal.pk).closed_reason == "job_found"


def test_an_editor_of_an_untrusted_partner_records_an_outcome_as_a_draft(client, tips, partner_a, editor_a):
    _as(client, editor_a).post(_reading(tips["a"]), {"action": "outcome", "status": "interview", "on": "2026-11-20"})
    tandem = TandemPage.objects.get(pk=partner_a.tandem.pk)
    assert tandem.status == "searching" and tandem.has_unpublished_changes
    assert tandem.get_latest_revision_as_object().status == "interview"
    assert AppealPage.objects.get(pk=partner_a.appeal.pk).is_open()  # an interview does not meet the ask


def test_the_dashboard_lists_new_and_unassigned_tips(client, tips, editor_a):
    home = _as(client, editor_a).get(reverse("wagtailadmin_home")).content.decode()
    assert 'id="tips-inbox' in home and _reading(tips["a"]) in home and _reading(tips["b"]) not in home
    assert "1 neuer Tipp" in home
    listing = client.get(reverse("wagtailsnippets_tips_tip:list") + "?assigned=nobody").content.decode()
    assert f"#{tips['a'].pk} " in listing


def test_a_reply_reaches_the_tipster_in_their_language_and_is_logged(client, tips, editor_a, mailoutbox):
    from outbox.services import outbox_deliver_due

    response = _as(client, editor_a).post(_reading(tips["a"]), {"action": "reply", "text": "Danke, wir rufen an!"})
    assert response.status_code == 302
    outbox_deliver_due()
    (reply,) = mailoutbox
    assert reply.to == ["tipster-a@example.org"] and reply.reply_to == ["tips@partner-a.example.org"]
    assert reply.body.startswith("مرحبًا") and "Danke, wir rufen an!" in reply.body  # the tip was in Arabic
    assert "Secret tip for a" in reply.body
    assert "Danke, wir rufen an!" in client.get(_reading(tips["a"])).content.decode()
    # Without consent there is no reply form, and a forged post sends nothing.
    Tip.objects.filter(pk=tips["a"].pk).update(consent=False)
    assert 'id="tip-action-reply"' not in client.get(_reading(tips["a"])).content.decode()
    assert client.post(_reading(tips["a"]), {"action": "reply", "text": "Hallo"}).status_code == 400
    outbox_deliver_due()
    assert len(mailoutbox) == 1


def test_forwarding_needs_the_mentors_address_then_reaches_the_mentor(client, tips, partner_a, editor_a,
                                                                      mailoutbox):
    from outbox.services import outbox_deliver_due

    client = _as(client, editor_a)
    assert "Tragen Sie zuerst die E-Mail-Adresse" in client.get(_reading(tips["a"])).content.decode()
    response = client.post(_reading(tips["a"]), {"action": "forward", "text": "Für Amal"})
    assert response.status_code == 400 and "keine E-Mail-Adresse der Mentorin" in response.content.decode()
    TandemPage.objects.filter(pk=partner_a.tandem.pk).update(mentor_email="jonas@example.org")
    assert client.post(_reading(tips["a"]), {"action": "forward", "text": "Für Amal"}).status_code == 302
    outbox_deliver_due()
    (forward,) = mailoutbox
    assert forward.to == ["jonas@example.org"] and "Für Amal" in forward.body and "Secret tip for a" in forward.body
    assert "tipster-a@example.org" in forward.body  # the tipster agreed to be contacted
    assert Tip.objects.get(pk=tips["a"].pk).status == TipStatus.FORWARDED


def test_the_daily_digest_goes_to_partners_who_chose_it_once_a_day(tips, partner_a, mailoutbox, settings):
    from outbox.services import outbox_deliver_due
    from partners.models import PartnerPage
    from tips.tasks import tips_digest_task

    assert "tips-digest" in settings.CELERY_BEAT_SCHEDULE
    PartnerPage.objects.filter(pk=partner_a.pk).update(tips_digest=True, notification_language="en")
    assert tips_digest_task() == 1 and tips_digest_task() == 1  # the beat ran twice today
    outbox_deliver_due()
    (digest,) = mailoutbox
    assert digest.to == ["tips@partner-a.example.org"] and "1 tip is waiting for you" in digest.subject
    assert "Secret tip for a" in digest.body and f"/admin/snippets/tips/tip/inspect/{tips['a'].pk}/" in digest.body
    assert "for b" not in digest.body
    Tip.objects.filter(pk=tips["a"].pk).update(status=TipStatus.USEFUL)
    mailoutbox.clear()
    from outbox.models import OutgoingEmail
    OutgoingEmail.objects.all().delete()
    assert tips_digest_task() == 0  # nothing waits: no e-mail


def test_nobody_adds_a_tip_in_the_admin(client, staff):
    client.force_login(staff)
    assert "Tipp hinzufügen" not in client.get(reverse("wagtailsnippets_tips_tip:list")).content.decode()
    assert client.get(reverse("wagtailsnippets_tips_tip:add")).status_code in (302, 403)
