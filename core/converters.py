"""Path converters for public URLs."""


class IdConverter:
    """A database id: at most 18 digits, so it always fits a 64-bit column.

    Django's `int` converter takes any length; a longer number reached the database as an overflow (a 500
    on SQLite, on PostgreSQL for relation lookups) instead of the 404 it deserves.
    """

    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))


def id_or_none(value: str) -> int | None:
    """An id from a query parameter, or None when it is not one (too long, not digits)."""
    return int(value) if value.isascii() and value.isdigit() and len(value) <= 18 else None
