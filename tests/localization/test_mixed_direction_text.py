"""Latin names, addresses and typed text inside Arabic pages and e-mails keep their own direction.

Without isolation the bidi algorithm moves a name's final period or an address's punctuation to the
wrong end once it stands in a right-to-left sentence; see localization_tags.isolate / isolate_text.
"""

import pytest
from django.template import Context, Template

from outbox.services import outbox_deliver_due
from tests.localization.conftest import translate_page
from tests.tips.conftest import form_data
from tips.models import Tip

pytestmark = pytest.mark.django_db

FSI, PDI = "\u2068", "\u2069"


def test_an_arabic_appeal_isolates_the_partner_and_the_tandems_latin_names(client, partner_a):
    arabic = translate_page(partner_a.appeal, "ar", title="مطلوب مكان تدريب", town="كولونيا")

    html = client.get(arabic.url).content.decode()

    assert '<span class="partner-name"><bdi>Partner A e.V.</bdi></span>' in html  # the header
    assert f"<bdi>{partner_a.tandem.names.replace('&', '&amp;')}</bdi></a>" in html  # "For Amal & Jonas"
    assert '"><bdi>Partner A e.V.</bdi></a></dd>' in html  # "Looked after by"


def test_a_search_term_is_isolated_inside_the_arabic_sentence_and_stays_escaped(client):
    html = client.get("/ar/search/", {"q": "<b>Köln-Ehrenfeld.</b>"}).content.decode()

    assert "«<bdi>&lt;b&gt;Köln-Ehrenfeld.&lt;/b&gt;</bdi>»" in html


def test_arabic_e_mails_isolate_the_tipsters_name_and_address(client, partner_a, settings, mailoutbox):
    settings.TIPS_MIN_SECONDS = 0  # the spam check takes test speed for a bot
    partner_a.notification_language = "ar"
    partner_a.save(update_fields=["notification_language"])
    url = f"/ar/tips/appeal/{partner_a.appeal.pk}/"
    client.post(url, form_data(client, url, name="Eva M.", email="eva@example.org", phone="+49 221 123",
                               consent="on", message="أعرف ورشة في كولونيا"))
    tip = Tip.objects.get()

    outbox_deliver_due()

    to_partner, to_tipster = mailoutbox
    assert to_partner.to == ["tips@partner-a.example.org"] and to_tipster.to == ["eva@example.org"]
    assert f"\n{FSI}Eva M.{PDI}\n{FSI}eva@example.org{PDI}\n{FSI}+49 221 123{PDI}\n" in to_partner.body
    assert f"{FSI}Appeal A{PDI}" in to_partner.subject
    assert f"/admin/snippets/tips/tip/inspect/{tip.pk}/{PDI}" in to_partner.body
    assert f"{FSI}Eva M.{PDI}" in to_tipster.body.splitlines()[0]  # "Hello Eva M.," in Arabic


def test_a_phone_number_reads_left_to_right_and_plain_text_isolates_still_escape_in_html():
    rendered = Template('{% load localization_tags %}{{ phone|isolate:"ltr" }}|{{ name|isolate_text }}').render(
        Context({"phone": "+49 221 123", "name": "<Eva>"}))

    assert rendered == f'<bdi dir="ltr">+49 221 123</bdi>|{FSI}&lt;Eva&gt;{PDI}'


def test_arabic_forms_let_typed_text_find_its_direction_and_labels_end_without_a_colon(client, partner_a):
    tip_form = client.get(f"/ar/tips/appeal/{partner_a.appeal.pk}/").content.decode()
    map_page = client.get("/ar/tips/map/").content.decode()

    message_field = tip_form.split('<textarea name="message"')[1].split(">")[0]
    assert 'dir="auto"' in message_field
    assert 'type="email" name="email" dir="ltr"' in tip_form and 'type="tel" name="phone" dir="ltr"' in tip_form
    assert 'name="town" dir="auto"' in map_page
    for html in (tip_form, map_page):
        assert ":</label>" not in html and "؟:" not in html


def test_the_campaign_hashtag_keeps_its_hash_in_front_on_arabic_pages(client):
    from wagtail.models import Site

    from core.models import NetworkSettings

    network = NetworkSettings.for_site(Site.objects.get(is_default_site=True))
    network.hashtag = "KeinerBleibtAllein"
    network.save()

    assert '<p class="hashtag"><bdi>#KeinerBleibtAllein</bdi></p>' in client.get("/ar/").content.decode()
