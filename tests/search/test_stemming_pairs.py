"""`manage.py stemming_pairs`: the README's singular/plural figures, measured on the selected backends."""

import io
import re

from django.conf import settings
from django.core.management import call_command
from django.db import connection

from search.stemming_pairs import PAIRS


def test_reports_the_database_and_the_engine_when_configured(db):
    output = io.StringIO()
    call_command("stemming_pairs", stdout=output)
    lines = dict(line.split(": ", 1) for line in output.getvalue().splitlines())
    expected = {"postgresql" if connection.vendor == "postgresql" else "sqlite"}
    if settings.SEARCH_BACKEND in settings.SEARCH_ENGINES:
        expected.add(settings.SEARCH_BACKEND)
    assert set(lines) == expected
    for report in lines.values():
        found, total, missed = map(int, re.match(r"(\d+) of (\d+) pairs found; missed (\d+)", report).groups())
        assert total == len(PAIRS) == 68 and found + missed == total
        assert "nota/notas" not in report and "discurso/discursos" not in report  # as test_search.py checks
