"""``kitsu.me`` and the logged-in user's views (``kitsu.user``), against
the real server, as a fresh artist (role ``user``) made for the test: the
views must return exactly the artist's projects, tasks and entities, as
typed objects of the session."""

from __future__ import annotations

import gc
import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pytest
from pydantic import ValidationError

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.credentials import Secret
from kitsu_models.models import (
    Asset, AssetType, Episode, KitsuModel, Person, Project, Scene, Sequence, Shot, Task, TaskStatus, TaskType,
)
from kitsu_models.session import Kitsu

from .models_support import JSONDict, RequestLog, clone, unique
from .test_models_complete import incomplete

if TYPE_CHECKING:  # the root conftest (tests/conftest.py) provides the fixture
    from conftest import KitsuServer

pytestmark = pytest.mark.server


@dataclass
class Studio:
    """A production where ``artist`` (logged in as ``kitsu``) has tasks."""

    admin: Kitsu
    kitsu: Kitsu
    email: str
    password: Secret
    person_id: str
    project: Project
    character: AssetType
    prop: AssetType
    episode: Episode
    other_episode: Episode
    sequence: Sequence
    other_sequence: Sequence
    hero: Asset
    crate: Asset
    shot: Shot
    shot2: Shot
    shot3: Shot
    scene: Scene
    types: dict[str, TaskType]
    todo: TaskStatus
    done: TaskStatus
    #: The artist's tasks by name: hero, shot/anim, shot/layout, shot2, scene, sequence.
    mine: dict[str, Task]
    #: Tasks of the production that are not the artist's.
    others: list[Task]


def _delete_project(admin: Kitsu, project_id: str) -> None:
    closed = next(s.id for s in admin.project_statuses.all() if s.name.lower() == "closed")
    try:
        admin.transport.put(f"data/projects/{project_id}", {"project_status_id": closed})
        admin.transport.delete(f"data/projects/{project_id}", params={"force": "true"})
    except errors.NotFoundError:
        pass


