import pytest

from tandems.factories import TandemIndexPageFactory, TandemPageFactory

pytestmark = pytest.mark.django_db


def test_tandem_index_filters_by_town_status_and_any_kind_of_tag(client, partner_a, partner_b):
    TandemPageFactory(parent=partner_b, title="Olena", town="Leipzig", status="job_found")
    partner_a.tandem.skills.add("Python")
    partner_a.tandem.save_revision().publish()
    index = TandemIndexPageFactory()

    def titles(**filters):
        return {page.title for page in client.get(index.url, filters).context["results"]}

    assert titles() == {"Tandem A", "Tandem B", "Olena"}
    assert titles(town="Leipzig") == {"Olena"}
    assert titles(status="job_found") == {"Olena"}
    assert titles(tag="python") == {"Tandem A"}
