"""A pytest plugin that gives the test session real services: PostgreSQL and Redis.

It runs before pytest-django sets Django up (a hook wrapper around the initial conftest loading),
starts a throwaway PostgreSQL cluster and a Redis server on free loopback ports, and hands them to
the settings through DATABASE_URL and REDIS_URL, exactly as an operator would. Both are stopped
and deleted when the session ends. Set NAHBAR_TEST_DATABASE_URL / NAHBAR_TEST_REDIS_URL to use
servers you already run instead.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
SERVICES: dict[str, object] = {}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"Nothing answered on 127.0.0.1:{port} within {seconds} s.")


class PostgresServer:
    """A cluster in a temporary folder. PostgreSQL refuses to run as root, so root runs it as `postgres`."""

    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="nahbar-pg-"))
        self.data = self.folder / "data"
        self.as_postgres = os.geteuid() == 0
        if self.as_postgres:
            user = pwd.getpwnam("postgres")
            os.chmod(self.folder, 0o755)
            os.chown(self.folder, user.pw_uid, user.pw_gid)

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *command: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if self.as_postgres else []
        subprocess.run([*prefix, *command], check=True, capture_output=True, cwd=self.folder)

    def start(self) -> None:
        self._run(str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self.resume()

    def resume(self) -> None:
        """Start the cluster (again, after `halt`), with the same port and data."""
        options = (f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "start")

    def halt(self) -> None:
        """Stop the server as a crash or a host reboot would (its data stays): every connection drops."""
        self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def stop(self) -> None:
        try:
            self._run(str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


class RedisServer:
    """A Redis server that a test may stop and start again on the same port."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--loglevel", "warning"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGCONT)  # a frozen server cannot act on SIGTERM
            self.process.terminate()
            self.process.wait(timeout=10)
        self.process = None

    def freeze(self) -> None:
        """Hang the server (SIGSTOP): connections open, nothing answers, as with a stalled host or half-open link."""
        self.process.send_signal(signal.SIGSTOP)

    def thaw(self) -> None:
        self.process.send_signal(signal.SIGCONT)

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None


def _missing_programs() -> list[str]:
    wanted = {str(PG_BIN / "initdb"): "postgresql", "redis-server": "redis-server"}
    return [package for program, package in wanted.items() if shutil.which(program) is None]


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    if _is_xdist_controller(early_config):  # it only hands tests to its workers, each starts its own servers
        yield
        return
    if not os.environ.get("NAHBAR_TEST_DATABASE_URL") or not os.environ.get("NAHBAR_TEST_REDIS_URL"):
        missing = _missing_programs()
        if missing:
            raise pytest.UsageError(
                "The test suite runs on real PostgreSQL and Redis. Install: apt-get install " + " ".join(missing)
            )
    os.environ["DATABASE_URL"] = _given_or_started("NAHBAR_TEST_DATABASE_URL", "postgres", PostgresServer)
    os.environ["REDIS_URL"] = _given_or_started("NAHBAR_TEST_REDIS_URL", "redis", RedisServer)
    yield


def _is_xdist_controller(config) -> bool:
    workers = getattr(config.known_args_namespace, "numprocesses", None)
    return bool(workers) and "PYTEST_XDIST_WORKER" not in os.environ


def _given_or_started(variable: str, name: str, server_class) -> str:
    """The URL of a server given in `variable`, or of a throwaway one started now."""
    if os.environ.get(variable):
        return os.environ[variable]
    server = server_class()
    server.start()
    SERVICES[name] = server
    return server.url


def pytest_unconfigure(config):
    for service in SERVICES.values():
        service.stop()
    SERVICES.clear()
