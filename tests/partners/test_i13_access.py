"""Staff invite a partner's editors and moderators by e-mail, see who has access, and revoke it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from outbox.services import outbox_deliver_due

pytestmark = pytest.mark.django_db
URL = reverse("partner_access")


def test_only_staff_open_the_access_screen(client, editor_a, moderator_a):
    for user in (editor_a, moderator_a):
        client.force_login(user)
        assert client.get(URL).status_code in (302, 403)


def test_an_invitee_sets_their_own_password_and_staff_can_revoke_access(client, staff, partner_a, partner_b,
                                                                        mailoutbox):
    client.force_login(staff)
    data = {"partner": partner_a.pk, "email": "Neu@Example.org", "role": "moderators", "language": "ar"}
    assert client.post(URL, data).status_code == 302
    outbox_deliver_due()
    (invite,) = mailoutbox
    user = get_user_model().objects.get(email="Neu@Example.org")
    assert not user.has_usable_password() and user.groups.filter(pk=partner_a.moderators_group_id).exists()
    assert invite.to == ["Neu@Example.org"] and "مرحبًا" in invite.body  # in the language staff chose
    link = re.search(r"http://[^\s\u2069]+/password_reset/confirm/[^\s\u2069]+", invite.body).group(0)
    page = client.get(URL).content.decode()
    assert "Neu@Example.org" in page and "noch nicht angemeldet" in page

    client.logout()
    form = client.get(link.split("127.0.0.1:8000")[-1], follow=True)
    assert form.status_code == 200 and 'name="new_password1"' in form.content.decode()
    client.post(form.redirect_chain[-1][0], {"new_password1": "ein-gutes-Passwort-42",
                                             "new_password2": "ein-gutes-Passwort-42"})
    user.refresh_from_db()
    assert user.check_password("ein-gutes-Passwort-42")
    assert client.get(link.split("127.0.0.1:8000")[-1], follow=True).content.decode().count("new_password1") == 0

    client.force_login(staff)
    client.post(URL, {"partner": partner_a.pk, "revoke": user.pk})
    assert not user.groups.exists()


def test_a_bad_address_is_explained_and_kept(client, staff, partner_a):
    client.force_login(staff)
    response = client.post(URL, {"partner": partner_a.pk, "email": "kein-at-zeichen", "role": "editors",
                                 "language": "de"})
    assert response.status_code == 400 and "kein-at-zeichen" in response.content.decode()
