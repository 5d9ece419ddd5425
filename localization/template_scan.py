"""Find text in our templates that a visitor would see but no catalog can translate.

A template's visible text must sit inside {% translate %} / {% blocktranslate %} or come from a variable.
The scanner replaces every tag and variable with a placeholder, drops blocktranslate bodies, comments,
scripts and styles, then reports letters left in text nodes and in the attributes people read
(alt, title, aria-label, placeholder). Punctuation, digits and entities are fine, and so is ALLOWED.
"""

import re
from pathlib import Path

from django.template.base import Lexer, TokenType

ALLOWED = {"Nahbar", "Leaflet", "OpenStreetMap", "×", "©"}
READ_ATTRIBUTES = re.compile(r"""\b(?:alt|title|aria-label|placeholder)\s*=\s*(["'])(.*?)\1""", re.S)
DROPPED = [
    re.compile(r"<!--.*?-->", re.S),
    re.compile(r"<script\b.*?</script>", re.S | re.I),
    re.compile(r"<style\b.*?</style>", re.S | re.I),
]
TAG = re.compile(r"<[^>]*>", re.S)
NEUTRAL = re.compile(r"&#?\w+;|\x00|[\W\d_]", re.UNICODE)
PLACEHOLDER = "\x00"
# Blocks that fill attributes or <head>, never visible text (e.g. <body class="{% block body_class %}">).
NON_TEXT_BLOCKS = {"body_class", "extra_head", "extra_js", "extra_css"}


def _skipped_until(bits: list[str]) -> str | None:
    """The closing tag up to which text is not visible text, if this tag opens such a stretch."""
    if bits[0] in {"blocktranslate", "blocktrans"}:
        return "end" + bits[0]
    if bits[0] == "block" and len(bits) > 1 and bits[1] in NON_TEXT_BLOCKS:
        return "endblock"
    return None


def _flatten(source: str) -> str:
    parts, skip_until = [], None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            bits = token.contents.split() or [""]
            if skip_until is None:
                skip_until = _skipped_until(bits)
            elif bits[0] == skip_until:
                skip_until = None
            parts.append(PLACEHOLDER)
        elif token.token_type == TokenType.TEXT and skip_until is None:
            parts.append(token.contents)
        elif token.token_type == TokenType.VAR:
            parts.append(PLACEHOLDER)
    return "".join(parts)


def _literal(text: str) -> str | None:
    text = " ".join(text.split())
    for word in ALLOWED:
        text = text.replace(word, "")
    return text if NEUTRAL.sub("", text) else None


def template_literals(path: Path) -> list[str]:
    """The untranslatable literals in one template, as they appear (whitespace collapsed)."""
    flat = _flatten(path.read_text(encoding="utf-8"))
    for pattern in DROPPED:
        flat = pattern.sub(PLACEHOLDER, flat)
    if path.suffix != ".html":
        candidates = [flat]
    else:
        candidates = [match.group(2) for match in READ_ATTRIBUTES.finditer(flat)] + TAG.split(flat)
    found = (_literal(text) for text in candidates)
    return [re.sub(r"(?:\x00\s*)+", "… ", literal).strip() for literal in found if literal]
