"""Behaviours of the models' state (``orm/state.py``) and base class
(``orm/base.py``) that the mutation run found reached but not checked
(docs/mutation-testing.md): what a save sends of a ``data`` assigned an
equal dict, of a date and of a dict field holding one; ``data`` edited in
place while its save is in flight; the session a save and an awaited save
work in; a repr key naming no relation; and, for a model class defined by
the caller, its identity namespace, its registration, and its computed and
server-filled fields (class creation runs in the test, not at import)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
import responses
from requests import PreparedRequest

from kitsu_models import Department, Task, errors
from kitsu_models.orm import registry, session_api
from kitsu_models.orm.base import KitsuModel, computed, is_server_filled, server_filled
from kitsu_models.session import Kitsu
from kitsu_models.validation import FieldValidationError

from .conftest import API
from .models_rows import new_id, row

WHEN = dt.datetime(2024, 5, 6, 7, 8, 9)


def body(call: Any) -> Any:
    return json.loads(call.request.body or b"")


@pytest.fixture
def own_registry(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The model classes a test defines are registered in a copy of the
    registry, dropped after the test."""
    monkeypatch.setattr(registry, "_classes", dict(registry._classes))
    yield


@pytest.fixture
def no_default_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(session_api, "_default", None)


def define_models() -> tuple[type[KitsuModel], type[Department]]:
    """A model of the caller's own (not under another model), and a
    caller's subclass of ``Department`` with a computed and a server-filled
    field: both classes are created now, with the code under test."""

    class CheckedGadget(KitsuModel):
        name: str | None = None

    class CheckedDepartment(Department):
        mood: str = server_filled("calm")
        head_count: int | None = computed()

    return CheckedGadget, CheckedDepartment


def department_row() -> dict[str, Any]:
    """The server's answer to the creation of a department named Layout."""
    return {**row("Department", id=new_id()), "name": "Layout", "color": "#112233"}


def loaded_task(kitsu: Kitsu, **changes: Any) -> Task:
    return kitsu.tasks.materialize([row("Task", "get", id=new_id(), **changes)])[0]


# ------------------------------------------------------------ changes
def test_data_assigned_an_equal_dict_is_no_change(kitsu: Kitsu) -> None:
    """Of ``data``, only keys whose values changed are changes: a new dict
    equal to the loaded one is none."""
    task = loaded_task(kitsu, data={"frames": 24, "camera": "A"})
    task.data = {"camera": "A", "frames": 24}
    assert task.changes() == {}
    task.data = {"camera": "B", "frames": 24}
    assert task.changes() == {"data": {"camera": "B"}}


