"""The fast path from server rows to models, and the identity map, on the
rows a real Zou 1.0.97 sent (tests/fixtures/real_answers.json)."""

from __future__ import annotations

import datetime as dt
import gc
import json
import typing
from typing import Any

import pytest
import responses
from pydantic import ValidationError

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.orm.state import origin_of, peek, state_of
from kitsu_models.models import Asset, AssetType, Comment, EntityType, Project, Shot, Task, TaskStatus
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import model, new_id, row, shaped_rows

#: Keys a route computes that share their name with a relation, kept as
#: extras: the ``tasks`` embedded in an entity's page, the ``task_status``
#: dict in a comment's create answer.
SHADOWED = {("Asset", "tasks"), ("Shot", "tasks"), ("Edit", "tasks"), ("Concept", "tasks"),
            ("Comment", "task_status")}
#: The working file dict every output file row embeds (``source_file``).
SHADOWED |= {("OutputFile", "source_file")}
#: The comment dict every attachment file row embeds (``comment`` is the relation).
SHADOWED |= {("AttachmentFile", "comment")}


def load(kitsu: Kitsu, name: str, shape: str = "list", **changes: Any) -> Any:
    return kitsu.repository(model(name)).materialize([row(name, shape, **changes)])[0]


def kinds(annotation: Any) -> tuple[Any, ...]:
    args = typing.get_args(annotation)
    return args if args else (annotation,)


@pytest.mark.parametrize(("name", "shape"), shaped_rows())
def test_a_loaded_row_dumps_back_to_the_same_json(kitsu: Kitsu, name: str, shape: str) -> None:
    obj = load(kitsu, name, shape)
    assert type(obj) is model(name)
    assert obj.to_dict() == row(name, shape)
    assert json.loads(json.dumps(obj.to_dict())) == row(name, shape)
    assert obj.changes() == {}


@pytest.mark.parametrize(("name", "shape"), shaped_rows())
def test_the_fast_path_gives_what_pydantic_validation_gives(kitsu: Kitsu, name: str, shape: str) -> None:
    fast = load(kitsu, name, shape)
    validated = model(name).model_validate(row(name, shape))
    # Fields typed without None that the row lacks are loaded on first
    # read, not assumed (pydantic takes their defaults): the rest is equal.
    lacking = {field for field in model(name).model_fields if field not in fast.__dict__ and field in validated.__dict__
               and validated.__dict__[field] is not None}
    assert fast.is_partial == bool(lacking), lacking
    assert fast.model_dump(exclude=lacking) == validated.model_dump(exclude=lacking)
    # (pydantic also lists extra keys as set: only declared fields compare)
    assert fast.__pydantic_fields_set__ == validated.__pydantic_fields_set__ & set(model(name).model_fields)
    assert fast.__pydantic_extra__ == validated.__pydantic_extra__


@pytest.mark.parametrize(("name", "shape"), shaped_rows())
def test_every_key_the_server_sends_is_a_typed_field(name: str, shape: str) -> None:
    cls = model(name)
    typed = {field.alias or field_name for field_name, field in cls.model_fields.items()}
    untyped = {key for key in row(name, shape) if key not in typed and (name, key) not in SHADOWED}
    assert untyped == set(), f"{name} ({shape} shape) has untyped keys"


@pytest.mark.parametrize(("name", "shape"), shaped_rows())
def test_dates_are_parsed_and_aliases_applied(kitsu: Kitsu, name: str, shape: str) -> None:
    obj = load(kitsu, name, shape)
    raw = row(name, shape)
    for field_name, field in type(obj).model_fields.items():
        key = field.alias or field_name
        if key not in raw or raw[key] is None:
            continue
        value = getattr(obj, field_name)
        if dt.datetime in kinds(field.annotation):
            assert isinstance(value, dt.datetime), field_name
            assert value.isoformat() == raw[key]
        elif dt.date in kinds(field.annotation):
            assert type(value) is dt.date, field_name
            assert value.isoformat() == raw[key]
        else:
            assert value == raw[key], field_name


def test_a_task_row_in_detail(kitsu: Kitsu) -> None:
    task = load(kitsu, "Task", "get")
    raw = row("Task", "get")
    assert task.assignee_ids == raw["assignees"]  # the JSON key is an alias
    assert "assignees" not in task.__dict__ and task.__pydantic_extra__ == {}
    assert isinstance(task.created_at, dt.datetime)
    assert task.to_dict()["assignees"] == raw["assignees"]


def test_unknown_keys_are_kept_as_extras(kitsu: Kitsu) -> None:
    shot = load(kitsu, "Shot", "list", brand_new_key={"from": "a newer server"})
    assert shot.__pydantic_extra__ == {"brand_new_key": {"from": "a newer server"}}
    assert shot.brand_new_key == {"from": "a newer server"}
    assert shot.to_dict()["brand_new_key"] == {"from": "a newer server"}
    assert shot.changes() == {}


