"""Admin login lockouts (django-axes) in the Wagtail admin: staff see who is locked out and unlock them."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Only staff (superusers) see lockouts; unlocking is deleting the attempts, nobody adds or edits them."""

    def user_has_permission(self, user, action):
        return action in {"view", "delete"} and user.is_active and user.is_superuser


class LoginLockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Login lockouts")
    add_to_settings_menu = True
    url_prefix = "login-lockouts"
    name = "login_lockouts"
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
    inspect_view_enabled = True
    inspect_view_fields = ["username", "ip_address", "failures_since_start", "attempt_time", "user_agent"]
    copy_view_enabled = False
    form_fields = ["username"]  # required by the viewset; the policy lets nobody add or edit


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))
