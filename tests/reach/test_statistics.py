"""The statistics screen and its exports: each partner sees its own figures and tips, staff see all."""

import csv
import io

import pytest
from django.contrib.auth.models import Permission
from openpyxl import load_workbook

from core.factories import UserFactory
from tips.models import Tip

pytestmark = pytest.mark.django_db
STATISTICS = "/admin/reach/statistics/"


@pytest.fixture
def figures(client, partner_a, partner_b):
    """Visits and tips on both partners' appeals, through different channels."""
    for _visit in range(3):
        client.post(f"/v/?p={partner_a.appeal.pk}&l=de&via=whatsapp")
    client.post(f"/v/?p={partner_b.appeal.pk}&l=de&via=facebook")
    Tip.objects.create(appeal=partner_a.appeal, partner=partner_a, kind="job", message="Tischlerei Wolf",
                       channel="whatsapp", email="tipster-a@example.org", name="Anna A")
    Tip.objects.create(appeal=partner_b.appeal, partner=partner_b, kind="job", message="=HYPERLINK(\"x\")",
                       channel="facebook", email="tipster-b@example.org", name="Bert B")
    Tip.objects.create(appeal=partner_a.appeal, partner=partner_a, kind="job", message="spam", channel="whatsapp",
                       status="spam")


def _row(html: str, label: str) -> str:
    start = html.index(f">{label}</th>")
    return " ".join(html[start:html.index("</tr>", start)].split())


def test_a_partner_sees_its_own_appeals_and_channels_only(client, figures, editor_a, partner_a, partner_b):
    client.force_login(editor_a)
    html = client.get(STATISTICS).content.decode()

    assert partner_a.appeal.title in html and partner_b.appeal.title not in html
    assert "whatsapp" in html and "facebook" not in html
    assert _row(html, partner_a.appeal.title).endswith(
        '3</td> <td class="number"><svg width="160" height="14" aria-hidden="true" focusable="false"><rect '
        'class="bar-tips" width="160" height="14"></rect></svg>1</td> <td class="number"><svg width="160" height="14"'
        ' aria-hidden="true" focusable="false"><rect class="bar-outcomes" width="0" height="14"></rect></svg>0</td>')


def test_staff_see_every_partner_and_spam_is_not_counted(client, figures, staff, partner_a, partner_b):
    client.force_login(staff)
    html = client.get(STATISTICS).content.decode()

    assert partner_a.appeal.title in html and partner_b.appeal.title in html
    assert _row(html, "whatsapp").count("</svg>3</td>") == 1 and _row(html, "whatsapp").endswith("</svg>1</td> <td "
        'class="number"><svg width="160" height="14" aria-hidden="true" focusable="false"><rect class="bar-outcomes" '
        'width="0" height="14"></rect></svg>0</td>')


def test_people_without_a_partner_get_no_statistics(client, figures):
    outsider = UserFactory(username="outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)

    # Wagtail answers a refused admin view by sending the user back to the dashboard with a message.
    assert client.get(STATISTICS)["Location"] == "/admin/"
    assert client.get(f"{STATISTICS}tips.csv")["Location"] == "/admin/"
    client.logout()
    assert client.get(STATISTICS)["Location"].startswith("/admin/login/")


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_tips_export_holds_only_own_tips_with_their_contact_data(client, figures, editor_a, editor_b):
    client.force_login(editor_a)
    rows = _csv(client.get(f"{STATISTICS}tips.csv"))
    text = str(rows)

    assert len(rows) == 2 and "tipster-a@example.org" in text and "Anna A" in text
    assert "tipster-b@example.org" not in text and "Bert B" not in text

    client.force_login(editor_b)
    book = load_workbook(io.BytesIO(client.get(f"{STATISTICS}tips.xlsx").content))
    values = [cell.value for row in book.active.iter_rows() for cell in row]
    assert "tipster-b@example.org" in values and "tipster-a@example.org" not in values
    assert "'=HYPERLINK(\"x\")" in values  # a stranger's text never becomes a formula


def test_the_figures_export_counts_per_appeal_channel_and_week(client, figures, editor_a, partner_a):
    client.force_login(editor_a)
    rows = _csv(client.get(f"{STATISTICS}figures.csv?weeks=4"))

    assert [partner_a.appeal.title, "3", "1"] == rows[1][1:4]
    assert ["whatsapp", "3", "1"] in [row[1:4] for row in rows]
    assert not any("facebook" in row for row in rows)
    assert client.get(f"{STATISTICS}secrets.csv").status_code == 404
    assert client.get(f"{STATISTICS}figures.pdf").status_code == 404
    assert client.get(f"{STATISTICS}?weeks=<script>").status_code == 200
