"""Low-key shared branding: the partner leads in the header, the network sits in the footer with every partner."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from wagtail.models import Collection, Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from core.factories import ImageFactory
from core.models import NetworkSettings, NetworkTaglineTranslation
from home.models import FeaturedAppeal
from partners.factories import PartnerPageFactory
from tandems.models import TandemStatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    settings = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    settings.name, settings.hashtag, settings.brand_colour = "Nahbar", "nahbar", "#123456"
    settings.logo = ImageFactory(title="Network logo")
    settings.save()
    return settings


def _logo(partner):
    partner.logo = ImageFactory(title=f"{partner.title} logo",
                                collection=partner.collection or Collection.get_first_root_node())
    partner.save_revision().publish()


def test_partner_leads_the_header_and_the_network_stays_in_the_footer(client, network, partner_a, partner_b):
    _logo(partner_a)
    _logo(partner_b)

    html = client.get(partner_a.appeal.url).content.decode()
    header = html.split('<header class="site-header">')[1].split("</header>")[0]
    footer = html.split('<footer class="site-footer">')[1].split("</footer>")[0]

    assert partner_a.title in header and "max-320x120" in header
    assert "Nahbar" not in header and partner_b.title not in header
    assert "max-160x80" in footer and "#nahbar" in footer and 'id="network-of"' in footer
    assert f'alt="{partner_a.title}"' in footer and f'alt="{partner_b.title}"' in footer
    # The colours reach the page as a stylesheet addressed by them (no inline style for a CSP to allow).
    assert '/brand.css?b=123456' in html
    assert "--brand: #123456" in client.get("/brand.css?b=123456").content.decode()


def _queries(client, url) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def test_the_footer_costs_no_query_per_partner_logo(client, network, partner_a, settings):
    settings.PAGE_CACHE_SECONDS = 0  # what a render costs, not a page cache hit
    _logo(partner_a)
    before = _queries(client, partner_a.tandem.url)

    for number in range(5):
        _logo(PartnerPageFactory(title=f"Weitere {number}"))

    assert client.get(partner_a.tandem.url).content.decode().count('loading="lazy"') >= 6
    assert _queries(client, partner_a.tandem.url) == before


def test_staff_cannot_pick_a_brand_colour_that_makes_links_unreadable(client, staff, network):
    client.force_login(staff)
    url = reverse("wagtailsettings:edit", args=["core", "networksettings", network.site_id])

    response = client.post(url, {"name": "Nahbar", "brand_colour": "#ffee00", "accent_colour": "#ffbf47"})

    assert response.status_code == 200, response.status_code
    assert "brand_colour" in response.context["form"].errors
    network.refresh_from_db()
    assert network.brand_colour == "#123456"


def test_home_page_shows_figures_featured_appeals_and_partners(client, network, partner_a, partner_b):
    home = Page.objects.get(depth=2, locale__language_code="de").specific
    FeaturedAppeal.objects.create(home=home, appeal=partner_b.appeal)
    TandemStatusChange.objects.create(tandem=partner_a.tandem, status="internship")

    response = client.get(home.url)

    assert response.context["open_appeal_count"] == 2 and response.context["outcome_count"] == 1
    assert response.context["featured"] == [partner_b.appeal]
    assert partner_a.title in response.content.decode()


def test_every_language_shows_every_partner_preferring_its_translation(client, partner_a, partner_b):
    from wagtail.models import Locale

    english_a = partner_a.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english_a.title = "Partner A (English)"
    english_a.save_revision().publish()

    footer = client.get("/en/").content.decode().split('<footer class="site-footer">')[1]

    assert f'href="{english_a.url}"' in footer and "Partner A (English)" in footer
    assert f'href="{partner_b.url}"' in footer  # not translated: the German page, still in the network


GERMAN = "Menschen finden Arbeit, Wohnung und Gesellschaft – mit Hilfe aus der Nachbarschaft."
ENGLISH = "People find work, a home and company – with help from the neighbourhood."
ARABIC = "يجد الناس عملًا وسكنًا وصحبة – بمساعدة من الجيران."


def _footer(client, url) -> str:
    return client.get(url).content.decode().split('<footer class="site-footer">')[1].split("</footer>")[0]


def test_the_footer_tagline_speaks_the_pages_language(client, network):
    network.tagline = GERMAN
    network.save()
    NetworkTaglineTranslation.objects.create(network=network, language_code="en", tagline=ENGLISH)
    NetworkTaglineTranslation.objects.create(network=network, language_code="ar", tagline=ARABIC)

    german, english, arabic = (_footer(client, url) for url in ("/de/", "/en/", "/ar/"))

    assert f"<span>{GERMAN}</span>" in german and ENGLISH not in german and ARABIC not in german
    assert f"<span>{ENGLISH}</span>" in english and GERMAN not in english
    assert f"<span>{ARABIC}</span>" in arabic and GERMAN not in arabic


def test_a_language_without_its_own_tagline_shows_the_default_one_marked_as_german(client, network):
    network.tagline = GERMAN
    network.save()
    NetworkTaglineTranslation.objects.create(network=network, language_code="en", tagline=ENGLISH)

    arabic = _footer(client, "/ar/")

    assert f'<span lang="de" dir="ltr">{GERMAN}</span>' in arabic
    assert ENGLISH not in arabic


def _settings_form(network, taglines: list[dict], initial=0, **fields) -> dict:
    return nested_form_data({
        "name": network.name, "tagline": network.tagline, "hashtag": network.hashtag,
        "brand_colour": network.brand_colour, "accent_colour": network.accent_colour,
        "tagline_translations": inline_formset(taglines, initial=initial),
        **fields,
    })


def _settings_url(network) -> str:
    return reverse("wagtailsettings:edit", args=["core", "networksettings", network.site_id])


def test_staff_write_the_tagline_in_another_language_in_the_branding_settings(client, staff, network):
    client.force_login(staff)

    response = client.post(_settings_url(network), _settings_form(
        network, [{"language_code": "ar", "tagline": ARABIC}], tagline=GERMAN))

    assert response.status_code == 302, response.context["form"].errors
    assert list(network.tagline_translations.values_list("language_code", "tagline")) == [("ar", ARABIC)]
    assert f"<span>{ARABIC}</span>" in _footer(client, "/ar/")
    assert f"<span>{GERMAN}</span>" in _footer(client, "/de/")


def test_two_taglines_for_one_language_are_refused_and_the_input_stays(client, staff, network):
    client.force_login(staff)
    other_arabic = "نلتقي بالناس حيث يعيشون."

    response = client.post(_settings_url(network), _settings_form(
        network, [{"language_code": "ar", "tagline": ARABIC}, {"language_code": "ar", "tagline": other_arabic}],
        tagline=GERMAN))

    assert response.status_code == 200, response.status_code
    rows = response.context["form"].formsets["tagline_translations"].forms
    assert not rows[0].errors and list(rows[1].errors) == ["language_code"]
    html = response.content.decode()
    assert escape(rows[1].errors["language_code"][0]) in html
    assert f'value="{GERMAN}"' in html and f'value="{ARABIC}"' in html and f'value="{other_arabic}"' in html
    assert not NetworkTaglineTranslation.objects.exists()
    network.refresh_from_db()
    assert network.tagline == ""


def test_staff_can_swap_the_languages_of_two_taglines(client, staff, network):
    english_row = NetworkTaglineTranslation.objects.create(network=network, language_code="en", tagline=ARABIC)
    arabic_row = NetworkTaglineTranslation.objects.create(network=network, language_code="ar", tagline=ENGLISH)
    client.force_login(staff)

    response = client.post(_settings_url(network), _settings_form(network, [
        {"id": english_row.pk, "language_code": "ar", "tagline": ARABIC},
        {"id": arabic_row.pk, "language_code": "en", "tagline": ENGLISH},
    ], initial=2))

    assert response.status_code == 302, response.context["form"].errors
    assert dict(network.tagline_translations.values_list("language_code", "tagline")) == {"ar": ARABIC,
                                                                                          "en": ENGLISH}
    assert f"<span>{ENGLISH}</span>" in _footer(client, "/en/")
