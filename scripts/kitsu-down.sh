#!/usr/bin/env bash
# kitsu-down.sh — stop what scripts/kitsu-up.sh started, and nothing else:
# the processes named by its pid files in $KITSU_LOG_DIR (/tmp/kitsu-logs),
# each checked against its expected command line before it is signalled.
#
#   bash scripts/kitsu-down.sh              # API, event stream, and Redis /
#                                           # PostgreSQL if kitsu-up.sh started them
#   bash scripts/kitsu-down.sh --keep-deps  # API and event stream only
#
# Redis and PostgreSQL that were already running when kitsu-up.sh ran (as on
# the project's machines) are left alone. Data (the database, the state dir)
# is kept: kitsu-up.sh brings the same server back.
set -Eeuo pipefail

LOG_TAG=kitsu-down
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KEEP_DEPS=0
for arg in "$@"; do
  case "$arg" in
    --keep-deps) KEEP_DEPS=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (try --help)" ;;
  esac
done

[ "$(id -u)" = 0 ] || die "run as root"
if [ ! -d "$KITSU_LOG_DIR" ]; then
  log "$KITSU_LOG_DIR does not exist: nothing was started"
  exit 0
fi
T_START=$EPOCHREALTIME
take_lock

# both at once: each may take up to its 5 s graceful timeout
stop_pidfile api "$KITSU_LOG_DIR/api.pid" "zou.app:app" &
stop_pidfile events "$KITSU_LOG_DIR/events.pid" "zou.event_stream:app" &
wait
rm -f "$KITSU_LOG_DIR/kitsu.env"   # no server, no client settings

if [ "$KEEP_DEPS" = 1 ]; then
  log "Redis and PostgreSQL left running (--keep-deps)"
else
  # Redis: only if kitsu-up.sh started it (it then wrote redis.pid).
  if [ -e "$KITSU_LOG_DIR/redis.pid" ]; then
    stop_pidfile redis "$KITSU_LOG_DIR/redis.pid" "redis-server"
  else
    log "redis: not started by kitsu-up.sh, left alone"
  fi

  # PostgreSQL: only if kitsu-up.sh started the cluster and its postmaster is
  # still the one it started (postgres.started: version, cluster, pid).
  marker="$KITSU_LOG_DIR/postgres.started"
  if [ -s "$marker" ]; then
    read -r ver cluster pid <"$marker"
    data=$(pg_lsclusters -h 2>/dev/null | awk -v v="$ver" -v c="$cluster" '$1 == v && $2 == c { print $6 }')
    current=$(head -n 1 "$data/postmaster.pid" 2>/dev/null || true)
    if [ -n "$current" ] && [ "$current" = "$pid" ]; then
      pg_ctlcluster --skip-systemctl-redirect "$ver" "$cluster" stop
      log "postgresql $ver/$cluster: stopped (pid $pid)"
    else
      log "postgresql $ver/$cluster: not running as started by kitsu-up.sh (pid $pid), left alone"
    fi
    rm -f "$marker"
  else
    log "postgresql: not started by kitsu-up.sh, left alone"
  fi
fi
log "done in $(seconds_since "$T_START") s"
