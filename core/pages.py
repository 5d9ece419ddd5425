"""Page types shared by the apps: an index of one kind of page with filters in the address."""

from django.db import models
from django.db.models import QuerySet
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Page, PageViewRestriction

from core.listing import listing_context
from pagecache.selectors import generation_memo


class ServedPage(Page):
    """What every public page type shares for serving: the foreign keys its template shows (fetched with the
    page when it is routed) and no query for view restrictions while the site has none."""

    serve_select_related: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        if not restricted_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class FilteredIndexPage(ServedPage):
    """Lists one page type, filtered by validated GET parameters and paginated.

    Subclasses set `template` (Wagtail gives every page class its own default) and name their filter
    form and selectors as dotted paths: those modules import the models they list, so importing them
    at class creation would be circular.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    card_template: str
    filter_form: str
    town_choices: str
    filtered_list: str

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["card_template"] = self.card_template
        context.update(listing_context(request=request, form_class=import_string(self.filter_form),
                                       towns=import_string(self.town_choices)(),
                                       select=import_string(self.filtered_list)))
        return context


def route_in_one_query(root: Page, path_components: list[str]) -> Page | None:
    """The page at `path_components` below `root`, found by its stored URL path: one query for the chain and
    one for the page's own fields, where Wagtail's walk costs two per level (an appeal: six).

    Each page of the chain gets its parent attached, as Wagtail's walk does, so `get_parent()` is free.
    None when no page has that path (the caller answers 404, as Wagtail would).
    """
    prefixes = [root.url_path + "".join(f"{slug}/" for slug in path_components[:end])
                for end in range(1, len(path_components) + 1)]
    chain = {page.url_path: page for page in Page.objects.filter(
        url_path__in=prefixes, path__startswith=root.path, depth__gt=root.depth)}
    if len(chain) != len(prefixes):
        return None
    parent = root
    for prefix in prefixes:
        chain[prefix]._cached_parent_obj = parent
        parent = chain[prefix]
    model = parent.specific_class
    page = model.objects.select_related(*getattr(model, "serve_select_related", ())).get(pk=parent.pk)
    page._cached_parent_obj = parent._cached_parent_obj
    return page


def _restricted_paths() -> list[str]:
    return list(PageViewRestriction.objects.values_list("page__path", flat=True))


def restricted_paths() -> list[str]:
    return generation_memo(name="restricted-paths", compute=_restricted_paths)


def default_locale_id() -> int:
    """The default language's Locale id, remembered until the next change (a new locale renews it too): asked on
    every posted tip, to file it under the original page of a translated appeal."""
    return generation_memo(name="default-locale", compute=lambda: Locale.get_default().pk)


def pages_live_public(pages: QuerySet) -> QuerySet:
    """Wagtail's `.live().public()`, without its query for the view restrictions on every call.

    The restricted sections are remembered until the next change to pages or restrictions (see pagecache),
    so a page restricted or moved into a restricted section leaves every listing at once.
    """
    for path in restricted_paths():
        pages = pages.exclude(path__startswith=path)
    return pages.live()
