"""The portal as an operator runs it, in its own processes, and a mail server that can misbehave.

- `Portal`: gunicorn (production-like: PostgreSQL, Redis) or `manage.py runserver` (the embedded default:
  SQLite, no Redis), so a hung Redis or a dead database hits a real app server with its real timeouts.
- `Worker`: `celery -A portal worker` as a process a test can SIGKILL.
- the SMTP sink (tests/smtp_sink.py, aiosmtpd) that can be down, slow, or refuse an address.
- `Visitors`: people posting tips and reading pages through HTTP, timing every answer.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

from tests.services import free_port, wait_for_port

ROOT = Path(__file__).resolve().parents[2]
HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)"')


def sink_env(sink) -> dict[str, str]:
    """Settings that send the portal's e-mails to the test's SMTP sink (tests/smtp_sink.py)."""
    return {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(sink.port), "EMAIL_USE_TLS": "0",
            "TEST_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend"}


def sink_delivered(sink) -> tuple[int, int]:
    """(distinct e-mails, duplicates) the sink received; a duplicate is the same Message-ID to the same address."""
    with sink.lock:
        copies = Counter((message["To"], message["Message-ID"]) for message in sink.messages)
    return len(copies), sum(count - 1 for count in copies.values())


def portal_env(**extra: str) -> dict[str, str]:
    """The environment of the portal's own processes: the test session's services unless `extra` says otherwise."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("EMAIL_", "NAHBAR_TEST"))}
    env.update({"DJANGO_SETTINGS_MODULE": "portal.settings.test", "TIPS_MIN_SECONDS": "0",
                "TIPS_RATE_LIMIT_COUNT": "100000", "LOG_LEVEL": "WARNING", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return {key: value for key, value in env.items() if value is not None}  # None: leave the variable out


class Process:
    """A child process whose output goes to a log file that the test prints when something fails."""

    def __init__(self, command: list[str], env: dict[str, str], log: Path) -> None:
        self.command, self.env, self.log = command, env, log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=open(self.log, "ab"),  # noqa: SIM115
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, sig)
            self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:]) if self.log.exists() else ""


class Portal(Process):
    def __init__(self, env: dict[str, str], log: Path, *, embedded: bool = False) -> None:
        self.port = free_port()
        if embedded:  # what `make run` starts
            command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"]
        else:  # as README's production section: gunicorn with a 30 s worker timeout
            command = [str(Path(sys.executable).parent / "gunicorn"), "portal.wsgi", "--bind",
                       f"127.0.0.1:{self.port}", "--workers", "2", "--threads", "4", "--timeout", "30", "--preload"]
        super().__init__(command, env, log)
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        super().start()
        wait_for_port(self.port, seconds=90)
        # Warm every worker and thread (templates compiled, catalogs loaded), so waits measure the fault.
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(lambda path: requests.get(self.url + path, timeout=60), ["/de/", "/de/tips/offer/"] * 8))


class Worker(Process):
    def __init__(self, env: dict[str, str], log: Path) -> None:
        super().__init__([str(Path(sys.executable).parent / "celery"), "-A", "portal", "worker", "--pool", "solo",
                          "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat"],
                         env, log)


@dataclass
class Tally:
    """What visitors lived through: every answer's status and time."""

    answers: list[tuple[str, int, float]] = field(default_factory=list)
    posted: int = 0  # tips that reached the thank-you page
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, what: str, status: int, seconds: float) -> None:
        with self.lock:
            self.answers.append((what, status, seconds))

    @property
    def worst_wait(self) -> float:
        return max((seconds for _, _, seconds in self.answers), default=0.0)

    def slowest(self, count: int = 3) -> list[str]:
        return [f"{what} {status} {seconds:.1f}s" for what, status, seconds in
                sorted(self.answers, key=lambda answer: -answer[2])[:count]]

    def statuses(self) -> Counter:
        return Counter(status for _, status, _ in self.answers)

    def server_errors(self, allowed: set[int] = frozenset()) -> list[tuple[str, int, float]]:
        return [answer for answer in self.answers if answer[1] >= 500 and answer[1] not in allowed]


