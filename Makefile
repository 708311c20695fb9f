# Two commands for a fresh machine: `make run` and `make test`. `make help` lists the rest.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= settings.dev

.DEFAULT_GOAL := help
.PHONY: help install migrate run serve worker test lint elasticsearch elasticsearch-stop bench clean backup restore

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

# Elasticsearch 8.19: a real single node from Maven Central jars (esnode/README.md); needs Java 17 and Maven.
# Use it with SEARCH_BACKEND=elasticsearch8 SEARCH_URL=http://127.0.0.1:$(ELASTICSEARCH_PORT), then `manage.py update_index`.
ELASTICSEARCH_PORT ?= 9200
ELASTICSEARCH_TRANSPORT_PORT ?= 9300
ESNODE := ELASTICSEARCH_PORT=$(ELASTICSEARCH_PORT) ELASTICSEARCH_TRANSPORT_PORT=$(ELASTICSEARCH_TRANSPORT_PORT) esnode/run.sh
elasticsearch: ## Start Elasticsearch on 127.0.0.1 (ports ELASTICSEARCH_PORT/_TRANSPORT_PORT; data in var/elasticsearch)
	$(ESNODE) start

elasticsearch-stop: ## Stop the Elasticsearch node started by `make elasticsearch`
	$(ESNODE) stop

# Benchmark (bench/README.md): fresh SQLite and PostgreSQL (BENCH_PG_URL) databases, 1,000 then 20,000 press notes.
bench: install ## Benchmark the API with wrk on SQLite and PostgreSQL; report in bench/results/ and README
	$(BIN)/python -m bench.run --readme $(BENCH_ARGS)

backup: install ## Back up the database and media into var/backups/<time> (BACKUP=dir to choose)
	$(BIN)/python manage.py backup $(BACKUP)

restore: install ## Restore BACKUP=var/backups/<time> (replaces the database and media; stop the app first)
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=var/backups/<time>" && exit 2)
	$(BIN)/python manage.py restore $(BACKUP)

clean: ## Remove the virtualenv and local data
	rm -rf $(VENV) var
