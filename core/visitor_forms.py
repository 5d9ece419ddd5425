"""What every form on the public site shares."""

from django import forms


class VisitorForm(forms.Form):
    """Labels sit above their fields and some are questions: Django's ":" suffix would make "?:" (in Arabic "؟:")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class TelInput(forms.TextInput):
    """A phone number field: phones show their number pad."""

    input_type = "tel"
