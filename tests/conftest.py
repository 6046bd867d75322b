"""Fixtures shared by every test directory.

* Local sockets, for tests that need a real network failure without the
  Kitsu server: ``closed_port_url`` (nothing listens), ``stalled_server``
  (accepts connections and never answers) and ``plain_http_server`` (an HTTP
  server that is not Kitsu).
* ``kitsu_server``: the local Kitsu the integration tests run against. Its
  settings come from the environment (``KITSU_API_URL``, ``KITSU_EVENTS_URL``,
  ``KITSU_ADMIN_EMAIL``, ``KITSU_ADMIN_PASSWORD``), each missing one from the
  file ``scripts/kitsu-up.sh`` writes (``$KITSU_ENV_FILE``, by default
  ``$KITSU_LOG_DIR/kitsu.env`` = ``/tmp/kitsu-logs/kitsu.env``). When the
  server does not answer, ``bash scripts/kitsu-up.sh`` is run once (another
  script with ``KITSU_UP_SCRIPT=path``, none with ``KITSU_UP_SCRIPT=``); if it
  is still unreachable the tests that need it are skipped, or fail when
  ``KITSU_REQUIRE_SERVER=1`` or ``CI=true``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import requests

from kitsu_models.credentials import Secret

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_UP_SCRIPT = REPO_ROOT / "scripts" / "kitsu-up.sh"
UP_SCRIPT_TIMEOUT = 15 * 60  # a first run installs packages
ENV_KEYS = ("KITSU_API_URL", "KITSU_EVENTS_URL", "KITSU_ADMIN_EMAIL", "KITSU_ADMIN_PASSWORD")


# ------------------------------------------------------------ local sockets
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.fixture
def closed_port_url() -> str:
    """An http URL on 127.0.0.1 where nothing listens (connection refused)."""
    return f"http://127.0.0.1:{_free_port()}"


@dataclass
class StalledConnection:
    accepted_at: float
    closed_at: float | None = None
    received: bytes = b""


class StalledServer:
    """Accepts every connection, reads what comes, and never answers.

    ``connections`` records when each was accepted and when the client gave
    up (closed it), so a test can bound each attempt. With ``prelude`` set,
    that is sent once a request arrived (e.g. the headers and the start of a
    body), and then nothing more: a server that stalls mid-answer.
    """

    prelude: bytes = b""

    def __init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.connections: list[StalledConnection] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._accept_loop, daemon=True)]
        self._threads[0].start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            record = StalledConnection(time.monotonic())
            with self._lock:
                self.connections.append(record)
            thread = threading.Thread(target=self._hold, args=(conn, record), daemon=True)
            self._threads.append(thread)
            thread.start()

    def _hold(self, conn: socket.socket, record: StalledConnection) -> None:
        conn.settimeout(0.05)
        with conn:
            while not self._stop.is_set():
                try:
                    data = conn.recv(65536)
                except (TimeoutError, socket.timeout):
                    continue
                except OSError:
                    break
                if not data:  # the client closed its end
                    break
                if not record.received and self.prelude:
                    conn.sendall(self.prelude)
                record.received += data
        record.closed_at = time.monotonic()

    def wait_closed(self, count: int, seconds: float = 2.0) -> list[StalledConnection]:
        """The connections once ``count`` of them were closed by the client."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self._lock:
                done = [c for c in self.connections if c.closed_at is not None]
            if len(done) >= count:
                break
            time.sleep(0.01)
        with self._lock:
            return list(self.connections)

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        for thread in self._threads:
            thread.join(timeout=2)


@pytest.fixture
def stalled_server() -> Iterator[StalledServer]:
    """A local TCP server that accepts connections and never answers."""
    server = StalledServer()
    yield server
    server.close()


