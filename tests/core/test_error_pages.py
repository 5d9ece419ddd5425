"""Error pages a visitor may meet before any of our views runs: a host we do not serve, an expired form."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_an_unknown_host_gets_a_400_in_the_sites_design_and_the_browsers_language(settings):
    settings.ALLOWED_HOSTS = ["nahbar.example.org"]

    response = Client(HTTP_ACCEPT_LANGUAGE="ar").get("/ar/", HTTP_HOST="evil.example.com")

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "css/nahbar.css" in html
    assert "Bad Request" not in html and "evil.example.com" not in html


def test_a_form_sent_without_its_security_token_explains_itself_in_the_pages_language(partner_a):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/ar/tips/appeal/{partner_a.appeal.pk}/", {"message": "مرحبا"})

    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "css/nahbar.css" in html
    assert "CSRF" not in html and f"/ar/tips/appeal/{partner_a.appeal.pk}/" in html
