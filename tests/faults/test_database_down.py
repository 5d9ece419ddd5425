"""PostgreSQL away for a while (20 s in the issue; NAHBAR_FAULT_DB_SECONDS, 6 s by default here).

While it is away every page answers a friendly 503 in the visitor's language (never a bare 500); a posted tip
comes back in a page that keeps its text and asks to send it again; a visitor who does stores it exactly once.
"""

import os
import threading
import time

import pytest
import requests
from django.db import connection
from django.urls import reverse
from django.utils import translation

from tests.faults.stack import HIDDEN, Visitors, deliver_due_until, report, sink_delivered
from tests.faults.test_redis_faults import HANG, public_paths
from tips.models import Tip

OUTAGE = float(os.environ.get("NAHBAR_FAULT_DB_SECONDS", "6"))
TIPS = 12


def _tip_form(appeal, language: str) -> str:
    with translation.override(language):
        return reverse("tips:appeal", args=[appeal.pk])


def _arabic_tip_during_the_outage(url: str, path: str, opened: threading.Event, halted: threading.Event,
                                  answers: list) -> None:
    """A visitor who opened the Arabic form before the outage and sends it while the database is away."""
    with requests.Session() as session:
        form = session.get(url + path, timeout=30)
        data = {"kind": "job", "message": "المخبز يبحث عن متدرب", "place_0": "", "place_1": "", "place_2": "",
                **dict(HIDDEN.findall(form.text))}
        opened.set()
        halted.wait()
        for _attempt in range(int(OUTAGE) + 30):
            answers.append(session.post(url + path, data=data, headers={"Referer": url + path}, timeout=30,
                                        allow_redirects=False))
            if answers[-1].status_code != 503:
                return
            time.sleep(1)  # "send again in a moment"


@pytest.mark.django_db(transaction=True)
def test_database_away_answers_503_in_the_visitors_language_and_loses_no_tip(gunicorn, postgres_server, smtp_sink,
                                                                              partner_a):
    paths = public_paths(partner_a.appeal)
    tip_form = _tip_form(partner_a.appeal, "de")
    warm, visitors = Visitors(gunicorn.url), Visitors(gunicorn.url)
    warm.read(paths)
    assert not warm.tally.server_errors()  # all fine while the database is there
    opened, halted, arabic = threading.Event(), threading.Event(), []
    workers = [threading.Thread(target=_arabic_tip_during_the_outage, daemon=True,
                                args=(gunicorn.url, _tip_form(partner_a.appeal, "ar"), opened, halted, arabic))]
    workers[0].start()
    assert opened.wait(timeout=60)  # the Arabic visitor has the form open

    connection.close()  # the test's own connection would break with the server
    postgres_server.halt()
    halted.set()
    workers.append(threading.Thread(target=visitors.give_tips, args=(tip_form, TIPS), daemon=True,
                                    kwargs={"prefix": "Database away", "parallel": 4}))
    workers.append(threading.Thread(target=visitors.read, args=(paths,), daemon=True))
    for worker in workers[1:]:
        worker.start()
    time.sleep(OUTAGE)
    postgres_server.resume()
    for worker in workers:
        worker.join(timeout=120)

    stored = Tip.objects.filter(message__startswith="Database away").count()
    arabic_stored = Tip.objects.filter(message="المخبز يبحث عن متدرب").count()
    expected_emails = 2 * TIPS + 1  # each tip's two, and the partner's about the Arabic one (no address given)
    assert deliver_due_until(smtp_sink, expected_emails)
    delivered, duplicates = sink_delivered(smtp_sink)
    report(f"PostgreSQL stopped {OUTAGE:.0f} s (gunicorn)", visitors.tally, posted=visitors.tally.posted + 1,
           stored=stored + arabic_stored, emailed=f"{delivered}/{expected_emails}", duplicates=duplicates)
    assert (delivered, duplicates) == (expected_emails, 0)
    print("Arabic visitor's answers:", [answer.status_code for answer in arabic])
    kept = arabic[0].content.decode()
    assert arabic[0].status_code == 503 and arabic[0].headers["Retry-After"]
    assert 'lang="ar" dir="rtl"' in kept and "المخبز يبحث عن متدرب" in kept  # in Arabic, with the text kept
    assert "إلى المنظمة الشريكة المسؤولة عن هذا النداء" in kept  # and who would receive it, as beside the form
    assert arabic[-1].is_redirect and arabic_stored == 1
    assert visitors.tally.statuses()[503] > 0  # the outage was felt ...
    assert not visitors.tally.server_errors(allowed={503})  # ... as the friendly page, never a 500
    assert visitors.tally.posted == stored == TIPS
    assert visitors.tally.worst_wait < HANG
