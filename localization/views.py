"""wagtail-localize's "translate", "sync" and report admin views, limited to pages the user may edit.

wagtail-localize checks only the global "submit translation" permission there, so any partner editor could
translate (and so copy into their reach) another partner's page. These wrappers add the page check and
then hand over to wagtail-localize unchanged; wagtail_hooks.py mounts them on the same URLs.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .services import translation_submit_for_approval

_submit_page = SubmitPageTranslationView.as_view()
_update = UpdateTranslationsView.as_view()


def _require_page_edit(user, page: Page) -> None:
    if not page.permissions_for_user(user).can_edit():
        raise PermissionDenied


def submit_page_translation(request, page_id: int):
    _require_page_edit(request.user, get_object_or_404(Page, id=page_id))
    return _submit_page(request, page_id=page_id)


def update_translations(request, translation_source_id: int):
    source = get_object_or_404(TranslationSource, id=translation_source_id)
    instance = source.get_source_instance()
    if isinstance(instance, Page):
        _require_page_edit(request.user, instance)
        if request.method == "POST" and request.POST.get("publish_translations"):
            _require_translations_publish(request.user, source)
    return _update(request, translation_source_id=translation_source_id)


def _require_translations_publish(user, source: TranslationSource) -> None:
    # "Publish the updated translations" would put them live past the section's approval workflow.
    for translation in source.translations.filter(enabled=True):
        page = translation.get_target_instance()
        if not page.permissions_for_user(user).can_publish():
            raise PermissionDenied


class OwnTranslationsReportView(TranslationsReportView):
    """The translations report (what is up to date, what waits), without other partners' pages in it."""

    def get_queryset(self):
        queryset = super().get_queryset().order_by("-created_at")  # newest first, and stable pages
        if self.request.user.is_superuser:
            return queryset
        editable = PagePermissionPolicy().instances_user_has_permission_for(self.request.user, "change")
        return queryset.filter(source__object_id__in=editable.values("translation_key"))


translations_report = OwnTranslationsReportView.as_view()
translations_report_results = OwnTranslationsReportView.as_view(results_only=True)


SUBMIT_ACTION = "localization-submit-for-approval"


def submit_translation_for_approval(request, page: Page):
    """The translation editor's "Submit for approval", for translators who may not publish (wagtail-localize
    only offers "Publish"): the translated page is saved as a draft and enters the section's workflow."""
    translation = get_object_or_404(Translation, source__object_id=page.translation_key,
                                    target_locale_id=page.locale_id, enabled=True)
    _require_page_edit(request.user, page)
    page = translation_submit_for_approval(translation=translation, user=request.user)
    messages.success(request, _("The translation was submitted for approval: it goes live once it is approved."))
    return redirect("wagtailadmin_pages:edit", page.pk)
