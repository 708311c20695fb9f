#!/usr/bin/env bash
# Contract test of the public API: gunicorn serves seeded data on 127.0.0.1 and
# schemathesis checks every documented operation against /api/schema/ (no 5xx, no
# response that breaks the schema). Bounded: a time budget and a hard timeout. No
# stateful phase: the endpoints do not link to each other, and it mostly produced URLs
# past gunicorn's request-line limit (414 from gunicorn itself, before Django).
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${BIN:-.venv/bin}"
PORT="${API_CONTRACT_PORT:-8190}"
BUDGET="${API_CONTRACT_SECONDS:-180}"
WORK="$(mktemp -d)"
export DJANGO_SETTINGS_MODULE=settings.test LOG_LEVEL=WARNING DATABASE_URL="sqlite:///$WORK/db.sqlite3"

"$BIN/python" manage.py migrate --noinput -v0
"$BIN/python" -m tests.api.seed_server 12

"$BIN/gunicorn" cms.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --threads 2 \
  --pid "$WORK/gunicorn.pid" --error-logfile "$WORK/gunicorn.log" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 60); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

timeout $((BUDGET + 120)) "$BIN/schemathesis" run "http://127.0.0.1:$PORT/api/schema/" \
  --url "http://127.0.0.1:$PORT" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance \
  --phases examples,coverage,fuzzing --max-time "$BUDGET" --max-examples 40 --workers 2 --request-timeout 20 \
  --suppress-health-check too_slow