class _PlainHandler(BaseHTTPRequestHandler):
    """A web server that is not Kitsu: an HTML page at ``/``, 404 elsewhere."""

    def _answer(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        if self.path == "/":
            self._answer(200, b"<!doctype html><title>Welcome</title><p>It works!</p>")
        else:
            self._answer(404, b"<!doctype html><title>404</title><p>Not Found</p>")

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self._answer(404, b"<!doctype html><title>404</title><p>Not Found</p>")

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep the test output clean


@pytest.fixture
def plain_http_server() -> Iterator[str]:
    """The URL of a local HTTP server that is not Kitsu."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _PlainHandler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join(timeout=2)


# -------------------------------------------------------- the Kitsu server
@dataclass(frozen=True)
class KitsuServer:
    """Where the local Kitsu is, and its admin account."""

    api_url: str
    events_url: str
    admin_email: str
    admin_password: Secret = field(repr=False)


def env_file() -> Path:
    """The settings file written by scripts/kitsu-up.sh."""
    explicit = os.environ.get("KITSU_ENV_FILE")
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("KITSU_LOG_DIR", "/tmp/kitsu-logs")) / "kitsu.env"


def _read_env_file(path: Path) -> dict[str, str]:
    values: dict[str, str] = {}
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return values
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.removeprefix("export ").partition("=")
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key.strip()] = value
    return values


def read_settings() -> dict[str, str]:
    """KITSU_* settings: the environment first, then the env file."""
    from_file = _read_env_file(env_file())
    return {key: os.environ.get(key) or from_file.get(key, "") for key in ENV_KEYS}


def server_answers(api_url: str) -> bool:
    """True when ``api_url`` answers like a Zou API root."""
    if not api_url:
        return False
    try:
        response = requests.get(api_url.rstrip("/") + "/", timeout=(2, 5))
        return response.status_code == 200 and response.json().get("api") == "Zou"
    except (requests.RequestException, ValueError, AttributeError):
        return False


def wait_for_server(api_url: str, seconds: float) -> bool:
    """Poll until the API answers (it may be restarting) or ``seconds`` pass."""
    deadline = time.monotonic() + seconds
    while True:
        if server_answers(api_url):
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.5)


def server_required() -> bool:
    """When the server must be there: integration tests fail, never skip."""
    return os.environ.get("KITSU_REQUIRE_SERVER") == "1" or os.environ.get("CI", "").lower() == "true"


def up_script() -> Path | None:
    """The script that brings the server up: ``$KITSU_UP_SCRIPT`` if set
    (empty: none, never start a server), else scripts/kitsu-up.sh."""
    explicit = os.environ.get("KITSU_UP_SCRIPT")
    if explicit is not None:
        return Path(explicit) if explicit else None
    return DEFAULT_UP_SCRIPT


def _run_up_script(script: Path) -> tuple[bool, str]:
    """Run the up script: did it succeed, and what to tell if the server
    stays down."""
    try:
        done = subprocess.run(
            ["bash", str(script)],
            cwd=REPO_ROOT,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=UP_SCRIPT_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return False, f"running {script} failed: {exc}"
    tail = "\n".join((done.stdout + done.stderr).splitlines()[-30:])
    return done.returncode == 0, f"{script} exited with {done.returncode}; its last lines:\n{tail}"


@pytest.fixture(scope="session")
def kitsu_server() -> KitsuServer:
    """The local Kitsu server, brought up if needed (see the module doc)."""
    settings = read_settings()
    api_url = settings["KITSU_API_URL"]
    # Up, or restarting for a few seconds (scripts/kitsu-up.sh --restart).
    up = server_answers(api_url) or (env_file().exists() and wait_for_server(api_url, 10))
    detail = f"KITSU_API_URL={api_url or '(unset)'}, settings file {env_file()}"
    if not up:
        script = up_script()
        if script is not None and script.exists():
            succeeded, report = _run_up_script(script)
            detail += "\n" + report
            settings = read_settings()  # the script (re)writes the env file
            api_url = settings["KITSU_API_URL"]
            up = wait_for_server(api_url, 30 if succeeded else 1)
        else:
            detail += f"\nno script to start it ({script or 'KITSU_UP_SCRIPT is empty'})"
    missing = [key for key in ENV_KEYS if not settings[key]]
    if not up or missing:
        why = f"Kitsu server unreachable ({detail})" if not up else f"Kitsu settings missing: {', '.join(missing)}"
        if server_required():
            pytest.fail(f"{why}\n(KITSU_REQUIRE_SERVER=1 or CI=true: integration tests must not be skipped)", pytrace=False)
        pytest.skip(why)
    return KitsuServer(
        api_url=api_url,
        events_url=settings["KITSU_EVENTS_URL"],
        admin_email=settings["KITSU_ADMIN_EMAIL"],
        admin_password=Secret(settings["KITSU_ADMIN_PASSWORD"]),
    )
