"""Dashboard panels for the people who run the portal: backups, e-mails, data retention at a glance."""

from collections.abc import Callable

from wagtail import hooks
from wagtail.admin.ui.components import Component


class StaffPanel(Component):
    """One dashboard panel: a template, and a function that reads what it shows."""

    def __init__(self, *, name: str, template_name: str, order: int, context: Callable[[], dict]):
        self.name, self.template_name, self.order, self.read = name, template_name, order, context

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), **self.read()}


def staff_panel_register(*, name: str, template_name: str, order: int, context: Callable[[], dict]) -> None:
    """Show the panel on superusers' dashboards only: partners' people cannot act on it and need no alarm."""

    def add(request, panels):
        if request.user.is_superuser:
            panels.append(StaffPanel(name=name, template_name=template_name, order=order, context=context))

    hooks.register("construct_homepage_panels", add)
