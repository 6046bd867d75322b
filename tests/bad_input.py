"""Hostile values and the public calls they are thrown at, shared by the
unit test (a fake server) and the integration test (the real one): every
call must raise a typed error, send nothing and leave its input as it was."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from kitsu_models.ids import is_id
from kitsu_models.models import (
    Asset, AssetInstance, OutputType, Person, Playlist, Project, Sequence, Shot, Software, Task, TaskStatus, TaskType,
)
from kitsu_models.session import Kitsu

_VALID = str(uuid.UUID(int=0x1234567890ABCDEF1234567890ABCDEF, version=4))


def _near_uuids() -> st.SearchStrategy[str]:
    """Strings a hair away from a canonical UUID."""
    text = st.uuids().map(str)
    return st.one_of(
        text.map(lambda value: value.replace("-", "")),
        text.map(lambda value: value + "\n"),
        text.map(lambda value: " " + value),
        text.map(lambda value: value[:-1]),
        text.map(lambda value: value[:-1] + "g"),
        text.map(lambda value: value + "/../../auth/logout"),
        text.map(lambda value: "{" + value + "}"),
        text.map(lambda value: value.replace("-", "\u2010")),  # a unicode hyphen
    )


#: Anything but an id, a dict with an id, or a model.
HOSTILE: st.SearchStrategy[Any] = st.one_of(
    st.text(max_size=60).filter(lambda value: not is_id(value)),
    _near_uuids(),
    st.sampled_from(["..", "../", "./x", "../../auth/logout", "%2e%2e%2f", "all", "", "?page=2", "#x", "a/b"]),
    st.text(min_size=5000, max_size=6000, alphabet="ab./%"),
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.lists(_near_uuids(), min_size=1, max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3).filter(lambda value: "id" not in value),
    st.fixed_dictionaries({"id": st.one_of(_near_uuids(), st.none(), st.integers(), st.just({"id": _VALID}))}),
    st.binary(max_size=20),
)


@dataclass
class Objects:
    """One loaded object of each kind the calls need."""

    project: Project
    sequence: Sequence
    shot: Shot
    asset: Asset
    task: Task
    task_type: TaskType
    status: TaskStatus
    output_type: OutputType
    playlist: Playlist
    instance: AssetInstance


Call = Callable[[Kitsu, Objects, Any], object]


def _assign_and_save(obj: Shot, field: str, value: Any) -> None:
    setattr(obj, field, value)
    obj.save()


#: Calls whose parameter is optional: None there means "not given".
OPTIONAL = frozenset({"asset.find_output_files", "task.comment person", "task.new_working_file", "model assignment"})

#: The public calls that take an id (or a dict or a model) from the caller.
CALLS: dict[str, Call] = {
    "repository.get": lambda k, o, v: k.shots.get(v),
    "repository.load": lambda k, o, v: k.tasks.load(v),
    "repository.row": lambda k, o, v: k.projects.row(v),
    "repository.get_many": lambda k, o, v: k.persons.get_many([v]),
    "repository.filter": lambda k, o, v: k.tasks.filter(entity_id=v),
    "repository.filter by relation": lambda k, o, v: k.shots.filter(project=v),
    "repository.rows": lambda k, o, v: k.tasks.rows(project_id=v),
    "repository.first": lambda k, o, v: k.assets.first(project_id=v),
    "repository.get_by_name": lambda k, o, v: k.sequences.get_by_name("SQ01", project=v),
    "repository.iter": lambda k, o, v: list(k.tasks.iter(entity_id=v)),
    "model construction": lambda k, o, v: Shot(name="SH", project_id=v, parent_id=o.sequence.id).save(k),
    "model assignment": lambda k, o, v: _assign_and_save(o.shot, "parent_id", v),
    "relation assignment": lambda k, o, v: setattr(o.task, "task_status", v),
    "task.comment": lambda k, o, v: o.task.comment(v, "text"),
    "task.comment person": lambda k, o, v: o.task.comment(o.status, "text", person=v),
    "task.new_working_file": lambda k, o, v: o.task.new_working_file(software=v),
    "asset.new_output_file": lambda k, o, v: o.asset.new_output_file(v, o.task_type),
    "asset.find_output_files": lambda k, o, v: o.asset.find_output_files(task_type=v),
    "instance.output_files_in": lambda k, o, v: o.instance.output_files_in(v),
    "project.add_task_type": lambda k, o, v: o.project.add_task_type(v),
    "project.add_person": lambda k, o, v: o.project.add_person(v),
    "shot.set_casting": lambda k, o, v: o.shot.set_casting([(v, 1)]),
    "shot.add_asset_instance": lambda k, o, v: o.shot.add_asset_instance(v),
    "playlist.add_entity": lambda k, o, v: o.playlist.add_entity(v),
    "playlist.remove_entity": lambda k, o, v: o.playlist.remove_entity(v),
    "user.assets": lambda k, o, v: k.user.assets(o.project, v),
    "user.shots": lambda k, o, v: k.user.shots(v),
    "comment_many": lambda k, o, v: Task.comment_many([o.task], v, "x"),
    "software filter": lambda k, o, v: k.repository(Software).filter(id=v),
    "person get_many": lambda k, o, v: k.repository(Person).get_many([_VALID, v]),
}
