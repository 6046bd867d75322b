"""gazu.context: a TV show with episodes, sequences, shots, scenes and
assets, the admin in its team and assigned some of the tasks, browsed as a
whole and in the admin's own context (``user_context=True``)."""

from __future__ import annotations

import re
from typing import Any

import gazu

ctx = gazu.context


def run(call: Any) -> None:
    name = call.marker
    me = gazu.client.get_current_user()
    project = gazu.project.new_project(f"context show {name}", "tvshow")
    characters = gazu.asset.new_asset_type(f"characters {name}")
    props = gazu.asset.new_asset_type(f"props {name}")
    modeling = gazu.task.new_task_type(f"modeling {name}", for_entity="Asset")
    rigging = gazu.task.new_task_type(f"rigging {name}", for_entity="Asset")
    animation = gazu.task.new_task_type(f"animation {name}", for_entity="Shot")
    editing = gazu.task.new_task_type(f"editing {name}", for_entity="Sequence")
    staging = gazu.task.new_task_type(f"staging {name}", for_entity="Scene")
    types = (modeling, rigging, animation, editing, staging)
    try:
        for priority, task_type in enumerate(types, 1):
            gazu.project.add_task_type(project, task_type, priority)
        gazu.project.add_person_to_team(project, me)
        ep1 = gazu.shot.new_episode(project, f"ep01 {name}")
        ep2 = gazu.shot.new_episode(project, f"ep02 {name}")
        sq1 = gazu.shot.new_sequence(project, f"sq01 {name}", episode=ep1)
        sq2 = gazu.shot.new_sequence(project, f"sq02 {name}", episode=ep1)
        sq3 = gazu.shot.new_sequence(project, f"sq03 {name}", episode=ep2)
        sh1 = gazu.shot.new_shot(project, sq1, f"sh010 {name}", nb_frames=48)
        sh2 = gazu.shot.new_shot(project, sq1, f"sh020 {name}", nb_frames=24)
        gazu.shot.new_shot(project, sq2, f"sh030 {name}")
        sc1 = gazu.scene.new_scene(project, sq1, f"sc01 {name}")
        gazu.scene.new_scene(project, sq1, f"sc02 {name}")
        hero = gazu.asset.new_asset(project, characters, f"hero {name}")
        gazu.asset.new_asset(project, characters, f"villain {name}")
        gazu.asset.new_asset(project, props, f"sword {name}")
        gazu.task.new_task(hero, modeling, assignees=[me])
        gazu.task.new_task(hero, rigging)
        gazu.task.new_task(sh1, animation, assignees=[me])
        gazu.task.new_task(sh2, animation)
        gazu.task.new_task(sq1, editing, assignees=[me])
        gazu.task.new_task(sc1, staging, assignees=[me])

        call.ours_only("all_open_projects", ctx.all_open_projects)
        call.ours_only("all_open_projects mine", ctx.all_open_projects, True)
        call("all_assets_for_project", ctx.all_assets_for_project, project)
        call("all_asset_types_for_project", ctx.all_asset_types_for_project, project)
        call("all_asset_types_for_project mine", ctx.all_asset_types_for_project, project["id"], True)
        call("all_assets_for_asset_type_and_project", ctx.all_assets_for_asset_type_and_project, project,
             characters)
        call("all_assets_for_asset_type_and_project mine", ctx.all_assets_for_asset_type_and_project, project,
             characters, user_context=True)
        call("all_assets_for_asset_type_and_project mine props", ctx.all_assets_for_asset_type_and_project,
             project["id"], props["id"], True)
        call("all_task_types_for_asset", ctx.all_task_types_for_asset, hero)
        call("all_task_types_for_asset mine", ctx.all_task_types_for_asset, hero["id"], True)
        call("all_task_types_for_shot", ctx.all_task_types_for_shot, sh1)
        call("all_task_types_for_shot mine", ctx.all_task_types_for_shot, sh1, True)
        call("all_task_types_for_shot mine none", ctx.all_task_types_for_shot, sh2["id"], user_context=True)
        call("all_task_types_for_scene", ctx.all_task_types_for_scene, sc1)
        call("all_task_types_for_scene mine", ctx.all_task_types_for_scene, sc1, True)
        call("all_task_types_for_sequence", ctx.all_task_types_for_sequence, sq1)
        call("all_task_types_for_sequence mine", ctx.all_task_types_for_sequence, sq1["id"], True)
        call("all_sequences_for_project", ctx.all_sequences_for_project, project)
        call("all_sequences_for_project mine", ctx.all_sequences_for_project, project, True)
        call("all_scenes_for_project", ctx.all_scenes_for_project, project)
        call("all_shots_for_sequence", ctx.all_shots_for_sequence, sq1)
        call("all_shots_for_sequence mine", ctx.all_shots_for_sequence, sq1, True)
        call("all_shots_for_sequence empty", ctx.all_shots_for_sequence, sq3["id"])
        call("all_scenes_for_sequence", ctx.all_scenes_for_sequence, sq1)
        call("all_scenes_for_sequence mine", ctx.all_scenes_for_sequence, sq1["id"], True)
        call("all_sequences_for_episode", ctx.all_sequences_for_episode, ep1)
        call("all_sequences_for_episode other", ctx.all_sequences_for_episode, ep2["id"])
        call("all_episodes_for_project", ctx.all_episodes_for_project, project)
        call("all_episodes_for_project mine", ctx.all_episodes_for_project, project["id"], True)
    finally:
        gazu.project.close_project(project)
        gazu.project.remove_project(project, force=True)
        for task_type in types:
            gazu.task.remove_task_type(task_type)
        for asset_type in (characters, props):
            gazu.asset.remove_asset_type(asset_type)
    names = {one["id"]: one["name"] for one in (project, characters, props, *types)}
    call.records[:] = [[label, _settled(answer, names)] for label, answer in call.records]


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _settled(value: Any, names: dict[str, str]) -> Any:
    """``value`` with its lists of ids and its dicts keyed by ids in the
    order of the names ``names`` gives them (else of the ids): the server
    gives a production's linked records in no fixed order, and the two
    runs' ids are told apart by the order they first come in."""
    def key(one: str) -> str:
        return names.get(one, one)

    if isinstance(value, list):
        items = [_settled(item, names) for item in value]
        if items and all(isinstance(item, str) and _UUID.fullmatch(item) for item in items):
            items.sort(key=key)
        return items
    if isinstance(value, dict):
        keys = list(value)
        if keys and all(_UUID.fullmatch(one) for one in keys):
            keys.sort(key=key)
        return {one: _settled(value[one], names) for one in keys}
    return value
