"""Share cards: drawn by a worker after publishing, once per revision, Arabic right to left."""

import io
import re
import time

import pytest
from PIL import Image, features

from core.factories import ImageFactory
from reach.models import ShareCard
from reach.services import share_card_make


def _og_image(client, url: str) -> str:
    match = re.search(r'<meta property="og:image" content="([^"]+)"', client.get(url).content.decode())
    return match.group(1) if match else ""


def _wait_for_card(page) -> ShareCard:
    page.refresh_from_db()
    for _attempt in range(100):
        card = ShareCard.objects.filter(page_id=page.pk, revision_id=page.live_revision_id).first()
        if card:
            return card
        time.sleep(0.2)
    raise AssertionError(f"no share card for revision {page.live_revision_id}")


def test_publishing_draws_a_card_and_a_new_revision_gets_a_new_one(client, celery_worker, partner_a):
    appeal = partner_a.appeal
    first = _wait_for_card(appeal)
    first_url = _og_image(client, appeal.url)
    assert first_url.endswith(f"{appeal.pk}-{appeal.live_revision_id}.jpg")

    appeal.title = "Gesucht: eine Werkstatt für Amal"
    appeal.save_revision().publish()
    second = _wait_for_card(appeal)

    assert second.pk != first.pk and _og_image(client, appeal.url) not in {"", first_url}
    picture = Image.open(io.BytesIO(client.get(_og_image(client, appeal.url).replace("http://testserver", "")
                                               ).getvalue()))
    assert picture.size == (1200, 630) and picture.format == "JPEG"


@pytest.mark.django_db
def test_a_card_is_drawn_once_per_revision_and_never_for_an_old_one(partner_a):
    appeal = partner_a.appeal
    old_revision = appeal.live_revision_id
    appeal.save_revision().publish()
    appeal.refresh_from_db()

    assert share_card_make(page_id=appeal.pk, revision_id=old_revision) is None
    card = share_card_make(page_id=appeal.pk, revision_id=appeal.live_revision_id)
    assert share_card_make(page_id=appeal.pk, revision_id=appeal.live_revision_id).pk == card.pk
    assert ShareCard.objects.filter(page_id=appeal.pk).count() == 1


def _is_white(picture: Image.Image, x: int) -> bool:
    return picture.convert("RGB").getpixel((x, 300)) == (255, 255, 255)


@pytest.mark.django_db
def test_german_and_arabic_cards_show_the_portrait_at_the_start_of_the_reading_direction(
        partner_a, appeal_in_arabic, artifacts):
    assert features.check("raqm"), "Pillow needs libraqm (Debian libraqm0) to shape Arabic"
    tandem = partner_a.tandem
    tandem.portrait = ImageFactory(title="Amal", collection=partner_a.collection)
    tandem.save_revision().publish()
    cards = {}
    for name, appeal in (("de", partner_a.appeal), ("ar", appeal_in_arabic)):
        appeal.refresh_from_db()
        card = share_card_make(page_id=appeal.pk, revision_id=appeal.live_revision_id)
        cards[name] = Image.open(card.image.open())
        cards[name].save(artifacts / f"share-card-appeal-{name}.png")  # for a person to look at

    assert cards["de"].size == cards["ar"].size == (1200, 630)
    assert not _is_white(cards["de"], 100) and _is_white(cards["de"], 1100)  # portrait left, text right
    assert _is_white(cards["ar"], 100) and not _is_white(cards["ar"], 1100)  # mirrored in Arabic
