"""Factories shared by every app: users, generated images, and a base for Wagtail pages."""

import colorsys
import io
import zlib

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Page


def generated_png(label: str, size=(800, 600)) -> bytes:
    """A calm coloured picture with a label, so demo content needs no downloads."""
    hue = (zlib.crc32(label.encode()) % 360) / 360
    red, green, blue = (int(channel * 255) for channel in colorsys.hls_to_rgb(hue, 0.45, 0.45))
    picture = PILImage.new("RGB", size, (red, green, blue))
    ImageDraw.Draw(picture).text((size[0] // 12, size[1] // 2), label, fill=(255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name")
    @factory.post_generation
    def password(user, create, extracted, **kwargs):
        user.set_password(extracted or "password")
        if create:
            user.save(update_fields=["password"])


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_image_model()

    title = factory.Sequence(lambda n: f"Picture {n}")
    file = factory.LazyAttribute(lambda image: ContentFile(generated_png(image.title), name="generated.png"))


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a live page under `parent` (the default site's root page when none is given)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        if parent is None:
            parent = Page.objects.get(depth=2, locale__language_code="de").specific
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
