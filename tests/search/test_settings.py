"""The search backends the environment selects (settings/base.py, search section)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_BACKENDS = "import json, settings.base as s; print(json.dumps(s.WAGTAILSEARCH_BACKENDS))"


def backends_for(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("SEARCH_") and k != "DATABASE_URL"}
    result = subprocess.run(  # noqa: S603 - our own interpreter and settings module
        [sys.executable, "-c", PRINT_BACKENDS],
        env={**environment, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    return result


def test_default_is_the_database_backend():
    result = backends_for()
    assert json.loads(result.stdout) == {"default": {"BACKEND": "search.database"}}


def test_postgresql_uses_the_spanish_unaccent_configuration():
    result = backends_for(DATABASE_URL="postgres://cms:cms@127.0.0.1:5432/anything")
    assert json.loads(result.stdout)["default"]["SEARCH_CONFIG"] == "spanish_unaccent"


def test_elasticsearch_with_the_database_as_fallback():
    engine = "elasticsearch8"
    result = backends_for(SEARCH_BACKEND=engine, SEARCH_URL="http://search-1:9200,http://search-2:9200")
    backends = json.loads(result.stdout)
    default = backends["default"]
    assert default["BACKEND"] == "search.backends"
    assert default["ENGINE"] == f"wagtail.search.backends.{engine}"
    assert default["URLS"] == ["http://search-1:9200", "http://search-2:9200"]
    assert default["FALLBACK"] == "database"
    assert default["OPTIONS"] == {"max_retries": 1, "retry_on_timeout": False}
    assert default["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]["tokenizer"] == "standard"
    assert backends["database"] == {"BACKEND": "search.database"}


@pytest.mark.parametrize("backend", ["solr", "opensearch2", "elasticsearch9"])
def test_an_unsupported_backend_is_refused(backend):
    result = backends_for(SEARCH_BACKEND=backend)
    assert result.returncode != 0
    assert "SEARCH_BACKEND must be one of: database, elasticsearch8." in result.stderr
