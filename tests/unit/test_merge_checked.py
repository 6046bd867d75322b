"""What a reload of a known object does to its dates, its extra keys and
its loaded links, found reached but not checked by the mutation run
(docs/mutation-testing.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from kitsu_models import Task, TaskStatus, errors
from kitsu_models.session import Kitsu

from .models_rows import new_id, row


def reload(kitsu: Kitsu, task: Task, **values: object) -> None:
    """A row of ``task`` as the server sends it now, with ``values``."""
    merged = kitsu.tasks.materialize([row("Task", "get", id=task.id, **values)])[0]
    assert merged is task


def test_a_reload_parses_the_dates_it_brings(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    reload(kitsu, task, updated_at="2031-05-06T07:08:09")
    assert task.updated_at == dt.datetime(2031, 5, 6, 7, 8, 9)


def test_a_date_a_reload_brings_that_is_no_date_is_a_malformed_answer_naming_the_field(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        reload(kitsu, task, updated_at="next tuesday")
    assert caught.value.problem == "updated_at: not a datetime"


def test_a_reload_adds_its_extra_keys_to_those_the_object_has(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), first_extra=1)])[0]
    reload(kitsu, task, second_extra=2)
    assert task.__pydantic_extra__ == {"first_extra": 1, "second_extra": 2}


def test_extra_keys_a_reload_brings_belong_to_that_object_alone(kitsu: Kitsu) -> None:
    """Objects built without extras share no dict a reload could fill."""
    task, other = kitsu.tasks.materialize([row("Task", "get", id=new_id()), row("Task", "get", id=new_id())])
    reload(kitsu, task, brand_new=1)
    assert task.__pydantic_extra__ == {"brand_new": 1}
    assert other.__pydantic_extra__ == {} and not hasattr(other, "brand_new")
    fresh = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    assert fresh.__pydantic_extra__ == {}


def test_a_link_assigned_locally_keeps_its_loaded_object_through_a_reload(kitsu: Kitsu) -> None:
    """The reload brings the server's other status; the local assignment
    stands, and so does the object it linked (no load, even in strict mode)."""
    mine, theirs = (kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0] for _ in range(2))
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    task.task_status = mine
    reload(kitsu, task, task_status_id=theirs.id)
    with kitsu.strict_mode():
        assert task.task_status is mine
    assert task.changes() == {"task_status_id": mine.id}
    assert isinstance(mine, TaskStatus)
