"""Drawing share cards: 1200x630 pictures for link previews, Arabic shaped right to left (Pillow with raqm)."""

import io
import unicodedata
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFont, ImageOps, features

WIDTH, HEIGHT = 1200, 630
PICTURE_WIDTH = 480
PADDING = 56
BAND_HEIGHT = 96
FONT_DIR = "/usr/share/fonts/truetype/noto/"
FONTS = {
    (False, False): "NotoSans-Regular.ttf", (False, True): "NotoSans-Bold.ttf",
    (True, False): "NotoSansArabic-Regular.ttf", (True, True): "NotoSansArabic-Bold.ttf",
}
INK, MUTED, WHITE = (26, 26, 26), (80, 80, 80), (255, 255, 255)


@dataclass
class CardText:
    title: str
    kicker: str = ""  # above the title: the partner's name
    place: str = ""  # below it: the town
    footer: str = ""  # network name and hashtag
    rtl: bool = False
    language: str = "de"


def arabic_script(text: str) -> bool:
    return any("ARABIC" in unicodedata.name(char, "") for char in text)


def _font(text: str, size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    # raqm shapes but does not fall back between fonts: pick the one that has the text's script.
    layout = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    return ImageFont.truetype(FONT_DIR + FONTS[(arabic_script(text), bold)], size, layout_engine=layout)


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[index:index + 2], 16) for index in (1, 3, 5))


class _Writer:
    """Lines of text in the text column, anchored at its start edge (the right one in Arabic)."""

    def __init__(self, draw: ImageDraw.ImageDraw, *, left: int, right: int, card: CardText):
        self.draw, self.left, self.right, self.card = draw, left, right, card

    def _options(self, text: str) -> dict:
        if not features.check("raqm"):
            return {}
        # A Latin name on an Arabic card keeps its own direction (else "e.V." loses its period to the start).
        arabic = arabic_script(text)
        return {"direction": "rtl" if arabic else "ltr", "language": "ar" if arabic else self.card.language}

    def width(self, text: str, font) -> float:
        return self.draw.textlength(text, font=font, **self._options(text))

    def wrap(self, text: str, font, max_lines: int) -> list[str] | None:
        lines, line = [], ""
        for word in text.split():
            candidate = f"{line} {word}".strip()
            if self.width(candidate, font) <= self.right - self.left:
                line = candidate
            elif line:
                lines.append(line)
                line = word
            else:
                return None  # one word wider than the column: try a smaller size
        lines.append(line)
        return lines if len(lines) <= max_lines else None

    def line(self, text: str, font, top: int, fill) -> None:
        x, anchor = (self.right, "ra") if self.card.rtl else (self.left, "la")
        self.draw.text((x, top), text, font=font, fill=fill, anchor=anchor, **self._options(text))

    def title(self, text: str, top: int, bottom: int) -> None:
        for size in (72, 64, 56, 48, 42, 36):
            font = _font(text, size, bold=True)
            lines = self.wrap(text, font, max_lines=max(1, (bottom - top) // int(size * 1.3)))
            if lines:
                break
        else:
            font, lines = _font(text, 36, bold=True), [text[:60] + "…"]
        for number, line in enumerate(lines):
            self.line(line, font, top + int(number * font.size * 1.3), INK)


def _picture_panel(picture: Image.Image | None, brand: tuple[int, int, int]) -> Image.Image:
    panel = Image.new("RGB", (PICTURE_WIDTH, HEIGHT), brand)
    if picture is None:
        return panel
    picture = ImageOps.exif_transpose(picture).convert("RGB")
    if picture.width < PICTURE_WIDTH // 2:  # a small logo: centred on white, not blown up
        panel.paste(WHITE, (0, 0, PICTURE_WIDTH, HEIGHT))
        picture.thumbnail((PICTURE_WIDTH - 2 * PADDING, HEIGHT - 2 * PADDING))
        panel.paste(picture, ((PICTURE_WIDTH - picture.width) // 2, (HEIGHT - picture.height) // 2))
        return panel
    return ImageOps.fit(picture, (PICTURE_WIDTH, HEIGHT), centering=(0.5, 0.35))


def card_draw(*, card: CardText, picture: Image.Image | None, brand_colour: str, accent_colour: str) -> bytes:
    """The card as JPEG bytes: picture on the start side, partner, title and town beside it, network below."""
    brand, accent = _hex(brand_colour), _hex(accent_colour)
    canvas = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    picture_left = WIDTH - PICTURE_WIDTH if card.rtl else 0
    canvas.paste(_picture_panel(picture, brand), (picture_left, 0))
    text_left = PADDING if card.rtl else PICTURE_WIDTH + PADDING
    text_right = WIDTH - PICTURE_WIDTH - PADDING if card.rtl else WIDTH - PADDING
    draw = ImageDraw.Draw(canvas)
    band_left, band_right = (0, WIDTH - PICTURE_WIDTH) if card.rtl else (PICTURE_WIDTH, WIDTH)
    draw.rectangle((band_left, HEIGHT - BAND_HEIGHT, band_right, HEIGHT), fill=brand)
    draw.rectangle((band_left, HEIGHT - BAND_HEIGHT, band_right, HEIGHT - BAND_HEIGHT + 8), fill=accent)
    writer = _Writer(draw, left=text_left, right=text_right, card=card)
    if card.kicker:
        writer.line(card.kicker, _font(card.kicker, 30, bold=True), PADDING, brand)
    place_top = HEIGHT - BAND_HEIGHT - PADDING - 44
    writer.title(card.title, PADDING + 64, place_top - 16 if card.place else HEIGHT - BAND_HEIGHT - PADDING)
    if card.place:
        writer.line(card.place, _font(card.place, 36), place_top, MUTED)
    if card.footer:
        writer.line(card.footer, _font(card.footer, 32, bold=True), HEIGHT - BAND_HEIGHT + 28, WHITE)
    buffer = io.BytesIO()
    canvas.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()
