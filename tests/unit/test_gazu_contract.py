"""Table-driven contract tests: every function of official gazu 1.3.1 we
build (``shared/spec/gazu-routes.json``), called with synthetic arguments
against a faked server, sends the requests 1.3.1 sends: method, path,
query keys (and literal values), body keys. The caller's arguments are not
modified, and an id that is a path (``../../auth/logout``) sends nothing.
Deliberate departures are listed with their reason and checked as such."""

from __future__ import annotations

import ast
import copy
import datetime
import importlib
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

import gazu
from gazu_spec import BUILT, routes

HOST = "http://kitsu.test/api"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}\Z")


def _id(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


#: A synthetic id per kind of object, by parameter name.
_KINDS = (
    "project asset asset_type shot sequence episode asset_instance person metadata_descriptor entity playlist scene "
    "task task_type task_status comment preview_file working_file output_file output_type software attachment_file "
    "file_status temporal_entity asset_to_instantiate department organisation day_off budget entry build_job studio "
    "project_template notification filter filter_group chat time_spent bot target_task background_file "
    "preview_background_file status_automation automation reply entity_link edit concept project_source "
    "project_target"
).split()
IDS = {kind: _id(number) for number, kind in enumerate(_KINDS, start=1)}
P, S, Q, E, TK, TS, PF, WF = (IDS[k] for k in ("project", "shot", "sequence", "episode", "task", "task_status",
                                               "preview_file", "working_file"))


def _record(object_id: str) -> dict[str, Any]:
    """A record with the fields functions read off the dicts they are given."""
    return {
        "id": object_id, "name": "n", "project_id": P, "parent_id": Q, "entity_type_id": IDS["asset_type"],
        "source_id": E, "episode_id": E, "data": {}, "departments": [], "production_type": "short",
        "extension": "png", "task_status_id": TS, "path": "/mnt/work/p", "folder_path": "/mnt/work/p",
        "file_name": "f", "next_revision": 3, "main": {"id": WF}, "shots": [], "entity_id": S, "status": "ready",
        "object_id": TK, "person_id": IDS["person"], "task_type_id": IDS["task_type"],
    }


#: Values of parameters that are not records or ids, by name.
VALUES: dict[str, Any] = {
    "host": HOST,
    "entity_type": "Asset", "casting": [{"asset_id": IDS["asset"], "nb_occurences": 1}], "data": {"k": 1},
    "year": 2026, "month": 1, "week": 2, "source_list": [_record(IDS["asset"])],
    "target_list": [_record(IDS["asset_to_instantiate"])], "entities": [_record(IDS["asset"])],
    "tasks": [_record(TK)], "date": "2026-01-05", "start_date": "2026-01-05", "end_date": "2026-01-06",
    "duration": 3600, "color": "#00FF00", "file_tree": {"working": {}}, "file_tree_name": "simple",
    "path": "/mnt/work/p/f.ma", "task_types": [_record(IDS["task_type"])], "descriptor_ids": [IDS["metadata_descriptor"]],
    "descriptors": [IDS["metadata_descriptor"]], "comments_data": {"task_status_id": TS, "comment": "c"},
    "links": [], "position": 1, "priority": 1, "frame_number": 3, "role": "user", "text": "a reply",
    "query": "hero", "list_type": "asset", "token": "token-1", "email": "td@example.com", "password": "pw",
    "ids": [IDS["asset"]], "model_map": {}, "task_status_map": {TS: TS}, "person_map": {},
    "default_status": _record(TS), "status_id": IDS["file_status"], "entity_type_id": IDS["asset_type"],
}
#: Arguments whose value depends on the function.
OVERRIDES: dict[str, dict[str, Any]] = {
    **{name: {"comment": "a text"} for name in (
        "files.new_entity_output_file", "files.new_asset_instance_output_file", "files.update_comment",
    )},
    **{f"client.{name}": {"model_name": "persons", "path": "persons", "data": {"first_name": "a"}} for name in (
        "create", "update", "fetch_all", "fetch_first", "fetch_one", "import_data",
    )},
    "files.update_output_file": {"data": {"field": 1}},
    "files.update_preview": {"data": {"field": 1}},
    "project.add_preview_background_file": {"background_file": {"preview_background_file_id": IDS["background_file"]}},
    "project.add_status_automation": {"automation": {"status_automation_id": IDS["status_automation"]}},
    "person.get_all_month_time_spents": {"date": datetime.date(2026, 1, 5)},
    "sync.push_task_comment": {"comment": {
        **_record(IDS["comment"]), "text": "a text", "created_at": "2026-01-05T10:00:00", "checklist": [],
        "attachment_files": [IDS["attachment_file"]], "previews": [IDS["preview_file"]],
    }},
}
#: Optional arguments a function needs to send anything (files to attach...).
OPTIONAL: dict[str, set[str]] = {
    "task.add_attachment_files_to_comment": {"attachments"},
    "task.add_preview": {"preview_file_path"},
    "task.add_extra_preview": {"preview_file_path"},
    "task.publish_preview": {"preview_file_path"},
}

#: Our requests that differ from official gazu's, on purpose (README,
#: "gazu: deliberate departures"), with the requests ours sends instead.
DEPARTURES: dict[str, tuple[str, list[tuple[str, str, set[str]]]]] = {
    **{
        f"{module}.update_{kind}_data": (
            "the entity route merges data key by key: only the new keys are sent, without reading first",
            [("PUT", f"data/entities/{IDS[kind]}", {"id", "data"})],
        )
        for module, kind in (
            ("asset", "asset"), ("shot", "shot"), ("shot", "sequence"), ("shot", "episode"), ("edit", "edit"),
        )
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

_ANSWERED_ROWS = ("/full", "/working-files/last-revisions", "/time-spents/2026-01-05", "/output-file-path",
                  "/working-file-path", "/next-revision", "auth/authenticated", "/build/mp4", "/open-tasks",
                  "/open-tasks/stats", "data/user/context", "data/user/filters", "data/user/filter-groups")
#: Routes that answer a list whatever their method and last segment.
_ANSWERED_LISTS = re.compile(
    r"(data/entities/[^/]+/tasks|actions/tasks/([^/]+/)?batch-comment|/related-tasks/[^/]+"
    r"|/metadata-descriptors/reorder|data/(persons/[^/]+|user)/time-spents/[0-9-]+)$"
)


def _parameters(name: str) -> list[tuple[str, bool]]:
    """1.3.1's parameters before ``client``: (name, required)."""
    tree = ast.parse(f"def f{routes()[name]['signature'].replace('client=default', 'client=None')}: pass").body[0]
    assert isinstance(tree, ast.FunctionDef)
    args = tree.args.args
    required = len(args) - len(tree.args.defaults)
    return [(arg.arg, index < required) for index, arg in enumerate(args) if arg.arg != "client"]


def _value(param: str, name: str, tmp_path: Path) -> Any:
    image = tmp_path / "file.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n")
    overrides = OVERRIDES.get(name, {})
    if param in overrides:
        return overrides[param]
    if param in OPTIONAL.get(name, set()):
        return [str(image)] if param == "attachments" else str(image)
    if param in VALUES:
        return copy.deepcopy(VALUES[param])
    if param.endswith(("file_path", "_path")) or param in ("file_path", "csv_file_path", "otio_file_path"):
        return str(image)
    if param in IDS:
        return _record(IDS[param])
    if param.endswith("_id") and param[:-3] in IDS:
        return IDS[param[:-3]]
    if param in ("id", "model_id"):
        return IDS["person"]
    if param in ("client_source", "client_target", "source_client", "target_client"):
        return _client()
    return "a name"


def _arguments(name: str, tmp_path: Path) -> dict[str, Any]:
    return {
        param: _value(param, name, tmp_path)
        for param, required in _parameters(name) if required or param in OPTIONAL.get(name, set())
    }


def _answer(request: Any) -> tuple[int, dict[str, str], str]:
    """A plausible answer: records for ids, nothing found for list queries
    (so get-or-create creates), what was sent for writes."""
    route = urlsplit(request.url).path.removeprefix("/api/")
    if request.method == "DELETE":
        return 204, {}, ""
    if _ANSWERED_LISTS.search(route):
        return 200, {}, "[]"
    if route == "auth/login":
        return 200, {}, json.dumps({"login": True, "access_token": "a.b.c", "refresh_token": "r.e.f",
                                    "user": _record(IDS["person"])})
    if route == "auth/refresh-token":
        return 200, {}, json.dumps({"access_token": "n.e.w"})
    if request.method in ("POST", "PUT"):
        body = json.loads(request.body) if request.body and request.headers.get("Content-Type") == "application/json" else {}
        return 200, {}, json.dumps({**_record(_id(99)), **body} if isinstance(body, dict) else body)
    if route == "data/project-status":
        return 200, {}, json.dumps([{"id": _id(97), "name": "Closed"}])
    if route == "data/task-status":
        return 200, {}, json.dumps([_record(TS)])
    if route == "data/projects/open":
        return 200, {}, json.dumps([_record(P)])
    if route.startswith("data/persons/presence-logs/"):
        return 200, {}, "person,day"
    if route == "":
        return 200, {}, json.dumps({"api": "Zou", "version": "1.0.97"})
    if route.startswith("data/playlists/entities/"):  # an entity's previews, by task type
        return 200, {}, json.dumps({IDS["task_type"]: [{**_record(PF), "created_at": "2026-01-05T10:00:00"}]})
    last = route.rsplit("/", 1)[-1]
    is_record = _UUID.match(last) or route.endswith(_ANSWERED_ROWS)
    answer = {**_record(last), "user": _record(IDS["person"]), "organisation": _record(IDS["organisation"])}
    return 200, {}, json.dumps(answer if is_record else [])


def _client() -> gazu.client.KitsuClient:
    client = gazu.client.create_client(HOST)
    client.tokens = {"access_token": "a.b.c", "refresh_token": "r.e.f"}
    return client


def _target(name: str) -> Any:
    module, _, function = name.rpartition(".")
    return getattr(gazu if module in ("", "gazu") else importlib.import_module(f"gazu.{module}"), function)


def _takes_client(name: str) -> bool:
    return "client=" in routes()[name]["signature"]


def _sent(name: str, tmp_path: Path) -> list[dict[str, Any]]:
    """The requests the function sends, called with synthetic arguments."""
    client = _client()
    with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
        for method in (responses.GET, responses.POST, responses.PUT, responses.DELETE, responses.HEAD):
            fake.add_callback(method, re.compile(".*"), callback=_answer)
        arguments = _arguments(name, tmp_path)
        given = copy.deepcopy({key: value for key, value in arguments.items() if not isinstance(value, gazu.client.KitsuClient)})
        extra = {"client": client} if _takes_client(name) else {}
        _target(name)(**arguments, **extra)
        calls = list(fake.calls)
    assert {key: value for key, value in arguments.items() if key in given} == given, "the caller's arguments were modified"
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


#: How the routes table writes "the caller's own parameters".
_CALLERS = "<params dict>"


def _matches(template: str, path: str) -> bool:
    pattern = re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(template))
    return re.fullmatch(pattern, path) is not None


def _entry(request: dict[str, Any], table: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((row for row in table if row["method"] == request["method"] and _matches(row["path"], request["path"])), None)


#: Functions whose requests need a live exchange (polling, sockets, two
#: servers' answers): held to the contract by the integration tests.
NOT_FAKED = {
    "files.wait_for_preview_file", "events.init", "events.run_client", "events.add_listener",
    "helpers.download_file", "client.host_is_up", "client.host_is_valid",
}
WITH_REQUESTS = sorted(
    name for name, entry in routes().items()
    if entry["module"] in BUILT and entry["requests"] and name not in NOT_FAKED
    and not any(request["path"].startswith("{") for request in entry["requests"] if not request.get("when"))
    and name != "client.get_file_data_from_url"  # any URL: tests/unit/test_gazu_client.py
)


@pytest.mark.parametrize("name", WITH_REQUESTS)
def test_a_function_sends_what_official_gazu_sends(name: str, tmp_path: Path) -> None:
    sent = _sent(name, tmp_path)
    table = routes()[name]["requests"]
    if name in DEPARTURES:
        assert [(r["method"], r["path"], r["body_keys"]) for r in sent] == DEPARTURES[name][1]
        return
    for request in sent:
        row = _entry(request, table)
        assert row is not None, f"{request['method']} {request['path']} is not a request official gazu sends"
        allowed = set(row["params"]) - {_CALLERS}
        required = allowed - set(row["optional_params"])
        if _CALLERS not in row["params"]:  # else: the caller's own params, whatever they hold
            assert required <= set(request["query"]) <= allowed, f"query keys of {request['path']}"
        for key, value in row["param_values"].items():
            if key in request["query"] and not value.startswith("{"):
                assert request["query"][key] == value, f"?{key}= of {request['path']}"
        body_keys, optional = set(row["body_keys"]), set(row["optional_body_keys"])
        if row["body_keys"] == ["field"]:  # the caller's dict, as given
            continue
        if row.get("body_passthrough"):
            assert body_keys - optional <= request["body_keys"]
        elif row["body_type"] == "object":
            assert body_keys - optional <= request["body_keys"] <= body_keys, f"body keys of {request['path']}"
    for row in table:
        if not row.get("when"):
            assert any(_entry(request, [row]) for request in sent), f"{row['method']} {row['path']} was not sent"


def test_every_departure_names_a_built_function_and_a_reason() -> None:
    assert set(DEPARTURES) <= set(WITH_REQUESTS)
    assert all(reason for reason, _ in DEPARTURES.values())


_WITH_IDS = [
    name for name in WITH_REQUESTS
    if any(required and (param in IDS or (param.endswith("_id") and param[:-3] in IDS)) for param, required in _parameters(name))
]


@pytest.mark.parametrize("name", _WITH_IDS)
def test_a_path_given_as_an_id_is_refused_before_any_request(name: str, tmp_path: Path) -> None:
    client = _client()
    arguments = _arguments(name, tmp_path)
    extra = {"client": client} if _takes_client(name) else {}
    for param, required in _parameters(name):
        if not required or param in OVERRIDES.get(name, {}) or not (param in IDS or param[:-3] in IDS):
            continue
        for hostile in ("../../auth/logout", "x/y", "a b", "", "%2e%2e", "id?x=1", "id#f"):
            with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
                with pytest.raises(ValueError) as raised:
                    _target(name)(**{**arguments, param: hostile}, **extra)
                assert len(fake.calls) == 0, f"{param}={hostile!r} sent a request"
            assert isinstance(raised.value, gazu.exception.GazuException), param


def test_an_id_that_is_one_segment_is_taken_as_mocked_tests_write_them() -> None:
    client = _client()
    with responses.RequestsMock() as fake:
        fake.add(responses.GET, f"{HOST}/data/projects/project-01", json={"id": "project-01", "name": "p"})
        assert gazu.project.get_project("project-01", client=client)["name"] == "p"
