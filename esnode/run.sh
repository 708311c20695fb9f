#!/usr/bin/env bash
# Usage: run.sh start|stop|status|wait
# Runs a single-node Elasticsearch 8.19.21 from Maven Central jars on 127.0.0.1 (esnode/README.md).
# Env: ELASTICSEARCH_PORT (HTTP, default 9200), ELASTICSEARCH_TRANSPORT_PORT (default 9300),
# ELASTICSEARCH_DATA (default ./var/elasticsearch, relative to the caller's cwd),
# ELASTICSEARCH_JAVA_OPTS (default "-Xms512m -Xmx512m"), ELASTICSEARCH_START_TIMEOUT (120 s).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${ELASTICSEARCH_PORT:-9200}"
TRANSPORT_PORT="${ELASTICSEARCH_TRANSPORT_PORT:-9300}"
DATA="${ELASTICSEARCH_DATA:-var/elasticsearch}"
case "$DATA" in /*) ;; *) DATA="${PWD%/}/$DATA" ;; esac
PIDFILE="$DATA/elasticsearch.pid"
LOGFILE="$DATA/elasticsearch.log"
URL="http://127.0.0.1:$PORT"
TIMEOUT="${ELASTICSEARCH_START_TIMEOUT:-120}"
MAIN=cms.esnode.ElasticsearchLauncher

running() {  # true if the pid file names a live launcher process
  [[ -f "$PIDFILE" ]] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$MAIN"
}

answers() { curl -sf -m 5 "$URL/" >/dev/null; }
healthy() { curl -sf -m 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null; }

build() {
  cd "$HERE"
  if [[ ! -d lib ]]; then  # resolve jars once; later starts never call Maven
    echo "resolving jars into $HERE/lib ..."
    rm -rf lib.tmp
    mvn -B -q dependency:copy-dependencies -DoutputDirectory=lib.tmp
    mv lib.tmp lib
  fi
  local sources; sources="$(find src/main/java -name '*.java')"
  if [[ ! -f classes/.built ]] || [[ -n "$(find src/main/java -name '*.java' -newer classes/.built)" ]]; then
    echo "compiling the launcher and its plugins ..."
    rm -rf classes && mkdir -p classes
    # shellcheck disable=SC2086
    javac -d classes -cp 'lib/*' $sources
    touch classes/.built
  fi
  cd - >/dev/null
}

wait_ready() {
  local deadline=$((SECONDS + TIMEOUT))
  until answers && healthy; do
    if [[ -f "$PIDFILE" ]] && ! running; then
      echo "Elasticsearch process exited; last log lines ($LOGFILE):" >&2
      tail -n 30 "$LOGFILE" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      echo "Elasticsearch not ready on $URL after ${TIMEOUT}s; last log lines ($LOGFILE):" >&2
      tail -n 30 "$LOGFILE" >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "Elasticsearch ready on $URL"
}

start() {
  if running; then
    echo "already running (pid $(cat "$PIDFILE")) on $URL"
    wait_ready
    return
  fi
  if curl -s -m 2 -o /dev/null "$URL/"; then
    echo "port $PORT already answers but is not ours ($PIDFILE); refusing to start" >&2
    return 1
  fi
  build
  mkdir -p "$DATA"
  # shellcheck disable=SC2086
  ELASTICSEARCH_DATA="$DATA" ELASTICSEARCH_PORT="$PORT" ELASTICSEARCH_TRANSPORT_PORT="$TRANSPORT_PORT" nohup java \
    ${ELASTICSEARCH_JAVA_OPTS:--Xms512m -Xmx512m} \
    -Dlog4j.configurationFile="$HERE/log4j2.properties" \
    -cp "$HERE/classes:$HERE/lib/*" "$MAIN" \
    >>"$LOGFILE" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  echo "started pid $! (HTTP $PORT, transport $TRANSPORT_PORT, data $DATA, log $LOGFILE)"
  wait_ready
}

stop() {
  if ! running; then
    echo "not running"
    rm -f "$PIDFILE"
    return
  fi
  local pid; pid="$(cat "$PIDFILE")"
  kill -TERM "$pid"
  for _ in $(seq 60); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PIDFILE"; echo "stopped (pid $pid)"; return; }
    sleep 0.5
  done
  echo "pid $pid did not exit after 30s; sending KILL" >&2
  kill -KILL "$pid" 2>/dev/null || true
  rm -f "$PIDFILE"
}

status() {
  if running; then
    echo "running (pid $(cat "$PIDFILE")) on $URL"
    curl -sf -m 5 "$URL/_cluster/health?pretty" || { echo "no HTTP answer yet"; return 1; }
  else
    echo "not running"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  wait) wait_ready ;;
  *) echo "usage: $0 start|stop|status|wait" >&2; exit 2 ;;
esac
