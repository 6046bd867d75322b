"""Fields typed without None are filled by the real server: a production
with every kind of object, loaded back through the SDK's routes (as the
admin, and as an artist, who gets fewer keys for people), shows no such
field missing or null, and each value fits its annotation."""

from __future__ import annotations

import types
import typing
import uuid
from pathlib import Path
from typing import Any

import pytest
from pydantic import TypeAdapter

from kitsu_models import (
    AssetInstance, CastingEntry, CastInEntry, KitsuModel, OutputType, Playlist, PlaylistEntry, Software,
)

from .models_support import RequestLog, World, artist, clone, world
from .test_files import default_tree
from .test_previews import make_png

pytestmark = pytest.mark.server
__all__ = ["artist", "default_tree", "world"]  # fixtures


def _typed_without_none(cls: type[KitsuModel]) -> dict[str, Any]:
    def accepts_none(annotation: Any) -> bool:
        union = typing.get_origin(annotation) in (typing.Union, types.UnionType)
        return annotation is Any or (union and type(None) in typing.get_args(annotation))

    return {name: field.annotation for name, field in cls.model_fields.items()
            if name != "id" and not accepts_none(field.annotation)}


def incomplete(objects: list[Any]) -> list[str]:
    """What is wrong with ``objects``: a field typed without None that is
    absent (and not loadable) or null, or a value outside its type."""
    problems = []
    for obj in objects:
        for name, annotation in _typed_without_none(type(obj)).items():
            value = getattr(obj, name)  # a field the row lacked loads here
            if value is None:
                problems.append(f"{type(obj).__name__}.{name} is None ({obj.id})")
                continue
            try:
                TypeAdapter(annotation).validate_python(value)
            except ValueError as exc:
                problems.append(f"{type(obj).__name__}.{name} = {value!r}: {exc.errors()[0]['msg']}")
    return problems


def test_every_field_typed_without_none_is_filled_by_the_server(
    world: World, tmp_path: Path, default_tree: dict[str, Any]
) -> None:
    kitsu = world.kitsu
    # What World lacks: previews, attachments, files, instances, casting, a playlist.
    frame, notes = tmp_path / "frame.png", tmp_path / "notes.txt"
    frame.write_bytes(make_png(64, 36))
    notes.write_text("notes")
    comment = world.shot_task.comment(world.wip, "with files", previews=[frame], attachments=[notes], wait=True)
    instance = AssetInstance(asset_id=world.asset.id, scene_id=world.scene.id).save(kitsu)
    try:
        _check_every_kind(world, comment, default_tree)
    finally:
        instance.delete()  # an instance keeps the production from being deleted


def _check_every_kind(world: World, comment: Any, tree: dict[str, Any]) -> None:
    kitsu, pid = world.kitsu, world.project.id
    tag = uuid.uuid4().hex[:6]
    world.project.set_file_tree(tree)
    world.shot.set_casting([(world.asset, 2)])
    software = kitsu.softwares.first() or Software(name=f"Blender {tag}", short_name="bl", file_extension="blend").save(kitsu)
    output_type = kitsu.output_types.first() or OutputType(name=f"Cache {tag}", short_name=f"c{tag}").save(kitsu)
    world.shot_task.new_working_file(name="main", software=software)
    world.asset.new_output_file(output_type, world.asset_task_type, representation="abc")
    playlist = Playlist(name=f"Dailies {tag}", project_id=pid)
    playlist.save(kitsu)
    playlist.add_entity(world.shot)
    playlist.save()

    fresh = clone(kitsu)
    task_ids = [world.shot_task.id, world.asset_task.id]
    loaded: dict[str, list[Any]] = {
        "Project": [p for p in fresh.projects.all() if p.id == pid],
        "ProjectStatus": fresh.project_statuses.all(),
        "MetadataDescriptor": fresh.metadata_descriptors.filter(project_id=pid),
        "Person": fresh.persons.all(),
        "Department": fresh.departments.all(),
        "Organisation": fresh.organisations.all(),
        "EntityType": fresh.entity_types.all(),
        "AssetType": fresh.asset_types.all(),
        "Asset": fresh.assets.filter(project_id=pid),
        "Episode": fresh.episodes.filter(project_id=pid),
        "Sequence": fresh.sequences.filter(project_id=pid),
        "Shot": fresh.shots.filter(project_id=pid),
        "Scene": fresh.scenes.filter(project_id=pid),
        "Edit": fresh.edits.filter(project_id=pid),
        "Concept": fresh.concepts.filter(project_id=pid),
        "AssetInstance": fresh.asset_instances.filter(asset_id=world.asset.id),
        "EntityLink": fresh.entity_links.filter(entity_in_id=world.shot.id),
        "TaskType": fresh.task_types.all(),
        "TaskStatus": fresh.task_statuses.all(),
        "Task": fresh.tasks.filter(project_id=pid),
        "Comment": fresh.comments.filter(object_id=task_ids),
        "TimeSpent": fresh.time_spents.filter(task_id=task_ids),
        "PreviewFile": fresh.preview_files.filter(task_id=world.shot_task.id),
        "AttachmentFile": fresh.attachment_files.filter(comment_id=comment.id),
        "WorkingFile": fresh.working_files.filter(task_id=world.shot_task.id),
        "OutputFile": fresh.output_files.filter(entity_id=world.asset.id),
        "OutputType": fresh.output_types.all(),
        "Software": fresh.softwares.all(),
        "FileStatus": fresh.file_statuses.all(),
        "Playlist": fresh.playlists.filter(project_id=pid),
    }
    shot, asset = fresh.shots.get(world.shot.id), fresh.assets.get(world.asset.id)
    loaded["CastingEntry"] = list(shot.casting)
    loaded["CastInEntry"] = list(asset.cast_in)
    loaded["PlaylistEntry"] = [e for p in loaded["Playlist"] for e in p.entries]
    # Through the item routes too (some send fewer keys: those load on read).
    items = [fresh.repository(type(objects[0])).load(objects[0].id) for objects in loaded.values()
             if objects and not isinstance(objects[0], (CastingEntry, CastInEntry, PlaylistEntry))]

    empty = sorted(name for name, objects in loaded.items() if not objects)
    assert empty == [], f"no object of these kinds was loaded: {empty}"
    exported = {cls.__name__ for objects in loaded.values() for cls in {type(o) for o in objects}}
    assert exported >= set(loaded)
    everything = [obj for objects in loaded.values() for obj in objects]
    with RequestLog(fresh) as log:
        problems = incomplete(everything)
    assert problems == []
    # The list routes carry every such field: reading them sent nothing.
    assert log.sent == [], log.summary()
    assert incomplete(items) == []

