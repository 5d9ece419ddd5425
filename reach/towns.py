"""Town pages: what is open within a town's reach, for location-targeted posts (`/de/orte/koeln/`)."""

from dataclasses import dataclass, field

from django.db.models import QuerySet
from wagtail.models import Locale

from appeals.models import AppealPage
from appeals.selectors import appeal_open_list
from core.slugs import slug_ascii
from places.gazetteer import place_resolve, town_name_for
from places.geo import distance_km
from tandems.models import TandemPage

TANDEM_REACH_KM = 25


@dataclass
class Town:
    slug: str
    name: str
    latitude: float | None
    longitude: float | None
    keys: set = field(default_factory=set)  # translation keys of the default-language pages naming the town
    label: str = ""  # the name as the page's language writes it ("كولونيا" for Köln in Arabic)


def _named_towns() -> dict[str, Town]:
    # Towns are named by the campaign's own pages in the default language, so every language shares the slug.
    default = Locale.get_default()
    names = set(appeal_open_list(locale=default).exclude(town="").values_list("town", flat=True))
    names |= set(TandemPage.objects.live().public().filter(locale=default).exclude(town="")
                 .values_list("town", flat=True))
    towns = {}
    for name in sorted(names):
        place = place_resolve(query=name)
        towns.setdefault(slug_ascii(name, fallback=""), Town(slug_ascii(name, fallback=""), name,
                                                              place and place.latitude, place and place.longitude))
    towns.pop("", None)
    return towns


def _near(pages: QuerySet, town: Town, reach_km) -> list:
    found = []
    for page in pages:
        same_name = page.translation_key in town.keys
        near = town.latitude is not None and page.has_position and distance_km(
            town.latitude, town.longitude, page.latitude, page.longitude) <= reach_km(page)
        if same_name or near:
            found.append(page)
    return found


def town_content(*, slug: str, locale: Locale) -> dict | None:
    """The open appeals and the tandems within reach of a town, in one language; None when there are none."""
    town = _named_towns().get(slug)
    if town is None:
        return None
    default = Locale.get_default()
    # Translations may spell the town in their own script: match them through their default-language page.
    town.keys = set(AppealPage.objects.filter(locale=default, town=town.name).values_list("translation_key", flat=True))
    town.keys |= set(TandemPage.objects.filter(locale=default, town=town.name).values_list("translation_key",
                                                                                           flat=True))
    appeals = _near(appeal_open_list(locale=locale), town, lambda appeal: appeal.radius_km)
    tandems = _near(TandemPage.objects.live().public().filter(locale=locale).select_related("portrait"), town,
                    lambda tandem: TANDEM_REACH_KM)
    if not appeals and not tandems:
        return None
    town.label = town_name_for(name=town.name, language=locale.language_code)
    return {"town": town, "appeals": appeals, "tandems": tandems}


def town_sitemap_items() -> list[tuple[str, str]]:
    """(language code, town slug) for every town with something to show in that language."""
    items = []
    for locale in Locale.objects.all():
        items += [(locale.language_code, slug) for slug in _named_towns() if town_content(slug=slug, locale=locale)]
    return items
