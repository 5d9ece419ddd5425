"""Which archives to keep: the newest of each of the last N days, N ISO weeks and N months that have one."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import UTC, datetime

ARCHIVE_NAME = re.compile(r"^nahbar-(\d{8}T\d{6})Z(?:-\d+)?\.tar$")
BUCKETS: tuple[tuple[str, Callable[[datetime], object]], ...] = (
    ("daily", lambda moment: moment.date()),
    ("weekly", lambda moment: moment.isocalendar()[:2]),
    ("monthly", lambda moment: (moment.year, moment.month)),
)


def archive_name_for(moment: datetime) -> str:
    return f"nahbar-{moment.astimezone(UTC):%Y%m%dT%H%M%S}Z.tar"


def archive_date(name: str) -> datetime | None:
    """The creation time written in an archive's name; None for anything that is not a finished archive."""
    match = ARCHIVE_NAME.match(name)
    return datetime.strptime(match.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=UTC) if match else None


def retention_keep(*, dates: Iterable[datetime], daily: int, weekly: int, monthly: int) -> set[datetime]:
    """The dates to keep. The newest is always kept, so a rotation can never leave no archive at all."""
    newest_first = sorted(set(dates), reverse=True)
    keep = set(newest_first[:1])
    for count, (_, bucket) in zip((daily, weekly, monthly), BUCKETS, strict=True):
        seen: set[object] = set()
        for moment in newest_first:
            if len(seen) >= count:
                break
            if bucket(moment) not in seen:
                seen.add(bucket(moment))
                keep.add(moment)
    return keep
