#!/usr/bin/env bash
# demo.sh — the main job: the project venv (.venv), a real Kitsu on 127.0.0.1
# (scripts/kitsu-up.sh), then a guided tour of the SDK against it
# (python -m kitsu_models.tour, which reads KITSU_API_URL, KITSU_ADMIN_EMAIL
# and KITSU_ADMIN_PASSWORD from the environment).
#
#   bash scripts/demo.sh [TOUR ARGUMENTS...]
#
# Needs root (kitsu-up.sh installs and starts the server).
set -Eeuo pipefail

LOG_TAG=demo
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$REPO_ROOT"

prepare
print_phases

log "python -m kitsu_models.tour $*"
exec .venv/bin/python -m kitsu_models.tour "$@"
