"""The network's colours as a small stylesheet, and its icons drawn from the brand colour.

Served by views (cacheable, addressed by the colours so a change reaches every visitor at once) rather than
inline in each page: a Content-Security-Policy without 'unsafe-inline' can then forbid inline styles.
"""

import io

from PIL import Image, ImageDraw

# Two heads and shoulders side by side: the tandem, in units of a 64 x 64 square.
_PEOPLE = (((20, 16, 32, 28), (12, 31, 40, 60)), ((32, 12, 46, 26), (24, 29, 54, 60)))


def brand_css(*, brand: str, accent: str) -> str:
    return f":root {{ --brand: {brand}; --focus: {accent}; }}\n"


def _svg_person(head: tuple, body: tuple) -> str:
    (hx0, hy0, hx1, hy1), (bx0, by0, bx1, by1) = head, body
    ellipse = f'<ellipse cx="{(hx0 + hx1) / 2}" cy="{(hy0 + hy1) / 2}" rx="{(hx1 - hx0) / 2}" ry="{(hy1 - hy0) / 2}"/>'
    shoulders = f'<path d="M{bx0} {by1} Q{bx0} {by0} {(bx0 + bx1) / 2} {by0} Q{bx1} {by0} {bx1} {by1}Z"/>'
    return ellipse + shoulders


def icon_svg(*, brand: str) -> str:
    shapes = "".join(_svg_person(head, body) for head, body in _PEOPLE)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" '
            f'fill="{brand}"/><g fill="#fff">{shapes}</g></svg>')


def icon_png(*, brand: str, size: int) -> bytes:
    scale = size / 64
    picture = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=int(14 * scale), fill=brand)
    for head, body in _PEOPLE:
        draw.ellipse([v * scale for v in head], fill="#ffffff")
        left, top, right, bottom = (v * scale for v in body)
        draw.ellipse((left, top, right, top + 2 * (bottom - top)), fill="#ffffff")
    picture = picture.crop((0, 0, size, size))
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
