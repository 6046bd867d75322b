"""Table-driven contract tests: every built gazu function, called with
synthetic arguments against a faked server, sends the requests the routes
table (gazu-routes.json, traced from official gazu 1.3.1) says official
gazu sends: method, path, query keys (and literal values), body keys.
Deliberate departures are listed with their reason and checked as such."""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

import gazu
from gazu_spec import CLIENT_DEFAULT, Param, SpecFunction, of_module, routes

HOST = "http://kitsu.test/api"
MODULES = ("project", "person", "asset", "shot", "casting", "entity", "task", "files", "playlist", "sync", "user")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}\Z")


def _id(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


P, A, T, S, Q, E, I, D, R, A2, STATUS, PL, TK, TT, TS, C, PF, WF, OF, OT, SW, AF, FS = (_id(n) for n in range(1, 24))

#: Our requests that differ from official gazu's, on purpose (README,
#: "gazu: deliberate departures"), with the requests ours sends instead.
DEPARTURES: dict[str, tuple[str, list[tuple[str, str, set[str]]]]] = {
    **{
        f"{module}.update_{kind}_data": (
            "the entity route merges data key by key: only the new keys are sent, without reading first",
            [("PUT", f"data/entities/{entity}", {"id", "data"})],
        )
        for module, kind, entity in (("asset", "asset", A), ("shot", "shot", S), ("shot", "sequence", Q),
                                     ("shot", "episode", E))
    },
    "task.update_task_data": (
        "the task route merges data key by key: only the new keys are sent, without reading first",
        [("PUT", f"data/tasks/{TK}", {"id", "data"})],
    ),
    "project.update_project_data": (
        "a project's data is replaced whole: read, merged, and only data sent back (not the whole stale record)",
        [("GET", f"data/projects/{P}", set()), ("PUT", f"data/projects/{P}", {"data"})],
    ),
    "project.close_project": (
        "only the status is sent, not the caller's (maybe stale) project dict",
        [("GET", "data/project-status", set()), ("PUT", f"data/projects/{P}", {"project_status_id"})],
    ),
}


#: The spec's functions official gazu 1.3.1 no longer has (no table row):
#: the requests ours sends, on what Zou 1.0.97 offers (README, gazu section).
NOT_IN_OFFICIAL: dict[str, list[tuple[str, str, set[str]]]] = {
    "task.get_task_by_name": [("GET", "data/tasks", set())],
    "task.get_task_by_path": [("POST", "data/entities/guess-from-path", {"project_id", "file_path", "sep"})],
    "task.task_to_review": [
        ("GET", "data/task-status", set()),
        ("POST", f"actions/tasks/{TK}/comment", {"task_status_id", "comment", "checklist", "links", "for_client", "person_id"}),
        ("GET", f"data/tasks/{TK}", set()),
    ],
    "files.set_project_file_tree": [("PUT", f"data/projects/{P}", {"file_tree"})],
}


def _record(object_id: str) -> dict[str, Any]:
    return {
        "id": object_id, "name": "n", "project_id": P, "parent_id": Q, "entity_type_id": T, "source_id": E,
        "episode_id": E, "data": {}, "departments": [], "production_type": "short", "extension": "png",
        "task_status_id": TS, "path": "/mnt/work/p", "folder_path": "/mnt/work/p", "file_name": "f",
        "next_revision": 3, "main": {"id": WF},
    }


_RECORDS = {
    "project": P, "asset": A, "asset_type": T, "shot": S, "sequence": Q, "episode": E, "asset_instance": I,
    "person": R, "metadata_descriptor": D, "entity": A, "asset_to_instantiate": A2, "playlist": PL, "scene": Q,
    "task": TK, "task_type": TT, "task_status": TS, "comment": C, "preview_file": PF, "preview": PF,
    "working_file": WF, "output_file": OF, "output_type": OT, "software": SW, "attachment_file": AF,
    "temporal_entity": S, "file_status": FS,
}
_IDS = {
    "project_id": P, "asset_id": A, "asset_type_id": T, "shot_id": S, "sequence_id": Q, "episode_id": E,
    "asset_instance_id": I, "metadata_descriptor_id": D, "entity_id": A, "entity_type_id": T, "id": R,
    "task_id": TK, "task_type_id": TT, "task_status_id": TS, "comment_id": C, "preview_file_id": PF,
    "working_file_id": WF, "output_file_id": OF, "output_type_id": OT, "software_id": SW, "attachment_file_id": AF,
    "status_id": FS,
}
_VALUES: dict[str, Any] = {
    "entity_type": "Asset", "casting": [{"asset_id": A, "nb_occurences": 1}], "data": {"k": 1}, "year": 2026,
    "month": 1, "source_list": [_record(A)], "target_list": [_record(A2)], "entities": [_record(A)],
    "tasks": [_record(_id(97))], "date": "2026-01-05", "duration": 3600, "color": "#00FF00",
    "file_tree": {"working": {}}, "file_tree_name": "simple", "path": "/mnt/work/p/f.ma",
}
#: Arguments whose value depends on the function: a comment's text where
#: elsewhere ``comment`` is a record, the fields official gazu was traced with.
_OVERRIDES: dict[str, dict[str, Any]] = {
    **{name: {"comment": "a text"} for name in (
        "files.new_entity_output_file", "files.new_asset_instance_output_file", "files.update_comment",
        "task.task_to_review")},
    "files.update_output_file": {"data": {"field": 1}},
    "files.update_preview": {"data": {"field": 1}},
}
#: Optional arguments a function needs to send anything (files to attach).
_OPTIONAL = {"task.add_attachment_files_to_comment": "attachments", "task.add_preview": "preview_file_path"}


def _arguments(function: SpecFunction, tmp_path: Path) -> list[Any]:
    """A value for each required parameter, by its name."""
    values = []
    overrides = _OVERRIDES.get(f"{function.module}.{function.name}", {})
    image = tmp_path / "avatar.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    for param in function.params:
        if param.name == _OPTIONAL.get(f"{function.module}.{function.name}"):
            values.append([str(image)] if param.name == "attachments" else str(image))
            continue
        if param.default is not None:
            continue
        if param.name in overrides:
            values.append(overrides[param.name])
        elif param.name in _RECORDS:
            values.append(_record(_RECORDS[param.name]))
        elif param.name in _IDS:
            values.append(_IDS[param.name])
        elif param.name == "file_path":
            values.append(str(image))
        else:
            values.append(_VALUES.get(param.name, "a name"))
    return values


def _answer(request: Any) -> tuple[int, dict[str, str], str]:
    """A plausible answer: records for ids, nothing found for list queries
    (so get-or-create creates), what was sent for writes."""
    route = urlsplit(request.url).path.removeprefix("/api/")
    if request.method == "DELETE":
        return 204, {}, ""
    if request.method in ("POST", "PUT"):
        body = json.loads(request.body) if request.body and request.headers.get("Content-Type") == "application/json" else {}
        return 200, {}, json.dumps({**_record(_id(99)), **body} if isinstance(body, dict) else body)
    if route == "data/project-status":
        return 200, {}, json.dumps([{"id": STATUS, "name": "Closed"}])
    if route == "data/task-status":
        return 200, {}, json.dumps([_record(TS)])
    if route == "data/projects/open":
        return 200, {}, json.dumps([_record(P)])
    if route == "auth/authenticated":
        return 200, {}, json.dumps({"user": {"id": R}, "organisation": {"id": _id(98)}})
    if route.startswith("data/persons/presence-logs/"):
        return 200, {}, "person,day"
    last = route.rsplit("/", 1)[-1]
    is_record = _UUID.match(last) or route.endswith(_RECORD_SUFFIXES)
    return 200, {}, json.dumps(_record(last) if is_record else [])


#: Routes not ending in an id that answer one object.
_RECORD_SUFFIXES = ("/full", "/working-files/last-revisions", "/time-spents/2026-01-05")


def _sent(function: SpecFunction, tmp_path: Path) -> list[dict[str, Any]]:
    """The requests the function sends, called with synthetic arguments."""
    client = gazu.client.create_client(HOST)
    client.tokens = {"access_token": "a.b.c", "refresh_token": None}
    target = getattr(getattr(gazu, function.module), function.name)
    if not any(param.name == "client" for param in function.params):
        target = functools.partial(_without_client, target)
    with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
        fake.add_callback(responses.GET, re.compile(".*"), callback=_answer)
        for method in (responses.POST, responses.PUT, responses.DELETE):
            fake.add_callback(method, re.compile(".*"), callback=_answer)
        arguments = _arguments(function, tmp_path)
        given = copy.deepcopy(arguments)
        target(*arguments, client=client)
        calls = list(fake.calls)
    assert arguments == given, "the caller's arguments were modified"
    sent = []
    for call in calls:
        url = urlsplit(call.request.url)
        body = call.request.body
        is_json = body and call.request.headers.get("Content-Type") == "application/json"
        decoded = json.loads(body) if is_json else None
        sent.append({
            "method": call.request.method, "path": url.path.removeprefix("/api/"),
            "query": {key: values[0] for key, values in parse_qs(url.query).items()},
            "body_keys": set(decoded) if isinstance(decoded, dict) else set(),
        })
    return sent


def _without_client(function: Any, *args: Any, client: Any) -> Any:
    """A pure function (no client parameter): called without one."""
    return function(*args)


def _matches(template: str, path: str) -> bool:
    pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template))
    return re.fullmatch(pattern, path) is not None


