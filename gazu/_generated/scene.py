"""``gazu.scene``'s table-made functions. Generated from ``compat/functions/scene.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api

from .. import shot as gazu_shot
from .._calls import BY_NAME, FIRST, LIST, ROW, Record, Ref, Row, TEXT, call, field, fields, record, ref
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import scene as gazu_scene
else:
    gazu_scene = Late("gazu.scene")

__all__ = [
    "all_scenes", "all_scenes_for_project", "get_sequence_from_scene", "new_scene", "all_scenes_for_sequence",
    "get_scene", "get_scene_by_name", "update_scene", "new_scene_asset_instance", "all_asset_instances_for_scene",
    "get_asset_instance_by_name", "all_camera_instances_for_scene", "all_shots_for_scene", "add_shot_to_scene",
    "remove_shot_from_scene", "update_asset_instance_name", "update_asset_instance_data",
]


@cache
def all_scenes(project: Ref | None = None, client: KitsuClient = default_client) -> list[Row]:
    """A production's scenes, by name; every production's when ``project`` is None."""
    return call(
        client, "GET", api.SCENES if project is None else api.PROJECT_SCENES, {"project_id": project}, result=BY_NAME,
    )


def all_scenes_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's scenes, by name (as ``all_scenes``)."""
    return gazu_scene.all_scenes(project, client=client)


@cache
def get_sequence_from_scene(scene: Ref, client: KitsuClient = default_client) -> Row:
    """The scene's sequence (read unless the dict has its ``parent_id``)."""
    return gazu_shot.get_sequence(field(client, scene, "parent_id", api.SCENE), client=client)


def new_scene(project: Ref, sequence: Ref, name: str, client: KitsuClient = default_client) -> Row:
    """Create a scene in a sequence."""
    return call(
        client, "POST", api.PROJECT_SCENES, {"project_id": project}, body={"name": name, "sequence_id": ref(sequence)},
        result=ROW,
    )


@cache
def all_scenes_for_sequence(sequence: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The scenes of a sequence, by name."""
    return call(client, "GET", api.SEQUENCE_SCENES, {"sequence_id": sequence}, result=BY_NAME)


@cache
def get_scene(scene_id: Ref, client: KitsuClient = default_client) -> Row:
    """A scene's record."""
    return call(client, "GET", api.SCENE, {"scene_id": scene_id}, result=ROW)


@cache
def get_scene_by_name(sequence: Ref, scene_name: str, client: KitsuClient = default_client) -> Row | None:
    """The sequence's scene named ``scene_name``, or None."""
    return call(client, "GET", api.SCENES, params={"parent_id": ref(sequence), "name": scene_name}, result=FIRST)


def update_scene(scene: Record, client: KitsuClient = default_client) -> Row:
    """Save a scene (its dict is sent as given)."""
    return call(client, "PUT", api.ENTITY, {"entity_id": scene}, body=record(scene), result=ROW)


def new_scene_asset_instance(
    scene: Ref, asset: Ref, description: str | None = None, client: KitsuClient = default_client,
) -> Row:
    """Put an instance of an asset in a scene."""
    return call(
        client, "POST", api.SCENE_ASSET_INSTANCES, {"scene_id": scene},
        body=fields({"asset_id": ref(asset)}, description=description), result=ROW,
    )


@cache
def all_asset_instances_for_scene(scene: Ref, client: KitsuClient = default_client) -> Any:
    """The asset instances of a scene."""
    return call(client, "GET", api.SCENE_ASSET_INSTANCES, {"scene_id": scene})


@cache
def get_asset_instance_by_name(scene: Ref, name: str, client: KitsuClient = default_client) -> Row | None:
    """The scene's asset instance named ``name``, or None."""
    return call(client, "GET", api.ASSET_INSTANCES, params={"name": name, "scene_id": ref(scene)}, result=FIRST)


@cache
def all_camera_instances_for_scene(scene: Ref, client: KitsuClient = default_client) -> Any:
    """The camera instances of a scene."""
    return call(client, "GET", api.SCENE_CAMERA_INSTANCES, {"scene_id": scene})


@cache
def all_shots_for_scene(scene: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The shots made from a scene."""
    return call(client, "GET", api.SCENE_SHOTS, {"scene_id": scene}, result=LIST)


def add_shot_to_scene(scene: Ref, shot: Ref, client: KitsuClient = default_client) -> Row:
    """Make a scene the source of a shot; returns the shot."""
    return call(client, "POST", api.SCENE_SHOTS, {"scene_id": scene}, body={"shot_id": ref(shot)}, result=ROW)


def remove_shot_from_scene(scene: Ref, shot: Ref, client: KitsuClient = default_client) -> str:
    """Unlink a shot from its scene."""
    return call(client, "DELETE", api.SCENE_SHOT, {"scene_id": scene, "shot_id": shot}, result=TEXT)


def update_asset_instance_name(asset_instance: Ref, name: str, client: KitsuClient = default_client) -> Row:
    """Rename an asset instance."""
    return call(
        client, "PUT", api.ASSET_INSTANCE, {"asset_instance_id": asset_instance}, body={"name": name}, result=ROW,
    )


def update_asset_instance_data(asset_instance: Ref, data: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Replace an asset instance's ``data`` by ``data``."""
    return call(
        client, "PUT", api.ASSET_INSTANCE, {"asset_instance_id": asset_instance}, body={"data": data}, result=ROW,
    )
