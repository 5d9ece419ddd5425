"""Redis stopped or frozen (SIGSTOP) while visitors read pages and post tips: slower, never an error.

Wagtail reads the cache on every page link, the footer and map feeds are cached and the rate limit counts in
it; a tip's e-mail is queued through it. Before, a stopped Redis answered 500 on every public page and a
frozen one hung tip posts until gunicorn killed them after 30 s.
"""

import threading

import pytest
from django.urls import reverse
from django.utils import translation

from tests.faults.stack import Visitors, deliver_due_until, report, sink_delivered
from tips.models import Tip

TIPS = 20
# Seconds: a hang detector, not a speed goal (the figures are printed). gunicorn kills a request after 30 s;
# on a 2-core machine shared with other work, ordinary answers under load reach several seconds.
HANG = 15


def public_paths(appeal) -> list[str]:
    with translation.override("de"):
        tip_form = reverse("tips:appeal", args=[appeal.pk])
    paths = ["/de/", "/en/", "/ar/", appeal.url, tip_form, "/de/tips/map/", "/en/tips/map/", "/ar/tips/offer/",
             "/de/search/?q=Appeal", "/ar/search/?q=Appeal", "/api/map/appeals.geojson"]
    return paths


@pytest.mark.parametrize("fault", ["stopped", "frozen"])
def test_redis_fault_costs_no_page_and_no_tip(fault, gunicorn, redis_server, smtp_sink, partner_a):
    paths = public_paths(partner_a.appeal)
    warm = Visitors(gunicorn.url)
    warm.read(paths)
    assert not warm.tally.server_errors(), warm.tally.answers  # all fine while Redis is up

    break_redis = redis_server.stop if fault == "stopped" else redis_server.freeze
    mend_redis = redis_server.start if fault == "stopped" else redis_server.thaw
    visitors = Visitors(gunicorn.url)
    break_redis()
    try:
        readers = [threading.Thread(target=visitors.read, args=(paths * 2,)) for _ in range(3)]
        for reader in readers:
            reader.start()
        visitors.give_tips(paths[4], TIPS, prefix=f"Redis {fault}")
        for reader in readers:
            reader.join()
    finally:
        mend_redis()

    stored = Tip.objects.filter(message__startswith=f"Redis {fault}").count()
    assert deliver_due_until(smtp_sink, 2 * TIPS)  # beat's sweep, once Redis is back
    delivered, duplicates = sink_delivered(smtp_sink)
    report(f"Redis {fault} (PostgreSQL, gunicorn)", visitors.tally, stored=stored,
           emailed=f"{delivered}/{2 * TIPS}", duplicates=duplicates)
    assert not visitors.tally.server_errors(), visitors.tally.server_errors()
    assert visitors.tally.posted == stored == TIPS
    assert (delivered, duplicates) == (2 * TIPS, 0)
    assert visitors.tally.worst_wait < HANG
