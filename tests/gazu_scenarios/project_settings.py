"""gazu.project: a production's settings as a pipeline TD sets them up: its
team and their roles, the asset types, task types and task statuses it
uses, status automations, preview backgrounds, metadata columns found by
field name and reordered, milestones and quotas."""

from __future__ import annotations

from typing import Any

import gazu

MISSING = "00000000-0000-4000-8000-000000000000"


def run(call: Any) -> None:
    mark, p = call.marker, gazu.project
    project = p.new_project(f"settings {mark}", "tvshow")
    person = gazu.person.new_person("Grace", f"Hopper {mark}", f"grace.{mark}@example.com")
    asset_type = gazu.asset.new_asset_type(f"vehicles {mark}")
    task_type = gazu.task.new_task_type(f"layout {mark}", for_entity="Shot")
    task_status = gazu.task.new_task_status(f"approved {mark}", mark[-10:], "#22AA44")
    todo = gazu.task.get_default_task_status()
    made: dict[str, Any] = {}
    try:
        _settings(call, project, person, asset_type, task_type, task_status, todo, made)
    finally:
        _clean(project, person, asset_type, task_type, task_status, made)


def _settings(call: Any, project: Any, person: Any, asset_type: Any, task_type: Any, task_status: Any, todo: Any,
              made: dict[str, Any]) -> None:
    """The calls; what they need made is kept in ``made`` for the clean up."""
    mark, p = call.marker, gazu.project

    # ---------------------------------------------------------------- team
    call("get_team empty", p.get_team, project)
    call("add_person_to_team", p.add_person_to_team, project, person)
    call("get_team", p.get_team, project["id"])
    call("update_team_member_role", p.update_team_member_role, project, person, "supervisor")
    call("update_team_member_role none", p.update_team_member_role, project["id"], person["id"], None)
    call("remove_person_from_team", p.remove_person_from_team, project, person)
    call("add_person_to_team role", p.add_person_to_team, project["id"], person["id"], "manager")
    call("get_team role", p.get_team, project)
    call("update_team_member_role outsider", p.update_team_member_role, project, MISSING, "user")
    call("remove_person_from_team again", p.remove_person_from_team, project, person)
    call("get_team after", p.get_team, project)

    # ------------------------------------------- types and statuses used
    call("add_asset_type", p.add_asset_type, project, asset_type)
    call("add_task_type", p.add_task_type, project, task_type, 2)
    call("add_task_status", p.add_task_status, project["id"], task_status["id"])
    call("add_task_status default", p.add_task_status, project, todo)
    call("get_project_task_types", p.get_project_task_types, project)
    call.unordered("get_project_task_statuses", p.get_project_task_statuses, project)
    call("remove_task_type", p.remove_task_type, project, task_type)
    call("remove_task_status", p.remove_task_status, project, task_status)
    call.unordered("get_project_task_statuses after", p.get_project_task_statuses, project["id"])
    call("remove_task_type missing", p.remove_task_type, project, MISSING)
    call("get_project", p.get_project, project["id"])

    # --------------------------------------------------- status automations
    automation = made["automation"] = gazu.client.create("status-automations", {
        "entity_type": "asset", "in_task_type_id": task_type["id"], "in_task_status_id": task_status["id"],
        "out_field_type": "status", "out_task_type_id": task_type["id"], "out_task_status_id": todo["id"],
    })
    call("all_status_automations empty", p.all_status_automations, project)
    call("add_status_automation", p.add_status_automation, project, {"status_automation_id": automation["id"]})
    call("all_status_automations", p.all_status_automations, project["id"])
    call("remove_status_automation", p.remove_status_automation, project, automation)
    call("all_status_automations after", p.all_status_automations, project)
    call("add_status_automation missing", p.add_status_automation, project, {"status_automation_id": MISSING})

    # -------------------------------------------------- preview backgrounds
    background = made["background"] = gazu.client.create("preview-background-files", {"name": f"sky {mark}"[:40]})
    call("get_preview_background_files empty", p.get_preview_background_files, project)
    call("add_preview_background_file", p.add_preview_background_file, project,
         {"preview_background_file_id": background["id"]})
    call("get_preview_background_files", p.get_preview_background_files, project["id"])
    call("remove_preview_background_file", p.remove_preview_background_file, project, background["id"])
    call("get_preview_background_files after", p.get_preview_background_files, project)

    # ------------------------------------------------- metadata descriptors
    level = p.add_metadata_descriptor(project, f"level {mark}", "Asset", choices=["easy", "hard"])
    color = p.add_metadata_descriptor(project, f"color {mark}", "Asset")
    lens = p.add_metadata_descriptor(project, f"lens {mark}", "Shot")
    call("get_metadata_descriptor_by_field_name", p.get_metadata_descriptor_by_field_name, project,
         level["field_name"])
    call("get_metadata_descriptor_by_field_name shot", p.get_metadata_descriptor_by_field_name, project["id"],
         lens["field_name"])
    call("get_metadata_descriptor_by_field_name none", p.get_metadata_descriptor_by_field_name, project,
         f"nothing_{mark}")
    call("reorder_metadata_descriptors", p.reorder_metadata_descriptors, project, "Asset", [color, level["id"]])
    call("all_metadata_descriptors reordered", p.all_metadata_descriptors, project)
    call("reorder_metadata_descriptors back", p.reorder_metadata_descriptors, project["id"], "Asset",
         [level["id"], color["id"]])
    call("reorder_metadata_descriptors wrong type", p.reorder_metadata_descriptors, project, "Planet", [level])

    # ------------------------------------------------ milestones and quotas
    call("get_milestones empty", p.get_milestones, project)
    gazu.client.create("milestones", {"name": f"lock {mark}"[:40], "date": "2026-03-02",
                                      "project_id": project["id"], "task_type_id": task_type["id"]})
    call("get_milestones", p.get_milestones, project["id"])
    sequence = gazu.shot.new_sequence(project, f"sq01 {mark}")
    shot = gazu.shot.new_shot(project, sequence, f"sh010 {mark}", nb_frames=48)
    task = gazu.task.new_task(shot, task_type, assignees=[person])
    gazu.task.set_time_spent(task, person, "2026-01-05", 240)
    waiting = gazu.task.get_task_status_by_short_name("wfa")  # a feedback request: it gives the task an end date
    assert waiting is not None
    gazu.task.add_comment(task, waiting, "ready for review")
    call("get_project_quotas", p.get_project_quotas, project, task_type)
    call("get_project_person_quotas", p.get_project_person_quotas, project, person)
    call("get_project_quotas missing", p.get_project_quotas, project, MISSING)


def _clean(project: Any, person: Any, asset_type: Any, task_type: Any, task_status: Any, made: dict[str, Any]) -> None:
    """Remove what the scenario made (the production with all it holds first)."""
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    if "automation" in made:
        gazu.client.delete(f"data/status-automations/{made['automation']['id']}")
    if "background" in made:
        gazu.client.delete(f"data/preview-background-files/{made['background']['id']}")
    gazu.task.remove_task_type(task_type)
    gazu.task.remove_task_status(task_status)
    gazu.asset.remove_asset_type(asset_type)
    gazu.person.remove_person(person, force=True)
