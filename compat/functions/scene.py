"""``gazu.scene``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Composed, Fn

FUNCTIONS: tuple[Fn | Composed, ...] = (
    Fn("all_scenes(project=None)", "GET", api.PROJECT_SCENES,
       "A production's scenes, by name; every production's when ``project`` is None.", result="by_name",
       cached=True, when=("project is None", api.SCENES)),
    Composed("all_scenes_for_project(project)", "list[Row]", "A production's scenes, by name (as ``all_scenes``).",
             "all_scenes(project, client=client)"),
    Composed("get_sequence_from_scene(scene)", "Row", "The scene's sequence (read unless the dict has its ``parent_id``).",
             'gazu_shot.get_sequence(field(client, scene, "parent_id", api.SCENE), client=client)', cached=True),
    Fn("new_scene(project, sequence, name)", "POST", api.PROJECT_SCENES, "Create a scene in a sequence.",
       body={"name": "name", "sequence_id": "ref(sequence)"}),
    Fn("all_scenes_for_sequence(sequence)", "GET", api.SEQUENCE_SCENES, "The scenes of a sequence, by name.",
       result="by_name", cached=True),
    Fn("get_scene(scene_id)", "GET", api.SCENE, "A scene's record.", cached=True),
    Fn("get_scene_by_name(sequence, scene_name)", "GET", api.SCENES,
       "The sequence's scene named ``scene_name``, or None.", result="first", cached=True,
       query={"parent_id": "ref(sequence)", "name": "scene_name"}, types={"scene_name": "str"}),
    Fn("update_scene(scene)", "PUT", api.ENTITY, "Save a scene (its dict is sent as given).",
       ids={"entity_id": "scene"}, body="record(scene)", types={"scene": "Record"}),
    Fn("new_scene_asset_instance(scene, asset, description=None)", "POST", api.SCENE_ASSET_INSTANCES,
       "Put an instance of an asset in a scene.", body={"asset_id": "ref(asset)", "description?": "description"}),
    Fn("all_asset_instances_for_scene(scene)", "GET", api.SCENE_ASSET_INSTANCES,
       "The asset instances of a scene.", cached=True),
    Fn("get_asset_instance_by_name(scene, name)", "GET", api.ASSET_INSTANCES,
       "The scene's asset instance named ``name``, or None.", result="first", cached=True,
       query={"name": "name", "scene_id": "ref(scene)"}),
    Fn("all_camera_instances_for_scene(scene)", "GET", api.SCENE_CAMERA_INSTANCES,
       "The camera instances of a scene.", cached=True),
    Fn("all_shots_for_scene(scene)", "GET", api.SCENE_SHOTS, "The shots made from a scene.", cached=True),
    Fn("add_shot_to_scene(scene, shot)", "POST", api.SCENE_SHOTS,
       "Make a scene the source of a shot; returns the shot.", body={"shot_id": "ref(shot)"}),
    Fn("remove_shot_from_scene(scene, shot)", "DELETE", api.SCENE_SHOT, "Unlink a shot from its scene."),
    Fn("update_asset_instance_name(asset_instance, name)", "PUT", api.ASSET_INSTANCE, "Rename an asset instance.",
       body={"name": "name"}),
    Fn("update_asset_instance_data(asset_instance, data)", "PUT", api.ASSET_INSTANCE,
       "Replace an asset instance's ``data`` by ``data``.", body={"data": "data"}),
)
