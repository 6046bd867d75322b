"""Regression tests of the defects found by probing (issue "Hardening"):
each failed on the code before its fix."""

from __future__ import annotations

import gc
import http.server
import json
import re
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import requests
import responses

from kitsu_models import errors, gcpause
from kitsu_models.credentials import Tokens
from kitsu_models.models import Project, Shot
from kitsu_models.policy import NO_RETRY, RetryPolicy, Timeout
from kitsu_models.session import Kitsu
from kitsu_models.transport import Transport

from tracebacks import everything_reachable, failure_of
from .conftest import API
from .models_rows import new_id, row

PASSWORD = "pw-7f3a9c1e-plain"
ACCESS = "access-token-5b2d8e4f"
REFRESH = "refresh-token-9c8a7b6d"


# --------------------------------------------------- 1. ids and routes
@pytest.mark.parametrize("hostile", ["../../auth/logout", "../../auth/logout\n", "..%2F..%2Fauth%2Flogout"])
def test_no_id_can_turn_a_read_into_another_route(
    kitsu: Kitsu, mocked: responses.RequestsMock, hostile: str
) -> None:
    """``fetch_one("../../auth/logout")`` sent GET /auth/logout and revoked the session."""
    for read in (kitsu.projects.load, kitsu.projects.get, kitsu.projects.row, lambda i: kitsu.projects.get_many([i])):
        with pytest.raises(errors.InvalidArgumentError):
            read(hostile)
    assert len(mocked.calls) == 0


# ------------------------------------------- 2. secrets in tracebacks
@pytest.mark.parametrize(
    "answer",
    [
        {"status": 401, "json": {"login": False}},
        {"status": 400, "json": {"message": "bad"}},
        {"status": 500, "body": "<html>oops</html>"},
        {"body": requests.exceptions.ConnectionError("refused")},
    ],
    ids=["401", "400", "500", "connection"],
)
def test_a_failed_login_leaves_no_password_anywhere(mocked: responses.RequestsMock, answer: dict[str, Any]) -> None:
    mocked.post(API + "auth/login", **answer)
    failure = failure_of(lambda: Kitsu.login(API, "td@studio.com", PASSWORD, retry=NO_RETRY))
    assert isinstance(failure, errors.KitsuError)
    assert PASSWORD not in everything_reachable(failure)


def test_a_login_to_a_closed_port_leaves_no_password_anywhere(closed_port_url: str) -> None:
    failure = failure_of(lambda: Kitsu.login(closed_port_url, "td@studio.com", PASSWORD, retry=NO_RETRY))
    assert isinstance(failure, errors.ConnectError)
    reachable = everything_reachable(failure)
    assert PASSWORD not in reachable
    assert failure.__cause__ is None and failure.__context__ is None


@pytest.mark.parametrize("status", [403, 500])
def test_a_failed_authenticated_call_leaves_no_token_anywhere(mocked: responses.RequestsMock, status: int) -> None:
    mocked.get(API + "data/projects", status=status, json={"message": "no"})
    kitsu = Kitsu(API, tokens=Tokens.from_strings(ACCESS, REFRESH), retry=NO_RETRY)
    reachable = everything_reachable(failure_of(lambda: kitsu.projects.all()))
    assert ACCESS not in reachable and REFRESH not in reachable


def test_a_transport_failure_of_an_authenticated_call_leaves_no_token_anywhere(closed_port_url: str) -> None:
    kitsu = Kitsu(closed_port_url, tokens=Tokens.from_strings(ACCESS, REFRESH), retry=NO_RETRY)
    reachable = everything_reachable(failure_of(lambda: kitsu.projects.all()))
    assert ACCESS not in reachable and REFRESH not in reachable and "Bearer" not in reachable


