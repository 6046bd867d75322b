"""``gazu.aio``: official gazu 1.3.1's coroutines over the SDK's async transport, against a local fake of the
API (a real HTTP server on 127.0.0.1: the aiohttp transport is exercised whole). Each coroutine's request (method,
path, query, body), its answer, its errors as 1.3.1's classes, ``check_status`` on a response-like object, the
refusals made before any request, and no secret reachable from a failed login."""

from __future__ import annotations

import ast
import asyncio
import gc
import inspect
import json
import re
import subprocess
import sys
import threading
import warnings
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlsplit

import pytest

import gazu.aio as aio
from gazu import exception
from kitsu_models import errors
from kitsu_models.policy import RetryPolicy
from tracebacks import everything_reachable

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "pw-Aio-Hunter-2-8812"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.AIO-ACCESS.sig-41c2"
REFRESH = "eyJhbGciOiJIUzI1NiJ9.AIO-REFRESH.sig-77d0"
PROJECT = "00000000-0000-4000-8000-000000000001"
PERSON = "00000000-0000-4000-8000-000000000002"
T = TypeVar("T")

#: Official gazu 1.3.1's ``gazu.aio``, function by function: its parameters (names and defaults, as written) and
#: whether it is a coroutine. (Checked against 1.3.1's source when it is on this machine.)
OFFICIAL: dict[str, tuple[str, bool]] = {
    "get_full_url": ("path, client", False),
    "check_status": ("response, path, client=None", True),
    "get": ("path, json_response=True, params=None, client=None", True),
    "post": ("path, data, client=None", True),
    "put": ("path, data, client=None", True),
    "delete": ("path, params=None, client=None", True),
    "fetch_all": ("path, params=None, client=None, paginated=False, limit=None, fields=None", True),
    "fetch_first": ("path, params=None, client=None", True),
    "fetch_one": ("model_name, id, params=None, client=None", True),
    "create": ("model_name, data, client=None", True),
    "update": ("model_name, model_id, data, client=None", True),
    "upload": ("path, file_path=None, data=None, extra_files=None, client=None, progress_callback=None", True),
    "download": ("path, file_path, params=None, client=None, progress_callback=None", True),
    "log_in": ("email, password, totp=None, email_otp=None, fido_authentication_response=None, recovery_code=None, "
               "client=None", True),
    "log_out": ("client", True),
    "check_server_status": ("client", True),
    "create_session": ("host, email, password, totp=None, email_otp=None, fido_authentication_response=None, "
                       "recovery_code=None, ssl_verify=True, use_refresh_token=False, callback_not_authenticated=None",
                       True),
}
CLIENT_INIT = ("host, ssl_verify=True, use_refresh_token=True, callback_not_authenticated=None, tokens=None, "
               "access_token=None, refresh_token=None")
#: Where official gazu 1.3.1's source may be on this machine (bench/harness.py's virtualenv, an unpacked copy).
OFFICIAL_SOURCES = (*Path("/opt/gazu-venv").glob("lib/python*/site-packages/gazu/aio.py"),
                    Path("/tmp/gazu131/src/gazu/aio.py"))


# ------------------------------------------------------------ the fake API
@dataclass
class Seen:
    """One request the fake received."""

    method: str
    path: str  # under the API root, no leading slash
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    def parts(self) -> dict[str, tuple[str, bytes]]:
        """A multipart body's parts by name: (their headers' text, content)."""
        found = re.search(r"boundary=(\S+)", self.headers["content-type"])
        assert found is not None
        boundary = found.group(1).strip('"').encode()
        parts = {}
        for piece in self.body.split(b"--" + boundary)[1:-1]:
            head, _, content = piece.removeprefix(b"\r\n").removesuffix(b"\r\n").partition(b"\r\n\r\n")
            name = re.search(rb'name="([^"]+)"', head)
            assert name is not None
            parts[name.group(1).decode()] = (head.decode(), content)
        return parts


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


