"""Reading what the home page shows: featured appeals, live figures, the ways into the indexes."""

from wagtail.models import Page

from appeals.models import AppealIndexPage
from appeals.selectors import appeal_open_count
from partners.selectors import partner_logo_list
from tandems.models import TandemIndexPage
from tandems.selectors import tandem_outcome_count

from .models import HomePage


def home_showcase(*, home: HomePage) -> dict:
    featured = (
        home.featured_appeals.filter(appeal__live=True, appeal__view_restrictions__isnull=True)
        .select_related("appeal", "appeal__locale").order_by("sort_order")
    )
    return {
        "featured": [item.appeal for item in featured],
        "open_appeal_count": appeal_open_count(),
        "outcome_count": tandem_outcome_count(),
        "index_pages": Page.objects.child_of(home).live().public().type(AppealIndexPage, TandemIndexPage)
        .select_related("locale"),
        "partners": partner_logo_list(),
    }
