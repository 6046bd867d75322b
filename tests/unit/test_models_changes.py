"""Change tracking and persistence, against ``responses``: ``save()``
sends only what changed (and of ``data`` only the changed keys), creates
send what the server's create route takes, deletes evict, and bad input
fails before any request."""

from __future__ import annotations

import json
from typing import Any

import pytest
import responses
from pydantic import ValidationError
from responses import matchers

from kitsu_models import errors
from kitsu_models.models import (
    Asset, AssetType, Comment, MetadataDescriptor, Person, Project, Shot, Task, TimeSpent,
)
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import model, new_id, row

#: Ids for objects built by the tests (id fields take canonical UUIDs only).
ID_P = "00001111-1111-4111-9111-111111111111"
ID_E = "00002222-2222-4222-a222-222222222222"
ID_T = "00003333-3333-4333-b333-333333333333"
ID_S = "00004444-4444-4444-8444-444444444444"
ID_A = "00005555-5555-4555-9555-555555555555"
ID_B = "00006666-6666-4666-a666-666666666666"
ID_D = "00007777-7777-4777-b777-777777777777"
ID_X = "00008888-8888-4888-8888-888888888888"
ID_SQ = "00009999-9999-4999-9999-999999999999"
ID_EP = "0000aaaa-aaaa-4aaa-aaaa-aaaaaaaaaaaa"



def load(kitsu: Kitsu, name: str, shape: str = "list", **changes: Any) -> Any:
    return kitsu.repository(model(name)).materialize([row(name, shape, **changes)])[0]


def body(call: Any) -> Any:
    return json.loads(call.request.body)


