"""gazu.scene: a layout breakdown: scenes in a sequence, asset instances
placed in them (renamed, given data), the shots made from a scene."""

from __future__ import annotations

from typing import Any

import gazu


def run(call: Any) -> None:
    name, g = call.marker, gazu
    project = g.project.new_project(f"scenes {name}")
    character = g.asset.new_asset_type("Character")
    hero = g.asset.new_asset(project, character, f"hero {name}")
    villain = g.asset.new_asset(project, character, f"villain {name}")
    sequence = g.shot.new_sequence(project, f"sq01 {name}")
    other_sequence = g.shot.new_sequence(project, f"sq02 {name}")
    shot = g.shot.new_shot(project, sequence, f"sh010 {name}", 48, 1001, 1048)
    close_up = g.shot.new_shot(project, sequence, f"sh020 {name}")

    # ---------------------------------------------------------- scenes
    scene = call("new_scene", g.scene.new_scene, project, sequence, f"sc01 {name}")
    call("new_scene ids", g.scene.new_scene, project["id"], sequence["id"], f"sc02 {name}")
    call("new_scene other sequence", g.scene.new_scene, project, other_sequence, f"sc03 {name}")
    call("all_scenes", g.scene.all_scenes, project)
    call.ours_only("all_scenes everywhere", g.scene.all_scenes)
    call("all_scenes_for_project", g.scene.all_scenes_for_project, project["id"])
    call("all_scenes_for_sequence", g.scene.all_scenes_for_sequence, sequence)
    call("all_scenes_for_sequence other", g.scene.all_scenes_for_sequence, other_sequence["id"])
    call("get_scene", g.scene.get_scene, scene["id"])
    call("get_scene missing", g.scene.get_scene, "00000000-0000-4000-8000-000000000000")
    call("get_scene_by_name", g.scene.get_scene_by_name, sequence, f"sc01 {name}")
    call("get_scene_by_name wrong sequence", g.scene.get_scene_by_name, other_sequence, f"sc01 {name}")
    call("get_sequence_from_scene", g.scene.get_sequence_from_scene, scene)
    call("get_sequence_from_scene id", g.scene.get_sequence_from_scene, scene["id"])
    call("update_scene", g.scene.update_scene, {"id": scene["id"], "description": "the chase", "data": {"set": "alley"}})
    call("get_scene updated", g.scene.get_scene, scene["id"])

    # -------------------------------------------------- asset instances
    instance = call("new_scene_asset_instance", g.scene.new_scene_asset_instance, scene, hero, "hero, running")
    call("new_scene_asset_instance again", g.scene.new_scene_asset_instance, scene["id"], hero["id"])
    call("new_scene_asset_instance villain", g.scene.new_scene_asset_instance, scene, villain)
    call.unordered("all_asset_instances_for_scene", g.scene.all_asset_instances_for_scene, scene)
    call("get_asset_instance_by_name", g.scene.get_asset_instance_by_name, scene, instance["name"])
    call("get_asset_instance_by_name none", g.scene.get_asset_instance_by_name, scene, f"nobody {name}")
    call("update_asset_instance_name", g.scene.update_asset_instance_name, instance, f"hero_main {name}")
    call("get_asset_instance_by_name renamed", g.scene.get_asset_instance_by_name, scene["id"], f"hero_main {name}")
    call("update_asset_instance_data", g.scene.update_asset_instance_data, instance, {"scale": 1.5, "lod": "high"})
    call("update_asset_instance_data id", g.scene.update_asset_instance_data, instance["id"], {"lod": "low"})
    call("all_camera_instances_for_scene", g.scene.all_camera_instances_for_scene, scene)

    # ------------------------------------------------- shots of a scene
    call("add_shot_to_scene", g.scene.add_shot_to_scene, scene, shot)
    call("add_shot_to_scene ids", g.scene.add_shot_to_scene, scene["id"], close_up["id"])
    call.unordered("all_shots_for_scene", g.scene.all_shots_for_scene, scene)
    call("remove_shot_from_scene", g.scene.remove_shot_from_scene, scene, close_up)
    call("all_shots_for_scene after", g.scene.all_shots_for_scene, scene["id"])
    call("remove_shot_from_scene ids", g.scene.remove_shot_from_scene, scene["id"], shot["id"])
    call("all_shots_for_scene none", g.scene.all_shots_for_scene, scene)

    # The server keeps a production whose scenes hold asset instances: they go first.
    for instances in g.scene.all_asset_instances_for_scene(scene).values():
        for placed in instances:
            g.client.delete(f"data/asset-instances/{placed['id']}")
    g.project.close_project(project)
    g.project.remove_project(project, force=True)
