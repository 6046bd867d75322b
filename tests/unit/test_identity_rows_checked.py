"""How rows become objects, found reached but not checked by the mutation
run (docs/mutation-testing.md): dates the ISO parser refuses are read by
Pydantic, else are a malformed answer naming the field; objects without
extras share one empty dict; a built object has pydantic's private slot
set (copies and comparisons work); a row without an id is no partial
object."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
import responses

from kitsu_models import errors
from kitsu_models.models import CastingEntry
from kitsu_models.session import Kitsu

from .models_rows import new_id, row


def test_a_date_the_iso_parser_refuses_is_read_by_pydantic(kitsu: Kitsu) -> None:
    """An epoch number is no ISO text; Pydantic reads it as a UTC time."""
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), updated_at=1_700_000_000)])[0]
    assert task.updated_at == dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.timezone.utc)


def test_a_date_neither_parser_reads_is_a_malformed_answer_naming_the_field(kitsu: Kitsu) -> None:
    value = "next tuesday, " + "or the one after " * 8
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        kitsu.tasks.materialize([row("Task", "get", id=new_id(), created_at=value)])
    error = caught.value
    assert (error.method, error.path, error.status) == ("", "", 200)
    assert error.problem == "created_at: not a datetime"
    assert error.excerpt == repr(value)[:80] and len(error.excerpt) == 80


def test_objects_without_extras_share_one_empty_dict(kitsu: Kitsu) -> None:
    first, second = kitsu.tasks.materialize([row("Task", "get", id=new_id()), row("Task", "get", id=new_id())])
    assert first.__pydantic_extra__ == {} and first.__pydantic_extra__ is second.__pydantic_extra__


def test_a_built_object_copies_and_compares_as_pydantic_models_do(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    assert task.__pydantic_private__ is None and "__pydantic_private__" not in task.__dict__
    twin = copy.copy(task)
    assert twin == task and twin is not task
    assert set(task.to_dict()) == set(row("Task", "get")) | {"id"}


def test_a_row_without_an_id_makes_a_whole_object_not_a_partial_one(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A casting entry's row names no id: nothing to load it by, and
    nothing lacking; its fields read as sent or as their defaults."""
    entry = kitsu.repository(CastingEntry).materialize([{"asset_id": new_id(), "nb_occurences": 2}])[0]
    assert entry.id == "" and entry.nb_occurences == 2 and entry.label is None
    assert len(mocked.calls) == 0
