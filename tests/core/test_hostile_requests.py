"""Inputs that used to end in a 500 on the public pages: each answers a clear 400, 404 or form error now."""

import pytest

from tests.tips.conftest import form_data
from tips.models import Tip

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_wait(settings):
    settings.TIPS_MIN_SECONDS = 0


def _tip_url(partner):
    return f"/en/tips/appeal/{partner.appeal.pk}/"


def test_an_e_mail_address_longer_than_its_column_is_a_form_error_and_keeps_the_text(client, partner_a, no_wait):
    url = _tip_url(partner_a)
    address = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".de"  # 311 characters: the form used to take it
    assert 254 < len(address) <= 320

    response = client.post(url, form_data(client, url, email=address, consent="on", message="Meine Nachricht"))

    assert response.status_code == 200 and not Tip.objects.exists()
    html = response.content.decode()
    assert "at most 254 characters" in html and "Meine Nachricht" in html


@pytest.mark.parametrize("where", ["query", "field", "field name", "path"])
def test_a_nul_byte_anywhere_is_a_400_page_in_the_visitors_language(client, partner_a, no_wait, where):
    url = _tip_url(partner_a).replace("/en/", "/de/")
    if where == "query":
        response = client.get("/de/search/", {"q": "Köln\x00"})
    elif where == "path":
        response = client.get("/de/partner-a\x00/")
    else:
        data = form_data(client, url, **({"message": "Hallo\x00Welt"} if where == "field" else {"x\x00": "1"}))
        response = client.post(url, data)

    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="de"' in html and "Diese Anfrage konnte nicht gelesen werden" in html
    assert "css/nahbar.css" in html
    assert not Tip.objects.exists()


@pytest.mark.parametrize("query", ['"Köln', 'Bäcker" OR "', "AND", "NEAR(", "a*b", "(", "'", "‏"])
def test_search_syntax_characters_find_words_not_errors(client, partner_a, query):
    response = client.get("/de/search/", {"q": query})

    assert response.status_code == 200


def test_search_still_finds_a_title_inside_quotes(client, partner_a):
    html = client.get("/de/search/", {"q": '"Appeal A'}).content.decode()

    assert "Appeal A" in html and partner_a.appeal.url in html


@pytest.mark.parametrize("path", ["/de/tips/appeal/99999999999999999999999/", "/de/tips/appeal/1" + "0" * 40 + "/"])
def test_an_id_beyond_64_bits_is_a_404(client, path):
    assert client.get(path).status_code == 404


def test_thanks_page_ignores_an_id_beyond_64_bits(client):
    assert client.get("/de/tips/thanks/", {"appeal": "9" * 30}).status_code == 200
    assert client.get("/de/tips/thanks/", {"appeal": "²"}).status_code == 200


@pytest.mark.parametrize("message", ["\u200b\u200b\u200b\u200b", "\u200b \u2060\ufeff\u200d \n", "   \t  ",
                                     "\u200e\u200f\u202a\u202c"])
def test_a_message_of_only_invisible_characters_is_refused_with_a_clear_error(client, partner_a, no_wait, message):
    url = _tip_url(partner_a)

    response = client.post(url, form_data(client, url, message=message))

    assert response.status_code == 200 and not Tip.objects.exists()
    assert "only spaces or invisible characters" in response.content.decode()


def test_joiners_inside_words_are_kept(client, partner_a, no_wait):
    url = _tip_url(partner_a)
    message = "\u200bمی\u200cخواهم کمک کنم\u200b"  # Persian needs the zero-width non-joiner inside the word

    client.post(url, form_data(client, url, message=message))

    assert Tip.objects.get().message == "می\u200cخواهم کمک کنم"


def test_the_near_me_filter_and_listing_filters_treat_invisible_text_as_empty(client, partner_a):
    assert client.get("/de/tips/map/", {"town": "\u200b\u200b"}).status_code == 200
