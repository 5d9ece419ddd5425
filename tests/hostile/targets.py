"""Where the hostile-input suite sends its requests: the test client on PostgreSQL (the suite's database), or a
real `manage.py runserver` with the development settings on SQLite, the set-up of `make run`."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.services import free_port, wait_for_port

ROOT = Path(__file__).resolve().parent.parent.parent
HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')


@dataclass
class Reply:
    status: int
    body: str
    content_type: str


@dataclass
class Target:
    """What every target offers: requests, what is stored, and the ids of real objects to aim at."""

    appeal_id: int
    upload_token: str
    index_path: str
    sent: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    def count(self, reply: Reply) -> Reply:
        self.sent += 1
        self.statuses[reply.status] = self.statuses.get(reply.status, 0) + 1
        return reply


def _client_file_name(name: str) -> str:
    base = os.path.basename(name)
    return base if base not in {"", ".", ".."} else "upload"


class ClientTarget(Target):
    """Django's test client against the suite's PostgreSQL."""

    def __init__(self, client, **ids):
        super().__init__(**ids)
        self.client = client

    def _reply(self, response) -> Reply:
        return self.count(Reply(response.status_code, response.content.decode(errors="replace"),
                                response.get("Content-Type", "")))

    def get(self, path: str, params: dict | None = None) -> Reply:
        return self._reply(self.client.get(path, params or {}))

    def post(self, path: str, data: dict, files: list | None = None) -> Reply:
        payload = dict(data)
        if files:
            from django.core.files.uploadedfile import SimpleUploadedFile

            # The test client cannot even build a file named "/" or ".."; a browser sends them, see ServerTarget.
            payload["files"] = [SimpleUploadedFile(_client_file_name(name), content) for name, content in files]
        return self._reply(self.client.post(path, payload))

    def post_json(self, path: str, body: str) -> Reply:
        return self._reply(self.client.post(path, body, content_type="application/json"))

    def form_fields(self, path: str) -> dict:
        hidden = dict(HIDDEN.findall(self.client.get(path).content.decode()))
        hidden.pop("csrfmiddlewaretoken", None)
        return hidden

    def stored(self) -> tuple[int, int]:
        from intake.models import Upload
        from tips.models import Tip

        return Tip.objects.count(), Upload.objects.count()


class ServerTarget(Target):
    """A running server reached over HTTP, with CSRF cookies and tokens like a browser."""

    def __init__(self, base: str, database: Path, **ids):
        super().__init__(**ids)
        self.base, self.database = base, database
        self.session = requests.Session()

    def _reply(self, response) -> Reply:
        return self.count(Reply(response.status_code, response.text, response.headers.get("Content-Type", "")))

    def _csrf(self) -> dict:
        token = self.session.cookies.get("csrftoken", "")
        return {"X-CSRFToken": token, "Referer": self.base + "/"}

    def get(self, path: str, params: dict | None = None) -> Reply:
        return self._reply(self.session.get(self.base + path, params=params, timeout=60, allow_redirects=False))

    def post(self, path: str, data: dict, files: list | None = None) -> Reply:
        upload = [("files", (name, content)) for name, content in files or []]
        return self._reply(self.session.post(self.base + path, data=data, files=upload or None,
                                              headers=self._csrf(), timeout=60, allow_redirects=False))

    def post_json(self, path: str, body: str) -> Reply:
        headers = {**self._csrf(), "Content-Type": "application/json"}
        return self._reply(self.session.post(self.base + path, data=body.encode(), headers=headers, timeout=60))

    def form_fields(self, path: str) -> dict:
        html = self.session.get(self.base + path, timeout=60).text
        hidden = dict(HIDDEN.findall(html))
        hidden.pop("csrfmiddlewaretoken", None)
        hidden["csrfmiddlewaretoken"] = self.session.cookies.get("csrftoken", "")
        return hidden

    def stored(self) -> tuple[int, int]:
        with sqlite3.connect(self.database) as connection:
            tips = connection.execute("SELECT count(*) FROM tips_tip").fetchone()[0]
            uploads = connection.execute("SELECT count(*) FROM intake_upload").fetchone()[0]
        return tips, uploads


SETUP = """
from appeals.factories import AppealIndexPageFactory
from appeals.models import AppealIndexPage, AppealPage
from intake.services import link_create
from tandems.models import TandemPage
from django.contrib.auth import get_user_model
appeal = AppealPage.objects.live().filter(locale__language_code="de").first()
index = AppealIndexPage.objects.live().filter(locale__language_code="de").first() or AppealIndexPageFactory()
tandem = TandemPage.objects.filter(locale__language_code="de").first()
_link, token = link_create(tandem=tandem, user=get_user_model().objects.get(username="staff"), language="de")
print(appeal.pk, token, index.url)
"""


def _migrations_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(ROOT.glob("*/migrations/*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _demo_database(env: dict, manage: list[str], folder: Path) -> None:
    """A migrated SQLite database with the demo campaign and its media in `folder`. Migrating Wagtail on SQLite
    takes minutes on a busy machine, so the result is kept in the temporary folder, keyed by our migrations,
    and copied for each run."""
    cached = Path(tempfile.gettempdir()) / f"nahbar-hostile-{_migrations_digest()}"
    if not cached.exists():
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT, capture_output=True)
        subprocess.run([*manage, "load_demo"], env=env, check=True, cwd=ROOT, capture_output=True)
        with sqlite3.connect(folder / "nahbar.sqlite3") as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        part = cached.with_suffix(".part")
        shutil.rmtree(part, ignore_errors=True)
        shutil.copytree(folder, part)
        part.rename(cached)
    else:
        shutil.copytree(cached, folder, dirs_exist_ok=True)


def sqlite_server(folder: Path):
    """A fresh SQLite database with the demo campaign, served by runserver with the development settings."""
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.dev", "NAHBAR_VAR_DIR": str(folder),
                "TIPS_MIN_SECONDS": "0", "TIPS_RATE_LIMIT_COUNT": "100000", "INTAKE_FILES_PER_HOUR": "100000",
                "INTAKE_REQUESTS_PER_MINUTE": "100000", "LOG_LEVEL": "CRITICAL"})
    manage = [sys.executable, str(ROOT / "manage.py")]
    _demo_database(env, manage, folder)
    ids = subprocess.run([*manage, "shell", "-c", SETUP], env=env, check=True, cwd=ROOT, capture_output=True,
                         text=True).stdout.strip().splitlines()[-1].split()  # the shell may say what it imported
    port = free_port()
    server = subprocess.Popen([*manage, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, seconds=60)
    time.sleep(0.2)
    target = ServerTarget(f"http://127.0.0.1:{port}", folder / "nahbar.sqlite3", appeal_id=int(ids[0]),
                          upload_token=ids[1], index_path=ids[2])
    return server, target
