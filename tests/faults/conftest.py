"""The fault suite's stage: the portal in its own processes, with services a test can break and mend."""

import os

import pytest
from django.db import connection

from tests.backups.conftest import backup_dir  # noqa: F401 - the backup tests' fixture, shared
from tests.faults.stack import Portal, Worker, portal_env, sink_env

# The outbox retries quickly and takes back a killed worker's claim soon, so recovery fits in a test.
QUICK_OUTBOX = {"OUTBOX_RETRY_SECONDS": "1", "OUTBOX_STALE_SECONDS": "5", "OUTBOX_SWEEP_SECONDS": "2"}


def database_url() -> str:
    """The test database, for the portal's own processes (tests using it need transactional_db)."""
    config = connection.settings_dict
    return f"postgres://{config['USER']}@{config['HOST']}:{config['PORT']}/{config['NAME']}"


@pytest.fixture
def production_env(transactional_db, smtp_sink, settings):
    """The production set-up: PostgreSQL (the test database), Redis as cache and broker, SMTP to the sink."""
    for name, value in QUICK_OUTBOX.items():
        setattr(settings, name, int(value))  # the test process stands in for beat's outbox sweep
    return portal_env(DATABASE_URL=database_url(), REDIS_URL=os.environ["REDIS_URL"], **sink_env(smtp_sink),
                      **QUICK_OUTBOX)


@pytest.fixture
def gunicorn(production_env, tmp_path):
    portal = Portal(production_env, tmp_path / "gunicorn.log")
    portal.start()
    yield portal
    portal.stop()


@pytest.fixture
def worker(production_env, tmp_path):
    """`celery -A portal worker` in its own process: a test may SIGKILL it and start another."""
    from portal.celery import app

    app.control.purge()
    process = Worker(production_env, tmp_path / "worker.log")
    process.start()
    yield process
    process.stop()


@pytest.fixture(scope="session")
def embedded_template(tmp_path_factory) -> dict:
    """A migrated SQLite portal (the embedded default) with partner A and its open appeal, made once per session."""
    from tests.backups.conftest import manage
    from tests.backups.conftest import portal_env as sqlite_env

    folder = tmp_path_factory.mktemp("embedded")
    env = sqlite_env(folder)
    manage("migrate", "--noinput", env=env)
    script = ("from tests.conftest import _onboarded_partner\n"
              "partner = _onboarded_partner('A')\nprint('APPEAL=%s' % partner.appeal.pk)")
    appeal = int(manage("shell", "-c", script, env=env).stdout.split("APPEAL=")[-1])
    return {"database": folder / "nahbar.sqlite3", "media": folder / "media", "appeal": appeal}


@pytest.fixture
def embedded(embedded_template, smtp_sink, tmp_path):
    """`make run`'s set-up as its own process: runserver, SQLite, no Redis, e-mail to the sink."""
    import shutil

    shutil.copy(embedded_template["database"], tmp_path / "nahbar.sqlite3")
    env = portal_env(DJANGO_SETTINGS_MODULE="portal.settings.dev", DATABASE_URL=None, REDIS_URL=None,
                     NAHBAR_VAR_DIR=str(tmp_path), MEDIA_ROOT=str(tmp_path / "media"), **sink_env(smtp_sink),
                     **QUICK_OUTBOX)
    portal = Portal(env, tmp_path / "runserver.log", embedded=True)
    portal.database = tmp_path / "nahbar.sqlite3"
    portal.start()
    yield portal
    portal.stop()
