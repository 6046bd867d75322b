"""``gazu.project`` and ``gazu.entity``: what the contract tests cannot see:
answers, get-or-create, client-side filtering, bad input refused before
any request, the caller's dicts left as given, loaded models kept coherent."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

import gazu
from gazu.exception import MethodNotAllowedException
from kitsu_models import errors

HOST = "http://kitsu.test/api"
P = "00000000-0000-4000-8000-000000000001"
PERSON = "00000000-0000-4000-8000-000000000002"
TYPE = "00000000-0000-4000-8000-000000000003"
DEPT = "00000000-0000-4000-8000-000000000004"
CLOSED = "00000000-0000-4000-8000-000000000005"
DESCRIPTOR = "00000000-0000-4000-8000-000000000006"


@pytest.fixture
def client() -> gazu.client.KitsuClient:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        yield mock


def _body(call: Any) -> Any:
    return json.loads(call.request.body)


def _query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(call.request.url).query)


def _project(**fields: Any) -> dict[str, Any]:
    return {"id": P, "name": "Hero", "type": "Project", "data": {}, "project_status_id": "open", **fields}


# ------------------------------------------------------------- projects
def test_all_projects_are_sorted_by_name(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/data/projects", json=[{"id": "b", "name": "Zed"}, {"id": "a", "name": "alpha"}])
    assert [p["name"] for p in gazu.project.all_projects(client=client)] == ["alpha", "Zed"]


def test_new_project_returns_the_existing_one_without_creating(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/projects", json=[_project(production_type="tvshow")])
    found = gazu.project.new_project("Hero", "short", client=client)
    assert found["production_type"] == "tvshow"
    assert [call.request.method for call in fake.calls] == ["GET"]
    assert _query(fake.calls[0]) == {"name": ["Hero"]}


def test_new_project_sends_its_lists_as_ids_and_the_template(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/projects", json=[])
    fake.post(f"{HOST}/data/projects", json=_project())
    team = [{"id": PERSON, "name": "Ada"}]
    given = copy.deepcopy(team)
    gazu.project.new_project("Hero", "tvshow", team=team, task_types=[TYPE], production_style="3d",
                             project_template={"id": DESCRIPTOR}, client=client)
    assert _body(fake.calls[1]) == {
        "name": "Hero", "production_type": "tvshow", "team": [PERSON], "asset_types": [], "task_statuses": [],
        "task_types": [TYPE], "production_style": "3d", "project_template_id": DESCRIPTOR,
    }
    assert team == given
    fake.calls.reset()
    gazu.project.new_project("Hero", client=client)
    assert "project_template_id" not in _body(fake.calls[1]) and _body(fake.calls[1])["production_style"] == "2d3d"


def test_update_project_sends_ids_leaves_the_dict_and_updates_the_loaded_project(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/projects/{P}", json=_project())
    fake.put(f"{HOST}/data/projects/{P}", json=_project(name="Renamed", team=[PERSON]))
    loaded = client.kitsu.projects.get(P)
    given = {"id": P, "name": "Renamed", "team": [{"id": PERSON}], "fps": "25"}
    kept = copy.deepcopy(given)
    assert gazu.project.update_project(given, client=client)["name"] == "Renamed"
    assert _body(fake.calls[-1]) == {"id": P, "name": "Renamed", "team": [PERSON], "fps": "25"}
    assert given == kept
    assert loaded.name == "Renamed"


def test_update_project_data_reads_then_sends_only_the_merged_data(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/projects/{P}", json=_project(data={"a": 1, "b": 2}, description="stale?"))
    fake.put(f"{HOST}/data/projects/{P}", json=_project(data={"a": 1, "b": 3, "c": 4}))
    data = {"b": 3, "c": 4}
    answer = gazu.project.update_project_data({"id": P}, data, client=client)
    assert answer["data"] == {"a": 1, "b": 3, "c": 4}
    assert [call.request.method for call in fake.calls] == ["GET", "PUT"]
    assert _body(fake.calls[1]) == {"data": {"a": 1, "b": 3, "c": 4}}
    assert data == {"b": 3, "c": 4}


def test_update_project_data_clears_get_projects_cache(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/projects/{P}", json=_project(data={"a": 1}))
    fake.put(f"{HOST}/data/projects/{P}", json=_project(data={"a": 1, "b": 2}))
    gazu.cache.enable()
    try:
        assert gazu.project.get_project(P, client=client)["data"] == {"a": 1}
        fake.replace(responses.GET, f"{HOST}/data/projects/{P}", json=_project(data={"a": 1, "b": 2}))
        gazu.project.update_project_data(P, {"b": 2}, client=client)
        assert gazu.project.get_project(P, client=client)["data"] == {"a": 1, "b": 2}
    finally:
        gazu.cache.disable()
        gazu.cache.clear_all()


def test_close_project_sends_only_the_closed_status(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/project-status", json=[{"id": "open", "name": "Open"}, {"id": CLOSED, "name": "CLOSED"}])
    fake.get(f"{HOST}/data/projects/{P}", json=_project())
    fake.put(f"{HOST}/data/projects/{P}", json=_project(project_status_id=CLOSED))
    loaded = client.kitsu.projects.get(P)
    given = _project(name="stale name")
    answer = gazu.project.close_project(given, client=client)
    assert answer["project_status_id"] == CLOSED
    assert _body(fake.calls[-1]) == {"project_status_id": CLOSED}
    assert given == _project(name="stale name")
    assert loaded.project_status_id == CLOSED


def test_close_project_without_a_closed_status_raises_and_writes_nothing(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/project-status", json=[{"id": "open", "name": "Open"}])
    with pytest.raises(ValueError, match="closed"):
        gazu.project.close_project(P, client=client)
    assert [call.request.method for call in fake.calls] == ["GET"]


def test_remove_project_writes_force_as_gazu_does_and_evicts_the_loaded_project(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/projects/{P}", json=_project())
    fake.delete(f"{HOST}/data/projects/{P}", status=204)
    loaded = client.kitsu.projects.get(P)
    gazu.project.remove_project(P, client=client)
    gazu.project.remove_project(P, force=True, client=client)
    assert [urlsplit(call.request.url).query for call in fake.calls[1:]] == ["", "force=true"]
    assert loaded.is_deleted


def test_a_team_change_expires_the_loaded_project(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.get(f"{HOST}/data/projects/{P}", json=_project())
    fake.post(f"{HOST}/data/projects/{P}/team", json=_project(team=[PERSON]))
    loaded = client.kitsu.projects.get(P)
    fake.get(f"{HOST}/data/projects", json=[_project(name="Read again")])  # the reload, by id
    gazu.project.add_person_to_team(P, {"id": PERSON}, client=client)
    assert _body(fake.calls[-1]) == {"person_id": PERSON}
    assert loaded.name == "Read again"


def test_get_project_url_is_built_locally(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    assert gazu.project.get_project_url({"id": P}, client=client) == f"http://kitsu.test/productions/{P}/assets/"
    assert gazu.project.get_project_url(P, "shots", client=client) == f"http://kitsu.test/productions/{P}/shots/"
    assert len(fake.calls) == 0


def test_get_project_task_types_keeps_official_gazus_request_and_its_405(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/projects/{P}/settings/task-types", status=405, json={"message": "not allowed"})
    with pytest.raises(MethodNotAllowedException):
        gazu.project.get_project_task_types(P, client=client)


# ------------------------------------------------- metadata descriptors
def test_add_metadata_descriptor_takes_the_specs_order_and_1_3_1s_keywords(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.post(f"{HOST}/data/projects/{P}/metadata-descriptors", json={"id": DESCRIPTOR})
    choices = ["a", "b"]
    gazu.project.add_metadata_descriptor(P, "lens", "Shot", choices, True, [{"id": DEPT}], client=client)
    assert _body(fake.calls[0]) == {
        "name": "lens", "data_type": "string", "choices": ["a", "b"], "for_client": True, "entity_type": "Shot",
        "departments": [DEPT],
    }
    gazu.project.add_metadata_descriptor(P, "done", "Task", data_type="boolean", task_type_id={"id": TYPE},
                                         client=client)
    assert _body(fake.calls[1]) == {
        "name": "done", "data_type": "boolean", "choices": [], "for_client": False, "entity_type": "Task",
        "departments": [], "task_type_id": TYPE,
    }
    assert choices == ["a", "b"]


def test_all_metadata_descriptors_filters_by_entity_type_locally(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    descriptors = [{"id": "1", "entity_type": "Asset"}, {"id": "2", "entity_type": "Shot"}]
    fake.get(f"{HOST}/data/projects/{P}/metadata-descriptors", json=descriptors)
    assert gazu.project.all_metadata_descriptors(P, client=client) == descriptors
    assert gazu.project.all_metadata_descriptors(P, client, entity_type="Shot") == [descriptors[1]]
    assert all(urlsplit(call.request.url).query == "" for call in fake.calls)


def test_update_metadata_descriptor_sends_department_ids_and_leaves_the_dict(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.put(f"{HOST}/data/projects/{P}/metadata-descriptors/{DESCRIPTOR}", json={"id": DESCRIPTOR})
    given = {"id": DESCRIPTOR, "name": "lens", "departments": [{"id": DEPT, "name": "Anim"}]}
    kept = copy.deepcopy(given)
    gazu.project.update_metadata_descriptor(P, given, client=client)
    assert _body(fake.calls[0]) == {"id": DESCRIPTOR, "name": "lens", "departments": [DEPT]}
    assert given == kept


def test_a_metadata_descriptor_by_field_name_is_the_first_found_or_none(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/metadata-descriptors", json=[{"id": DESCRIPTOR, "field_name": "lens"}])
    assert gazu.project.get_metadata_descriptor_by_field_name(P, "lens", client=client) == {
        "id": DESCRIPTOR, "field_name": "lens",
    }
    assert _query(fake.calls[0]) == {"project_id": [P], "field_name": ["lens"]}
    fake.replace(responses.GET, f"{HOST}/data/metadata-descriptors", json=[])
    assert gazu.project.get_metadata_descriptor_by_field_name(P, "none", client=client) is None


# ------------------------------------------------------- budgets, settings
def test_create_budget_sends_only_the_fields_given(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/data/projects/{P}/budgets", json={"id": "b1"})
    gazu.project.create_budget(P, "2026", currency="EUR", amount=0, client=client)
    assert _body(fake.calls[0]) == {"name": "2026", "currency": "EUR", "amount": 0}


def test_an_id_that_is_a_path_is_refused_before_any_request(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    for call in (
        lambda: gazu.project.close_project("../../auth/logout", client=client),
        lambda: gazu.project.update_project_data("a/b", {"k": 1}, client=client),
        lambda: gazu.project.new_project("Hero", team=["x/y"], client=client),
        lambda: gazu.project.get_project_url("../x", client=client),
    ):
        with pytest.raises(errors.InvalidArgumentError):
            call()
    assert len(fake.calls) == 0


# --------------------------------------------------------------- entities
def test_get_entity_by_name_sends_the_project_only_when_given(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.get(f"{HOST}/data/entities", json=[{"id": "e1", "name": "SH010"}, {"id": "e2", "name": "SH010"}])
    assert gazu.entity.get_entity_by_name("SH010", client=client) == {"id": "e1", "name": "SH010"}
    assert gazu.entity.get_entity_by_name("SH010", {"id": P}, client=client) == {"id": "e1", "name": "SH010"}
    assert [_query(call) for call in fake.calls] == [{"name": ["SH010"]}, {"name": ["SH010"], "project_id": [P]}]


def test_remove_entities_posts_their_ids_with_force_as_gazu_writes_it(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    fake.post(f"{HOST}/actions/projects/{P}/delete-entities", json=["e1", "e2"])
    entities: list[Any] = [{"id": "e1", "name": "SH010"}, "e2"]
    assert gazu.entity.remove_entities(P, entities, client=client) == ["e1", "e2"]
    gazu.entity.remove_entities(P, entities, force=True, client=client)
    assert [_body(call) for call in fake.calls] == [["e1", "e2"], ["e1", "e2"]]
    assert [urlsplit(call.request.url).query for call in fake.calls] == ["", "force=true"]
    assert entities == [{"id": "e1", "name": "SH010"}, "e2"]


def test_guess_from_path_sends_the_path_as_file_path(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/data/entities/guess_from_path", json=[{"template": "default"}])
    assert gazu.entity.guess_from_path(P, "/mnt/p/sh010.ma", client=client) == [{"template": "default"}]
    assert _body(fake.calls[0]) == {"project_id": P, "file_path": "/mnt/p/sh010.ma", "sep": "/"}


def test_new_entity_type_always_creates(client: gazu.client.KitsuClient, fake: responses.RequestsMock) -> None:
    fake.post(f"{HOST}/data/entity-types", json={"id": TYPE, "name": "Prop"})
    assert gazu.entity.new_entity_type("Prop", client=client)["id"] == TYPE
    assert [call.request.method for call in fake.calls] == ["POST"]


# ---------------------------------------------- sessions and login logs
def test_get_last_login_logs_sends_one_person_ids_per_person(
    client: gazu.client.KitsuClient, fake: responses.RequestsMock
) -> None:
    logs = [{"id": "l1", "person_id": PERSON, "origin": "script"}]
    fake.get(f"{HOST}/data/events/login-logs/last", json=logs)
    given: list[Any] = [{"id": PERSON, "name": "Ada"}, DEPT]
    answer = gazu.events.get_last_login_logs("2026-01-01", limit=5, person_ids=given, client=client)
    assert answer == logs
    assert _query(fake.calls[0]) == {"limit": ["5"], "after": ["2026-01-01"], "person_ids": [PERSON, DEPT]}
    assert given == [{"id": PERSON, "name": "Ada"}, DEPT]
    gazu.events.get_last_login_logs(person_ids=[], client=client)  # none: not sent
    assert _query(fake.calls[1]) == {"limit": ["100"]}


@pytest.mark.parametrize(("answered", "returned"), [
    ({"access_token": "new.access.token"}, {"access_token": "new.access.token"}),
    ({"access_token": "new.access.token", "refresh_token": "new.refresh.token"},
     {"access_token": "new.access.token", "refresh_token": "new.refresh.token"}),
])
def test_refresh_access_token_returns_what_the_server_sent(
    fake: responses.RequestsMock, answered: dict[str, str], returned: dict[str, str]
) -> None:
    client = gazu.client.create_client(HOST)
    client.tokens = {"access_token": "old.access.token", "refresh_token": "old.refresh.token"}
    fake.get(f"{HOST}/auth/refresh-token", json=answered)
    assert gazu.refresh_access_token(client=client) == returned
    assert fake.calls[0].request.headers["Authorization"] == "Bearer old.refresh.token"
    assert client.access_token == "new.access.token"
    assert client.refresh_token == answered.get("refresh_token", "old.refresh.token")
