"""Benchmark (not a test): map feeds and tip submissions at scale, against a real server on 127.0.0.1.

Starts a throwaway PostgreSQL and Redis (tests/services.py), fills them with 5,000 open appeals and
100,000 published tips spread over Germany, serves the portal with gunicorn (production settings, behind
an imagined TLS proxy), then prints median/p95 of bbox GeoJSON requests and tips accepted per second from 20 wrk
connections, checking that every thank-you answer has its row.

Feeds are kept per page-cache generation: "after a change" renews the generation before every request
(each one is computed, as right after a tip is published), "between changes" is what visitors get otherwise.

    .venv/bin/python benchmarks/tips_and_map.py [--tips 100000] [--appeals 5000] [--seconds 10]
        [--only map|submit]
"""

import argparse
import math
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
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
            "TIPS_MIN_SECONDS": "0", "TIPS_RATE_LIMIT_COUNT": "1000000", "LOG_LEVEL": "WARNING",
            "TIPS_STAFF_EMAIL": "staff@example.org"}  # each tip queues its notification, as in production


def _base36(number: int) -> str:
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    text = ""
    while number:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
    return text or "0"


def _copy_appeal(template, count: int, rng: random.Random) -> None:
    """Copy one appeal's rows `count` times in SQL, as further children of its parent.

    Adding 5,000 pages one by one takes far too long: Wagtail's database search backend rewrites
    every index entry's title_norm on each insert (quadratic). The copies are not in the search index.
    """
    from django.db import connection

    parent = template.get_parent()
    first = parent.numchild + 1
    paths = [parent.path + _base36(first + number).rjust(4, "0") for number in range(count)]
    points = [(rng.uniform(GERMANY[1], GERMANY[3]), rng.uniform(GERMANY[0], GERMANY[2])) for _ in range(count)]
    with connection.cursor() as cursor:
        skip = ("id", "path", "slug", "title", "draft_title", "url_path", "translation_key")
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'wagtailcore_page'")
        columns = [f'"{row[0]}"' for row in cursor.fetchall() if row[0] not in skip]
        cursor.execute(
            # Column names come from our own schema, values are parameters.
            f"INSERT INTO wagtailcore_page ({', '.join(columns)}, path, slug, title, draft_title, url_path, "  # noqa: S608
            f"translation_key) SELECT {', '.join('p.' + c for c in columns)}, n.path, 'bench-' || n.i, "
            "'Appeal ' || n.i, 'Appeal ' || n.i, %s || 'bench-' || n.i || '/', gen_random_uuid() "
            "FROM wagtailcore_page p, unnest(%s::text[]) WITH ORDINALITY AS n(path, i) WHERE p.id = %s "
            "ORDER BY n.i RETURNING id",
            [parent.url_path, paths, template.pk],
        )
        ids = [row[0] for row in cursor.fetchall()]
        skip = ("page_ptr_id", "latitude", "longitude")
        cursor.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'appeals_appealpage'")
        columns = [f'"{row[0]}"' for row in cursor.fetchall() if row[0] not in skip]
        cursor.execute(
            f"INSERT INTO appeals_appealpage (page_ptr_id, latitude, longitude, {', '.join(columns)}) "  # noqa: S608
            f"SELECT n.id, n.lat, n.lon, {', '.join('a.' + c for c in columns)} FROM appeals_appealpage a, "
            "unnest(%s::bigint[], %s::float8[], %s::float8[]) AS n(id, lat, lon) WHERE a.page_ptr_id = %s",
            [ids, [lat for lat, _ in points], [lon for _, lon in points], template.pk],
        )
        cursor.execute("UPDATE wagtailcore_page SET numchild = numchild + %s WHERE id = %s", [count, parent.pk])


