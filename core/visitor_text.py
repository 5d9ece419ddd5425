"""What visitors send is text a person could have typed: no NUL bytes, no message made of invisible characters.

A NUL byte cannot be stored in PostgreSQL (and is never typed by a person), so requests that carry one are
refused as a whole before any view runs. Zero-width and other format characters are legitimate inside
words (Arabic and Persian use joiners), but a field holding nothing else is empty to every reader.
"""

import unicodedata

NUL = "\x00"


def has_nul(value: str) -> bool:
    return NUL in value


def is_invisible(value: str) -> bool:
    """True when no character would be seen: only spaces, line breaks, control or format characters
    (zero-width space, joiners, direction marks, byte-order mark)."""
    return all(char.isspace() or unicodedata.category(char) in {"Cc", "Cf", "Zs", "Zl", "Zp"} for char in value)


def visible_strip(value: str) -> str:
    """`value` without the invisible characters at its start and end; inner ones (joiners) stay."""
    start, end = 0, len(value)
    while start < end and is_invisible(value[start]):
        start += 1
    while end > start and is_invisible(value[end - 1]):
        end -= 1
    return value[start:end]


def printable(value: str) -> str:
    """`value` without control characters (NUL, escape, line breaks): for one-line names from devices."""
    return "".join(char for char in value if unicodedata.category(char) != "Cc").strip()


def request_has_nul(request) -> bool:
    """A NUL anywhere a view might read text from: the path, the query string, posted fields and their
    names, uploaded files' names. Raw bodies (JSON, upload pieces) are the views' own business."""
    if has_nul(request.path):
        return True
    fields = [request.GET]
    if request.method == "POST":
        fields.append(request.POST)
    for data in fields:
        for key, values in data.lists():
            if has_nul(key) or any(has_nul(value) for value in values):
                return True
    if request.method == "POST":
        return any(has_nul(upload.name or "") for files in request.FILES.lists() for upload in files[1])
    return False
