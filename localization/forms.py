"""The admin form that names a tag in every language at once."""

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.forms import WagtailAdminModelForm

from core.models import other_content_languages

from .services import tag_labels_set


def label_field_name(language_code: str) -> str:
    return f"name_{language_code}"


class TagNamesForm(WagtailAdminModelForm):
    """The tag's name as editors typed it, and beside it one optional name per other language."""

    class Meta:
        model = Tag
        fields = ["name"]
        labels = {"name": _("Name as typed on the pages")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = dict(self.instance.labels.values_list("language_code", "name")) if self.instance.pk else {}
        for code, _name in other_content_languages():
            info = get_language_info(code)
            self.fields[label_field_name(code)] = forms.CharField(
                label=_("Name in %(language)s") % {"language": info["name_translated"]}, max_length=100,
                required=False, initial=current.get(code, ""),
                widget=forms.TextInput(attrs={"dir": "rtl" if info["bidi"] else "ltr", "lang": code}),
                help_text=_("Empty: visitors reading this language see the name as typed."),
            )

    def save(self, commit=True):
        tag = super().save(commit=commit)
        if commit:
            names = {code: self.cleaned_data[label_field_name(code)] for code, _language in other_content_languages()}
            tag_labels_set(tag=tag, names=names)
        return tag