class Visitors:
    """People on the site: each tip is typed into the form and sent until the thank-you page says it arrived."""

    def __init__(self, base_url: str, tally: Tally | None = None) -> None:
        self.base_url = base_url
        self.tally = tally or Tally()

    def _request(self, session, method: str, path: str, **kwargs) -> requests.Response | None:
        started = time.monotonic()
        try:
            response = session.request(method, self.base_url + path, timeout=40, allow_redirects=False, **kwargs)
        except requests.RequestException:
            self.tally.add(f"{method} {path}", 599, time.monotonic() - started)  # no answer at all
            return None
        self.tally.add(f"{method} {path}", response.status_code, time.monotonic() - started)
        return response

    def read(self, paths: list[str]) -> None:
        with requests.Session() as session:
            for path in paths:
                self._request(session, "GET", path)

    def give_tip(self, path: str, *, message: str, email: str = "", attempts: int = 30) -> bool:
        """Open the form, type, send; on a 'send again in a moment' page, wait and send the same form again."""
        with requests.Session() as session:
            page = None
            for _ in range(attempts):
                page = self._request(session, "GET", path)
                if page is not None and page.status_code == 200:
                    break
                time.sleep(1)
            if page is None or page.status_code != 200:
                return False
            data = {"kind": "job", "message": message, "place_0": "", "place_1": "", "place_2": "",
                    **dict(HIDDEN.findall(page.text))}
            if email:
                data.update(email=email, name="Visitor", consent="on")
            for _ in range(attempts):
                answer = self._request(session, "POST", path, data=data, headers={"Referer": self.base_url + path})
                if answer is not None and answer.status_code == 302 and "/thanks/" in answer.headers["Location"]:
                    with self.tally.lock:
                        self.tally.posted += 1
                    return True
                if answer is not None and answer.status_code == 503:
                    data.update(HIDDEN.findall(answer.text))  # the page kept the form; so does the visitor
                time.sleep(1)
            return False

    def give_tips(self, path: str, count: int, *, prefix: str, emails: bool = True, parallel: int = 6) -> None:
        def one(number: int) -> bool:
            return self.give_tip(path, message=f"{prefix} tip number {number}: the bakery is hiring.",
                                 email=f"visitor-{number}@example.org" if emails else "")

        with ThreadPoolExecutor(parallel) as pool:
            list(pool.map(one, range(count)))


def deliver_due_until(sink, expected: int, *, seconds: float = 60) -> bool:
    """Beat's outbox sweep, run in the test process every second until the sink holds `expected` e-mails
    and nothing waits any more (PostgreSQL set-up: the test shares the portal's database)."""
    from outbox.models import EmailStatus, OutgoingEmail
    from outbox.services import outbox_deliver_due

    def done() -> bool:
        outbox_deliver_due()
        return sink_delivered(sink)[0] >= expected and not OutgoingEmail.objects.filter(
            status__in=(EmailStatus.PENDING, EmailStatus.SENDING)).exists()

    return wait_until(done, seconds=seconds, step=1)


def wait_until(condition, *, seconds: float, step: float = 0.25) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


@contextlib.contextmanager
def running(*processes: Process):
    """Start the processes; stop them afterwards, printing their logs' ends if the test failed."""
    for process in processes:
        process.start()
    failed = True
    try:
        yield
        failed = False
    finally:
        for process in processes:
            process.stop()
            if failed:
                print(f"--- {process.command[1:3]} log ---\n{process.tail()}")


def report(fault: str, tally: Tally, *, stored: int, emailed: int | str = "-", duplicates: int | str = "-",
           posted: int | None = None, extra: str = "") -> str:
    """One row of the issue's table, printed; the slowest answers and all statuses follow for the curious."""
    posted = tally.posted if posted is None else posted
    line = (f"FAULT | {fault} | posted {posted} | stored {stored} | e-mailed {emailed} | duplicates {duplicates} "
            f"| worst wait {tally.worst_wait:.1f} s{(' | ' + extra) if extra else ''}")
    print(f"\n{line}\n  answers {dict(tally.statuses())}; slowest: {'; '.join(tally.slowest())}")
    return line
