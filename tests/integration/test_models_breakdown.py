"""AssetType and the entity kinds (Asset, Episode, Sequence, Shot, Scene,
Edit, Concept) against the real server: create, read back, relations,
partial updates, ``data`` merges, deletion, the JSON round trip, typed
assignment and id checks."""

from __future__ import annotations

import uuid
from collections.abc import Callable
import pytest

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.models import (
    Asset, AssetType, CastingEntry, CastInEntry, Concept, Edit, Entity, EntityType, Episode, Scene, Sequence, Shot,
)
from kitsu_models.session import Kitsu

from .models_support import (
    JSONDict, RequestLog, World, artist, assert_bad_ids_send_nothing, assert_data_key_merge, assert_deleted,
    assert_round_trip, assert_saves_only, assert_wrong_type_sends_nothing, clone, unique, world,
)

pytestmark = pytest.mark.server
__all__ = ["artist", "world"]  # fixtures

NewSession = Callable[..., Kitsu]
ENTITY_KINDS: list[type[Entity]] = [Asset, Episode, Sequence, Shot, Scene, Edit, Concept]


# ------------------------------------------------------------- AssetType
def test_asset_type_create_read_update_delete(new_session: NewSession) -> None:
    kitsu = new_session()
    fresh = clone(kitsu)
    name = f"AT {uuid.uuid4().hex[:8]}"  # the server allows 30 characters
    asset_type = AssetType(name=name, short_name="at")
    with RequestLog(kitsu) as log:
        asset_type.save(kitsu)
    try:
        assert [(s.method, s.path, s.body) for s in log.writes()] == [
            ("POST", "data/entity-types", {"name": name, "short_name": "at"})
        ]
        assert asset_type.id and isinstance(asset_type, AssetType)
        assert kitsu.asset_types.get(asset_type.id) is asset_type

        again = fresh.asset_types.get(asset_type.id)
        assert type(again) is AssetType and again.name == name
        assert fresh.asset_types.filter(name=name).ids() == [asset_type.id]
        assert fresh.asset_types.get_by_name(name) is again
        # It is an entity type too, the same object in the session.
        assert fresh.entity_types.get(asset_type.id) is again

        assert_saves_only(asset_type, "short_name", "at2", fresh)
        assert_deleted(asset_type)
    finally:
        if not asset_type.is_deleted:
            kitsu.transport.delete(f"data/entity-types/{asset_type.id}")


# -------------------------------------------------------------- entities
def _new_entity(model: type[Entity], kitsu: Kitsu, pid: str) -> tuple[Entity, str, JSONDict]:
    """A new, unsaved ``model`` in production ``pid`` (parents created as
    needed), the POST route it must be created with, and the body."""
    name = unique(model.__name__)
    if model is Asset:
        asset_type = kitsu.asset_types.get_by_name("Character")
        episode = Episode(name=unique("E"), project_id=pid).save(kitsu)
        return (
            Asset(name=name, project_id=pid, entity_type_id=asset_type.id, source_id=episode.id, description="d"),
            f"data/projects/{pid}/asset-types/{asset_type.id}/assets/new",
            {"name": name, "description": "d", "episode_id": episode.id},
        )
    if model is Episode:
        return (
            Episode(name=name, project_id=pid, description="d"),
            f"data/projects/{pid}/episodes",
            {"name": name, "description": "d"},
        )
    if model in (Sequence, Edit):
        episode = Episode(name=unique("E"), project_id=pid).save(kitsu)
        return (
            model(name=name, project_id=pid, parent_id=episode.id),
            f"data/projects/{pid}/{model.__name__.lower()}s",
            {"name": name, "episode_id": episode.id},
        )
    if model in (Shot, Scene):
        sequence = Sequence(name=unique("SQ"), project_id=pid).save(kitsu)
        extra: JSONDict = {"nb_frames": 48, "data": {"frame_in": 1}} if model is Shot else {}
        return (
            model(name=name, project_id=pid, parent_id=sequence.id, **extra),
            f"data/projects/{pid}/{model.__name__.lower()}s",
            {"name": name, "sequence_id": sequence.id, **extra},
        )
    assert model is Concept
    return (
        Concept(name=name, project_id=pid, description="d"),
        f"data/projects/{pid}/concepts",
        {"name": name, "description": "d"},
    )


