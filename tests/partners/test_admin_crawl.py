"""Every admin URL as every role, on objects of its own partner and of another: no 5xx, no cross-partner read.

The crawler (tests/partners/admin_crawl.py) opens every named admin URL with the seeded objects' ids and every
admin link it finds. Each partner's objects carry marker titles, file names and tip contact data ("zq" + the
partner's letter); a partner's people must never receive the other partner's markers in any response body.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Revision, Task, TaskState, Workflow, WorkflowState
from wagtail.users.models import UserProfile
from wagtailmedia.models import Media

from appeals.factories import AppealPageFactory
from core.factories import ImageFactory, UserFactory, generated_png
from partners.services import STAFF_MODERATORS_GROUP
from tips.models import Tip

from .admin_crawl import Seed, catalog_msgids, crawl, resolver_urls

LIMIT_PER_ROLE = 700


def _seed_partner(partner, letter: str, moderator) -> dict[str, str]:
    """Give partner `letter` a draft, a pending approval, a locked page, media with telling names and a tip.

    Returns its markers: text -> what it is.
    """
    tag = f"zq{letter.lower()}"
    # "&" in titles: the crawl fails on a title escaped twice ("&amp;amp;", a visible "&amp;").
    draft = AppealPageFactory(parent=partner.tandem, title=f"Draft {tag} & Co", slug=f"draft-{tag}")
    draft.title = f"Unpublished title {tag} & Co"
    revision = draft.save_revision(user=moderator)
    partner.appeal.save_revision(user=moderator)
    partner.get_workflow().start(partner.appeal, moderator)
    type(partner.appeal).objects.filter(pk=partner.tandem.pk).update(
        locked=True, locked_by=moderator, locked_at=timezone.now())
    image = ImageFactory(title=f"Picture {tag}", collection=partner.collection,
                         file=ContentFile(generated_png(tag), name=f"picture-{tag}.png"))
    document = get_document_model().objects.create(
        title=f"Document {tag}", collection=partner.collection, file=ContentFile(b"x", name=f"document-{tag}.txt"))
    media = Media.objects.create(title=f"Clip {tag}", type="video", collection=partner.collection, duration=1,
                                 file=ContentFile(b"x", name=f"clip-{tag}.mp4"))
    tip = Tip.objects.create(appeal=partner.appeal, partner=partner, kind="job", message=f"Message {tag}x",
                             name=f"Tipster {tag}", email=f"tipster-{tag}@example.org", phone=f"+49 {tag} 555")
    partner.seeded = {"draft": draft, "revision": revision, "image": image, "document": document,
                      "media": media, "tip": tip}
    return {
        partner.appeal.title: "appeal title", partner.tandem.title: "tandem title", f"Draft {tag}": "draft title",
        f"Unpublished title {tag}": "unpublished revision title", f"Picture {tag}": "image title",
        f"picture-{tag}": "image file name", f"Document {tag}": "document title",
        f"document-{tag}": "document file name", f"Clip {tag}": "media title", f"clip-{tag}": "media file name",
        f"Tipster {tag}": "tipster's name", f"tipster-{tag}@": "tipster's e-mail", f"+49 {tag}": "tipster's phone",
        f"Message {tag}x": "tip message",
    }


def _seed(partners) -> Seed:
    pages, images, documents, media, tips, revisions = [], [], [], [], [], []
    for partner in partners:
        seeded = partner.seeded
        pages += [partner.appeal.pk, seeded["draft"].pk]
        images.append(seeded["image"].pk)
        documents.append(seeded["document"].pk)
        media.append(seeded["media"].pk)
        tips.append(seeded["tip"].pk)
        revisions.append(seeded["revision"].pk)
    from django.contrib.auth import get_user_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Page

    workflow_states = list(WorkflowState.objects.values_list("pk", flat=True))
    task_states = list(TaskState.objects.values_list("pk", flat=True))
    collections = [partner.collection_id for partner in partners]
    groups = [g for partner in partners for g in (partner.editors_group_id, partner.moderators_group_id)]
    by_name = {
        "page_id": pages, "parent_page_id": pages, "page_to_move_id": pages,
        "destination_id": [partner.tandem.pk for partner in partners], "page_pk": pages,
        "image_id": images, "document_id": documents, "doc_id": documents, "media_id": media,
        "revision_id": revisions, "workflow_state_id": workflow_states, "task_state_id": task_states,
        "task_id": list(Task.objects.values_list("pk", flat=True)),
        "workflow_pk": list(Workflow.objects.values_list("pk", flat=True)), "collection_id": collections,
        "translation_source_id": [1], "translation_id": [1],
    }
    by_model = {Page: pages, get_image_model(): images, get_document_model(): documents, Media: media, Tip: tips,
                Revision: revisions, Collection: collections, Group: groups,
                get_user_model(): list(get_user_model().objects.values_list("pk", flat=True)),
                Workflow: by_name["workflow_pk"], Task: by_name["task_id"]}
    fallback = sorted({*by_name["workflow_pk"], *by_name["task_id"], *tips, *images})
    return Seed(by_name=by_name, by_model=by_model, fallback=fallback)


def _start_urls(seed: Seed) -> list[str]:
    urls = ["/admin/", *resolver_urls(seed)]
    pages = seed.by_name["page_id"]
    # Views that take their objects from the query string, and searches for the markers.
    urls += [f"/admin/choose-page/chosen-multiple/?id={pk}" for pk in pages]
    urls += [f"/admin/images/chooser/chosen-multiple/?id={pk}" for pk in seed.by_name["image_id"]]
    urls += [f"/admin/documents/chooser/chosen-multiple/?id={pk}" for pk in seed.by_name["document_id"]]
    urls += [f"/admin/api/main/pages/?child_of={pk}&for_explorer=1" for pk in pages]
    urls += [url + "?q=zq" for url in ("/admin/pages/search/", "/admin/choose-page/search/",
                                        "/admin/images/", "/admin/documents/", "/admin/media/",
                                        "/admin/images/chooser/", "/admin/documents/chooser/",
                                        "/admin/media/chooser/", "/admin/api/main/pages/",
                                        "/admin/api/main/images/", "/admin/api/main/documents/")]
    return list(dict.fromkeys(urls))


@pytest.fixture
def moderator_b(partner_b):
    user = UserFactory(username="moderator-b")
    user.groups.add(partner_b.moderators_group)
    return user


@pytest.fixture
def staff_moderator(db):
    """A member of Wagtail's own Moderators group: staff who approve in every section, not a superuser."""
    user = UserFactory(username="staff-moderator")
    group = Group.objects.get(name=STAFF_MODERATORS_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def seeded(partner_a, partner_b, editor_a, moderator_a, editor_b, moderator_b):
    markers = {"A": _seed_partner(partner_a, "A", moderator_a), "B": _seed_partner(partner_b, "B", moderator_b)}
    return markers, _start_urls(_seed([partner_a, partner_b]))


# role fixture -> the partner whose people it belongs to (None: staff, who may see both)
ROLES = {"staff": None, "staff_moderator": None, "editor_a": "A", "moderator_a": "A", "editor_b": "B",
         "moderator_b": "B"}


# Every role in the default admin language; the day-to-day roles also in Arabic (right to left).
CASES = [(role, "de") for role in ROLES] + [(role, "ar") for role in ("staff", "editor_a", "moderator_a")]


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "language"), CASES)
def test_admin_crawl(request, client, seeded, role, language):
    markers, start = seeded
    own = ROLES[role]
    user = request.getfixturevalue(role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    client.raise_request_exception = False  # a 500 is a finding to list, not the end of the crawl
    forbidden = {} if own is None else {text: f"{other}'s {what}" for other, texts in markers.items()
                                         if other != own for text, what in texts.items()}
    own_draft = [text for text, what in markers[own or "A"].items() if what == "draft title"]

    result = crawl(client, start=start, forbidden=forbidden, expected=own_draft, limit=LIMIT_PER_ROLE,
                   msgids=catalog_msgids(language))

    print(f"{role}: {result.opened} admin URLs opened ({len(start)} from the resolver and query lists)")
    problems = [f"{status} {url}" for url, status in result.server_errors]
    problems += [f"{url} shows {what}" for url, what in result.leaks]
    problems += [f"{url} {finding}" for url, finding in result.language]
    assert not problems, "\n".join(problems)
    # The crawl reached real content: the role's own draft shows up (in the explorer, history, choosers...).
    assert result.bodies_with, "the crawl never saw the role's own draft"
