"""Personal data in tips, for the privacy app: who gave a tip (name, e-mail, phone), where, and their words."""

from datetime import datetime

from django.db.models import QuerySet
from django.db.models.functions import Round
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from places.models import PUBLIC_DECIMALS

from .models import Tip

KIND = _("Tips and offers you sent")


def retention_due(*, before: datetime) -> QuerySet:
    return Tip.objects.filter(created_at__lt=before, anonymised_at__isnull=True)


def retention_anonymise(*, records: QuerySet, now: datetime) -> int:
    """Contact data, typed place and free text go; kind, status, appeal, partner and the public text stay.

    The position is kept only at the public map's precision, so published tips stay on the map.
    """
    return records.update(
        name="", email="", phone="", employer="", message="", town="", anonymised_at=now,
        latitude=Round("latitude", PUBLIC_DECIMALS), longitude=Round("longitude", PUBLIC_DECIMALS),
    )


def held_for(*, email: str) -> list[list[tuple[str, str]]]:
    """Every tip given with this address, field by field under its label, as its giver would read it back."""
    tips = Tip.objects.filter(email__iexact=email, anonymised_at__isnull=True).select_related("appeal")
    return [[(str(Tip._meta.get_field(name).verbose_name), value) for name, value in (
        ("created_at", date_format(timezone.localtime(tip.created_at), "DATETIME_FORMAT")),
        ("kind", tip.get_kind_display()), ("appeal", tip.appeal.title if tip.appeal else ""),
        ("name", tip.name), ("email", tip.email), ("phone", tip.phone), ("employer", tip.employer),
        ("town", tip.town), ("message", tip.message),
    ) if value] for tip in tips]


def erase_for(*, email: str, now: datetime) -> int:
    return retention_anonymise(records=Tip.objects.filter(email__iexact=email, anonymised_at__isnull=True), now=now)
