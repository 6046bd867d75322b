"""Edges of the ORM core the other unit tests do not reach (found by the
mutation run, docs/mutation-testing.md): a model's hash, the identity map's
size, clearing and sweeping, a list answer decoded from bytes, a link set to
an object or to None, a read-only relation, a malformed id in a row, and a
prefetch small enough to run in the caller's thread."""

from __future__ import annotations

import gc
import json
import threading
from typing import Any

import pytest
import responses

from kitsu_models import Episode, Sequence, errors
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


def test_a_model_hashes_by_its_class_and_id_and_a_new_one_by_identity(kitsu: Kitsu) -> None:
    object_id = new_id()
    other = Kitsu(API)
    mine = kitsu.tasks.materialize([row("Task", "get", id=object_id)])[0]
    theirs = other.tasks.materialize([row("Task", "get", id=object_id)])[0]
    assert mine is not theirs and hash(mine) == hash(theirs) == hash(("Task", object_id))
    project_id = new_id()
    fresh, another = Episode(name="E01", project_id=project_id), Episode(name="E01", project_id=project_id)
    assert hash(fresh) == id(fresh) and len({fresh, another}) == 2


def test_the_identity_map_counts_the_living_forgets_on_clear_and_sweeps_the_dead(kitsu: Kitsu) -> None:
    kept = kitsu.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(3)])
    assert len(kitsu.identity) == 3
    dropped = kitsu.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(2000)])
    assert len(kitsu.identity) == 2003
    del dropped
    gc.collect()
    assert len(kitsu.identity) == 3
    # Once it holds twice what was alive at its last sweep (2,003), the map
    # drops the references of dead objects.
    more = kitsu.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(2100)])
    assert sum(len(refs) for refs in kitsu.identity._roots.values()) == 3 + len(more)
    assert kitsu.tasks.materialize([row("Task", "get", id=kept[0].id)])[0] is kept[0]
    kitsu.identity.clear()
    assert len(kitsu.identity) == 0
    assert kitsu.tasks.materialize([row("Task", "get", id=kept[0].id)])[0] is not kept[0]


def test_a_list_answer_decoded_from_bytes_joins_the_identity_map(kitsu: Kitsu) -> None:
    known = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    body = json.dumps([row("Task", "get", id=known.id, description="renamed"), row("Task", "get", id=new_id())]).encode()
    decoded = kitsu.tasks.decode_list(body, scope={"project_id": known.project_id}, source="data/tasks")
    assert decoded[0] is known and known.description == "renamed" and decoded.scope == {"project_id": known.project_id}
    with pytest.raises(errors.UnexpectedAnswerError, match="not JSON") as caught:
        kitsu.tasks.decode_list(b"<html>busy</html>", source="data/tasks")
    assert caught.value.path == "/data/tasks" and "<html>busy" in caught.value.excerpt


def test_a_link_that_may_be_empty_takes_an_object_or_none(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    sequence = kitsu.sequences.materialize([row("Sequence", "get", id=new_id())])[0]
    episode = kitsu.episodes.materialize([row("Episode", "get", id=new_id())])[0]
    sequence.episode = episode
    assert (sequence.parent_id, sequence.episode) == (episode.id, episode)
    assert sequence.changes()["parent_id"] == episode.id
    sequence.episode = None
    assert sequence.parent_id is None and sequence.episode is None
    with pytest.raises(errors.InvalidArgumentError, match="Sequence.episode takes a Episode, got Asset"):
        sequence.episode = kitsu.assets.materialize([row("Asset", "get", id=new_id())])[0]  # type: ignore[assignment]
    assert len(mocked.calls) == 0


def test_a_list_relation_is_read_only(kitsu: Kitsu) -> None:
    asset = kitsu.assets.materialize([row("Asset", "get", id=new_id())])[0]
    with pytest.raises(AttributeError, match="Asset.tasks is read-only"):
        asset.tasks = []  # type: ignore[misc, assignment]


def test_a_link_holding_something_else_than_an_id_is_a_malformed_answer(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_type_id=[new_id()])])[0]
    with pytest.raises(errors.UnexpectedAnswerError, match="Task.task_type_id holds something else than an id"):
        task.task_type  # noqa: B018
    assert len(mocked.calls) == 0


def test_a_prefetch_of_one_plain_path_runs_in_the_callers_thread(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    modeling = row("TaskType", id=new_id())
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_type_id=modeling["id"]) for _ in range(2)])
    threads: list[str] = []

    def answer(request: Any) -> tuple[int, dict[str, str], str]:
        threads.append(threading.current_thread().name)
        return 200, {}, json.dumps([modeling])

    mocked.add_callback(responses.GET, API + "data/task-types", callback=answer)
    assert tasks.prefetch("task_type") is tasks
    assert [t.task_type.id for t in tasks] == [modeling["id"]] * 2
    assert threads == [threading.current_thread().name]


def test_a_prefetch_with_levels_below_loads_each_level_once(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    episode = row("Episode", id=new_id())
    sequence = row("Sequence", id=new_id(), parent_id=episode["id"])
    shots = kitsu.shots.materialize([row("Shot", "get", id=new_id(), parent_id=sequence["id"]) for _ in range(2)])
    mocked.get(API + "data/sequences", json=[sequence])
    mocked.get(API + "data/episodes", json=[episode])
    shots.prefetch("sequence.episode")
    assert {shot.sequence.episode.id for shot in shots} == {episode["id"]}  # type: ignore[union-attr]
    assert isinstance(shots[0].sequence, Sequence) and isinstance(shots[0].sequence.episode, Episode)
    assert len(mocked.calls) == 2
