"""A place on the map as plain, validated latitude and longitude (no GeoDjango, no GDAL)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Two decimals are about a kilometre: enough to show a town, too coarse to find a door.
PUBLIC_DECIMALS = 2


def round_to_public(value: float | None) -> float | None:
    return None if value is None else round(value, PUBLIC_DECIMALS)


class Located(models.Model):
    """A town with an optional map position; both coordinates or neither."""

    town = models.CharField(_("town"), max_length=100, blank=True)
    latitude = models.FloatField(
        _("latitude"), null=True, blank=True, validators=[MinValueValidator(-90), MaxValueValidator(90)]
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Give both latitude and longitude, or neither."))

    @property
    def has_position(self) -> bool:
        return self.latitude is not None and self.longitude is not None
