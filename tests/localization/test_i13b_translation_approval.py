"""An untrusted partner's translations go through its approval workflow, like its German pages.

The translator (the partner's editor, who may not publish) submits the translation from wagtail-localize's
editor; nothing is live until the partner's moderator approves it.
"""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from .test_editors import _submit, _translate_every_string

pytestmark = pytest.mark.django_db


def _arabic(page):
    return page.get_translation(Locale.objects.get(language_code="ar"))


def test_an_editors_translation_waits_for_the_moderator(client, editor_a, moderator_a, partner_a,
                                                        django_capture_on_commit_callbacks):
    tandem = partner_a.tandem
    client.force_login(editor_a)
    assert _submit(client, tandem, "ar").status_code == 302
    arabic = _arabic(tandem)
    assert not arabic.live  # a new translation is a draft, not the German text live under /ar/

    _translate_every_string(client, tandem, "ar", "[ar]")
    edit_url = reverse("wagtailadmin_pages:edit", args=[arabic.id])
    assert "localization-submit-for-approval" in client.get(edit_url).content.decode()
    client.post(edit_url, {"action": "publish"})  # wagtail-localize's own button: refused (no publish right)
    arabic.refresh_from_db()
    assert not arabic.live
    submitted = client.post(edit_url, {"localization-submit-for-approval": "1"})

    assert submitted.status_code == 302
    arabic.refresh_from_db()
    assert not arabic.live and arabic.workflow_in_progress
    assert arabic.get_workflow() == partner_a.get_workflow()  # the section's own, not Wagtail's default
    assert "[ar]" in arabic.get_latest_revision_as_object().title
    assert "localization-submit-for-approval" not in client.get(edit_url).content.decode()

    client.force_login(moderator_a)
    task_state = arabic.current_workflow_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[arabic.id, "approve", task_state.id])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve, {"comment": ""}).status_code in (200, 302)
    arabic.refresh_from_db()
    assert arabic.live and arabic.title == f"[ar] {tandem.title}"


def test_another_partners_people_cannot_approve(client, editor_a, partner_a, editor_b, partner_b):
    client.force_login(editor_a)
    _submit(client, partner_a.tandem, "ar")
    arabic = _arabic(partner_a.tandem)
    client.post(reverse("wagtailadmin_pages:edit", args=[arabic.id]), {"localization-submit-for-approval": "1"})
    arabic.refresh_from_db()
    client.force_login(editor_b)

    approve = reverse("wagtailadmin_pages:workflow_action",
                      args=[arabic.id, "approve", arabic.current_workflow_task_state.id])
    assert client.post(approve, {"comment": ""}).status_code != 200  # not found (then the locale redirect)
    arabic.refresh_from_db()
    assert not arabic.live


def test_an_editor_cannot_publish_updated_translations_past_approval(client, editor_a, partner_a):
    client.force_login(editor_a)
    _submit(client, partner_a.tandem, "ar")
    source = TranslationSource.objects.get_for_instance(partner_a.tandem)

    response = client.post(reverse("wagtail_localize:update_translations", args=[source.id]),
                           {"publish_translations": "on"})

    assert (response.status_code, response.get("Location")) in ((403, None), (302, "/admin/"))  # refused
    assert not _arabic(partner_a.tandem).live
