"""The public "become a tandem" form: a mentor applies with the newcomer's consent; a draft tandem page waits in
the chosen partner's workflow, the mentor hears back by e-mail in their language, spam and bad input are turned
away without losing what was typed, and nobody but the partner and staff sees the application."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.models import Page, WorkflowState

from intake.models import Upload, UploadStatus
from outbox.services import outbox_deliver_due
from tandems.models import TandemApplication, TandemPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick(settings, tmp_path):
    settings.TIPS_MIN_SECONDS = 0  # the tests submit at machine speed; the tip form's tests cover the timing
    settings.INTAKE_ROOT = tmp_path / "intake"


def _photo(name="amal.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def _form(client, language="de", query="", **fields) -> dict:
    html = client.get(f"/{language}/become-a-tandem/{query}").content.decode()
    started = re.search(r'name="started" value="([^"]*)"', html).group(1)
    data = {"started": started, "newcomer_name": "Samira", "mentor_name": "Jonas", "place_0": "50667", "place_1": "",
            "place_2": "", "looking_for": "Eine Ausbildung als Tischlerin", "languages": "Arabisch, Deutsch",
            "story": "Samira kam 2023 nach Köln und hat in Syrien schon in einer Werkstatt gearbeitet.",
            "email": "jonas@example.org", "consent": "on"}
    data.update(fields)
    return data


def _to_mentor(mails) -> list:
    return [mail for mail in mails if mail.to == ["jonas@example.org"]]


def _post(client, data, language="de", **files):
    return client.post(f"/{language}/become-a-tandem/", {**data, **files})


def test_an_application_becomes_a_draft_in_the_partners_workflow_and_the_mentor_hears_back(
        client, partner_a, moderator_a, mailoutbox):
    response = _post(client, _form(client, "ar", partner=partner_a.pk), "ar", photos=[_photo(), _photo("b.png")])
    assert response.status_code == 302 and response["Location"] == "/ar/become-a-tandem/thanks/"

    tandem = TandemPage.objects.get(names="Samira & Jonas")
    assert tandem.get_parent().pk == partner_a.pk and not tandem.live
    assert (tandem.town, tandem.mentor_email) == ("Köln", "jonas@example.org")
    assert [tag.name for tag in tandem.get_latest_revision_as_object().languages.all()] == ["Arabisch", "Deutsch"]
    assert WorkflowState.objects.get(object_id=str(tandem.pk)).status == "in_progress"
    assert TandemApplication.objects.get(tandem=tandem).language == "ar"
    # Photos take the phone-upload path: cleaned and waiting for the partner's approval.
    assert list(Upload.objects.filter(link__tandem=tandem).values_list("status", flat=True)) == [
        UploadStatus.PENDING] * 2
    assert client.get(f"/de/partner-a/{tandem.slug}/").status_code == 404  # a draft is not public

    outbox_deliver_due()
    (received,) = _to_mentor(mailoutbox)  # the moderators hear from Wagtail's workflow
    assert received.to == ["jonas@example.org"] and received.body.startswith("مرحبًا")
    assert "/ar/upload/" in received.body and "Samira" not in received.body  # no typed text to an unverified address

    # The partner's moderator approves and publishes: the mentor is told once, in Arabic.
    tandem.get_latest_revision().publish(user=moderator_a)
    tandem.get_latest_revision().publish(user=moderator_a)
    outbox_deliver_due()
    (_received, published) = _to_mentor(mailoutbox)
    assert f"/de/partner-a/{tandem.slug}/" in published.body
    assert published.subject != received.subject and published.body.startswith("مرحبًا")


def test_without_a_partner_the_application_waits_with_staff(client, partner_a, editor_a, staff):
    assert _post(client, _form(client), photos=[_photo()]).status_code == 302
    tandem = TandemPage.objects.get(names="Samira & Jonas")
    assert tandem.get_parent().depth == 2 and not tandem.live
    client.force_login(editor_a)
    assert client.get(f"/admin/pages/{tandem.pk}/edit/").status_code != 200
    assert client.post(f"/admin/intake/uploads/{Upload.objects.get().pk}/approve/").status_code != 200
    client.force_login(staff)
    assert client.get(f"/admin/pages/{tandem.pk}/edit/").status_code == 200
    # Staff approve its photo like any phone upload; it joins the draft (no partner collection to put it in).
    assert client.post(f"/admin/intake/uploads/{Upload.objects.get().pk}/approve/").status_code == 302
    assert Upload.objects.get().status == UploadStatus.APPROVED


@pytest.mark.parametrize(("fields", "field"), [
    ({"newcomer_name": ""}, "newcomer_name"),
    ({"email": "<script>alert(1)</script>"}, "email"),
    ({"consent": ""}, "consent"),
    ({"place_0": "Atlantis-upon-Nowhere"}, "place"),
    ({"story": "kurz"}, "story"),
    ({"partner": "999999"}, "partner"),
])
def test_bad_input_is_explained_and_everything_typed_is_kept(client, partner_a, fields, field):
    data = _form(client, mentor_name="<b>Jonas</b>", **fields)
    response = _post(client, data)
    html = response.content.decode()
    assert response.status_code == 200 and 'class="error-summary"' in html
    assert f'id="id_{field}_error"' in html or f'id="id_{field}_0_error"' in html
    assert "&lt;b&gt;Jonas&lt;/b&gt;" in html and "<b>Jonas</b>" not in html  # kept, and escaped
    assert data["story"] in html and data["looking_for"] in html
    assert not TandemPage.objects.filter(names__contains="Samira").exists()


def test_a_file_that_is_no_photo_is_refused_by_its_bytes_not_its_name(client, partner_a):
    fake = SimpleUploadedFile("amal.jpg", b"<?php system($_GET['x']); ?>" * 10, content_type="image/jpeg")
    html = _post(client, _form(client), photos=[fake]).content.decode()
    assert "amal.jpg: " in html and "Samira kam 2023" in html
    assert not TandemPage.objects.filter(names__contains="Samira").exists() and not Upload.objects.exists()


def test_bots_are_answered_like_people_and_store_nothing(client, partner_a, settings, mailoutbox):
    assert _post(client, _form(client, website="http://spam.example")).status_code == 302
    assert _post(client, {**_form(client), "started": "forged"}).status_code == 302
    settings.TIPS_MIN_SECONDS = 60
    assert _post(client, _form(client)).status_code == 302
    outbox_deliver_due()
    assert not TandemPage.objects.filter(names__contains="Samira").exists() and _to_mentor(mailoutbox) == []


def test_partner_b_never_sees_partner_as_application(client, partner_a, partner_b, editor_a, editor_b):
    _post(client, _form(client, partner=partner_a.pk))
    tandem = TandemPage.objects.get(names="Samira & Jonas")
    client.force_login(editor_b)
    for url in (f"/admin/pages/{tandem.pk}/edit/", f"/admin/pages/{tandem.pk}/", "/admin/pages/search/?q=Samira",
                f"/admin/pages/{partner_a.pk}/", "/admin/"):
        response = client.get(url)
        assert response.status_code < 500 and "Samira &amp; Jonas" not in response.content.decode(), url
    client.force_login(editor_a)
    assert client.get(f"/admin/pages/{tandem.pk}/edit/").status_code == 200
    assert "Samira &amp; Jonas" in client.get(f"/admin/pages/{partner_a.pk}/").content.decode()


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_the_form_reads_in_every_language_with_its_privacy_note_and_without_javascript(client, partner_a, language):
    html = client.get(f"/{language}/become-a-tandem/?partner={partner_a.pk}").content.decode()
    assert 'enctype="multipart/form-data"' in html and 'class="privacy-note"' in html
    assert f'<option value="{partner_a.pk}" selected>' in html
    assert Page.objects.filter(pk=partner_a.pk).exists()
    if language == "ar":
        assert 'dir="rtl"' in html


def test_partner_pages_lead_to_the_form_with_their_partner_chosen(client, partner_a):
    partner_html = client.get(partner_a.url).content.decode()
    link = re.search(r'href="(/de/become-a-tandem/\?partner=\d+)"', partner_html).group(1)

    form_html = client.get(link).content.decode()
    chosen = re.search(r'<option value="(\d+)"[^>]*selected', form_html)
    assert chosen and int(chosen.group(1)) == partner_a.pk
