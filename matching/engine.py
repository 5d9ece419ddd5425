"""Who may meet whom, how well they fit, and the best set of pairs: pure functions over plain data.

No Django here, so the benchmark and the property tests run without a database. Hard rules decide which
pairs are allowed at all; among those a score in [0, 1] ranks them, and `assign` picks the set of pairs that
matches as many seekers as possible and, among those sets, has the best total score, per region
(`scipy.optimize.linear_sum_assignment`). A host with k free seats is k columns of the cost matrix.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from places.geo import EARTH_RADIUS_KM, distance_km

# Regions are split until they hold at most this many seekers: dense matrices stay small and fast.
REGION_MAX_SEEKERS = 250
# Each seeker brings at most this many of its best hosts into the region's matrix.
CANDIDATES_PER_SEEKER = 25
WEIGHTS = {"distance": 0.35, "waiting": 0.25, "age": 0.15, "languages": 0.1, "kinds": 0.1, "slots": 0.05}
WAITING_FULL_DAYS = 60
UNMATCHED = 1_000.0  # the cost of leaving a seeker without a pair: more than any allowed pair can cost


@dataclass(frozen=True)
class Person:
    """A seeker or a host as the engine sees them: codes, never names or contact data."""

    id: int
    latitude: float
    longitude: float
    travel_km: float
    kinds: frozenset[str]
    slots: frozenset[str]
    languages: frozenset[str]
    needs: frozenset[str] = frozenset()
    offers: frozenset[str] = frozenset()
    age_band: str = ""
    age_preference: frozenset[str] = frozenset()
    waiting_days: float = 0.0
    capacity: int = 1  # a host's free seats; a seeker takes one


@dataclass(frozen=True)
class Pair:
    seeker_id: int
    host_id: int
    score: float
    reasons: tuple[tuple[str, object], ...]


# --- one pair at a time: the reference the vectorised code and the tests agree with ------------------------

def pair_distance(seeker: Person, host: Person) -> float:
    return distance_km(seeker.latitude, seeker.longitude, host.latitude, host.longitude)


def pair_allowed(seeker: Person, host: Person, *, excluded: frozenset | set = frozenset()) -> bool:
    """The hard rules. A rule broken here is never outweighed by any score."""
    if (seeker.id, host.id) in excluded or host.capacity < 1:
        return False
    if not (seeker.kinds & host.kinds and seeker.slots & host.slots and seeker.languages & host.languages):
        return False
    if not (seeker.needs <= host.offers and host.needs <= seeker.offers):
        return False
    distance = pair_distance(seeker, host)
    return distance <= seeker.travel_km and distance <= host.travel_km


def _age_fit(seeker: Person, host: Person) -> float:
    seeker_happy = not seeker.age_preference or host.age_band in seeker.age_preference
    host_happy = not host.age_preference or seeker.age_band in host.age_preference
    return (seeker_happy + host_happy) / 2


def pair_score(seeker: Person, host: Person) -> float:
    """Higher is better, 0 to 1: near, long waiting, ages as wished, more in common."""
    reach = max(1.0, min(seeker.travel_km, host.travel_km))
    parts = {
        "distance": max(0.0, 1 - pair_distance(seeker, host) / reach),
        "waiting": min(1.0, (seeker.waiting_days + host.waiting_days) / WAITING_FULL_DAYS),
        "age": _age_fit(seeker, host),
        "languages": min(1.0, (len(seeker.languages & host.languages) - 1) / 2),
        "kinds": min(1.0, (len(seeker.kinds & host.kinds) - 1) / 3),
        "slots": min(1.0, (len(seeker.slots & host.slots) - 1) / 3),
    }
    return sum(WEIGHTS[name] * max(0.0, value) for name, value in parts.items())


def pair_reasons(seeker: Person, host: Person) -> tuple[tuple[str, object], ...]:
    """Why this pair, as codes and values; `matching.reasons` puts them into words in any language."""
    reasons: list[tuple[str, object]] = [("km", round(pair_distance(seeker, host)))]
    reasons.append(("slots", tuple(sorted(seeker.slots & host.slots))))
    reasons.append(("kinds", tuple(sorted(seeker.kinds & host.kinds))))
    reasons += [("need", need) for need in sorted(seeker.needs | host.needs)]
    reasons.append(("languages", tuple(sorted(seeker.languages & host.languages))))
    if seeker.age_preference and host.age_band in seeker.age_preference:
        reasons.append(("age", host.age_band))
    if seeker.waiting_days >= 7:
        reasons.append(("waiting", int(seeker.waiting_days)))
    return tuple(reasons)


def pair_make(seeker: Person, host: Person, score: float | None = None) -> Pair:
    score = pair_score(seeker, host) if score is None else score
    return Pair(seeker.id, host.id, round(float(score), 4), pair_reasons(seeker, host))


def suggestions_for(person: Person, others: Iterable[Person], *, is_host: bool,
                    excluded: frozenset | set = frozenset(), limit: int = 10) -> list[Pair]:
    """The best allowed partners for one request, best first."""
    # Nobody farther than the person's own travel distance is allowed: a cheap box first, then the rules.
    dlat = person.travel_km / 111.0
    dlon = person.travel_km / (111.0 * max(0.01, math.cos(math.radians(person.latitude))))
    others = [other for other in others if abs(other.latitude - person.latitude) <= dlat
              and abs(other.longitude - person.longitude) <= dlon]
    if not others:
        return []
    table = Table.of(others)
    one = Table.of([person], vocabulary=table.vocabulary)
    table.widen()
    if is_host:
        allowed, score = _matrices(table, one, excluded)
        allowed, score = allowed[:, 0], score[:, 0]
    else:
        allowed, score = _matrices(one, table, excluded)
        allowed, score = allowed[0], score[0]
    best = np.flatnonzero(allowed)
    best = best[np.argsort(-score[best], kind="stable")][:limit]
    others_list = table.people
    if is_host:
        return [pair_make(others_list[index], person) for index in best]
    return [pair_make(person, others_list[index]) for index in best]


# --- many pairs at once --------------------------------------------------------------------------------------

class Vocabulary:
    """Codes to bit positions, shared by the tables compared with each other."""

    def __init__(self):
        self.bits: dict[str, int] = {}
        self.masks: dict[frozenset[str], int] = {}

    def mask(self, values: frozenset[str]) -> int:
        """The set as one (arbitrarily long) integer; sets repeat a lot, so each is worked out once."""
        mask = self.masks.get(values)
        if mask is None:
            mask = 0
            for value in sorted(values):
                mask |= 1 << self.bits.setdefault(value, len(self.bits))
            self.masks[values] = mask
        return mask


MASKS = ("kinds", "slots", "languages", "needs", "offers", "age_preference")


class Table:
    """People as numpy arrays: positions in radians and every set as a bitmask (several 64-bit words)."""

    def __init__(self, people: Sequence[Person], vocabulary: dict[str, Vocabulary]):
        self.people = list(people)
        self.vocabulary = vocabulary
        self.ids = np.array([person.id for person in people], dtype=np.int64)
        self.lat = np.radians([person.latitude for person in people])
        self.lon = np.radians([person.longitude for person in people])
        self.travel = np.array([person.travel_km for person in people], dtype=float)
        self.waiting = np.array([person.waiting_days for person in people], dtype=float)
        self.capacity = np.array([person.capacity for person in people], dtype=np.int64)
        bands = vocabulary["age"]
        self.age = np.array([bands.mask(frozenset([person.age_band])).bit_length() - 1 for person in people],
                            dtype=np.int64)
        for name in MASKS:
            setattr(self, name, self._mask(name, [getattr(person, name) for person in people]))

    @classmethod
    def of(cls, people: Sequence[Person], vocabulary: dict[str, Vocabulary] | None = None) -> Table:
        if vocabulary is None:
            vocabulary = defaultdict(Vocabulary)
            features = Vocabulary()
            vocabulary["needs"] = vocabulary["offers"] = features  # a need is met by the same code
            vocabulary["age"] = vocabulary["age_preference"] = Vocabulary()
        return cls(people, vocabulary)

    def _mask(self, name: str, sets: list[frozenset[str]]) -> np.ndarray:
        vocabulary = self.vocabulary[name]
        numbers = [vocabulary.mask(values) for values in sets]
        width = max(1, math.ceil(len(vocabulary.bits) / 64))
        mask = np.zeros((len(sets), width), dtype=np.uint64)
        for word in range(width):
            mask[:, word] = [(number >> (64 * word)) & 0xFFFF_FFFF_FFFF_FFFF for number in numbers]
        return mask

    def widen(self) -> Table:
        """Give every mask the width its vocabulary has now, after another table added codes to it."""
        for name in MASKS:
            mask = getattr(self, name)
            width = max(1, math.ceil(len(self.vocabulary[name].bits) / 64))
            if width > mask.shape[1]:
                setattr(self, name, np.pad(mask, ((0, 0), (0, width - mask.shape[1]))))
        return self

    def take(self, index: np.ndarray) -> Table:
        part = object.__new__(Table)
        part.people = []  # not needed for the arrays; the caller keeps its own list
        part.vocabulary = self.vocabulary
        for name in ("ids", "lat", "lon", "travel", "waiting", "capacity", "age", "kinds", "slots", "languages",
                     "needs", "offers", "age_preference"):
            setattr(part, name, getattr(self, name)[index])
        return part


def _width(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if a.shape[1] == b.shape[1]:
        return a, b
    width = max(a.shape[1], b.shape[1])
    return (np.pad(a, ((0, 0), (0, width - a.shape[1]))), np.pad(b, ((0, 0), (0, width - b.shape[1]))))


def _overlap(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row by row: do the two sets share anything?"""
    a, b = _width(a, b)
    return (a & b).any(axis=1)


