"""Partner isolation: who may see and do what with partner A's and B's pages, images, documents and media.

Each test is one row of the matrix (a role against both partners' objects) and checks every action of the
table below through the admin over HTTP. A forbidden action must be refused (403, 404 or a redirect to the
login or dashboard) or, for listings and choosers, leave the object out; forbidden writes must change nothing.
"""

from dataclasses import dataclass

import pytest
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision
from wagtailmedia.models import Media

EDITOR, MODERATOR, STAFF = "editor", "moderator", "staff"
EVERY_MEMBER = frozenset({EDITOR, MODERATOR})
# Wagtail lets a page's editor delete or move it only when nothing under it is live, so for live pages
# that needs publishing rights: the partner's moderators (and trusted editors).
PUBLISHERS = frozenset({MODERATOR})


@dataclass(frozen=True)
class Action:
    name: str
    url: callable  # (partner, other) -> url
    allowed_for: frozenset  # member kinds of the owning partner who may do it; staff always may
    post: callable = None  # (partner, other) -> form data of a write that must fail when forbidden
    listing: callable = None  # (partner) -> text that only shows when the object is listed


def page_url(name, target="appeal"):
    return lambda partner, other: reverse(f"wagtailadmin_pages:{name}", args=[getattr(partner, target).pk])


ACTIONS = [
    Action("page edit", page_url("edit"), EVERY_MEMBER,
           post=lambda p, o: {"title": "Hijacked", "slug": p.appeal.slug, "category": "job", "needed": "x",
                              "radius_km": 5, "open_from": "2026-01-01", "action-publish": "1"}),
    Action("page preview", page_url("preview_on_edit"), EVERY_MEMBER),
    Action("page view draft", page_url("view_draft"), EVERY_MEMBER),
    Action("page history", page_url("history"), EVERY_MEMBER),
    Action("page copy", page_url("copy"), EVERY_MEMBER,
           post=lambda p, o: {"new_title": "Copied", "new_slug": "copied", "new_parent_page": o.tandem.pk}),
    Action("page move", page_url("move"), PUBLISHERS),
    # Into the other partner's section: nobody but staff, even the page's own moderators.
    Action("page move confirm",
           lambda p, o: reverse("wagtailadmin_pages:move_confirm", args=[p.appeal.pk, o.tandem.pk]),
           frozenset(), post=lambda p, o: {}),
    Action("page delete", page_url("delete"), PUBLISHERS, post=lambda p, o: {}),
    Action("page unpublish", page_url("unpublish"), PUBLISHERS, post=lambda p, o: {}),
    Action("page add", lambda p, o: reverse("wagtailadmin_pages:add", args=["appeals", "appealpage", p.tandem.pk]),
           EVERY_MEMBER),
    Action("explorer listing", lambda p, o: reverse("wagtailadmin_explore", args=[p.pk]), EVERY_MEMBER,
           listing=lambda p: p.tandem.title),
    Action("explorer section", lambda p, o: reverse("wagtailadmin_explore", args=[p.tandem.pk]), EVERY_MEMBER,
           listing=lambda p: p.appeal.title),
    Action("page search", lambda p, o: reverse("wagtailadmin_pages:search") + "?q=Appeal", EVERY_MEMBER,
           listing=lambda p: p.appeal.title),
    Action("admin API pages", lambda p, o: f"/admin/api/main/pages/?child_of={p.tandem.pk}&for_explorer=1",
           EVERY_MEMBER, listing=lambda p: p.appeal.title),
    Action("admin API page detail", lambda p, o: f"/admin/api/main/pages/{p.appeal.pk}/", EVERY_MEMBER),
    Action("page chooser", lambda p, o: reverse("wagtailadmin_choose_page_child", args=[p.get_parent().pk]),
           EVERY_MEMBER, listing=lambda p: p.title),
    Action("page chooser search", lambda p, o: reverse("wagtailadmin_choose_page_search") + "?q=Appeal",
           EVERY_MEMBER, listing=lambda p: p.appeal.title),
    Action("image edit", lambda p, o: reverse("wagtailimages:edit", args=[p.image.pk]), EVERY_MEMBER,
           post=lambda p, o: {"title": "Hijacked", "collection": o.collection.pk}),
    # Wagtail's "change" permission on a collection includes deleting its images.
    Action("image delete", lambda p, o: reverse("wagtailimages:delete", args=[p.image.pk]), EVERY_MEMBER,
           post=lambda p, o: {}),
    Action("image chosen", lambda p, o: reverse("wagtailimages_chooser:chosen", args=[p.image.pk]),
           EVERY_MEMBER),
    Action("image listing", lambda p, o: reverse("wagtailimages:index"), EVERY_MEMBER,
           listing=lambda p: p.image.title),
    Action("image chooser", lambda p, o: reverse("wagtailimages_chooser:choose"), EVERY_MEMBER,
           listing=lambda p: p.image.title),
    Action("document edit", lambda p, o: reverse("wagtaildocs:edit", args=[p.document.pk]), EVERY_MEMBER,
           post=lambda p, o: {"title": "Hijacked", "collection": o.collection.pk}),
    Action("document chosen", lambda p, o: reverse("wagtaildocs_chooser:chosen", args=[p.document.pk]),
           EVERY_MEMBER),
    Action("document listing", lambda p, o: reverse("wagtaildocs:index"), EVERY_MEMBER,
           listing=lambda p: p.document.title),
    Action("document chooser", lambda p, o: reverse("wagtaildocs_chooser:choose"), EVERY_MEMBER,
           listing=lambda p: p.document.title),
    Action("media edit", lambda p, o: reverse("wagtailmedia:edit", args=[p.media.pk]), EVERY_MEMBER,
           post=lambda p, o: {"title": "Hijacked", "collection": o.collection.pk}),
    Action("media delete", lambda p, o: reverse("wagtailmedia:delete", args=[p.media.pk]), EVERY_MEMBER,
           post=lambda p, o: {}),
    Action("media chosen", lambda p, o: reverse("wagtailmedia:media_chosen", args=[p.media.pk]), EVERY_MEMBER),
    Action("media listing", lambda p, o: reverse("wagtailmedia:index"), EVERY_MEMBER,
           listing=lambda p: p.media.title),
    Action("media chooser", lambda p, o: reverse("wagtailmedia:chooser"), EVERY_MEMBER,
           listing=lambda p: p.media.title),
]

