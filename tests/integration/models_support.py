"""Shared helpers of the model tests (tests/integration/test_models_*.py).

* ``RequestLog``: records every request a session sends (method, path,
  query, JSON body, status, headers), by wrapping ``transport._send``: the
  body asserted on is the one that really left the process.
* ``World``: one production with one object of every model kind, created
  through the models themselves (``save()`` on new objects).
* ``create_person`` / ``delete_people``: test persons, for module-scoped
  fixtures that delete them at the end (the server limits active users).
* ``assert_*``: the checks every model goes through (partial saves, ``data``
  merges, deletion, JSON round trip, typed assignment, malformed ids).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
import requests
from pydantic import ValidationError

from kitsu_models import errors
from kitsu_models.models import (
    Asset,
    AssetType,
    Comment,
    Concept,
    Edit,
    Episode,
    KitsuModel,
    MetadataDescriptor,
    Person,
    Project,
    Scene,
    Sequence,
    Shot,
    Task,
    TaskStatus,
    TaskType,
    TimeSpent,
)
from kitsu_models.exchange import Request
from kitsu_models.repository import Repository
from kitsu_models.session import Kitsu

JSONDict = dict[str, Any]
M = TypeVar("M", bound=KitsuModel)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def clone(kitsu: Kitsu) -> Kitsu:
    """A new session (its own identity map and caches) with the tokens of
    ``kitsu``: what a fresh login gives, without the login's cost."""
    return Kitsu(kitsu.host, tokens=kitsu.tokens)


# ----------------------------------------------------------- request log
@dataclass
class Sent:
    method: str
    path: str
    params: JSONDict
    body: Any
    headers: dict[str, str]
    status: int
    response_headers: dict[str, str]


class RequestLog:
    """Every request ``kitsu`` sends while active (a context manager)."""

    def __init__(self, kitsu: Kitsu) -> None:
        self.kitsu = kitsu
        self.sent: list[Sent] = []
        self._real: Any = None

    def __enter__(self) -> RequestLog:
        transport = self.kitsu.transport
        real = transport._send
        self._real = real

        def spy(request: Request, tokens: Any) -> Any:
            outcome = real(request, tokens)
            response = outcome[0] if isinstance(outcome, tuple) else None  # None: a transport error, no answer
            self.sent.append(
                Sent(request.method, request.path, dict(request.params or {}), request.json,
                     dict(request.headers or {}), response.status_code if response is not None else 0,
                     dict(response.headers) if response is not None else {})
            )
            return outcome

        transport._send = spy  # type: ignore[method-assign,assignment]
        return self

    def __exit__(self, *exc: object) -> None:
        del self.kitsu.transport._send  # back to the class's method

    def __len__(self) -> int:
        return len(self.sent)

    def clear(self) -> None:
        self.sent.clear()

    def writes(self) -> list[Sent]:
        return [s for s in self.sent if s.method != "GET"]

    def bodies(self, method: str) -> list[Any]:
        return [s.body for s in self.sent if s.method == method]

    def summary(self) -> list[str]:
        """One line per request, for assertion messages."""
        return [f"{s.method} /{s.path} {s.params} -> {s.status}" for s in self.sent]


# ----------------------------------------------------------------- world
@dataclass
class World:
    """One production holding one object of every kind, in session ``kitsu``."""

    kitsu: Kitsu
    project: Project
    asset_type: AssetType
    episode: Episode
    sequence: Sequence
    shot: Shot
    scene: Scene
    edit: Edit
    concept: Concept
    asset: Asset
    shot_type: TaskType
    asset_task_type: TaskType
    todo: TaskStatus
    wip: TaskStatus
    shot_task: Task
    asset_task: Task
    comment: Comment
    time_spent: TimeSpent
    descriptor: MetadataDescriptor
    me: Person
    artist: Person


