# shellcheck shell=bash
# lib.sh — helpers shared by the scripts in scripts/. Source it, don't run it:
#
#   . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Sections: logging and timing; pid files (kitsu-up.sh, kitsu-down.sh);
# the project's virtualenv and the local Kitsu for clients (test.sh, demo.sh).

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KITSU_LOG_DIR="${KITSU_LOG_DIR:-/tmp/kitsu-logs}"   # logs, pid files, kitsu.env

# ------------------------------------------------------- logging and timing
LOG_TAG="${LOG_TAG:-$(basename "$0" .sh)}"

log()  { printf '[%s] %s\n' "$LOG_TAG" "$*"; }
warn() { printf '[%s] WARNING: %s\n' "$LOG_TAG" "$*" >&2; }
die()  { printf '[%s] ERROR: %s\n' "$LOG_TAG" "$*" >&2; exit 1; }

# show_tail FILE [LINES]: the end of a log file, on stderr, for a failure report
show_tail() {
  local file="$1" lines="${2:-30}"
  if [ -s "$file" ]; then
    printf -- '--- last %s lines of %s\n' "$lines" "$file" >&2
    tail -n "$lines" "$file" >&2
    printf -- '---\n' >&2
  else
    printf -- '--- %s: empty or missing\n' "$file" >&2
  fi
}

# seconds_since T0: wall time since T0 (an $EPOCHREALTIME value), "12.3"
seconds_since() {
  awk -v a="$1" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }'
}

# Phases: `phase NAME` closes the running phase (if any) and opens NAME;
# `phase_end [NOTE]` closes it; `print_phases` prints one line per phase.
# PHASE_LOG (reset by `phase`) names the log of the running phase, if any,
# for error reports.
PHASE_LINES=()
PHASE_NAME=""
PHASE_T0=""
PHASE_LOG=""
phase() {
  phase_end ""
  PHASE_NAME="$1"
  # shellcheck disable=SC2034  # read by kitsu-up.sh's error handler
  PHASE_LOG=""
  PHASE_T0=$EPOCHREALTIME
  log "== $PHASE_NAME"
}
phase_end() {
  [ -n "$PHASE_NAME" ] || return 0
  PHASE_LINES+=("$(printf '%-30s %6ss  %s' "$PHASE_NAME" "$(seconds_since "$PHASE_T0")" "${1:-}")")
  PHASE_NAME=""
}
print_phases() {
  local line
  for line in "${PHASE_LINES[@]}"; do printf '  %s\n' "$line"; done
}

# --------------------------------------------------------------- pid files
# live_pid PIDFILE PATTERN: print the pid in PIDFILE if that process is alive
# and its command line contains PATTERN (a recycled pid is not ours).
live_pid() {
  local pidfile="$1" pattern="$2" pid
  [ -s "$pidfile" ] || return 1
  pid=$(<"$pidfile")
  [[ "$pid" =~ ^[0-9]+$ ]] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern" || return 1
  printf '%s\n' "$pid"
}

# stop_pidfile NAME PIDFILE PATTERN: stop the process named by PIDFILE (only
# if live_pid accepts it): TERM, up to 15 s for a graceful exit, then KILL it
# and whatever children it still had. Removes the pid file.
stop_pidfile() {
  local name="$1" pidfile="$2" pattern="$3" pid kids kid
  if ! pid=$(live_pid "$pidfile" "$pattern"); then
    if [ -e "$pidfile" ]; then
      log "$name: not running (stale pid file removed)"
      rm -f "$pidfile"
    else
      log "$name: not running"
    fi
    return 0
  fi
  kids=$(pgrep -P "$pid" || true)
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name: pid $pid still alive after 15 s, sending KILL"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  for kid in $kids; do
    kill -KILL "$kid" 2>/dev/null || true
  done
  rm -f "$pidfile"
  log "$name: stopped (pid $pid)"
}

