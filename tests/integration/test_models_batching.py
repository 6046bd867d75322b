"""Batch loading against the real server: walking a production through
its relations costs a few requests whatever its size; prefetched paths
walk with no request at all in strict mode; one object per id per
session; refresh() and conditional reads."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import requests

from kitsu_models import errors
from kitsu_models.credentials import Secret
from kitsu_models.models import Person, Project
from kitsu_models.session import Kitsu

from .models_support import (
    JSONDict, RequestLog, World, artist, clone, create_person, delete_people, world,
)

pytestmark = pytest.mark.server
__all__ = ["artist", "world"]  # fixtures

NewSession = Callable[..., Kitsu]
ASSET_TASK_TYPES = ("Modeling", "Shading")
SHOT_TASK_TYPES = ("Animation", "Lighting")
Walked = list[tuple[str, str, str, tuple[str, ...]]]


@pytest.fixture(scope="module")
def crew(admin: Kitsu) -> Iterator[list[Person]]:
    """Three persons to assign tasks to, deleted at the end of the module."""
    people = [create_person(admin, name) for name in ("Anna", "Ben", "Chloe")]
    yield people
    delete_people(admin, people)


@dataclass
class Production:
    """A production seeded through the fastest routes (bulk task creation,
    bulk assignment), growing by ``add`` assets and shots at a time."""

    kitsu: Kitsu
    row: JSONDict
    crew: list[Person]
    sequence_ids: list[str] = field(default_factory=list)
    assets: int = 0
    shots: int = 0
    tasks: int = 0

    @property
    def id(self) -> str:
        return str(self.row["id"])

    def setup(self) -> None:
        transport = self.kitsu.transport
        episode = transport.post(f"data/projects/{self.id}/episodes", {"name": "E01"})
        self.sequence_ids = [
            transport.post(f"data/projects/{self.id}/sequences", {"name": f"SQ{n}", "episode_id": episode["id"]})["id"]
            for n in (1, 2, 3)
        ]

    def add(self, count: int) -> None:
        transport = self.kitsu.transport
        pid = self.id
        asset_types = [t for t in transport.get("data/asset-types") if t["name"] in ("Character", "Prop")]
        asset_ids = [
            transport.post(
                f"data/projects/{pid}/asset-types/{asset_types[n % 2]['id']}/assets/new", {"name": f"A{n:03d}"}
            )["id"]
            for n in range(self.assets, self.assets + count)
        ]
        shot_ids = [
            transport.post(
                f"data/projects/{pid}/shots", {"name": f"SH{n:03d}", "sequence_id": self.sequence_ids[n % 3]}
            )["id"]
            for n in range(self.shots, self.shots + count)
        ]
        types = {t["name"]: t["id"] for t in transport.get("data/task-types")}
        tasks: list[JSONDict] = []
        for name in ASSET_TASK_TYPES:
            tasks += transport.post(f"actions/projects/{pid}/task-types/{types[name]}/assets/create-tasks", asset_ids)
        for name in SHOT_TASK_TYPES:
            tasks += transport.post(f"actions/projects/{pid}/task-types/{types[name]}/shots/create-tasks", shot_ids)
        # Everyone gets a third of the tasks; the first person also every
        # fourth one (tasks with two assignees).
        for k, person in enumerate(self.crew):
            task_ids = [t["id"] for i, t in enumerate(tasks) if i % 3 == k or (k == 0 and i % 4 == 1)]
            transport.put(f"actions/persons/{person.id}/assign", {"task_ids": task_ids})
        wip = next(s for s in transport.get("data/task-status") if s["short_name"] == "wip")
        for task in tasks[:: max(1, len(tasks) // 3)]:
            transport.put(f"data/tasks/{task['id']}", {"task_status_id": wip["id"]})
        self.assets += count
        self.shots += count
        self.tasks += len(tasks)


@pytest.fixture
def production(make_project: Callable[..., JSONDict], admin: Kitsu, crew: list[Person]) -> Production:
    row = make_project(
        production_type="tvshow",
        task_types=[*ASSET_TASK_TYPES, *SHOT_TASK_TYPES],
        task_statuses=["Todo", "Work In Progress", "Done"],
        asset_types=["Character", "Prop"],
    )
    made = Production(admin, row, crew)
    made.setup()
    return made


def walk(project: Project) -> Walked:
    """Every task of every asset and shot, with its type, status, assignees."""
    seen: Walked = []
    for asset in project.assets:
        for task in asset.tasks:
            seen.append(
                (asset.name, task.task_type.name, task.task_status.short_name,
                 tuple(sorted(p.full_name or "" for p in task.assignees)))
            )
    for shot in project.shots:
        episode = shot.sequence.episode
        assert episode is not None
        for task in shot.tasks:
            seen.append(
                (f"{episode.name}/{shot.sequence.name}/{shot.name}", task.task_type.name,
                 task.task_status.short_name, tuple(sorted(p.full_name or "" for p in task.assignees)))
            )
    return seen


def measure_walk(new_session: NewSession, production: Production) -> tuple[int, Walked]:
    kitsu = new_session()
    with RequestLog(kitsu) as log:
        seen = walk(kitsu.projects.get(production.id))
    return len(log), seen


def measure_prefetched_walk(new_session: NewSession, production: Production) -> tuple[int, Walked]:
    """Prefetch, then walk in strict mode: the walk sends nothing."""
    kitsu = new_session()
    with RequestLog(kitsu) as log:
        project = kitsu.projects.get(production.id)
        project.assets.prefetch("tasks.task_status", "tasks.task_type", "tasks.assignees")
        project.shots.prefetch("sequence.episode", "tasks.task_status", "tasks.task_type", "tasks.assignees")
    prefetch_count = len(log)
    with RequestLog(kitsu) as log, kitsu.strict_mode():
        seen = walk(project)
    assert log.sent == [], log.summary()
    return prefetch_count, seen


def check_walked(seen: Walked, production: Production, crew: list[Person]) -> None:
    assert len(seen) == production.tasks == 2 * (production.assets + production.shots)
    names = {person.full_name for person in crew}
    assert all(assignees and set(assignees) <= names for *_, assignees in seen)
    assert any(len(assignees) == 2 for *_, assignees in seen)
    assert {status for _, _, status, _ in seen} == {"todo", "wip"}
    assert {task_type for _, task_type, _, _ in seen} == {*ASSET_TASK_TYPES, *SHOT_TASK_TYPES}
    assert sum(1 for where, *_ in seen if where.startswith("E01/SQ")) == 2 * production.shots


@pytest.mark.slow
def test_walking_a_production_costs_the_same_few_requests_whatever_its_size(
    production: Production, new_session: NewSession, crew: list[Person]
) -> None:
    production.add(12)
    small, seen = measure_walk(new_session, production)
    check_walked(seen, production, crew)
    small_prefetch, seen_prefetched = measure_prefetched_walk(new_session, production)
    assert sorted(seen_prefetched) == sorted(seen)

    production.add(12)  # twice as many assets, shots and tasks
    large, seen = measure_walk(new_session, production)
    check_walked(seen, production, crew)
    large_prefetch, seen_prefetched = measure_prefetched_walk(new_session, production)
    assert sorted(seen_prefetched) == sorted(seen)

    # project, assets, tasks, task types, statuses, persons, shots,
    # sequences, episodes, tasks again (the shots' cohort): about ten.
    assert small <= 12, f"the walk took {small} requests"
    assert large == small, f"{small} requests for 12 assets and shots, {large} for 24"
    assert small_prefetch <= 12, f"prefetching took {small_prefetch} requests"
    assert large_prefetch == small_prefetch


WALK_PATHS = (
    *(f"{kind}.tasks.{link}" for kind in ("assets", "shots") for link in ("task_status", "task_type", "assignees")),
    "shots.sequence.episode",
)


def same_columns(board_object: Any, record: Any) -> list[str]:
    """The fields both objects were sent whose values differ (id lists
    compared as sets: the routes list assignees in no fixed order)."""
    def value(obj: Any, name: str) -> Any:
        found = getattr(obj, name)
        return sorted(found) if isinstance(found, list) else found

    both = board_object.model_fields_set & record.model_fields_set
    return [name for name in sorted(both) if value(board_object, name) != value(record, name)]


def test_a_project_prefetch_reads_its_assets_and_shots_with_their_tasks(
    production: Production, new_session: NewSession, crew: list[Person]
) -> None:
    """``project.prefetch("assets.tasks...", "shots.tasks...")`` reads the
    with-tasks lists (the tasks embedded in the entity rows) instead of the
    assets, the shots and the task list: same walk, every column the same
    as the objects' own records; a column the rows lack loads in one
    request for the whole list."""
    production.add(12)
    plain, seen = measure_walk(new_session, production)
    kitsu = new_session()
    with RequestLog(kitsu) as log:
        project = kitsu.projects.get(production.id)
        project.prefetch(*WALK_PATHS)
    paths = [sent.path for sent in log.sent]
    assert {"data/assets/with-tasks", "data/shots/with-tasks"} <= set(paths), log.summary()
    assert not {f"data/projects/{production.id}/{kind}" for kind in ("assets", "shots", "tasks")} & set(paths)
    assert len(paths) < plain, log.summary()
    with RequestLog(kitsu) as log, kitsu.strict_mode():
        assert sorted(walk(project)) == sorted(seen)
    assert log.sent == [], log.summary()

    full = new_session()
    entity_records = {
        **full.assets.filter(project=production.id).by_id(), **full.shots.filter(project=production.id).by_id()
    }
    records = {**entity_records, **full.tasks.filter(project=production.id).by_id()}
    entities = [*project.assets, *project.shots]
    assert sorted(entity.id for entity in entities) == sorted(entity_records)
    tasks = [task for entity in entities for task in entity.tasks]
    assert len(tasks) == production.tasks and all(entity.is_partial for entity in entities)
    for board_object in [*entities, *tasks]:
        assert same_columns(board_object, records[board_object.id]) == [], board_object
    asset, task = project.assets[0], project.shots[0].tasks[0]
    with RequestLog(kitsu) as log:
        assert asset.status == records[asset.id].status and asset.created_at == records[asset.id].created_at
        assert task.name == records[task.id].name
    assert [sent.path for sent in log.sent] == ["data/assets", "data/tasks"], log.summary()  # a batch each
    assert not asset.is_partial and not any(a.is_partial for a in project.assets)


@pytest.mark.parametrize(("role", "project_role", "reads_the_board"), [
    ("vendor", None, False), ("user", "vendor", False), ("user", None, True),
])
def test_a_prefetch_reads_the_board_only_for_roles_that_see_it_whole(
    production: Production, kitsu_server: Any, role: str, project_role: str | None, reads_the_board: bool
) -> None:
    """A vendor's board lists only the vendor's tasks, whether the role is
    the person's own or set on the team link: their prefetch takes the
    lists a lazy walk reads. An artist's board is whole. Either way the
    prefetch finds what a lazy walk finds."""
    production.add(3)
    admin = production.kitsu
    password = Secret(f"Pw-{uuid.uuid4().hex}")
    email = f"{role}-{uuid.uuid4().hex[:8]}@kitsu-tests.com"
    person = admin.transport.post("data/persons", {
        "first_name": role.title(), "last_name": "Batching", "email": email, "password": password.reveal(),
        "role": role,
    })
    try:
        admin.transport.post(f"data/projects/{production.id}/team", {"person_id": person["id"], "role": project_role})
        task_ids = [t["id"] for t in admin.transport.get(f"data/projects/{production.id}/tasks")][:4]
        admin.transport.put(f"actions/persons/{person['id']}/assign", {"task_ids": task_ids})

        def session() -> Kitsu:
            return Kitsu.login(kitsu_server.api_url, email, password.reveal())

        lazy = session()
        expected = {a.id: sorted(t.id for t in a.tasks) for a in lazy.projects.get(production.id).assets}
        kitsu = session()
        with RequestLog(kitsu) as log:
            project = kitsu.projects.get(production.id)
            project.prefetch("assets.tasks")
        assert ("data/assets/with-tasks" in [sent.path for sent in log.sent]) is reads_the_board, log.summary()
        with kitsu.strict_mode():
            assert {a.id: sorted(t.id for t in a.tasks) for a in project.assets} == expected
        assert sum(map(len, expected.values())) > 0
        lazy.close()
        kitsu.close()
    finally:
        admin.transport.delete(f"data/persons/{person['id']}", params={"force": "true"})


def test_more_links_than_one_batch_of_ids_still_cost_one_request(
    make_project: Callable[..., JSONDict], admin: Kitsu, new_session: NewSession
) -> None:
    """Past 50 ids (one request line's worth), a project's sequences are
    read through its collection, and a small table (people) whole: the
    count stays flat instead of growing a request per 50 ids."""
    pid = make_project(production_type="tvshow", task_types=[], task_statuses=[], asset_types=[])["id"]
    transport = admin.transport
    episode = transport.post(f"data/projects/{pid}/episodes", {"name": "E01"})
    sequence_ids = [
        transport.post(f"data/projects/{pid}/sequences", {"name": f"SQ{n:02d}", "episode_id": episode["id"]})["id"]
        for n in range(60)
    ]
    for n, sequence_id in enumerate(sequence_ids):
        transport.post(f"data/projects/{pid}/shots", {"name": f"SH{n:02d}", "sequence_id": sequence_id})

    kitsu = new_session()
    with RequestLog(kitsu) as log:
        shots = kitsu.shots.filter(project=pid).prefetch("sequence.episode")
    assert [(s.path, sorted(s.params)) for s in log.sent] == [
        (f"data/projects/{pid}/shots", []),
        (f"data/projects/{pid}/sequences", []),  # 60 ids: the collection, not two batches
        ("data/episodes", ["id"]),
    ], log.summary()
    with kitsu.strict_mode():
        assert sorted(shot.sequence.id for shot in shots) == sorted(sequence_ids)
        assert {shot.sequence.episode.id for shot in shots if shot.sequence.episode} == {episode["id"]}

    me = kitsu.me.id
    unknown = [str(uuid.uuid4()) for _ in range(50)]
    fresh = new_session()
    with RequestLog(fresh) as log:
        found = fresh.persons.get_many([me, *unknown])
    assert list(found) == [me] and found[me].email == kitsu.me.email
    assert [(s.path, s.params) for s in log.sent] == [("data/persons", {"relations": "true"})], log.summary()


def test_strict_mode_raises_on_what_is_not_loaded(world: World) -> None:
    kitsu = clone(world.kitsu)
    project = kitsu.projects.get(world.project.id)
    assets = project.assets.prefetch("tasks.task_type")
    with RequestLog(kitsu) as log, kitsu.strict_mode():
        assert kitsu.strict
        assert assets[0].tasks[0].task_type.name == "Modeling"  # prefetched
        with pytest.raises(errors.LazyLoadError) as info:
            assets[0].tasks[0].task_status
        assert "Task.task_status" in str(info.value)
        with pytest.raises(errors.LazyLoadError):
            project.shots
        with pytest.raises(errors.LazyLoadError):
            assets[0].asset_type
        with pytest.raises(errors.LazyLoadError):
            assets[0].tasks[0].assignees
    assert log.sent == [], log.summary()
    assert not kitsu.strict
    # Out of strict mode, the same reads load.
    assert assets[0].tasks[0].task_status.short_name == "wip"
    assert project.shots.ids() == [world.shot.id]
    # A bad path is a typed error too.
    with pytest.raises(AttributeError):
        project.assets.prefetch("tasks.no_such_relation")


def test_one_object_per_id_whichever_way_it_is_reached(world: World) -> None:
    kitsu = clone(world.kitsu)
    project = kitsu.projects.get(world.project.id)
    asset, shot = project.assets[0], project.shots[0]
    task = asset.tasks[0]
    with RequestLog(kitsu) as log:
        assert kitsu.tasks.get(task.id) is task
        assert kitsu.assets.get(asset.id) is asset
        assert kitsu.entities.get(shot.id) is shot
        assert kitsu.projects.get(project.id) is project
    assert log.sent == [], log.summary()
    shot_task = shot.tasks[0]
    assert shot_task.entity is shot
    assert task.entity is asset
    assert shot_task.project is project and task.project is project
    assert kitsu.tasks.filter(project=project).by_id()[task.id] is task
    assert kitsu.persons.get(world.artist.id) in shot_task.assignees
    assert shot_task.assignees.by_id()[world.artist.id] is kitsu.persons.get(world.artist.id)
    assert kitsu.shots.filter(project=project)[0] is shot
    assert kitsu.sequences.get(world.sequence.id) is shot.sequence
    assert shot.sequence.shots[0] is shot
    # Another session has its own objects.
    other = clone(kitsu)
    assert other.tasks.get(task.id) is not task
    assert other.tasks.get(task.id) == task


def test_refresh_picks_up_a_change_made_by_another_session(world: World) -> None:
    kitsu = clone(world.kitsu)
    task = kitsu.tasks.get(world.shot_task.id)
    assert task.task_status.short_name == "todo"
    assignees_before = task.assignees.ids()

    other = clone(kitsu)
    theirs = other.tasks.get(task.id)
    theirs.task_status = other.task_statuses.get(world.wip.id)
    theirs.priority = 4
    theirs.assignee_ids = [world.artist.id]
    theirs.save()

    assert task.priority == 0 and task.task_status.short_name == "todo"  # not yet seen here
    with RequestLog(kitsu) as log:
        assert task.refresh() is task
    assert log.sent and all(s.method == "GET" for s in log.sent)
    assert task.priority == 4 and task.task_status_id == world.wip.id
    assert task.task_status.short_name == "wip"  # loaded relations follow
    assert sorted(assignees_before) == sorted([world.me.id, world.artist.id])
    assert task.assignees.ids() == [world.artist.id]
    assert task.changes() == {}


def test_a_reload_through_a_query_updates_loaded_relations(world: World) -> None:
    kitsu = clone(world.kitsu)
    project = kitsu.projects.get(world.project.id)
    task = project.tasks.by_id()[world.asset_task.id]
    assert task.task_status.short_name == "wip"
    other = clone(kitsu)
    theirs = other.tasks.get(task.id)
    theirs.task_status = other.task_statuses.get(world.todo.id)
    theirs.save()
    again = kitsu.tasks.filter(project=project).by_id()[task.id]
    assert again is task and task.task_status_id == world.todo.id
    assert task.task_status.short_name == "todo"


def test_conditional_reads_get_304_and_the_same_objects(world: World) -> None:
    kitsu = clone(world.kitsu)
    project = kitsu.projects.get(world.project.id)
    # What the HTTP layer itself saw, through a requests response hook.
    answers: list[tuple[int, str | None, int]] = []

    def hook(response: requests.Response, *args: Any, **kwargs: Any) -> None:
        # (Content-Length, not the body: reading it here would consume the stream.)
        size = int(response.headers.get("Content-Length") or 0)
        answers.append((response.status_code, response.request.headers.get("If-None-Match"), size))

    kitsu.transport._http.hooks["response"].append(hook)
    with RequestLog(kitsu) as log:
        first = kitsu.tasks.filter(project=project)
        dumped = [t.to_dict() for t in first]
        second = kitsu.tasks.filter(project=project)
    assert len(log.sent) == 2, log.summary()
    initial, revalidated = log.sent
    assert initial.status == 200 and "If-None-Match" not in initial.headers
    etag = initial.response_headers.get("ETag")
    assert etag
    assert revalidated.headers.get("If-None-Match") == etag
    assert revalidated.status == 304
    assert [(status, tag) for status, tag, _ in answers] == [(200, None), (304, etag)]
    assert answers[0][2] > 0 and answers[1][2] == 0  # no body the second time
    assert second == first and [a is b for a, b in zip(first, second)] == [True] * len(first)
    assert [t.to_dict() for t in second] == dumped

    # Changed on the server: the ETag no longer matches, the new answer
    # comes (200) and the objects take it.
    other = clone(kitsu)
    theirs = other.tasks.get(world.shot_task.id)
    theirs.priority = 9
    theirs.save()
    with RequestLog(kitsu) as log:
        third = kitsu.tasks.filter(project=project)
    assert [s.status for s in log.sent] == [200]
    assert log.sent[0].headers.get("If-None-Match") == etag
    assert third.by_id()[world.shot_task.id].priority == 9
    assert third.by_id()[world.shot_task.id] is first.by_id()[world.shot_task.id]
