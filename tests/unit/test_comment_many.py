"""``Task.comment_many`` against ``responses``: a request per 100 tasks
with the server's batch keys, the tasks reloaded afterwards, bad input
refused before any request, and a failure part way reported with what
was created."""

from __future__ import annotations

import json
from typing import Any

import pytest
import responses

from kitsu_models import errors
from kitsu_models.models import Comment, Task
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row

BATCH = API + "actions/tasks/batch-comment"


def comment_rows(request: Any) -> tuple[int, dict[str, str], str]:
    """What Zou answers: one comment row per item, in the order sent."""
    items = json.loads(request.body)["comments"]
    answer = [
        row("Comment", id=new_id(), object_id=item["task_id"], task_status_id=item["task_status_id"], text=item["text"])
        for item in items
    ]
    return 201, {}, json.dumps(answer)


def make_tasks(kitsu: Kitsu, count: int) -> list[Task]:
    return list(kitsu.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(count)]))


def test_many_tasks_are_commented_a_hundred_per_request_then_reloaded(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    tasks = make_tasks(kitsu, 250)
    wip = new_id()
    mocked.add_callback(responses.POST, BATCH, callback=comment_rows)
    reloaded = {"n": 0}

    def reload(request: Any) -> tuple[int, dict[str, str], str]:
        ids = json.loads(request.params["id"])
        reloaded["n"] += len(ids)
        return 200, {}, json.dumps([row("Task", "get", id=i, task_status_id=wip) for i in ids])

    mocked.add_callback(responses.GET, API + "data/tasks", callback=reload)
    comments = Task.comment_many(tasks, wip, "approved", checklist=[{"text": "a", "checked": False}])

    posts = [json.loads(c.request.body)["comments"] for c in mocked.calls if c.request.method == "POST"]
    assert [len(items) for items in posts] == [100, 100, 50]
    assert [item["task_id"] for items in posts for item in items] == [t.id for t in tasks]
    assert posts[0][0] == {"task_id": tasks[0].id, "task_status_id": wip, "text": "approved",
                           "checklist": [{"text": "a", "checked": False}], "links": []}
    assert all(isinstance(c, Comment) for c in comments)
    assert [c.object_id for c in comments] == [t.id for t in tasks]
    assert reloaded["n"] == 250 and all(t.task_status_id == wip for t in tasks)
    assert len(mocked.calls) == 3 + 5  # 3 posts, 5 reloads of 50


@pytest.mark.parametrize(
    "call",
    [
        lambda tasks, status: Task.comment_many([*tasks, "not a task"], status),
        lambda tasks, status: Task.comment_many([tasks[0], tasks[0]], status),
        lambda tasks, status: Task.comment_many(tasks, "wip"),
        lambda tasks, status: Task.comment_many(tasks, status, 42),
        lambda tasks, status: Task.comment_many(tasks, status, checklist="tick"),
        lambda tasks, status: Task.comment_many(
            [Task(project_id=new_id(), entity_id=new_id(), task_type_id=new_id(), task_status_id=status)], status
        ),
    ],
    ids=["not-a-task", "twice", "status-not-an-id", "text-not-str", "bad-checklist", "unsaved-task"],
)
def test_bad_input_sends_nothing(kitsu: Kitsu, mocked: responses.RequestsMock, call: Any) -> None:
    tasks = make_tasks(kitsu, 2)
    with pytest.raises(errors.InvalidArgumentError):
        call(tasks, new_id())
    assert len(mocked.calls) == 0


def test_no_task_no_request(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    assert Task.comment_many([], new_id()) == []
    assert len(mocked.calls) == 0


def test_a_failure_part_way_says_what_was_created_and_reloads(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    tasks = make_tasks(kitsu, 150)
    mocked.add_callback(responses.POST, BATCH, callback=comment_rows)
    mocked.post(BATCH, status=403, json={"message": "not allowed"})
    mocked.get(API + "data/tasks", json=[])
    with pytest.raises(errors.PartialBatchError) as info:
        Task.comment_many(tasks, new_id(), "x")
    assert len(info.value.done) == 100 and "100 of 150" in str(info.value)
    assert isinstance(info.value.__cause__, errors.PermissionDeniedError)
    assert [c.request.method for c in mocked.calls] == ["POST", "POST", "GET", "GET", "GET"]