# (role fixture, the partner it belongs to, its kind there)
ROLES = {
    "anonymous": (None, None),
    "editor_a": ("A", EDITOR),
    "moderator_a": ("A", MODERATOR),
    "editor_b": ("B", EDITOR),
    "staff": (None, STAFF),
}


def _allowed(role: str, owner: str, action: Action) -> bool:
    partner, kind = ROLES[role]
    return kind == STAFF or (partner == owner and kind in action.allowed_for)


def _refused(response) -> bool:
    """403 or 404 (also after Django's redirect to the language-prefixed 404), or sent to login or dashboard."""
    landed = response.redirect_chain[-1][0].split("?")[0] if response.redirect_chain else None
    return response.status_code in (403, 404) or landed in (reverse("wagtailadmin_login"),
                                                             reverse("wagtailadmin_home"))


def _state() -> tuple:
    """Everything a forbidden write could have changed."""
    return (
        sorted(Page.objects.values_list("pk", "title", "path", "live", "latest_revision_id")),
        Revision.objects.count(),
        sorted(get_image_model().objects.values_list("pk", "title", "collection_id")),
        sorted(get_document_model().objects.values_list("pk", "title", "collection_id")),
        sorted(Media.objects.values_list("pk", "title", "collection_id")),
    )


def _check(client, action: Action, owner, other, allowed: bool) -> str | None:
    response = client.get(action.url(owner, other), follow=True)
    body = response.content.decode(errors="replace")
    if action.listing:
        listed = response.status_code == 200 and action.listing(owner) in body
        return None if listed == allowed else f"listed={listed} (status {response.status_code})"
    if allowed:
        if response.status_code == 200 and not _refused(response):
            return None
        return f"GET answered {response.status_code} via {response.redirect_chain}, expected 200"
    if not _refused(response):
        return f"GET answered {response.status_code}, expected a refusal"
    if action.post:
        before = _state()
        response = client.post(action.url(owner, other), action.post(owner, other), follow=True)
        if not _refused(response) or _state() != before:
            return f"POST answered {response.status_code} and changed={_state() != before}"
    return None


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(ROLES))
def test_matrix_row(request, client, partner_a, partner_b, role):
    """One role against every action on A's objects and on B's; the message lists each wrong cell."""
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    partners = {"A": (partner_a, partner_b), "B": (partner_b, partner_a)}

    wrong = {}
    for owner_letter, (owner, other) in partners.items():
        for action in ACTIONS:
            problem = _check(client, action, owner, other, _allowed(role, owner_letter, action))
            if problem:
                wrong[f"{action.name} on {owner_letter}"] = problem

    assert wrong == {}, role
