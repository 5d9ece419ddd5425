"""The demo path of `make run`: SQLite, no services, demo content, a home page that renders."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, env):
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300)


def test_demo_runs_on_sqlite_without_services_and_twice_changes_nothing(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.dev", "NAHBAR_VAR_DIR": str(tmp_path)}
    for name in ("DATABASE_URL", "REDIS_URL"):
        env.pop(name, None)
    assert _manage("migrate", "--noinput", env=env).returncode == 0
    first = _manage("load_demo", env=env)
    assert first.returncode == 0, first.stderr
    assert "staff" in first.stdout
    count = "from wagtail.models import Page; print(Page.objects.live().count())"
    pages_after_first = _manage("shell", "-c", count, env=env).stdout.split()[-1]

    assert _manage("load_demo", env=env).returncode == 0
    assert _manage("shell", "-c", count, env=env).stdout.split()[-1] == pages_after_first

    render = ("from django.test import Client; r = Client().get('/de/'); "
              "print(r.status_code, 'Nahbar' in r.content.decode())")
    assert _manage("shell", "-c", render, env=env).stdout.split()[-2:] == ["200", "True"]


@pytest.mark.django_db
def test_load_demo_builds_the_campaign_on_postgresql():
    from appeals.models import AppealPage
    from partners.models import PartnerPage
    from tandems.models import TandemPage

    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    assert PartnerPage.objects.live().count() >= 3
    assert TandemPage.objects.live().count() >= 8
    assert AppealPage.objects.live().count() >= 12
    assert len(set(AppealPage.objects.values_list("town", flat=True))) >= 4


def test_load_demo_refuses_production_settings(settings):
    settings.NAHBAR_DEMO_ALLOWED = False

    with pytest.raises(CommandError, match="production"):
        call_command("load_demo")
