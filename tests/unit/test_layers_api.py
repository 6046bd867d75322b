"""The mechanisms the gazu layer and the events build on: one id
normaliser, paths built in one place, raw rows, merge_known, threads."""

from __future__ import annotations

import gc
import json
import threading
import uuid
from typing import Any

import pytest
import responses

from kitsu_models import FieldValidationError, errors, routes
from kitsu_models.ids import id_of
from kitsu_models.models import Shot, Task
from kitsu_models.orm.registry import ModelRef, model_class
from kitsu_models.session import Kitsu
from kitsu_models.exchange import checked_path

from .conftest import API
from .models_rows import new_id, row

ID = "0f8b4f44-6ad0-4b1a-9a8c-1f3e2d4c5b6a"


# ------------------------------------------------------------------- ids
@pytest.mark.parametrize("value", [ID, ID.upper(), {"id": ID}, {"id": ID, "name": "x"}])
def test_id_of_takes_an_id_a_dict_or_a_model(value: Any) -> None:
    assert id_of(value).lower() == ID


def test_id_of_takes_a_model_of_the_class_asked(kitsu: Kitsu) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=ID)])[0]
    assert id_of(shot, Shot) == ID
    with pytest.raises(errors.InvalidArgumentError, match="expected a Task"):
        id_of(shot, Task)


@pytest.mark.parametrize(
    "value",
    [
        ID + "\n", " " + ID, ID.replace("-", ""), "../../auth/logout", ID + "/../x", "all", "", None, 42,
        {"id": "x"}, {"name": ID}, [ID], "x" * 10_000, "０f8b4f44-6ad0-4b1a-9a8c-1f3e2d4c5b6a",
    ],
)
def test_id_of_refuses_anything_but_a_canonical_uuid(value: Any) -> None:
    with pytest.raises(errors.InvalidArgumentError) as caught:
        id_of(value)
    assert isinstance(caught.value, ValueError)  # what gazu users catch
    assert len(str(caught.value)) < 200  # huge inputs are cut in the message


def test_a_deleted_model_has_no_id_to_give(kitsu: Kitsu) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=ID)])[0]
    shot.mark_deleted()
    with pytest.raises(errors.DeletedObjectError):
        id_of(shot)


# ----------------------------------------------------------------- paths
def test_paths_are_filled_with_checked_ids_only() -> None:
    assert routes.path("data/projects/{id}/shots", id=ID) == f"data/projects/{ID}/shots"
    assert routes.path("pictures/thumbnails/persons/{id}.png", id={"id": ID}) == f"pictures/thumbnails/persons/{ID}.png"
    with pytest.raises(errors.InvalidArgumentError, match="project_id"):
        routes.path("data/projects/{project_id}/shots", project_id="../../auth/x?")
    with pytest.raises(errors.InvalidArgumentError):
        routes.path("data/projects/{id}", other=ID)  # a placeholder left without a value


@pytest.mark.parametrize("bad", ["data/../auth/logout", "data/./x", "data/x?y=1", "data/x#y", "data/%2e%2e/x",
                                 "data/a b", "data/a\nb", "data//x", "data/x%2fy"])
def test_the_transport_refuses_paths_that_could_reach_another_route(bad: str) -> None:
    with pytest.raises(errors.InvalidArgumentError):
        checked_path(bad)


