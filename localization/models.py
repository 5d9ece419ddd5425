"""What the gettext catalogs cannot hold: the names of tags in the site's other languages."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.models import other_content_languages


class TagLabel(models.Model):
    """A tag's name in another language.

    Tags stay shared across languages (wagtail-localize copies a page's tags to its translations, and a
    filter link's slug is the same everywhere), so only what visitors read is translated: the name.
    """

    tag = models.ForeignKey("taggit.Tag", on_delete=models.CASCADE, related_name="labels")
    language_code = models.CharField(_("language"), max_length=8, choices=other_content_languages)
    name = models.CharField(_("name"), max_length=100)
    # Lets a visitor filter by the name they read ("crafts" on /en/ finds the pages tagged "Handwerk").
    slug = models.SlugField(max_length=100, allow_unicode=True, editable=False)

    class Meta:
        verbose_name = _("tag name in another language")
        constraints = [
            models.UniqueConstraint(fields=["tag", "language_code"], name="one_label_per_tag_and_language"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = slugify(self.name, allow_unicode=True)
        return super().save(*args, **kwargs)