class FakeKitsu:
    """A local HTTP server in place of Kitsu's API (at ``/api``): records each request; answers from the replies
    set for (method, path), one after the other, the last one again; 404 ``{"message": "no such route"}`` else."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.replies: dict[tuple[str, str], list[Reply]] = {}
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle_one(self) -> None:
                url = urlsplit(self.path)
                path = url.path.removeprefix("/api").lstrip("/")
                headers = {key.lower(): value for key, value in self.headers.items()}
                fake.seen.append(Seen(self.command, path, parse_qs(url.query, keep_blank_values=True), headers,
                                      self._body(headers)))
                queue = fake.replies.get((self.command, path)) or [Reply(404, b'{"message": "no such route"}')]
                reply = queue.pop(0) if len(queue) > 1 else queue[0]
                self.send_response(reply.status)
                headers_out = {"Content-Type": "application/json", **reply.headers}
                for key, value in headers_out.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply.body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(reply.body)

            def _body(self, headers: dict[str, str]) -> bytes:
                if headers.get("transfer-encoding", "").lower() == "chunked":
                    body = b""
                    while size := int(self.rfile.readline().strip() or b"0", 16):
                        body += self.rfile.read(size)
                        self.rfile.readline()
                    self.rfile.readline()
                    return body
                return self.rfile.read(int(headers.get("content-length") or 0))

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_one

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def reply(self, method: str, path: str, status: int = 200, json_body: Any = None, *, body: bytes | None = None,
              headers: dict[str, str] | None = None) -> None:
        content = body if body is not None else json.dumps(json_body).encode() if json_body is not None else b""
        self.replies.setdefault((method, path), []).append(Reply(status, content, headers or {}))

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=2)


@pytest.fixture
def fake() -> Iterator[FakeKitsu]:
    server = FakeKitsu()
    yield server
    server.close()


def run(fake: FakeKitsu, scenario: Callable[[aio.AsyncKitsuClient], Awaitable[T]], **options: Any) -> T:
    """``scenario(client)`` in an event loop of its own, on a client of the fake API (logged in unless
    ``tokens`` is given; no retry of failures, so an error comes at once); the client is closed after."""
    async def main() -> T:
        options.setdefault("tokens", {"access_token": TOKEN})
        client = aio.AsyncKitsuClient(fake.url, **options)
        client.kitsu.http.retry = RetryPolicy(attempts=1)
        try:
            return await scenario(client)
        finally:
            await client.kitsu.aclose()

    return asyncio.run(main())


def failure(fake: FakeKitsu, scenario: Callable[[aio.AsyncKitsuClient], Awaitable[Any]], **options: Any) -> Exception:
    try:
        run(fake, scenario, **options)
    except Exception as exc:  # noqa: BLE001 (any failure is inspected)
        return exc
    raise AssertionError("the call did not fail")


# -------------------------------------------------------------- signatures
def _parameters(text: str) -> list[tuple[str, object]]:
    """(name, default text or the empty marker) of each parameter of ``def f(<text>)``."""
    tree = ast.parse(f"def f({text}): pass").body[0]
    assert isinstance(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
    return _of(tree)


def _of(tree: ast.FunctionDef | ast.AsyncFunctionDef) -> list[tuple[str, object]]:
    args = tree.args.args
    defaults = [inspect.Parameter.empty] * (len(args) - len(tree.args.defaults)) + [
        ast.unparse(default) for default in tree.args.defaults]
    return [(arg.arg, default) for arg, default in zip(args, defaults)]


@pytest.mark.parametrize("name", sorted(OFFICIAL))
def test_a_function_has_official_gazu_s_signature(name: str) -> None:
    parameters, coroutine = OFFICIAL[name]
    ours = getattr(aio, name)
    assert inspect.iscoroutinefunction(ours) is coroutine
    found = [(p.name, p.default if p.default is p.empty else repr(p.default))
             for p in inspect.signature(ours).parameters.values()]
    assert all(p.kind is p.POSITIONAL_OR_KEYWORD for p in inspect.signature(ours).parameters.values())
    assert found == _parameters(parameters)


def test_the_client_class_takes_official_gazu_s_parameters() -> None:
    found = [(p.name, p.default if p.default is p.empty else repr(p.default))
             for p in inspect.signature(aio.AsyncKitsuClient).parameters.values()]
    assert found == _parameters("self, " + CLIENT_INIT)[1:]


@pytest.mark.parametrize("source", [path for path in OFFICIAL_SOURCES if path.exists()][:1] or
                         [pytest.param(None, marks=pytest.mark.skip(reason="official gazu 1.3.1 is not here"))])
def test_the_table_is_official_gazu_s_own(source: Path) -> None:
    """The table above, read again from 1.3.1's source text (parsed, never imported: it needs aiohttp)."""
    tree = ast.parse(source.read_text(encoding="utf-8"))
    functions = {node.name: node for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
    public = {name for name in functions if not name.startswith("_")}
    assert public == set(OFFICIAL)
    for name, (parameters, coroutine) in OFFICIAL.items():
        assert _of(functions[name]) == _parameters(parameters), name
        assert isinstance(functions[name], ast.AsyncFunctionDef) is coroutine, name
    client = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "AsyncKitsuClient")
    init = next(node for node in client.body if isinstance(node, ast.FunctionDef) and node.name == "__init__")
    assert _of(init) == _parameters("self, " + CLIENT_INIT)


