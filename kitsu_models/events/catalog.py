"""The events of Kitsu's event stream, as one table: each event's name and
the ids its data carries (``../shared/spec/events.txt``). The typed classes
of :mod:`kitsu_models.events.classes` are generated from it::

    python -m kitsu_models.events.catalog > kitsu_models/events/classes.py

(a test fails when the file and the table disagree, or when the table
misses an event or a data key of the spec).
"""

from __future__ import annotations

import re
import sys
import textwrap

#: ``name key key...``; ``-`` for an event whose data is a whole record
#: (a chat message, an entity link) rather than ids. After the spec's keys
#: come the parent ids Zou sends too where the subject's record route is
#: under its parent (a build job's playlist, a budget entry's budget).
TABLE = """
asset:new asset_id
asset:update asset_id
asset:delete asset_id
asset:new-link asset_id
asset:remove-link asset_id
asset:casting-update asset_id
asset-type:new asset_type_id
asset-type:update asset_type_id
asset-type:delete asset_type_id
asset_instance:new asset_instance_id
asset_instance:add-to-shot asset_instance_id
asset_instance:remove-from-shot asset_instance_id
shot:new shot_id
shot:update shot_id
shot:delete shot_id
shot:casting-update shot_id
shot:add-to-scene shot_id
shot:remove-from-scene shot_id
sequence:new sequence_id
sequence:delete sequence_id
scene:new scene_id
scene:delete scene_id
episode:new episode_id
episode:delete episode_id
episode:casting-update episode_id
task:new task_id
task:update task_id
task:delete task_id
task:assign task_id
task:unassign task_id
task:status-changed task_id
task:to-review task_id
task:update-casting-stats task_id
task-type:new task_type_id
task-status:new task_status_id
task-status:update task_status_id
comment:new comment_id
comment:update comment_id
comment:delete comment_id
comment:reply comment_id
comment:delete-reply comment_id
comment:acknowledge comment_id person_id
comment:unacknowledge comment_id person_id
preview-file:new preview_file_id
preview-file:update preview_file_id
preview-file:delete preview_file_id
preview-file:add-file preview_file_id
preview-file:set-main preview_file_id
preview-file:annotation-update preview_file_id
preview-background-file:add-file preview_background_file_id
preview-background-file:update preview_background_file_id
working-file:new working_file_id
output-file:new output_file_id
output-file:update output_file_id
output-file:delete output_file_id
person:new person_id
person:update person_id
person:delete person_id
person:set-thumbnail person_id
organisation:update organisation_id
organisation:set-thumbnail organisation_id
department:new department_id
project:new project_id
project:update project_id
project:delete project_id
project:set-thumbnail project_id
metadata-descriptor:new metadata_descriptor_id
metadata-descriptor:update metadata_descriptor_id
metadata-descriptor:delete metadata_descriptor_id
edit:new edit_id
edit:update edit_id
edit:delete edit_id
concept:new concept_id
concept:update concept_id
concept:delete concept_id
playlist:delete playlist_id
playlist:add_entity playlist_id
notification:new notification_id
notification:read notification_id
notification:unread notification_id
notification:all-read person_id
chat:new-message -
chat:deleted-message -
chat:joined -
chat:left -
news:new news_id
news:delete news_id
budget:create budget_id
budget:update budget_id
budget:delete budget_id
budget-entry:create budget_entry_id budget_id
budget-entry:update budget_entry_id budget_id
budget-entry:delete budget_entry_id budget_id
schedule-item:new schedule_item_id
production_schedule_version:update production_schedule_version_id
time-spent:new time_spent_id
time-spent:update time_spent_id
time-spent:delete time_spent_id
entity-link:new -
entity-link:update -
entity-link:delete -
build-job:new build_job_id playlist_id
build-job:update build_job_id playlist_id
build-job:delete build_job_id playlist_id
"""

