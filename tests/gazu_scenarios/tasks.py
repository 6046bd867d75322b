"""gazu.task: a TD sets up a production's tasks in bulk (shots, assets,
concepts, edits), finds them again, tunes a task type and a status, hands
tasks to an artist and takes them back, logs and removes time spent, reads
the studio-wide open tasks and dates, then deletes tasks by batch and by type."""

from __future__ import annotations

import functools
from typing import Any

import gazu

DEPARTURES = {
    # A date that is not YYYY-MM-DD is refused before sending (README); official
    # gazu sends it into the path and gets the server's error 500.
    "get_task_time_spent_for_date bad date": "dates checked before sending",
}


def run(call: Any) -> None:
    name = call.marker
    tag = name.removeprefix("gzrun")  # short names are short
    # "0 ...": the open tasks come by production name, 100 a page: ours on the first.
    project = gazu.project.new_project(f"0 tasks {name}", "tvshow")
    props = gazu.asset.new_asset_type(f"props {name}")
    lamp = gazu.asset.new_asset(project, props, f"lamp {name}")
    chair = gazu.asset.new_asset(project, props, f"chair {name}")
    sequence = gazu.shot.new_sequence(project, f"sq01 {name}")
    shot = gazu.shot.new_shot(project, sequence, f"sh010 {name}", 1, 1, 24)
    plate = gazu.shot.new_shot(project, sequence, f"sh020 {name}", 1, 1, 24)
    concept = gazu.concept.new_concept(project, f"moodboard {name}")
    edit = gazu.edit.new_edit(project, f"trailer {name}")
    artist = gazu.person.new_person("Grace", f"Hopper {name}", f"grace.{name}@example.com")
    types = {task_type["name"] + task_type["for_entity"]: task_type for task_type in gazu.task.all_task_types()}
    layout, animation = types["LayoutShot"], types["AnimationShot"]
    modeling, rigging = types["ModelingAsset"], types["RiggingAsset"]
    sketch, cut = types["ConceptConcept"], types["EditEdit"]
    for task_type in (layout, animation, modeling, rigging, sketch, cut):
        gazu.project.add_task_type(project, task_type, None)

    # -------------------------------------------------- tasks in bulk
    call("create_shot_tasks", gazu.task.create_shot_tasks, shot, [layout, animation["id"]])
    call("create_entity_tasks", gazu.task.create_entity_tasks, plate["id"], [layout])
    call("create_asset_tasks", gazu.task.create_asset_tasks, lamp, [modeling, rigging])
    call("create_asset_tasks again", gazu.task.create_asset_tasks, lamp, [modeling])
    call("create_asset_tasks chair", gazu.task.create_asset_tasks, chair["id"], [modeling["id"]])
    call("create_concept_tasks", gazu.task.create_concept_tasks, concept, [sketch])
    call("create_edit_tasks", gazu.task.create_edit_tasks, edit, [cut["id"]])
    call("all_tasks_for_concept", gazu.task.all_tasks_for_concept, concept)
    call("all_tasks_for_concept relations", gazu.task.all_tasks_for_concept, concept["id"], True)
    call("all_task_types_for_concept", gazu.task.all_task_types_for_concept, concept)
    call("all_tasks_for_edit", gazu.task.all_tasks_for_edit, edit)
    call("all_tasks_for_edit relations", gazu.task.all_tasks_for_edit, edit["id"], True)
    shot_layout = call("get_task_by_entity", gazu.task.get_task_by_entity, shot, layout)
    lamp_modeling = call("get_task_by_entity id", gazu.task.get_task_by_entity, lamp["id"], modeling["id"], "main")
    lamp_rigging = gazu.task.get_task_by_entity(lamp, rigging)
    chair_modeling = gazu.task.get_task_by_entity(chair, modeling)
    plate_layout = gazu.task.get_task_by_entity(plate, layout)
    call("get_task_by_entity other name", gazu.task.get_task_by_entity, shot, layout, "extra")

    # --------------------------------------------- a task type, a status
    cleanup = gazu.task.new_task_type(f"cleanup {name}", "#445566", "Shot")
    call("update_task_type", gazu.task.update_task_type, {**cleanup, "short_name": f"cl{tag}", "color": "#778899"})
    call("get_task_type_by_short_name", gazu.task.get_task_type_by_short_name, f"cl{tag}")
    call("get_task_type_by_short_name shot", gazu.task.get_task_type_by_short_name, f"cl{tag}", "Shot")
    call("get_task_type_by_short_name asset", gazu.task.get_task_type_by_short_name, f"cl{tag}", "Asset")
    call("get_task_type_by_short_name none", gazu.task.get_task_type_by_short_name, f"no{tag}")
    gazu.project.add_task_type(project, cleanup, None)
    on_hold = gazu.task.new_task_status(f"on hold {name}", f"oh{tag}", "#AA5500")
    call("update_task_status", gazu.task.update_task_status, {"id": on_hold["id"], "color": "#CC7700",
                                                             "name": f"paused {name}"})

    # ------------------------------------------------------- assignments
    call("assign_tasks_to_person", gazu.task.assign_tasks_to_person, [shot_layout, lamp_modeling["id"]], artist)
    call("assign_tasks_to_person more", gazu.task.assign_tasks_to_person, [chair_modeling], artist["id"])
    call("assign_tasks_to_person none", gazu.task.assign_tasks_to_person, [], artist)
    # The server lists them in no fixed order: recorded by entity.
    by_entity = _by_entity(gazu.task.all_tasks_for_person_and_type, lamp, chair, shot, plate)
    call("all_tasks_for_person_and_type", by_entity, artist, modeling)
    call("all_tasks_for_person_and_type shots", by_entity, artist["id"], layout["id"])
    gazu.task.update_task({"id": shot_layout["id"], "start_date": "2026-02-02", "due_date": "2026-02-20"})
    gazu.task.update_task({"id": lamp_modeling["id"], "start_date": "2026-01-12", "due_date": "2026-02-06"})
    call("get_persons_tasks_dates", _for_persons(gazu.task.get_persons_tasks_dates, artist))
    call("all_open_tasks", _for_project(gazu.task.all_open_tasks, project))
    call("get_open_tasks_stats", _for_project(gazu.task.get_open_tasks_stats, project))
    call("create_shot_tasks cleanup", gazu.task.create_shot_tasks, plate, [cleanup])

    # -------------------------------------------- time spent (by assignees)
    logged = gazu.task.set_time_spent(shot_layout, artist, "2026-02-03", 5400)
    gazu.task.set_time_spent(lamp_modeling, artist, "2026-02-03", 1800)
    call("get_task_time_spent_for_date", gazu.task.get_task_time_spent_for_date, shot_layout, "2026-02-03")
    call("get_task_time_spent_for_date empty", gazu.task.get_task_time_spent_for_date, shot_layout["id"],
         "2026-02-04")
    call("get_task_time_spent_for_date bad date", gazu.task.get_task_time_spent_for_date, shot_layout, "3 Feb")
    call("remove_time_spent", gazu.task.remove_time_spent, logged)
    gazu.cache.clear_all()
    call("get_task_time_spent_for_date removed", gazu.task.get_task_time_spent_for_date, shot_layout,
         "2026-02-03")

    # --------------------------------------------------- unassignments
    call("clear_assignations one", gazu.task.clear_assignations, shot_layout, artist)
    call("clear_assignations", gazu.task.clear_assignations, [lamp_modeling, chair_modeling["id"]])
    call("clear_assignations nothing", gazu.task.clear_assignations, [])
    call("all_tasks_for_person_and_type after", by_entity, artist, modeling)

    # ------------------------------------------------------------ removal
    call("remove_tasks_batch", gazu.task.remove_tasks_batch, project, [lamp_rigging, plate_layout["id"]])
    call("remove_tasks_for_type", gazu.task.remove_tasks_for_type, project["id"], modeling)
    call("all_tasks_for_edit after", gazu.task.all_tasks_for_edit, edit)
    gazu.person.remove_person(artist, True)
    gazu.project.close_project(project)
    gazu.project.remove_project(project, True)
    gazu.task.remove_task_type(cleanup, True)
    gazu.task.remove_task_status(on_hold)
    gazu.asset.remove_asset_type(props)


