"""The demo campaign's finishing touches: branding, index pages, featured appeals, stories and timelines.

Each step fills only what is still empty, so running `load_demo` again changes nothing.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Site

from appeals.factories import AppealIndexPageFactory
from appeals.models import AppealIndexPage, AppealPage
from core.factories import ImageFactory
from core.models import NetworkSettings, NetworkTaglineTranslation
from home.models import FeaturedAppeal, HomePage
from tandems.factories import TandemIndexPageFactory
from tandems.models import TandemIndexPage, TandemPage, TandemStatusChange

from . import content
from .pictures import logo_png, scene_png


def _brand(home: HomePage) -> None:
    network = NetworkSettings.for_site(Site.objects.get(root_page=home))
    _taglines(network)
    if network.logo_id:
        return
    for field, value in content.NETWORK.items():
        setattr(network, field, value)
    network.logo = ImageFactory(title=f"{content.NETWORK['name']} logo",
                                file=ContentFile(logo_png(content.NETWORK["name"]), name="logo.png"))
    network.save()


def _taglines(network: NetworkSettings) -> None:
    """Adds the languages that have no tagline yet; one an editor already wrote stays."""
    present = set(network.tagline_translations.values_list("language_code", flat=True))
    NetworkTaglineTranslation.objects.bulk_create(
        NetworkTaglineTranslation(network=network, language_code=code, tagline=tagline)
        for code, tagline in content.NETWORK_TAGLINES.items() if code not in present
    )


def _indexes(home: HomePage) -> None:
    for model, factory, key in ((AppealIndexPage, AppealIndexPageFactory, "appeals"),
                                (TandemIndexPage, TandemIndexPageFactory, "tandems")):
        slug, title, intro = content.INDEXES[key]
        if not model.objects.child_of(home).exists():
            factory(parent=home, slug=slug, title=title, intro=intro)


def _home(home: HomePage) -> None:
    if home.featured_appeals.exists():
        return
    home.intro = content.HOME_INTRO
    home.ask = content.HOME_ASK
    for order, slug in enumerate(content.FEATURED_APPEALS):
        appeal = AppealPage.objects.get(slug=slug, locale=home.locale)
        home.featured_appeals.add(FeaturedAppeal(appeal=appeal, sort_order=order))
    home.save_revision().publish()


def _story(tandem: TandemPage) -> None:
    paragraphs, quote, author = content.STORIES[tandem.slug]
    collection = tandem.portrait.collection if tandem.portrait else None
    picture = ImageFactory(title=f"{tandem.names}: Alltag", **({"collection": collection} if collection else {}),
                           file=ContentFile(scene_png(tandem.slug, "other"), name="illustration.png"))
    # Alt text in the block rather than the image's title, so wagtail-localize offers it for translation.
    picture.contextual_alt_text, picture.decorative = f"Alltag von {tandem.names}", False
    tandem.story = [
        ("text", f"<p>{paragraphs[0]}</p>"),
        ("image", {"image": picture, "caption": f"{tandem.names} in {tandem.town}"}),
        ("quote", {"text": quote, "author": author}),
        ("text", f"<p>{paragraphs[1]}</p>"),
    ]
    today = timezone.localdate()
    tandem.status_changes = [
        TandemStatusChange(date=today - datetime.timedelta(days=days), status=status, note=note)
        for days, status, note in content.TIMELINES.get(tandem.slug, [])
    ]
    tandem.save_revision().publish()


def demo_showcase(*, home: HomePage) -> None:
    _brand(home)
    _indexes(home)
    _home(home)
    for tandem in TandemPage.objects.filter(locale=home.locale, slug__in=content.STORIES):
        if not tandem.story:
            _story(tandem)
