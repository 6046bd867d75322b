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

import contextlib
import fcntl
import functools
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


# ------------------------------------------------------------- test tiers
#: Directories (under tests/) whose tests are all of the ``unit`` tier.
UNIT_DIRECTORIES = ("unit", "typing")
TESTS_ROOT = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Give each test its tier without it asking: ``unit`` for everything
    under tests/unit and tests/typing, ``server`` for every test that needs
    the real Kitsu (the ``kitsu_server`` fixture, directly or through
    another fixture). ``slow`` and ``packaging`` are written on the tests
    (or their module's ``pytestmark``). A test may carry several."""
    for item in items:
        try:
            top = item.path.resolve().relative_to(TESTS_ROOT).parts[0]
        except ValueError:
            top = ""
        if top in UNIT_DIRECTORIES:
            item.add_marker(pytest.mark.unit)
        if "kitsu_server" in getattr(item, "fixturenames", ()) and item.get_closest_marker("server") is None:
            item.add_marker(pytest.mark.server)


# ----------------------------------------------- one server, several workers
#: When this test run began (seconds since the epoch): set by the first
#: pytest process, inherited by its pytest-xdist workers.
RUN_STARTED = float(os.environ.setdefault("KITSU_TESTS_RUN_STARTED", repr(time.time())))


@functools.cache
def studio_since() -> float:
    """What the local Kitsu held at this time is the studio's; what was made
    since may be another test's, made in another worker and about to be
    deleted. The start of the run, or, if later, the last run of
    scripts/kitsu-up.sh before the first call (the env file is the last
    thing it writes: a server ``kitsu_server`` brought up is seeded by then)."""
    try:
        return max(RUN_STARTED, env_file().stat().st_mtime)
    except OSError:
        return RUN_STARTED


@pytest.fixture
def server_alone() -> None:
    """The local Kitsu to this test alone: no other test (of this run's
    workers or of another run here) uses it meanwhile. For a test that stops
    one of its servers, or that counts what the whole server holds. (The
    lock is taken by ``pytest_runtest_protocol`` below, around the set-up.)"""


class ServerLock:
    """A readers-writer lock on the local Kitsu, shared by every process that
    runs tests against it (the pytest-xdist workers of a run, and other runs
    on this machine): files in the server's log folder, beside the pid files
    the stopping tests read, locked with ``flock`` (released by the system
    if a process dies). A test that uses the server holds it shared; a test
    that asks for ``server_alone`` holds it exclusive, so no other test sees
    the outage it causes or changes what it counts. Writers first: once a writer waits at the gate, no
    new reader passes it, so a stream of short tests cannot starve it."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._gate = folder / "tests-gate.lock"
        self._lock = folder / "tests-server.lock"

    @contextlib.contextmanager
    def hold(self, exclusive: bool) -> Iterator[None]:
        with self._gate.open("a") as gate, self._lock.open("a") as lock:
            fcntl.flock(gate, fcntl.LOCK_EX)
            try:
                fcntl.flock(lock, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
            finally:
                if not exclusive:
                    fcntl.flock(gate, fcntl.LOCK_UN)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
                fcntl.flock(gate, fcntl.LOCK_UN)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Hold the ``ServerLock`` through a test's set-up, call and tear-down
    (module and session fixtures included, set up and torn down there):
    exclusive for a test using ``server_alone`` (directly or through another
    fixture), shared for any other test that needs the server, and for the
    last test of a worker (it tears down the session's server fixtures)."""
    names = set(getattr(item, "fixturenames", ()))
    if "server_alone" in names:
        exclusive = True
    elif "kitsu_server" in names or nextitem is None:
        exclusive = False
    else:
        return (yield)
    folder = Path(os.environ.get("KITSU_LOG_DIR", "/tmp/kitsu-logs"))
    with ServerLock(folder).hold(exclusive):
        return (yield)
