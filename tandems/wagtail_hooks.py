from wagtail import hooks
from wagtail.admin.ui.components import Component

from .selectors import tandem_translations_behind


class TranslationsBehindPanel(Component):
    """Tells translators which translated tandems changed in German since they last saved them."""

    name = "tandem_translations_behind"
    template_name = "tandems/admin/translations_behind_panel.html"
    order = 70

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), "pages": self.pages}


@hooks.register("construct_homepage_panels")
def add_translations_behind_panel(request, panels):
    pages = tandem_translations_behind(user=request.user)
    if pages:
        panels.append(TranslationsBehindPanel(pages))
