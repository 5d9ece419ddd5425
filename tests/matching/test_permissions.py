"""Who sees whom: staff all, a partner only its own people (contact data included), anonymous only counts."""

import pytest
from django.urls import reverse

from matching.factories import request_create
from matching.models import Proposal
from pagecache.services import page_cache_invalidate

pytestmark = pytest.mark.django_db
LIST = "wagtailsnippets_matching_companyrequest:list"
INSPECT = "wagtailsnippets_matching_companyrequest:inspect"


@pytest.fixture
def people(campaign, areas):
    partner_a, partner_b = areas
    return {
        "a": request_create(campaign=campaign, partner=partner_a, first_name="Annegret", phone="0221 555 01"),
        "a_host": request_create(campaign=campaign, partner=partner_a, role="host", first_name="Anton"),
        "b": request_create(campaign=campaign, partner=partner_b, first_name="Berthold", phone="030 555 02",
                            place=("Berlin", 52.52, 13.40)),
    }


MATRIX = [("staff", True, True), ("editor_a", True, False), ("moderator_a", True, False), ("editor_b", False, True)]


@pytest.mark.parametrize(("role", "sees_a", "sees_b"), MATRIX)
def test_requests_and_contact_data_only_for_their_partner(client, request, people, role, sees_a, sees_b):
    client.force_login(request.getfixturevalue(role))
    listing = client.get(reverse(LIST)).content.decode()
    for key, phone, sees in (("a", "0221 555 01", sees_a), ("b", "030 555 02", sees_b)):
        assert (people[key].first_name in listing) is sees
        inspect = client.get(reverse(INSPECT, args=[people[key].pk]))
        assert (phone in inspect.content.decode()) is sees
        assert (client.get(reverse("wagtailsnippets_matching_companyrequest:edit", args=[people[key].pk]))
                .status_code == 200) is sees


def test_a_partner_cannot_run_or_send_another_partners_section(client, campaign, people, editor_b):
    partner_a = people["a"].partner
    client.force_login(editor_b)
    for section in (partner_a.pk, "0"):  # Wagtail answers a refusal with a redirect to the dashboard
        refused = client.post(reverse("matching_admin:dry_run"), {"campaign": campaign.pk, "section": section})
        assert refused.status_code == 302 and refused.url == "/admin/"
    assert not Proposal.objects.exists()  # A's pair would have been proposed had the dry run run
    page = client.get(reverse("matching_admin:index")).content.decode()
    assert "Annegret" not in page and "Partner A" not in page
    proposal = Proposal.objects.create(seeker=people["a"], host=people["a_host"])
    # Another partner's objects are a 404 (LocaleMiddleware turns an admin 404 into a redirect to /de/admin/...).
    for url in (reverse("matching_admin:drop", args=[proposal.pk]),
                reverse("matching_admin:propose", args=[people["a"].pk, people["a_host"].pk])):
        assert client.post(url).status_code in (302, 404)
    assert Proposal.objects.count() == 1
    assert Proposal.objects.filter(pk=proposal.pk).exists()
    assert "Annegret" not in client.get(reverse("matching_admin:report")).content.decode()


def test_suggestions_are_listed_on_a_request_and_partners_enter_phone_requests(client, campaign, people, editor_a):
    client.force_login(editor_a)
    inspect = client.get(reverse(INSPECT, args=[people["a"].pk])).content.decode()
    assert "Anton" in inspect and "km" in inspect and "Berthold" not in inspect
    client.post(reverse("matching_admin:propose", args=[people["a"].pk, people["a_host"].pk]))
    assert Proposal.objects.filter(seeker=people["a"], host=people["a_host"]).exists()
    form = client.get(reverse("wagtailsnippets_matching_companyrequest:add")).content.decode()
    assert "Partner A e.V." in form and "Partner B e.V." not in form


def test_anonymous_visitors_see_counts_per_town_never_people(client, campaign, people, settings):
    settings.MATCHING_PUBLIC_MIN_COUNT = 1
    html = client.get(campaign.url).content.decode()
    assert "Köln" in html and "Annegret" not in html and "0221 555 01" not in html
    settings.MATCHING_PUBLIC_MIN_COUNT = 3
    page_cache_invalidate()  # a setting changes with a deploy, which starts with fresh pages
    assert "Köln" not in client.get(campaign.url).content.decode()  # one person alone is never shown
    assert client.get(reverse(LIST)).status_code == 302
    assert client.get(reverse("matching_admin:index")).status_code == 302
