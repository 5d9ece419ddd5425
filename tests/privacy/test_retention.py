"""Retention: tipsters' contact data and words go TIPS_RETENTION_DAYS after the tip arrived; staff see it run."""

from datetime import timedelta

import pytest
from django.core.checks import run_checks
from django.core.management import call_command
from django.utils import timezone

from portal.celery import app
from tips.models import Tip

CONTACT = {"name": "Erika Mustermann", "email": "erika@example.org", "phone": "+49 170 1234567",
           "employer": "Bäckerei Mustermann", "town": "Musterstraße 5, Köln", "latitude": 50.93751,
           "longitude": 6.96032}


def _tip(partner, *, days_old: int, **fields) -> Tip:
    tip = Tip.objects.create(appeal=partner.appeal, partner=partner, kind="job", message="Ruf mich an, 0170 …",
                             public_text="Eine Bäckerei sucht Azubis.", published=True, **CONTACT, **fields)
    Tip.objects.filter(pk=tip.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return tip


@pytest.mark.django_db
def test_contact_data_and_words_go_after_the_retention_period(partner_a, settings):
    settings.TIPS_RETENTION_DAYS = 180
    old, recent = _tip(partner_a, days_old=181), _tip(partner_a, days_old=179)

    call_command("apply_retention")

    old.refresh_from_db()
    assert (old.name, old.email, old.phone, old.employer, old.message, old.town) == ("",) * 6
    assert (old.latitude, old.longitude) == (50.94, 6.96)  # the public map's precision, nothing finer
    assert old.public_text and old.published and old.anonymised_at
    recent.refresh_from_db()
    assert (recent.name, recent.email, recent.message) == (CONTACT["name"], CONTACT["email"], "Ruf mich an, 0170 …")


@pytest.mark.django_db
def test_the_dashboard_shows_staff_what_ran_and_what_is_due(client, partner_a, staff, editor_a, settings):
    settings.TIPS_RETENTION_DAYS = 180
    _tip(partner_a, days_old=200)
    _tip(partner_a, days_old=200)
    _tip(partner_a, days_old=170)  # due within 30 days
    _tip(partner_a, days_old=10)
    call_command("apply_retention")

    client.force_login(staff)
    body = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "2 records anonymised" in body
    assert 'data-retention-due-soon>1<' in body.replace(" ", "").replace("\n", "")
    client.force_login(editor_a)
    assert "privacy-retention" not in client.get("/admin/").content.decode()


def test_the_nightly_job_is_scheduled_and_known_to_the_worker(settings):
    app.loader.import_default_modules()
    entry = next(entry for entry in settings.CELERY_BEAT_SCHEDULE.values()
                 if entry["task"] == "privacy.tasks.retention_task")
    assert entry["task"] in app.tasks


def test_backups_kept_longer_than_the_retention_period_are_flagged(settings):
    settings.TIPS_RETENTION_DAYS = 180
    settings.BACKUP_KEEP_MONTHLY = 12
    assert "privacy.W001" in {message.id for message in run_checks()}
    settings.BACKUP_KEEP_MONTHLY = 5
    assert "privacy.W001" not in {message.id for message in run_checks()}
