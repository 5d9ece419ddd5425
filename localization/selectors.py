"""Reading the site's languages: where the current page or view lives in each of them, and tags' names."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language_info
from taggit.models import ItemBase, Tag
from wagtail.models import Page, Site

from core.models import other_content_languages
from pagecache.selectors import generation_memo

from .models import TagLabel

UNTRANSLATED_PARAMETER = "untranslated=1"


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str  # the language's own name ("العربية"), so every visitor recognises theirs
    bidi: bool
    url: str
    absolute_url: str
    translated: bool  # False: the link leads to that language's home page instead


def _home_urls(*, request: HttpRequest) -> dict[str, str]:
    """The home page of the request's site in every language, in one query.

    Without a translation of the home page, Wagtail serves the source home page under that language's
    prefix, so the visitor still gets the interface in their language.
    """
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)

    def compute() -> dict[str, str]:
        homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
        urls = {home.locale.language_code: home.get_url(request) for home in homes}
        fallback = site.root_page.get_url(request) or "/"
        return {code: urls.get(code) or translate_url(fallback, code) for code, _name in settings.LANGUAGES}

    # The same for every page of the site: remembered until the next publish (see pagecache).
    return generation_memo(name=f"home-urls:{site.pk}", compute=compute)


def _page_urls(*, request: HttpRequest, page: Page) -> dict[str, str]:
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {translation.locale.language_code: translation.get_url(request) for translation in translations}


def _view_urls(*, request: HttpRequest) -> dict[str, str]:
    # Views outside Wagtail's tree (search, forms) have the same path in every language but the prefix.
    path = request.get_full_path()
    return {code: translate_url(path, code) for code, _name in settings.LANGUAGES}


def language_links(*, request: HttpRequest, page: Page | None = None) -> list[LanguageLink]:
    """One link per site language to the same page or view in that language, in settings order."""
    urls = _page_urls(request=request, page=page) if isinstance(page, Page) else _view_urls(request=request)
    homes = _home_urls(request=request) if len(urls) < len(settings.LANGUAGES) else {}
    links = []
    for code, _name in settings.LANGUAGES:
        url = urls.get(code)
        translated = bool(url)
        if not translated:
            url = f"{homes[code]}?{UNTRANSLATED_PARAMETER}"
        info = get_language_info(code)
        links.append(LanguageLink(code=code, name=info["name_local"], bidi=info["bidi"], url=url,
                                  absolute_url=request.build_absolute_uri(url), translated=translated))
    return links


@dataclass(frozen=True)
class ShownTag:
    name: str  # in the visitor's language where staff have given one, else as typed
    slug: str  # the same in every language, so a filter link works from any translation


def tags_in_language(*, language_code: str, **tag_lists: Iterable[Tag]) -> dict[str, list[ShownTag]]:
    """Each list of tags under its names in one language, looked up in a single query for all lists."""
    lists = {key: list(tags) for key, tags in tag_lists.items()}
    ids = {tag.pk for tags in lists.values() for tag in tags}
    names = {}
    if ids and language_code != settings.LANGUAGE_CODE:
        names = dict(TagLabel.objects.filter(tag_id__in=ids, language_code=language_code)
                     .values_list("tag_id", "name"))
    return {key: [ShownTag(name=names.get(tag.pk, tag.name), slug=tag.slug) for tag in tags]
            for key, tags in lists.items()}


def tags_matching(*, slug: str, language_code: str) -> QuerySet[Tag]:
    """The tags a filter means: by their own slug, or by the slug of their name in the visitor's language."""
    return Tag.objects.filter(Q(slug=slug) | Q(labels__slug=slug, labels__language_code=language_code))


@dataclass(frozen=True)
class MissingTagNames:
    language_code: str
    count: int


def _on_pages() -> Q:
    """Tags used by any page type (appeal tags, tandem skills ...), found through their through models;
    tags of images and documents only show in the admin."""
    condition = Q(pk__in=[])
    for relation in Tag._meta.related_objects:
        if issubclass(relation.related_model, ItemBase):
            target = getattr(relation.related_model._meta.get_field("content_object"), "related_model", None)
            if target is not None and issubclass(target, Page):
                condition |= Q(**{f"{relation.name}__isnull": False})
    return condition


def tags_missing_names() -> list[MissingTagNames]:
    """Per other language, how many tags used on pages have no name in it yet (visitors see the typed one)."""
    used = Tag.objects.filter(_on_pages()).distinct()
    return [MissingTagNames(language_code=code, count=used.exclude(labels__language_code=code).count())
            for code, _name in other_content_languages()]
