"""Tips in the Wagtail admin: an inbox listing, filters, a reading view, moderation form, bulk status changes,
a dashboard panel and a map."""

import django_filters
from django import forms
from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from partners.models import PartnerPage
from places.gazetteer import place_public_town, place_resolve

from . import admin_views
from .desk_selectors import tip_appeal_choices, tips_waiting, user_is_tip_worker
from .models import Tip, TipKind, TipStatus
from .selectors import partners_of_user, tips_visible_to, user_moderates
from .services import tips_publish, tips_set_status


class TipPermissionPolicy(ModelPermissionPolicy):
    """Staff do everything but add (tips come from visitors); partners view and change their own partner's tips."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False  # tips come from visitors; an admin-made tip would be an empty shell
        if user.is_active and user.is_superuser:
            return True
        return action in {"view", "change"} and user.is_active and partners_of_user(user=user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and tips_visible_to(user=user).filter(pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return tips_visible_to(user=user)


class TipModerationForm(WagtailAdminModelForm):
    def clean_town(self):
        """Moderators correct the public place with a town the gazetteer knows; the pin moves to it."""
        typed = self.cleaned_data.get("town", "").strip()
        if typed == self.instance.town:
            return typed  # unchanged: the visitor's own pin stays
        place = place_resolve(query=typed) if typed else None
        if typed and place is None:
            raise forms.ValidationError(_("We do not know this town or postcode. Type a town or a German postcode."))
        self.instance.latitude, self.instance.longitude = (place.latitude, place.longitude) if place else (None, None)
        return place_public_town(typed=typed) if place else ""

    def clean_published(self):
        published = self.cleaned_data["published"]
        if published != self.instance.published and not user_moderates(user=self.for_user, tip=self.instance):
            raise forms.ValidationError(_("Only the partner's moderators and staff may publish tips."))
        return published

    def clean(self):
        data = super().clean()
        if data.get("published") and data.get("status") == TipStatus.SPAM:
            self.add_error("published", _("Spam is never published."))
        if data.get("published") and not data.get("public_text"):
            self.add_error("public_text", _("Write the anonymised text visitors will see."))
        return data


def _partner_choices(request):
    partners = PartnerPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
    return partners if request.user.is_superuser else partners_of_user(user=request.user)


class TipFilterSet(WagtailFilterSet):
    """Filters whose choices name only what the user may see: never another partner's appeals or drafts."""

    status = django_filters.ChoiceFilter(label=_("status"), choices=TipStatus.choices)
    assigned = django_filters.ChoiceFilter(
        label=_("assigned to"), method="filter_assigned",
        choices=[("me", _("me")), ("nobody", _("nobody yet"))],
    )
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=TipKind.choices)
    appeal = django_filters.ModelChoiceFilter(
        label=_("appeal"), queryset=lambda request: tip_appeal_choices(user=request.user)
    )
    partner = django_filters.ModelChoiceFilter(label=_("partner"), queryset=_partner_choices)
    town = django_filters.CharFilter(label=_("town"), lookup_expr="iexact")
    channel = django_filters.CharFilter(label=_("channel"), lookup_expr="iexact")
    created_at = django_filters.DateFromToRangeFilter(label=_("received"), widget=DateRangePickerWidget)
    published = django_filters.BooleanFilter(label=_("published"))

    class Meta:
        model = Tip
        fields = []

    def filter_assigned(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assigned_to=self.request.user)
        return queryset.filter(assigned_to=None) if value == "nobody" else queryset


class TipTitleColumn(TitleColumn):
    """The tip's number and the start of its message, linking to the reading view; new tips are marked."""

    cell_template_name = "tips/admin/tip_title_cell.html"

    class Media:
        css = {"all": ["css/tips-admin.css"]}


class TipIndexView(IndexView):
    def _get_title_column(self, field_name, column_class=TitleColumn, **kwargs):
        column = super()._get_title_column(field_name, TipTitleColumn, **kwargs)
        column.label = _("Tip")
        column._get_url_func = self.get_inspect_url
        return column


