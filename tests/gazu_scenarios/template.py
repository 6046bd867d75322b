"""gazu.project_template: a studio's production template built (task types,
statuses, asset types, a status automation, a preview background, metadata
descriptors), applied to a new production and read back; a second template
snapshotted from that production; links removed, templates deleted."""

from __future__ import annotations

import re
from typing import Any

import gazu

pt = gazu.project_template


def run(call: Any) -> None:
    name = call.marker
    modeling = gazu.task.new_task_type(f"modeling {name}", for_entity="Asset")
    layout = gazu.task.new_task_type(f"layout {name}", for_entity="Shot")
    review = gazu.task.new_task_status(f"review {name}", name[-10:], "#3273DC")
    props = gazu.asset.new_asset_type(f"props {name}")
    automation = gazu.client.create("status-automations", {
        "entity_type": "asset", "in_task_type_id": modeling["id"], "in_task_status_id": review["id"],
        "out_field_type": "status", "out_task_type_id": modeling["id"], "out_task_status_id": review["id"],
    })
    background = gazu.client.create("preview-background-files", {"name": f"studio hdr {name}", "extension": "hdr"})
    department = gazu.client.create("departments", {"name": f"lookdev {name}", "color": "#00AA00"})

    project = gazu.project.new_project(f"templated show {name}", "tvshow")
    try:
        # ------------------------------------------------ a template, built
        template = call("new_project_template", pt.new_project_template, f"tvshow template {name}",
                        "our TV show defaults", fps="24", ratio="2.39:1", resolution="2048x858",
                        production_type="tvshow", production_style="3d")
        call("new_project_template again", pt.new_project_template, f"tvshow template {name}")
        bare = call("new_project_template bare", pt.new_project_template, f"bare template {name}")
        call.ours_only("all_project_templates", pt.all_project_templates)
        call("get_project_template", pt.get_project_template, template["id"])
        call("get_project_template_by_name", pt.get_project_template_by_name, f"tvshow template {name}")
        call("get_project_template_by_name none", pt.get_project_template_by_name, f"no template {name}")
        call("update_project_template", pt.update_project_template,
             {"id": template["id"], "description": "our TV show defaults, 2026", "max_retakes": 3})
        edited = {**pt.get_project_template(template["id"]), "fps": "25", "homepage": "shots"}
        call("update_project_template whole record", pt.update_project_template, edited)
        call("get_project_template unknown", pt.get_project_template, department["id"])
        call("add_task_type_to_project_template", pt.add_task_type_to_project_template, template, modeling, 1)
        call("add_task_type_to_project_template no priority", pt.add_task_type_to_project_template,
             template["id"], layout["id"])
        call("add_task_type_to_project_template unknown", pt.add_task_type_to_project_template, template,
             bare["id"])
        call("all_task_types_for_project_template", pt.all_task_types_for_project_template, template)
        call("add_task_status_to_project_template", pt.add_task_status_to_project_template, template, review, 2,
             ["supervisor", "manager"])
        call("add_task_status_to_project_template plain", pt.add_task_status_to_project_template, template,
             gazu.task.get_task_status_by_short_name("wip"))
        call.unordered("all_task_statuses_for_project_template", pt.all_task_statuses_for_project_template,
                       template["id"], by="short_name")
        call("add_asset_type_to_project_template", pt.add_asset_type_to_project_template, template, props)
        call("all_asset_types_for_project_template", pt.all_asset_types_for_project_template, template)
        call("add_status_automation_to_project_template", pt.add_status_automation_to_project_template, template,
             automation)
        call("all_status_automations_for_project_template", pt.all_status_automations_for_project_template, template)
        call("add_preview_background_file_to_project_template", pt.add_preview_background_file_to_project_template,
             template, background)
        call("all_preview_background_files_for_project_template",
             pt.all_preview_background_files_for_project_template, template)
        call("set_project_template_default_preview_background_file",
             pt.set_project_template_default_preview_background_file, template, background["id"])
        descriptors = [
            {"name": f"difficulty {name}", "entity_type": "Asset", "data_type": "list", "choices": ["easy", "hard"],
             "for_client": False, "departments": [department["id"]], "position": 1},
            {"name": f"camera moves {name}", "entity_type": "Shot", "data_type": "boolean", "choices": [],
             "for_client": True, "departments": []},
        ]
        call("set_project_template_metadata_descriptors", pt.set_project_template_metadata_descriptors, template,
             descriptors)
        call("set_project_template_metadata_descriptors bad type", pt.set_project_template_metadata_descriptors,
             bare, [{"name": f"bad {name}", "entity_type": "Asset", "data_type": "colour"}])
        call("get_project_template built", pt.get_project_template, template["id"])

        # ----------------------------------- applied to a new production
        call("apply_project_template", pt.apply_project_template, project, template)
        call("apply_project_template twice", pt.apply_project_template, project["id"], template["id"])
        call("project after template", gazu.project.get_project, project["id"])
        call("project task types", gazu.task.all_task_types_for_project, project)
        call("project metadata descriptors", gazu.project.all_metadata_descriptors, project)

        # ------------------------------- a template made from the production
        snapshot = call("new_project_template_from_project", pt.new_project_template_from_project, project,
                        f"snapshot {name}", "from the templated show")
        call("new_project_template_from_project same name", pt.new_project_template_from_project, project,
             f"snapshot {name}")
        call("snapshot task types", pt.all_task_types_for_project_template, snapshot)
        call("remove_project_template snapshot", pt.remove_project_template, snapshot)

        # ------------------------------------------------- links removed
        call("set_project_template_default_preview_background_file none",
             pt.set_project_template_default_preview_background_file, template, None)
        call("remove_preview_background_file_from_project_template",
             pt.remove_preview_background_file_from_project_template, template, background)
        call("remove_status_automation_from_project_template", pt.remove_status_automation_from_project_template,
             template, automation["id"])
        call("remove_asset_type_from_project_template", pt.remove_asset_type_from_project_template, template, props)
        call("remove_task_status_from_project_template", pt.remove_task_status_from_project_template, template,
             review)
        call("remove_task_type_from_project_template", pt.remove_task_type_from_project_template, template, layout)
        call("remove_task_type_from_project_template again", pt.remove_task_type_from_project_template, template,
             layout)
        call("all_task_types_for_project_template after", pt.all_task_types_for_project_template, template["id"])
        call("all_preview_background_files_for_project_template after",
             pt.all_preview_background_files_for_project_template, template)
        call("remove_project_template", pt.remove_project_template, template)
        call("get_project_template gone", pt.get_project_template, template["id"])
        call("remove_project_template bare", pt.remove_project_template, bare["id"])
        call("remove_project_template again", pt.remove_project_template, bare)
    finally:
        _clean_up(name, project, {"status-automations": automation, "preview-background-files": background,
                                  "departments": department})
        gazu.task.remove_task_status(review)
        for task_type in (modeling, layout):
            gazu.task.remove_task_type(task_type)
        gazu.asset.remove_asset_type(props)
    names = {one["id"]: one.get("name", "automation") for one in (
        modeling, layout, review, props, automation, background, department, project)}
    call.records[:] = [[label, _settled(answer, names)] for label, answer in call.records]


def _clean_up(marker: str, project: Any, records: dict[str, Any]) -> None:
    """Remove the run's production, its templates (also after a failed
    call) and ``records`` (by route)."""
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    for template in gazu.client.fetch_all("project-templates"):
        if template["name"].endswith(marker):
            gazu.client.delete(f"data/project-templates/{template['id']}")
    for path, record in records.items():
        gazu.client.delete(f"data/{path}/{record['id']}")


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