#: The models a data key names (``task_id`` -> ``Task``): their events
#: get a typed subject (``event.task``).
SUBJECTS = {
    "asset_id": "Asset", "asset_type_id": "AssetType", "asset_instance_id": "AssetInstance", "shot_id": "Shot",
    "sequence_id": "Sequence", "scene_id": "Scene", "episode_id": "Episode", "task_id": "Task",
    "task_type_id": "TaskType", "task_status_id": "TaskStatus", "comment_id": "Comment",
    "preview_file_id": "PreviewFile", "working_file_id": "WorkingFile", "output_file_id": "OutputFile",
    "person_id": "Person", "organisation_id": "Organisation", "department_id": "Department",
    "project_id": "Project", "metadata_descriptor_id": "MetadataDescriptor", "edit_id": "Edit",
    "concept_id": "Concept", "playlist_id": "Playlist", "time_spent_id": "TimeSpent",
    "preview_background_file_id": "PreviewBackgroundFile", "notification_id": "Notification", "news_id": "News",
    "budget_id": "Budget", "budget_entry_id": "BudgetEntry", "schedule_item_id": "ScheduleItem",
    "production_schedule_version_id": "ProductionScheduleVersion", "build_job_id": "BuildJob",
}

#: Events whose data is a whole record (``-`` in the table): the model it
#: is, and the attribute that gives it typed (``event.message``).
RECORDS = {
    "chat:new-message": ("message", "ChatMessage"), "chat:deleted-message": ("message", "ChatMessage"),
    "chat:joined": ("chat", "Chat"), "chat:left": ("chat", "Chat"),
    "entity-link:new": ("link", "EntityLink"), "entity-link:update": ("link", "EntityLink"),
    "entity-link:delete": ("link", "EntityLink"),
}

#: Events the server sends live but does not write to its event log
#: (Zou 1.0.97 emits them with ``persist=False``): they cannot be replayed
#: after a disconnection.
NOT_LOGGED = frozenset({
    "task:update-casting-stats", "comment:acknowledge", "comment:unacknowledge", "comment:delete-reply",
    "notification:new", "chat:new-message", "chat:deleted-message", "chat:joined", "chat:left",
})


def events() -> list[tuple[str, tuple[str, ...]]]:
    """The table as (name, data keys) pairs, in the spec's order."""
    rows = []
    for line in TABLE.strip().splitlines():
        name, *keys = line.split()
        rows.append((name, tuple(key for key in keys if key != "-")))
    return rows


def class_name(event_name: str) -> str:
    """``task:status-changed`` -> ``TaskStatusChanged`` (``:``, ``-`` and
    ``_`` break words)."""
    return "".join(word.capitalize() for word in re.split(r"[:_-]", event_name))


def render() -> str:
    """The source of :mod:`kitsu_models.events.classes`."""
    models = sorted({SUBJECTS[key] for _, keys in events() for key in keys if key in SUBJECTS} | {"Project"}
                    | {model for _, model in RECORDS.values()})
    out = [
        '"""The typed event classes, one per event of the spec. Generated from',
        "``catalog.TABLE`` by ``python -m kitsu_models.events.catalog``: do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import ClassVar",
        "",
        "from ..models import (",
        *textwrap.wrap(", ".join(models) + ",", 116, initial_indent="    ", subsequent_indent="    "),
        ")",
        "from .base import Event, Record, Subject",
    ]
    names = []
    for name, keys in events():
        cls = class_name(name)
        names.append((name, cls))
        out += ["", "", f"class {cls}(Event):", f'    """``{name}``."""', "",
                f'    name: ClassVar[str] = "{name}"', f"    keys: ClassVar[tuple[str, ...]] = {keys!r}"]
        # (project_id, optional on Event, is always there on a project's own events)
        out += [
            f"    {key}: str" + ("  # pyright: ignore[reportIncompatibleVariableOverride]" if key == "project_id" else "")
            for key in keys
        ]
        out += [
            f'    {key[:-3]}: ClassVar[Subject[{SUBJECTS[key]}]] = Subject({SUBJECTS[key]}, "{key}")'
            for key in keys if key in SUBJECTS
        ]
        if name in RECORDS:
            attribute, model = RECORDS[name]
            out.append(f"    {attribute}: ClassVar[Record[{model}]] = Record({model})")
    out += ["", "", "__all__ = ["]
    out += textwrap.wrap(", ".join(f'"{cls}"' for _, cls in names) + ",", 116, initial_indent="    ",
                         subsequent_indent="    ")
    out += ["]", "", "#: Every event class, by event name.", "EVENT_CLASSES: dict[str, type[Event]] = {"]
    out += [f'    "{name}": {cls},' for name, cls in names]
    out += ["}", ""]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(render())
