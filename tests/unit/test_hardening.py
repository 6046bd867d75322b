"""Regression tests of the defects found by probing (issue "Hardening"):
each failed on the code before its fix."""

from __future__ import annotations

import gc
import http.server
import json
import re
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


# -------------------------------------------------------------- 8. gc pause
def test_the_gc_pause_is_shared_by_concurrent_loads_and_can_be_turned_off() -> None:
    assert gc.isenabled()
    inside = threading.Event()
    leave = threading.Event()

    def long_load() -> None:
        with gcpause.paused_gc():
            inside.set()
            leave.wait(5)

    other = threading.Thread(target=long_load)
    other.start()
    inside.wait(5)
    with gcpause.paused_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the other load is still running
    leave.set()
    other.join()
    assert gc.isenabled()
    gcpause.enabled = False
    try:
        with gcpause.paused_gc():
            assert gc.isenabled()
    finally:
        gcpause.enabled = True


def test_a_program_that_turned_the_gc_off_keeps_it_off() -> None:
    gc.disable()
    try:
        with gcpause.paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_body_that_cannot_be_json_is_refused_before_sending(mocked: responses.RequestsMock) -> None:
    transport = Transport(API, retry=NO_RETRY)
    for body in ({"when": object()}, {"x": {1, 2}}):
        with pytest.raises(errors.InvalidArgumentError):
            transport.post("data/tasks", body)
    assert len(mocked.calls) == 0
