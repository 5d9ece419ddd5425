"""What a file is, judged by its first bytes rather than by the name a phone gave it."""

HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"}
QUICKTIME_BRANDS = {b"qt  "}
# Old QuickTime files may start with one of these atoms instead of an ftyp box.
QUICKTIME_ATOMS = {b"moov", b"mdat", b"wide", b"free", b"skip", b"pnot"}
SNIFF_BYTES = 64


def file_type_sniff(*, head: bytes) -> str | None:
    """The type name (jpeg, png, heic, mp4, mov, webm) of a file starting with `head`, or None."""
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    box = head[4:8]
    if box == b"ftyp":
        brand = head[8:12]
        if brand in HEIF_BRANDS:
            return "heic"
        return "mov" if brand in QUICKTIME_BRANDS else "mp4"
    if box in QUICKTIME_ATOMS:
        return "mov"
    return None


def file_kind(*, file_type: str) -> str:
    return "image" if file_type in {"jpeg", "png", "heic"} else "video"
