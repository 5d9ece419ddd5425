"""Benchmark (not a test): the TV spike, in one run on this machine. Prints figures and ratios to the goals.

Starts a throwaway PostgreSQL and Redis, loads the demo campaign, and serves it as deploy/ ships it: nginx
(TLS, micro-cache, busy page) in front of gunicorn (deploy/gunicorn.conf.py, production settings). Then, with
wrk (closed loop, 20 connections) and wrk2 (open loop, fixed rate):

  - nginx serving a saved copy of the appeal page (the limit), over plain HTTP and as a static file of the shipped
    HTTPS server (the fair limit for a hit through that server, which pays TLS as well);
  - the appeal page as a cache hit through the shipped nginx config, and through the app server alone;
  - the appeal, tandem and home pages uncached (a new query string per request: every one a page-cache miss);
  - the peer: wagtail/bakerydemo's blog page under the same gunicorn worker count, uncached the same way
    (benchmarks/peer_bakerydemo.py; its own virtualenv, a second database in the same PostgreSQL);
  - a fixed-rate spike of 1,000 requests/s for 30 s at the appeal page through nginx;
  - publish -> visible through nginx (seconds);
  - and benchmarks/tips_and_map.py's tip intake (20 clients) and all-Germany feed with 100,000 tips.

    .venv/bin/python benchmarks/pages.py [--workers 4] [--worker-class sync|gthread|granian] [--wrk2 PATH]
        [--bakerydemo GIT_DIR]
"""

import argparse
import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks import peer_bakerydemo  # noqa: E402
from tests.deploy.stack import Stack, app_environment  # noqa: E402
from tests.services import PostgresServer, RedisServer  # noqa: E402

MISS_SCRIPT = 'request = function() return wrk.format(nil, wrk.path .. "?visit=" .. math.random(1, 2000000000)) end\n'
GOALS = {"hit_proxy": 0.9, "hit_app": 0.05, "uncached_vs_peer": 1.5, "spike_p99_ms": 50}


def _ms(text: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, *, seconds: int = 10, connections: int = 20, script: str = "", tool: str = "wrk",
        rate: int = 0, headers: tuple[str, ...] = ()) -> dict:
    command = [tool, "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if rate:
        command.append(f"-R{rate}")
    for header in headers:
        command += ["-H", header]
    if script:
        command += ["-s", script]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    errors += int((re.search(r"Non-2xx or 3xx responses: (\d+)", output) or [0, 0])[1])
    requests_per_second = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"\s50(?:\.0+)?%\s+([\d.]+\w+)", output)
    p99 = re.search(r"\s99(?:\.0+)?%\s+([\d.]+\w+)", output)
    return {"rps": requests_per_second, "p50": _ms(p50.group(1)), "p99": _ms(p99.group(1)), "errors": errors}


def line(name: str, figures: dict, ratio: str = "") -> None:
    print(f"{name:46} {figures['rps']:9.0f} req/s  p50 {figures['p50']:8.1f} ms  p99 {figures['p99']:8.1f} ms  "
          f"errors {figures['errors']:5d}  {ratio}")