@pytest.mark.parametrize("model", ENTITY_KINDS, ids=lambda m: m.__name__)
def test_entity_create_read_update_delete(
    model: type[Entity], make_project: Callable[..., JSONDict], new_session: NewSession
) -> None:
    pid = make_project(task_types=[], task_statuses=[], asset_types=["Character"])["id"]
    kitsu = new_session()
    fresh = clone(kitsu)
    entity, route, body = _new_entity(model, kitsu, pid)
    with RequestLog(kitsu) as log:
        assert entity.save(kitsu) is entity
    assert [(s.method, s.path, s.body) for s in log.writes()] == [("POST", route, body)]
    assert entity.id and type(entity) is model and entity.project_id == pid
    assert entity.name == body["name"] and entity.changes() == {}
    assert kitsu.repository(model).get(entity.id) is entity
    kind = "Character" if model is Asset else model.__name__
    assert kitsu.entity_type_name(entity.entity_type_id or "") == kind

    # Read back in another session: by id, in the production, by name.
    repository = fresh.repository(model)
    again = repository.get(entity.id)
    assert type(again) is model and again.name == entity.name and again.project_id == pid
    assert entity.id in repository.filter(project=pid).ids()
    assert entity.id in repository.filter(project_id=pid, name=entity.name).ids()
    assert repository.get_by_name(entity.name, project=pid) is again
    with pytest.raises(errors.ModelNotFoundError) as info:
        repository.get_by_name(unique("nope"), project=pid)
    assert info.value.model == model.__name__
    # The generic entity route gives the right class too.
    assert type(clone(kitsu).entities.get(entity.id)) is model

    if model is Shot:
        assert_saves_only(entity, "nb_frames", 96, fresh)
    assert_saves_only(entity, "description", f"{model.__name__} of the model tests", fresh)
    assert_data_key_merge(entity, fresh)
    assert_deleted(entity, relation="tasks")


@pytest.mark.parametrize("model", [Asset, Shot], ids=lambda m: m.__name__)
def test_deleting_an_entity_with_tasks_without_force_only_cancels_it(
    model: type[Entity], world: World
) -> None:
    entity = world.asset if model is Asset else world.shot
    assert entity.canceled is False
    assert entity.delete() is False  # the server only marks it canceled
    assert not entity.is_deleted and entity.canceled is True
    assert world.kitsu.repository(model).get(entity.id) is entity
    assert clone(world.kitsu).repository(model).get(entity.id).canceled is True
    assert entity.delete(force=True) is True
    assert entity.is_deleted
    with pytest.raises(errors.ModelNotFoundError):
        clone(world.kitsu).repository(model).get(entity.id)


