"""Sharing a draft: colleagues with the link see it before it goes live; nobody else, and not for ever."""

import time

import pytest
from django.core import signing
from django.urls import reverse

from core.drafts import LINK_LIFETIME, SALT

pytestmark = pytest.mark.django_db


def _share_link(client, user, page) -> str:
    client.force_login(user)
    response = client.get(reverse("core_share_draft", args=[page.pk]))
    assert response.status_code == 200
    client.logout()
    return response.context["link"]


def test_a_shared_link_shows_the_draft_to_anyone_and_the_public_page_stays_as_it_was(client, partner_a,
                                                                                     editor_a):
    appeal = partner_a.appeal
    appeal.title = "Entwurf: neue Überschrift"
    appeal.save_revision()
    link = _share_link(client, editor_a, appeal)

    shared = client.get(link)

    assert shared.status_code == 200 and "Entwurf: neue Überschrift" in shared.content.decode()
    assert "noindex" in shared["X-Robots-Tag"] and "no-store" in shared["Cache-Control"]
    assert "Entwurf" not in client.get(appeal.url).content.decode()


def test_only_editors_of_the_page_can_make_a_link(client, partner_a, editor_b):
    client.force_login(editor_b)

    response = client.get(reverse("core_share_draft", args=[partner_a.appeal.pk]), follow=True)

    # Another partner's page does not exist for editor B (partners.isolation answers 404): no link, no title.
    assert response.status_code == 404 and "link" not in (response.context or {})
    assert partner_a.appeal.title not in response.content.decode()


class SignedLongAgo(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time() - LINK_LIFETIME.total_seconds() - 60))


def test_a_tampered_or_old_link_shows_nothing(client, partner_a, editor_a):
    link = _share_link(client, editor_a, partner_a.appeal)
    old_token = SignedLongAgo(salt=SALT).sign_object({"revision": partner_a.appeal.latest_revision_id},
                                                     compress=True)

    assert client.get(link[:-4] + "xyz/").status_code == 404
    response = client.get(reverse("shared_draft", args=[old_token]))
    assert response.status_code == 404 and partner_a.appeal.title not in response.content.decode()
    assert client.get(link).status_code == 200  # the same revision, signed just now, still works
