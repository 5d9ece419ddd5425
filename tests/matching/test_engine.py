"""The matching engine on generated people: no proposal ever breaks a hard rule, no capacity is exceeded."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import engine

KINDS = ["visit", "outside", "walk", "meal", "call"]
SLOTS = ["2026-12-24-evening", "2026-12-25-afternoon", "sat-afternoon"]
LANGUAGES = ["de", "ar", "en", "tr"]
FEATURES = ["step_free", "women_only", "no_pets", "non_smoking", "pick_up"]
BANDS = ["18-29", "30-49", "50-64", "65-79", "80+"]


def subsets(values, min_size=0):
    return st.frozensets(st.sampled_from(values), min_size=min_size, max_size=len(values))


@st.composite
def person(draw, person_id: int, host: bool) -> engine.Person:
    # A box of about 40 x 40 km around Köln: near enough that many pairs are possible, far enough that some are not.
    return engine.Person(
        id=person_id, latitude=draw(st.floats(50.75, 51.1)), longitude=draw(st.floats(6.7, 7.2)),
        travel_km=draw(st.sampled_from([2, 5, 10, 20, 50])), kinds=draw(subsets(KINDS, 1)),
        slots=draw(subsets(SLOTS, 1)), languages=draw(subsets(LANGUAGES, 1)), needs=draw(subsets(FEATURES)),
        offers=draw(subsets(FEATURES)), age_band=draw(st.sampled_from(BANDS)),
        age_preference=draw(subsets(BANDS)), waiting_days=draw(st.floats(0, 90)),
        capacity=draw(st.integers(0, 4)) if host else 1,
    )


@st.composite
def season(draw):
    seekers = [draw(person(index, host=False)) for index in range(draw(st.integers(0, 25)))]
    hosts = [draw(person(1000 + index, host=True)) for index in range(draw(st.integers(0, 15)))]
    pairs = [(seeker.id, host.id) for seeker in seekers for host in hosts]
    excluded = set(draw(st.lists(st.sampled_from(pairs), max_size=10))) if pairs else set()
    return seekers, hosts, excluded


@settings(max_examples=80, deadline=None)
@given(season())
def test_assignment_never_breaks_a_hard_rule_nor_a_capacity(data):
    seekers, hosts, excluded = data
    pairs = engine.assign(seekers, hosts, excluded=excluded)
    assert engine.violations(pairs, seekers, hosts, excluded=excluded) == 0
    by_id = {person.id: person for person in seekers + hosts}
    for pair in pairs:  # the reference rules, one by one, as a person would check them
        seeker, host = by_id[pair.seeker_id], by_id[pair.host_id]
        assert (seeker.id, host.id) not in excluded
        assert seeker.kinds & host.kinds and seeker.slots & host.slots and seeker.languages & host.languages
        assert seeker.needs <= host.offers and host.needs <= seeker.offers  # a wheelchair user gets step-free
        assert engine.pair_distance(seeker, host) <= min(seeker.travel_km, host.travel_km)
    for host in hosts:
        assert sum(pair.host_id == host.id for pair in pairs) <= host.capacity


@settings(max_examples=80, deadline=None)
@given(season())
def test_nobody_is_left_waiting_beside_a_free_seat_that_fits(data):
    seekers, hosts, excluded = data
    pairs = engine.assign(seekers, hosts, excluded=excluded)
    paired = {pair.seeker_id for pair in pairs}
    used = {host.id: sum(pair.host_id == host.id for pair in pairs) for host in hosts}
    for seeker in seekers:
        if seeker.id in paired:
            continue
        free = [host for host in hosts if used[host.id] < host.capacity]
        assert not any(engine.pair_allowed(seeker, host, excluded=excluded) for host in free)
    assert len(pairs) >= len(engine.assign_greedy(seekers, hosts, excluded=excluded))


@settings(max_examples=60, deadline=None)
@given(season())
def test_the_vectorised_rules_agree_with_the_reference_pair_by_pair(data):
    seekers, hosts, excluded = data
    if not seekers or not hosts:
        return
    table = engine.Table.of(seekers)
    allowed, score = engine._matrices(table, engine.Table.of(hosts, vocabulary=table.vocabulary), excluded)
    expected = np.array([[engine.pair_allowed(s, h, excluded=excluded) for h in hosts] for s in seekers])
    assert (allowed == expected).all()
    for row, column in zip(*np.nonzero(expected), strict=True):
        assert abs(score[row, column] - engine.pair_score(seekers[row], hosts[column])) < 1e-6


@settings(max_examples=60, deadline=None)
@given(season())
def test_a_suggestion_list_holds_only_allowed_pairs_best_first(data):
    seekers, hosts, excluded = data
    for seeker in seekers[:3]:
        suggestions = engine.suggestions_for(seeker, hosts, is_host=False, excluded=excluded)
        by_id = {host.id: host for host in hosts}
        assert all(engine.pair_allowed(seeker, by_id[pair.host_id], excluded=excluded) for pair in suggestions)
        assert [pair.score for pair in suggestions] == sorted((pair.score for pair in suggestions), reverse=True)
        allowed = sum(engine.pair_allowed(seeker, host, excluded=excluded) for host in hosts)
        assert len(suggestions) == min(10, allowed)


def test_a_wheelchair_user_is_only_offered_a_step_free_place():
    base = {"latitude": 50.94, "longitude": 6.96, "travel_km": 10, "kinds": frozenset({"meal"}),
            "slots": frozenset({"2026-12-24-evening"}), "languages": frozenset({"ar", "de"})}
    seeker = engine.Person(id=1, needs=frozenset({"step_free"}), **base)
    stairs = engine.Person(id=2, capacity=3, **base)
    step_free = engine.Person(id=3, offers=frozenset({"step_free"}), **{**base, "latitude": 50.99})
    pairs = engine.assign([seeker], [stairs, step_free])
    assert [(pair.seeker_id, pair.host_id) for pair in pairs] == [(1, 3)]
    assert dict(pairs[0].reasons)["need"] == "step_free" and dict(pairs[0].reasons)["km"] == 6