def build_world(kitsu: Kitsu, project_row: JSONDict, artist: Person) -> World:
    """Fill the production ``project_row`` (from ``make_project``) through
    the models: every object is created with ``save()``."""
    pid = project_row["id"]
    project = kitsu.projects.get(pid)
    project.add_person(kitsu.persons.get(artist.id))
    asset_type = kitsu.asset_types.get_by_name("Character")
    episode = Episode(name="E01", project_id=pid).save(kitsu)
    sequence = Sequence(name="SQ01", project_id=pid, parent_id=episode.id).save(kitsu)
    shot = Shot(name="SH010", project_id=pid, parent_id=sequence.id, nb_frames=24, data={"frame_in": 1}).save(kitsu)
    scene = Scene(name="SC01", project_id=pid, parent_id=sequence.id).save(kitsu)
    edit = Edit(name="ED01", project_id=pid, parent_id=episode.id).save(kitsu)
    concept = Concept(name="CO01", project_id=pid).save(kitsu)
    asset = Asset(name="Hero", project_id=pid, entity_type_id=asset_type.id, source_id=episode.id).save(kitsu)
    shot_type = kitsu.task_types.first(name="Animation", for_entity="Shot")
    asset_task_type = kitsu.task_types.first(name="Modeling", for_entity="Asset")
    assert shot_type is not None and asset_task_type is not None
    todo = kitsu.task_statuses.get_by_name("Todo")
    wip = kitsu.task_statuses.get_by_name("Work In Progress")
    me = kitsu.me
    artist_here = kitsu.persons.get(artist.id)
    shot_task = Task(
        project_id=pid, entity_id=shot.id, task_type_id=shot_type.id, task_status_id=todo.id,
        assigner_id=me.id, assignees=[me.id, artist_here.id],
    ).save(kitsu)
    asset_task = Task(
        project_id=pid, entity_id=asset.id, task_type_id=asset_task_type.id, task_status_id=wip.id,
        assignees=[artist_here.id],
    ).save(kitsu)
    comment = Comment(
        object_id=shot_task.id, person_id=me.id, task_status_id=todo.id, text="first pass",
        mentions=[artist_here.id],
    ).save(kitsu)
    time_spent = TimeSpent(task_id=shot_task.id, person_id=me.id, duration=90, date=dt.date(2024, 3, 4)).save(kitsu)
    descriptor = MetadataDescriptor(
        project_id=pid, name=unique("Notes"), entity_type="Shot", data_type="string"
    ).save(kitsu)
    return World(
        kitsu, project, asset_type, episode, sequence, shot, scene, edit, concept, asset, shot_type,
        asset_task_type, todo, wip, shot_task, asset_task, comment, time_spent, descriptor, me, artist_here,
    )


# ---------------------------------------------------------------- people
def create_person(kitsu: Kitsu, first_name: str = "Test", **fields: Any) -> Person:
    tag = uuid.uuid4().hex[:8]
    return Person(
        first_name=first_name, last_name=f"Person {tag}", email=f"person-{tag}@example.com", **fields
    ).save(kitsu)


def delete_people(kitsu: Kitsu, people: list[Person]) -> None:
    """Delete test persons (at the end of a module-scoped fixture: the
    server counts active users against a limit)."""
    for person in people:
        if person.is_deleted:
            continue
        try:
            kitsu.transport.delete(f"data/persons/{person.id}", params={"force": "true"})
        except errors.NotFoundError:
            pass


def closed_status_id(kitsu: Kitsu) -> str:
    return next(s.id for s in kitsu.project_statuses.all() if s.name.lower() == "closed")


# ------------------------------------------------------- generic checks
def json_key(model: type[KitsuModel], field: str) -> str:
    """The JSON key of ``field`` (its alias, e.g. ``assignees``)."""
    return model.model_fields[field].alias or field


