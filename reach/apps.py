from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReachConfig(AppConfig):
    name = "reach"
    verbose_name = _("Reach")

    def ready(self):
        from wagtail.models import Page

        from core.page_forms import AsciiSlugPageForm

        from . import signals  # noqa: F401

        # wagtail.admin's ready() sets the page form every page type inherits; this app is listed after it,
        # so new pages in every section get ASCII slugs without each page model opting in.
        Page.base_form_class = AsciiSlugPageForm
