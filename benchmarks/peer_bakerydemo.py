"""The peer in benchmarks/pages.py: wagtail/bakerydemo, Wagtail's own demo site, served the way pages.py serves the
portal (gunicorn sync workers, same count, production settings, PostgreSQL), so "our uncached page against a plain
Wagtail page" is measured on the same machine in the same run, not remembered from elsewhere.

bakerydemo gets its own virtualenv in the temporary folder (made once, reused while its requirements stay the same):
its pins (Wagtail 7.x, its own Django) must never reach the portal's .venv or requirements.lock.
"""

from __future__ import annotations

import contextlib
import glob
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import requests

from tests.services import free_port, wait_for_port

MIRROR_GLOB = "/work/.mirror/wagtail+bakerydemo*"
VENV = Path(tempfile.gettempdir()) / "nahbar-bench-bakerydemo-venv"
HOW_TO_GET = ("bakerydemo snapshot not found: fetch github:wagtail/bakerydemo with the search tool's `fetch` "
              "(a bare git directory under /work/.mirror/), or pass --bakerydemo GIT_DIR")
# Its production settings need these beyond requirements/base.txt; the rest of production.txt (uwsgi, boto3,
# Elasticsearch, Google Cloud) serves hosting we do not use, and uwsgi would need a compiler.
EXTRA = ["psycopg[binary]>=3.3,<3.4", "whitenoise>=6.11,<7", "gunicorn>=23"]
BLOG_PAGE = ("from bakerydemo.blog.models import BlogIndexPage; "
             "print(BlogIndexPage.objects.live().first().get_children().live().first().url)")
VERSIONS = "import django, wagtail; print(wagtail.__version__, django.get_version())"


@dataclass
class Peer:
    """What pages.py needs to measure the peer and name what it measured (versions differ from ours)."""

    base: str
    path: str
    label: str

    @property
    def url(self) -> str:
        return self.base + self.path


def find_snapshot(pattern: str = MIRROR_GLOB) -> str | None:
    """The default of pages.py's --bakerydemo: the newest `fetch` snapshot (a bare git directory, or one holding it
    as repo/), or None."""
    for candidate in sorted(glob.glob(pattern), reverse=True):
        for git_dir in (Path(candidate) / "repo", Path(candidate)):
            if (git_dir / "HEAD").is_file():
                return str(git_dir)
    return None


def _requirements(*, tree: Path) -> str:
    """requirements/base.txt, with Django held at 5.2 LTS on Python 3.11: bakerydemo's main asks for Django 6,
    which needs Python 3.12, and its Wagtail 7.4 still supports 5.2."""
    text = (tree / "requirements" / "base.txt").read_text()
    if sys.version_info < (3, 12):
        text = "\n".join("Django>=5.2,<6.0" if line.lower().startswith("django>=6") else line
                         for line in text.splitlines())
    return text + "\n" + "\n".join(EXTRA) + "\n"


def ensure_venv(*, tree: Path, folder: Path = VENV) -> Path:
    """Its own virtualenv, made on first use and reused: installing takes half a minute, a run should not pay it.
    A marker with the requirements' hash makes a newer snapshot with other pins install again."""
    requirements = _requirements(tree=tree)
    digest = hashlib.sha256(requirements.encode()).hexdigest()
    marker = folder / "nahbar-requirements.sha256"
    python = folder / "bin" / "python"
    if not (python.exists() and marker.exists() and marker.read_text() == digest):
        shutil.rmtree(folder, ignore_errors=True)
        venv.create(folder, with_pip=True)
        (folder / "requirements.txt").write_text(requirements)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-r", str(folder / "requirements.txt")],
                       check=True)
        marker.write_text(digest)
    return python