# ------------------------------------------- 3. an edit lost during save
def test_an_edit_made_while_the_save_is_in_flight_is_kept(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=new_id(), nb_frames=10, description="old")])[0]
    url = API + f"data/entities/{shot.id}"

    def answer_after_another_edit(request: Any) -> tuple[int, dict[str, str], str]:
        # The PUT is in flight: another thread edits the same object now.
        other = threading.Thread(target=setattr, args=(shot, "description", "edited meanwhile"))
        other.start()
        other.join()
        return 200, {}, json.dumps(row("Shot", id=shot.id, nb_frames=48, description="old"))

    mocked.add_callback(responses.PUT, url, callback=answer_after_another_edit)
    shot.nb_frames = 48
    shot.save()
    assert json.loads(mocked.calls[0].request.body) == {"nb_frames": 48}
    assert shot.description == "edited meanwhile"
    assert shot.changes() == {"description": "edited meanwhile"}  # still to send
    mocked.replace(responses.PUT, url, json=row("Shot", id=shot.id, nb_frames=48, description="edited meanwhile"))
    shot.save()
    assert json.loads(mocked.calls[1].request.body) == {"description": "edited meanwhile"}
    assert shot.changes() == {}


def test_a_failed_save_keeps_its_changes(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=new_id(), data={"a": 1})])[0]
    mocked.put(API + f"data/entities/{shot.id}", status=400, json={"message": "no"})
    shot.nb_frames = 5
    shot.data = {"a": 1, "b": 2}
    with pytest.raises(errors.BadRequestError):
        shot.save()
    assert shot.changes() == {"nb_frames": 5, "data": {"b": 2}}


def test_removing_a_data_key_where_the_server_merges_is_refused(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=new_id(), data={"keep": 1, "drop": 2})])[0]
    shot.data = {"keep": 1}
    with pytest.raises(errors.InvalidArgumentError, match="drop"):
        shot.save()
    assert len(mocked.calls) == 0
    assert shot.data == {"keep": 1}  # the local edit is not lost


