"""AssetInstance and EntityLink against ``responses``, with the rows a real
Zou 1.0.97 sent: the creation route chosen by where the instance lives,
per-parent answers grouped by id, shot ids reloaded when a route left them
out, and links whose ends are entities of the right class."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import errors
from kitsu_models.models import Asset, AssetInstance, EntityLink, Shot
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(call.request.url).query)


def body(call: Any) -> Any:
    return json.loads(call.request.body)


def test_an_instance_in_a_scene_is_created_through_the_scene(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    answer = row("AssetInstance", "create")
    mocked.post(API + f"data/scenes/{answer['scene_id']}/asset-instances", json=answer, status=201)
    instance = AssetInstance(asset_id=answer["asset_id"], scene_id=answer["scene_id"], description="in scene")
    instance.save(kitsu)
    assert body(mocked.calls[0]) == {"asset_id": answer["asset_id"], "description": "in scene"}
    assert instance.id == answer["id"] and instance.name == answer["name"] and instance.changes() == {}


def test_an_instance_in_an_asset_is_created_through_that_asset(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    answer = row("AssetInstance", "create", scene_id=None, target_asset_id=new_id())
    mocked.post(API + f"data/assets/{answer['target_asset_id']}/asset-asset-instances", json=answer, status=201)
    AssetInstance(asset_id=answer["asset_id"], target_asset_id=answer["target_asset_id"]).save(kitsu)
    assert body(mocked.calls[0]) == {"asset_to_instantiate_id": answer["asset_id"]}


def test_an_instance_with_nowhere_to_live_is_refused(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    with pytest.raises(errors.InvalidArgumentError):
        AssetInstance(asset_id=new_id()).save(kitsu)
    assert len(mocked.calls) == 0


def test_a_shots_instances_come_grouped_by_asset(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot = kitsu.shots.materialize([row("Shot")])[0]
    hero, sword = new_id(), new_id()
    rows = {
        hero: [row("AssetInstance", id=new_id(), asset_id=hero, number=n) for n in (1, 2)],
        sword: [row("AssetInstance", id=new_id(), asset_id=sword)],
    }
    mocked.get(API + f"data/shots/{shot.id}/asset-instances", json=rows)
    instances = shot.asset_instances
    assert [(i.asset_id, i.number) for i in instances] == [(hero, 1), (hero, 2), (sword, 1)]
    assert all(type(i) is AssetInstance for i in instances)
    empty = kitsu.shots.materialize([row("Shot", id=new_id())])[0]
    mocked.get(API + f"data/shots/{empty.id}/asset-instances", json={})
    assert empty.asset_instances == []


def test_shot_ids_left_out_by_a_route_are_reloaded_once(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot_id = new_id()
    # Rows without ``shots`` (a per-parent route, a create answer).
    instances = kitsu.asset_instances.materialize([row("AssetInstance", id=new_id()) for _ in range(2)])
    assert all("shot_ids" not in i.model_fields_set for i in instances)
    mocked.get(API + "data/asset-instances", json=[
        row("AssetInstance", "get", id=instances[0].id, shots=[shot_id]),
        row("AssetInstance", "get", id=instances[1].id, shots=[]),
    ])
    mocked.get(API + "data/shots", json=[row("Shot", id=shot_id)])
    assert [s.id for s in instances[0].shots] == [shot_id]
    reload, shots = mocked.calls[0], mocked.calls[1]
    assert query(reload)["relations"] == ["true"]
    assert sorted(json.loads(query(reload)["id"][0])) == sorted(i.id for i in instances)
    assert urlparse(shots.request.url).path.endswith("/data/shots")
    assert instances[1].shots == [] and len(mocked.calls) == 2


def test_a_links_ends_are_entities_of_their_kind(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    link = kitsu.entity_links.materialize([row("EntityLink")])[0]
    shot_row = row("Shot", "list", id=link.entity_in_id)
    asset_row = row("Asset", "list", id=link.entity_out_id)
    mocked.get(API + "data/entity-types", json=[
        {"id": shot_row["entity_type_id"], "name": "Shot"},
        {"id": asset_row["entity_type_id"], "name": "Character"},
    ])
    mocked.get(API + "data/entities", json=[shot_row])
    assert type(link.entity_in) is Shot and link.entity_in.id == link.entity_in_id
    mocked.replace(responses.GET, API + "data/entities", json=[asset_row])
    assert type(link.entity_out) is Asset and link.entity_out.id == link.entity_out_id


def test_a_project_links_row_has_microseconds_and_no_update_date(kitsu: Kitsu) -> None:
    raw = {k: v for k, v in row("EntityLink").items() if k != "updated_at"}
    raw["created_at"] = "2026-11-23T02:15:46.849595"
    link = kitsu.entity_links.materialize([dict(raw)])[0]
    assert link.created_at is not None and link.created_at.microsecond == 849595
    assert link.updated_at is None and link.to_dict() == raw