def _count(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    a, b = _width(a, b)
    return np.bitwise_count(a & b).sum(axis=1)


def _subset(needs: np.ndarray, offers: np.ndarray) -> np.ndarray:
    needs, offers = _width(needs, offers)
    return ((needs & ~offers) == 0).all(axis=1)


def _prefers(preferences: np.ndarray, bands: np.ndarray) -> np.ndarray:
    """Row by row: no preference, or the other's age band is among the preferred ones."""
    width = max(preferences.shape[1], int(bands.max(initial=0)) // 64 + 1)
    if width > preferences.shape[1]:
        preferences = np.pad(preferences, ((0, 0), (0, width - preferences.shape[1])))
    word = np.take_along_axis(preferences, (bands // 64)[:, None], axis=1)[:, 0]
    bit = (word >> (bands % 64).astype(np.uint64)) & np.uint64(1)
    return (bit == 1) | (preferences == 0).all(axis=1)


def _distances(seekers: Table, hosts: Table) -> np.ndarray:
    dlat = hosts.lat[None, :] - seekers.lat[:, None]
    dlon = hosts.lon[None, :] - seekers.lon[:, None]
    a = np.sin(dlat / 2) ** 2 + np.cos(seekers.lat)[:, None] * np.cos(hosts.lat)[None, :] * np.sin(dlon / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))


def _excluded_codes(excluded) -> np.ndarray:
    return np.array(sorted(seeker * 2**32 + host for seeker, host in excluded), dtype=np.int64)


def _allowed_pairs(seekers: Table, hosts: Table, excluded) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Rows, columns and scores of every allowed pair: `pair_allowed` and `pair_score`, vectorised.

    Distance goes first: it rules out most pairs, and the other rules are only checked on the rest.
    """
    distance = _distances(seekers, hosts)
    near = (distance <= seekers.travel[:, None]) & (distance <= hosts.travel[None, :])
    rows, columns = np.nonzero(near & (hosts.capacity[None, :] >= 1))
    distance = distance[rows, columns]
    ok = _overlap(seekers.kinds[rows], hosts.kinds[columns]) & _overlap(seekers.slots[rows], hosts.slots[columns])
    ok &= _overlap(seekers.languages[rows], hosts.languages[columns])
    ok &= _subset(seekers.needs[rows], hosts.offers[columns]) & _subset(hosts.needs[columns], seekers.offers[rows])
    if excluded:
        ok &= ~np.isin(seekers.ids[rows] * 2**32 + hosts.ids[columns], _excluded_codes(excluded))
    rows, columns, distance = rows[ok], columns[ok], distance[ok]
    reach = np.maximum(1.0, np.minimum(seekers.travel[rows], hosts.travel[columns]))
    age = (_prefers(seekers.age_preference[rows], hosts.age[columns]).astype(float)
           + _prefers(hosts.age_preference[columns], seekers.age[rows]).astype(float)) / 2
    parts = {
        "distance": np.clip(1 - distance / reach, 0, 1),
        "waiting": np.minimum(1.0, (seekers.waiting[rows] + hosts.waiting[columns]) / WAITING_FULL_DAYS),
        "age": age,
        "languages": np.clip((_count(seekers.languages[rows], hosts.languages[columns]) - 1) / 2, 0, 1),
        "kinds": np.clip((_count(seekers.kinds[rows], hosts.kinds[columns]) - 1) / 3, 0, 1),
        "slots": np.clip((_count(seekers.slots[rows], hosts.slots[columns]) - 1) / 3, 0, 1),
    }
    score = sum(WEIGHTS[name] * value for name, value in parts.items())
    return rows, columns, np.asarray(score, dtype=float)


def _matrices(seekers: Table, hosts: Table, excluded) -> tuple[np.ndarray, np.ndarray]:
    """Allowed pairs and their scores as dense matrices, seekers as rows and hosts as columns."""
    rows, columns, score = _allowed_pairs(seekers, hosts, excluded)
    allowed = np.zeros((len(seekers.ids), len(hosts.ids)), dtype=bool)
    scores = np.zeros(allowed.shape)
    allowed[rows, columns] = True
    scores[rows, columns] = score
    return allowed, scores


def _regions(table: Table, index: np.ndarray, depth: int = 0) -> list[np.ndarray]:
    """Split seekers into compact regions of at most REGION_MAX_SEEKERS (a k-d split at the median)."""
    if len(index) <= REGION_MAX_SEEKERS:
        return [index]
    axis = table.lat if depth % 2 == 0 else table.lon
    order = index[np.argsort(axis[index], kind="stable")]
    half = len(order) // 2
    return _regions(table, order[:half], depth + 1) + _regions(table, order[half:], depth + 1)


class HostIndex:
    """Hosts in grid cells of about `cell_km`, to find those within reach of a region without a full scan."""

    def __init__(self, hosts: Table, cell_km: float = 20.0):
        self.step = cell_km / 111.0
        self.cells: dict[tuple[int, int], list[int]] = defaultdict(list)
        for position, (lat, lon) in enumerate(zip(np.degrees(hosts.lat), np.degrees(hosts.lon), strict=True)):
            self.cells[(int(lat // self.step), int(lon // (self.step * 1.6)))].append(position)

    def around(self, lat: np.ndarray, lon: np.ndarray, km: float) -> np.ndarray:
        margin = km / 111.0
        lat_deg, lon_deg = np.degrees(lat), np.degrees(lon)
        low = (int((lat_deg.min() - margin) // self.step), int((lon_deg.min() - 2 * margin) // (self.step * 1.6)))
        high = (int((lat_deg.max() + margin) // self.step), int((lon_deg.max() + 2 * margin) // (self.step * 1.6)))
        found = [position for row in range(low[0], high[0] + 1) for column in range(low[1], high[1] + 1)
                 for position in self.cells.get((row, column), ())]
        return np.array(sorted(found), dtype=np.int64)


def _solve_region(seekers: Table, hosts: Table, free: np.ndarray, excluded) -> list[tuple[int, int, float]]:
    """The best pairs in one region: (seeker row, host column, score), capacity taken from `free`."""
    rows, columns, score = _allowed_pairs(seekers, hosts, excluded)
    keep = free[columns] > 0
    rows, columns, score = rows[keep], columns[keep], score[keep]
    if not len(rows):
        return []
    # Each seeker brings only its best few hosts into the matrix, which keeps it small.
    order = np.lexsort((-score, rows))
    rows, columns, score = rows[order], columns[order], score[order]
    rank = np.arange(len(rows)) - np.searchsorted(rows, rows)
    keep = rank < CANDIDATES_PER_SEEKER
    rows, columns, score = rows[keep], columns[keep], score[keep]
    seeker_rows, row_of = np.unique(rows, return_inverse=True)
    host_columns, column_of = np.unique(columns, return_inverse=True)
    seats = np.minimum(free[host_columns], np.bincount(column_of, minlength=len(host_columns)))
    first = np.concatenate(([0], np.cumsum(seats)[:-1]))
    cost = np.full((len(seeker_rows), int(seats.sum())), UNMATCHED)
    for copy in range(int(seats.max())):  # a host with k seats is k columns
        has = seats[column_of] > copy
        cost[row_of[has], first[column_of[has]] + copy] = 1.0 - score[has]
    owner = np.repeat(np.arange(len(host_columns)), seats)
    picked_rows, picked = linear_sum_assignment(cost)
    pairs = []
    for position, column in zip(picked_rows.tolist(), picked.tolist(), strict=True):
        host = int(host_columns[owner[column]])
        if cost[position, column] < UNMATCHED and free[host] > 0:
            free[host] -= 1
            pairs.append((int(seeker_rows[position]), host, 1.0 - cost[position, column]))
    return pairs


def _tables(seekers: Sequence[Person], hosts: Sequence[Person]) -> tuple[Table, Table, HostIndex]:
    table = Table.of(seekers)
    host_table = Table.of(hosts, vocabulary=table.vocabulary)
    table.widen()
    return table, host_table, HostIndex(host_table)


def _near(table: Table, index: HostIndex, region: np.ndarray) -> np.ndarray:
    # A pair is never farther apart than the seeker's own travel distance.
    return index.around(table.lat[region], table.lon[region], float(table.travel[region].max()))


def assign(seekers: Sequence[Person], hosts: Sequence[Person], *,
           excluded: frozenset | set = frozenset()) -> list[Pair]:
    """The most seekers paired and, among such choices, the best total score, region by region.

    Capacity is shared across regions: a host near a border that is full after one region is not offered to
    the next. Pairs listed in `excluded` (declined or failed before) are never proposed.
    """
    if not seekers or not hosts:
        return []
    table, host_table, index = _tables(seekers, hosts)
    free = host_table.capacity.copy()
    result = []
    for region in _regions(table, np.arange(len(seekers))):
        near = _near(table, index, region)
        near = near[free[near] > 0]
        if not len(near):
            continue
        region_free = free[near]
        for row, column, score in _solve_region(table.take(region), host_table.take(near), region_free, excluded):
            result.append(pair_make(seekers[int(region[row])], hosts[int(near[column])], score))
        free[near] = region_free
    return result


def assign_greedy(seekers: Sequence[Person], hosts: Sequence[Person], *,
                  excluded: frozenset | set = frozenset()) -> list[Pair]:
    """First come, first served: each seeker in turn takes its best free host. Only for comparison."""
    if not seekers or not hosts:
        return []
    table, host_table, index = _tables(seekers, hosts)
    candidates: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for region in _regions(table, np.arange(len(seekers))):
        near = _near(table, index, region)
        rows, columns, scores = _allowed_pairs(table.take(region), host_table.take(near), excluded)
        for row, column, score in zip(region[rows].tolist(), near[columns].tolist(), scores.tolist(), strict=True):
            candidates[row].append((-score, column))
    free = host_table.capacity.copy()
    result = []
    for position, seeker in enumerate(seekers):
        for score, host in sorted(candidates.get(position, ())):
            if free[host] > 0:
                free[host] -= 1
                result.append(pair_make(seeker, hosts[host], -score))
                break
    return result


def violations(pairs: Iterable[Pair], seekers: Sequence[Person], hosts: Sequence[Person], *,
               excluded: frozenset | set = frozenset()) -> int:
    """How many hard rules the pairs break: each disallowed pair, each seat over capacity, each twice-paired seeker."""
    by_id = {person.id: person for person in seekers}
    host_by_id = {person.id: person for person in hosts}
    seats: dict[int, int] = defaultdict(int)
    seen: set[int] = set()
    broken = 0
    for pair in pairs:
        broken += not pair_allowed(by_id[pair.seeker_id], host_by_id[pair.host_id], excluded=excluded)
        broken += pair.seeker_id in seen
        seen.add(pair.seeker_id)
        seats[pair.host_id] += 1
    return broken + sum(max(0, used - host_by_id[host_id].capacity) for host_id, used in seats.items())