@pytest.fixture
def studio(
    kitsu_server: KitsuServer, admin: Kitsu, make_project: Callable[..., JSONDict], new_session: Callable[..., Kitsu]
) -> Iterator[Studio]:
    kitsu_admin = new_session()
    password = Secret(f"Pw-{uuid.uuid4().hex}")
    tag = uuid.uuid4().hex[:8]
    email = f"artist-{tag}@kitsu-tests.com"
    # A person with a password: Person models never carry one.
    record = kitsu_admin.transport.post("data/persons", {
        "first_name": "Artist", "last_name": f"Views {tag}", "email": email, "password": password.reveal(),
        "role": "user",
    })
    extra_types: list[TaskType] = []
    project_id: str | None = None
    artist: Kitsu | None = None
    try:
        # Task types for sequences and scenes (the studio has none).
        for for_entity in ("Sequence", "Scene"):
            extra_types.append(TaskType(name=unique(f"{for_entity} TT")[:30], for_entity=for_entity).save(kitsu_admin))
        row = make_project(
            production_type="tvshow",
            task_types=["Modeling", "Animation", "Layout", *(t.id for t in extra_types)],
            task_statuses=["Todo", "Work In Progress", "Done"],
            asset_types=["Character", "Prop"],
        )
        project_id = row["id"]
        k = kitsu_admin
        project = k.projects.get(project_id)
        person = k.persons.get(record["id"])
        project.add_person(person)
        character, prop = k.asset_types.get_by_name("Character"), k.asset_types.get_by_name("Prop")
        episode = Episode(name="E01", project_id=project_id).save(k)
        other_episode = Episode(name="E02", project_id=project_id).save(k)
        sequence = Sequence(name="SQ01", project_id=project_id, parent_id=episode.id).save(k)
        other_sequence = Sequence(name="SQ02", project_id=project_id, parent_id=other_episode.id).save(k)
        shot = Shot(name="SH010", project_id=project_id, parent_id=sequence.id).save(k)
        shot2 = Shot(name="SH020", project_id=project_id, parent_id=sequence.id).save(k)
        shot3 = Shot(name="SH030", project_id=project_id, parent_id=other_sequence.id).save(k)
        scene = Scene(name="SC01", project_id=project_id, parent_id=sequence.id).save(k)
        hero = Asset(name="Hero", project_id=project_id, entity_type_id=character.id).save(k)
        crate = Asset(name="Crate", project_id=project_id, entity_type_id=prop.id).save(k)
        types = {t.name: t for t in (k.task_types.first(name=n, for_entity=e) for n, e in
                 (("Modeling", "Asset"), ("Animation", "Shot"), ("Layout", "Shot"))) if t is not None}
        types["Sequence"], types["Scene"] = extra_types
        todo, done = k.task_statuses.get_by_name("Todo"), k.task_statuses.get_by_name("Done")

        def task(entity: Any, type_name: str, assigned: bool = True) -> Task:
            return Task(
                project_id=project_id, entity_id=entity.id, task_type_id=types[type_name].id, task_status_id=todo.id,
                assignees=[person.id] if assigned else [],
            ).save(k)

        mine = {
            "hero": task(hero, "Modeling"),
            "shot/anim": task(shot, "Animation"),
            "shot/layout": task(shot, "Layout"),
            "shot2": task(shot2, "Animation"),
            "scene": task(scene, "Scene"),
            "sequence": task(sequence, "Sequence"),
        }
        # Not the artist's: unassigned, or assigned to someone else.
        others = [task(crate, "Modeling", assigned=False), task(shot3, "Animation", assigned=False)]
        others.append(Task(
            project_id=project_id, entity_id=shot2.id, task_type_id=types["Layout"].id, task_status_id=todo.id,
            assignees=[k.me.id],
        ).save(k))
        artist = Kitsu.login(kitsu_server.api_url, email, password)
        yield Studio(
            k, artist, email, password, record["id"], project, character, prop, episode, other_episode, sequence,
            other_sequence, hero, crate, shot, shot2, shot3, scene, types, todo, done, mine, others,
        )
    finally:
        if artist is not None:
            try:
                artist.log_out()
            finally:
                artist.close()
        # The project first (its tasks use the task types), then the types.
        if project_id is not None:
            _delete_project(admin, project_id)
        for task_type in extra_types:
            try:
                admin.transport.delete(f"data/task-types/{task_type.id}")
            except errors.KitsuError:
                pass
        try:
            admin.transport.delete(f"data/persons/{record['id']}", params={"force": "true"})
        except errors.KitsuError:
            pass


def _one_get(log: RequestLog, path: str) -> None:
    assert [(s.method, s.path) for s in log.sent] == [("GET", path)], log.summary()


def _ids(items: list[Any]) -> list[str]:
    return sorted(item.id for item in items)


def _typed(items: ModelList[Any], model: type[KitsuModel], kitsu: Kitsu) -> None:
    """Every item is exactly ``model``, and the session's object for its id."""
    assert isinstance(items, ModelList) and items.session is kitsu
    for item in items:
        assert type(item) is model
        assert kitsu.identity.get(model, item.id) is item


