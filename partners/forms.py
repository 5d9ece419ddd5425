"""Validating a new partner before onboarding, for `manage.py add_partner`."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.slugs import slug_ascii
from home.models import HomePage

from .models import PartnerPage


class PartnerOnboardForm(forms.Form):
    title = forms.CharField(label=_("name"), max_length=255)
    slug = forms.SlugField(label=_("slug"), max_length=255, required=False, allow_unicode=True)
    notification_email = forms.EmailField(label=_("e-mail for new tips"))
    region = forms.CharField(label=_("region served"), max_length=200, required=False)
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")
    public_email = forms.EmailField(label=_("public e-mail"), required=False)
    trusted_to_publish = forms.BooleanField(label=_("trusted to publish"), required=False)

    def __init__(self, *args, home: HomePage, **kwargs):
        super().__init__(*args, **kwargs)
        self.home = home

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        if PartnerPage.objects.child_of(self.home).filter(title__iexact=title).exists():
            raise forms.ValidationError(_("A partner named “%(title)s” exists already."), params={"title": title})
        return title

    def clean(self):
        cleaned = super().clean()
        if "title" in cleaned and not cleaned.get("slug"):
            cleaned["slug"] = slug_ascii(cleaned["title"])
        slug = cleaned.get("slug")
        if slug and self.home.get_children().filter(slug=slug).exists():
            self.add_error("slug", _("The address “%(slug)s” is taken already.") % {"slug": slug})
        return cleaned