def _environment(*, database_url: str) -> dict:
    """Its production settings (DEBUG off, no debug toolbar, whitenoise, ManifestStaticFilesStorage), with no REDIS_URL
    so its cache is the local memory its settings fall back to (the portal's Redis keys must not meet its own).
    Only a few variables come from our environment: the portal's (DJANGO_SETTINGS_MODULE, REDIS_URL...) must not."""
    keep = {name: value for name, value in os.environ.items() if name in ("PATH", "HOME", "LANG")}
    return {**keep, "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production", "DATABASE_URL": database_url,
            "DJANGO_SECRET_KEY": "bench-only-not-secret-" * 3, "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "PRIMARY_HOST": "127.0.0.1", "SECURE_HSTS_SECONDS": "0", "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONDONTWRITEBYTECODE": "1"}


def _create_database(*, server_url: str, name: str) -> str:
    """A second database in the benchmark's throwaway PostgreSQL, so both sites read from the same server."""
    subprocess.run(["psql", "-q", "-d", server_url, "-c", f"CREATE DATABASE {name}"], check=True,
                   capture_output=True)
    return server_url.rsplit("/", 1)[0] + "/" + name


def prepare(*, git_dir: str, server_url: str, folder: Path) -> tuple[Path, Path, dict]:
    """Export the snapshot, install, migrate, load its demo content and collect its static files (its manifest
    storage refuses to render a page without them). Returns the tree, its Python and its environment."""
    tree = folder / "bakerydemo"
    tree.mkdir(parents=True)
    archive = subprocess.run(["git", f"--git-dir={git_dir}", "archive", "HEAD"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    python = ensure_venv(tree=tree)
    env = _environment(database_url=_create_database(server_url=server_url, name="bakerydemo"))
    for command in (["migrate", "-v0"], ["load_initial_data"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([str(python), "manage.py", *command], cwd=tree, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    return tree, python, env


def _manage_output(*, tree: Path, python: Path, env: dict, code: str) -> str:
    return subprocess.run([str(python), "manage.py", "shell", "-v0", "-c", code], cwd=tree, env=env, check=True,
                          capture_output=True, text=True).stdout.strip().splitlines()[-1]


@contextlib.contextmanager
def served(*, git_dir: str | None, server_url: str, workers: int) -> Iterator[Peer | None]:
    """bakerydemo under gunicorn with `workers` sync workers on a free port, for the duration of the block; yields
    None (after saying how to get it) when there is no snapshot, so the rest of pages.py still runs."""
    if not git_dir or not Path(git_dir).is_dir():  # `--bakerydemo ""` leaves the peer out on purpose
        print(HOW_TO_GET)
        yield None
        return
    folder = Path(tempfile.mkdtemp(prefix="nahbar-bench-bakerydemo-"))
    process = None
    try:
        tree, python, env = prepare(git_dir=git_dir, server_url=server_url, folder=folder)
        path = _manage_output(tree=tree, python=python, env=env, code=BLOG_PAGE)
        wagtail, django = _manage_output(tree=tree, python=python, env=env, code=VERSIONS).split()
        port = free_port()
        with open(folder / "gunicorn.log", "ab") as log:  # the child keeps its own descriptor
            process = subprocess.Popen(
                [str(python), "-m", "gunicorn", "bakerydemo.wsgi:application", "--bind", f"127.0.0.1:{port}",
                 "--workers", str(workers), "--worker-class", "sync", "--log-level", "warning",
                 "--max-requests", "2000", "--max-requests-jitter", "200"],  # as deploy/gunicorn.conf.py has ours
                cwd=tree, env=env, stdout=log, stderr=log)
        wait_for_port(port, 60)
        peer = Peer(base=f"http://127.0.0.1:{port}", path=path,
                    label=f"Wagtail {wagtail}, Django {django}, PostgreSQL, gunicorn sync x{workers}")
        # A redirect or an error page would be measured as a fast page: make sure the page itself answers.
        answer = requests.get(peer.url, headers={"X-Forwarded-Proto": "https"}, allow_redirects=False, timeout=120)
        if answer.status_code != 200:
            tail = (folder / "gunicorn.log").read_text()[-2000:]
            raise RuntimeError(f"bakerydemo answered {answer.status_code} for {peer.url}; its log ends:\n{tail}")
        yield peer
    finally:
        if process:
            process.terminate()
            process.wait(60)
        shutil.rmtree(folder, ignore_errors=True)