def fill(appeals: int, tips: int) -> int:
    """One appeal through Wagtail, copied in SQL; tips with bulk_create. Returns the first appeal's id."""
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
        first = partner.add_child(instance=AppealPage(
            title="Appeal 0", slug="appeal-0", category="job", needed="<p>x</p>", town="Köln",
            latitude=50.94, longitude=6.96))
        _copy_appeal(first, appeals - 1, rng)
    rows = [Tip(appeal=first, partner=partner, kind="job", message="x" * 200, public_text="Eine Stelle " * 10,
                town="Somewhere", published=True, latitude=rng.uniform(GERMANY[1], GERMANY[3]),
                longitude=rng.uniform(GERMANY[0], GERMANY[2])) for _ in range(tips)]
    Tip.objects.bulk_create(rows, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:  # what autovacuum does soon after a bulk load in production
        cursor.execute("VACUUM ANALYZE tips_tip")
    print(f"filled {AppealPage.objects.count()} appeals and {Tip.objects.count()} tips "
          f"in {time.perf_counter() - started:.0f} s")
    return first.pk


def timed_gets(url: str, repeat: int, *, after_change: bool = False) -> tuple[list[float], int]:
    from pagecache import store

    session, times, size = requests.Session(), [], 0
    for _ in range(repeat):
        if after_change:
            store.generation_renew()
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
            for label, after_change in (("after a change", True), ("between changes", False)):
                times, size = timed_gets(url, repeat, after_change=after_change)
                p95 = sorted(times)[math.ceil(len(times) * 0.95) - 1]
                print(f"{feed}.geojson {name:14} {label:15}: median {statistics.median(times) * 1000:7.1f} ms, "
                      f"p95 {p95 * 1000:7.1f} ms, payload {size / 1024:8.1f} KiB ({repeat} requests)")


# wrk's Lua: every connection posts the loaded form again and again, each time as a newly loaded form (a fresh
# submission token: no post is a resend), and counts the answers that are a thank-you page.
POST_SCRIPT = """
local threads = {}
number = 0  -- a global: thread:set() gives each thread its own
function setup(thread) number = number + 1; thread:set("number", number); table.insert(threads, thread) end
local posted = 0
accepted = 0
request = function()
  posted = posted + 1
  local body = "csrfmiddlewaretoken=%(token)s&started=%(started)s&kind=job&place_0=K%%C3%%B6ln&consent=on"
    .. "&submission=" .. string.format("bench%%02d%%011d", number, posted)
    .. "&email=tipster" .. posted .. "%%40example.org&message=Benchmark+tip+" .. posted .. "%%3A+Die+B%%C3%%A4ckerei"
  return wrk.format("POST", nil, nil, body)
end
function response(status, headers, body)
  if status == 302 and string.find(headers["Location"] or "", "/tips/thanks/", 1, true) then
    accepted = accepted + 1
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("accepted") end
  io.write(string.format("accepted %%d\\n", total))
end
"""


def form_opened(base: str, appeal_id: int) -> dict:
    """A visitor's browser loads the form once: CSRF cookie and token, and the signed start time."""
    url = f"{base}/de/tips/appeal/{appeal_id}/"
    headers = {"X-Forwarded-Proto": "https", "Referer": f"https://{base.split('//')[1]}/de/"}
    form = requests.get(url, headers=headers, timeout=60)
    return {
        "url": url,
        # A Secure cookie: it goes in by hand, as it would not be sent over plain http.
        "headers": {**headers, "Cookie": form.headers["Set-Cookie"].split(";")[0],
                    "Content-Type": "application/x-www-form-urlencoded"},
        "token": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1),
        "started": re.search(r'name="started" value="([^"]+)"', form.text).group(1),
    }


def report_submit(base: str, appeal_id: int, clients: int, seconds: int) -> None:
    """wrk posts tips over `clients` connections for `seconds`. A tip whose answer was still on its way when
    wrk stopped is stored but not counted as answered: stored may exceed answered by at most `clients`."""
    from tips.models import Tip

    form = form_opened(base, appeal_id)
    script = Path(tempfile.mkdtemp(prefix="nahbar-bench-post-")) / "post.lua"
    script.write_text(POST_SCRIPT % {"token": form["token"], "started": form["started"]})
    before = Tip.objects.count()
    command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--latency", "-s", str(script)]
    for name, value in form["headers"].items():
        command += ["-H", f"{name}: {value}"]
    output = subprocess.run([*command, form["url"]], capture_output=True, text=True, check=True).stdout
    time.sleep(1)  # the last answers' transactions
    accepted = int(re.search(r"accepted (\d+)", output).group(1))
    stored = Tip.objects.count() - before
    latency = re.search(r"50%\s+(\S+).*?99%\s+(\S+)", output, re.S)
    verdict = "OK" if 0 <= stored - accepted <= clients else "MISMATCH"
    print(f"submit: {accepted / seconds:.0f} tips/s answered with a thank-you ({accepted} in {seconds} s, "
          f"{clients} connections, p50 {latency.group(1)}, p99 {latency.group(2)}); rows stored {stored}, "
          f"of which {stored - accepted} were still being answered when wrk stopped -> {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tips", type=int, default=100_000)
    parser.add_argument("--appeals", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=10, help="how long wrk posts tips")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--only", choices=("map", "submit"), default="")
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
        print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")
        if args.only != "submit":
            report_map(base, args.repeat)
        if args.only != "map":
            report_submit(base, appeal_id, args.clients, args.seconds)
        print(f"load average {Path('/proc/loadavg').read_text().split()[:3]}")
    finally:
        if server:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:  # a loaded machine: workers still finishing their requests
                server.kill()
                server.wait()
        redis.stop()
        pg.stop()


if __name__ == "__main__":
    main()
