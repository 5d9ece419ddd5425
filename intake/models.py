"""Upload links given to tandems, and the files that arrive through them."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UploadLink(models.Model):
    """A tandem's personal address for sending photos and videos without an account.

    Only a SHA-256 digest of the token is stored: a copy of the database does not open anyone's link.
    """

    tandem = models.ForeignKey("tandems.TandemPage", on_delete=models.CASCADE, related_name="upload_links",
                               verbose_name=_("tandem"))
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="de")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("upload link")

    def __str__(self):
        return f"{self.tandem} ({self.created_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class UploadKind(models.TextChoices):
    IMAGE = "image", _("photo")
    VIDEO = "video", _("video")


class UploadStatus(models.TextChoices):
    RECEIVING = "receiving", _("arriving")
    PROCESSING = "processing", _("processing")
    PENDING = "pending", _("waiting for approval")
    APPROVED = "approved", _("published")
    REJECTED = "rejected", _("not used")
    FAILED = "failed", _("could not be used")


class Upload(models.Model):
    """One file sent through a link. Its files live in INTAKE_ROOT until approval turns them into
    a Wagtail image or a media item in the partner's collection."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    link = models.ForeignKey(UploadLink, on_delete=models.CASCADE, related_name="uploads")
    kind = models.CharField(max_length=8, choices=UploadKind.choices, blank=True)
    status = models.CharField(max_length=12, choices=UploadStatus.choices, default=UploadStatus.RECEIVING)
    original_name = models.CharField(max_length=255, blank=True)
    caption = models.CharField(_("caption"), max_length=250, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    received = models.PositiveBigIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    # Names relative to INTAKE_ROOT, so the folder can move between machines.
    file_path = models.CharField(max_length=255, blank=True)
    poster_path = models.CharField(max_length=255, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    duration = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    image = models.ForeignKey("wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")
    media = models.ForeignKey("wagtailmedia.Media", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="+")

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("upload")

    def __str__(self):
        return self.original_name or str(self.public_id)