def assert_saves_only(obj: KitsuModel, field: str, value: Any, fresh: Kitsu, sent: Any = None) -> None:
    """Assigning ``field`` then ``save()`` sends one PUT carrying only that
    field (as ``sent``, by default ``value``); another session reads it back."""
    key = json_key(type(obj), field)
    expected = value if sent is None else sent
    with RequestLog(obj.session) as log:
        setattr(obj, field, value)
        assert obj.changes() == {key: expected}
        assert obj.save() is obj
    writes = log.writes()
    assert [s.method for s in writes] == ["PUT"], log.summary()
    assert writes[0].body == {key: expected}, f"the PUT body carried more than {key!r}"
    assert obj.changes() == {}
    assert obj.model_dump(mode="json", include={field}) == {key: expected}
    again = fresh.repository(type(obj)).get(obj.id).refresh()
    read_back = again.model_dump(mode="json", include={field})[key]
    if isinstance(expected, list):  # many-to-many ids: the server's order
        assert sorted(read_back) == sorted(expected)
    else:
        assert read_back == expected


def assert_data_key_merge(obj: KitsuModel, other: Kitsu) -> None:
    """A ``data`` key changed here is saved without losing a key another
    session set meanwhile. Where the server merges ``data`` (entities,
    tasks) the PUT carries only the changed key; where it replaces it
    (projects, persons, comments) the client merges onto the server's
    current dict and the PUT carries only ``data``."""
    model = type(obj)
    mine, theirs = unique("mine"), unique("theirs")
    stale_keys = dict(getattr(obj, "data") or {})
    # Meanwhile, another session sets another key.
    twin = other.repository(model).get(obj.id)
    assert twin is not obj
    twin_data = dict(getattr(twin, "data") or {})
    twin_data[theirs] = "set by the other session"
    setattr(twin, "data", twin_data)
    twin.save()
    # Here, from the stale copy that never saw that key.
    with RequestLog(obj.session) as log:
        data = dict(getattr(obj, "data") or {})
        data[mine] = {"nested": [1, 2]}
        setattr(obj, "data", data)
        assert obj.changes() == {"data": {mine: {"nested": [1, 2]}}}
        obj.save()
    puts = [s for s in log.sent if s.method == "PUT"]
    assert len(puts) == 1 and len(log.writes()) == 1, log.summary()
    if model.__route__.merges_data:
        assert puts[0].body == {"data": {mine: {"nested": [1, 2]}}}
    else:
        assert list(puts[0].body) == ["data"]
        assert puts[0].body["data"] == {
            **stale_keys, theirs: "set by the other session", mine: {"nested": [1, 2]}
        }
    assert obj.changes() == {}
    server = other.transport.get(model.__route__.item_endpoint(model.__name__).at(obj.id))
    assert server["data"][mine] == {"nested": [1, 2]}
    assert server["data"][theirs] == "set by the other session"
    for key, value in stale_keys.items():
        assert server["data"][key] == value
    obj.refresh()
    assert getattr(obj, "data")[theirs] == "set by the other session"


def assert_deleted(obj: KitsuModel, *, force: bool = False, relation: str | None = None) -> None:
    """``delete()`` removes it on the server and evicts it: using it raises
    DeletedObjectError (saving, refreshing, assigning, loading ``relation``,
    which must not be loaded yet), and reading its id raises
    ModelNotFoundError (in its session, and in a new one)."""
    model = type(obj)
    kitsu = obj.session
    object_id = obj.id
    item = model.__route__.item_endpoint(model.__name__).at(object_id)
    kitsu.transport.get(item)  # it exists before
    some_field = next(name for name in ("name", "text", "duration", "first_name", "label") if name in model.model_fields)
    with RequestLog(kitsu) as log:
        assert obj.delete(force=force) is True
    assert (log.sent[0].method, log.sent[0].params) == ("DELETE", {"force": "true"} if force else {})
    assert log.sent[0].path == model.__route__.delete_endpoint.at(object_id)
    # (a plain delete may check the object is gone: only reads follow)
    assert all(s.method == "GET" for s in log.sent[1:]), log.summary()
    assert obj.is_deleted
    with RequestLog(kitsu) as log:
        with pytest.raises(errors.DeletedObjectError):
            obj.save()
        with pytest.raises(errors.DeletedObjectError):
            obj.refresh()
        with pytest.raises(errors.DeletedObjectError):
            obj.delete()
        with pytest.raises(errors.DeletedObjectError):
            setattr(obj, some_field, getattr(obj, some_field))
        if relation is not None:
            with pytest.raises(errors.DeletedObjectError):
                getattr(obj, relation)
    assert log.sent == [], log.summary()
    assert kitsu.identity.get(model, object_id) is None
    for session in (kitsu, clone(kitsu)):
        with pytest.raises(errors.ModelNotFoundError) as info:
            session.repository(model).get(object_id)
        assert isinstance(info.value, errors.NotFoundError)
        assert info.value.model == model.__name__
        assert info.value.key == object_id
        assert model.__name__ in str(info.value) and object_id in str(info.value)


