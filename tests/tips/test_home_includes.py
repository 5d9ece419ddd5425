"""The home page's tip figures and map of open appeals, filled by the tips and maps apps."""

import pytest

from tips.models import Tip, TipStatus

pytestmark = pytest.mark.django_db


def test_home_shows_tip_figures_and_the_map(client, partner_a):
    common = {"appeal": partner_a.appeal, "partner": partner_a, "message": "Hallo"}
    Tip.objects.create(kind="job", status=TipStatus.USEFUL, **common)
    Tip.objects.create(kind="tip", **common)
    Tip.objects.create(kind="job", status=TipStatus.SPAM, **common)
    html = client.get("/de/").content.decode()
    figures = html.split('<li class="tip-figure"><strong>')[1:]
    assert [figure.split("</strong>")[0] for figure in figures] == ["2", "1", "1"]
    assert 'data-appeals-url="/api/map/appeals.geojson"' in html
