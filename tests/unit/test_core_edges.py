"""Edges of the ORM core the other unit tests do not reach (found by the
mutation run, docs/mutation-testing.md): a model's hash, the identity map's
size, clearing and sweeping, a list answer decoded from bytes, a link set to
an object or to None, a read-only relation, a malformed id in a row, and a
prefetch small enough to run in the caller's thread."""

from __future__ import annotations

import datetime as dt
import gc
import json
import threading
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import Department, Episode, FieldValidationError, Sequence, Task, errors
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
    listed = [new_id() + "-" * 80]
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), task_type_id=listed)])[0]
    with pytest.raises(errors.UnexpectedAnswerError, match="Task.task_type_id holds something else than an id") as caught:
        task.task_type  # noqa: B018
    assert (caught.value.method, caught.value.path, caught.value.status) == ("", "", 200)
    assert caught.value.excerpt == repr(listed)[:80]
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


def test_a_long_text_is_cut_in_a_repr_and_a_text_at_the_limit_is_not(kitsu: Kitsu) -> None:
    long, limit = kitsu.comments.materialize(
        [row("Comment", "get", id=new_id(), text="x" * 60), row("Comment", "get", id=new_id(), text="y" * 40)]
    )
    assert f"text='{'x' * 39}…')" in repr(long)
    assert f"text='{'y' * 40}')" in repr(limit)


def test_models_are_equal_by_class_and_id_and_new_ones_by_their_fields(kitsu: Kitsu) -> None:
    object_id = new_id()
    mine = kitsu.tasks.materialize([row("Task", "get", id=object_id)])[0]
    assert mine == Kitsu(API).tasks.materialize([row("Task", "get", id=object_id)])[0]
    assert mine != kitsu.assets.materialize([row("Asset", "get", id=object_id)])[0] and mine != object_id
    project_id = new_id()
    assert Episode(name="E01", project_id=project_id) == Episode(name="E01", project_id=project_id)
    assert Episode(name="E01", project_id=project_id) != Episode(name="E02", project_id=project_id)


def test_without_a_default_session_a_model_says_how_to_set_one(monkeypatch: pytest.MonkeyPatch) -> None:
    from kitsu_models.orm import session_api

    monkeypatch.setattr(session_api, "_default", None)
    with pytest.raises(errors.KitsuError) as caught:
        session_api.default_session()
    assert str(caught.value) == "no default Kitsu session: call set_default_session() first"