# take_lock: serialise kitsu-up.sh / kitsu-down.sh runs on fd 9. Commands
# that leave a daemon behind must be started with `9>&-`, or the daemon
# would hold the lock for ever.
take_lock() {
  exec 9>>"$KITSU_LOG_DIR/kitsu.lock"
  if ! flock -n 9; then
    log "another kitsu-up/kitsu-down is running, waiting for it (up to 15 min)"
    flock -w 900 9 || die "timed out waiting for $KITSU_LOG_DIR/kitsu.lock"
  fi
}

# ------------------------------------------------- project venv, local Kitsu
VENV="$REPO_ROOT/.venv"
VENV_EXTRAS="test"

# pick_python: the first python3 on PATH that is 3.10 or newer
pick_python() {
  local py
  for py in python3 python3.13 python3.12 python3.11 python3.10; do
    if command -v "$py" >/dev/null 2>&1 &&
       "$py" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
      command -v "$py"
      return 0
    fi
  done
  return 1
}

# ensure_venv: .venv with the project installed (editable, extras "test").
# The install is skipped while pyproject.toml is unchanged since the last one
# that succeeded (its hash is kept in .venv/.install-stamp).
ensure_venv() {
  local pyproject="$REPO_ROOT/pyproject.toml" stamp="$VENV/.install-stamp"
  local install_log="$VENV/install.log" python want
  [ -f "$pyproject" ] || die "$pyproject not found"
  if ! "$VENV/bin/python" -c 'import sys; sys.exit(sys.version_info < (3, 10))' 2>/dev/null; then
    python=$(pick_python) || die "no python3 >= 3.10 on PATH"
    log "creating $VENV with $python ($("$python" --version 2>&1))"
    "$python" -m venv --clear "$VENV"
  fi
  want="$(sha256sum "$pyproject" | cut -d' ' -f1) extras=$VENV_EXTRAS"
  if [ -f "$stamp" ] && [ "$(<"$stamp")" = "$want" ]; then
    log "project venv up to date ($VENV)"
    return 0
  fi
  log "pip install -e '.[$VENV_EXTRAS]' into $VENV (log: $install_log)"
  rm -f "$stamp"
  if ! (cd "$REPO_ROOT" && "$VENV/bin/python" -m pip install --quiet --no-input \
          --disable-pip-version-check -e ".[$VENV_EXTRAS]") >"$install_log" 2>&1; then
    show_tail "$install_log" 40
    die "pip install of the project failed"
  fi
  printf '%s\n' "$want" >"$stamp"
}

# kitsu_up: run scripts/kitsu-up.sh (output to $KITSU_LOG_DIR/kitsu-up.log,
# its tail shown if it fails), then export the client settings it wrote
# (KITSU_API_URL, KITSU_EVENTS_URL, KITSU_ADMIN_EMAIL, KITSU_ADMIN_PASSWORD).
kitsu_up() {
  local up_log="$KITSU_LOG_DIR/kitsu-up.log" t0=$EPOCHREALTIME
  mkdir -p "$KITSU_LOG_DIR"
  if ! bash "$REPO_ROOT/scripts/kitsu-up.sh" </dev/null >"$up_log" 2>&1; then
    show_tail "$up_log" 40
    die "kitsu-up.sh failed after $(seconds_since "$t0") s (full log: $up_log)"
  fi
  log "kitsu-up.sh: Kitsu is up ($(seconds_since "$t0") s; log: $up_log)"
  [ -r "$KITSU_LOG_DIR/kitsu.env" ] || die "$KITSU_LOG_DIR/kitsu.env is missing or unreadable"
  set -a
  # shellcheck source=/dev/null
  . "$KITSU_LOG_DIR/kitsu.env"
  set +a
  log "server: $KITSU_API_URL (events: $KITSU_EVENTS_URL), admin $KITSU_ADMIN_EMAIL"
}

# prepare: what both README commands do first, each step timed: the project
# venv (never prompting), then a running local Kitsu with its settings exported.
prepare() {
  export PIP_NO_INPUT=1
  phase "venv"
  ensure_venv
  phase_end ok
  phase "kitsu-up"
  kitsu_up
  phase_end ok
}
