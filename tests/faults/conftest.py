"""The fault suite's stage: the portal in its own processes, with services a test can break and mend."""

from tests.backups.conftest import backup_dir  # noqa: F401 - the backup tests' fixture, shared
