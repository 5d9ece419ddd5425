"""StreamField blocks shared by the page types."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock
from wagtailmedia.blocks import VideoChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "core/blocks/captioned_image.html"


class GalleryBlock(blocks.StructBlock):
    images = blocks.ListBlock(ImageBlock(label=_("Image")), min_num=1, max_num=24, label=_("Images"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "core/blocks/gallery.html"


class VideoBlock(blocks.StructBlock):
    """An uploaded clip or an embed (YouTube, Vimeo); the upload wins when both are given."""

    video = VideoChooserBlock(required=False, label=_("Uploaded video"))
    captions = DocumentChooserBlock(
        required=False, label=_("captions (WebVTT file)"),
        help_text=_("Subtitles for people who cannot hear the video: a .vtt file in the video's language."),
    )
    embed = EmbedBlock(required=False, label=_("or embed URL"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "media"
        template = "core/blocks/video.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=600, label=_("Quotation"))
    author = blocks.CharBlock(required=False, max_length=100, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class StoryBlock(blocks.StreamBlock):
    # Labels in gettext: without them Wagtail shows the field names ("Text", "Gallery") in English.
    text = blocks.RichTextBlock(features=["h2", "h3", "bold", "italic", "link", "ol", "ul"], label=_("Text"))
    image = CaptionedImageBlock(label=_("Image"))
    gallery = GalleryBlock(label=_("Gallery"))
    video = VideoBlock(label=_("Video"))
    quote = QuoteBlock(label=_("Quote"))
