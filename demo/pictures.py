"""Illustrated pictures for the demo campaign, drawn here with Pillow (no downloads): two people side by side for
a tandem's portrait, and a scene (a street of houses, a workshop, a kitchen, a table) for an appeal.

Deterministic: the same name draws the same picture, so `load_demo` and the tests agree.
"""

import io
import random
import zlib

from PIL import Image, ImageDraw, ImageFont

SKIN = [(141, 85, 36), (198, 134, 66), (224, 172, 105), (241, 194, 125), (255, 219, 172), (168, 112, 70)]
HAIR = [(35, 25, 20), (70, 45, 30), (120, 80, 40), (200, 170, 110), (150, 150, 150), (20, 20, 25)]
CLOTHES = [(46, 110, 142), (190, 80, 60), (60, 130, 90), (120, 80, 150), (220, 160, 50), (70, 70, 90)]
SKIES = [((255, 200, 150), (120, 170, 220)), ((250, 225, 190), (100, 150, 200)), ((210, 230, 245), (90, 140, 190))]
SCALE = 2  # drawn large and scaled down, so edges come out smooth


def _rng(name: str) -> random.Random:
    return random.Random(zlib.crc32(name.encode()))


def _gradient(size: tuple[int, int], top: tuple, bottom: tuple) -> Image.Image:
    width, height = size
    strip = Image.new("RGB", (1, height))
    for y in range(height):
        t = y / max(height - 1, 1)
        strip.putpixel((0, y), tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)))
    return strip.resize(size)


