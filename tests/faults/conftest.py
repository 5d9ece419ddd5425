"""The fault suite's stage: the portal in its own processes, with services a test can break and mend."""

import pytest
from django.db import connection

from tests.backups.conftest import backup_dir  # noqa: F401 - the backup tests' fixture, shared
from tests.faults.stack import Portal, SmtpSink, portal_env


def database_url() -> str:
    """The test database, for the portal's own processes (tests using it need transactional_db)."""
    config = connection.settings_dict
    return f"postgres://{config['USER']}@{config['HOST']}:{config['PORT']}/{config['NAME']}"


@pytest.fixture
def smtp_sink():
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


@pytest.fixture
def production_env(transactional_db, smtp_sink):
    """The production set-up: PostgreSQL (the test database), Redis as cache and broker, SMTP to the sink."""
    import os

    return portal_env(DATABASE_URL=database_url(), REDIS_URL=os.environ["REDIS_URL"], **smtp_sink.env())


@pytest.fixture
def gunicorn(production_env, tmp_path):
    portal = Portal(production_env, tmp_path / "gunicorn.log")
    portal.start()
    yield portal
    portal.stop()