def test_expiring_forgets_what_was_read_keeps_unsaved_changes_and_reloads_once(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    object_id = new_id()
    task = kitsu.tasks.materialize([{**row("Task", "get", id=object_id, description="old", data={"k": 1}),
                                     "name": "main"}])[0]
    task.description = "mine"
    assert task.data is not None
    task.data["k"] = 2  # an edit in place, unsaved
    task.expire()
    assert "name" not in task.model_fields_set and {"description", "data"} <= task.model_fields_set
    mocked.get(API + "data/tasks", json=[{**row("Task", "get", id=object_id, description="theirs",
                                                data={"k": 1, "other": 3}), "name": "renamed"}])
    assert (task.name, task.description, task.data) == ("renamed", "mine", {"k": 2, "other": 3})
    assert task.changes() == {"description": "mine", "data": {"k": 2}}
    assert len(mocked.calls) == 1


def test_a_model_without_a_delete_route_refuses_before_any_request(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    log = kitsu.login_logs.materialize([{"id": new_id(), "person_id": new_id(), "origin": "script"}])[0]
    with pytest.raises(errors.InvalidArgumentError, match="^LoginLog objects cannot be deleted through the API$"):
        log.delete()
    with pytest.raises(errors.InvalidArgumentError, match="^LoginLog objects cannot be read through the API$"):
        log.refresh()
    assert len(mocked.calls) == 0


def test_a_plain_delete_asks_no_force_and_a_forced_one_does(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    status = kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0]
    mocked.delete(API + f"data/task-status/{status.id}", status=204)
    assert status.delete() is True and status.is_deleted
    sequence = kitsu.sequences.materialize([row("Sequence", "get", id=new_id())])[0]
    mocked.delete(API + f"data/sequences/{sequence.id}", status=204)
    assert sequence.delete(force=True) is True
    assert [(call.request.method, urlparse(call.request.url).query) for call in mocked.calls] == [
        ("DELETE", ""), ("DELETE", "force=true")
    ]


def test_a_refresh_reloads_the_relations_it_had_and_keeps_the_object_in_its_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    modeling, shading, todo, done = (row(name, id=new_id()) for name in ("TaskType", "TaskType", "TaskStatus",
                                                                          "TaskStatus"))
    tasks = kitsu.tasks.materialize([
        row("Task", "get", id=new_id(), task_type_id=modeling["id"], task_status_id=todo["id"]),
        row("Task", "get", id=new_id(), task_type_id=modeling["id"], task_status_id=done["id"]),
    ])
    mocked.get(API + "data/task-types", json=[modeling, shading])
    assert tasks[0].task_type.id == modeling["id"]
    mocked.get(API + f"data/tasks/{tasks[0].id}",
               json=row("Task", "get", id=tasks[0].id, task_type_id=shading["id"], task_status_id=todo["id"]))
    assert tasks[0].refresh() is tasks[0]
    assert tasks[0].task_type.id == shading["id"]  # reloaded with the record (no request: shading is known)
    mocked.get(API + "data/task-status", json=[todo, done])
    assert tasks[1].task_status.id == done["id"]
    asked = parse_qs(urlparse(str(mocked.calls[-1].request.url)).query)["id"][0]
    assert sorted(json.loads(asked)) == sorted([todo["id"], done["id"]])  # the refreshed task is still of the list: one batch for both
    assert len(mocked.calls) == 3


def test_refreshing_an_object_deleted_on_the_server_names_it(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]
    mocked.get(API + f"data/tasks/{task.id}", status=404, json={"message": "not found"})
    with pytest.raises(errors.ModelNotFoundError, match=f"no Task {task.id}"):
        task.refresh()


def test_a_create_sends_the_fields_given_as_json_but_never_the_servers_own(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    project_id, task_type_id, status_id, entity_id = new_id(), new_id(), new_id(), new_id()
    task = Task(project_id=project_id, task_type_id=task_type_id, task_status_id=status_id, entity_id=entity_id,
                due_date=dt.datetime(2026, 5, 1, 10, 0), created_at=dt.datetime(2020, 1, 1),
                updated_at=dt.datetime(2020, 1, 2), type="Task")
    mocked.post(API + "data/tasks", json=row("Task", "get", id=new_id(), project_id=project_id))
    assert task.save(kitsu) is task and task.id
    assert json.loads(mocked.calls[0].request.body or b"") == {
        "name": "main", "due_date": "2026-05-01T10:00:00", "project_id": project_id, "task_type_id": task_type_id,
        "task_status_id": status_id, "entity_id": entity_id,
    }
    # A model whose route takes any field (no list of creation fields): still none of the server's own.
    department = Department(name="Lighting", color="#112233", created_at=dt.datetime(2020, 1, 1),
                            updated_at=dt.datetime(2020, 1, 2), type="Department")
    mocked.post(API + "data/departments", json={**row("Department", id=new_id()), "name": "Lighting"})
    department.save(kitsu)
    assert json.loads(mocked.calls[1].request.body or b"") == {"name": "Lighting", "color": "#112233"}


def test_an_id_field_refuses_what_is_not_a_uuid_quoting_at_most_80_characters() -> None:
    with pytest.raises(FieldValidationError) as caught:
        Episode(name="E01", project_id="x" * 100)
    assert f"not a Kitsu id (UUID): '{'x' * 80}'" in str(caught.value)
    assert "x" * 81 not in str(caught.value).split("[type=")[0]


def test_independent_loads_of_a_prefetch_run_on_its_worker_threads_unless_one_at_a_time_is_asked(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    from kitsu_models.orm.prefetch import prefetch

    modeling, todo = row("TaskType", id=new_id()), row("TaskStatus", id=new_id())
    threads: list[str] = []

    def answer(rows: list[dict[str, Any]]) -> Any:
        def reply(request: Any) -> tuple[int, dict[str, str], str]:
            threads.append(threading.current_thread().name)
            return 200, {}, json.dumps(rows)
        return reply

    mocked.add_callback(responses.GET, API + "data/task-types", callback=answer([modeling]))
    mocked.add_callback(responses.GET, API + "data/task-status", callback=answer([todo]))
    for parallel, inline in ((2, False), (1, True)):
        threads.clear()
        kitsu.identity.clear()  # the type and status not known: read again
        tasks = kitsu.tasks.materialize(
            [row("Task", "get", id=new_id(), task_type_id=modeling["id"], task_status_id=todo["id"])]
        )
        prefetch(tasks, ["task_type", "task_status"], parallel=parallel)
        assert (tasks[0].task_type.id, tasks[0].task_status.id) == (modeling["id"], todo["id"])
        on_callers = [name == threading.current_thread().name for name in threads]
        assert on_callers == [inline, inline]
        assert inline or all(name.startswith("kitsu-prefetch") for name in threads)


def test_the_changes_to_send_are_json_with_data_as_its_changed_keys(kitsu: Kitsu) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", id=new_id(), data={"a": 1, "b": 2})])[0]
    task.due_date = dt.datetime(2026, 5, 1, 10, 0)
    assert task.data is not None
    task.data["a"] = 3
    assert task.changes() == {"due_date": "2026-05-01T10:00:00", "data": {"a": 3}}


def test_a_to_many_relation_takes_one_way_to_its_objects_and_keeps_its_options() -> None:
    from kitsu_models import Person
    from kitsu_models.catalogue import PROJECT_TEAM
    from kitsu_models.orm.relations import ToMany

    wrong: list[dict[str, Any]] = [{}, {"foreign_key": "a_id", "ids_field": "b_ids"},
                                   {"ids_field": "b_ids", "route": PROJECT_TEAM}]
    for ways in wrong:
        with pytest.raises(TypeError, match="^ToMany needs one of foreign_key, ids_field or route"):
            ToMany(lambda: Person, **ways)
    right: list[dict[str, Any]] = [{"foreign_key": "a_id"}, {"ids_field": "b_ids"}, {"route": PROJECT_TEAM},
                                   {"foreign_key": "a_id", "route": PROJECT_TEAM}]
    for ways in right:
        relation: ToMany[Person] = ToMany(lambda: Person, **ways)
        assert (relation.foreign_key, relation.ids_field, relation.route) == (
            ways.get("foreign_key"), ways.get("ids_field"), ways.get("route"))
        assert (relation.params, relation.reload_when_absent, relation.batch_route, relation.embedding) == (
            {}, False, None, None)
        assert relation.target() is Person


def test_a_cached_function_starts_enabled_with_gazus_size_and_lifetime() -> None:
    from gazu.cache import CachedFunction, cached_functions

    def read(value: int) -> int:
        return value

    cached = CachedFunction(read)
    try:
        assert cached.__name__ == "read" and cached.__wrapped__ is read  # type: ignore[attr-defined]
        assert cached.get_cache_infos() == {"enabled": True, "expire": 120, "maxsize": 300, "hits": 0, "misses": 0,
                                            "expired_hits": 0, "revalidated_hits": 0, "current_size": 0}
        assert cached in cached_functions
    finally:
        cached_functions.remove(cached)


def test_a_record_read_under_its_parents_asks_for_their_ids_before_any_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    project_id, budget_id, entry_id = new_id(), new_id(), new_id()
    with pytest.raises(errors.InvalidArgumentError) as caught:
        kitsu.budget_entries.get(entry_id)
    assert str(caught.value) == "a BudgetEntry is read under its parents: give project_id=, budget_id="
    assert len(mocked.calls) == 0
    fields = {"id": entry_id, "budget_id": budget_id, "department_id": new_id(), "start_date": "2026-01-01",
              "months_duration": 3, "daily_salary": 300.0}
    mocked.get(API + f"data/projects/{project_id}/budgets/{budget_id}/entries/{entry_id}", json=fields)
    assert kitsu.budget_entries.get(entry_id, project_id=project_id, budget_id=budget_id).months_duration == 3
