"""From share to outcome: a tip given through a WhatsApp link, marked by the partner's moderator as the cause of
"job found", is counted under WhatsApp (tips and outcomes) in that partner's statistics and exports only, and
the appeal shows as found in every language."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.localization.conftest import translate_page
from tests.tips.conftest import form_data
from tips.models import Tip

pytestmark = pytest.mark.django_db
STATISTICS = "/admin/reach/statistics/"
FOUND = {"de": "Gefunden", "en": "Found", "ar": "تم العثور عليه"}


def _tip_through_whatsapp(client, appeal) -> Tip:
    page = client.get(f"{appeal.url}?via=whatsapp").content.decode()
    # The appeal's "give a tip" form carries the channel to the tip form.
    assert '<input type="hidden" name="via" value="whatsapp">' in page
    form = f"/de/tips/appeal/{appeal.pk}/?via=whatsapp&kind=job"
    response = client.post(form, form_data(client, form, message="Die Tischlerei Berg bildet aus."))
    assert response.status_code == 302
    return Tip.objects.get()


def _row(html: str, label: str) -> list[str]:
    """The figures of one row of the statistics screen: visits, tips, outcomes."""
    start = html.index(f">{label}</th>")
    return re.findall(r"</svg>(\d+)</td>", html[start:html.index("</tr>", start)])


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.fixture
def found_through_whatsapp(client, partner_a, moderator_a, settings):
    settings.TIPS_MIN_SECONDS = 0  # the test submits at machine speed
    translations = {"de": partner_a.appeal,
                    "en": translate_page(partner_a.appeal, "en", title="Appeal A in English"),
                    "ar": translate_page(partner_a.appeal, "ar", title="نداء أ")}
    tip = _tip_through_whatsapp(client, partner_a.appeal)
    assert tip.channel == "whatsapp" and tip.partner == partner_a
    client.force_login(moderator_a)
    reading = reverse("wagtailsnippets_tips_tip:inspect", args=[tip.pk])
    response = client.post(reading, {"action": "outcome", "status": "job_found", "on": "2026-11-20"})
    assert response.status_code == 302
    client.logout()
    return translations


def test_the_tip_and_the_job_it_led_to_count_under_whatsapp_for_its_partner(
        client, found_through_whatsapp, partner_a, moderator_a, editor_a):
    for user in (moderator_a, editor_a):
        client.force_login(user)
        html = client.get(STATISTICS).content.decode()
        assert _row(html, "whatsapp")[1:] == ["1", "1"]  # one tip, one outcome
        assert _row(html, partner_a.appeal.title)[1:] == ["1", "1"]

    rows = _csv(client.get(f"{STATISTICS}figures.csv"))
    assert rows[0][2:] == ["Besuche", "Tipps", "Ergebnisse"]
    channel = [row for row in rows if row[1] == "whatsapp"]
    assert [row[3:] for row in channel] == [["1", "1"]]
    weeks = [row for row in rows if row[0] == "Woche" and row[3:] != ["0", "0"]]
    assert [row[3:] for row in weeks] == [["1", "1"]]  # the week the tip came in

    book = load_workbook(io.BytesIO(client.get(f"{STATISTICS}figures.xlsx").content))
    values = [[cell.value for cell in row] for row in book.active.iter_rows()]
    assert ["Kanal", "whatsapp", 0, 1, 1] in values  # no visit counted: this visitor's browser ran no beacon


def test_another_partner_sees_neither_the_tip_nor_the_outcome(client, found_through_whatsapp, editor_b, partner_a):
    client.force_login(editor_b)
    html = client.get(STATISTICS).content.decode()
    assert ">whatsapp</th>" not in html and partner_a.appeal.title not in html
    rows = _csv(client.get(f"{STATISTICS}figures.csv"))
    assert not [row for row in rows[1:] if row[3:] != ["0", "0"]]
    assert len(_csv(client.get(f"{STATISTICS}tips.csv"))) == 1  # the header only


def test_staff_see_the_outcome_too(client, found_through_whatsapp, staff):
    client.force_login(staff)
    assert _row(client.get(STATISTICS).content.decode(), "whatsapp")[1:] == ["1", "1"]


def test_the_appeal_shows_as_found_in_every_language(client, found_through_whatsapp):
    for language, appeal in found_through_whatsapp.items():
        html = client.get(appeal.url).content.decode()
        assert 'class="state state--found"' in html and FOUND[language] in html, language
        assert f'action="/{language}/tips/appeal/' not in html  # it takes no more tips
