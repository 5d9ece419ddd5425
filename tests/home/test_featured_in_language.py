import pytest

from home.models import FeaturedAppeal, HomePage
from tests.localization.conftest import translate_page

pytestmark = pytest.mark.django_db


def test_each_language_home_features_that_languages_translation_of_the_appeal(client, partner_a):
    german_home = HomePage.objects.get(locale__language_code="de")
    FeaturedAppeal.objects.create(home=german_home, appeal=partner_a.appeal, sort_order=0)
    translate_page(german_home, "ar", title="نحن قريبون")
    translate_page(partner_a.appeal, "ar", title="مطلوب مكان تدريب")

    arabic = client.get("/ar/").content.decode()
    german = client.get("/de/").content.decode()

    assert "مطلوب مكان تدريب" in arabic
    assert "Appeal A" not in arabic
    assert "Appeal A" in german


def test_an_appeal_not_yet_translated_is_left_off_that_languages_home_page(client, partner_a, partner_b):
    german_home = HomePage.objects.get(locale__language_code="de")
    FeaturedAppeal.objects.create(home=german_home, appeal=partner_a.appeal, sort_order=0)
    FeaturedAppeal.objects.create(home=german_home, appeal=partner_b.appeal, sort_order=1)
    translate_page(german_home, "en", title="Close by")
    translate_page(partner_a.appeal, "en", title="Apprenticeship wanted")

    english = client.get("/en/").content.decode()

    assert "Apprenticeship wanted" in english
    assert "Appeal B" not in english
    assert "Appeal B" in client.get("/de/").content.decode()


def test_every_languages_home_page_gives_the_same_campaign_figures(client, partner_a, partner_b):
    import datetime

    from tandems.models import TandemStatusChange

    partner_a.tandem.status_changes = [TandemStatusChange(date=datetime.date(2026, 5, 1), status="job_found")]
    partner_a.tandem.save_revision().publish()
    german_home = HomePage.objects.get(locale__language_code="de")
    translate_page(german_home, "en", title="Close by")
    translate_page(partner_a.appeal, "en", title="Apprenticeship wanted")  # B's appeal stays German

    german, english = client.get("/de/").context, client.get("/en/").context

    assert (german["open_appeal_count"], german["outcome_count"]) == (2, 1)
    assert (english["open_appeal_count"], english["outcome_count"]) == (2, 1)