def test_breakdown_relations(world: World) -> None:
    kitsu = world.kitsu
    project = world.project
    world.shot.set_casting([(world.asset, 2)])

    for entity in (world.asset, world.episode, world.sequence, world.shot, world.scene, world.edit, world.concept):
        name = type(entity).__name__
        assert entity.project is project, name
        entity_type = entity.entity_type
        assert isinstance(entity_type, EntityType), name
        assert entity_type.name == ("Character" if entity is world.asset else name)
        assert entity.creator is world.me, name
        assert isinstance(entity.tasks, ModelList), name
    assert world.asset.tasks.ids() == [world.asset_task.id]
    assert world.shot.tasks.ids() == [world.shot_task.id]
    assert world.episode.tasks == [] and world.concept.tasks == []
    assert world.asset.tasks[0] is world.asset_task
    assert world.asset.tasks[0].entity is world.asset

    # Asset
    assert world.asset.asset_type is world.asset_type and type(world.asset.asset_type) is AssetType
    assert world.asset.entity_type is world.asset_type  # one object per id
    assert world.asset.episode is world.episode
    cast_in = world.asset.cast_in
    assert [type(c) for c in cast_in] == [CastInEntry] and cast_in[0].shot is world.shot
    assert cast_in[0].nb_occurences == 2
    # Episode
    assert world.episode.sequences.ids() == [world.sequence.id]
    assert world.episode.sequences[0] is world.sequence
    # Sequence
    assert world.sequence.episode is world.episode
    assert world.sequence.shots.ids() == [world.shot.id] and world.sequence.shots[0] is world.shot
    # Shot
    assert world.shot.sequence is world.sequence
    assert world.shot.sequence.episode is world.episode
    casting = world.shot.casting
    assert [type(c) for c in casting] == [CastingEntry]
    assert casting[0].asset is world.asset and casting[0].nb_occurences == 2
    # Scene
    assert world.scene.sequence is world.sequence and type(world.scene.sequence) is Sequence
    # Edit
    assert world.edit.episode is world.episode and type(world.edit.episode) is Episode

    # Absent optional links are None; a required one raises a typed error.
    other = clone(kitsu)
    orphan = Sequence(name=unique("SQ"), project_id=project.id).save(other)
    assert orphan.episode is None
    loose = Asset(name=unique("A"), project_id=project.id, entity_type_id=world.asset_type.id).save(other)
    assert loose.episode is None

    # The same navigation from a fresh session, starting at the project.
    fresh = clone(kitsu)
    shot = fresh.projects.get(project.id).shots[0]
    assert type(shot) is Shot and shot.id == world.shot.id
    assert shot.sequence.episode is not None and shot.sequence.episode.id == world.episode.id
    assert shot.project is fresh.projects.get(project.id)


def test_breakdown_round_trip(world: World) -> None:
    pid = world.project.id
    assert_round_trip(world.kitsu, AssetType, lambda repo: repo.get(world.asset_type.id))
    assert_round_trip(world.kitsu, AssetType, lambda repo: list(repo.get_many([world.asset_type.id]).values()))
    entities: list[tuple[type[Entity], Entity]] = [
        (Asset, world.asset), (Episode, world.episode), (Sequence, world.sequence), (Shot, world.shot),
        (Scene, world.scene), (Edit, world.edit), (Concept, world.concept),
    ]
    for model, entity in entities:
        object_id = entity.id
        assert_round_trip(world.kitsu, model, lambda repo: repo.get(object_id))
        assert_round_trip(world.kitsu, model, lambda repo: repo.filter(project=pid))
        assert_round_trip(world.kitsu, model, lambda repo: list(repo.get_many([object_id]).values()))
    # What a relation loaded, against the route it used.
    kitsu = clone(world.kitsu)
    with RequestLog(kitsu) as log:
        sequences = kitsu.episodes.get(world.episode.id).sequences
    last = log.sent[-1]
    assert [s.to_dict() for s in sequences] == kitsu.transport.get(last.path, last.params)


def test_breakdown_wrong_types_send_nothing(world: World) -> None:
    assert_wrong_type_sends_nothing(world.shot, "nb_frames", "many")
    assert_wrong_type_sends_nothing(world.shot, "data", ["not", "a", "dict"])
    assert_wrong_type_sends_nothing(world.asset, "is_shared", "perhaps")
    assert_wrong_type_sends_nothing(world.asset, "status", "lost")  # not one of the statuses
    assert_wrong_type_sends_nothing(world.episode, "name", None)
    assert_wrong_type_sends_nothing(world.sequence, "canceled", "maybe")
    assert_wrong_type_sends_nothing(world.scene, "entities_out", "x")
    assert_wrong_type_sends_nothing(world.edit, "nb_entities_out", 1.5)
    assert_wrong_type_sends_nothing(world.concept, "project_id", 12)
    assert_wrong_type_sends_nothing(world.asset_type, "task_types", "Modeling")


@pytest.mark.parametrize("model", [AssetType, EntityType, Entity, *ENTITY_KINDS], ids=lambda m: m.__name__)
def test_breakdown_bad_ids_raise_before_any_request(admin: Kitsu, model: type[Entity]) -> None:
    assert_bad_ids_send_nothing(admin, model)