def _person(draw: ImageDraw.ImageDraw, x: int, base: int, height: int, rng: random.Random) -> None:
    """Head, hair and shoulders of one person, standing at x with the picture's bottom edge at base."""
    skin, hair, cloth = rng.choice(SKIN), rng.choice(HAIR), rng.choice(CLOTHES)
    head = height // 4
    top = base - height
    draw.ellipse((x - head, base - height // 2, x + head * 1.15, base + height // 2), fill=cloth)  # shoulders
    draw.rectangle((x - head // 3, top + head * 1.7, x + head // 3, top + head * 2.3), fill=skin)  # neck
    if rng.random() < 0.4:  # a scarf or long hair framing the face
        draw.ellipse((x - head * 0.75, top + head * 0.05, x + head * 0.75, top + head * 2.3), fill=hair)
    draw.ellipse((x - head // 2 - 4, top + head // 3, x + head // 2 + 4, top + head * 1.9), fill=skin)
    draw.chord((x - head // 2 - 6, top + head // 4, x + head // 2 + 6, top + head * 1.3), 180, 360, fill=hair)
    eye_y, eye_dx = top + head * 1.1, head // 4
    for dx in (-eye_dx, eye_dx):
        draw.ellipse((x + dx - 4, eye_y - 4, x + dx + 4, eye_y + 4), fill=(40, 30, 30))
    draw.arc((x - head // 4, top + head * 1.25, x + head // 4, top + head * 1.6), 20, 160, fill=(120, 50, 50), width=4)


def portrait_png(name: str, size=(800, 800)) -> bytes:
    """Two people side by side (a tandem) against a warm gradient."""
    rng = _rng(name)
    width, height = size[0] * SCALE, size[1] * SCALE
    top, bottom = rng.choice(SKIES)
    picture = _gradient((width, height), bottom, top)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((width * 0.55, height * 0.08, width * 0.95, height * 0.48), fill=(255, 236, 200))  # sun disc
    _person(draw, int(width * 0.36), height, int(height * 0.62), rng)
    _person(draw, int(width * 0.66), height, int(height * 0.7), rng)
    return _png(picture.resize(size, Image.LANCZOS))


def _houses(draw, width, height, rng):
    x = -20
    while x < width:
        w, h = rng.randint(width // 9, width // 5), rng.randint(height // 5, height // 2)
        colour = rng.choice([(230, 200, 170), (200, 120, 90), (240, 225, 200), (170, 190, 200), (215, 170, 120)])
        draw.rectangle((x, height * 0.8 - h, x + w, height * 0.8), fill=colour)
        eaves = height * 0.8 - h
        draw.polygon([(x - 6, eaves), (x + w / 2, eaves - w / 2.5), (x + w + 6, eaves)], fill=(150, 60, 50))
        for wy in range(int(height * 0.8 - h + 20), int(height * 0.8 - 30), 60):
            for wx in range(x + 14, x + w - 24, 44):
                lit = rng.random() < .5
                draw.rectangle((wx, wy, wx + 22, wy + 30), fill=(255, 240, 190) if lit else (90, 110, 130))
        x += w + rng.randint(4, 20)


def _table(draw, width, height, rng):
    draw.rectangle((0, height * 0.62, width, height), fill=(150, 105, 70))
    for i in range(rng.randint(3, 5)):
        cx = width * (0.15 + i * 0.2)
        draw.ellipse((cx - 70, height * 0.7, cx + 70, height * 0.78), fill=(245, 245, 240))
        draw.rectangle((cx - 20, height * 0.55, cx + 20, height * 0.72), fill=rng.choice(CLOTHES))
    for i in range(3):
        cx = width * (0.2 + i * 0.3)
        draw.polygon([(cx, height * 0.15), (cx - 60, height * 0.45), (cx + 60, height * 0.45)], fill=(40, 120, 70))
        draw.ellipse((cx - 8, height * 0.12, cx + 8, height * 0.16), fill=(255, 210, 80))


def _workshop(draw, width, height, rng):
    draw.rectangle((0, height * 0.7, width, height), fill=(110, 110, 115))
    draw.rectangle((width * 0.05, height * 0.25, width * 0.95, height * 0.32), fill=(160, 120, 80))  # shelf
    for i in range(8):
        x = width * (0.08 + i * 0.11)
        draw.rectangle((x, height * 0.14, x + 40, height * 0.25), fill=rng.choice(CLOTHES))
    draw.rectangle((width * 0.1, height * 0.52, width * 0.9, height * 0.58), fill=(120, 85, 55))  # workbench
    draw.rectangle((width * 0.15, height * 0.58, width * 0.18, height * 0.7), fill=(90, 60, 40))
    draw.rectangle((width * 0.82, height * 0.58, width * 0.85, height * 0.7), fill=(90, 60, 40))
    for i in range(5):  # cables and tools on the bench
        x = width * (0.2 + i * 0.13)
        draw.arc((x, height * 0.42, x + 90, height * 0.56), 180, 360, fill=rng.choice(CLOTHES), width=10)


SCENES = {"housing": _houses, "company": _table, "language_practice": _table, "job": _workshop,
          "apprenticeship": _workshop, "internship": _workshop, "other": _houses}


def scene_png(name: str, kind: str, size=(1200, 800)) -> bytes:
    """A place for an appeal: a street, a workshop or a table for company, under a soft sky."""
    rng = _rng(name)
    width, height = size[0] * SCALE, size[1] * SCALE
    top, bottom = rng.choice(SKIES)
    picture = _gradient((width, height), bottom, top)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((width * 0.7, height * 0.05, width * 0.85, height * 0.27), fill=(255, 236, 200))
    draw.polygon([(0, height * 0.75), (width * 0.3, height * 0.55), (width * 0.6, height * 0.72), (width, height * 0.5),
                  (width, height), (0, height)], fill=(120, 165, 110))  # hills
    SCENES.get(kind, _houses)(draw, width, height, rng)
    return _png(picture.resize(size, Image.LANCZOS))


def _png(picture: Image.Image) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def _font(size: float, bold: bool = False):
    """Noto Sans where installed (Debian's fonts-noto-core, which `make test` installs), else Pillow's own."""
    name = "NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf"
    try:
        return ImageFont.truetype(f"/usr/share/fonts/truetype/noto/{name}", int(size))
    except OSError:
        return ImageFont.load_default(size=size)


def logo_png(name: str, size=(480, 120)) -> bytes:
    """An organisation's logo: a round mark with its initials and a calm colour of its own."""
    rng = _rng(name)
    colour = rng.choice([(11, 93, 86), (138, 75, 0), (46, 90, 142), (120, 60, 120), (40, 110, 60)])
    width, height = size[0] * SCALE, size[1] * SCALE
    picture = Image.new("RGBA", (width, height), (255, 255, 255, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((0, 0, height - 1, height - 1), fill=colour)
    initials = "".join(word[0] for word in name.replace("e.V.", "").replace("gGmbH", "").split()[:2]).upper()
    font = _font(height // 2.4, bold=True)
    draw.text((height / 2, height / 2), initials, fill="white", font=font, anchor="mm")
    words = name.split()
    lines = [line for line in (" ".join(words[: (len(words) + 1) // 2]), " ".join(words[(len(words) + 1) // 2:]))
             if line]
    # As large as the space beside the mark allows: logos are shown only about 3rem high.
    room = width - height * 1.2
    size_px = height / (2.2 if len(lines) == 1 else 3)
    size_px = min(size_px, size_px * room / max(_font(size_px).getlength(line) for line in lines))
    text_font = _font(size_px)
    for index, line in enumerate(lines):
        y = 0.5 if len(lines) == 1 else 0.3 + 0.4 * index
        draw.text((height * 1.15, height * y), line, fill=colour, font=text_font, anchor="lm")
    return _png(picture.resize(size, Image.LANCZOS))