def test_a_refused_path_sends_nothing(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.transport.get("data/projects/../../auth/logout")
    assert len(mocked.calls) == 0


def test_a_create_path_from_a_hostile_field_sends_nothing(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidArgumentError):  # refused on construction
        Shot(name="SH1", project_id="../../../auth/x?", parent_id=ID)
    shot = Shot(name="SH1", project_id=ID, parent_id=ID)
    with pytest.raises(FieldValidationError):  # and on assignment
        shot.project_id = "../../../auth/x?"
    object.__setattr__(shot, "__dict__", {**shot.__dict__, "project_id": "../../../auth/x?"})  # forced past the model
    with pytest.raises(errors.InvalidArgumentError):  # the path builder refuses it still
        shot.save(kitsu)
    assert len(mocked.calls) == 0


# ------------------------------------------------------------- raw rows
def test_rows_are_the_servers_json_and_fresh_on_every_call(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    sent = [row("Task", id=new_id()), row("Task", id=new_id())]
    mocked.get(API + "data/tasks", json=sent, headers={"ETag": '"v1"'})
    first = kitsu.tasks.rows(entity_id=ID)
    assert first == sent
    first[0]["name"] = "changed by the caller"
    mocked.replace(responses.GET, API + "data/tasks", status=304, headers={"ETag": '"v1"'})
    again = kitsu.tasks.rows(entity_id=ID)
    assert again == sent  # revalidated (304) and parsed anew: the caller's change is not in it
    assert mocked.calls[1].request.headers["If-None-Match"] == '"v1"'
    assert kitsu.identity.get(Task, sent[0]["id"]) is None  # no models were built


def test_the_transport_keeps_bytes_and_a_304_merges_into_the_sessions_objects(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A revalidated list is read again from the bytes kept: the session's
    objects get its rows (a local change stays); objects the session let go
    are built anew, not held and handed back by the transport."""
    sent = [{**row("Task", id=new_id()), "name": name} for name in ("a", "b")]
    mocked.get(API + "data/tasks", json=sent, headers={"ETag": '"v1"'})
    first = kitsu.tasks.filter(entity_id=ID)
    first[0].name = "edited here"
    mocked.replace(responses.GET, API + "data/tasks", status=304, headers={"ETag": '"v1"'})
    again = kitsu.tasks.filter(entity_id=ID)
    assert again[0] is first[0] and again[0].name == "edited here" and again[0].changes() == {"name": "edited here"}
    ids = first.ids()
    del first, again
    gc.collect()
    assert [kitsu.identity.get(Task, task_id) for task_id in ids] == [None, None]  # nothing holds them
    rebuilt = kitsu.tasks.filter(entity_id=ID)
    assert rebuilt.ids() == ids and [task.name for task in rebuilt] == ["a", "b"]
    entries = list(kitsu.transport.etag_cache._entries.values())
    assert [type(entry.stored) for entry in entries] == [bytes] and set(vars(entries[0])) == {"etag", "stored", "compressed"}


def test_row_is_one_record_and_a_missing_one_is_typed(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    record = row("Shot", "get", id=ID)
    mocked.get(API + f"data/entities/{ID}", json=record)
    assert kitsu.shots.row(ID) == record
    missing = new_id()
    mocked.get(API + f"data/entities/{missing}", status=404, json={"message": "not found"})
    with pytest.raises(errors.ModelNotFoundError):
        kitsu.shots.row(missing)


def test_long_any_of_lists_are_sent_in_chunks(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    ids = [new_id() for _ in range(120)]
    mocked.get(API + "data/tasks", json=[])
    assert kitsu.tasks.rows(entity_id=ids) == []
    sent = [json.loads(call.request.params["entity_id"]) for call in mocked.calls]
    assert [len(chunk) for chunk in sent] == [50, 50, 20]
    assert [i for chunk in sent for i in chunk] == ids


def test_a_list_of_projects_is_not_put_into_the_project_route(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/tasks", json=[])
    kitsu.tasks.filter(project_id=[ID, new_id()])
    assert mocked.calls[0].request.path_url.startswith("/api/data/tasks?")


def test_materialize_never_keeps_the_callers_dicts(kitsu: Kitsu) -> None:
    given = row("Shot", id=new_id(), data={"camera": "A"})
    before = json.loads(json.dumps(given))
    shot = kitsu.shots.materialize([given])[0]
    assert given == before  # not renamed, not converted in place
    given["data"]["camera"] = "B"
    assert shot.data == {"camera": "A"}


# ---------------------------------------------------------- merge_known
def test_merge_known_updates_a_loaded_object_only(kitsu: Kitsu) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=ID, nb_frames=10)])[0]
    answer = row("Shot", id=ID, nb_frames=48)
    assert kitsu.identity.merge_known(Shot, answer) is shot
    assert shot.nb_frames == 48
    answer["nb_frames"] = 1
    assert shot.nb_frames == 48  # the row was copied
    assert kitsu.identity.merge_known(Shot, row("Shot", id=new_id())) is None
    assert kitsu.identity.merge_known(Shot, {"name": "no id"}) is None


def test_merge_known_keeps_unsaved_local_edits(kitsu: Kitsu) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=ID, nb_frames=10, description="old")])[0]
    shot.nb_frames = 12
    kitsu.identity.merge_known(Shot, row("Shot", id=ID, nb_frames=48, description="new"))
    assert (shot.nb_frames, shot.description) == (12, "new")
    assert shot.changes() == {"nb_frames": 12}


# ---------------------------------------------------------------- threads
def test_threads_loading_the_same_rows_share_one_object_per_id(kitsu: Kitsu) -> None:
    ids = [str(uuid.uuid4()) for _ in range(200)]
    barrier = threading.Barrier(8)
    results: list[list[Shot]] = []

    def load() -> None:
        barrier.wait()
        results.append(list(kitsu.shots.materialize([row("Shot", id=i) for i in ids])))

    threads = [threading.Thread(target=load) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    for loaded in results[1:]:
        assert all(a is b for a, b in zip(loaded, results[0]))


# -------------------------------------------------------------- registry
def test_the_registry_knows_every_model_by_name() -> None:
    assert model_class("Shot") is Shot
    assert ModelRef[Task]("Task")() is Task
    with pytest.raises(KeyError, match="Shott"):
        model_class("Shott")