# ------------------------------------------------------ importing gazu.aio
def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          check=False, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_import_gazu_imports_neither_gazu_aio_nor_aiohttp_and_gazu_aio_comes_on_first_use() -> None:
    done = _python(
        "import sys, gazu\n"
        "assert 'gazu.aio' not in sys.modules and 'aiohttp' not in sys.modules, sorted(sys.modules)\n"
        "module = gazu.aio\n"
        "import gazu.aio\n"
        "assert module is sys.modules['gazu.aio'] is gazu.aio and hasattr(gazu, 'aio')\n"
        "assert 'aio' not in gazu.__all__\n"
        "try:\n    gazu.no_such_thing\nexcept AttributeError as exc:\n    assert 'no_such_thing' in str(exc)\n"
    )
    assert done.returncode == 0, done.stderr


def test_without_aiohttp_import_gazu_works_and_gazu_aio_names_the_extra() -> None:
    done = _python(
        "import sys\n"
        "sys.modules['aiohttp'] = None  # as if the extra were not installed\n"
        "import gazu\n"
        "assert not hasattr(gazu, 'aio')  # as official gazu without aiohttp\n"
        "try:\n    import gazu.aio\nexcept ImportError as exc:\n    print(exc)\n"
        "else:\n    raise SystemExit('imported')\n"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == 'gazu.aio needs aiohttp: pip install "kitsu-models-gazu[aio]"'


def test_the_compat_distribution_has_the_extra() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    extras = tomllib.loads((ROOT / "compat" / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"]
    assert extras["aio"] == ["kitsu-models[async]==0.1.0"] and "cli" in extras


# ------------------------------------------------------------- requests
def test_get_sends_the_path_its_query_and_params_with_the_token(fake: FakeKitsu) -> None:
    fake.reply("GET", "data/tasks", json_body=[{"id": "t"}])
    answer = run(fake, lambda c: aio.get("data/tasks?project_id=p1", params={"name": "x", "ids": ["a", "b"]},
                                         client=c))
    assert answer == [{"id": "t"}]
    (seen,) = fake.seen
    assert (seen.method, seen.path, seen.query) == ("GET", "data/tasks", {"project_id": ["p1"], "name": ["x"],
                                                                          "ids": ["a", "b"]})
    assert seen.headers["authorization"] == f"Bearer {TOKEN}"


def test_get_gives_the_text_when_json_response_is_false(fake: FakeKitsu) -> None:
    fake.reply("GET", "data/projects", body=b'[{"id": 1}]')
    assert run(fake, lambda c: aio.get("data/projects", json_response=False, client=c)) == '[{"id": 1}]'


def test_post_and_put_send_their_data_as_json(fake: FakeKitsu) -> None:
    fake.reply("POST", "data/projects", json_body={"id": PROJECT, "name": "p"})
    fake.reply("PUT", f"data/projects/{PROJECT}", json_body={"id": PROJECT, "name": "q"})

    async def scenario(client: aio.AsyncKitsuClient) -> tuple[Any, Any]:
        return (await aio.post("data/projects", {"name": "p"}, client=client),
                await aio.put(f"data/projects/{PROJECT}", {"name": "q"}, client=client))

    assert run(fake, scenario) == ({"id": PROJECT, "name": "p"}, {"id": PROJECT, "name": "q"})
    assert [(s.method, s.path, s.json, s.headers["content-type"]) for s in fake.seen] == [
        ("POST", "data/projects", {"name": "p"}, "application/json"),
        ("PUT", f"data/projects/{PROJECT}", {"name": "q"}, "application/json"),
    ]


def test_delete_sends_its_params_and_gives_the_text(fake: FakeKitsu) -> None:
    fake.reply("DELETE", f"data/projects/{PROJECT}", 204)
    assert run(fake, lambda c: aio.delete(f"data/projects/{PROJECT}", params={"force": "true"}, client=c)) == ""
    assert [(s.method, s.path, s.query, s.body) for s in fake.seen] == [
        ("DELETE", f"data/projects/{PROJECT}", {"force": ["true"]}, b"")]


def test_fetch_all_reads_data_routes_with_fields(fake: FakeKitsu) -> None:
    fake.reply("GET", "data/projects", json_body=[{"id": PROJECT}])
    found = run(fake, lambda c: aio.fetch_all("projects", params={"name": "p"}, fields=["id", "name"], client=c))
    assert found == [{"id": PROJECT}]
    assert [(s.path, s.query) for s in fake.seen] == [("data/projects", {"name": ["p"], "fields": ["id,name"]})]


def test_fetch_all_paginated_reads_every_page(fake: FakeKitsu) -> None:
    for page in (1, 2, 3):
        fake.reply("GET", "data/tasks", json_body={"data": [{"page": page}], "nb_pages": 3, "page": page})
    params = {"project_id": PROJECT}
    found = run(fake, lambda c: aio.fetch_all("tasks", params=params, paginated=True, limit=1, client=c))
    assert found == [{"page": 1}, {"page": 2}, {"page": 3}]
    assert [s.query for s in fake.seen] == [
        {"project_id": [PROJECT], "page": [str(page)], "limit": ["1"]} for page in (1, 2, 3)]
    assert params == {"project_id": PROJECT}  # the caller's dict is left as it was


def test_fetch_first_and_fetch_one(fake: FakeKitsu) -> None:
    fake.reply("GET", "data/projects", json_body=[{"id": PROJECT}, {"id": "other"}])
    fake.reply("GET", "data/persons", json_body=[])
    fake.reply("GET", f"data/projects/{PROJECT}", json_body={"id": PROJECT})

    async def scenario(client: aio.AsyncKitsuClient) -> list[Any]:
        return [await aio.fetch_first("projects", {"name": "p"}, client=client),
                await aio.fetch_first("persons", client=client),
                await aio.fetch_one("projects", PROJECT, params={"relations": "true"}, client=client)]

    assert run(fake, scenario) == [{"id": PROJECT}, None, {"id": PROJECT}]
    assert [(s.path, s.query) for s in fake.seen] == [
        ("data/projects", {"name": ["p"]}), ("data/persons", {}), (f"data/projects/{PROJECT}", {"relations": ["true"]})]


def test_create_and_update(fake: FakeKitsu) -> None:
    fake.reply("POST", "data/departments", json_body={"id": "d1", "name": "Rig"})
    fake.reply("PUT", "data/departments/d1", json_body={"id": "d1", "name": "Rigging"})

    async def scenario(client: aio.AsyncKitsuClient) -> list[Any]:
        return [await aio.create("departments", {"name": "Rig"}, client=client),
                await aio.update("departments", "d1", {"name": "Rigging"}, client=client)]

    assert run(fake, scenario) == [{"id": "d1", "name": "Rig"}, {"id": "d1", "name": "Rigging"}]
    assert [(s.method, s.path, s.json) for s in fake.seen] == [
        ("POST", "data/departments", {"name": "Rig"}), ("PUT", "data/departments/d1", {"name": "Rigging"})]


def test_upload_sends_the_file_the_extra_files_and_the_fields(fake: FakeKitsu, tmp_path: Path) -> None:
    main, extra = tmp_path / "frame.png", tmp_path / "notes.txt"
    main.write_bytes(b"\x89PNG-frame")
    extra.write_bytes(b"notes")
    fake.reply("POST", f"pictures/thumbnails/persons/{PERSON}", json_body={"thumbnail_path": "x.png"})
    progress: list[tuple[int, int | None]] = []
    answer = run(fake, lambda c: aio.upload(
        f"pictures/thumbnails/persons/{PERSON}?normalize=true", str(main), data={"comment": "hi", "n": 2},
        extra_files=[extra], client=c, progress_callback=lambda done, total: progress.append((done, total))))
    assert answer == {"thumbnail_path": "x.png"}
    (seen,) = fake.seen
    assert (seen.method, seen.path, seen.query) == ("POST", f"pictures/thumbnails/persons/{PERSON}",
                                                    {"normalize": ["true"]})
    parts = seen.parts()
    assert sorted(parts) == ["comment", "file", "file-1", "n"]
    assert 'filename="frame.png"' in parts["file"][0] and parts["file"][1] == b"\x89PNG-frame"
    assert 'filename="notes.txt"' in parts["file-1"][0] and parts["file-1"][1] == b"notes"
    assert (parts["comment"][1], parts["n"][1]) == (b"hi", b"2")  # each value's str(), as 1.3.1
    assert progress and progress[-1][0] == progress[-1][1]


def test_upload_extra_files_alone_start_at_file_1_as_in_official_gazu(fake: FakeKitsu, tmp_path: Path) -> None:
    extra = tmp_path / "a.txt"
    extra.write_bytes(b"a")
    fake.reply("POST", "pictures/x", json_body={})
    run(fake, lambda c: aio.upload("pictures/x", extra_files=[str(extra)], client=c))
    assert sorted(fake.seen[0].parts()) == ["file-1"]


def test_an_upload_answer_with_a_message_raises_upload_failed(fake: FakeKitsu, tmp_path: Path) -> None:
    picture = tmp_path / "x.png"
    picture.write_bytes(b"x")
    fake.reply("POST", "pictures/x", json_body={"message": "cannot read the picture"})
    failed = failure(fake, lambda c: aio.upload("pictures/x", str(picture), client=c))
    assert isinstance(failed, exception.UploadFailedException) and str(failed) == "cannot read the picture"


def test_download_writes_the_file_and_returns_none(fake: FakeKitsu, tmp_path: Path) -> None:
    fake.reply("GET", f"pictures/thumbnails/persons/{PERSON}.png", body=b"\x89PNG-avatar",
               headers={"Content-Type": "image/png"})
    target = tmp_path / "avatar.png"
    progress: list[tuple[int, int | None]] = []
    assert run(fake, lambda c: aio.download(f"pictures/thumbnails/persons/{PERSON}.png", str(target),
                                            params={"v": "1"}, client=c,
                                            progress_callback=lambda d, t: progress.append((d, t)))) is None
    assert target.read_bytes() == b"\x89PNG-avatar" and progress[-1] == (11, 11)
    assert [(s.method, s.path, s.query) for s in fake.seen] == [
        ("GET", f"pictures/thumbnails/persons/{PERSON}.png", {"v": ["1"]})]


def test_a_file_still_prepared_is_asked_again_as_retry_after_says(fake: FakeKitsu, tmp_path: Path) -> None:
    path = f"movies/originals/preview-files/{PROJECT}.mp4"
    fake.reply("GET", path, 202, {"message": "processing"}, headers={"Retry-After": "0"})
    fake.reply("GET", path, body=b"movie", headers={"Content-Type": "video/mp4"})
    target = tmp_path / "movie.mp4"
    run(fake, lambda c: aio.download(path, str(target), client=c))
    assert target.read_bytes() == b"movie" and len(fake.seen) == 2


def test_a_file_still_prepared_after_the_processing_timeout_raises(
    fake: FakeKitsu, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(aio, "PROCESSING_TIMEOUT", 0.0)
    fake.reply("GET", "movies/originals/preview-files/p.mp4", 202, {"message": "processing"})
    raised = failure(fake, lambda c: aio.download("movies/originals/preview-files/p.mp4", str(tmp_path / "m"),
                                                  client=c))
    assert isinstance(raised, exception.PreviewFileProcessingException)
    assert raised.args == ("movies/originals/preview-files/p.mp4",) and not (tmp_path / "m").exists()


def test_a_failed_download_writes_nothing(fake: FakeKitsu, tmp_path: Path) -> None:
    target = tmp_path / "avatar.png"
    failed = failure(fake, lambda c: aio.download("pictures/thumbnails/persons/x.png", str(target), client=c))
    assert isinstance(failed, exception.RouteNotFoundException) and not target.exists()


def test_log_in_sends_the_credentials_and_keeps_the_tokens(fake: FakeKitsu) -> None:
    login = {"login": True, "user": {"id": PERSON}, "access_token": TOKEN, "refresh_token": REFRESH}
    fake.reply("POST", "auth/login", json_body=login)
    fake.reply("GET", "data/projects", json_body=[])

    async def scenario(client: aio.AsyncKitsuClient) -> tuple[Any, Any]:
        answer = await aio.log_in("td@example.com", PASSWORD, totp="123456", client=client)
        await aio.get("data/projects", client=client)
        return answer, client.tokens

    answer, tokens = run(fake, scenario, tokens=None)
    assert answer == login and tokens == login
    sent, read = fake.seen
    assert (sent.method, sent.path) == ("POST", "auth/login") and "authorization" not in sent.headers
    assert sent.json == {"email": "td@example.com", "password": PASSWORD, "totp": "123456", "email_otp": None,
                         "fido_authentication_response": None, "recovery_code": None}
    assert read.headers["authorization"] == f"Bearer {TOKEN}"


def test_log_out_revokes_and_forgets_the_tokens(fake: FakeKitsu) -> None:
    fake.reply("GET", "auth/logout", json_body={"logout": True})

    async def scenario(client: aio.AsyncKitsuClient) -> tuple[Any, Any]:
        return await aio.log_out(client), client.access_token

    assert run(fake, scenario) == ({"access_token": None, "refresh_token": None}, None)
    assert [(s.method, s.path, s.headers["authorization"]) for s in fake.seen] == [
        ("GET", "auth/logout", f"Bearer {TOKEN}")]


def test_log_out_closes_the_clients_connections_so_a_script_leaves_none_open(fake: FakeKitsu) -> None:
    """1.3.1 leaves its aiohttp session open after ``log_out`` (a warning at exit unless the client was
    used as a context): ours closes the pool, and a later call opens a new one."""
    fake.reply("POST", "auth/login", json_body={"login": True, "user": {"id": PERSON}, "access_token": TOKEN})
    fake.reply("GET", "data/projects", json_body=[])
    fake.reply("GET", "auth/logout", json_body={"logout": True})

    async def script() -> Any:
        client = await aio.create_session(fake.url, "td@example.com", PASSWORD)
        await aio.fetch_all("projects", client=client)
        await aio.log_out(client)
        await aio.log_in("td@example.com", PASSWORD, client=client)  # usable again
        projects = await aio.fetch_all("projects", client=client)
        await aio.log_out(client)
        return projects

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert asyncio.run(script()) == []
        gc.collect()
    assert [str(w.message) for w in caught if "Unclosed" in str(w.message)] == []


def test_log_out_forgets_the_tokens_even_when_the_server_refuses(fake: FakeKitsu) -> None:
    fake.reply("GET", "auth/logout", 401, {"msg": "Token has expired"})

    async def scenario(client: aio.AsyncKitsuClient) -> Any:
        return await aio.log_out(client)

    assert run(fake, scenario) == {"access_token": None, "refresh_token": None}


def test_create_session_logs_in_and_its_context_logs_out_and_closes(fake: FakeKitsu) -> None:
    fake.reply("POST", "auth/login", json_body={"login": True, "user": {"id": PERSON}, "access_token": TOKEN})
    fake.reply("GET", "data/projects", json_body=[])
    fake.reply("GET", "auth/logout", json_body={"logout": True})

    async def scenario() -> tuple[aio.AsyncKitsuClient, Any]:
        session = await aio.create_session(fake.url, "td@example.com", PASSWORD)
        assert isinstance(session, aio.AsyncKitsuClient) and session.use_refresh_token is False
        async with session as client:
            projects = await aio.fetch_all("projects", client=client)
        return session, projects

    session, projects = asyncio.run(scenario())
    assert projects == [] and session.tokens == {"access_token": None, "refresh_token": None}
    assert [(s.method, s.path) for s in fake.seen] == [
        ("POST", "auth/login"), ("GET", "data/projects"), ("GET", "auth/logout")]


def test_check_server_status_is_a_head_of_the_host(fake: FakeKitsu, closed_port_url: str) -> None:
    fake.reply("HEAD", "", json_body={"api": "Zou"})

    async def scenario(client: aio.AsyncKitsuClient) -> list[bool]:
        up = await aio.check_server_status(client)
        fake.replies[("HEAD", "")] = [Reply(500)]
        failing = await aio.check_server_status(client)
        nobody = aio.AsyncKitsuClient(closed_port_url)
        try:
            return [up, failing, await aio.check_server_status(nobody)]
        finally:
            await nobody.kitsu.aclose()

    assert run(fake, scenario) == [True, False, False]
    assert [(s.method, s.path, "authorization" in s.headers) for s in fake.seen] == [("HEAD", "", False)] * 2


def test_get_full_url() -> None:
    client = aio.AsyncKitsuClient("http://kitsu.test/api/")
    assert aio.get_full_url("/data/projects", client) == "http://kitsu.test/api/data/projects"


# ------------------------------------------------------- errors, as 1.3.1
@pytest.mark.parametrize(("status", "body", "error", "args"), [
    (400, {"message": "Wrong parameters"}, exception.ParameterException, ("data/projects", "Wrong parameters")),
    # No message in the answer: the status's reason, as gazu.exception.translated words it (1.3.1: "No
    # additional information"; Zou always sends one).
    (400, {}, exception.ParameterException, ("data/projects", "Bad Request")),
    (401, {"msg": "Missing Authorization Header"}, exception.NotAuthenticatedException, ("data/projects",)),
    (403, {"message": "no"}, exception.NotAllowedException, ("data/projects",)),
    (404, {"message": "no"}, exception.RouteNotFoundException, ("data/projects",)),
    (405, {}, exception.MethodNotAllowedException, ("data/projects",)),
    (413, {}, exception.TooBigFileException, ("data/projects: You send a too big file. Change your proxy "
                                              "configuration to allow bigger files.",)),
    (422, {"message": "bad date"}, exception.ValidationException, ("data/projects", "bad date")),
    (500, {"message": "boom", "stacktrace": "..."}, exception.ServerErrorException, ("data/projects",)),
    (502, {}, exception.ServerErrorException, ("data/projects",)),
])
def test_an_error_status_raises_official_gazu_s_class(
    fake: FakeKitsu, status: int, body: Any, error: type[Exception], args: tuple[str, ...]
) -> None:
    fake.reply("GET", "data/projects", status, body)
    raised = failure(fake, lambda c: aio.fetch_all("projects", client=c))
    assert type(raised) is error and raised.args == args
    assert isinstance(raised, exception.GazuException)


def test_an_error_names_the_path_with_its_query_as_1_3_1(fake: FakeKitsu) -> None:
    raised = failure(fake, lambda c: aio.get("data/nothing?x=1", params={"y": 2}, client=c))
    assert isinstance(raised, exception.RouteNotFoundException) and raised.args == ("data/nothing?x=1&y=2",)


def test_a_refused_token_is_refreshed_once_and_the_request_sent_again(fake: FakeKitsu) -> None:
    fake.reply("GET", "data/projects", 401, {"msg": "Token has expired"})
    fake.reply("GET", "data/projects", json_body=[{"id": PROJECT}])
    fake.reply("GET", "auth/refresh-token", json_body={"access_token": "new.access.token"})

    async def scenario(client: aio.AsyncKitsuClient) -> tuple[Any, Any]:
        return await aio.fetch_all("projects", client=client), client.tokens

    found, tokens = run(fake, scenario, tokens={"access_token": TOKEN, "refresh_token": REFRESH})
    assert found == [{"id": PROJECT}]
    assert tokens == {"access_token": "new.access.token", "refresh_token": REFRESH}
    assert [(s.path, s.headers["authorization"]) for s in fake.seen] == [
        ("data/projects", f"Bearer {TOKEN}"), ("auth/refresh-token", f"Bearer {REFRESH}"),
        ("data/projects", "Bearer new.access.token")]


def test_callback_not_authenticated_may_ask_to_send_again_up_to_three_tries(fake: FakeKitsu) -> None:
    fake.reply("GET", "data/projects", 401, {"msg": "no"})
    asked: list[str] = []

    def callback(client: aio.AsyncKitsuClient, path: str) -> bool:
        asked.append(path)
        client.access_token = f"token-{len(asked)}"
        return True

    raised = failure(fake, lambda c: aio.fetch_all("projects", client=c), callback_not_authenticated=callback)
    assert isinstance(raised, exception.NotAuthenticatedException) and raised.args == ("data/projects",)
    assert asked == ["data/projects"] * 3
    assert [s.headers["authorization"] for s in fake.seen] == [f"Bearer {TOKEN}", "Bearer token-1", "Bearer token-2"]


def test_client_is_required(fake: FakeKitsu) -> None:
    for call in (aio.get("data/projects"), aio.fetch_one("projects", PROJECT), aio.log_in("a@b.c", PASSWORD)):
        with pytest.raises(errors.InvalidArgumentError, match="gazu.aio needs client="):
            asyncio.run(call)
    assert fake.seen == []


@pytest.mark.parametrize("bad", ["../persons", "a/b", "", "x?y=1", "id with space", "%2e%2e", None, 12])
def test_a_bad_id_is_refused_before_any_request(fake: FakeKitsu, bad: Any) -> None:
    for call in (lambda c: aio.fetch_one("projects", bad, client=c),
                 lambda c: aio.update("projects", bad, {"name": "x"}, client=c)):
        raised = failure(fake, call)
        assert isinstance(raised, errors.InvalidArgumentError) and isinstance(raised, ValueError)
    assert fake.seen == []


@pytest.mark.parametrize("path", ["data/../auth/logout", "data/projects/%2e%2e", "data/a b", "data/x#y"])
def test_a_path_that_is_not_an_api_path_is_refused_before_any_request(fake: FakeKitsu, path: str) -> None:
    raised = failure(fake, lambda c: aio.get(path, client=c))
    assert isinstance(raised, errors.InvalidArgumentError)
    assert fake.seen == []


# ------------------------------------------------ check_status, response-like
class Response:
    """What check_status reads of a response (as aiohttp's): ``status``, async ``json()`` and ``text()``."""

    def __init__(self, status: int, body: Any = None, text: str = "") -> None:
        self.status, self._body, self._text = status, body, text

    async def json(self) -> Any:
        if self._body is None:
            raise ValueError("not JSON")
        return self._body

    async def text(self) -> str:
        return self._text


@pytest.mark.parametrize("status", [200, 201, 202, 204, 301, 304, 409, 429, 503])
def test_check_status_passes_what_1_3_1_passes(status: int) -> None:
    assert asyncio.run(aio.check_status(Response(status), "data/x")) == (status, False)


@pytest.mark.parametrize(("status", "body", "error", "args"), [
    (400, {"message": "bad"}, exception.ParameterException, ("data/x", "bad")),
    (400, None, exception.ParameterException, ("data/x", "No additional information")),
    (401, {"message": "Signature has expired"}, exception.NotAuthenticatedException, ("data/x",)),
    (401, None, exception.NotAuthenticatedException, ("data/x",)),
    (403, None, exception.NotAllowedException, ("data/x",)),
    (404, None, exception.RouteNotFoundException, ("data/x",)),
    (405, None, exception.MethodNotAllowedException, ("data/x",)),
    (413, None, exception.TooBigFileException,
     ("data/x: You send a too big file. Change your proxy configuration to allow bigger files.",)),
    (422, {"message": "bad", "data": {"errors": [{"field": "name", "message": "missing"}]}},
     exception.ValidationException, ("data/x", "bad (name: missing)")),
    (422, {"message": "Signature has expired"}, exception.NotAuthenticatedException, ("data/x",)),
    (500, {"message": "boom"}, exception.ServerErrorException, ("data/x",)),
    (502, None, exception.ServerErrorException, ("data/x",)),
])
def test_check_status_raises_1_3_1_s_class(status: int, body: Any, error: type[Exception], args: Any) -> None:
    with pytest.raises(error) as raised:
        asyncio.run(aio.check_status(Response(status, body, text="<html>"), "data/x"))
    assert type(raised.value) is error and raised.value.args == args


def test_check_status_refreshes_an_expired_token_when_the_client_may(fake: FakeKitsu) -> None:
    fake.reply("GET", "auth/refresh-token", json_body={"access_token": "new.access.token"})
    expired = Response(401, {"message": "Signature has expired"})

    async def scenario(client: aio.AsyncKitsuClient) -> tuple[Any, Any]:
        return await aio.check_status(expired, "data/x", client=client), client.access_token

    assert run(fake, scenario, tokens={"access_token": TOKEN, "refresh_token": REFRESH}) == (
        (401, True), "new.access.token")
    # use_refresh_token=False: no refresh, 1.3.1's NotAuthenticatedException.
    raised = failure(fake, lambda c: aio.check_status(expired, "data/x", client=c),
                     tokens={"access_token": TOKEN, "refresh_token": REFRESH}, use_refresh_token=False)
    assert isinstance(raised, exception.NotAuthenticatedException)
    assert [s.path for s in fake.seen] == ["auth/refresh-token"]


def test_check_status_asks_the_callback_after_a_refused_token() -> None:
    asked: list[str] = []

    def callback(client: aio.AsyncKitsuClient, path: str) -> int:
        asked.append(path)
        return 1

    client = aio.AsyncKitsuClient("http://kitsu.test/api", callback_not_authenticated=callback)
    assert asyncio.run(aio.check_status(Response(401, {"msg": "no"}), "data/x", client=client)) == (401, True)
    assert asked == ["data/x"]


def test_check_status_logs_a_server_error_s_message(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level("ERROR", logger="gazu.aio"), pytest.raises(exception.ServerErrorException):
        asyncio.run(aio.check_status(Response(500, None, text="<html>proxy error</html>"), "data/x"))
    assert "proxy error" in caplog.text


# -------------------------------------------------------------- secrets
def test_a_refused_login_raises_auth_failed_and_no_secret_is_reachable(fake: FakeKitsu) -> None:
    fake.reply("POST", "auth/login", 400, {"login": False, "message": "wrong"})
    raised = failure(fake, lambda c: aio.log_in("td@example.com", PASSWORD, client=c), tokens=None)
    assert type(raised) is exception.AuthFailedException and raised.args == ()
    assert PASSWORD not in everything_reachable(raised)


@pytest.mark.parametrize("status", [401, 404, 500])
def test_a_failed_create_session_leaks_no_secret(fake: FakeKitsu, status: int) -> None:
    fake.reply("POST", "auth/login", status, {"message": "no"})
    try:
        asyncio.run(aio.create_session(fake.url, "td@example.com", PASSWORD))
    except errors.KitsuError as exc:
        raised: BaseException = exc
    else:
        raise AssertionError("the login did not fail")
    assert PASSWORD not in everything_reachable(raised)


def test_a_failed_call_of_a_logged_in_client_leaks_no_token(fake: FakeKitsu) -> None:
    fake.reply("GET", "data/projects", 500, {"message": "boom"})
    raised = failure(fake, lambda c: aio.fetch_all("projects", client=c),
                     tokens={"access_token": TOKEN, "refresh_token": REFRESH})
    reachable = everything_reachable(raised)
    assert TOKEN not in reachable and REFRESH not in reachable


def test_a_client_s_repr_shows_no_token() -> None:
    client = aio.AsyncKitsuClient("http://kitsu.test/api", access_token=TOKEN, refresh_token=REFRESH)
    for text in (repr(client), repr(vars(client)), repr(client.kitsu), repr(client.kitsu.http)):
        assert TOKEN not in text and REFRESH not in text
    assert client.access_token == TOKEN and client.refresh_token == REFRESH  # 1.3.1's API gives them back
    assert client.make_auth_header()["Authorization"] == f"Bearer {TOKEN}"
