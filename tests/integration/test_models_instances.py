"""AssetInstance, EntityLink and casting against the real server: create
(through each creation route), read back, navigate, partial updates,
deletion, the JSON round trip, typed assignment and id checks; casting
written with ``shot.set_casting`` and read from both sides, and the
casting of a whole production in one request."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.models import (
    Asset, AssetInstance, AssetType, CastingEntry, CastInEntry, EntityLink, Scene, Sequence, Shot,
)
from kitsu_models.session import Kitsu

from .models_support import (
    JSONDict, RequestLog, assert_bad_ids_send_nothing, assert_data_key_merge, assert_deleted, assert_round_trip,
    assert_saves_only, assert_wrong_type_sends_nothing, clone,
)

pytestmark = pytest.mark.server

NewSession = Callable[..., Kitsu]


@dataclass
class Breakdown:
    """A production with two assets, two sequences, three shots and a
    scene, in session ``kitsu``."""

    kitsu: Kitsu
    project_id: str
    character: AssetType
    prop: AssetType
    hero: Asset
    sword: Asset
    sequence: Sequence
    other_sequence: Sequence
    shot: Shot
    shot2: Shot
    shot3: Shot
    scene: Scene


@pytest.fixture
def breakdown(make_project: Callable[..., JSONDict], new_session: NewSession, admin: Kitsu) -> Iterator[Breakdown]:
    pid = make_project(task_types=[], task_statuses=[], asset_types=["Character", "Prop"])["id"]
    kitsu = new_session()
    character = kitsu.asset_types.get_by_name("Character")
    prop = kitsu.asset_types.get_by_name("Prop")
    tag = uuid.uuid4().hex[:6]
    hero = Asset(name=f"Hero{tag}", project_id=pid, entity_type_id=character.id).save(kitsu)
    sword = Asset(name=f"Sword{tag}", project_id=pid, entity_type_id=prop.id).save(kitsu)
    sequence = Sequence(name="SQ01", project_id=pid).save(kitsu)
    other_sequence = Sequence(name="SQ02", project_id=pid).save(kitsu)
    shot = Shot(name="SH010", project_id=pid, parent_id=sequence.id).save(kitsu)
    shot2 = Shot(name="SH020", project_id=pid, parent_id=sequence.id).save(kitsu)
    shot3 = Shot(name="SH030", project_id=pid, parent_id=other_sequence.id).save(kitsu)
    scene = Scene(name="SC01", project_id=pid, parent_id=sequence.id).save(kitsu)
    yield Breakdown(kitsu, pid, character, prop, hero, sword, sequence, other_sequence, shot, shot2, shot3, scene)
    # The server cannot delete a production whose assets have instances
    # (a foreign key error, 500): remove them first.
    for asset_id in (hero.id, sword.id):
        for row in admin.transport.get("data/asset-instances", {"asset_id": asset_id}):
            try:
                admin.transport.delete(f"data/asset-instances/{row['id']}")
            except errors.NotFoundError:
                pass


# --------------------------------------------------------- AssetInstance
def test_asset_instance_in_a_scene(breakdown: Breakdown) -> None:
    kitsu, hero, scene, shot = breakdown.kitsu, breakdown.hero, breakdown.scene, breakdown.shot
    fresh = clone(kitsu)
    instance = AssetInstance(asset_id=hero.id, scene_id=scene.id, description="hero in scene")
    with RequestLog(kitsu) as log:
        assert instance.save(kitsu) is instance
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("POST", f"data/scenes/{scene.id}/asset-instances", {"asset_id": hero.id, "description": "hero in scene"})
    ]
    # The server names and numbers it.
    assert instance.id and instance.name == f"{hero.name}_0001" and instance.number == 1
    assert (instance.asset_id, instance.scene_id, instance.target_asset_id) == (hero.id, scene.id, None)
    assert instance.active is True and instance.changes() == {}
    assert kitsu.asset_instances.get(instance.id) is instance
    second = AssetInstance(asset_id=hero.id, scene_id=scene.id).save(kitsu)
    assert (second.name, second.number) == (f"{hero.name}_0002", 2)

    # Read back in another session: by id, by asset, by scene, by name.
    again = fresh.asset_instances.get(instance.id)
    assert type(again) is AssetInstance and again.description == "hero in scene"
    assert again.shot_ids == []  # the item route sends the linked shots
    assert sorted(fresh.asset_instances.filter(asset=hero).ids()) == sorted([instance.id, second.id])
    assert sorted(fresh.asset_instances.filter(scene_id=scene.id).ids()) == sorted([instance.id, second.id])
    assert fresh.asset_instances.get_by_name(instance.name or "", scene=scene.id) is again

    # Navigation, both ways.
    assert instance.asset is hero and instance.scene is scene
    assert instance.target is scene and instance.target_asset is None
    assert sorted(hero.asset_instances.ids()) == sorted([instance.id, second.id])
    assert hero.asset_instances.by_id()[instance.id] is instance
    assert sorted(scene.asset_instances.ids()) == sorted([instance.id, second.id])
    assert instance.shots == []

    # Linked to a shot: the shot and the instance see each other.
    with RequestLog(kitsu) as log:
        shot.add_asset_instance(instance)
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("POST", f"data/shots/{shot.id}/asset-instances", {"asset_instance_id": instance.id})
    ]
    assert shot.asset_instances.ids() == [instance.id] and shot.asset_instances[0] is instance
    assert isinstance(shot.asset_instances, ModelList)
    assert instance.shots.ids() == [shot.id] and instance.shots[0] is shot
    assert second.shots == []
    # From a fresh session: a list of instances carries the shot ids, and
    # the shots of all of them load in one request.
    other = clone(kitsu)
    instances = other.asset_instances.filter(asset=hero)
    with RequestLog(other) as log:
        instances.prefetch("shots")
    assert len(log) == 1, log.summary()
    assert {i.id: i.shots.ids() for i in instances} == {instance.id: [shot.id], second.id: []}
    # Instances reached through the shot: their rows lack the shot ids,
    # which are loaded (not taken as empty).
    other = clone(kitsu)
    through_shot = other.shots.get(shot.id).asset_instances
    assert through_shot.ids() == [instance.id]
    assert through_shot[0].shots.ids() == [shot.id]

    # Unlinked.
    with RequestLog(kitsu) as log:
        shot.remove_asset_instance(instance)
    assert [(s.method, s.path) for s in log.writes()] == [
        ("DELETE", f"data/shots/{shot.id}/asset-instances/{instance.id}")
    ]
    assert shot.asset_instances == [] and instance.shots == []
    assert clone(kitsu).shots.get(shot.id).asset_instances == []

    assert_saves_only(instance, "description", "hero, moved", fresh)
    assert_saves_only(instance, "active", False, fresh)
    assert_data_key_merge(instance, fresh)
    assert_deleted(clone(kitsu).asset_instances.get(second.id), relation="asset")
    assert_deleted(instance)


def test_asset_instance_in_an_asset(breakdown: Breakdown) -> None:
    kitsu, hero, sword = breakdown.kitsu, breakdown.hero, breakdown.sword
    instance = AssetInstance(asset_id=sword.id, target_asset_id=hero.id, description="sword in hand")
    with RequestLog(kitsu) as log:
        instance.save(kitsu)
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("POST", f"data/assets/{hero.id}/asset-asset-instances",
         {"asset_to_instantiate_id": sword.id, "description": "sword in hand"})
    ]
    assert (instance.asset_id, instance.target_asset_id, instance.scene_id) == (sword.id, hero.id, None)
    assert instance.name == f"{sword.name}_0001"
    assert instance.asset is sword and instance.target_asset is hero
    assert instance.target is hero and instance.scene is None
    assert sword.asset_instances.ids() == [instance.id] and hero.asset_instances == []
    fresh = clone(kitsu)
    again = fresh.asset_instances.get(instance.id)
    assert again.target is fresh.assets.get(hero.id) and type(again.target) is Asset

    # Neither a scene nor an asset to hold it: refused before any request.
    with RequestLog(kitsu) as log:
        with pytest.raises(errors.InvalidArgumentError):
            AssetInstance(asset_id=sword.id).save(kitsu)
    assert log.sent == [], log.summary()
    assert_deleted(clone(kitsu).asset_instances.get(instance.id), relation="target_asset")


def test_asset_instance_round_trip_and_checks(breakdown: Breakdown) -> None:
    kitsu = breakdown.kitsu
    instance = AssetInstance(asset_id=breakdown.hero.id, scene_id=breakdown.scene.id).save(kitsu)
    breakdown.shot.add_asset_instance(instance)
    object_id, asset_id = instance.id, breakdown.hero.id
    assert_round_trip(kitsu, AssetInstance, lambda repo: repo.get(object_id))
    assert_round_trip(kitsu, AssetInstance, lambda repo: repo.filter(asset=asset_id))
    assert_round_trip(kitsu, AssetInstance, lambda repo: list(repo.get_many([object_id]).values()))
    assert_wrong_type_sends_nothing(instance, "number", "first")
    assert_wrong_type_sends_nothing(instance, "active", "perhaps")
    assert_wrong_type_sends_nothing(instance, "data", ["not", "a", "dict"])
    assert_bad_ids_send_nothing(kitsu, AssetInstance)


# ------------------------------------------------------------ EntityLink
def test_entity_link_create_read_navigate_update_delete(breakdown: Breakdown) -> None:
    kitsu, hero, shot = breakdown.kitsu, breakdown.hero, breakdown.shot
    fresh = clone(kitsu)
    link = EntityLink(entity_in_id=shot.id, entity_out_id=hero.id, nb_occurences=3, label="background")
    with RequestLog(kitsu) as log:
        link.save(kitsu)
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("POST", "data/entity-links",
         {"entity_in_id": shot.id, "entity_out_id": hero.id, "nb_occurences": 3, "label": "background"})
    ]
    assert link.id and link.changes() == {} and link.data is None
    assert kitsu.entity_links.get(link.id) is link

    again = fresh.entity_links.get(link.id)
    assert (again.entity_in_id, again.entity_out_id, again.nb_occurences, again.label) == (
        shot.id, hero.id, 3, "background")
    assert fresh.entity_links.filter(entity_in=shot.id).ids() == [link.id]
    assert fresh.entity_links.filter(entity_out=hero.id, entity_in=shot.id).ids() == [link.id]

    # Both ends are entities of the right class (one request each side).
    assert link.entity_in is shot and link.entity_out is hero
    with RequestLog(fresh) as log:
        assert type(again.entity_in) is Shot and type(again.entity_out) is Asset
    assert [s.path for s in log.sent if s.path != "data/entity-types"] == ["data/entities", "data/entities"]
    assert again.entity_in is fresh.shots.get(shot.id)
    assert again.entity_out.project.id == breakdown.project_id
    # It is casting: the shot's and the asset's views show it.
    assert [(c.asset_id, c.nb_occurences, c.label) for c in shot.casting] == [(hero.id, 3, "background")]
    assert [(c.shot_id, c.nb_occurences) for c in hero.cast_in] == [(shot.id, 3)]

    assert_saves_only(link, "label", "foreground", fresh)
    assert_saves_only(link, "nb_occurences", 5, fresh)
    assert_data_key_merge(link, fresh)
    object_id = link.id
    assert_round_trip(kitsu, EntityLink, lambda repo: repo.get(object_id))
    assert_round_trip(kitsu, EntityLink, lambda repo: repo.filter(entity_in=shot.id))
    assert_wrong_type_sends_nothing(link, "nb_occurences", "many")
    assert_deleted(clone(kitsu).entity_links.get(link.id), relation="entity_out")
    assert clone(kitsu).shots.get(shot.id).casting == []
    assert_bad_ids_send_nothing(kitsu, EntityLink)


# --------------------------------------------------------------- casting
def test_casting_written_on_a_shot_read_from_both_sides(breakdown: Breakdown) -> None:
    kitsu, hero, sword, shot = breakdown.kitsu, breakdown.hero, breakdown.sword, breakdown.shot
    assert shot.casting == [] and hero.cast_in == []
    with RequestLog(kitsu) as log:
        shot.set_casting([(hero, 2, "animate"), (sword, 1, "fixed")])
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("PUT", f"data/projects/{breakdown.project_id}/entities/{shot.id}/casting",
         [{"asset_id": hero.id, "nb_occurences": 2, "label": "animate"},
          {"asset_id": sword.id, "nb_occurences": 1, "label": "fixed"}])
    ]
    casting = shot.casting  # reloaded: the old (empty) list is forgotten
    assert [type(c) for c in casting] == [CastingEntry, CastingEntry]
    assert sorted((c.asset_id, c.nb_occurences, c.label) for c in casting) == sorted(
        [(hero.id, 2, "animate"), (sword.id, 1, "fixed")])
    assert all(c.asset is (hero if c.asset_id == hero.id else sword) for c in casting)
    # The assets' side: their cast-in lists were forgotten too.
    cast_in = hero.cast_in
    assert [type(c) for c in cast_in] == [CastInEntry]
    assert (cast_in[0].shot_id, cast_in[0].nb_occurences, cast_in[0].shot_name) == (shot.id, 2, "SH010")
    assert cast_in[0].shot is shot
    assert [c.shot for c in sword.cast_in] == [shot]
    # The link rows behind it.
    links = kitsu.entity_links.filter(entity_in=shot)
    assert sorted((link.entity_out_id, link.nb_occurences, link.label) for link in links) == sorted(
        [(hero.id, 2, "animate"), (sword.id, 1, "fixed")])
    assert {link.entity_out for link in links} == {hero, sword}

    # Setting it again replaces it (a label is optional).
    shot.set_casting([(hero, 4)])
    assert [(c.asset_id, c.nb_occurences) for c in shot.casting] == [(hero.id, 4)]
    assert [(c.shot_id, c.nb_occurences) for c in hero.cast_in] == [(shot.id, 4)]
    assert sword.cast_in == []
    shot.set_casting([])
    assert shot.casting == [] and hero.cast_in == []
    assert kitsu.entity_links.filter(entity_in=shot) == []


def test_the_casting_of_every_shot_of_a_production_in_one_request(breakdown: Breakdown) -> None:
    kitsu, hero, sword = breakdown.kitsu, breakdown.hero, breakdown.sword
    breakdown.shot.set_casting([(hero, 2, "animate"), (sword, 1)])
    breakdown.shot3.set_casting([(sword, 3)])  # another sequence; shot2 has none
    expected = {
        breakdown.shot.id: sorted([(hero.id, 2), (sword.id, 1)]),
        breakdown.shot2.id: [],
        breakdown.shot3.id: [(sword.id, 3)],
    }
    fresh = clone(kitsu)
    shots = fresh.shots.filter(project=breakdown.project_id)
    assert sorted(shots.ids()) == sorted(expected)
    with RequestLog(fresh) as log:
        shots.prefetch("casting")
    assert [(s.method, s.path) for s in log.sent] == [
        ("GET", f"data/projects/{breakdown.project_id}/sequences/all/casting")
    ], log.summary()
    with RequestLog(fresh) as log, fresh.strict_mode():
        seen = {s.id: sorted((c.asset_id, c.nb_occurences) for c in s.casting) for s in shots}
    assert log.sent == [], log.summary()
    assert seen == expected
    # The assets of all those castings: one more request.
    with RequestLog(fresh) as log:
        shots.prefetch("casting.asset")
    assert len(log) == 1, log.summary()
    with fresh.strict_mode():
        names = {c.asset.name for s in shots for c in s.casting}
    assert names == {hero.name, sword.name}
    # Reading each shot's casting one by one would cost a request per shot.
    other = clone(kitsu)
    with RequestLog(other) as log:
        for shot_id in expected:
            other.shots.get(shot_id).casting
    assert sum(1 for s in log.sent if s.path.endswith("/casting")) == len(expected)
