"""``IdentityMap.materialize`` on rows the server should not send, and on
rows of two classes in one list, found reached but not checked by the
mutation run (docs/mutation-testing.md)."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import pytest
import responses

from kitsu_models import Asset, Shot, Task, errors
from kitsu_models.models import CastingEntry
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


@pytest.mark.parametrize("bad", [{"id": ""}, {"id": 123}, {"name": "no id"}, OrderedDict(name="no id")])
def test_a_row_of_a_model_read_by_id_without_a_string_id_is_a_malformed_answer(kitsu: Kitsu, bad: Any) -> None:
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        kitsu.tasks.materialize([bad])
    error = caught.value
    assert (error.method, error.path, error.status, error.problem) == ("", "", 200, "a Task row without an id")
    assert error.excerpt == repr(bad)[:80]


def test_the_excerpt_of_a_row_without_an_id_is_cut_at_80_characters(kitsu: Kitsu) -> None:
    bad = {"name": "x" * 200}
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        kitsu.tasks.materialize([bad])
    assert caught.value.excerpt == repr(bad)[:80] and len(caught.value.excerpt) == 80


def test_an_empty_row_of_a_model_without_ids_makes_an_object(kitsu: Kitsu) -> None:
    """Partial (it lacks ``asset_id``), with nothing to load it by."""
    entry = kitsu.repository(CastingEntry).materialize([{}])[0]
    assert isinstance(entry, CastingEntry) and entry.__dict__ == {}


def test_a_row_of_a_dict_subclass_is_read_as_a_dict(kitsu: Kitsu) -> None:
    """The repository takes any dict; its id is read as a plain dict's."""
    task_id = new_id()
    task = kitsu.tasks.materialize([OrderedDict(row("Task", "get", id=task_id))])[0]
    assert task.id == task_id and kitsu.identity.get(Task, task_id) is task


def test_rows_of_one_shape_and_two_classes_each_follow_their_class(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """A shot's row and an asset's with the same keys: the shot's frame
    columns are its fields, the asset's are extras."""
    shot_row = row("Shot")
    asset_row = {**shot_row, "id": new_id(), "entity_type_id": new_id()}
    mocked.get(API + "data/entity-types", json=[
        {"id": shot_row["entity_type_id"], "name": "Shot"}, {"id": asset_row["entity_type_id"], "name": "Character"},
    ])
    shot, asset = kitsu.entities.materialize([shot_row, asset_row])
    assert type(shot) is Shot and type(asset) is Asset
    shot_only = {key for key in shot_row if key in Shot.model_fields and key not in Asset.model_fields}
    assert shot_only and shot.__pydantic_extra__ == {}
    assert set(asset.__pydantic_extra__ or {}) == shot_only
    assert not shot_only & asset.model_fields_set


def test_a_known_id_arriving_as_another_class_makes_a_new_object(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """An entity read as an asset, then as a shot (its type changed on the
    server): the shot is a Shot, not the asset with a shot's row merged in."""
    asset_row = row("Asset")
    shot_row = {**row("Shot"), "id": asset_row["id"]}
    mocked.get(API + "data/entity-types", json=[
        {"id": asset_row["entity_type_id"], "name": "Character"}, {"id": shot_row["entity_type_id"], "name": "Shot"},
    ])
    asset = kitsu.entities.materialize([asset_row])[0]
    shot = kitsu.entities.materialize([shot_row])[0]
    assert type(asset) is Asset and type(shot) is Shot and id(shot) != id(asset)
    assert asset.entity_type_id == asset_row["entity_type_id"]
