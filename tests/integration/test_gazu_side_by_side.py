"""Official gazu 1.3.1 and ours, the same calls on the same server: results
compared as JSON, call by call."""

from __future__ import annotations

from typing import Any

import pytest

from side_by_side import Call, run, settings_of

pytestmark = pytest.mark.server


@pytest.mark.usefixtures("server_alone")  # both runs list the studio's statuses: none may change in between
def test_the_client_module_gives_what_official_gazu_gives(kitsu_server: Any, admin: Any) -> None:
    status = admin.transport.get("data/task-status")[0]
    calls: list[Call] = [
        ("gazu", "get_host", [], {}),
        ("client", "get_host", [], {}),
        ("client", "get_api_url_from_host", [], {}),
        ("client", "get_full_url", ["data/projects"], {}),
        ("client", "url_path_join", ["data", "/projects/", "x"], {}),
        ("client", "build_path_with_params", ["data/tasks", {"id": ["a", "b"], "n": 1}], {}),
        ("client", "host_is_up", [], {}),
        ("client", "host_is_valid", [], {}),
        ("client", "get_api_version", [], {}),
        ("client", "fetch_all", ["task-status"], {}),
        ("client", "fetch_all", ["task-types"], {"params": {"for_entity": "Shot"}}),
        ("client", "fetch_first", ["task-status"], {}),
        ("client", "fetch_first", [f"task-status?short_name={status['short_name']}"], {}),
        ("client", "fetch_first", ["task-status", {"name": "no such status"}], {}),
        ("client", "fetch_one", ["task-status", status["id"]], {}),
        ("client", "get", ["data/departments"], {}),
        ("client", "get", [f"data/task-status/{status['id']}"], {}),
        ("client", "fetch_one", ["task-status", "00000000-0000-4000-8000-000000000000"], {}),
        ("client", "get", ["data/no-such-route"], {}),
    ]
    ours = run(calls, official=False, settings=settings_of(kitsu_server))
    theirs = run(calls, official=True, settings=settings_of(kitsu_server))
    different = [(call[:3], mine, official) for call, mine, official in zip(calls, ours, theirs) if mine != official]
    print(f"\nside by side, gazu.client: {len(calls)} calls compared, {len(calls) - len(different)} equal")
    assert different == []