def _by_entity(function: Any, *entities: Any) -> Any:
    """``function``, its tasks sorted by their entity's place in ``entities``."""
    order = [entity["id"] for entity in entities]

    @functools.wraps(function)
    def answer(*args: Any) -> Any:
        return sorted(function(*args), key=lambda task: order.index(task["entity_id"]))

    return answer


def _for_persons(function: Any, *persons: Any) -> Any:
    """``function`` answering only the rows of these persons (the server's
    answer covers everyone)."""
    ids = {person["id"] for person in persons}

    @functools.wraps(function)
    def mine(*args: Any) -> Any:
        return [row for row in function(*args) if row.get("person_id") in ids]

    return mine


def _for_project(function: Any, project: Any) -> Any:
    """``function`` answering only what concerns this production: its open
    tasks (the page's ``stats`` and ``is_more`` count every production's),
    or its counts (a dict by production id; the counts by task type come
    in no fixed order)."""
    @functools.wraps(function)
    def mine(*args: Any) -> Any:
        answer = function(*args)
        if "data" in answer:
            tasks = [task for task in answer["data"] if task["project_id"] == project["id"]]
            return {"data": tasks, "limit": answer["limit"], "page": answer["page"]}
        counts = answer[project["id"]]
        return {project["id"]: {**counts, "task_types": sorted(counts["task_types"], key=lambda row: row["task_type_id"])}}

    return mine