# -------------------------------------------------------------------- me
def test_me_is_the_logged_in_person(studio: Studio) -> None:
    kitsu = studio.kitsu
    me = kitsu.me
    assert type(me) is Person
    assert (me.id, me.email, me.role, me.first_name) == (studio.person_id, studio.email, "user", "Artist")
    with RequestLog(kitsu) as log:
        assert kitsu.me is me  # built once from the login answer
        assert kitsu.persons.get(kitsu.me.id) is kitsu.me
    assert log.sent == [], log.summary()
    # Reached another way, it is the same object.
    assert me in kitsu.projects.get(studio.project.id).team
    assert kitsu.tasks.get(studio.mine["hero"].id).assignees[0] is me

    # A change made elsewhere and refreshed stays: reading ``me`` again
    # does not bring the login answer's old values back.
    studio.admin.transport.put(f"data/persons/{me.id}", {"last_name": "Renamed"})
    assert me.refresh() is me and me.last_name == "Renamed"
    assert kitsu.me is me and kitsu.me.last_name == "Renamed"
    # As do local changes, until saved.
    me.seniority = "senior"
    assert kitsu.me.seniority == "senior" and kitsu.me.changes() == {"seniority": "senior"}
    with RequestLog(kitsu) as log:
        me.save()
    assert [(s.method, s.body) for s in log.writes()] == [("PUT", {"seniority": "senior"})]
    assert clone(studio.admin).persons.get(me.id).seniority == "senior"
    # A value outside the server's choices never leaves: the server would
    # store it and then fail on every read of this person.
    with pytest.raises(ValidationError):
        me.position = "Animator"  # type: ignore[assignment]
    assert me.changes() == {}

    # A session given tokens (no login answer) reads the user once.
    other = clone(kitsu)
    with RequestLog(other) as log:
        assert other.me.id == me.id and other.me is other.me
    _one_get(log, "auth/authenticated")
    assert other.me is not me and other.me.last_name == "Renamed"

    # The admin's session has its own.
    assert studio.admin.me.role == "admin" and studio.admin.me is studio.admin.me


