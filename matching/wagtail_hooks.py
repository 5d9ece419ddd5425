"""Company requests and matching in the Wagtail admin, scoped per partner exactly like tips."""

from django import forms
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from tips.selectors import partners_of_user

from . import admin_views
from .admin_forms import RequestAdminForm
from .models import CompanyRequest
from .selectors import requests_visible_to


class RequestPermissionPolicy(ModelPermissionPolicy):
    """Staff do everything; a partner's editors and moderators enter, view and change their own partner's people."""

    def user_has_permission(self, user, action):
        if user.is_active and user.is_superuser:
            return True
        return action in {"add", "view", "change"} and user.is_active and partners_of_user(user=user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and requests_visible_to(user=user).filter(
            pk=instance.pk).exists()

    def instances_user_has_any_permission_for(self, user, actions):
        return requests_visible_to(user=user)


class RequestViewSet(SnippetViewSet):
    model = CompanyRequest
    icon = "group"
    menu_label = _("Company requests")
    menu_order = 260
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["__str__", "first_name", "status", "role", "campaign", "partner", "town", "created_at"]
    list_filter = ["status", "role", "campaign", "partner", "on_behalf", "created_at"]
    search_fields = ["first_name", "town", "email", "phone"]
    inspect_view_fields = ["campaign", "role", "status", "partner", "first_name", "age_band", "town", "travel_km",
                           "kinds", "slots", "needs", "offers", "languages", "age_preference", "capacity", "message",
                           "phone", "email", "consent", "language", "on_behalf", "helper_name", "helper_contact",
                           "entered_by", "created_at", "confirmed_at", "contact_deleted_at"]
    inspect_template_name = "matching/admin/request_inspect.html"
    edit_handler = ObjectList([
        # Plain selects: the form limits them to the user's own partner and the default-language campaigns.
        FieldPanel("campaign", widget=forms.Select), FieldPanel("role"), FieldPanel("partner", widget=forms.Select),
        FieldRowPanel([FieldPanel("first_name"), FieldPanel("age_band")]),
        FieldRowPanel([FieldPanel("town"), FieldPanel("travel_km")]),
        FieldPanel("kinds"), FieldPanel("slots"), FieldPanel("languages"), FieldPanel("needs"), FieldPanel("offers"),
        FieldPanel("age_preference"), FieldPanel("capacity"), FieldPanel("message"),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email"), FieldPanel("language"), FieldPanel("consent")],
                        heading=_("Contact")),
        MultiFieldPanel([FieldPanel("on_behalf"), FieldPanel("helper_name"), FieldPanel("helper_contact")],
                        heading=_("Signed up on someone's behalf")),
        FieldPanel("status"),
    ], base_form_class=RequestAdminForm)
    inspect_view_class = admin_views.RequestInspectView
    edit_view_class = admin_views.RequestEditView
    add_view_class = admin_views.RequestCreateView
    history_view_class = admin_views.RequestHistoryView
    usage_view_class = admin_views.RequestUsageView

    def get_queryset(self, request):
        return requests_visible_to(user=request.user)


class PartnerMenuItem(MenuItem):
    def is_shown(self, request):
        return RequestPermissionPolicy(CompanyRequest).user_has_permission(request.user, "view")


class MatchingViewSet(ViewSet):
    name = "matching_admin"
    url_prefix = "matching"
    icon = "resubmit"
    menu_label = _("Matching")
    menu_order = 261
    add_to_admin_menu = True
    menu_item_class = PartnerMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.matching_index, name="index"),
            path("dry-run/", admin_views.dry_run_view, name="dry_run"),
            path("send/", admin_views.send_view, name="send"),
            path("proposal/<int:pk>/drop/", admin_views.drop_view, name="drop"),
            path("request/<int:pk>/propose/<int:other>/", admin_views.propose_view, name="propose"),
            path("proposal/<int:pk>/", admin_views.proposal_view, name="proposal"),
            path("proposal/<int:pk>/answer/", admin_views.proposal_answer_view, name="proposal_answer"),
            path("proposal/<int:pk>/feedback/", admin_views.proposal_feedback_view, name="proposal_feedback"),
            path("request/<int:pk>/confirm/", admin_views.confirm_view, name="confirm"),
            path("report/", admin_views.report_view, name="report"),
        ]


register_permission_policy(CompanyRequest, RequestPermissionPolicy(CompanyRequest))
register_snippet(RequestViewSet)


@hooks.register("register_admin_viewset")
def register_matching_viewset():
    return MatchingViewSet()