def _appeal_label(tip):
    return tip.appeal.title if tip.appeal else _("general offer")


class TipViewSet(SnippetViewSet):
    model = Tip
    icon = "help"
    menu_label = _("Tips")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "message",  # the title column (TipIndexView), which opens the reading view
        StatusTagColumn("status", label=_("status"), accessor="get_status_display",
                        primary=lambda tip: tip.status == TipStatus.NEW),
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        Column("appeal", label=_("appeal"), accessor=_appeal_label),
        Column("town", label=_("place")),
        Column("channel", label=_("channel")),
        DateColumn("created_at", label=_("received"), sort_key="created_at"),
    ]
    filterset_class = TipFilterSet
    index_view_class = TipIndexView
    search_fields = ["message", "employer", "town", "place_typed", "name", "email"]
    inspect_view_fields = ["kind", "status", "appeal", "partner", "message", "employer", "town", "place_typed",
                           "latitude", "longitude", "name", "email", "phone", "consent", "language", "channel",
                           "created_at", "notification_sent_at", "acknowledgement_sent_at", "published", "public_text"]
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("town"), FieldPanel("public_text"), FieldPanel("published")],
        base_form_class=TipModerationForm,
    )
    edit_view_class = admin_views.TipEditView
    inspect_view_class = admin_views.TipReadingView
    history_view_class = admin_views.TipHistoryView
    usage_view_class = admin_views.TipUsageView

    def get_queryset(self, request):
        return tips_visible_to(user=request.user).select_related("assigned_to")


class TipChangeForm(forms.Form):
    change = forms.ChoiceField(
        label=_("Change to"),
        choices=[
            *TipStatus.choices,
            ("publish", _("publish (only tips with an anonymised public text)")),
            ("unpublish", _("unpublish")),
        ],
    )


class TipChangeBulkAction(SnippetBulkAction):
    display_name = _("Change status")
    action_type = "tip_change"
    aria_label = _("Change the status of the selected tips")
    template_name = "tips/admin/bulk_change.html"
    form_class = TipChangeForm
    models = [Tip]

    def check_perm(self, tip):
        if not tips_visible_to(user=self.request.user).filter(pk=tip.pk).exists():
            return False
        change = self.request.POST.get("change")
        return change not in {"publish", "unpublish"} or user_moderates(user=self.request.user, tip=tip)

    def get_execution_context(self):
        return {**super().get_execution_context(), "change": self.cleaned_form.cleaned_data["change"]}

    def form_valid(self, form):
        self.cleaned_form = form
        return super().form_valid(form)

    @classmethod
    def execute_action(cls, objects, change=None, **kwargs):
        if change in {"publish", "unpublish"}:
            return tips_publish(tips=objects, published=change == "publish"), 0
        return tips_set_status(tips=objects, status=change), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(count)d tips changed.") % {"count": num_parent_objects}


register_permission_policy(Tip, TipPermissionPolicy(Tip))
register_snippet(TipViewSet)
hooks.register("register_bulk_action", TipChangeBulkAction)


@hooks.register("register_admin_urls")
def register_tips_map_url():
    return [path("tips-map/", admin_views.tips_map, name="tips_map")]


class TipsMapMenuItem(MenuItem):
    def is_shown(self, request):
        return TipPermissionPolicy(Tip).user_has_permission(request.user, "view")


@hooks.register("register_admin_menu_item")
def register_tips_map_menu_item():
    return TipsMapMenuItem(_("Map of tips"), reverse("tips_map"), icon_name="site", order=251)


class TipsInboxPanel(Component):
    """Each partner's new and unassigned tips, first thing on the dashboard."""

    name = "tips_inbox"
    template_name = "tips/admin/dashboard_panel.html"
    order = 40

    class Media:
        css = {"all": ["css/tips-admin.css"]}

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), **tips_waiting(user=self.user)}


@hooks.register("construct_homepage_panels")
def add_tips_inbox_panel(request, panels):
    if user_is_tip_worker(user=request.user):
        panels.insert(0, TipsInboxPanel(request.user))
