"""Building the demo campaign. Idempotent: what exists already (found by slug) is left as it is."""

from collections.abc import Callable

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page

from appeals.factories import AppealPageFactory
from appeals.models import AppealPage
from core.factories import UserFactory
from core.renditions import renditions_prepare
from home.models import HomePage
from matching.demo import matching_demo_load
from partners.models import PartnerPage
from partners.services import partner_onboard
from tandems.factories import TandemPageFactory
from tandems.models import TandemPage
from tips.demo import tips_demo_load

from . import content, legal, pictures, showcase, translations


def _picture(title: str, png: bytes, collection, *, description: str):
    return get_image_model().objects.create(title=title, description=description, collection=collection,
                                            file=ContentFile(png, name="illustration.png"))


def _home() -> HomePage:
    return HomePage.objects.get(depth=2, locale__language_code="de")


def _existing(model, slug: str):
    return model.objects.filter(slug=slug, locale__language_code="de").first()


def _partner(spec: dict, home: HomePage) -> PartnerPage:
    partner = _existing(PartnerPage, spec["slug"])
    if partner:
        return partner
    fields = {key: value for key, value in spec.items() if key not in {"slug", "title"}}
    partner = partner_onboard(home=home, title=spec["title"], slug=spec["slug"],
                              notification_email=f"tipps@{spec['slug']}.example.org", **fields)
    partner.logo = _picture(spec["title"], pictures.logo_png(spec["title"]), partner.collection,
                            description=spec["title"])
    partner.save_revision().publish()
    editor = UserFactory(username=f"editor-{spec['slug']}", email=f"editor@{spec['slug']}.example.org",
                         password=content.EDITOR_PASSWORD)
    editor.groups.add(partner.editors_group)
    moderator = UserFactory(username=f"moderator-{spec['slug']}",
                            email=f"moderator@{spec['slug']}.example.org", password=content.EDITOR_PASSWORD)
    moderator.groups.add(partner.moderators_group)
    return partner


def _tandem(row: tuple, partners: dict[str, PartnerPage]) -> TandemPage:
    partner_slug, slug, names, town, status, summary, skills, occupations, languages = row
    tandem = _existing(TandemPage, slug)
    if tandem:
        return tandem
    latitude, longitude = content.TOWNS[town]
    partner = partners[partner_slug]
    tandem = TandemPageFactory(
        parent=partner, title=names, slug=slug, names=names, town=town, status=status, summary=summary,
        latitude=latitude, longitude=longitude,
        portrait=_picture(names, pictures.portrait_png(names), partner.collection,
                          description=names),  # alt text: the same in every language
    )
    tandem.skills.add(*skills)
    tandem.sought_occupations.add(*occupations)
    tandem.languages.add(*languages)
    tandem.save_revision().publish()
    return tandem


def _appeal(row: tuple, parents: dict[str, Page]) -> AppealPage:
    parent_slug, slug, title, category, town, summary, tags = row
    appeal = _existing(AppealPage, slug)
    if appeal:
        return appeal
    latitude, longitude = content.TOWNS[town]
    parent = parents[parent_slug]
    partner = parent if isinstance(parent, PartnerPage) else parent.get_parent().specific
    # An appeal for a tandem shows its people; the partner's own appeals show the place.
    image = getattr(parent, "portrait", None) or _picture(
        title, pictures.scene_png(slug, category), partner.collection, description="")
    appeal = AppealPageFactory(parent=parent, title=title, slug=slug, category=category,
                               town=town, summary=summary, needed=f"<p>{summary}</p>",
                               latitude=latitude, longitude=longitude, image=image)
    appeal.tags.add(*tags)
    appeal.save_revision().publish()
    return appeal


@transaction.atomic
def demo_load(*, progress: Callable[[str], None] = lambda message: None) -> list[tuple[str, str]]:
    """Build the demo campaign and return the logins (username, password) a visitor can try."""
    home = _home()
    partners = {spec["slug"]: _partner(spec, home) for spec in content.PARTNERS}
    progress(f"{len(partners)} partner organisations")
    tandems = {row[1]: _tandem(row, partners) for row in content.TANDEMS}
    progress(f"{len(tandems)} tandems")
    appeals = [_appeal(row, {**partners, **tandems}) for row in content.APPEALS]
    progress(f"{len(appeals)} appeals")
    progress(f"{tips_demo_load(appeals=appeals)} new published tips")
    company = matching_demo_load(home=home, partners=partners, towns=content.TOWNS)
    progress(f"{company} people seeking or offering company")
    showcase.demo_showcase(home=home)
    translations.demo_translate(progress=progress)
    translations.demo_tags_name()
    progress(f"{translations.demo_tips_translate()} new published tips in English and Arabic")
    progress(f"{legal.demo_legal_load(home=home)} new imprint and privacy pages")
    # Every size the public pages show, made now rather than on a visitor's first request.
    progress(f"{renditions_prepare(image_ids=list(get_image_model().objects.values_list('pk', flat=True)))} "
             "pictures with their renditions")
    staff_name, staff_password = content.STAFF_LOGIN
    if not get_user_model().objects.filter(username=staff_name).exists():
        get_user_model().objects.create_superuser(staff_name, f"{staff_name}@example.org", staff_password)
    logins = [content.STAFF_LOGIN]
    logins += [(f"editor-{spec['slug']}", content.EDITOR_PASSWORD) for spec in content.PARTNERS]
    logins += [(f"moderator-{spec['slug']}", content.EDITOR_PASSWORD) for spec in content.PARTNERS]
    return logins