# ------------------------------------------------------------ user views
def test_the_user_views_return_exactly_the_artists_work(studio: Studio) -> None:
    kitsu = studio.kitsu
    project_id = studio.project.id
    mine = studio.mine

    with RequestLog(kitsu) as log:
        projects = kitsu.user.open_projects()
    _one_get(log, "data/user/projects/open")
    _typed(projects, Project, kitsu)
    assert projects.ids() == [project_id]
    assert studio.person_id in (projects[0].team_ids or [])

    with RequestLog(kitsu) as log:
        todo = kitsu.user.tasks_to_do()
    _one_get(log, "data/user/tasks")
    _typed(todo, Task, kitsu)
    assert _ids(todo) == _ids(list(mine.values()))
    assert all(task.assignee_ids == [studio.person_id] for task in todo)
    assert kitsu.user.done_tasks() == []

    # The artist marks one task done, with a comment.
    done_task = todo.by_id()[mine["shot2"].id]
    comment = done_task.add_comment(kitsu.task_statuses.get(studio.done.id), "finished")
    assert comment.author is kitsu.me
    assert done_task.task_status_id == studio.done.id and done_task.task_status.is_done is True

    todo = kitsu.user.tasks_to_do()
    assert _ids(todo) == _ids([t for name, t in mine.items() if name != "shot2"])
    with RequestLog(kitsu) as log:
        done = kitsu.user.done_tasks()
    _one_get(log, "data/user/done-tasks")
    _typed(done, Task, kitsu)
    assert done.ids() == [done_task.id] and done[0] is done_task
    assert done[0].task_status.name == "Done"

    with RequestLog(kitsu) as log:
        asset_types = kitsu.user.asset_types(studio.project)
    _one_get(log, f"data/user/projects/{project_id}/asset-types")
    _typed(asset_types, AssetType, kitsu)
    assert asset_types.ids() == [studio.character.id]  # not Prop: no task there
    assert kitsu.user.asset_types(project_id).ids() == [studio.character.id]  # an id works too

    with RequestLog(kitsu) as log:
        assets = kitsu.user.assets(studio.project, studio.character)
    _one_get(log, f"data/user/projects/{project_id}/asset-types/{studio.character.id}/assets")
    _typed(assets, Asset, kitsu)
    assert assets.ids() == [studio.hero.id] and assets[0].name == "Hero"
    assert kitsu.user.assets(project_id, studio.prop.id) == []

    with RequestLog(kitsu) as log:
        episodes = kitsu.user.episodes(studio.project)
    _one_get(log, f"data/user/projects/{project_id}/episodes")
    _typed(episodes, Episode, kitsu)
    assert episodes.ids() == [studio.episode.id]

    with RequestLog(kitsu) as log:
        sequences = kitsu.user.sequences(studio.project)
    _one_get(log, f"data/user/projects/{project_id}/sequences")
    _typed(sequences, Sequence, kitsu)
    assert sequences.ids() == [studio.sequence.id]
    assert sequences[0].parent_id == episodes[0].id

    with RequestLog(kitsu) as log:
        shots = kitsu.user.shots(sequences[0])
    _one_get(log, f"data/user/sequences/{studio.sequence.id}/shots")
    _typed(shots, Shot, kitsu)
    assert _ids(shots) == _ids([studio.shot, studio.shot2])  # the done task counts
    assert kitsu.user.shots(studio.other_sequence.id) == []

    with RequestLog(kitsu) as log:
        scenes = kitsu.user.scenes(sequences[0])
    _one_get(log, f"data/user/sequences/{studio.sequence.id}/scenes")
    _typed(scenes, Scene, kitsu)
    assert scenes.ids() == [studio.scene.id]

    # Tasks and task types on one entity, for each kind the views take.
    hero, shot, scene, sequence = assets[0], shots.by_id()[studio.shot.id], scenes[0], sequences[0]
    cases: list[tuple[Asset | Shot | Scene | Sequence, str, list[str], list[str]]] = [
        (hero, "assets", ["hero"], ["Modeling"]),
        (shot, "shots", ["shot/anim", "shot/layout"], ["Animation", "Layout"]),
        (scene, "scenes", ["scene"], ["Scene"]),
        (sequence, "sequences", ["sequence"], ["Sequence"]),
    ]
    for entity, route, task_names, type_names in cases:
        with RequestLog(kitsu) as log:
            tasks = kitsu.user.tasks_for(entity)
        _one_get(log, f"data/user/{route}/{entity.id}/tasks")
        _typed(tasks, Task, kitsu)
        assert _ids(tasks) == _ids([mine[name] for name in task_names]), route
        assert all(task.entity_id == entity.id for task in tasks)
        assert all(task in todo for task in tasks)  # the same objects
        with RequestLog(kitsu) as log:
            task_types = kitsu.user.task_types_for(entity)
        _one_get(log, f"data/user/{route}/{entity.id}/task-types")
        _typed(task_types, TaskType, kitsu)
        assert _ids(task_types) == _ids([studio.types[name] for name in type_names]), route
    # shot2: only the artist's task, not the one assigned to the admin.
    shot2 = shots.by_id()[studio.shot2.id]
    assert kitsu.user.tasks_for(shot2).ids() == [done_task.id]
    assert kitsu.user.task_types_for(shot2).ids() == [studio.types["Animation"].id]

    # The objects navigate like any other (what an artist may read).
    task = kitsu.tasks.get(mine["hero"].id)
    assert task.entity is hero and task.project is projects[0]
    assert task.task_type.name == "Modeling" and task.task_status.name == "Todo"
    assert task.assignees == [kitsu.me]


def test_the_views_of_someone_without_work_are_empty(studio: Studio, kitsu_server: KitsuServer) -> None:
    """A second artist of the same team, with no task: nothing to do."""
    admin = studio.admin
    password = Secret(f"Pw-{uuid.uuid4().hex}")
    email = f"idle-{uuid.uuid4().hex[:8]}@kitsu-tests.com"
    record = admin.transport.post("data/persons", {
        "first_name": "Idle", "last_name": "Artist", "email": email, "password": password.reveal(), "role": "user",
    })
    try:
        studio.project.add_person(admin.persons.get(record["id"]))
        with Kitsu.login(kitsu_server.api_url, email, password) as idle:
            assert idle.me.id == record["id"] and idle.me is idle.persons.get(record["id"])
            assert idle.user.open_projects().ids() == [studio.project.id]  # in the team
            assert idle.user.tasks_to_do() == [] and idle.user.done_tasks() == []
            assert idle.user.asset_types(studio.project) == []
            assert idle.user.sequences(studio.project) == []
            assert idle.user.episodes(studio.project) == []
            assert idle.user.shots(studio.sequence) == [] and idle.user.scenes(studio.sequence) == []
            assert idle.user.tasks_for(studio.shot) == [] and idle.user.task_types_for(studio.shot) == []
    finally:
        admin.transport.delete(f"data/persons/{record['id']}", params={"force": "true"})


