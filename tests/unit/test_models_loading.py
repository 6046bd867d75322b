"""Lazy relations load for the whole cohort an object came with, against
``responses``: one request per relation and batch, not one per object;
``prefetch`` loads dotted paths; strict mode refuses lazy loads."""

from __future__ import annotations

import gc
import json
import threading
import time
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import errors
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(call.request.url).query)


def ids_asked(call: Any) -> list[str]:
    return sorted(json.loads(query(call)["id"][0]))


def test_a_link_loads_for_the_whole_cohort_in_one_request(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    modeling, shading = new_id(), new_id()
    tasks = kitsu.tasks.materialize(
        [row("Task", "get", id=new_id(), task_type_id=kind) for kind in (modeling, shading, modeling)]
    )
    mocked.get(API + "data/task-types", json=[row("TaskType", id=modeling), row("TaskType", id=shading)])
    assert tasks[2].task_type.id == modeling
    assert [t.task_type.id for t in tasks] == [modeling, shading, modeling]
    assert len(mocked.calls) == 1
    assert ids_asked(mocked.calls[0]) == sorted([modeling, shading])
    assert tasks[0].task_type is tasks[2].task_type


def test_an_id_list_relation_loads_for_the_cohort(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    a, b, c = new_id(), new_id(), new_id()
    tasks = kitsu.tasks.materialize(
        [row("Task", "get", id=new_id(), assignees=people) for people in ([a, b], [c], [])]
    )
    mocked.get(API + "data/persons", json=[row("Person", id=person) for person in (a, b, c)])
    assert [p.id for p in tasks[1].assignees] == [c]
    assert [p.id for p in tasks[0].assignees] == [a, b] and tasks[2].assignees == []
    assert len(mocked.calls) == 1 and ids_asked(mocked.calls[0]) == sorted([a, b, c])


def test_children_of_a_whole_production_come_in_one_scoped_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    pid = new_id()
    asset_ids = [new_id() for _ in range(3)]
    mocked.get(API + f"data/projects/{pid}/assets", json=[row("Asset", id=i, project_id=pid) for i in asset_ids])
    task_rows = [row("Task", "get", id=new_id(), entity_id=i, project_id=pid) for i in asset_ids for _ in (1, 2)]
    mocked.get(API + f"data/projects/{pid}/tasks", json=task_rows)
    assets = kitsu.assets.filter(project=pid)
    assert assets.scope == {"project_id": pid}
    assert len(assets[1].tasks) == 2
    assert [[t.entity_id for t in a.tasks] for a in assets] == [[i, i] for i in asset_ids]
    assert [str(c.request.url).split("?")[0] for c in mocked.calls] == [
        API + f"data/projects/{pid}/assets", API + f"data/projects/{pid}/tasks"
    ]
    # Navigating back needs no request: the entity is known.
    task = assets[2].tasks[0]
    assert task.entity is assets[2]
    assert len(mocked.calls) == 2


def test_children_of_a_few_owners_come_by_id_lists(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(2)])
    mocked.get(API + "data/comments", json=[row("Comment", id=new_id(), object_id=tasks[1].id)])
    assert tasks[0].comments == [] and len(tasks[1].comments) == 1
    assert len(mocked.calls) == 1
    assert sorted(json.loads(query(mocked.calls[0])["object_id"][0])) == sorted(t.id for t in tasks)


def test_get_many_asks_fifty_ids_at_a_time(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    wanted = [new_id() for _ in range(120)]
    known = kitsu.tasks.materialize([row("Task", "get", id=wanted[0])])[0]
    mocked.get(API + "data/tasks", json=[])
    found = kitsu.tasks.get_many(wanted)
    assert found == {wanted[0]: known}  # the server knew none of the others
    assert [len(ids_asked(c)) for c in mocked.calls] == [50, 50, 19]


def test_many_ids_of_a_small_table_read_it_whole_in_one_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    people = [new_id() for _ in range(80)]
    mocked.get(API + "data/persons", json=[row("Person", id=i) for i in people[:70]])
    found = kitsu.persons.get_many(people)
    assert sorted(found) == sorted(people[:70])  # the rest do not exist: not asked again
    assert len(mocked.calls) == 1 and "id" not in query(mocked.calls[0])
    # Up to one batch's worth, ids are asked for as before.
    mocked.get(API + "data/task-status", json=[])
    kitsu.task_statuses.get_many([new_id() for _ in range(50)])
    assert len(ids_asked(mocked.calls[1])) == 50


def test_many_links_into_a_project_read_its_collection_once(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    pid, elsewhere = new_id(), new_id()
    sequences = [new_id() for _ in range(60)]
    shots = kitsu.shots.materialize([row("Shot", id=new_id(), project_id=pid, parent_id=s) for s in sequences])
    # One shot of the project is cast from a sequence of another project.
    mocked.get(API + f"data/projects/{pid}/sequences",
               json=[row("Sequence", id=s, project_id=pid) for s in sequences[:-1]])
    mocked.get(API + "data/sequences", json=[row("Sequence", id=sequences[-1], project_id=elsewhere)])
    assert shots[0].sequence.id == sequences[0]
    assert [shot.sequence.id for shot in shots] == sequences
    urls = [str(c.request.url).split("?")[0] for c in mocked.calls]
    assert urls == [API + f"data/projects/{pid}/sequences", API + "data/sequences"]
    assert ids_asked(mocked.calls[1]) == [sequences[-1]]


def test_a_denied_wide_read_falls_back_to_batches(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    pid = new_id()
    sequences = [new_id() for _ in range(60)]
    mocked.get(API + f"data/projects/{pid}/sequences", status=403, json={"message": "no"})
    mocked.get(API + "data/sequences", json=[row("Sequence", id=s, project_id=pid) for s in sequences])
    found = kitsu.sequences.get_many(sequences, project_id=pid)
    assert len(found) == 60
    assert [len(ids_asked(c)) for c in mocked.calls[1:]] == [50, 10]


def test_prefetch_then_a_strict_walk_sends_nothing(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    pid, status, person = new_id(), new_id(), new_id()
    asset_ids = [new_id() for _ in range(4)]
    mocked.get(API + f"data/projects/{pid}/assets", json=[row("Asset", id=i, project_id=pid) for i in asset_ids])
    mocked.get(API + f"data/projects/{pid}/tasks", json=[
        row("Task", "get", id=new_id(), entity_id=i, project_id=pid, task_status_id=status, assignees=[person])
        for i in asset_ids
    ])
    mocked.get(API + "data/task-status", json=[row("TaskStatus", id=status)])
    mocked.get(API + "data/persons", json=[row("Person", id=person)])
    assets = kitsu.assets.filter(project=pid).prefetch("tasks.task_status", "tasks.assignees")
    assert len(mocked.calls) == 4
    with kitsu.strict_mode():
        walked = [(t.task_status.short_name, [p.id for p in t.assignees]) for a in assets for t in a.tasks]
        assert len(walked) == 4
        with pytest.raises(errors.LazyLoadError) as info:
            assets[0].asset_type
        assert "Asset.asset_type" in str(info.value) and "prefetch" in str(info.value)
        with pytest.raises(errors.LazyLoadError):
            assets[0].tasks[0].comments
    assert len(mocked.calls) == 4
    assert not kitsu.strict


def test_strict_mode_ends_with_its_block_even_on_error(kitsu: Kitsu) -> None:
    with pytest.raises(RuntimeError), kitsu.strict_mode():
        assert kitsu.strict
        raise RuntimeError
    assert not kitsu.strict


def test_a_required_link_that_is_absent_is_a_typed_error(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    task = kitsu.tasks.materialize([row("Task", "get", task_type_id=new_id())])[0]
    mocked.get(API + "data/task-types", json=[])
    with pytest.raises(errors.ModelNotFoundError) as info:
        task.task_type
    assert info.value.model == "TaskType"
    sequence = kitsu.sequences.materialize([row("Sequence", parent_id=None)])[0]
    assert sequence.episode is None  # an optional link: None, no request
    assert len(mocked.calls) == 1


def test_the_user_context_fills_the_shared_tables_for_the_session(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    status, task_type, person, department = new_id(), new_id(), new_id(), new_id()
    mocked.get(API + "data/user/context", json={
        "task_status": [row("TaskStatus", id=status)], "task_types": [row("TaskType", id=task_type)],
        "asset_types": [row("AssetType", id=new_id())], "departments": [row("Department", id=department)],
        "persons": [row("Person", id=person)], "project_status": [row("ProjectStatus", id=new_id())],
        "projects": [row("Project", id=new_id())], "notification_count": 0,
    })
    context = kitsu.user.context()
    assert [type(table[0]).__name__ for table in (
        context.task_statuses, context.task_types, context.asset_types, context.departments, context.persons,
        context.project_statuses)] == ["TaskStatus", "TaskType", "AssetType", "Department", "Person", "ProjectStatus"]
    del context
    gc.collect()  # the session keeps the last context alive
    tasks = kitsu.tasks.materialize(
        [row("Task", "get", id=new_id(), task_status_id=status, task_type_id=task_type, assignees=[person])]
    )
    assert tasks[0].task_status.id == status and tasks[0].task_type.id == task_type
    assert [p.id for p in tasks[0].assignees] == [person] and kitsu.departments.get(department).id == department
    assert len(mocked.calls) == 1


def _slow(rows: Any, seconds: float, seen: list[tuple[str, float, float]]) -> Any:
    """A responses callback answering ``rows`` after ``seconds``, noting when
    each request was served (start, end)."""
    def answer(request: Any) -> tuple[int, dict[str, str], str]:
        started = time.monotonic()
        time.sleep(seconds)
        seen.append((request.path_url.split("?")[0], started, time.monotonic()))
        return 200, {"Content-Type": "application/json"}, json.dumps(rows)
    return answer


def test_sibling_relations_of_a_prefetch_load_at_once(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """tasks, casting and sequence of a project's shots do not depend on one
    another: three 0.3 s lists take about 0.3 s, not 0.9 s; the level below
    (the sequences' episode) follows its parent. Same requests as one by one."""
    pid, episode = new_id(), new_id()
    sequences = [new_id(), new_id()]
    shot_ids = [new_id() for _ in range(4)]
    seen: list[tuple[str, float, float]] = []
    mocked.get(API + f"data/projects/{pid}/shots", json=[
        row("Shot", id=s, project_id=pid, parent_id=sequences[n % 2]) for n, s in enumerate(shot_ids)])
    mocked.add_callback("GET", API + f"data/projects/{pid}/tasks", callback=_slow(
        [row("Task", "get", id=new_id(), entity_id=s, project_id=pid) for s in shot_ids], 0.3, seen))
    mocked.add_callback("GET", API + "data/sequences", callback=_slow(
        [row("Sequence", id=s, project_id=pid, parent_id=episode) for s in sequences], 0.3, seen))
    mocked.add_callback("GET", API + f"data/projects/{pid}/sequences/all/casting",
                        callback=_slow({s: [] for s in shot_ids}, 0.3, seen))
    mocked.add_callback("GET", API + "data/episodes", callback=_slow([row("Episode", id=episode, project_id=pid)], 0.1, seen))
    shots = kitsu.shots.filter(project=pid)
    started = time.monotonic()
    shots.prefetch("tasks", "casting", "sequence.episode")
    elapsed = time.monotonic() - started
    paths = sorted(path for path, _, _ in seen)
    assert paths == sorted([f"/api/data/projects/{pid}/tasks", "/api/data/sequences", "/api/data/episodes",
                            f"/api/data/projects/{pid}/sequences/all/casting"]), paths
    assert elapsed < 0.75, elapsed  # one after the other: 1.0 s
    sequence_done = next(end for path, _, end in seen if path == "/api/data/sequences")
    episode_started = next(start for path, start, _ in seen if path == "/api/data/episodes")
    assert episode_started >= sequence_done - 0.01  # the level below waits for its parent only
    with kitsu.strict_mode():
        assert all(shot.tasks and shot.sequence.episode and shot.casting == [] for shot in shots)


def test_a_failing_sibling_of_a_prefetch_raises_and_leaves_no_thread(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    pid = new_id()
    mocked.get(API + f"data/projects/{pid}/shots", json=[row("Shot", id=new_id(), project_id=pid, parent_id=new_id())])
    for tasks in (API + "data/tasks", API + f"data/projects/{pid}/tasks"):
        mocked.get(tasks, status=403, json={"message": "not yours"})
    mocked.get(API + "data/sequences", json=[])
    shots = kitsu.shots.filter(project=pid)
    before = threading.active_count()
    with pytest.raises(errors.PermissionDeniedError):
        shots.prefetch("tasks", "sequence")
    assert threading.active_count() == before
    assert not any(t.name.startswith("kitsu-prefetch") for t in threading.enumerate())


def test_loads_of_one_class_wait_for_each_other_however_far_apart(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    """``assets.tasks`` and ``shots.tasks`` both come from the project's
    task list: loaded one after the other, the second finds the shots'
    tasks loaded with the assets' (the list fills every loaded entity of
    the project), so the list is read once."""
    pid = new_id()
    project = kitsu.projects.materialize([row("Project", id=pid)])[0]
    assets = [row("Asset", id=new_id(), project_id=pid) for _ in range(2)]
    shots = [row("Shot", id=new_id(), project_id=pid, parent_id=new_id()) for _ in range(2)]
    mocked.get(API + f"data/projects/{pid}/assets", json=assets)
    mocked.get(API + f"data/projects/{pid}/shots", json=shots)
    mocked.get(API + f"data/projects/{pid}/tasks", json=[
        row("Task", "get", id=new_id(), entity_id=entity["id"], project_id=pid) for entity in assets + shots])
    assert len(project.assets) == len(project.shots) == 2  # both lists loaded before their tasks
    assert project.prefetch("assets.tasks", "shots.tasks") is project
    paths = sorted(urlparse(str(call.request.url)).path for call in mocked.calls)
    assert paths == sorted(f"/api/data/projects/{pid}/{kind}" for kind in ("assets", "shots", "tasks")), paths
    with kitsu.strict_mode():
        assert [len(a.tasks) for a in project.assets] == [1, 1] and [len(s.tasks) for s in project.shots] == [1, 1]


def test_the_casting_of_shots_loads_once_per_production_for_all_its_shots(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    first, second = new_id(), new_id()
    shots = kitsu.shots.materialize(
        [row("Shot", "get", id=new_id(), project_id=project) for project in (first, first, second)]
    )
    fox, hen = new_id(), new_id()

    def cast(asset_id: str, name: str) -> dict[str, Any]:
        return {"asset_id": asset_id, "asset_name": name, "nb_occurences": 1}

    mocked.get(API + f"data/projects/{first}/sequences/all/casting",
               json={shots[0].id: [cast(fox, "Fox"), cast(hen, "Hen")], shots[1].id: [cast(hen, "Hen")]},
               headers={"ETag": '"c1"'})
    mocked.get(API + f"data/projects/{second}/sequences/all/casting", json={"elsewhere": [cast(fox, "Fox")]})
    assert [entry.asset_name for entry in shots[0].casting] == ["Fox", "Hen"]
    assert [entry.asset_name for entry in shots[1].casting] == ["Hen"] and shots[2].casting == []
    assert sorted(urlparse(str(call.request.url)).path for call in mocked.calls) == sorted(
        f"/api/data/projects/{project}/sequences/all/casting" for project in (first, second))
    assert kitsu.transport.revalidates(f"data/projects/{first}/sequences/all/casting")  # a conditional read


def test_a_whole_productions_children_complete_every_loaded_owner_of_it_each_list_scoped(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    pid = new_id()
    asset_ids = [new_id() for _ in range(2)]
    mocked.get(API + f"data/projects/{pid}/assets", json=[row("Asset", id=i, project_id=pid) for i in asset_ids])
    assets = kitsu.assets.filter(project=pid)
    loner = kitsu.assets.materialize([row("Asset", "get", id=new_id(), project_id=pid)])[0]  # of another list
    tasks = [row("Task", "get", id=new_id(), entity_id=i, project_id=pid) for i in [*asset_ids, loner.id]]
    mocked.get(API + f"data/projects/{pid}/tasks", json=tasks)
    assert [t.id for t in assets[0].tasks] == [tasks[0]["id"]]
    assert assets[0].tasks.scope == {"entity_id": asset_ids[0]} and assets[0].tasks.session is kitsu
    assert [t.id for t in loner.tasks] == [tasks[2]["id"]]  # completed by the production's list: no request
    assert len(mocked.calls) == 2


def test_the_children_of_one_owner_come_by_its_key_even_in_a_productions_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    pid, asset_id = new_id(), new_id()
    mocked.get(API + f"data/projects/{pid}/assets", json=[row("Asset", id=asset_id, project_id=pid)])
    (asset,) = kitsu.assets.filter(project=pid)
    mocked.get(API + "data/tasks", json=[row("Task", "get", id=new_id(), entity_id=asset_id, project_id=pid)])
    assert len(asset.tasks) == 1
    assert query(mocked.calls[-1])["entity_id"] == [asset_id]


def test_a_prefetch_of_two_relations_to_one_class_goes_below_each_in_strict_mode(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """``assigner`` and ``assignees`` load persons in one step; only the second has a path below it."""
    lead, artist, modeling = new_id(), new_id(), new_id()
    tasks = kitsu.tasks.materialize(
        [row("Task", "get", id=new_id(), assigner_id=lead, assignees=[artist]) for _ in range(2)]
    )
    mocked.get(API + "data/persons", json=[row("Person", id=lead), row("Person", id=artist, departments=[modeling])])
    mocked.get(API + "data/departments", json=[row("Department", id=modeling)])
    tasks.prefetch("assigner", "assignees.departments")
    with kitsu.strict_mode():
        assert {t.assigner.id for t in tasks if t.assigner} == {lead}
        assert [[d.id for p in t.assignees for d in p.departments] for t in tasks] == [[modeling]] * 2
    assert len(mocked.calls) == 2


def test_an_awaited_prefetch_of_a_list_runs_on_its_session_or_its_first_members() -> None:
    import asyncio

    session = Kitsu(API)
    asked: list[tuple[int, tuple[str, ...]]] = []

    class Recording:
        async def aprefetch(self, items: Any, paths: Any) -> None:
            asked.append((len(items), tuple(paths)))

    tasks = session.tasks.materialize([row("Task", "get", id=new_id()) for _ in range(2)])
    tasks.session = Recording()  # type: ignore[assignment]
    asyncio.run(tasks.aprefetch("task_type"))
    assert asked == [(2, ("task_type",))]
