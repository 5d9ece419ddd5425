"""What reach needs to remember: one share card per published revision, and visits counted per day."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ShareCard(models.Model):
    """The 1200x630 picture link previews show for one published revision of a page.

    A new revision gets a new file (and so a new URL), so chat apps that cached the old picture fetch the new one.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    revision_id = models.PositiveBigIntegerField()
    image = models.ImageField(upload_to="share-cards/")
    # The revision's A4 poster, drawn with the card for the site's own address (BASE_URL), so the first person
    # to print it does not wait for WeasyPrint.
    poster = models.FileField(upload_to="posters/", blank=True)
    width = models.PositiveSmallIntegerField(default=0)
    height = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("share card")
        constraints = [models.UniqueConstraint(fields=["page", "revision_id"], name="reach_one_card_per_revision")]

    def __str__(self):
        return f"{self.page_id}-{self.revision_id}"


class VisitDay(models.Model):
    """How often one page was seen in one language, through one channel, on one day.

    Deliberately nothing about the visitor: no address, no browser, no cookie, no time of day.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(_("language"), max_length=8)
    channel = models.CharField(_("channel"), max_length=40, blank=True)
    day = models.DateField(_("day"))
    count = models.PositiveIntegerField(_("visits"), default=0)

    class Meta:
        verbose_name = _("visits per day")
        constraints = [models.UniqueConstraint(fields=["page", "language", "channel", "day"],
                                               name="reach_one_row_per_page_language_channel_day")]
        indexes = [models.Index(fields=["day"], name="reach_visit_day")]

    def __str__(self):
        return f"{self.day} {self.page_id} {self.language} {self.channel}: {self.count}"
