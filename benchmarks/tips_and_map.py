"""Benchmark (not a test): map feeds and tip submissions at scale, against a real server on 127.0.0.1.

Starts a throwaway PostgreSQL and Redis (tests/services.py), fills them with 5,000 open appeals and
100,000 published tips spread over Germany, serves the portal with gunicorn (production settings, behind
an imagined TLS proxy), then prints median/p95 of bbox GeoJSON requests (uncached: MAP_CACHE_SECONDS=0)
and tips accepted per second under 20 concurrent clients, checking rows stored == success responses.

    .venv/bin/python benchmarks/tips_and_map.py [--tips 100000] [--appeals 5000] [--posts-per-client 25]
"""

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.services import PostgresServer, RedisServer, free_port, wait_for_port  # noqa: E402

GERMANY = (5.87, 47.27, 15.04, 55.06)
NRW = (5.86, 50.32, 9.46, 52.53)  # North Rhine-Westphalia: a German state's size


def environment(pg: PostgresServer, redis: RedisServer, static_root: str) -> dict:
    return {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.production", "SECRET_KEY": "benchmark-only-" * 4,
            "DATABASE_URL": pg.url, "REDIS_URL": redis.url, "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false", "STATIC_ROOT": static_root, "MAP_CACHE_SECONDS": "0",
            "TIPS_MIN_SECONDS": "0", "TIPS_RATE_LIMIT_COUNT": "1000000", "LOG_LEVEL": "WARNING"}


def fill(appeals: int, tips: int) -> int:
    """Appeals through Wagtail (they are pages), tips with bulk_create. Returns one appeal's id."""
    import django

    django.setup()
    from django.db import transaction
    from wagtail.models import Page

    from appeals.models import AppealPage
    from partners.services import partner_onboard
    from tips.models import Tip

    rng = random.Random(4)
    home = Page.objects.get(depth=2, locale__language_code="de")
    partner = partner_onboard(home=home, title="Benchmark e.V.", slug="benchmark")
    started = time.perf_counter()
    with transaction.atomic():
        for number in range(appeals):
            partner.add_child(instance=AppealPage(
                title=f"Appeal {number}", slug=f"appeal-{number}", category="job", needed="<p>x</p>",
                town="Somewhere", latitude=rng.uniform(GERMANY[1], GERMANY[3]),
                longitude=rng.uniform(GERMANY[0], GERMANY[2])))
    first = AppealPage.objects.order_by("pk").first()
    rows = [Tip(appeal=first, partner=partner, kind="job", message="x" * 200, public_text="Eine Stelle " * 10,
                town="Somewhere", published=True, latitude=rng.uniform(GERMANY[1], GERMANY[3]),
                longitude=rng.uniform(GERMANY[0], GERMANY[2])) for _ in range(tips)]
    Tip.objects.bulk_create(rows, batch_size=5000)
    print(f"filled {appeals} appeals and {tips} tips in {time.perf_counter() - started:.0f} s")
    return first.pk


def timed_gets(url: str, repeat: int) -> tuple[list[float], int]:
    session, times, size = requests.Session(), [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        response = session.get(url, timeout=120)
        times.append(time.perf_counter() - started)
        response.raise_for_status()
        size = len(response.content)
    return times, size


def report_map(base: str, repeat: int) -> None:
    for feed in ("appeals", "tips"):
        for name, box in (("NRW-sized box", NRW), ("all Germany", GERMANY)):
            url = f"{base}/api/map/{feed}.geojson?bbox={','.join(map(str, box))}&lang=de"
            timed_gets(url, 2)  # warm every code path and connection first
            times, size = timed_gets(url, repeat)
            p95 = sorted(times)[max(0, int(len(times) * 0.95) - 1)]
            print(f"{feed}.geojson {name:14}: median {statistics.median(times) * 1000:7.1f} ms, "
                  f"p95 {p95 * 1000:7.1f} ms, payload {size / 1024:8.1f} KiB ({repeat} requests, uncached)")


def client_run(base: str, appeal_id: int, posts: int) -> int:
    """One visitor's browser: load the form once (cookie + start token), then send `posts` tips."""
    url = f"{base}/de/tips/appeal/{appeal_id}/"
    headers = {"X-Forwarded-Proto": "https", "Referer": f"https://{base.split('//')[1]}/de/"}
    session = requests.Session()
    form = session.get(url, headers=headers, timeout=60)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    started = re.search(r'name="started" value="([^"]+)"', form.text).group(1)
    cookie = form.headers["Set-Cookie"].split(";")[0]  # a Secure cookie: requests would not send it over http
    accepted = 0
    for number in range(posts):
        data = {"csrfmiddlewaretoken": token, "started": started, "kind": "job", "place_0": "Köln",
                "message": f"Benchmark tip {number}: Die Bäckerei sucht Azubis."}
        response = session.post(url, data=data, headers={**headers, "Cookie": cookie}, allow_redirects=False,
                                timeout=60)
        accepted += response.status_code == 302 and "/tips/thanks/" in response.headers.get("Location", "")
    return accepted


def report_submit(base: str, appeal_id: int, clients: int, posts: int) -> None:
    from tips.models import Tip

    before = Tip.objects.count()
    started = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        accepted = sum(pool.map(lambda _: client_run(base, appeal_id, posts), range(clients)))
    elapsed = time.perf_counter() - started
    stored = Tip.objects.count() - before
    print(f"submit: {accepted} accepted of {clients * posts} in {elapsed:.1f} s = {accepted / elapsed:.0f} tips/s "
          f"with {clients} concurrent clients; rows stored {stored} -> {'OK' if stored == accepted else 'MISMATCH'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tips", type=int, default=100_000)
    parser.add_argument("--appeals", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--posts-per-client", type=int, default=25)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    pg, redis, static_root = PostgresServer(), RedisServer(), tempfile.mkdtemp(prefix="nahbar-bench-static-")
    pg.start()
    redis.start()
    server = None
    try:
        env = environment(pg, redis, static_root)
        os.environ.update(env)
        python = sys.executable
        for command in (["migrate", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
        appeal_id = fill(args.appeals, args.tips)
        port = free_port()
        server = subprocess.Popen(
            [python, "-m", "gunicorn", "portal.wsgi", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
             "--log-level", "warning"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
        wait_for_port(port)
        base = f"http://127.0.0.1:{port}"
        print(f"gunicorn: {args.workers} workers on {os.cpu_count()} CPUs, PostgreSQL and Redis on 127.0.0.1")
        report_map(base, args.repeat)
        report_submit(base, appeal_id, args.clients, args.posts_per_client)
    finally:
        if server:
            server.terminate()
            server.wait(30)
        redis.stop()
        pg.stop()


if __name__ == "__main__":
    main()
