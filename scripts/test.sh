#!/usr/bin/env bash
# test.sh — run the whole test suite: the project venv (.venv), a real Kitsu
# on 127.0.0.1 (scripts/kitsu-up.sh), then pytest and mypy.
#
#   bash scripts/test.sh                 # everything
#   bash scripts/test.sh -k events -x    # extra arguments go to pytest
#   bash scripts/test.sh -m unit         # one tier: unit, server, slow, packaging
#   bash scripts/test.sh -n 0            # pytest in one process (no workers)
#
# pytest runs in PYTEST_WORKERS pytest-xdist workers (default: auto, one per
# core) with --dist loadgroup: tests spread one by one, those of an
# xdist_group together; what must run once per session (the side-by-side
# gazu runs, the wheels) is shared between the workers (run_once in
# tests/integration/conftest.py), and a test that stops a server of the local
# Kitsu runs while no other test uses it (ServerLock in tests/conftest.py).
#
# Needs root (kitsu-up.sh installs and starts the server). mypy runs even if
# pytest failed; the exit status is non-zero if either failed. With CI=true,
# KITSU_REQUIRE_SERVER=1 is exported: tests that need the server fail, never
# skip, when it is unreachable.
set -Eeuo pipefail

LOG_TAG="test"
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

if [ "${CI:-}" = true ]; then
  export KITSU_REQUIRE_SERVER=1
fi

T_START=$EPOCHREALTIME
OUT_DIR=$(mktemp -d)
trap 'rm -rf "$OUT_DIR"' EXIT

prepare

# run_tool NAME CMD...: run CMD in the foreground, its output also kept to
# pull its closing line for the summary; sets TOOL_RC.
run_tool() {
  local name="$1"
  shift
  TOOL_RC=0
  "$@" 2>&1 | tee "$OUT_DIR/$name.out" || TOOL_RC=${PIPESTATUS[0]}
}
# last_line FILE PATTERN: the last line of FILE matching PATTERN, colours removed
last_line() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -E "$2" | tail -n 1 | sed 's/^=* *//; s/ *=*$//'
}

color=()
[ ! -t 1 ] || color=(--color=yes)   # tee hides the terminal from pytest

workers=(-n "${PYTEST_WORKERS:-auto}" --dist loadgroup)   # arguments given after these win (-n 0)

phase "pytest"
run_tool pytest .venv/bin/python -m pytest "${color[@]}" "${workers[@]}" "$@"
PYTEST_RC=$TOOL_RC
pytest_line=$(last_line "$OUT_DIR/pytest.out" ' in [0-9.]+s' || true)
case "$PYTEST_RC" in
  0) phase_end "passed  ${pytest_line}" ;;
  5) phase_end "FAILED: no tests collected (exit 5)" ;;
  *) phase_end "FAILED (exit $PYTEST_RC)  ${pytest_line}" ;;
esac

phase "mypy"
run_tool mypy .venv/bin/python -m mypy
MYPY_RC=$TOOL_RC
mypy_line=$(last_line "$OUT_DIR/mypy.out" '^(Success|Found [0-9]+ error)' || true)
if [ "$MYPY_RC" = 0 ]; then
  phase_end "passed  ${mypy_line}"
else
  phase_end "FAILED (exit $MYPY_RC)  ${mypy_line}"
fi

echo
log "summary (wall time per phase):"
print_phases
printf '  %-30s %6ss\n' total "$(seconds_since "$T_START")"
if [ "$PYTEST_RC" != 0 ] || [ "$MYPY_RC" != 0 ]; then
  log "FAILED"
  exit 1
fi
log "all passed"
