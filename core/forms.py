"""Admin form pieces for the network settings: one tagline per language, said plainly when a row repeats one."""

from django.utils.translation import gettext_lazy as _
from modelcluster.forms import BaseChildFormSet
from wagtail.admin.panels import InlinePanel


class OneRowPerLanguageFormSet(BaseChildFormSet):
    """Marks a repeated language on its own row, and lets staff swap the languages of two rows.

    Without `clean`, the database constraint is only caught by the generic duplicate check, whose message names
    the raw model fields ("network and language_code") instead of pointing at the row to fix.
    """

    def clean(self):
        seen = set()
        for form in self.forms:
            language = getattr(form, "cleaned_data", {}).get("language_code")
            if not language or self._should_delete_form(form):
                continue
            if language in seen:
                form.add_error("language_code", _("This language already has a tagline above: keep one row per "
                                                  "language."))
            seen.add(language)
        super().clean()

    def save_existing(self, form, obj, commit=True):
        # Rows are written one by one, so swapping two languages would briefly repeat one and break the unique
        # constraint. A row that changes language is replaced instead: modelcluster deletes the rows listed in
        # `deleted_objects` before it writes any other.
        if "language_code" in form.changed_data:
            self.deleted_objects.append(type(obj)(pk=obj.pk))
            obj.pk = None
        return super().save_existing(form, obj, commit=commit)


class OneRowPerLanguagePanel(InlinePanel):
    """An InlinePanel whose rows may not repeat a `language_code`."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name]["formset"] = OneRowPerLanguageFormSet
        return options
