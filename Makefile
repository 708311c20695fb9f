# Two commands for a fresh machine: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= settings.dev

.DEFAULT_GOAL := help
.PHONY: help install migrate run serve worker test lint opensearch opensearch-stop bench clean

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements.txt
	touch $@

# The admin's own Spanish catalogs (cms/locale), compiled with polib: no GNU gettext needed.
MO_FILES := $(patsubst %.po,%.mo,$(wildcard cms/locale/*/LC_MESSAGES/*.po))
$(MO_FILES): %.mo: %.po $(VENV)/.installed
	$(BIN)/python -m cms.translations

install: $(VENV)/.installed $(MO_FILES) ## Create .venv, install the pinned requirements, compile translations

migrate: install ## Apply migrations and bootstrap the site, groups and workflow
	mkdir -p var
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py bootstrap

run: migrate ## Install, migrate, bootstrap, seed demo content and serve on 127.0.0.1:$(PORT)
	$(BIN)/python manage.py seed_demo --if-empty
	$(BIN)/python manage.py collectstatic --noinput -v0
	@echo "Administración: http://127.0.0.1:$(PORT)/admin/  (cuentas de demostración arriba)"
	@echo "API pública:    http://127.0.0.1:$(PORT)/api/v2/pages/"
	$(BIN)/python manage.py worker & WORKER=$$!; \
	trap 'kill $$WORKER 2>/dev/null' EXIT INT TERM; \
	$(BIN)/gunicorn cms.wsgi:application --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 --access-logfile -

worker: migrate ## Run only the worker: scheduled publishing, background tasks, WORKER_JOBS
	$(BIN)/python manage.py worker

test: install ## Install and run the whole test suite (DATABASE_URL picks the database)
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: install ## ruff, Django's checks and the migrations check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=settings.test $(BIN)/python manage.py makemigrations --check --dry-run

# OpenSearch: a real single node from Maven Central jars (opensearch/README.md); needs Java 17 and Maven.
# Use it with SEARCH_BACKEND=opensearch2 SEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT), then `manage.py update_index`.
OPENSEARCH_PORT ?= 9200
opensearch: ## Start OpenSearch on 127.0.0.1 (port OPENSEARCH_PORT, 9200; data in var/opensearch) and wait for it
	OPENSEARCH_PORT=$(OPENSEARCH_PORT) opensearch/run.sh start
	OPENSEARCH_PORT=$(OPENSEARCH_PORT) opensearch/run.sh wait

opensearch-stop: ## Stop the OpenSearch node started by `make opensearch`
	OPENSEARCH_PORT=$(OPENSEARCH_PORT) opensearch/run.sh stop

# Benchmark (bench/README.md): fresh SQLite and PostgreSQL (BENCH_PG_URL) databases, 1,000 then 20,000 press notes.
bench: install ## Benchmark the API with wrk on SQLite and PostgreSQL; report in bench/results/ and README
	$(BIN)/python -m bench.run --readme $(BENCH_ARGS)

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
