from wagtail import hooks
from wagtail.admin.ui.components import Component

from .selectors import retention_summary


class RetentionPanel(Component):
    """Staff see that retention runs: what the last run anonymised and what is due soon."""

    name = "privacy_retention"
    template_name = "privacy/dashboard_panel.html"
    order = 60

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["retention"] = retention_summary()
        return context


@hooks.register("construct_homepage_panels")
def add_retention_panel(request, panels):
    if request.user.is_superuser:
        panels.append(RetentionPanel())
