"""The outbox in the Wagtail admin, for staff only: what was sent, what waits, what could not be delivered."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.dashboard import staff_panel_register

from .models import OutgoingEmail
from .selectors import outbox_oldest_waiting_age, outbox_undeliverable_count
from .services import outbox_retry


class OutgoingEmailViewSet(SnippetViewSet):
    """Read-only: e-mails hold visitors' words and addresses, so only superusers (no group permission) see them."""

    model = OutgoingEmail
    icon = "mail"
    menu_label = _("E-mails")
    add_to_settings_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["subject", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject"]
    inspect_view_fields = ["subject", "recipients", "status", "attempts", "created_at", "next_attempt_at",
                           "sent_at", "last_error", "body"]


class SuperusersOnly(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser and action in {"view", "change"}


class RetryEmails(SnippetBulkAction):
    display_name = _("Send again")
    aria_label = _("Send the selected undeliverable e-mails again")
    action_type = "outbox_retry"
    template_name = "outbox/confirm_retry.html"
    models = [OutgoingEmail]

    def check_perm(self, email):
        return self.request.user.is_superuser

    @classmethod
    def execute_action(cls, objects, **kwargs):
        return outbox_retry(emails=objects), 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d e-mail will be sent again.", "%(count)d e-mails will be sent again.",
                        num_parent_objects) % {"count": num_parent_objects}


register_permission_policy(OutgoingEmail, SuperusersOnly(OutgoingEmail))
register_snippet(OutgoingEmailViewSet)
hooks.register("register_bulk_action", RetryEmails)


def _outbox_panel() -> dict:
    age = outbox_oldest_waiting_age()
    return {"undeliverable": outbox_undeliverable_count(),
            "waiting_minutes": int(age.total_seconds() // 60) if age is not None else None}


staff_panel_register(name="outbox_status", template_name="outbox/dashboard_panel.html", order=60,
                     context=_outbox_panel)