def test_missing_optional_keys_are_none_and_stay_out_of_the_json(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([{"id": new_id(), "project_id": "p", "task_type_id": "t", "task_status_id": "s",
                                    "entity_id": "e", "type": "Task", "name": "layout", "difficulty": 3}])[0]
    assert not task.is_partial
    assert task.name == "layout" and task.assignee_ids is None and task.data is None
    assert set(task.to_dict()) == {
        "id", "project_id", "task_type_id", "task_status_id", "entity_id", "type", "name", "difficulty"}


def test_a_missing_field_typed_without_none_is_loaded_not_assumed(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """``Task.name`` is a ``str`` (default "main" for a new task): a row
    without it does not pretend the name is "main"; the first read loads
    the records of every such task loaded with it, in one request."""
    ids = [new_id(), new_id()]
    rows = [{"id": i, "project_id": "p", "task_type_id": "t", "task_status_id": "s", "entity_id": "e"} for i in ids]
    first, second = kitsu.tasks.materialize(rows)
    assert first.is_partial and second.is_partial
    mocked.get(f"{API}data/tasks", json=[{**row("Task", id=ids[0]), "name": "layout"}, {**row("Task", id=ids[1]), "name": "anim"}])
    assert first.name == "layout" and second.name == "anim"
    assert len(mocked.calls) == 1 and json.loads(mocked.calls[0].request.params["id"]) == ids
    assert not first.is_partial and not second.is_partial


def test_a_field_even_the_whole_record_lacks_takes_its_default(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task_id = new_id()
    record = {"id": task_id, "project_id": "p", "task_type_id": "t", "task_status_id": "s", "entity_id": "e"}
    task = kitsu.tasks.materialize([dict(record)])[0]
    mocked.get(f"{API}data/tasks", json=[dict(record)])
    assert task.name == "main" and len(mocked.calls) == 1
    assert task.name == "main" and len(mocked.calls) == 1  # loaded once


# ---------------------------------------------------------- identity map
def test_one_object_per_id_rows_merge_into_it(kitsu: Kitsu) -> None:
    first = load(kitsu, "Task")
    again = load(kitsu, "Task", priority=5, brand_new_key=1)
    assert again is first
    assert first.priority == 5 and first.brand_new_key == 1
    task_id = first.id
    assert kitsu.identity.get(Task, task_id) is first
    assert kitsu.tasks.get(task_id) is first  # no request: known


def test_a_row_of_another_shape_merges_and_keeps_the_other_keys(kitsu: Kitsu) -> None:
    listed = load(kitsu, "Asset", "list")
    detailed = load(kitsu, "Asset", "get")
    assert detailed is listed
    assert set(listed.to_dict()) == set(row("Asset", "list")) | set(row("Asset", "get"))
    assert listed.asset_type_name == row("Asset", "get")["asset_type_name"]


def test_local_changes_survive_a_reload(kitsu: Kitsu) -> None:
    task = load(kitsu, "Task")
    task.priority = 3
    task.data = {"mine": 1}
    load(kitsu, "Task", priority=9, data={"server": 1}, estimation=12.0)
    assert task.priority == 3 and task.data == {"mine": 1}
    assert task.estimation == 12.0
    assert task.changes() == {"priority": 3, "data": {"mine": 1}}


def test_the_map_holds_objects_weakly(kitsu: Kitsu) -> None:
    task = load(kitsu, "Task")
    task_id = task.id
    assert kitsu.identity.get(Task, task_id) is task
    del task
    gc.collect()
    assert kitsu.identity.get(Task, task_id) is None


def test_each_session_has_its_own_objects() -> None:
    one, two = Kitsu(API), Kitsu(API)
    assert load(one, "Task") is not load(two, "Task")
    assert load(one, "Task") == load(two, "Task")  # same model, same id


def test_entity_kinds_share_one_namespace(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot_row, asset_row = row("Shot"), row("Asset")
    mocked.get(API + "data/entity-types", json=[
        {"id": shot_row["entity_type_id"], "name": "Shot"},
        {"id": asset_row["entity_type_id"], "name": "Character"},
    ])
    shot, asset = kitsu.entities.materialize([shot_row, asset_row])
    assert type(shot) is Shot and type(asset) is Asset
    assert len(mocked.calls) == 1  # the entity type names, once
    assert kitsu.shots.get(shot.id) is shot
    assert kitsu.entities.get(asset.id) is asset
    assert kitsu.identity.get(Shot, asset.id) is None  # an asset is not a shot
    asset_type = load(kitsu, "AssetType")
    assert kitsu.identity.get(EntityType, asset_type.id) is asset_type


# ---------------------------------------------------- relation caches
def test_a_reload_with_another_link_drops_the_loaded_relation(kitsu: Kitsu) -> None:
    task = load(kitsu, "Task")
    todo, wip = (kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0] for _ in range(2))
    task.task_status = todo
    state_of(task).mark_synced(task)  # as if saved: the server has this link
    assert task.task_status is todo
    load(kitsu, "Task", task_status_id=todo.id)  # same link: kept
    assert task.task_status is todo
    load(kitsu, "Task", task_status_id=wip.id)  # moved: reloaded next time
    assert task.task_status_id == wip.id
    assert task.task_status is wip  # known in the session: no request


def test_assigning_an_id_field_drops_the_loaded_relation(kitsu: Kitsu) -> None:
    task = load(kitsu, "Task")
    todo, wip = (kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0] for _ in range(2))
    task.task_status = todo
    assert task.task_status is todo
    task.task_status_id = wip.id
    assert task.task_status is wip
    assert task.changes() == {"task_status_id": wip.id}


# -------------------------------------------------------- typed values
def test_wrong_types_are_refused_on_assignment(kitsu: Kitsu) -> None:
    shot: Shot = load(kitsu, "Shot")
    with pytest.raises(ValidationError):
        shot.nb_frames = "many"  # type: ignore[assignment]
    with pytest.raises(ValidationError):
        shot.status = "lost"  # type: ignore[assignment]
    assert shot.nb_frames == row("Shot")["nb_frames"]
    assert shot.changes() == {}
    shot.nb_frames = "48"  # type: ignore[assignment]  # lax: a numeric string is an int
    assert shot.nb_frames == 48 and shot.changes() == {"nb_frames": 48}


def test_computed_keys_are_read_only(kitsu: Kitsu) -> None:
    shot = load(kitsu, "Shot", "list")
    assert shot.sequence_name == row("Shot", "list")["sequence_name"]
    with pytest.raises(ValidationError):
        shot.sequence_name = "SQ99"
    project = load(kitsu, "Project", "get")
    assert project.project_status_name == row("Project", "get")["project_status_name"]
    with pytest.raises(ValidationError):
        project.descriptors = []
    assert shot.changes() == {} and project.changes() == {}
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.shots.filter(sequence_name="SQ01")  # the server would ignore it


def test_a_comment_and_a_project_keep_their_computed_dicts(kitsu: Kitsu) -> None:
    comment = load(kitsu, "Comment", "get")
    assert isinstance(comment, Comment) and comment.person == row("Comment", "get")["person"]
    project = load(kitsu, "Project", "get")
    assert isinstance(project, Project)
    assert project.task_types_priority == row("Project", "get")["task_types_priority"]
    assert comment.attachment_file_ids == row("Comment", "get")["attachment_files"]  # dicts on this route


def test_model_lists_know_their_session_and_ids(kitsu: Kitsu) -> None:
    statuses = kitsu.task_statuses.materialize([row("TaskStatus", id=new_id()) for _ in range(3)])
    assert isinstance(statuses, ModelList) and statuses.session is kitsu
    assert statuses.ids() == [s.id for s in statuses]
    assert statuses.by_id() == {s.id: s for s in statuses}
    assert all(isinstance(s, TaskStatus) for s in statuses)
    assert isinstance(load(kitsu, "AssetType"), AssetType)


def test_a_model_list_costs_no_instance_dict(kitsu: Kitsu) -> None:
    """A walk holds one list per loaded to-many relation per object: each
    is a list and two slots, not a list and a dict."""
    tasks = kitsu.tasks.materialize([row("Task", id=new_id())])
    assert not hasattr(tasks, "__dict__") and tasks.session is kitsu
    project_id = new_id()
    scoped = ModelList(tasks, kitsu, {"project_id": project_id})
    assert scoped.scope == {"project_id": project_id} and list(scoped) == list(tasks)
    with pytest.raises(AttributeError):
        scoped.anything_else = 1  # type: ignore[attr-defined]


def test_objects_without_changes_share_one_empty_changed_fields_set(kitsu: Kitsu) -> None:
    """Most loaded objects never change: none holds a set of its own until
    it does, and a change replaces the set rather than editing a shared one."""
    first, second = kitsu.tasks.materialize([row("Task", id=new_id()), row("Task", id=new_id())])
    before = state_of(first).dirty
    assert before == frozenset() and before is state_of(second).dirty
    first.name = "edited"
    assert state_of(first).dirty == {"name"} and before == frozenset() and state_of(second).dirty == frozenset()
    assert first.changes() == {"name": "edited"} and second.changes() == {}


def test_a_whole_row_with_no_data_costs_no_state_object_until_one_is_needed(kitsu: Kitsu) -> None:
    """An untouched object holds only its load's shared origin; a change
    (or a loaded relation) makes its own state."""
    first, second = kitsu.tasks.materialize([row("Task", "get", id=new_id(), data=None) for _ in range(2)])
    assert peek(first) is None and peek(second) is None
    assert origin_of(first) is origin_of(second) is not None
    first.name = "edited"
    assert peek(first) is not None and peek(second) is None
