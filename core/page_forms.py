"""The page form every page type inherits (wired in by `reach`, listed after wagtail.admin in INSTALLED_APPS)."""

from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page

from .slugs import slug_ascii, slug_available


class AsciiSlugPageForm(WagtailAdminPageForm):
    """Every page form: a slug typed or derived in another script becomes ASCII before Wagtail checks it.

    Only slugs that change are touched, so a published page keeps the address people already shared.
    """

    def clean(self):
        slug = self.cleaned_data.get("slug")
        if slug and not slug.isascii() and slug != self.instance.slug:
            parent = self.parent_page
            self.cleaned_data["slug"] = slug_available(
                slug_ascii(slug, fallback=self.instance._meta.model_name),
                taken=lambda candidate: not Page._slug_is_available(candidate, parent, self.instance),
            )
        return super().clean()
