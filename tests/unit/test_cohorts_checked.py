"""Which objects a relation loads together, and how, found reached but not
checked by the mutation run (docs/mutation-testing.md): objects of two
projects' lists load by their ids, not by one project's list, and so do
their links; every cohort the objects come from is walked; a preview's
first comment is read alone, without reloading the preview; a malformed
``project_id`` stops no link; an empty link names its field."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

import pytest
import responses

from kitsu_models import errors
from kitsu_models.models import Asset, PreviewFile
from kitsu_models.orm.collection import ModelList
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row
from .test_loading_checked import project_assets, task_of


def tasks_of(assets: list[Asset]) -> list[dict[str, Any]]:
    return [task_of(asset.id, asset.project_id) for asset in assets]


def test_objects_of_two_projects_lists_load_their_children_by_ids(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """Neither list's scope stands for both: one project's list would
    leave the other project's assets without their tasks."""
    first, second = project_assets(kitsu, mocked, new_id()), project_assets(kitsu, mocked, new_id())
    everyone = first + second
    tasks = tasks_of(everyone)
    mocked.get(API + "data/tasks", json=tasks)
    ModelList([first[0], second[0]], kitsu).prefetch("tasks")
    assert [[task.id for task in asset.tasks] for asset in everyone] == [[task["id"]] for task in tasks]
    assert [unquote(str(call.request.url)).split("/api/")[1].split("?")[0] for call in mocked.calls[2:]] == ["data/tasks"]


def test_every_cohort_the_objects_come_from_loads_with_them(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """Two objects of one list, then one of another: the other list's
    members load too, in the same request."""
    first, second = project_assets(kitsu, mocked, new_id()), project_assets(kitsu, mocked, new_id())
    tasks = tasks_of(first + second)
    mocked.get(API + "data/tasks", json=tasks)
    ModelList([first[0], first[1], second[0]], kitsu).prefetch("tasks")
    with kitsu.strict_mode():
        assert [task.id for task in second[1].tasks] == [tasks[3]["id"]]
    assert len(mocked.calls) == 3


def test_a_previews_first_comment_is_read_alone_without_reloading_the_preview(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    first, second = new_id(), new_id()
    preview: PreviewFile = kitsu.preview_files.materialize([row("PreviewFile", "get", id=new_id(), comments=[first, second])])[0]
    mocked.get(re.compile(re.escape(API) + "data/comments.*"), json=[row("Comment", "get", id=first)])
    comment = preview.comment
    assert comment is not None and comment.id == first
    urls = [unquote(str(call.request.url)) for call in mocked.calls]
    assert urls and all("data/comments" in url and second not in url for url in urls)


def test_a_malformed_project_id_does_not_stop_a_link_from_loading(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """A row whose ``project_id`` is a list (found by the malformed-answer
    property test): its links load without a project to look in first."""
    status = row("TaskStatus", id=new_id())
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_status_id=status["id"], project_id=[])])[0]
    mocked.get(re.compile(re.escape(API) + "data/task-status.*"), json=[status])
    assert task.task_status.id == status["id"]


def test_links_of_objects_of_two_projects_are_read_by_id_not_from_one_projects_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Too many to ask for by id in one request, but no project is shared:
    the sequences are asked for by id, none read as one project's list."""
    projects = [new_id(), new_id()]
    sequences = [row("Sequence", id=new_id(), project_id=projects[index % 2]) for index in range(60)]
    shots = kitsu.shots.materialize([
        row("Shot", id=new_id(), project_id=sequence["project_id"], parent_id=sequence["id"]) for sequence in sequences
    ])
    mocked.get(re.compile(re.escape(API) + "data/(sequences|entities).*"), json=sequences)
    assert [shot.sequence.id for shot in shots] == [sequence["id"] for sequence in sequences]
    urls = [unquote(str(call.request.url)) for call in mocked.calls]
    assert len(urls) == 2 and all("?id=" in url and "project_id" not in url for url in urls)


def test_an_empty_link_is_a_missing_object_named_by_the_field(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_status_id="")])[0]
    with pytest.raises(errors.ModelNotFoundError) as caught:
        task.task_status  # noqa: B018
    assert str(caught.value) == "no TaskStatus linked by Task.task_status_id (empty)"