def test_removing_a_data_key_where_the_server_replaces_data_is_sent(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    project = kitsu.projects.materialize([row("Project", id=new_id(), data={"keep": 1, "drop": 2})])[0]
    url = API + f"data/projects/{project.id}"
    mocked.get(url, json=row("Project", id=project.id, data={"keep": 1, "drop": 2, "theirs": 3}))
    mocked.put(url, json=row("Project", id=project.id, data={"keep": 1, "theirs": 3}))
    project.data = {"keep": 1}
    project.save()
    assert json.loads(mocked.calls[-1].request.body) == {"data": {"keep": 1, "theirs": 3}}
    assert project.data == {"keep": 1, "theirs": 3}


# ------------------------------------- 4. typed errors for bad answers
BAD_BODIES = {
    "html page": ("<html><body>Sign in to the proxy</body></html>", "text/html"),
    "truncated json": ('[{"id": "', "application/json"),
    "empty body": ("", "application/json"),
}


@pytest.mark.parametrize("body", BAD_BODIES, ids=list(BAD_BODIES))
@pytest.mark.parametrize("call", ["filter", "rows", "row", "relation", "post", "put", "delete"])
def test_a_body_that_is_not_json_is_a_typed_error_with_an_excerpt(
    kitsu: Kitsu, mocked: responses.RequestsMock, body: str, call: str
) -> None:
    text, content_type = BAD_BODIES[body]
    shot = kitsu.shots.materialize([row("Shot", id=new_id())])[0]
    for method in (responses.GET, responses.POST, responses.PUT, responses.DELETE):
        mocked.add(method, re.compile(re.escape(API) + ".*"), body=text, content_type=content_type)
    calls: dict[str, Callable[[], object]] = {
        "filter": lambda: kitsu.tasks.filter(entity_id=shot.id),
        "rows": lambda: kitsu.tasks.rows(entity_id=shot.id),
        "row": lambda: kitsu.shots.row(shot.id),
        "relation": lambda: shot.tasks,
        "post": lambda: kitsu.transport.post("data/tasks", {}),
        "put": lambda: kitsu.transport.put("data/tasks", {}),
        "delete": lambda: kitsu.transport.delete("data/tasks"),
    }
    if not text and call in ("post", "put", "delete"):
        assert calls[call]() is None  # an empty answer to a write is fine
        return
    failure = failure_of(calls[call])
    assert isinstance(failure, errors.UnexpectedAnswerError), repr(failure)
    assert failure.status == 200 and failure.path.startswith("/data/")
    assert text[:20] in failure.excerpt


@pytest.mark.parametrize("shape", [{"not": "a list"}, [1, 2], "text", [{"id": new_id()}, "x"]])
def test_json_of_the_wrong_shape_is_a_typed_error(kitsu: Kitsu, mocked: responses.RequestsMock, shape: Any) -> None:
    mocked.get(API + "data/tasks", json=shape)
    for read in (lambda: kitsu.tasks.filter(), lambda: kitsu.tasks.rows(), lambda: list(kitsu.tasks.iter())):
        with pytest.raises(errors.UnexpectedAnswerError):
            read()


def test_a_refresh_answer_without_an_access_token_is_a_typed_error(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has expired"})
    mocked.get(API + "auth/refresh-token", json={"refresh_token": REFRESH})
    kitsu = Kitsu(API, tokens=Tokens.from_strings(ACCESS, REFRESH), retry=NO_RETRY)
    failure = failure_of(lambda: kitsu.projects.all())
    assert isinstance(failure, errors.UnexpectedAnswerError) and failure.status == 200
    assert (failure.method, failure.path, failure.problem) == (
        "GET", "/auth/refresh-token", "no access_token in the answer")
    assert failure.excerpt == "keys ['refresh_token']"  # the keys, never the values
    assert REFRESH not in everything_reachable(failure)


# ------------------------------------------------------------ 5. tokens
def test_a_corrupted_access_token_is_refreshed_once(mocked: responses.RequestsMock) -> None:
    """Zou answers 422 (not 401) to a corrupted but unexpired token."""
    sent: list[str] = []

    def answer(request: Any) -> tuple[int, dict[str, str], str]:
        sent.append(request.headers["Authorization"])
        if request.headers["Authorization"] == "Bearer fresh":
            return 200, {}, "[]"
        return 422, {}, json.dumps({"msg": "Signature verification failed"})

    mocked.add_callback(responses.GET, API + "data/projects", callback=answer)
    mocked.get(API + "auth/refresh-token", json={"access_token": "fresh"})
    kitsu = Kitsu(API, tokens=Tokens.from_strings("corrupted", REFRESH), retry=NO_RETRY)
    assert kitsu.projects.all() == []
    assert sent == ["Bearer corrupted", "Bearer fresh"]


def test_a_token_still_refused_after_its_refresh_is_a_typed_error(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/projects", status=422, json={"msg": "Signature verification failed"})
    refresh = mocked.get(API + "auth/refresh-token", json={"access_token": "fresh"})
    kitsu = Kitsu(API, tokens=Tokens.from_strings("corrupted", REFRESH), retry=NO_RETRY)
    with pytest.raises(errors.InvalidTokenError):
        kitsu.projects.all()
    assert refresh.call_count == 1


# ------------------------------------------------------------- 7. smaller
def test_get_many_takes_dicts_and_refuses_other_values_typed(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    known = kitsu.shots.materialize([row("Shot", id=new_id())])[0]
    assert kitsu.shots.get_many([{"id": known.id}]) == {known.id: known}
    for bad in ([["x"]], [None], [{"no": "id"}], [3.5]):
        with pytest.raises(errors.InvalidArgumentError):
            kitsu.shots.get_many(bad)
    assert len(mocked.calls) == 0


class _Trickler(http.server.BaseHTTPRequestHandler):
    """Sends headers at once, then one byte of body every 0.2 s."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        try:
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass  # the client gave up: as expected

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def trickling_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Trickler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_server_trickling_its_answer_is_cut_at_the_total_timeout(trickling_server: str) -> None:
    transport = Transport(trickling_server, timeout=Timeout(connect=1, read=1, total=1.5), retry=NO_RETRY)
    started = time.monotonic()
    with pytest.raises(errors.RequestTimeoutError, match="total"):
        transport.get("data/projects")
    assert time.monotonic() - started < 3.0  # each byte came within the read timeout


class _HeaderTrickler(socketserver.BaseRequestHandler):
    """Sends its status line and headers one byte every 0.2 s: each read
    gets a byte within any read timeout."""

    def handle(self) -> None:
        self.request.recv(65536)
        try:
            for byte in b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Slow: " + b"x" * 1000:
                self.request.sendall(bytes([byte]))
                time.sleep(0.2)
        except OSError:
            pass  # the client gave up: as expected


def test_a_server_trickling_its_headers_is_cut_at_the_total_timeout() -> None:
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _HeaderTrickler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        transport = Transport(url, timeout=Timeout(connect=1, read=1, total=1.5), retry=NO_RETRY)
        started = time.monotonic()
        with pytest.raises(errors.RequestTimeoutError):
            transport.get("data/projects")
        assert time.monotonic() - started < 2.5  # was bounded by the byte count, not by total
    finally:
        server.shutdown()
        server.server_close()


# -------------------------------------------------------------- 8. gc pause
def test_the_gc_pause_is_shared_by_concurrent_builds_and_can_be_turned_off() -> None:
    before = gc.get_threshold()
    inside = threading.Event()
    leave = threading.Event()

    def long_build() -> None:
        with gcpause.paused_gc():
            inside.set()
            leave.wait(5)

    other = threading.Thread(target=long_build)
    other.start()
    inside.wait(5)
    with gcpause.paused_gc():
        assert gcpause.is_paused() and gc.get_threshold()[0] == 0
    assert gcpause.is_paused()  # the other build is still running
    leave.set()
    other.join()
    assert gc.get_threshold() == before and not gcpause.is_paused()
    gcpause.enabled = False
    try:
        with gcpause.paused_gc():
            assert gc.get_threshold() == before
    finally:
        gcpause.enabled = True


@pytest.mark.parametrize("host_turns", ["off before", "off during", "on during"])
def test_the_host_keeps_the_collector_as_it_set_it(host_turns: str) -> None:
    if host_turns == "off before":
        gc.disable()
    try:
        with gcpause.paused_gc():
            if host_turns == "off during":
                gc.disable()
            elif host_turns == "on during":
                gc.enable()
        assert gc.isenabled() is (host_turns == "on during")
    finally:
        gc.enable()


def test_no_request_is_sent_while_the_collector_is_paused(mocked: responses.RequestsMock, kitsu: Any) -> None:
    """A relation's load pauses the collector to build its models, never
    across the request: threads waiting on the network leave it running."""
    project, asset = "00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"
    paused_at_request: list[bool] = []

    def answer(rows: list[dict[str, Any]]) -> Any:
        def callback(request: Any) -> tuple[int, dict[str, str], str]:
            paused_at_request.append(gcpause.is_paused())
            return 200, {}, json.dumps(rows)
        return callback

    task = {"id": "00000000-0000-4000-8000-000000000003", "entity_id": asset, "project_id": project,
            "task_type_id": project, "task_status_id": project, "name": "main"}
    mocked.add_callback(responses.GET, re.compile(".*/data/tasks.*"), callback=answer([task]))
    assets = kitsu.assets.materialize([{"id": asset, "name": "a", "project_id": project}])
    assert [t.id for t in assets[0].tasks] == [task["id"]]
    assert paused_at_request == [False]


def test_a_body_that_cannot_be_json_is_refused_before_sending(mocked: responses.RequestsMock) -> None:
    transport = Transport(API, retry=NO_RETRY)
    for body in ({"when": object()}, {"x": {1, 2}}):
        with pytest.raises(errors.InvalidArgumentError):
            transport.post("data/tasks", body)
    assert len(mocked.calls) == 0


# ---------------------------------------------- 7. edits made during a save
def _slow_put(mocked: responses.RequestsMock, arrived: threading.Event, answered: threading.Event) -> None:
    """A PUT of the shot whose answer waits until the test has edited the
    object: the server's record as it stands after the save."""

    def callback(request: Any) -> tuple[int, dict[str, str], str]:
        arrived.set()
        answered.wait(5)
        body = json.loads(request.body)
        record = {"id": SHOT, "name": "sh010", "project_id": PROJECT, "data": {"x": 1, **body.get("data", {})},
                  "entities_in": body.get("entities_in", [])}
        return 200, {}, json.dumps(record)

    mocked.add_callback(responses.PUT, f"{API}data/entities/{SHOT}", callback=callback)


PROJECT, SHOT = "00000000-0000-4000-8000-0000000000a1", "00000000-0000-4000-8000-0000000000a2"


@pytest.mark.parametrize("edit", ["data key", "data key removed", "list field"])
def test_an_edit_in_place_made_while_a_save_is_in_flight_goes_out_with_the_next(
    mocked: responses.RequestsMock, kitsu: Any, edit: str
) -> None:
    shot = kitsu.shots.materialize([{"id": SHOT, "name": "sh010", "project_id": PROJECT, "data": {"x": 1, "old": 2},
                                     "entities_in": []}])[0]
    shot.data = {**shot.data, "x": 2}
    shot.entities_in = [PROJECT]
    arrived, answered = threading.Event(), threading.Event()
    _slow_put(mocked, arrived, answered)
    saving = threading.Thread(target=shot.save)
    saving.start()
    assert arrived.wait(5)
    if edit == "data key":
        shot.data["y"] = 1  # no lock: the threading contract asks for one, a lost write is worse
    elif edit == "data key removed":
        del shot.data["old"]
    else:
        shot.entities_in.append(SHOT)
    answered.set()
    saving.join(5)
    pending = shot.changes()
    if edit == "data key":
        assert shot.data["y"] == 1 and pending == {"data": {"y": 1}}
    elif edit == "data key removed":
        assert "old" not in shot.data
    else:
        assert shot.entities_in == [PROJECT, SHOT] and pending == {"entities_in": [PROJECT, SHOT]}


# --------------------------------------------------------- 8. smaller ones
def test_a_token_refresh_that_meets_a_connection_error_is_tried_again(mocked: responses.RequestsMock) -> None:
    transport = Transport(API, tokens=Tokens.from_strings("old.access", "the.refresh"),
                          retry=RetryPolicy(attempts=4, backoff=0.01))
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has expired"})
    mocked.get(API + "auth/refresh-token", body=requests.exceptions.ConnectionError("the API is restarting"))
    mocked.get(API + "auth/refresh-token", json={"access_token": "new.access"})
    mocked.get(API + "data/projects", json=[])
    assert transport.get("data/projects") == []
    refreshes = [call for call in mocked.calls if call.request.url.endswith("auth/refresh-token")]
    assert len(refreshes) == 2 and transport.tokens is not None and transport.tokens.access.reveal() == "new.access"


@pytest.mark.parametrize("answer", [[], {"unexpected": True}, {"id": "00000000-0000-4000-8000-0000000000ff"}, "text"])
def test_a_save_answered_with_json_of_another_shape_is_no_success(
    mocked: responses.RequestsMock, kitsu: Any, answer: Any
) -> None:
    shot = kitsu.shots.materialize([{"id": SHOT, "name": "sh010", "project_id": PROJECT}])[0]
    shot.name = "sh020"
    if isinstance(answer, dict) and "id" not in answer:
        answer = [answer]
    mocked.put(f"{API}data/entities/{SHOT}", json=answer)
    with pytest.raises(errors.UnexpectedAnswerError):
        shot.save()
    assert shot.changes() == {"name": "sh020"}  # still to send


def test_a_host_that_never_answered_fails_at_once_and_one_that_did_is_waited_for(
    closed_port_url: str, mocked: responses.RequestsMock
) -> None:
    never = Transport(closed_port_url)  # the default policy: a minute of retries for an outage
    started = time.monotonic()
    with pytest.raises(errors.ConnectError):
        never.get("data/projects")
    assert time.monotonic() - started < 1.0
    was_up = Transport(API, retry=RetryPolicy(attempts=4, backoff=0.01))
    mocked.get(API + "data/projects", json=[])
    mocked.get(API + "data/persons", body=requests.exceptions.ConnectionError("the API went away"))
    mocked.get(API + "data/persons", json=[])
    assert was_up.get("data/projects") == [] and was_up.get("data/persons") == []
