"""Posters: an A4 PDF per appeal and tandem in the page's language, whose QR code leads back with via=poster."""

import re
import subprocess

import pytest

from core.factories import ImageFactory

pytestmark = pytest.mark.django_db


def _png_and_qr(pdf: bytes, path) -> str:
    """Save the PDF and a picture of it for a person to look at; return what the QR code on it says."""
    path.with_suffix(".pdf").write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path.with_suffix(".pdf"))], capture_output=True, text=True, check=True)
    assert re.search(r"Pages:\s+1\n", info.stdout) and "(A4)" in info.stdout
    subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", str(path.with_suffix(".pdf")), str(path)],
                   check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(path.with_suffix(".png"))], capture_output=True,
                            text=True, check=True)
    return result.stdout.strip()


@pytest.mark.parametrize("language", ["de", "ar"])
def test_an_appeal_poster_is_one_a4_page_whose_qr_code_leads_to_the_appeal(
        client, partner_a, appeal_in_arabic, artifacts, language):
    partner_a.tandem.portrait = ImageFactory(title="Amal", collection=partner_a.collection)
    partner_a.tandem.save_revision().publish()
    appeal = partner_a.appeal if language == "de" else appeal_in_arabic

    response = client.get(f"/poster/{appeal.pk}.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = response.content
    assert pdf.startswith(b"%PDF")
    assert _png_and_qr(pdf, artifacts / f"poster-appeal-{language}") == f"http://testserver{appeal.url}?via=poster"


def test_the_poster_strips_lead_to_the_appeal_with_the_poster_channel(client, partner_a):
    assert client.get(f"/a/{partner_a.appeal.pk}/poster")["Location"] == f"{partner_a.appeal.url}?via=poster"


def test_a_tandem_has_a_poster_and_other_pages_none(client, partner_a):
    assert client.get(f"/poster/{partner_a.tandem.pk}.pdf").status_code == 200
    home = partner_a.get_parent()
    assert client.get(f"/poster/{home.pk}.pdf", follow=True).status_code == 404
    assert client.get("/poster/999999.pdf", follow=True).status_code == 404


def test_the_poster_is_drawn_after_publishing_not_when_someone_asks_for_it(client, partner_a, settings, artifacts):
    from appeals.models import AppealPage
    from reach.services import share_card_make

    settings.BASE_URL = "http://testserver"  # the site's own address: the one the poster drawn ahead points to
    appeal = AppealPage.objects.get(pk=partner_a.appeal.pk)
    card = share_card_make(page_id=appeal.pk, revision_id=appeal.live_revision_id)  # what the publish task does
    drawn = card.poster.read()
    # A change that was never published must not reach the poster: it is the published revision's, drawn before.
    AppealPage.objects.filter(pk=appeal.pk).update(title="Nie veröffentlicht")

    pdf = client.get(f"/poster/{appeal.pk}.pdf").content
    assert pdf == drawn
    assert _png_and_qr(pdf, artifacts / "poster-drawn-ahead-de") == f"http://testserver{appeal.url}?via=poster"
    text = subprocess.run(["pdftotext", str(artifacts / "poster-drawn-ahead-de.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Appeal A" in text and "Nie veröffentlicht" not in text