# ------------------------------------------------------- take_changes
def test_a_save_after_data_assigned_an_equal_dict_sends_only_the_other_fields(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task = loaded_task(kitsu, data={"frames": 24}, duration=1)
    mocked.put(API + f"data/tasks/{task.id}", json=row("Task", "get", id=task.id, data={"frames": 24}, duration=5))
    task.data = {"frames": 24}
    task.duration = 5
    task.save()
    assert [call.request.method for call in mocked.calls] == ["PUT"]
    assert body(mocked.calls[0]) == {"duration": 5}
    assert task.changes() == {} and task.data == {"frames": 24}


def test_a_dict_field_holding_a_date_is_saved_as_json_and_then_no_change(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A dict field may hold values JSON has no type for (a date): the save
    sends their JSON form, and keeps no false change after the answer."""
    project = kitsu.projects.materialize([row("Project", "get", id=new_id(), file_tree=None)])[0]
    answered = row("Project", "get", id=project.id, file_tree={"made": WHEN.isoformat()})
    mocked.put(API + f"data/projects/{project.id}", json=answered)
    project.file_tree = {"made": WHEN}
    project.save()
    assert [call.request.method for call in mocked.calls] == ["PUT"]
    assert body(mocked.calls[0])["file_tree"] == {"made": "2024-05-06T07:08:09"}
    assert project.changes() == {}


def test_a_path_in_a_dict_field_is_sent_as_its_json_text(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """What a save sends is the fields' JSON form (pydantic's): a path
    inside a dict field goes as its text."""
    project = kitsu.projects.materialize([row("Project", "get", id=new_id(), file_tree=None)])[0]
    tree = {"working": {"root": "productions"}}
    mocked.put(API + f"data/projects/{project.id}", json=row("Project", "get", id=project.id, file_tree=tree))
    project.file_tree = {"working": {"root": Path("productions")}}
    project.save()
    assert body(mocked.calls[0])["file_tree"] == tree
    assert project.file_tree == tree and project.changes() == {}


def test_data_edited_in_place_during_its_save_keeps_the_edit_and_the_servers_other_keys(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A key of ``data`` edited while the save is in flight stays a change
    (the answer does not undo it), and the keys the server's answer adds
    (another tool's) are taken in."""
    task = loaded_task(kitsu, data={"frames": 0})
    data = task.data
    assert data is not None
    data["frames"] = 1

    def answer(request: PreparedRequest) -> tuple[int, dict[str, str], str]:
        data["frames"] = 2  # edited in place while the save is in flight
        saved = row("Task", "get", id=task.id, data={"frames": 1, "camera": "A"})
        return 200, {}, json.dumps(saved)

    mocked.add_callback(responses.PUT, API + f"data/tasks/{task.id}", callback=answer)
    task.save()
    assert body(mocked.calls[0]) == {"data": {"frames": 1}}
    assert task.data == {"frames": 2, "camera": "A"}
    assert task.changes() == {"data": {"frames": 2}}


# ----------------------------------------------- _session_for_save, asave
def test_a_new_object_saved_with_no_session_goes_to_the_default_one(
    kitsu: Kitsu, mocked: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(session_api, "_default", kitsu)
    created = department_row()
    mocked.post(API + "data/departments", json=created)
    department = Department(name="Layout", color="#112233")
    assert department.save() is department
    assert body(mocked.calls[0]) == {"name": "Layout", "color": "#112233"}
    assert department.id == created["id"] and department.session is kitsu


def test_asave_of_a_new_object_goes_to_the_session_given(
    kitsu: Kitsu, mocked: responses.RequestsMock, no_default_session: None
) -> None:
    created = department_row()
    mocked.post(API + "data/departments", json=created)
    department = Department(name="Layout", color="#112233")
    assert asyncio.run(department.asave(kitsu)) is department
    assert [call.request.method for call in mocked.calls] == ["POST"]
    assert department.id == created["id"] and department.session is kitsu


# -------------------------------------------------------------- repr
def test_a_repr_key_naming_no_relation_is_left_out(own_registry: None) -> None:
    """A caller's model whose repr names ``x.field`` where ``x`` is no
    relation (a plain field, or nothing) shows the rest, without raising."""

    class CheckedTaskView(Task):
        __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "priority.value", "nowhere.name")

    task = CheckedTaskView.model_construct(id=new_id(), name="main", priority=2)
    assert repr(task) == f"CheckedTaskView(id='{task.id}', name='main')"


# ------------------------------------------------ __pydantic_init_subclass__
def test_a_callers_model_classes_get_their_identity_namespace_and_are_registered(own_registry: None) -> None:
    """A model directly under ``KitsuModel`` is its own namespace; a
    subclass of a model shares that model's ids (the same object whichever
    class it is read as); both are registered by name."""
    gadget, department = define_models()
    assert gadget.identity_root() is gadget
    assert department.identity_root() is Department
    assert registry.model_class("CheckedGadget") is gadget
    assert registry.model_class("CheckedDepartment") is department


def test_a_subclass_object_is_the_known_object_of_its_id_for_the_parent_model(
    kitsu: Kitsu, mocked: responses.RequestsMock, own_registry: None
) -> None:
    _, department_class = define_models()
    created = department_row()
    mocked.post(API + "data/departments", json=created)
    mocked.get(API + f"data/departments/{created['id']}", json=created)
    department = department_class(name="Layout", color="#112233")
    department.save(kitsu)
    assert kitsu.departments.get(created["id"]) is department


# ------------------------------------------------ computed, server_filled
def test_a_computed_field_defaults_to_none_and_refuses_assignment(own_registry: None) -> None:
    _, department_class = define_models()
    department = department_class(name="Layout", color="#112233")
    assert department.head_count is None  # type: ignore[attr-defined]
    with pytest.raises(FieldValidationError, match="frozen"):
        department.head_count = 3  # type: ignore[attr-defined]
    assert department.head_count is None  # type: ignore[attr-defined]
    assert department.changes() == {}


def test_a_server_filled_field_has_its_default_but_a_create_leaves_it_to_the_server(
    kitsu: Kitsu, mocked: responses.RequestsMock, own_registry: None
) -> None:
    _, department_class = define_models()
    assert is_server_filled(department_class.model_fields["mood"])
    assert not is_server_filled(department_class.model_fields["head_count"])
    department = department_class(name="Layout", color="#112233")
    assert department.mood == "calm"  # type: ignore[attr-defined]
    created = {**department_row(), "mood": "tense"}
    mocked.post(API + "data/departments", json=created)
    department.save(kitsu)
    assert body(mocked.calls[0]) == {"name": "Layout", "color": "#112233"}
    assert department.mood == "tense"  # type: ignore[attr-defined]



def test_data_assigned_none_is_refused_at_save_naming_the_field_and_kept(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """``data = None`` cannot be sent (the server keeps its keys): the save
    refuses it before any request and the assignment stays a change, where
    it used to be dropped without a word."""
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), data={"frames": 24})])[0]
    task.data = None
    assert task.changes() == {"data": None}
    with pytest.raises(errors.InvalidArgumentError, match=r"Task\.data cannot be saved as None"):
        task.save()
    assert len(mocked.calls) == 0 and task.data is None and task.changes() == {"data": None}