# ------------------------------------------------------------ updates
def test_save_sends_only_the_changed_field(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task = load(kitsu, "Task", "get")
    url = API + f"data/tasks/{task.id}"
    mocked.put(url, json=row("Task", "list", priority=2), match=[matchers.json_params_matcher({"priority": 2})])
    task.priority = 2
    assert task.changes() == {"priority": 2}
    assert task.save() is task
    assert len(mocked.calls) == 1 and body(mocked.calls[0]) == {"priority": 2}
    assert task.changes() == {} and task.priority == 2
    task.save()  # nothing changed: nothing sent
    assert len(mocked.calls) == 1


def test_save_sends_aliases_dates_and_relation_ids_as_json(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task: Task = load(kitsu, "Task", "get")
    status = load(kitsu, "TaskStatus", id=new_id())
    mocked.put(API + f"data/tasks/{task.id}", json=row("Task", "list"))
    task.assignee_ids = [ID_A, ID_B]
    task.due_date = "2024-05-06T10:30:00"  # type: ignore[assignment]  # a string is parsed
    task.task_status = status
    task.save()
    assert body(mocked.calls[0]) == {
        "assignees": [ID_A, ID_B], "due_date": "2024-05-06T10:30:00", "task_status_id": status.id,
    }


def test_a_data_key_change_sends_only_that_key(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = load(kitsu, "Shot", data={"frame_in": 1, "frame_out": 48})
    url = API + f"data/entities/{shot.id}"
    mocked.put(url, json=row("Shot"))
    shot.data = {**(shot.data or {}), "frame_out": 50, "camera": "A"}
    assert shot.changes() == {"data": {"frame_out": 50, "camera": "A"}}
    shot.save()
    # Changed in place, without an assignment: found too.
    assert shot.data is not None
    shot.data["notes"] = ["x"]
    assert shot.changes() == {"data": {"notes": ["x"]}}
    shot.save()
    assert [body(c) for c in mocked.calls] == [{"data": {"frame_out": 50, "camera": "A"}}, {"data": {"notes": ["x"]}}]


def test_where_the_server_replaces_data_the_client_merges(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    project = load(kitsu, "Project", "get", data={"mine": 1})
    url = API + f"data/projects/{project.id}"
    mocked.get(url, json=row("Project", "get", data={"mine": 1, "theirs": 2}))
    mocked.put(url, json=row("Project", "list"))
    project.data = {"mine": 1, "new": 3}
    assert project.changes() == {"data": {"new": 3}}
    project.save()
    assert [c.request.method for c in mocked.calls] == ["GET", "PUT"]
    assert body(mocked.calls[1]) == {"data": {"mine": 1, "theirs": 2, "new": 3}}


def test_wrong_types_send_nothing(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot, spent = load(kitsu, "Shot"), load(kitsu, "TimeSpent")
    for obj, field, bad in ((shot, "nb_frames", "many"), (shot, "data", [1]), (spent, "date", "someday"),
                            (spent, "duration", "long"), (shot, "project_id", None)):
        with pytest.raises(ValidationError):
            setattr(obj, field, bad)
    assert shot.changes() == {} and spent.changes() == {}
    shot.save()
    spent.save()
    assert len(mocked.calls) == 0


def test_save_merges_the_answer(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    comment = load(kitsu, "Comment", "list", editor_id=None)
    editor = load(kitsu, "Person", id=new_id())
    assert comment.editor is None
    mocked.put(API + f"data/comments/{comment.id}", json=row("Comment", "list", text="edited", editor_id=editor.id))
    comment.text = "edited"
    comment.save()
    assert comment.editor_id == editor.id
    assert comment.editor is editor  # the loaded link follows the answer


# ------------------------------------------------------------ creates
def test_a_new_task_is_created_with_its_assignees(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    answer = row("Task", "create")
    mocked.post(API + "data/tasks", json=answer, status=201)
    task = Task(project_id=ID_P, entity_id=ID_E, task_type_id=ID_T, task_status_id=ID_S, assignees=[ID_A])
    assert task.save(kitsu) is task
    assert body(mocked.calls[0]) == {
        "name": "main", "project_id": ID_P, "entity_id": ID_E, "task_type_id": ID_T, "task_status_id": ID_S,
        "assignees": [ID_A],
    }
    assert task.id == answer["id"] and task.to_dict() == row("Task", "create")
    assert kitsu.tasks.get(task.id) is task and task.changes() == {}


@pytest.mark.parametrize(
    ("new", "route", "sent"),
    [
        (lambda: Comment(object_id=ID_T, person_id=ID_P, text="hi"), "data/comments",
         {"object_id": ID_T, "object_type": "Task", "person_id": ID_P, "text": "hi"}),
        (lambda: Person(first_name="Ada", email="a@b.c", departments=[ID_D]), "data/persons",
         {"first_name": "Ada", "last_name": "", "email": "a@b.c", "departments": [ID_D]}),
        (lambda: AssetType(name="Vehicle"), "data/entity-types", {"name": "Vehicle"}),
        (lambda: MetadataDescriptor(project_id=ID_P, name="Notes", entity_type="Shot", position=3),
         f"data/projects/{ID_P}/metadata-descriptors", {"name": "Notes", "entity_type": "Shot"}),
        (lambda: Shot(name="SH1", project_id=ID_P, parent_id=ID_SQ, nb_frames=3, description=None),
         f"data/projects/{ID_P}/shots", {"name": "SH1", "sequence_id": ID_SQ, "nb_frames": 3, "description": None}),
        (lambda: Asset(name="Fox", project_id=ID_P, entity_type_id=ID_X, source_id=ID_EP),
         f"data/projects/{ID_P}/asset-types/{ID_X}/assets/new", {"name": "Fox", "episode_id": ID_EP}),
        (lambda: TimeSpent(task_id=ID_T, person_id=ID_P, duration=30, date="2024-01-02"),  # type: ignore[arg-type]
         "data/time-spents",
         {"task_id": ID_T, "person_id": ID_P, "duration": 30.0, "date": "2024-01-02"}),
        (lambda: Project(name="P", production_type="short", team=[ID_X]), "data/projects",
         {"name": "P", "production_type": "short"}),
    ],
    ids=["Comment", "Person", "AssetType", "MetadataDescriptor", "Shot", "Asset", "TimeSpent", "Project"],
)
def test_creates_send_what_the_create_route_takes(
    kitsu: Kitsu, mocked: responses.RequestsMock, new: Any, route: str, sent: dict[str, Any]
) -> None:
    obj = new()
    answer = {"id": new_id(), "type": type(obj).__name__}
    mocked.post(API + route, json=answer, status=201)
    obj.save(kitsu)
    assert body(mocked.calls[0]) == sent
    assert obj.id == answer["id"]
    assert kitsu.repository(type(obj)).get(obj.id) is obj


# ------------------------------------------------------------ deletes
def test_delete_evicts_and_the_object_is_dead(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task = load(kitsu, "Task", "get")
    item = API + f"data/tasks/{task.id}"
    mocked.delete(item, status=204)
    mocked.get(item, status=404, json={"error": True, "message": "404 Not Found"})
    assert task.delete() is True
    assert task.is_deleted and kitsu.identity.get(Task, task.id) is None
    calls = len(mocked.calls)
    for use in (task.save, task.refresh, task.delete, lambda: setattr(task, "priority", 1),
                lambda: task.task_status):
        with pytest.raises(errors.DeletedObjectError):
            use()
    assert len(mocked.calls) == calls
    with pytest.raises(errors.ModelNotFoundError) as info:
        kitsu.tasks.get(task.id)
    assert (info.value.model, info.value.key, info.value.status) == ("Task", task.id, 404)
    assert isinstance(info.value, errors.NotFoundError)
    assert f"Task {task.id}" in str(info.value)


def test_force_delete_sends_force(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = load(kitsu, "Shot")
    mocked.delete(API + f"data/shots/{shot.id}", status=204, match=[matchers.query_param_matcher({"force": "true"})])
    assert shot.delete(force=True) is True and shot.is_deleted
    assert len(mocked.calls) == 1


def test_a_delete_the_server_turns_into_a_cancel(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = load(kitsu, "Shot", canceled=False)
    mocked.delete(API + f"data/shots/{shot.id}", status=204)
    mocked.get(API + f"data/entities/{shot.id}", json=row("Shot", canceled=True))
    assert shot.delete() is False
    assert not shot.is_deleted and shot.canceled is True
    assert kitsu.shots.get(shot.id) is shot


# ------------------------------------------------- checks before requests
@pytest.mark.parametrize("bad", ["nope", "", "1234", "../persons", 42, None])
def test_bad_ids_raise_before_any_request(kitsu: Kitsu, mocked: responses.RequestsMock, bad: Any) -> None:
    for repository in (kitsu.shots, kitsu.tasks, kitsu.projects, kitsu.persons, kitsu.entities):
        with pytest.raises(errors.InvalidArgumentError) as info:
            repository.get(bad)
        assert repository.model.__name__ in str(info.value)
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.tasks.get_many(["nope"])
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.tasks.filter(project="nope")
    assert len(mocked.calls) == 0


def test_a_missing_id_is_a_model_not_found_error(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    missing = new_id()
    mocked.get(API + f"data/entities/{missing}", status=404, json={"error": True, "message": "404 Not Found"})
    with pytest.raises(errors.ModelNotFoundError) as info:
        kitsu.shots.get(missing)
    assert info.value.model == "Shot" and info.value.key == missing
    assert info.value.path == f"/data/entities/{missing}"
    assert "Shot" in str(info.value) and missing in str(info.value)


def test_filters_are_checked_before_any_request(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.shots.filter(nb_frames="many")
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.shots.filter(no_such_field=1)
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.task_statuses.filter(is_done="perhaps")
    assert len(mocked.calls) == 0


def test_assigning_an_unknown_field_raises_instead_of_storing_an_extra() -> None:
    shot = Shot(name="SH010", project_id="3f0f9a4e-64b1-4c9e-9d41-0b0fd5f3a001")
    with pytest.raises(AttributeError, match="nb_framez"):
        shot.nb_framez = 3  # type: ignore[attr-defined]
    assert "nb_framez" not in shot.to_dict()