def test_bad_ids_in_the_views_send_nothing(studio: Studio) -> None:
    kitsu = studio.kitsu
    with RequestLog(kitsu) as log:
        for bad in ("nope", "", "../persons"):
            with pytest.raises(errors.InvalidArgumentError):
                kitsu.user.asset_types(bad)
            with pytest.raises(errors.InvalidArgumentError):
                kitsu.user.shots(bad)
            with pytest.raises(errors.InvalidArgumentError):
                kitsu.user.assets(studio.project, bad)
        with pytest.raises(errors.InvalidArgumentError):
            kitsu.user.tasks_for(Shot(name="unsaved", project_id=studio.project.id))
        # The server has no such view for an episode.
        with pytest.raises(errors.InvalidArgumentError):
            kitsu.user.tasks_for(studio.episode)  # type: ignore[arg-type]
        with pytest.raises(errors.InvalidArgumentError):
            kitsu.user.task_types_for(studio.episode)  # type: ignore[arg-type]
    assert log.sent == [], log.summary()


def test_an_artist_navigates_from_their_tasks_to_shots_and_sequences(studio: Studio) -> None:
    # Artists may not read data/shots or data/sequences (403): relations
    # look the ids up through the common entity route instead.
    artist = clone(studio.kitsu)
    shot_task = artist.tasks.get(studio.mine["shot/anim"].id)
    shot = shot_task.entity
    assert isinstance(shot, Shot) and shot.id == studio.shot.id
    with RequestLog(artist) as log:
        sequence = shot.sequence
    assert [s.path for s in log.sent] == ["data/sequences", "data/entities"], log.summary()
    assert sequence.id == studio.sequence.id and isinstance(sequence, Sequence)
    assert shot.sequence.episode is not None and shot.sequence.episode.id == studio.episode.id
    assert artist.sequences.get_many([studio.sequence.id]) == {studio.sequence.id: shot.sequence}


def test_an_artist_reads_comments_and_the_to_do_view_fields(studio: Studio) -> None:
    artist = studio.kitsu
    task = artist.tasks.get(studio.mine["hero"].id)
    task.add_comment(artist.task_statuses.get(studio.todo.id), "first pass")
    # data/comments is refused to artists (403): each task's own route serves.
    reader = clone(artist)
    with RequestLog(reader) as log:
        comments = reader.tasks.get(task.id).comments
    assert [c.text for c in comments] == ["first pass"] and comments[0].author.id == studio.person_id
    assert [s.path for s in log.sent][-2:] == ["data/comments", f"data/tasks/{task.id}/comments"], log.summary()
    # The to-do rows carry names and the last comment: typed, no request needed.
    todo = {t.id: t for t in clone(artist).user.tasks_to_do()}
    row = todo[task.id]
    assert (row.project_name, row.entity_name, row.task_status_short_name) == (
        studio.project.name, studio.hero.name, studio.todo.short_name)
    assert row.last_comment is not None and row.last_comment["text"] == "first pass"


def test_the_user_context_loads_the_shared_tables_in_one_request(studio: Studio) -> None:
    artist = clone(studio.kitsu)
    with RequestLog(artist) as log:
        context = artist.user.context()
    assert [s.path for s in log.sent] == ["data/user/context"]
    assert all(isinstance(status, TaskStatus) for status in context.task_statuses)
    assert {studio.todo.id, studio.done.id} <= set(context.task_statuses.ids())
    assert {t.id for t in studio.types.values()} <= set(context.task_types.ids())
    assert {studio.character.id, studio.prop.id} <= set(context.asset_types.ids())
    assert studio.person_id in context.persons.ids() and context.departments and context.project_statuses
    gc.collect()  # the session keeps them: relations to them need no request
    tasks = artist.user.tasks_to_do()
    with RequestLog(artist) as log:
        seen = {(task.task_status.short_name, task.task_type.name) for task in tasks}
        me = artist.persons.get(studio.person_id)
    assert log.sent == [], log.summary()
    assert ("todo", "Animation") in seen and me is context.persons.by_id()[studio.person_id]


