"""Production settings refuse to start when they are insecure, and say why."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "SECRET_KEY": "k" * 50,
    "ALLOWED_HOSTS": "cms.cusco.gob.pe",
    "DATABASE_URL": "sqlite:////tmp/prod-check.db",
    "EMAIL_URL": "smtp://cms:clave@smtp.cusco.gob.pe:587",  # production refuses console email (issue 15)
}


def start_production(**overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "EMAIL_URL"}}
    env.update(GOOD)
    env.update(overrides)
    env = {k: v for k, v in env.items() if v is not None}
    env["DJANGO_SETTINGS_MODULE"] = "settings.production"
    return subprocess.run(  # noqa: S603 - fixed argv, our own interpreter
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_when_configured():
    result = start_production()
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"SECRET_KEY": None}, "SECRET_KEY"),
        ({"SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"ALLOWED_HOSTS": None}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": ""}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"DEBUG": "True"}, "DEBUG"),
    ],
)
def test_production_refuses_insecure_configuration(overrides, named):
    result = start_production(**overrides)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert named in result.stderr.splitlines()[-1]
