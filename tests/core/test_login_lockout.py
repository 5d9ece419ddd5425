"""Admin login throttling: wrong passwords lock out one name from one address; staff unlock in the admin."""

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

LOGIN = "/admin/login/"
ATTACKER, COLLEAGUE = "203.0.113.7", "198.51.100.20"


def _sign_in(client, username, password, address=ATTACKER, language="de"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address,
                       HTTP_ACCEPT_LANGUAGE=language)


def _signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


@pytest.fixture
def partner_editor(editor_a):
    return editor_a


@pytest.mark.django_db
def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, partner_editor, settings):
    for _ in range(30):
        _sign_in(client, partner_editor.username, "guess")

    response = _sign_in(client, partner_editor.username, "password")

    assert not _signed_in(response)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Anmeldung pausiert" in body and f"{settings.AXES_FAILURE_LIMIT} falschen Passwörtern" in body


@pytest.mark.django_db
def test_the_lockout_is_for_one_name_from_one_address(client, partner_editor, moderator_a):
    for _ in range(10):
        _sign_in(client, partner_editor.username, "guess")

    # The editor herself, from her own connection, and a colleague on the attacker's network still sign in.
    assert _signed_in(_sign_in(client, partner_editor.username, "password", address=COLLEAGUE))
    client.logout()
    assert _signed_in(_sign_in(client, moderator_a.username, "password"))


@pytest.mark.django_db
def test_the_lockout_message_speaks_arabic(client, partner_editor):
    for _ in range(6):
        response = _sign_in(client, partner_editor.username, "guess", language="ar")
    assert response.status_code == 429
    assert 'dir="rtl"' in response.content.decode()
    assert "Sign-in paused" not in response.content.decode()


@pytest.mark.django_db
def test_a_few_typos_do_not_count_against_the_next_day(client, partner_editor, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, partner_editor.username, "typo")
    assert _signed_in(_sign_in(client, partner_editor.username, "password"))
    client.logout()
    # A success forgets the failures: the same number of typos again is still not a lockout.
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _sign_in(client, partner_editor.username, "typo")
    assert _signed_in(_sign_in(client, partner_editor.username, "password"))


@pytest.mark.django_db
def test_staff_unlock_in_the_wagtail_admin(client, partner_editor, staff):
    for _ in range(10):
        _sign_in(client, partner_editor.username, "guess")
    attempt = AccessAttempt.objects.get(username=partner_editor.username)

    client.force_login(staff)
    listing = client.get(reverse("login_lockouts:index"))
    assert listing.status_code == 200 and partner_editor.username in listing.content.decode()
    response = client.post(reverse("login_lockouts:delete", args=[attempt.pk]))
    assert response.status_code == 302
    client.logout()

    assert _signed_in(_sign_in(client, partner_editor.username, "password"))


@pytest.mark.django_db
def test_only_staff_see_or_clear_lockouts(client, partner_editor, moderator_a):
    for _ in range(10):
        _sign_in(client, partner_editor.username, "guess")
    attempt = AccessAttempt.objects.get()
    client.force_login(moderator_a)

    assert client.get(reverse("login_lockouts:index")).status_code in (302, 403)
    client.post(reverse("login_lockouts:delete", args=[attempt.pk]))
    assert AccessAttempt.objects.filter(pk=attempt.pk).exists()


@pytest.mark.django_db
def test_behind_our_proxy_a_locked_out_attacker_does_not_lock_out_a_colleague(client, partner_editor, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]  # nginx: every request arrives from it
    for _ in range(10):
        client.post(LOGIN, {"username": partner_editor.username, "password": "guess"}, REMOTE_ADDR="127.0.0.1",
                    HTTP_X_FORWARDED_FOR=ATTACKER)

    response = client.post(LOGIN, {"username": partner_editor.username, "password": "password"},
                           REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=COLLEAGUE)

    assert _signed_in(response)
