from functools import partial

import django_filters
from django.urls import path
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core.models import other_content_languages

from . import views
from .forms import TagNamesForm
from .selectors import tags_missing_names


@hooks.register("before_edit_page", order=-1)  # before wagtail-localize's, which shows its translation editor
def submit_translation_for_approval(request, page):
    if request.method == "POST" and views.SUBMIT_ACTION in request.POST:
        return views.submit_translation_for_approval(request, page)
    return None


@hooks.register("register_admin_urls")
def guard_translation_views():
    # Same paths as wagtail-localize's own views; this app is listed before it in INSTALLED_APPS, so these
    # patterns are matched first and every link wagtail-localize builds goes through the page check.
    return [
        path("localize/submit/page/<int:page_id>/", views.submit_page_translation,
             name="localization_submit_page_translation"),
        path("localize/update/<int:translation_source_id>/", views.update_translations,
             name="localization_update_translations"),
        path("localize/reports/translations/", views.translations_report,
             name="localization_translations_report"),
        path("localize/reports/translations/results/", views.translations_report_results,
             name="localization_translations_report_results"),
    ]


def _languages_in_admin_language() -> list[tuple[str, str]]:
    return [(code, get_language_info(code)["name_translated"]) for code, _name in other_content_languages()]


def tag_label(tag: Tag, *, language_code: str) -> str:
    return next((label.name for label in tag.labels.all() if label.language_code == language_code), "")


class TagNamesFilterSet(WagtailFilterSet):
    missing = django_filters.ChoiceFilter(label=_("Without a name in"), choices=_languages_in_admin_language,
                                          method="filter_missing")

    class Meta:
        model = Tag
        fields = []

    def filter_missing(self, queryset, name, value):
        return queryset.exclude(labels__language_code=value)


class TagNamesIndexView(IndexView):
    # distinct: searching also matches the names in other languages, which would repeat a tag per match.
    queryset = Tag.objects.prefetch_related("labels").distinct()


class TagNamesViewSet(ModelViewSet):
    """Staff name the network's shared tags in every language; partners' editors only use them on pages."""

    model = Tag
    icon = "tag"
    menu_label = _("Tags in all languages")
    add_to_settings_menu = True
    url_prefix = "tag-names"
    name = "tag_names"
    index_view_class = TagNamesIndexView
    filterset_class = TagNamesFilterSet
    search_fields = ["name", "labels__name"]
    ordering = ["name"]
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return TagNamesForm

    @property
    def list_display(self):
        languages = [Column(f"name_{code}", label=language, accessor=partial(tag_label, language_code=code))
                     for code, language in _languages_in_admin_language()]
        name = TitleColumn("name", label=_("Name as typed"), sort_key="name", url_name=self.get_url_name("edit"))
        return [name, *languages]


@hooks.register("register_admin_viewset")
def register_tag_names():
    return TagNamesViewSet()


class TagNamesPanel(Component):
    """Tells the staff who name tags how many still read in German on English or Arabic pages."""

    name = "tag_names"
    template_name = "localization/admin/tag_names_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        languages = dict(_languages_in_admin_language())
        missing = [{"language_code": item.language_code, "count": item.count, "language": languages[item.language_code]}
                   for item in tags_missing_names()]
        context.update(missing=missing, missing_total=sum(item["count"] for item in missing))
        return context


@hooks.register("construct_homepage_panels")
def add_tag_names_panel(request, panels):
    if request.user.has_perm("taggit.change_tag"):
        panels.append(TagNamesPanel())