def test_the_to_do_rows_seed_partial_objects_that_load_the_rest_in_one_batch(studio: Studio) -> None:
    """A to-do row carries its entity's, project's, type's and status's
    columns: they seed the related objects, so the usual reads cost no
    request; a field the row lacked loads every seeded object of that
    kind at once, with the server's whole record."""
    artist = clone(studio.kitsu)
    with RequestLog(artist) as log:
        tasks = artist.user.tasks_to_do()
        seen = {
            task.id: (type(task.entity), task.entity.name, task.project.name, task.task_status.short_name,
                      task.task_type.name, task.entity.project is task.project)
            for task in tasks
        }
    assert [s.path for s in log.sent] == ["data/user/tasks"], log.summary()
    kinds = {
        studio.mine["hero"].id: (Asset, studio.hero.name), studio.mine["shot/anim"].id: (Shot, studio.shot.name),
        studio.mine["scene"].id: (Scene, studio.scene.name), studio.mine["sequence"].id: (Sequence, studio.sequence.name),
    }
    for task_id, (kind, name) in kinds.items():
        assert seen[task_id][:2] == (kind, name)
    assert {row[2] for row in seen.values()} == {studio.project.name}
    assert {row[3] for row in seen.values()} == {studio.todo.short_name}
    assert all(row[5] for row in seen.values())  # the entity's project_id came with it
    assert seen[studio.mine["shot/anim"].id][4] == studio.types["Animation"].name

    shots = list({task.entity.id: task.entity for task in tasks if isinstance(task.entity, Shot)}.values())
    assert len(shots) == 2 and all(shot.is_partial for shot in shots)
    with artist.strict_mode(), pytest.raises(errors.LazyLoadError, match="Shot.nb_frames"):
        shots[0].nb_frames
    with RequestLog(artist) as log:
        frames = shots[0].nb_frames
        other = shots[1].entity_type_id
    # One batch for both partial shots (artists read them through
    # data/entities, whose rows need the table of entity types, once).
    assert [s.path for s in log.sent] == ["data/shots", "data/entities", "data/entity-types"], log.summary()
    assert set(json.loads(log.sent[1].params["id"])) == {shot.id for shot in shots}
    assert not any(shot.is_partial for shot in shots)
    admin = clone(studio.admin)
    for shot in shots:
        loaded, record = shot.to_dict(), admin.entities.get(shot.id).to_dict()
        assert len(loaded) > 20 and loaded == {key: record[key] for key in loaded}
    assert frames == admin.shots.get(shots[0].id).nb_frames and other == studio.shot.entity_type_id

    # A full load of an already seeded object completes it without a deferred request.
    project = tasks[0].project
    assert project.is_partial
    artist.projects.load(project.id)
    assert not project.is_partial
    with RequestLog(artist) as log:
        assert project.fps == clone(studio.admin).projects.get(project.id).fps
    assert log.sent == []


def test_the_rows_an_artist_reads_have_every_field_typed_without_none(studio: Studio) -> None:
    """Non-admins get people's minimal rows (no contract type, no email):
    a field typed without None that a row lacks loads on first read, and
    none is left null."""
    artist = clone(studio.kitsu)
    tasks = artist.user.tasks_to_do()
    people = list(artist.persons.all())
    assert tasks and people
    assert any(person.is_partial for person in people)  # minimal rows
    related = [obj for task in tasks for obj in (task.entity, task.project, task.task_status, task.task_type)]
    assert incomplete([*tasks, *people, *related]) == []
