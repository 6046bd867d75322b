"""Paged reads (``Repository.iter``) and filter criteria as query
parameters, against ``responses``: the pages asked, where paging stops, a
server that answers a page again, and how values become parameters."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import errors
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(str(call.request.url)).query)


def test_a_paged_read_asks_page_after_page_until_a_short_one(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    pid = new_id()
    pages = [[row("Task", "get", id=new_id(), project_id=pid) for _ in range(size)] for size in (2, 2, 1)]
    for page in pages:
        mocked.get(API + "data/tasks", json=page, headers={"ETag": '"same"'})
    got = list(kitsu.tasks.iter(page_size=2, project_id=pid))
    assert [task.id for task in got] == [r["id"] for page in pages for r in page]
    assert [(q["page"], q["limit"], q["project_id"]) for q in map(query, mocked.calls)] == [
        (["1"], ["2"], [pid]), (["2"], ["2"], [pid]), (["3"], ["2"], [pid])]
    assert all("If-None-Match" not in call.request.headers for call in mocked.calls)  # pages are never revalidated
    assert got[0].session is kitsu and kitsu.tasks.get(got[4].id) is got[4]


def test_a_full_last_page_costs_one_empty_page_more(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/tasks", json=[row("Task", "get", id=new_id()) for _ in range(2)])
    mocked.get(API + "data/tasks", json=[])
    assert len(list(kitsu.tasks.iter(page_size=2))) == 2 and len(mocked.calls) == 2


def test_a_server_that_answers_a_page_again_is_a_typed_error(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    first = [row("Task", "get", id=new_id()) for _ in range(2)]
    second = [first[1], row("Task", "get", id=new_id())]
    mocked.get(API + "data/tasks", json=first)
    mocked.get(API + "data/tasks", json=second)  # not a repeat: a new id in it
    mocked.get(API + "data/tasks", json=first)  # page 1 again: paging would never end
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        list(kitsu.tasks.iter(page_size=2))
    error = caught.value
    assert (error.method, error.path, error.status, error.problem) == (
        "GET", "/data/tasks", 200, "page 3 repeats earlier rows")


def test_criteria_become_parameters_models_as_ids_booleans_as_words_lists_as_json(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    project = kitsu.projects.materialize([row("Project", id=new_id())])[0]
    statuses = kitsu.task_statuses.materialize([row("TaskStatus", id=new_id()) for _ in range(2)])
    mocked.get(API + "data/tasks", json=[])
    kitsu.tasks.filter(project=project, task_status_id=list(statuses), duration=3)
    mocked.get(API + "data/task-status", json=[])
    kitsu.task_statuses.filter(is_done=True, is_retake=False)
    first, second = map(query, mocked.calls)
    assert first["project_id"] == [project.id]
    assert first["task_status_id"] == [json.dumps([s.id for s in statuses])] and first["duration"] == ["3"]
    assert (second["is_done"], second["is_retake"]) == (["true"], ["false"])


def test_an_id_criterion_that_is_not_an_id_is_refused_by_name(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidArgumentError, match="^task_type_id must be a Kitsu id"):
        kitsu.tasks.filter(task_type_id="../x")
    with pytest.raises(errors.InvalidArgumentError, match="^task_type_id must be a Kitsu id"):
        kitsu.tasks.filter(task_type_id=["a/b"])
    assert len(mocked.calls) == 0
