"""The transport's and the ORM's behaviour, one test body for both drivers:
``Kitsu`` over requests and ``AsyncKitsu`` over aiohttp, against a scripted
local HTTP server (real sockets, no mock library in between): retries
across a restart, one token refresh for every caller that met an expired
token, secrets, ids, malformed answers, conditional reads, batching."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, TypeVar

import pytest

from kitsu_models import AsyncKitsu, Kitsu, errors
from kitsu_models.credentials import Tokens
from kitsu_models.policy import RetryPolicy, Timeout
from tracebacks import everything_reachable

from .models_rows import new_id, row

T = TypeVar("T")
PASSWORD = "pw-Driver-Both-9931"
FAST = RetryPolicy(attempts=6, backoff=0.01, max_backoff=0.05, max_elapsed=10)


@dataclass
class Reply:
    """One scripted answer: a status and JSON, or a connection closed unanswered."""

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    hang_up: bool = False


class Script:
    """Answers by (method, path): a list is answered in turn (its last one
    again once used up); every request is recorded."""

    def __init__(self) -> None:
        self.replies: dict[tuple[str, str], list[Reply]] = {}
        self.by_token: dict[tuple[str, str], dict[str, Reply]] = {}
        self.seen: list[tuple[str, str, dict[str, str], bytes]] = []
        self.lock = threading.Lock()

    def on(self, method: str, path: str, *replies: Reply) -> None:
        self.replies[(method, path)] = list(replies)

    def on_token(self, method: str, path: str, **replies: Reply) -> None:
        """Answers by the access token the request carries (``Bearer <name>``)."""
        self.by_token[(method, path)] = replies

    def next(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Reply:
        with self.lock:
            self.seen.append((method, path, headers, body))
            by_token = self.by_token.get((method, path.split("?")[0]))
            if by_token is not None:
                return by_token[headers.get("Authorization", "").removeprefix("Bearer ").replace(".", "_")]
            queue = self.replies.get((method, path.split("?")[0]), [Reply(404, {"message": "not scripted"})])
            return queue.pop(0) if len(queue) > 1 else queue[0]

    def count(self, method: str, path: str) -> int:
        return sum(1 for m, p, _, _ in self.seen if m == method and p.split("?")[0] == path)


@pytest.fixture
def script() -> Iterator[tuple[Script, str]]:
    scripted = Script()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            reply = scripted.next(self.command, self.path, dict(self.headers), body)
            if reply.hang_up:
                self.close_connection = True
                self.connection.shutdown(2)
                return
            content = json.dumps(reply.body).encode() if reply.body is not None else b""
            self.send_response(reply.status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(content)))
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(content)

        do_GET = do_POST = do_PUT = do_DELETE = _answer  # noqa: N815 (http.server's naming)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield scripted, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=["blocking", "async"])
def driver(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def session(driver: str, host: str, **options: Any) -> Kitsu | AsyncKitsu:
    options = {"retry": FAST, "tokens": Tokens.from_strings("access.one", "the.refresh"), **options}
    return Kitsu(host, **options) if driver == "blocking" else AsyncKitsu(host, **options)


async def done(value: Awaitable[T] | T) -> T:
    """A blocking session's value as it is, an async session's awaited."""
    return await value if isinstance(value, Awaitable) else value


def run(test: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(test())


async def close(kitsu: Kitsu | AsyncKitsu) -> None:
    if isinstance(kitsu, AsyncKitsu):
        await kitsu.aclose()
    else:
        kitsu.close()


# ------------------------------------------------------------- transport
def test_a_read_rides_through_a_restart(script: tuple[Script, str], driver: str) -> None:
    """Answered once, then connections cut and 503s (the API restarting),
    then answered: retried until it is back."""
    scripted, host = script
    status = row("TaskStatus", id=new_id())
    scripted.on("GET", "/data/task-status", Reply(body=[status]), Reply(hang_up=True), Reply(503),
                Reply(hang_up=True), Reply(body=[status]))

    async def test() -> None:
        kitsu = session(driver, host)
        try:
            assert (await done(kitsu.task_statuses.filter()))[0].id == status["id"]
            again = await done(kitsu.task_statuses.filter())
            assert again[0].id == status["id"] and scripted.count("GET", "/data/task-status") == 5
        finally:
            await close(kitsu)

    run(test)


def test_a_host_never_reached_fails_at_once_and_a_post_is_not_retried(script: tuple[Script, str], driver: str) -> None:
    scripted, host = script
    scripted.on("POST", "/data/projects", Reply(503, {"message": "busy"}))

    async def test() -> None:
        kitsu = session(driver, "http://127.0.0.1:9")  # nothing listens: no retry window for a typo
        with pytest.raises(errors.ConnectError):
            await done(kitsu.projects.all())
        await close(kitsu)
        writer = session(driver, host)
        with pytest.raises(errors.ServerError):
            await done(writer.transport.post("data/projects", {"name": "x"}) if driver == "blocking"
                       else writer.http.post("data/projects", {"name": "x"}))  # type: ignore[union-attr]
        assert scripted.count("POST", "/data/projects") == 1
        await close(writer)

    run(test)


def test_callers_that_meet_an_expired_token_share_one_refresh(script: tuple[Script, str], driver: str) -> None:
    scripted, host = script
    status = row("TaskStatus", id=new_id())
    scripted.on_token("GET", "/data/task-status", access_one=Reply(401, {"msg": "Token has expired"}),
                      access_two=Reply(body=[status]))
    scripted.on("GET", "/auth/refresh-token", Reply(body={"access_token": "access.two"}))

    async def test() -> None:
        kitsu = session(driver, host)
        try:
            if isinstance(kitsu, AsyncKitsu):
                await asyncio.gather(*(kitsu.task_statuses.filter() for _ in range(8)))
            else:
                threads = [threading.Thread(target=kitsu.task_statuses.filter) for _ in range(8)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
            assert scripted.count("GET", "/auth/refresh-token") == 1
            assert kitsu.tokens is not None and kitsu.tokens.access.reveal() == "access.two"
            assert scripted.seen[-1][2]["Authorization"] == "Bearer access.two"
        finally:
            await close(kitsu)

    run(test)


def test_a_refused_login_leaves_the_password_nowhere(script: tuple[Script, str], driver: str) -> None:
    scripted, host = script
    scripted.on("POST", "/auth/login", Reply(400, {"login": False, "message": "wrong"}))

    async def test() -> None:
        kitsu = session(driver, host, tokens=None)
        try:
            with pytest.raises(errors.LoginFailedError) as failure:
                await done(kitsu.log_in("td@studio.test", PASSWORD))
            assert PASSWORD not in everything_reachable(failure.value)
            assert json.loads(scripted.seen[0][3])["password"] == PASSWORD  # sent, and only there
        finally:
            await close(kitsu)

    run(test)


def test_an_id_that_is_a_path_sends_nothing(script: tuple[Script, str], driver: str) -> None:
    scripted, host = script

    async def test() -> None:
        kitsu = session(driver, host)
        try:
            with pytest.raises(errors.InvalidArgumentError):
                await done(kitsu.projects.get("../../auth/logout"))
            with pytest.raises(errors.InvalidArgumentError):
                await done(kitsu.shots.filter(project_id="x?y"))
        finally:
            await close(kitsu)
        assert scripted.seen == []

    run(test)


@pytest.mark.parametrize("body", [{"not": "a list"}, "<html>", [1, 2]])
def test_a_malformed_answer_is_a_typed_error(script: tuple[Script, str], driver: str, body: Any) -> None:
    scripted, host = script
    scripted.on("GET", "/data/task-status", Reply(body=body))

    async def test() -> None:
        kitsu = session(driver, host)
        try:
            with pytest.raises(errors.UnexpectedAnswerError):
                await done(kitsu.task_statuses.all())
        finally:
            await close(kitsu)

    run(test)


def test_a_total_deadline_cuts_a_slow_answer(script: tuple[Script, str], driver: str, stalled_server: Any) -> None:
    async def test() -> None:
        kitsu = session(driver, stalled_server.url, timeout=Timeout(connect=1, read=0.5, total=0.5),
                        retry=RetryPolicy(attempts=1))
        try:
            with pytest.raises(errors.RequestTimeoutError):
                await done(kitsu.projects.all())
        finally:
            await close(kitsu)

    run(test)


# ------------------------------------------------------------------ ORM
def test_a_list_revalidates_and_its_objects_stay_the_sessions(script: tuple[Script, str], driver: str) -> None:
    scripted, host = script
    rows = [row("TaskStatus", id=new_id()) for _ in range(3)]
    scripted.on("GET", "/data/task-status", Reply(body=rows, headers={"ETag": '"v1"'}), Reply(304, headers={"ETag": '"v1"'}))

    async def test() -> None:
        kitsu = session(driver, host)
        try:
            first = await done(kitsu.task_statuses.all())
            again = await done(kitsu.task_statuses.all())
            assert [a is b for a, b in zip(first, again)] == [True] * 3
            assert scripted.seen[-1][2]["If-None-Match"] == '"v1"'
        finally:
            await close(kitsu)

    run(test)


def test_many_ids_load_in_batches_of_fifty_into_one_cohort(script: tuple[Script, str], driver: str) -> None:
    """120 tasks by id: three batched requests; each object once."""
    scripted, host = script
    tasks = [row("Task", id=new_id()) for _ in range(120)]
    scripted.on("GET", "/data/tasks", Reply(body=tasks[:50]), Reply(body=tasks[50:100]), Reply(body=tasks[100:]))

    async def test() -> None:
        kitsu = session(driver, host)
        try:
            found = await done(kitsu.tasks.get_many([p["id"] for p in tasks]))
            assert len(found) == 120 and scripted.count("GET", "/data/tasks") == 3
            assert (await done(kitsu.tasks.get(tasks[7]["id"]))) is found[tasks[7]["id"]]
            assert scripted.count("GET", "/data/tasks") == 3  # known: no request
        finally:
            await close(kitsu)

    run(test)


@pytest.mark.parametrize(("host", "named"), [
    ("http://127.0.0.1:8080", "127.0.0.1:8080"), ("https://kitsu.example.com/api", "kitsu.example.com:443"),
    ("http://[::1]:9", "[::1]:9"),
])
def test_both_drivers_name_the_server_alike_in_their_errors(driver: str, host: str, named: str) -> None:
    assert session(driver, host, tokens=None).host.rstrip("/") == host.rstrip("/")
    transport = Kitsu(host).transport if driver == "blocking" else AsyncKitsu(host).http
    assert transport.server == named
