"""The acknowledgement goes to an address nobody verified: it must not carry a visitor's words to a stranger."""

import pytest

from outbox.services import outbox_deliver_due

from .conftest import form_data

pytestmark = pytest.mark.django_db
SPAM = "Cheap pills at http://spam.example — reply to win"


@pytest.mark.parametrize("language", ["de", "en", "ar"])
def test_the_acknowledgement_holds_only_our_words_and_the_appeals_title(
    client, partner_a, no_wait, mailoutbox, language
):
    url = f"/{language}/tips/appeal/{partner_a.appeal.pk}/"
    client.post(url, form_data(client, url, message=SPAM, name="Dear victim, " + SPAM, employer=SPAM,
                               email="stranger@example.org", consent="on", phone="+49 30 1", place_0=SPAM[:90]))

    outbox_deliver_due()

    (message,) = [sent for sent in mailoutbox if sent.to == ["stranger@example.org"]]
    text = message.subject + message.body
    assert "Appeal A" in text
    for typed in ("Cheap pills", "spam.example", "Dear victim", "+49 30 1"):
        assert typed not in text
