from wagtail import hooks
from wagtail.admin.ui.components import Component

from .selectors import backup_status


class BackupStatusPanel(Component):
    """Tells staff when the last good backup was made, and warns loudly when it is old or a run failed."""

    name = "backup_status"
    template_name = "backups/dashboard_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["backup"] = backup_status()
        return context


@hooks.register("construct_homepage_panels")
def add_backup_status_panel(request, panels):
    # Only superusers run the portal; partner editors cannot act on a backup and should not be alarmed.
    if request.user.is_superuser:
        panels.insert(0, BackupStatusPanel())
