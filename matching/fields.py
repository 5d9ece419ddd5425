"""A list of codes from a fixed vocabulary, stored as JSON (works on SQLite and PostgreSQL alike)."""

from django import forms
from django.db import models


class ChoiceListField(models.JSONField):
    """Edited as checkboxes; `choices_list` stays out of migrations so relabelling a choice migrates nothing."""

    def __init__(self, *args, choices_list=(), **kwargs):
        self.choices_list = choices_list
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.choices_list, required=not self.blank, label=self.verbose_name,
            help_text=self.help_text, widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        allowed = {str(code) for code, _label in self.choices_list}
        if allowed and not set(value or []) <= allowed:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice",
                                        params={"value": value})
