"""Personal data in tips, for the privacy app: who gave a tip (name, e-mail, phone), where, and their words."""

from datetime import datetime

from django.db.models import QuerySet
from django.db.models.functions import Round

from places.models import PUBLIC_DECIMALS

from .models import Tip


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
