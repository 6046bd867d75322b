"""How a reload merges ``data`` into an object with local edits, found
reached but not checked by the mutation run (docs/mutation-testing.md): an
assigned ``data`` is sent against what was loaded, not against what the
reload brought; keys edited in place survive a reload and stay changes; a
reload that empties ``data`` or fills it is what the server has, with no
change to send."""

from __future__ import annotations

from typing import Any

from kitsu_models import Task
from kitsu_models.orm.state import state_of
from kitsu_models.session import Kitsu

from .models_rows import new_id, row
from .test_merge_checked import reload as reload_with


def loaded(kitsu: Kitsu, data: Any) -> Task:
    return kitsu.tasks.materialize([row("Task", "get", id=new_id(), data=data)])[0]


def reload(kitsu: Kitsu, task: Task, data: Any) -> None:
    """A row of ``task`` as the server sends it now, with ``data``."""
    reload_with(kitsu, task, data=data)


def test_an_assigned_data_is_sent_against_what_was_loaded_not_what_a_reload_brought(kitsu: Kitsu) -> None:
    """Someone else changed ``x`` meanwhile: the save sends only the key the
    caller added, not the caller's stale ``x`` over theirs."""
    task = loaded(kitsu, {"x": 1})
    task.data = {"x": 1, "y": 2}
    reload(kitsu, task, {"x": 5})
    assert task.data == {"x": 1, "y": 2}
    assert task.changes() == {"data": {"y": 2}}


def test_after_a_reload_emptied_data_an_assigned_dict_is_all_sent(kitsu: Kitsu) -> None:
    task = loaded(kitsu, {"x": 1})
    reload(kitsu, task, None)
    assert task.data is None and task.changes() == {}
    task.data = {"x": 1}
    assert task.changes() == {"data": {"x": 1}}


def test_a_key_set_in_place_in_empty_data_survives_a_reload_and_stays_a_change(kitsu: Kitsu) -> None:
    task = loaded(kitsu, {})
    assert task.data is not None
    task.data["k"] = 1
    reload(kitsu, task, {"s": 2})
    assert task.data == {"s": 2, "k": 1}
    assert task.changes() == {"data": {"k": 1}}


def test_a_reload_that_fills_empty_data_leaves_nothing_to_send(kitsu: Kitsu) -> None:
    task = loaded(kitsu, None)
    reload(kitsu, task, {"s": 2})
    assert task.data == {"s": 2} and task.changes() == {}


def test_keys_removed_in_place_stay_removed_through_a_reload(kitsu: Kitsu) -> None:
    """``data`` emptied in place: the reload's other keys arrive, the ones
    removed stay removed, and a save would remove them on the server."""
    task = loaded(kitsu, {"x": 1})
    assert task.data is not None
    task.data.clear()
    reload(kitsu, task, {"x": 1, "s": 2})
    assert task.data == {"s": 2}
    assert state_of(task).data_diff(task) == ({}, ["x"])


def test_after_a_reload_that_kept_edits_over_empty_data_clearing_it_sends_nothing(kitsu: Kitsu) -> None:
    """The server's ``data`` is empty: once the caller drops their pending
    key by assigning None, there is nothing to clear on the server."""
    task = loaded(kitsu, {})
    assert task.data is not None
    task.data["k"] = 1
    reload(kitsu, task, {})
    assert task.data == {"k": 1} and task.changes() == {"data": {"k": 1}}
    task.data = None
    assert task.changes() == {}
