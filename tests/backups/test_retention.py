"""Retention keeps the newest archive of each of the last N days, weeks and months, and deletes the rest."""

from datetime import UTC, datetime, timedelta

import pytest

from backups.retention import archive_date, archive_name_for, retention_keep
from backups.services import backup_rotate


def _at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_keeps_the_newest_of_each_of_the_last_days():
    dates = [_at("2026-11-20T03:00"), _at("2026-11-21T03:00"), _at("2026-11-21T15:00"), _at("2026-11-22T03:00")]

    assert retention_keep(dates=dates, daily=2, weekly=0, monthly=0) == {_at("2026-11-22T03:00"),
                                                                        _at("2026-11-21T15:00")}


def test_nightly_archives_over_a_year_keep_exactly_7_daily_4_weekly_12_monthly():
    # 400 nights ending on Sunday 2026-11-22; ISO weeks end on Sundays, so each week's newest is a Sunday.
    last = _at("2026-11-22T03:17")
    dates = [last - timedelta(days=n) for n in range(400)]

    keep = retention_keep(dates=dates, daily=7, weekly=4, monthly=12)

    daily = {last - timedelta(days=n) for n in range(7)}
    weekly = {last - timedelta(weeks=n) for n in range(4)}
    month_ends = ["2026-10-31", "2026-09-30", "2026-08-31", "2026-07-31", "2026-06-30", "2026-05-31",
                  "2026-04-30", "2026-03-31", "2026-02-28", "2026-01-31", "2025-12-31"]
    monthly = {last} | {_at(f"{day}T03:17") for day in month_ends}
    assert keep == daily | weekly | monthly
    assert len(keep) == 7 + 3 + 11  # today's archive is the newest of its day, week and month


def test_the_newest_archive_is_kept_even_when_every_count_is_zero():
    dates = [_at("2026-11-01T00:00"), _at("2026-11-02T00:00")]

    assert retention_keep(dates=dates, daily=0, weekly=0, monthly=0) == {_at("2026-11-02T00:00")}


def test_archive_names_round_trip_and_other_files_are_not_archives():
    moment = _at("2026-11-22T03:17:05")

    assert archive_date(archive_name_for(moment)) == moment
    assert archive_date("nahbar-20261122T031705Z-2.tar") == moment
    assert archive_date(".nahbar-20261122T031705Z.tar.partial") is None
    assert archive_date("notes.txt") is None


def test_rotation_deletes_in_the_backup_folder_and_the_remote_storage(settings, backup_dir, remote_storage):
    settings.BACKUP_KEEP_DAILY, settings.BACKUP_KEEP_WEEKLY, settings.BACKUP_KEEP_MONTHLY = 3, 0, 0
    names = [archive_name_for(_at("2026-11-22T03:00") - timedelta(days=n)) for n in range(5)]
    for folder in (backup_dir, remote_storage):
        folder.mkdir(parents=True)
        for name in [*names, ".nahbar-20261123T030000Z.tar.partial", "README.txt"]:
            (folder / name).write_bytes(b"x")

    deleted = backup_rotate()

    assert sorted(deleted) == sorted(names[3:] * 2)
    for folder in (backup_dir, remote_storage):
        assert sorted(path.name for path in folder.iterdir()) == sorted(
            [*names[:3], ".nahbar-20261123T030000Z.tar.partial", "README.txt"])


@pytest.mark.parametrize("count", [0, 1])
def test_rotation_with_no_archives_deletes_nothing(settings, backup_dir, count):
    backup_dir.mkdir(parents=True)
    for n in range(count):
        (backup_dir / archive_name_for(_at("2026-11-22T03:00") + timedelta(days=n))).write_bytes(b"x")

    assert backup_rotate() == []
