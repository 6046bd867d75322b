"""gazu.scene's hand-written behaviours (every production's scenes when no
project is given, a scene's sequence read only when needed) and loaded
models kept coherent with gazu's writes: a scene saved, a shot linked to
and unlinked from its scene, an asset instance's data replaced."""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest
import responses
from responses import matchers

import gazu
from kitsu_models.models import AssetInstance, Scene, Shot

from .models_rows import new_id, row

HOST = "http://kitsu.test/api"
Client = gazu.client.KitsuClient
PROJECT, SEQUENCE, SCENE, SHOT, INSTANCE = (new_id() for _ in range(5))


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


def test_all_scenes_without_a_project_reads_every_scene_by_name(fake: responses.RequestsMock, client: Client) -> None:
    fake.get(f"{HOST}/data/scenes/all", json=[{"name": "sc2"}, {"name": "SC1"}])
    assert [s["name"] for s in gazu.scene.all_scenes(client=client)] == ["SC1", "sc2"]
    fake.get(f"{HOST}/data/projects/{PROJECT}/scenes", json=[{"name": "b"}, {"name": "a"}])
    assert [s["name"] for s in gazu.scene.all_scenes_for_project({"id": PROJECT}, client=client)] == ["a", "b"]


def test_the_sequence_of_a_scene_dict_naming_it_costs_one_read(fake: responses.RequestsMock, client: Client) -> None:
    fake.get(f"{HOST}/data/sequences/{SEQUENCE}", json={"id": SEQUENCE, "name": "sq01"})
    assert gazu.scene.get_sequence_from_scene({"id": SCENE, "parent_id": SEQUENCE}, client=client)["name"] == "sq01"
    assert len(fake.calls) == 1
    fake.get(f"{HOST}/data/scenes/{SCENE}", json={"id": SCENE, "parent_id": SEQUENCE})
    assert gazu.scene.get_sequence_from_scene(SCENE, client=client)["id"] == SEQUENCE
    assert [str(call.request.url).rsplit("/data/", 1)[1] for call in fake.calls[1:]] == [
        f"scenes/{SCENE}", f"sequences/{SEQUENCE}",
    ]


def test_new_scene_asset_instance_sends_a_description_only_when_given(
    fake: responses.RequestsMock, client: Client
) -> None:
    asset = new_id()
    fake.post(f"{HOST}/data/scenes/{SCENE}/asset-instances", json={"id": INSTANCE},
              match=[matchers.json_params_matcher({"asset_id": asset})])
    gazu.scene.new_scene_asset_instance(SCENE, {"id": asset}, client=client)


def test_a_loaded_scene_follows_its_update(fake: responses.RequestsMock, client: Client) -> None:
    loaded_row = {**row("Scene", "get"), "id": SCENE, "description": "old"}
    scene = client.kitsu.repository(Scene).materialize([copy.deepcopy(loaded_row)])[0]
    given = {"id": SCENE, "description": "new"}
    fake.put(f"{HOST}/data/entities/{SCENE}", json={**loaded_row, "description": "new"},
             match=[matchers.json_params_matcher(given)])
    gazu.scene.update_scene(given, client=client)
    assert scene.description == "new"
    assert given == {"id": SCENE, "description": "new"}


def test_a_loaded_shot_follows_its_link_to_a_scene(fake: responses.RequestsMock, client: Client) -> None:
    loaded_row = {**row("Shot", "get"), "id": SHOT, "source_id": None}
    shot = client.kitsu.repository(Shot).materialize([copy.deepcopy(loaded_row)])[0]
    fake.post(f"{HOST}/data/scenes/{SCENE}/shots", json={**loaded_row, "source_id": SCENE},
              match=[matchers.json_params_matcher({"shot_id": SHOT})])
    assert gazu.scene.add_shot_to_scene(SCENE, shot, client=client)["source_id"] == SCENE
    assert shot.source_id == SCENE  # the answer (the shot) merged in
    fake.delete(f"{HOST}/data/scenes/{SCENE}/shots/{SHOT}", status=204)
    gazu.scene.remove_shot_from_scene(SCENE, shot, client=client)
    fake.get(f"{HOST}/data/shots", json=[loaded_row])  # expired: read again on next use
    assert shot.source_id is None


def test_a_loaded_asset_instance_follows_its_data(fake: responses.RequestsMock, client: Client) -> None:
    loaded_row = {**row("AssetInstance", "get"), "id": INSTANCE, "data": {"old": 1}}
    instance = client.kitsu.repository(AssetInstance).materialize([copy.deepcopy(loaded_row)])[0]
    fake.put(f"{HOST}/data/asset-instances/{INSTANCE}", json={**loaded_row, "data": {"pose": "A"}},
             match=[matchers.json_params_matcher({"data": {"pose": "A"}})])
    gazu.scene.update_asset_instance_data({"id": INSTANCE}, {"pose": "A"}, client=client)
    assert instance.data == {"pose": "A"}
    fake.put(f"{HOST}/data/asset-instances/{INSTANCE}", json={**loaded_row, "name": "hero_0002"},
             match=[matchers.json_params_matcher({"name": "hero_0002"})])
    gazu.scene.update_asset_instance_name({"id": INSTANCE}, "hero_0002", client=client)
    assert instance.name == "hero_0002"
