"""An appeal page quotes the published tips written in its own language, on every translation of the appeal."""

import pytest

from tips.models import Tip, TipStatus

from .conftest import translate_page

pytestmark = pytest.mark.django_db


def _published(appeal, text: str, language: str) -> Tip:
    return Tip.objects.create(appeal=appeal, partner=None, kind="job", message=text, public_text=text,
                              status=TipStatus.USEFUL, published=True, language=language)


def test_each_translation_of_an_appeal_quotes_the_tips_written_in_its_language(client, partner_a):
    arabic = translate_page(partner_a.appeal, "ar", title="طلب أ")
    _published(partner_a.appeal, "Eine Bäckerei sucht Azubis.", "de")
    _published(arabic, "مخبز في الحي يبحث عن متدربين.", "ar")

    german_html = client.get(partner_a.appeal.url).content.decode()
    arabic_html = client.get(arabic.url).content.decode()

    assert "Eine Bäckerei sucht Azubis." in german_html and "مخبز في الحي" not in german_html
    assert "مخبز في الحي يبحث عن متدربين." in arabic_html and "Eine Bäckerei" not in arabic_html


def test_a_tip_in_a_language_the_appeal_lacks_is_quoted_on_the_original_page(client, partner_a):
    _published(partner_a.appeal, "A bakery nearby takes apprentices.", "en")

    assert "A bakery nearby takes apprentices." in client.get(partner_a.appeal.url).content.decode()


def test_a_visitor_who_sent_too_many_tips_is_asked_to_wait_in_arabic(client, partner_a, settings):
    from tests.tips.conftest import form_data

    settings.TIPS_MIN_SECONDS, settings.TIPS_RATE_LIMIT_COUNT = 0, 1
    url = f"/ar/tips/appeal/{partner_a.appeal.pk}/"
    client.post(url, form_data(client, url, message="مرحبا، عندي فكرة"))

    response = client.post(url, form_data(client, url, message="فكرة ثانية"))

    assert response.status_code == 429
    html = response.content.decode()
    assert 'lang="ar" dir="rtl"' in html and "يُرجى الانتظار قليلًا" in html
