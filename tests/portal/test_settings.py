"""Production settings: refuse to start without a secret, and pass Django's deployment check."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "a-long-random-production-secret-with-enough-entropy-4f9a8c7d6e5b",
    "ALLOWED_HOSTS": "nahbar.example.org",
    "BASE_URL": "https://nahbar.example.org",
}


def _run(*args, extra_env):
    # A clean environment as an operator has it: none of the test harness's variables.
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**env, **extra_env},
                          capture_output=True, text=True, timeout=120)


def test_production_check_deploy_is_clean():
    result = _run("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {key: value for key, value in PRODUCTION.items() if key != "SECRET_KEY"}

    result = _run("check", extra_env=env)

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
