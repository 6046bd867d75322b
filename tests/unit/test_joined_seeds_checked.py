"""Joined columns in answers whose rows differ (the mutation run found these
branches of ``orm/joins.py`` reached but not checked): a row that cannot be
seeded for one link, or lacks the link's columns, leaves the other rows and
the other links seeded as before; a seeded group's deferred load asks for
its partial objects only, each once."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlsplit

import responses

from kitsu_models.models import Asset, Project, Shot, Task
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row

P1, STATUS, TYPE = new_id(), new_id(), new_id()
STATUS_COLUMNS: dict[str, Any] = {"task_status_name": "Todo", "task_status_short_name": "todo", "task_status_color": "#ccc"}
ENTITY_COLUMNS: dict[str, Any] = {"entity_name": "SH010", "entity_description": None, "entity_data": {}, "entity_preview_file_id": "",
                  "entity_source_id": "", "entity_canceled": False}


def _todo(for_entity: Any = "Shot", **changes: Any) -> dict[str, Any]:
    """A to-do row: the task's columns, its project's, status's, type's and entity's."""
    columns: dict[str, Any] = {
        "id": new_id(), "project_id": P1, "entity_id": new_id(), "task_status_id": STATUS, "task_type_id": TYPE,
        "project_name": "Film", "project_has_avatar": False, "task_type_name": "Animation", "task_type_color": "#fff",
        "task_type_priority": 1, "task_type_for_entity": for_entity, **STATUS_COLUMNS, **ENTITY_COLUMNS,
    }
    return row("Task", **{**columns, **changes})


def test_a_link_no_row_carries_does_not_stop_the_links_after_it(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """The rows carry the status's columns only (not the project's, declared first)."""
    task = kitsu.tasks.materialize([row("Task", project_id=P1, task_status_id=STATUS, **STATUS_COLUMNS)])[0]
    assert Task.project.cached(task) is None
    assert task.task_status.short_name == "todo" and task.task_status.is_partial
    assert len(mocked.calls) == 0


def test_a_row_without_the_links_columns_gets_no_seeded_object(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """One answer, two shapes: the row lacking the project's columns keeps
    its project to load (whole) instead of an empty partial one, and the
    rows after it are seeded as before."""
    other = new_id()
    plain, joined = kitsu.tasks.materialize([row("Task", project_id=other), _todo()])
    assert Task.project.cached(joined) is not None
    assert Task.project.cached(plain) is None and kitsu.identity.get(Project, other) is None


def test_a_row_of_an_unknown_kind_does_not_stop_the_rows_after_it(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    strange, usual = kitsu.tasks.materialize([_todo(for_entity="Hologram"), _todo()])
    assert Task.entity.cached(strange) is None
    assert isinstance(Task.entity.cached(usual), Shot) and usual.entity.name == "SH010"
    assert len(mocked.calls) == 0


def test_a_row_whose_entity_is_known_as_another_class_does_not_stop_the_rows_after_it(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """The first row's entity is loaded as an asset while the row says shot:
    nothing is seeded for it, and the next row's shot still is."""
    asset = kitsu.assets.materialize([row("Asset", id=new_id(), project_id=P1)])[0]
    clashing, usual = kitsu.tasks.materialize([_todo(entity_id=asset.id), _todo()])
    assert isinstance(asset, Asset) and Task.entity.cached(clashing) is None
    assert isinstance(Task.entity.cached(usual), Shot) and usual.entity.name == "SH010"
    assert len(mocked.calls) == 0


def test_a_groups_deferred_load_asks_for_each_partial_object_once_and_for_no_whole_one(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Two rows seed one partial project, a third names a project already
    loaded whole: reading a field the rows lacked asks for the partial one
    alone, once."""
    whole = kitsu.projects.materialize([row("Project", id=new_id(), fps="24")])[0]
    first, _, third = kitsu.tasks.materialize([_todo(), _todo(), _todo(project_id=whole.id)])
    assert third.project is whole and first.project.is_partial
    mocked.get(f"{API}data/projects", json=[row("Project", id=P1, fps="25")])
    assert first.project.fps == "25"
    asked = [parse_qs(urlsplit(str(call.request.url)).query)["id"] for call in mocked.calls]
    assert [[json.loads(ids) for ids in query] for query in asked] == [[[P1]]]
