"""Benchmark (not a test): the matching engine on a season the size of 2019's.

20,000 people looking for company and 20,000 offering it, spread over the towns of Germany, Austria and
Switzerland in the offline gazetteer (weighted by population), with needs, languages, dates and capacities
drawn at realistic rates. Prints time and peak memory of a full dry run over all regions, of one request's
suggestion list, the same for a first-come greedy pass, the total score of both and the number of hard-rule
violations (which must be 0). No database: the engine works on plain data.

    .venv/bin/python benchmarks/matching.py [--seekers 20000] [--hosts 20000] [--seed 2019]
"""

import argparse
import csv
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from matching import engine  # noqa: E402

SLOTS = ["2026-12-24-evening", "2026-12-25-afternoon", "2026-12-26-afternoon", "2026-12-31-evening",
         "sat-afternoon", "sun-afternoon"]
KINDS = ["visit", "outside", "walk", "meal", "call"]
SECOND_LANGUAGES = ["en", "ar", "tr", "ru", "uk", "fa", "pl"]


def towns() -> tuple[list[tuple[float, float]], list[int]]:
    with open(ROOT / "places" / "data" / "towns.csv", encoding="utf-8") as source:
        rows = list(csv.DictReader(source))
    return [(float(row["latitude"]), float(row["longitude"])) for row in rows], [int(row["population"]) for row in rows]


def _some(rng: random.Random, values: list[str], low: int, high: int) -> frozenset[str]:
    return frozenset(rng.sample(values, rng.randint(low, high)))


def _features(rng: random.Random, rates: dict[str, float]) -> frozenset[str]:
    return frozenset(code for code, rate in rates.items() if rng.random() < rate)


def person(rng: random.Random, person_id: int, place: tuple[float, float], *, host: bool) -> engine.Person:
    languages = {"de"} if rng.random() < 0.85 else set()
    languages |= set(rng.sample(SECOND_LANGUAGES, rng.choice([0, 0, 1, 1, 2]))) or {"de"}
    if host:
        needs = _features(rng, {"non_smoking": 0.1})
        offers = _features(rng, {"step_free": 0.3, "women_only": 0.55, "no_pets": 0.5, "non_smoking": 0.7,
                                 "pick_up": 0.25})
    else:
        needs = _features(rng, {"step_free": 0.15, "women_only": 0.1, "no_pets": 0.1, "non_smoking": 0.15,
                                "pick_up": 0.1})
        offers = _features(rng, {"women_only": 0.6, "non_smoking": 0.7, "no_pets": 0.8})
    return engine.Person(
        id=person_id, latitude=place[0] + rng.uniform(-0.03, 0.03), longitude=place[1] + rng.uniform(-0.04, 0.04),
        travel_km=rng.choice([5, 10, 20, 50] if host else [2, 5, 10, 10, 20]),
        kinds=_some(rng, KINDS, 1, 3), slots=_some(rng, SLOTS, 1, 3), languages=frozenset(languages),
        needs=needs, offers=offers,
        age_band=rng.choice(["30-49", "50-64", "65-79"] if host else ["50-64", "65-79", "65-79", "80+"]),
        age_preference=_some(rng, ["18-29", "30-49", "50-64", "65-79", "80+"], 0, 2) if rng.random() < 0.3
        else frozenset(),
        waiting_days=rng.uniform(0, 40), capacity=rng.choice([1, 1, 1, 2, 2, 3, 4]) if host else 1,
    )


def people(count: int, *, host: bool, rng: random.Random, first_id: int) -> list[engine.Person]:
    places, weights = towns()
    chosen = rng.choices(places, weights=weights, k=count)
    return [person(rng, first_id + index, place, host=host) for index, place in enumerate(chosen)]


def measure(label: str, run):
    tracemalloc.start()
    started, cpu = time.perf_counter(), time.process_time()
    result = run()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<40} {seconds:7.2f} s wall {cpu:7.2f} s CPU   peak {peak / 2**20:6.1f} MiB (traced)")
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seekers", type=int, default=20_000)
    parser.add_argument("--hosts", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--lists", type=int, default=50, help="suggestion lists to time")
    options = parser.parse_args()
    rng = random.Random(options.seed)
    seekers = people(options.seekers, host=False, rng=rng, first_id=1)
    hosts = people(options.hosts, host=True, rng=rng, first_id=1_000_000)
    seats = sum(host.capacity for host in hosts)
    # Pairs that failed before: a few hundred near ones that the engine must never propose again.
    excluded = {(seeker.id, host.id) for seeker, host in zip(rng.sample(seekers, 300), rng.sample(hosts, 300),
                                                               strict=True)}
    print(f"{len(seekers)} seekers, {len(hosts)} hosts with {seats} seats, {len(excluded)} excluded pairs")

    pairs, _seconds = measure("full dry run, all regions (assignment)", lambda: engine.assign(
        seekers, hosts, excluded=excluded))
    greedy, _seconds = measure("first-come greedy pass (comparison)", lambda: engine.assign_greedy(
        seekers, hosts, excluded=excluded))

    timings, cpu_timings = [], []
    for seeker in rng.sample(seekers, options.lists):
        started, cpu = time.perf_counter(), time.process_time()
        engine.suggestions_for(seeker, hosts, is_host=False, excluded=excluded, limit=10)
        timings.append((time.perf_counter() - started) * 1000)
        cpu_timings.append((time.process_time() - cpu) * 1000)
    measure("one suggestion list (peak memory)", lambda: engine.suggestions_for(
        seekers[0], hosts, is_host=False, excluded=excluded, limit=10))
    print(f"one request's suggestion list over all {len(hosts)} hosts: median {statistics.median(timings):.0f} ms, "
          f"max {max(timings):.0f} ms wall; CPU median {statistics.median(cpu_timings):.0f} ms, "
          f"max {max(cpu_timings):.0f} ms ({options.lists} lists)")
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    for label, result in (("assignment", pairs), ("greedy", greedy)):
        total = sum(pair.score for pair in result)
        broken = engine.violations(result, seekers, hosts, excluded=excluded)
        print(f"{label:<11} pairs {len(result):6d}   total score {total:9.1f}   "
              f"mean {total / max(1, len(result)):.3f}   hard-rule violations {broken}")
    print(f"max resident memory of the process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