def assert_round_trip(source: Kitsu, model: type[M], load: Callable[[Repository[M]], Any]) -> list[M]:
    """``load(repository)`` in a new session (a clone of ``source``): the
    ``to_dict()`` of what it loaded equals the JSON of the same GET, sent
    again with a plain ``transport.get``. Returns the loaded objects."""
    kitsu = clone(source)
    with RequestLog(kitsu) as log:
        loaded = load(kitsu.repository(model))
    objects = list(loaded) if isinstance(loaded, list) else [loaded]
    gets = [s for s in log.sent if s.method == "GET" and s.path != "data/entity-types"]
    assert len(gets) == 1, log.summary()
    raw = kitsu.transport.get(gets[0].path, gets[0].params)
    rows = raw if isinstance(raw, list) else [raw]
    assert rows, f"GET /{gets[0].path} answered nothing"
    assert [o.to_dict() for o in objects] == rows
    for o in objects:
        assert type(o) is model
    return objects


def assert_wrong_type_sends_nothing(obj: KitsuModel, field: str, bad: Any) -> None:
    """A wrongly typed assignment raises ValidationError, changes nothing
    and a following ``save()`` sends nothing."""
    before = obj.model_dump(mode="json", include={field})
    with RequestLog(obj.session) as log:
        with pytest.raises(ValidationError):
            setattr(obj, field, bad)
        assert obj.model_dump(mode="json", include={field}) == before
        assert obj.changes() == {}
        obj.save()
    assert log.sent == [], log.summary()


BAD_IDS: tuple[Any, ...] = ("nope", "", "1234", "../persons", "a" * 36, 42, None)


def assert_bad_ids_send_nothing(kitsu: Kitsu, model: type[KitsuModel]) -> None:
    """Malformed ids raise InvalidArgumentError before any request."""
    repository = kitsu.repository(model)
    with RequestLog(kitsu) as log:
        for bad in BAD_IDS:
            with pytest.raises(errors.InvalidArgumentError):
                repository.get(bad)
        with pytest.raises(errors.InvalidArgumentError):
            repository.get_many(["nope"])
        if "project_id" in model.model_fields:
            with pytest.raises(errors.InvalidArgumentError):
                repository.filter(project="nope")
    assert log.sent == [], log.summary()


# -------------------------------------------------------------- fixtures
# Imported by each test_models_* module (a module-scoped fixture is then
# one per module).
@pytest.fixture(scope="module")
def artist(admin: Kitsu) -> Iterator[Person]:
    """A person of the studio, deleted at the end of the module."""
    person = create_person(admin, "Artist")
    yield person
    delete_people(admin, [person])


@pytest.fixture
def world(make_project: Callable[..., JSONDict], new_session: Callable[..., Kitsu], artist: Person) -> World:
    """A production with one object of every kind, in a new session."""
    row = make_project(
        task_types=["Animation", "Modeling"], task_statuses=["Todo", "Work In Progress"], asset_types=["Character"]
    )
    return build_world(new_session(), row, artist)