def _entry(request: dict[str, Any], table: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((row for row in table if row["method"] == request["method"] and _matches(row["path"], request["path"])), None)


#: Functions official gazu 1.3.1 has beyond the spec that ours has too
#: (the bench's bulk tools use them): held to the same contract.
BEYOND_SPEC = [SpecFunction("casting", "get_project_shots_casting", (Param("project", None), Param("client", CLIENT_DEFAULT)))]
BUILT = [function for module in MODULES for function in of_module(module)] + BEYOND_SPEC


@pytest.mark.parametrize("function", BUILT, ids=lambda f: f"{f.module}.{f.name}")
def test_a_function_sends_what_official_gazu_sends(function: SpecFunction, tmp_path: Path) -> None:
    name = f"{function.module}.{function.name}"
    sent = _sent(function, tmp_path)
    if name in NOT_IN_OFFICIAL:
        assert name not in routes()
        assert [(r["method"], r["path"], r["body_keys"]) for r in sent] == NOT_IN_OFFICIAL[name]
        return
    table = routes()[name]["requests"]
    if name in DEPARTURES:
        expected = DEPARTURES[name][1]
        assert [(r["method"], r["path"], r["body_keys"]) for r in sent] == expected
        return
    for request in sent:
        row = _entry(request, table)
        assert row is not None, f"{request['method']} {request['path']} is not a request official gazu sends"
        allowed = set(row["params"])
        required = allowed - set(row["optional_params"])
        assert required <= set(request["query"]) <= allowed, f"query keys of {request['path']}"
        for key, value in row["param_values"].items():
            if key in request["query"] and not value.startswith("{"):
                assert request["query"][key] == value, f"?{key}= of {request['path']}"
        body_keys, optional = set(row["body_keys"]), set(row["optional_body_keys"])
        if row.get("body_passthrough"):
            assert body_keys - optional <= request["body_keys"]
        elif row["body_type"] == "object":
            assert body_keys - optional <= request["body_keys"] <= body_keys, f"body keys of {request['path']}"
    for row in table:
        if not row.get("when"):
            assert any(_entry(request, [row]) for request in sent), f"{row['method']} {row['path']} was not sent"


def test_every_departure_names_a_built_function_and_a_reason() -> None:
    built = {f"{f.module}.{f.name}" for f in BUILT}
    assert set(DEPARTURES) <= built
    assert all(reason for reason, _ in DEPARTURES.values())


_WITH_IDS = [f for f in BUILT if any(p.default is None and (p.name in _RECORDS or p.name in _IDS) for p in f.params)]


@pytest.mark.parametrize("function", _WITH_IDS, ids=lambda f: f"{f.module}.{f.name}")
def test_a_string_that_is_not_an_id_is_refused_before_any_request(function: SpecFunction, tmp_path: Path) -> None:
    client = gazu.client.create_client(HOST)
    target = getattr(getattr(gazu, function.module), function.name)
    required = [p for p in function.params if p.default is None]
    arguments = _arguments(function, tmp_path)
    overrides = _OVERRIDES.get(f"{function.module}.{function.name}", {})
    for position, param in enumerate(required):
        if param.name not in _RECORDS and param.name not in _IDS or param.name in overrides:
            continue
        hostile = list(arguments)
        hostile[position] = "../../auth/logout"
        with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
            with pytest.raises(ValueError) as raised:
                target(*hostile, client=client)
            assert len(fake.calls) == 0
        assert isinstance(raised.value, gazu.exception.GazuException), param.name
