"""gazu.user, the admin's own to-do views: a production where the admin is in
the team and assigned to tasks on an asset, a shot, a scene and a sequence;
the user's productions, entities, task types and tasks read back; a task
sent for review and one done; subscriptions to a task; an entity's chat
joined and left."""

from __future__ import annotations

from typing import Any

import gazu

MISSING = "00000000-0000-4000-8000-000000000000"


def run(call: Any) -> None:
    mark = call.marker
    me = gazu.client.get_current_user()
    project = gazu.project.new_project(f"todo {mark}", "tvshow")
    props = gazu.asset.new_asset_type(f"props {mark}")
    modeling = gazu.task.new_task_type(f"modeling {mark}", for_entity="Asset")
    layout = gazu.task.new_task_type(f"layout {mark}", for_entity="Shot")
    story = gazu.task.new_task_type(f"story {mark}", for_entity="Sequence")
    staging = gazu.task.new_task_type(f"staging {mark}", for_entity="Scene")
    types = (modeling, layout, story, staging)
    try:
        gazu.project.add_person_to_team(project, me)
        for priority, task_type in enumerate(types):
            gazu.project.add_task_type(project, task_type, priority)
        _scenario(call, mark, me, project, props, types)
    finally:
        gazu.project.close_project(project)
        gazu.project.remove_project(project, force=True)
        for task_type in types:
            gazu.task.remove_task_type(task_type)
        gazu.asset.remove_asset_type(props)


def _scenario(call: Any, mark: str, me: dict, project: dict, props: dict, types: tuple) -> None:
    modeling, layout, story, staging = types
    episode = gazu.shot.new_episode(project, f"ep01 {mark}")
    sequence = gazu.shot.new_sequence(project, f"sq01 {mark}", episode)
    shot = gazu.shot.new_shot(project, sequence, f"sh010 {mark}", nb_frames=24)
    other_shot = gazu.shot.new_shot(project, sequence, f"sh020 {mark}", nb_frames=12)
    scene = gazu.scene.new_scene(project, sequence, f"sc01 {mark}")
    lamp = gazu.asset.new_asset(project, props, f"lamp {mark}", "a desk lamp")
    gazu.asset.new_asset(project, props, f"chair {mark}", "not assigned to the admin")
    wfa = gazu.task.get_task_status_by_short_name("wfa")
    done = gazu.task.get_task_status_by_short_name("done")
    asset_task = gazu.task.new_task(lamp, modeling, assignees=[me])
    shot_task = gazu.task.new_task(shot, layout, assignees=[me])
    done_task = gazu.task.new_task(other_shot, layout, name="cleanup", assignees=[me])
    gazu.task.new_task(scene, staging, assignees=[me])
    gazu.task.new_task(sequence, story, assignees=[me])
    gazu.task.add_comment(shot_task, wfa, f"first layout {mark}")
    gazu.task.add_comment(done_task, done, f"clean {mark}")

    call("is_authenticated", gazu.user.is_authenticated)
    anonymous = gazu.client.create_client(gazu.client.get_host())
    call("is_authenticated anonymous", gazu.user.is_authenticated, client=anonymous)
    call.ours_only("all_open_projects", gazu.user.all_open_projects)
    # The production's links (task types, team...) come in no fixed order: their counts are recorded.
    for row in call.records[-1][1].get("value") or []:
        row.update({key: len(value) for key, value in row.items() if key in _LINKS and isinstance(value, (list, dict))})
    call("all_asset_types_for_project", gazu.user.all_asset_types_for_project, project)
    call("all_assets_for_asset_type_and_project", gazu.user.all_assets_for_asset_type_and_project, project["id"],
         props)
    call("all_episodes_for_project", gazu.user.all_episodes_for_project, project)
    call("all_sequences_for_project", gazu.user.all_sequences_for_project, project["id"])
    call("all_shots_for_sequence", gazu.user.all_shots_for_sequence, sequence)
    call("all_scenes_for_sequence", gazu.user.all_scenes_for_sequence, sequence["id"])
    call("all_tasks_for_asset", gazu.user.all_tasks_for_asset, lamp)
    call("all_tasks_for_shot", gazu.user.all_tasks_for_shot, shot["id"])
    call("all_tasks_for_scene", gazu.user.all_tasks_for_scene, scene)
    call("all_tasks_for_sequence", gazu.user.all_tasks_for_sequence, sequence)
    call("all_task_types_for_asset", gazu.user.all_task_types_for_asset, lamp["id"])
    call("all_task_types_for_shot", gazu.user.all_task_types_for_shot, shot)
    call("all_task_types_for_scene", gazu.user.all_task_types_for_scene, scene["id"])
    call("all_task_types_for_sequence", gazu.user.all_task_types_for_sequence, sequence)
    _tasks(call, "all_tasks_to_do", gazu.user.all_tasks_to_do)
    _tasks(call, "all_done_tasks", gazu.user.all_done_tasks)
    _tasks(call, "all_tasks_requiring_feedback", gazu.user.all_tasks_requiring_feedback)

    context = call("get_context", gazu.user.get_context)
    # The context lists the whole server (every production, person, type): keep what this run made.
    call.records[-1][1] = {"value": _context_facts(context, mark)}

    call("check_task_subscription", gazu.user.check_task_subscription, asset_task)
    call("subscribe_to_task", gazu.user.subscribe_to_task, asset_task)
    call("check_task_subscription subscribed", gazu.user.check_task_subscription, asset_task["id"])
    call("unsubscribe_from_task", gazu.user.unsubscribe_from_task, asset_task["id"])
    call("check_task_subscription unsubscribed", gazu.user.check_task_subscription, asset_task)
    call("subscribe_to_task missing", gazu.user.subscribe_to_task, MISSING)

    call.ours_only("all_chats none", gazu.user.all_chats)
    call("join_chat", gazu.user.join_chat, lamp)
    call.ours_only("all_chats joined", gazu.user.all_chats)
    call("leave_chat", gazu.user.leave_chat, lamp["id"])
    call.ours_only("all_chats left", gazu.user.all_chats)
    call("join_chat missing", gazu.user.join_chat, MISSING)


_LINKS = ("team", "task_types", "task_statuses", "asset_types", "status_automations", "preview_background_files",
          "task_type_links", "task_types_priority", "task_statuses_link")


def _tasks(call: Any, label: str, function: Any) -> None:
    """A call answering the user's tasks over every production, in no fixed
    order: recorded with this run's tasks only, by entity and name."""
    call.ours_only(label, function)
    recorded = call.records[-1][1]
    if isinstance(recorded.get("value"), list):
        recorded["value"].sort(key=lambda task: (str(task.get("entity_name")), str(task.get("name"))))


def _context_facts(context: Any, mark: str) -> Any:
    """What the user context says of this run's records: its keys, and the
    names of this run's productions, task types and asset types in it."""
    if not isinstance(context, dict):
        return context
    mine = {key: sorted(str(item.get("name")) for item in value if isinstance(item, dict) and
                        mark in str(item.get("name")))
            for key, value in context.items() if isinstance(value, list)}
    return {"keys": sorted(context), "mine": {key: names for key, names in mine.items() if names}}
