"""What every form on the public site shares."""

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy as _

from .visitor_text import visible_strip


class VisitorForm(forms.Form):
    """Labels sit above their fields and some are questions: Django's ":" suffix would make "?:" (in Arabic "؟:").

    Typed text loses the invisible characters at its ends before any field sees it, so a message of
    zero-width spaces is empty (a required field says so, in words that name the cause) and length limits
    count what a reader sees.
    """

    invisible_message = _("This contains only spaces or invisible characters. Please write your text.")

    def __init__(self, data=None, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        self.invisible_keys: set[str] = set()
        if data is not None:
            data = self._visible_data(data)
        super().__init__(data, *args, **kwargs)

    def _visible_data(self, data) -> MultiValueDict:
        lists = data.lists() if hasattr(data, "lists") else ((key, [value]) for key, value in data.items())
        visible = MultiValueDict()
        for key, values in lists:
            stripped = [visible_strip(value) if isinstance(value, str) else value for value in values]
            if any(value == "" for value in stripped) and any(isinstance(value, str) and value for value in values):
                self.invisible_keys.add(key)
            visible.setlist(key, stripped)
        return visible

    def full_clean(self):
        super().full_clean()
        for name, errors in list((self._errors or {}).items()):
            if self.add_prefix(name) in self.invisible_keys and errors.as_data()[0].code == "required":
                self._errors[name] = self.error_class([self.invisible_message])


class TelInput(forms.TextInput):
    """A phone number field: phones show their number pad."""

    input_type = "tel"
