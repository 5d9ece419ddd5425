"""The admin form for a request taken by phone: slots of every campaign, towns through the gazetteer."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from places.gazetteer import place_nearest_town, place_resolve
from tips.selectors import partners_of_user

from .models import CompanyCampaignPage, weekly_slot_choices
from .selectors import partner_for_place
from .vocabulary import Status


def all_slot_choices() -> list[tuple[str, str]]:
    choices = []
    for campaign in CompanyCampaignPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE):
        choices += [(slot.code, f"{campaign.title}: {slot.label}") for slot in campaign.slots.all()]
    return choices + weekly_slot_choices()


class RequestAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slots"].choices = all_slot_choices()
        self.fields["campaign"].queryset = CompanyCampaignPage.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE)
        self.fields["town"].required = True
        self.fields["town"].help_text = _("A town or a German postcode; it is placed on the map by the gazetteer.")
        user = self.for_user
        if user is not None and not user.is_superuser:
            # A partner enters people for its own section only.
            self.fields["partner"].queryset = partners_of_user(user=user)
            self.fields["partner"].required = True
            self.fields["partner"].empty_label = None
        if not self.instance.pk:
            self.initial.setdefault("status", Status.WAITING)

    def clean(self):
        data = super().clean()
        town = (data.get("town") or "").strip()
        if town and (town != self.instance.town or self.instance.latitude is None):
            place = place_resolve(query=town)
            if place is None:
                self.add_error("town", _("We do not know this place. Please type a town or a German postcode."))
            else:
                self.instance.latitude, self.instance.longitude = place.latitude, place.longitude
                data["town"] = place_nearest_town(latitude=place.latitude, longitude=place.longitude).name
        return data

    def save(self, commit=True):
        request = super().save(commit=False)
        if request.pk is None:
            request.entered_by = self.for_user
            if request.partner_id is None and request.has_position and self.for_user.is_superuser:
                request.partner = partner_for_place(latitude=request.latitude, longitude=request.longitude)
        if request.status != Status.UNCONFIRMED and request.confirmed_at is None:
            request.confirmed_at = timezone.now()  # partner staff confirmed this person on the phone
        if commit:
            request.save()
        return request