def demo(env: dict) -> dict[str, str]:
    dev = {**env, "DJANGO_SETTINGS_MODULE": "portal.settings.dev"}  # load_demo refuses production settings
    for command in (["migrate", "-v0"], ["load_demo"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=dev, check=True,
                       stdout=subprocess.DEVNULL)
    code = ("from appeals.models import AppealPage; from tandems.models import TandemPage; "
            "a = AppealPage.objects.live().filter(locale__language_code='de').order_by('pk').first(); "
            "t = TandemPage.objects.live().filter(locale__language_code='de').order_by('pk').first(); "
            "print(a.url, t.url, a.pk)")
    output = subprocess.run([sys.executable, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=dev,
                            check=True, capture_output=True, text=True).stdout
    appeal, tandem, appeal_id = output.strip().splitlines()[-1].split()
    return {"appeal": appeal, "tandem": tandem, "home": "/de/", "appeal_id": appeal_id}


def publish_visible(stack: Stack, env: dict, pages: dict) -> float:
    url = stack.base + pages["appeal"]
    requests.get(url, verify=stack.certificate, timeout=30)
    title = f"Published at {time.time():.0f}"
    code = ("from appeals.models import AppealPage; "
            f"p = AppealPage.objects.get(pk={pages['appeal_id']}); p.title = {title!r}; p.save_revision().publish()")
    subprocess.run([sys.executable, "manage.py", "shell", "-v0", "-c", code], cwd=ROOT, env=env, check=True)
    published = time.monotonic()
    while title not in requests.get(url, verify=stack.certificate, timeout=30).text:
        time.sleep(0.02)
    return time.monotonic() - published


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="sync", help="gunicorn's sync or gthread, or granian")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--wrk2", default=os.environ.get("WRK2", "wrk2"), help="wrk2 binary (giltene/wrk2)")
    parser.add_argument("--skip-tips", action="store_true")
    parser.add_argument("--bakerydemo", default=peer_bakerydemo.find_snapshot(),
                        help="git directory of a wagtail/bakerydemo snapshot (the peer)")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f} at start")
    pg, redis = PostgresServer(), RedisServer()
    pg.start()
    redis.start()
    folder = Path(tempfile.mkdtemp(prefix="nahbar-bench-pages-"))
    env = app_environment(database_url=pg.url, redis_url=redis.url, folder=folder)
    peers = contextlib.ExitStack()  # stops bakerydemo's gunicorn in the finally below
    stack = Stack(env=env, servers=1, workers=args.workers, worker_class=args.worker_class, threads=args.threads,
                  max_in_app=args.workers * 4)
    try:
        pages = demo(env)
        stack.start()
        peer = peers.enter_context(peer_bakerydemo.served(git_dir=args.bakerydemo, server_url=pg.url,
                                                          workers=args.workers))
        app = stack.app_base(0)
        https = ("X-Forwarded-Proto: https",)
        requests.get(app + pages["appeal"], headers={"X-Forwarded-Proto": "https"}, timeout=300)  # first render, cold
        saved = requests.get(stack.base + pages["appeal"], verify=stack.certificate, timeout=120).content
        (stack.folder / "saved" / "appeal.html").write_bytes(saved)
        # The same bytes as a static file of the shipped HTTPS server: the hit through nginx pays TLS, so its
        # limit must too, or the ratio would measure encryption rather than the cache.
        (Path(env["STATIC_ROOT"]) / "benchmark-appeal.html").write_bytes(saved)
        script = stack.folder / "miss.lua"
        script.write_text(MISS_SCRIPT)
        print(f"gunicorn {args.worker_class} x{args.workers} (threads {args.threads}) behind nginx; appeal page "
              f"{len(saved) / 1024:.1f} KiB")
        limit = wrk(f"http://127.0.0.1:{stack.static_port}/appeal.html", seconds=args.seconds)
        line("nginx: saved appeal page, plain HTTP (the limit)", limit)
        limit_tls = wrk(f"{stack.base}/static/benchmark-appeal.html", seconds=args.seconds)
        line("nginx: saved appeal page, shipped HTTPS server", limit_tls)
        hit_proxy = wrk(stack.base + pages["appeal"], seconds=args.seconds)
        line("appeal, cache hit through shipped nginx", hit_proxy,
             f"{hit_proxy['rps'] / limit_tls['rps']:.2f}x nginx over HTTPS (goal >= {GOALS['hit_proxy']}x); "
             f"{hit_proxy['rps'] / limit['rps']:.2f}x the plain-HTTP limit")
        hit_app = wrk(app + pages["appeal"], seconds=args.seconds, headers=https)
        line("appeal, cache hit through the app alone", hit_app,
             f"{hit_app['rps'] / limit['rps']:.3f}x nginx (goal >= {GOALS['hit_app']}x)")

        def uncached_page(url: str) -> dict:
            wrk(url, seconds=2, script=str(script), headers=https)  # warm-up: each worker's first page is slow
            return wrk(url, seconds=args.seconds, script=str(script), headers=https)

        uncached = {}
        for name in ("appeal", "tandem", "home"):
            uncached[name] = uncached_page(app + pages[name])
            line(f"{name}, uncached (page-cache miss)", uncached[name])
        if peer:
            blog = uncached_page(peer.url)
            line("peer: bakerydemo blog page, uncached", blog, peer.label)
            ratio = f"{uncached['appeal']['rps'] / blog['rps']:.2f}x" if blog["rps"] else "n/a (none finished)"
            print(f"appeal uncached / bakerydemo blog page: {ratio} (goal >= {GOALS['uncached_vs_peer']}x)")
        if shutil.which(args.wrk2):
            spike = wrk(stack.base + pages["appeal"], seconds=30, connections=100, tool=args.wrk2, rate=1000)
            line("spike: 1,000 req/s for 30 s through nginx", spike,
                 f"{'held' if spike['rps'] >= 990 else 'NOT held'}; p99 goal <= {GOALS['spike_p99_ms']} ms")
        else:
            print(f"spike: wrk2 not found as {args.wrk2!r} (build giltene/wrk2 under /tmp, pass --wrk2 or WRK2)")
        print(f"publish -> visible through nginx: {publish_visible(stack, env, pages):.2f} s (goal <= 2 s)")
    finally:
        peers.close()
        stack.stop()
        redis.stop()
        pg.stop()
    if not args.skip_tips:
        subprocess.run([sys.executable, str(ROOT / "benchmarks/tips_and_map.py"), "--workers", str(args.workers)],
                       cwd=ROOT, check=False)
    print(f"machine load at the end: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")


if __name__ == "__main__":
    main()
