"""Rows that carry a related object's columns (``project_name``...) seed it
as a partial object: no request for what the row said, one batch for the
rest (orm.joins)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import responses

from kitsu_models import errors
from kitsu_models.models import Asset, Project, Shot, Task
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row

P1, P2, STATUS, TYPE = new_id(), new_id(), new_id(), new_id()


def _todo(project_id: str = P1, for_entity: Any = "Shot", **changes: Any) -> dict[str, Any]:
    """A to-do row as ``data/user/tasks`` sends it: the task's own columns
    plus its project's, entity's, type's and status's."""
    return row(
        "Task", id=new_id(), project_id=project_id, entity_id=new_id(), task_status_id=STATUS, task_type_id=TYPE,
        project_name=f"Film {project_id[:4]}", project_has_avatar=False, entity_name="SH010",
        entity_description=None, entity_data={"camera": "A"}, entity_preview_file_id="", entity_source_id="",
        entity_canceled=False, task_type_name="Animation", task_type_color="#fff", task_type_priority=1,
        task_type_for_entity=for_entity, task_status_name="Todo", task_status_short_name="todo",
        task_status_color="#ccc", **changes,
    )


def _project(project_id: str, name: str, fps: str) -> dict[str, Any]:
    record = row("Project", id=project_id, fps=fps)
    record["name"] = name
    return record


def test_joined_columns_answer_without_a_request(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    tasks = kitsu.tasks.materialize([_todo(), _todo(), _todo(P2)])
    assert [t.project.name for t in tasks] == [f"Film {P1[:4]}", f"Film {P1[:4]}", f"Film {P2[:4]}"]
    assert tasks[0].project is tasks[1].project is kitsu.projects.get(P1)  # one object per id
    assert {t.task_status.short_name for t in tasks} == {"todo"} and tasks[0].task_status is tasks[2].task_status
    assert tasks[0].task_type.for_entity == "Shot"
    shot = tasks[0].entity
    assert isinstance(shot, Shot) and shot.name == "SH010" and shot.data == {"camera": "A"}
    assert shot.project is tasks[0].project and shot.is_partial
    assert len(mocked.calls) == 0


def test_a_field_the_row_lacked_loads_the_whole_group_once(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    tasks = kitsu.tasks.materialize([_todo(), _todo(P2)])
    mocked.get(f"{API}data/projects", json=[
        _project(P1, f"Film {P1[:4]}", "25"), _project(P2, "Renamed", "24"),
    ])
    assert tasks[0].project.fps == "25"
    assert len(mocked.calls) == 1
    assert set(json.loads(mocked.calls[0].request.params["id"])) == {P1, P2}
    assert tasks[1].project.fps == "24" and tasks[1].project.name == "Renamed"
    assert not tasks[0].project.is_partial and not tasks[1].project.is_partial
    assert len(mocked.calls) == 1


def test_strict_mode_refuses_a_deferred_load(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    project = kitsu.tasks.materialize([_todo()])[0].project
    with kitsu.strict_mode(), pytest.raises(errors.LazyLoadError, match="Project.fps"):
        project.fps
    assert project.name and len(mocked.calls) == 0


def test_a_whole_object_already_loaded_is_kept_and_updated(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    known = kitsu.projects.materialize([_project(P1, "Old name", "25")])[0]
    task = kitsu.tasks.materialize([_todo()])[0]
    assert task.project is known and not known.is_partial
    assert known.name == f"Film {P1[:4]}" and known.fps == "25"
    assert len(mocked.calls) == 0


def test_a_full_load_completes_a_partial_object(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    project = kitsu.tasks.materialize([_todo()])[0].project
    kitsu.projects.materialize([_project(P1, "Film", "30")])
    assert not project.is_partial and project.fps == "30" and len(mocked.calls) == 0


@pytest.mark.parametrize(("kind", "cls"), [("Shot", Shot), ("Asset", Asset)])
def test_the_entity_class_comes_from_the_task_types_kind(kitsu: Kitsu, kind: str, cls: type, mocked: responses.RequestsMock) -> None:
    assert type(kitsu.tasks.materialize([_todo(for_entity=kind)])[0].entity) is cls


def test_an_unknown_kind_seeds_nothing_and_loads_as_before(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task = kitsu.tasks.materialize([_todo(for_entity="Hologram")])[0]
    assert Task.entity.cached(task) is None and Task.project.cached(task) is not None


def test_rows_without_joined_columns_seed_nothing(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task = kitsu.tasks.materialize([row("Task", project_id=P1)])[0]
    assert Task.project.cached(task) is None and kitsu.identity.get(Project, P1) is None


def test_saving_a_partial_object_sends_the_change_only(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = kitsu.tasks.materialize([_todo()])[0].entity
    mocked.put(f"{API}data/entities/{shot.id}", json={"id": shot.id, "name": "SH011"})
    shot.name = "SH011"
    shot.save()
    assert [c.request.method for c in mocked.calls] == ["PUT"]
    assert json.loads(mocked.calls[0].request.body) == {"name": "SH011"}
