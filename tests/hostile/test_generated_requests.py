"""Generated hostile input against every public form, feed, search, filter and upload endpoint, on PostgreSQL
(the test client) and on SQLite (`runserver` with the development settings, as `make run` serves it).

Every answer is below 500, a refused post stores nothing, and nothing sent comes back as live HTML.
"""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .targets import ClientTarget, sqlite_server

MARK = "<x-hostile"  # if this comes back unescaped in HTML, typed text became markup
PAYLOADS = [
    f"{MARK} onmouseover=alert(1)>", '"><script>alert(1)</script>', "'; DROP TABLE tips_tip; --", '"Köln',
    "\x00", "a\x00b", "\u200b\u200b\u200b", "\u202eevil\u202c", "\ufeff", "%00", "../../etc/passwd", "{{ 7*7 }}",
    "1e999", "nan", "-0", "9" * 40, "٣٤٥", "²", "AND OR NOT NEAR(", "*", "(", "مرحبا" * 50, "🙂" * 100,
    "a" * 64 + "@" + "b" * 250 + ".de", "x" * 5000, " ", "", "\r\n\r\n", "\\", "'", '"',
]
TEXT = st.one_of(st.sampled_from(PAYLOADS), st.text(max_size=80),
                 st.lists(st.sampled_from(PAYLOADS), min_size=2, max_size=4).map("".join))
NUMBERISH = st.one_of(TEXT, st.integers(-(10**30), 10**30).map(str), st.floats().map(str))
EXAMPLES = int(os.environ.get("NAHBAR_HOSTILE_EXAMPLES", "70"))  # per endpoint and database: 11 x 2 x 70
CHECKS = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))


def _check(target, reply, *, stored_before=None, refused=None):
    assert reply.status < 500, f"{reply.status}: {reply.body[:300]}"
    if "html" in reply.content_type:
        assert MARK not in reply.body
    if stored_before is not None and refused:
        assert target.stored() == stored_before, "a refused post stored something"


def _endpoints(target):
    """Each endpoint: a hypothesis test sending one generated request per example."""
    appeal_form = f"/de/tips/appeal/{target.appeal_id}/"
    upload_page = f"/de/upload/{target.upload_token}/"

    @CHECKS
    @given(q=TEXT, language=st.sampled_from(["de", "en", "ar"]))
    def search(q, language):
        _check(target, target.get(f"/{language}/search/", {"q": q}))

    @CHECKS
    @given(town=TEXT, category=TEXT, lat=NUMBERISH, lon=NUMBERISH)
    def near_me(town, category, lat, lon):
        _check(target, target.get("/de/tips/map/", {"town": town, "category": category, "lat": lat, "lon": lon}))

    @CHECKS
    @given(bbox=st.one_of(TEXT, st.lists(NUMBERISH, min_size=4, max_size=4).map(",".join)), category=TEXT,
           kind=TEXT, lang=TEXT, feed=st.sampled_from(["appeals", "tips"]))
    def feeds(bbox, category, kind, lang, feed):
        reply = target.get(f"/api/map/{feed}.geojson", {"bbox": bbox, "category": category, "kind": kind,
                                                        "lang": lang})
        _check(target, reply)
        if reply.status == 200:
            json.loads(reply.body)

    @CHECKS
    @given(town=TEXT, category=TEXT, tag=TEXT, page=NUMBERISH)
    def listing(town, category, tag, page):
        _check(target, target.get(target.index_path, {"town": town, "category": category, "tag": tag,
                                                      "page": page}))

    @CHECKS
    @given(appeal=NUMBERISH, via=TEXT, kind=TEXT)
    def tip_urls(appeal, via, kind):
        _check(target, target.get("/de/tips/thanks/", {"appeal": appeal}))
        path = "/de/tips/appeal/" + requests_quote(appeal) + "/"
        _check(target, target.get(path, {"via": via, "kind": kind}))

    @CHECKS
    @given(slug=TEXT, language=st.sampled_from(["de", "en", "ar", "xx"]))
    def pages(slug, language):
        _check(target, target.get(f"/{language}/{requests_quote(slug)}/"))

    def tip_post(path):
        @CHECKS
        @given(message=TEXT, kind=TEXT, employer=TEXT, name=TEXT, email=TEXT, phone=TEXT, town=TEXT,
               lat=NUMBERISH, lon=NUMBERISH, consent=st.sampled_from(["", "on", "\x00"]), via=TEXT)
        def post(message, kind, employer, name, email, phone, town, lat, lon, consent, via):
            data = {**target.form_fields(path), "message": message, "kind": kind, "employer": employer,
                    "name": name, "email": email, "phone": phone, "place_0": town, "place_1": lat, "place_2": lon,
                    "consent": consent, "via": via}
            before = target.stored()
            reply = target.post(path, data)
            _check(target, reply, stored_before=before, refused=reply.status != 302)

        return post

    @CHECKS
    @given(name=TEXT, caption=TEXT, content=st.sampled_from([b"", b"\xff\xd8\xff" + b"0" * 60, b"MZ\x90\x00",
                                                              b"\x89PNG\r\n\x1a\n" + b"\x00" * 60]))
    def upload_form(name, caption, content):
        before = target.stored()
        reply = target.post(upload_page, {**target.form_fields(upload_page), "caption": caption},
                            files=[(name or "x", content)])
        _check(target, reply, stored_before=before, refused=reply.status >= 400)

    @CHECKS
    @given(name=TEXT, caption=TEXT, size=NUMBERISH, raw=st.booleans())
    def upload_announce(name, caption, size, raw):
        body = name if raw else json.dumps({"name": name, "caption": caption, "size": size})
        target.form_fields(upload_page)  # a CSRF cookie, as the page gives the script
        before = target.stored()
        reply = target.post_json(f"{upload_page}files/", body)
        _check(target, reply, stored_before=before, refused=reply.status >= 400)

    return [search, near_me, feeds, listing, tip_urls, pages, tip_post(appeal_form), tip_post("/de/tips/offer/"),
            upload_form, upload_announce]


def requests_quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


def _run_all(target, database: str) -> None:
    for endpoint in _endpoints(target):
        endpoint()
    answers = dict(sorted(target.statuses.items()))
    print(f"\nhostile requests sent on {database}: {target.sent}, answers by status: {answers}")
    assert not any(status >= 500 for status in target.statuses)


@pytest.mark.django_db
def test_generated_requests_on_postgresql(client, partner_a, live_link_for_hostile, settings):
    from appeals.factories import AppealIndexPageFactory

    settings.TIPS_MIN_SECONDS, settings.TIPS_RATE_LIMIT_COUNT = 0, 100_000
    settings.INTAKE_FILES_PER_HOUR = settings.INTAKE_REQUESTS_PER_MINUTE = 100_000
    index = AppealIndexPageFactory()
    target = ClientTarget(client, appeal_id=partner_a.appeal.pk, upload_token=live_link_for_hostile,
                          index_path=index.url)
    _run_all(target, "PostgreSQL")


def test_generated_requests_on_sqlite(tmp_path):
    server, target = sqlite_server(tmp_path)
    try:
        _run_all(target, "SQLite")
    finally:
        server.terminate()
        server.wait(timeout=20)


@pytest.fixture
def live_link_for_hostile(partner_a, settings, tmp_path):
    from core.factories import UserFactory
    from intake.services import link_create

    settings.INTAKE_ROOT = tmp_path / "intake"
    _link, token = link_create(tandem=partner_a.tandem, user=UserFactory(), language="de")
    return token
