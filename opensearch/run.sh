#!/usr/bin/env bash
# Usage: run.sh start|stop|status|wait
# Runs a single-node OpenSearch 2.19.6 from Maven Central jars on 127.0.0.1.
# Env: OPENSEARCH_PORT (default 9200), OPENSEARCH_DATA (default ./var/opensearch, relative
# to the caller's cwd), OPENSEARCH_JAVA_OPTS (default "-Xms512m -Xmx512m").
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${OPENSEARCH_PORT:-9200}"
DATA="${OPENSEARCH_DATA:-var/opensearch}"
case "$DATA" in /*) ;; *) DATA="${PWD%/}/$DATA" ;; esac
PIDFILE="$DATA/opensearch.pid"
LOGFILE="$DATA/opensearch.log"
URL="http://127.0.0.1:$PORT"
TIMEOUT="${OPENSEARCH_START_TIMEOUT:-120}"

running() {  # true if the pid file names a live launcher process
  [[ -f "$PIDFILE" ]] || return 1
  local pid; pid="$(cat "$PIDFILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null \
    && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q cms.search.OpenSearchLauncher
}

healthy() { curl -sf -m 5 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null; }

build() {
  cd "$HERE"
  if [[ ! -d lib ]]; then  # resolve jars once; later starts never call Maven
    echo "resolving jars into $HERE/lib ..."
    rm -rf lib.tmp
    mvn -B -q dependency:copy-dependencies -DoutputDirectory=lib.tmp
    mv lib.tmp lib
  fi
  local src=src/main/java/cms/search/OpenSearchLauncher.java
  local cls=classes/cms/search/OpenSearchLauncher.class
  if [[ ! -f "$cls" || "$src" -nt "$cls" ]]; then
    echo "compiling $src ..."
    mkdir -p classes
    javac -d classes -cp 'lib/*' "$src"
  fi
}

wait_ready() {
  local deadline=$((SECONDS + TIMEOUT))
  until healthy; do
    if [[ -f "$PIDFILE" ]] && ! running; then
      echo "OpenSearch process exited; last log lines ($LOGFILE):" >&2
      tail -n 30 "$LOGFILE" >&2 || true
      return 1
    fi
    if (( SECONDS >= deadline )); then
      echo "OpenSearch not ready on $URL after ${TIMEOUT}s; last log lines ($LOGFILE):" >&2
      tail -n 30 "$LOGFILE" >&2 || true
      return 1
    fi
    sleep 1
  done
  echo "OpenSearch ready on $URL"
}

start() {
  if running; then
    echo "already running (pid $(cat "$PIDFILE")) on $URL"
    wait_ready
    return
  fi
  if healthy; then
    echo "port $PORT already answers but is not ours ($PIDFILE); refusing to start" >&2
    return 1
  fi
  build
  mkdir -p "$DATA"
  # shellcheck disable=SC2086
  OPENSEARCH_DATA="$DATA" OPENSEARCH_PORT="$PORT" nohup java \
    ${OPENSEARCH_JAVA_OPTS:--Xms512m -Xmx512m} \
    -Dlog4j.configurationFile="$HERE/log4j2.properties" \
    -cp "$HERE/classes:$HERE/lib/*" cms.search.OpenSearchLauncher \
    >>"$LOGFILE" 2>&1 </dev/null &
  echo $! >"$PIDFILE"
  echo "started pid $! (data $DATA, log $LOGFILE)"
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
