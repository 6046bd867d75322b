# pyright: reportUnnecessaryTypeIgnoreComment=error
"""Static checks of the typed navigation, run by mypy (``files`` in
mypy.ini includes this directory; strict mode, ``warn_unused_ignores``).

Each ``assert_type`` states what mypy must infer for a chain through one
declared relation: a wrong relation type, or a relation that stops being
typed, makes mypy fail. The ``# type: ignore[attr-defined]`` lines prove a
misspelt relation IS an error: if it were not, the ignore would be unused
and ``warn_unused_ignores`` would fail instead.

pytest collects this module harmlessly: the checks live in functions that
are never called (their names do not start with ``test``).
tests/unit/test_models_typing.py runs mypy on such code from pytest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from typing_extensions import assert_type

from kitsu_models.orm.collection import ModelList
from kitsu_models.models import (
    Asset, AssetType, CastingEntry, CastInEntry, Comment, Concept, Department, Edit, Entity, EntityType, Episode,
    MetadataDescriptor, Organisation, Person, Project, ProjectStatus, Scene, Sequence, Shot, Task, TaskStatus,
    TaskType, TimeSpent,
)
from kitsu_models.models import AssetInstance, EntityLink
from kitsu_models.models import Playlist, PlaylistEntries, PlaylistEntry
from kitsu_models.models.previews import PreviewFile
from kitsu_models.models import AttachmentFile, PreviewProcessingError
from kitsu_models.models.previews import PreviewStatus
from kitsu_models.models import FilePath, FileStatus, OutputFile, OutputType, Software, WorkingFile
from kitsu_models.models.breakdown import EntityStatus
from kitsu_models.repository import Repository
from kitsu_models.session import Kitsu


def _typing_checks_production(project: Project, descriptor: MetadataDescriptor) -> None:
    # Project: every relation.
    assert_type(project.project_status, ProjectStatus | None)
    assert_type(project.team, ModelList[Person])
    assert_type(project.team[0].full_name, str)
    # Filled on every record, so no None; email is null for some people
    # and absent from the rows non-admins read, so it stays optional.
    assert_type(project.team[0].is_bot, bool)
    assert_type(project.team[0].email, str | None)
    assert_type(project.production_style, str)
    assert_type(project.task_statuses[0].color, str)
    assert_type(project.asset_types, ModelList[AssetType])
    assert_type(project.task_types, ModelList[TaskType])
    assert_type(project.task_statuses, ModelList[TaskStatus])
    assert_type(project.assets, ModelList[Asset])
    assert_type(project.shots, ModelList[Shot])
    assert_type(project.sequences, ModelList[Sequence])
    assert_type(project.episodes, ModelList[Episode])
    assert_type(project.scenes, ModelList[Scene])
    assert_type(project.edits, ModelList[Edit])
    assert_type(project.concepts, ModelList[Concept])
    assert_type(project.tasks, ModelList[Task])
    assert_type(project.metadata_descriptors, ModelList[MetadataDescriptor])
    assert_type(project.assets[0].tasks[0].task_status.name, str)
    assert_type(project.shots[0].sequence.episode, Episode | None)
    assert_type(project.start_date, dt.date | None)
    assert_type(project.team_ids, list[str] | None)
    assert_type(project.descriptors, list[dict[str, Any]] | None)
    # MetadataDescriptor
    assert_type(descriptor.project, Project | None)
    assert_type(descriptor.task_type, TaskType | None)


def _typing_checks_breakdown(
    asset: Asset, episode: Episode, sequence: Sequence, shot: Shot, scene: Scene, edit: Edit, concept: Concept,
    entity: Entity, casting: CastingEntry, cast_in: CastInEntry, instance: AssetInstance, link: EntityLink,
) -> None:
    # Entity (every kind): the shared relations.
    assert_type(entity.project, Project)
    assert_type(entity.entity_type, EntityType | None)
    assert_type(entity.creator, Person | None)
    assert_type(entity.tasks, ModelList[Task])
    assert_type(concept.project.name, str)
    assert_type(concept.tasks[0].entity, Entity)
    # Asset
    assert_type(asset.asset_type, AssetType)
    assert_type(asset.asset_type.short_name, str | None)
    assert_type(asset.episode, Episode | None)
    assert_type(asset.cast_in, ModelList[CastInEntry])
    assert_type(cast_in.shot, Shot)
    assert_type(asset.tasks[0].assignees[0].full_name, str)
    # Episode
    assert_type(episode.sequences, ModelList[Sequence])
    assert_type(episode.sequences[0].shots[0].nb_frames, int | None)
    # Sequence
    assert_type(sequence.episode, Episode | None)
    assert_type(sequence.shots, ModelList[Shot])
    # Shot
    assert_type(shot.sequence, Sequence)
    assert_type(shot.sequence.episode, Episode | None)
    assert_type(shot.casting, ModelList[CastingEntry])
    assert_type(casting.asset, Asset)
    assert_type(shot.sequence_name, str | None)
    # Scene, Edit
    assert_type(scene.sequence, Sequence)
    assert_type(edit.episode, Episode | None)
    # Asset instances and casting links.
    assert_type(shot.asset_instances, ModelList[AssetInstance])
    assert_type(asset.asset_instances, ModelList[AssetInstance])
    assert_type(scene.asset_instances, ModelList[AssetInstance])
    assert_type(instance.asset, Asset)
    assert_type(instance.scene, Scene | None)
    assert_type(instance.target_asset, Asset | None)
    assert_type(instance.target, Scene | Asset | None)
    assert_type(instance.shots, ModelList[Shot])
    assert_type(instance.shots[0].sequence.name, str)
    assert_type(instance.shot_ids, list[str] | None)
    assert_type(instance.number, int | None)
    assert_type(link.entity_in, Entity)
    assert_type(link.entity_out, Entity)
    assert_type(link.entity_out.project.name, str)
    assert_type(link.nb_occurences, int)
    assert_type(link.label, str | None)
    # Inherited fields keep their types.
    assert_type(shot.data, dict[str, Any] | None)
    assert_type(asset.status, EntityStatus)
    assert_type(asset.id, str)
    assert_type(asset.created_at, dt.datetime | None)


def _typing_checks_tasks(
    task: Task, task_type: TaskType, comment: Comment, spent: TimeSpent
) -> None:
    assert_type(task.project, Project)
    assert_type(task.task_type, TaskType)
    assert_type(task.task_status, TaskStatus)
    assert_type(task.task_status.short_name, str)
    assert_type(task.entity, Entity)
    assert_type(task.assigner, Person | None)
    assert_type(task.assignees, ModelList[Person])
    assert_type(task.comments, ModelList[Comment])
    assert_type(task.time_spents, ModelList[TimeSpent])
    assert_type(task.assignee_ids, list[str] | None)
    assert_type(task.due_date, dt.datetime | None)
    assert_type(task_type.department, Department | None)
    assert_type(comment.task, Task)
    assert_type(comment.author, Person)
    assert_type(comment.editor, Person | None)
    assert_type(comment.task_status, TaskStatus | None)
    assert_type(comment.mentions, ModelList[Person])
    assert_type(comment.task.entity.project.name, str)
    assert_type(spent.task, Task)
    assert_type(spent.person, Person)
    assert_type(spent.date, dt.date)
    assert_type(spent.duration, float)


def _typing_checks_people(person: Person, organisation: Organisation) -> None:
    assert_type(person.departments, ModelList[Department])
    assert_type(person.departments[0].name, str)
    assert_type(person.tasks, ModelList[Task])
    assert_type(person.tasks[0].entity.name, str)
    assert_type(organisation.hours_by_day, float)


def _typing_checks_repositories(kitsu: Kitsu) -> None:
    assert_type(kitsu.projects, Repository[Project])
    assert_type(kitsu.projects.get("id"), Project)
    assert_type(kitsu.project_statuses.all(), ModelList[ProjectStatus])
    assert_type(kitsu.metadata_descriptors.first(), MetadataDescriptor | None)
    assert_type(kitsu.asset_types.get_by_name("Character"), AssetType)
    assert_type(kitsu.entity_types.get_many(["id"]), dict[str, EntityType])
    assert_type(kitsu.entities.get("id"), Entity)
    assert_type(kitsu.assets.filter(project="id"), ModelList[Asset])
    assert_type(kitsu.episodes.iter(), Iterator[Episode])
    assert_type(kitsu.sequences.first(name="SQ01"), Sequence | None)
    assert_type(kitsu.shots.get("id"), Shot)
    assert_type(kitsu.scenes.all(), ModelList[Scene])
    assert_type(kitsu.edits.get("id"), Edit)
    assert_type(kitsu.concepts.get("id"), Concept)
    assert_type(kitsu.asset_instances.get("id"), AssetInstance)
    assert_type(kitsu.asset_instances.filter(asset="id"), ModelList[AssetInstance])
    assert_type(kitsu.entity_links.filter(entity_in="id"), ModelList[EntityLink])
    assert_type(kitsu.task_types.get("id"), TaskType)
    assert_type(kitsu.task_statuses.get_by_name("Todo"), TaskStatus)
    assert_type(kitsu.tasks.filter(project="id").prefetch("task_status"), ModelList[Task])
    assert_type(kitsu.comments.get("id"), Comment)
    assert_type(kitsu.time_spents.get("id"), TimeSpent)
    assert_type(kitsu.persons.get("id"), Person)
    assert_type(kitsu.departments.get("id"), Department)
    assert_type(kitsu.user.context().task_statuses, ModelList[TaskStatus])
    assert_type(kitsu.user.context().persons[0].full_name, str)
    kitsu.user.context().projects  # type: ignore[attr-defined]  # left out on purpose
    assert_type(kitsu.organisations.get("id"), Organisation)
    assert_type(kitsu.repository(Shot), Repository[Shot])
    # Models and persistence return the object itself.
    shot = kitsu.shots.get("id")
    assert_type(shot.save(), Shot)
    assert_type(shot.save(kitsu), Shot)  # a Kitsu is the Session the models ask for
    assert_type(shot.refresh(), Shot)
    assert_type(shot.delete(), bool)
    assert_type(shot.to_dict(), dict[str, Any])
    assert_type(kitsu.shots.create(shot), Shot)
    assert_type(kitsu.shots.update(shot), Shot)
    # A ModelList is a list of its models.
    shots = kitsu.shots.all()
    assert_type(shots[0], Shot)
    assert_type(shots.ids(), list[str])
    assert_type(shots.by_id(), dict[str, Shot])
    assert_type([s.sequence for s in shots], list[Sequence])


def _typing_checks_errors(kitsu: Kitsu, task: Task, shot: Shot, project: Project) -> None:
    # A misspelt relation (or field) is an error: each ignore is needed.
    task.task_stauts  # type: ignore[attr-defined]
    shot.sequense.name  # type: ignore[attr-defined]
    project.asets  # type: ignore[attr-defined]
    kitsu.entity_links.get("id").entity  # type: ignore[attr-defined]
    kitsu.shotz  # type: ignore[attr-defined]
    # Assignments are checked too: a misspelt name, a wrong type, a
    # related object of the wrong kind.
    shot.nb_framez = 48  # type: ignore[attr-defined]
    task.task_stauts = kitsu.task_statuses.get("id")  # type: ignore[attr-defined]
    shot.nb_frames = "many"  # type: ignore[assignment]
    task.task_status = kitsu.task_types.get("id")  # type: ignore[assignment]
    task.task_status = kitsu.task_statuses.get("id")  # fine
    # A maybe-absent link must be checked before use.
    shot.sequence.episode.name  # type: ignore[union-attr]
    # A to-many relation is read-only.
    task.assignees = []  # type: ignore[misc, assignment]


def _typing_checks_playlists(kitsu: Kitsu, project: Project, episode: Episode, playlist: Playlist) -> None:
    assert_type(project.playlists, ModelList[Playlist])
    assert_type(episode.playlists, ModelList[Playlist])
    assert_type(kitsu.playlists, Repository[Playlist])
    assert_type(kitsu.playlists.filter(project="id", episode="id"), ModelList[Playlist])
    assert_type(playlist.project, Project)
    assert_type(playlist.episode, Episode | None)
    assert_type(playlist.task_type, TaskType | None)
    assert_type(playlist.creator, Person | None)
    assert_type(playlist.entries, PlaylistEntries)
    assert_type(playlist.entries[0], PlaylistEntry)
    assert_type(playlist.entries[0].entity, Entity)
    assert_type(playlist.entries[0].entity.project.name, str)
    assert_type(playlist.entries[0].preview_file_id, str | None)
    assert_type(playlist.entries[0].preview_file, PreviewFile | None)
    assert_type(playlist.set_entry_preview("id", kitsu.repository(PreviewFile).get("id")), PlaylistEntry)
    playlist.add_entity("id", kitsu.shots.get("id"))  # type: ignore[arg-type]
    assert_type(playlist.shots, list[dict[str, Any]] | None)
    assert_type(playlist.add_entity(kitsu.shots.get("id")), PlaylistEntry)
    assert_type(playlist.remove_entity("id"), int)
    assert_type(playlist.save(), Playlist)
    playlist.entries = [playlist.entries[1], playlist.entries[0]]
    playlist.entries[0].entitty  # type: ignore[attr-defined]
    playlist.for_entity = "everything"  # type: ignore[assignment]
    playlist.add_entity(project)  # type: ignore[arg-type]


def _typing_checks_files(
    kitsu: Kitsu, project: Project, task: Task, asset: Asset, shot: Shot, instance: AssetInstance,
    working_file: WorkingFile, output_file: OutputFile,
) -> None:
    # Relations of the file models.
    assert_type(working_file.task, Task | None)
    assert_type(working_file.entity, Entity | None)
    assert_type(working_file.person, Person | None)
    assert_type(working_file.software, Software | None)
    assert_type(working_file.output_files, ModelList[OutputFile])
    assert_type(working_file.revision, int | None)
    assert_type(output_file.output_type, OutputType | None)
    assert_type(output_file.file_status, FileStatus)
    assert_type(output_file.file_status.color, str)
    assert_type(output_file.entity, Entity | None)
    assert_type(output_file.asset_instance, AssetInstance | None)
    assert_type(output_file.temporal_entity, Entity | None)
    assert_type(output_file.task_type, TaskType | None)
    assert_type(output_file.person, Person | None)
    assert_type(output_file.source_file, WorkingFile | None)
    assert_type(output_file.revision, int)
    # The file relations of tasks and entities.
    assert_type(task.working_files, ModelList[WorkingFile])
    assert_type(task.working_files[0].software, Software | None)
    assert_type(asset.working_files, ModelList[WorkingFile])
    assert_type(asset.output_files, ModelList[OutputFile])
    assert_type(shot.output_files[0].output_type, OutputType | None)
    # Operations.
    assert_type(task.new_working_file("main"), WorkingFile)
    assert_type(task.last_working_files(), dict[str, WorkingFile])
    assert_type(task.last_working_file(), WorkingFile | None)
    assert_type(task.build_working_file_path(), FilePath)
    assert_type(task.build_working_file_path().path, str)
    cache = kitsu.output_types.get("id")
    modeling = kitsu.task_types.get("id")
    assert_type(asset.new_output_file(cache, modeling), OutputFile)
    assert_type(asset.find_output_files(output_type=cache), ModelList[OutputFile])
    assert_type(asset.last_output_files(), ModelList[OutputFile])
    assert_type(asset.next_output_revision(cache, modeling), int)
    assert_type(asset.last_output_revision(cache, modeling), int)
    assert_type(asset.used_output_types(), ModelList[OutputType])
    assert_type(asset.build_output_file_path(cache, modeling), FilePath)
    assert_type(instance.output_files_in(shot).new_output_file(cache, modeling), OutputFile)
    assert_type(instance.output_files_in(shot).find_output_files(), ModelList[OutputFile])
    assert_type(instance.find_output_files(output_type=cache), ModelList[OutputFile])
    assert_type(instance.output_files_in(shot).build_output_file_path(cache, modeling).file_name, str)
    assert_type(project.set_file_tree({}), Project)
    assert_type(project.update_file_tree({}), Project)
    assert_type(project.find_output_files(), ModelList[OutputFile])
    assert_type(working_file.download("x"), Path)
    assert_type(working_file.upload("x"), WorkingFile)
    # Repositories.
    assert_type(kitsu.softwares.get_by_name("Blender"), Software)
    assert_type(kitsu.output_types.all(), ModelList[OutputType])
    assert_type(kitsu.file_statuses.first(), FileStatus | None)
    assert_type(kitsu.working_files.filter(task=task), ModelList[WorkingFile])
    assert_type(kitsu.output_files.get("id"), OutputFile)
    # Misspelt operations and wrong argument kinds are errors.
    task.new_workingfile()  # type: ignore[attr-defined]
    asset.new_output_file(modeling, cache)  # type: ignore[arg-type]


def _typing_checks_previews(
    kitsu: Kitsu, task: Task, comment: Comment, preview: PreviewFile, attachment: AttachmentFile, shot: Shot,
    person: Person, project: Project, wip: TaskStatus,
) -> None:
    # Relations.
    assert_type(task.preview_files, ModelList[PreviewFile])
    assert_type(task.last_preview_file, PreviewFile | None)
    assert_type(comment.previews, ModelList[PreviewFile])
    assert_type(comment.attachments, ModelList[AttachmentFile])
    assert_type(preview.task, Task)
    assert_type(preview.person, Person | None)
    assert_type(preview.comment, Comment | None)
    assert_type(attachment.comment, Comment | None)
    assert_type(shot.preview_file, PreviewFile | None)
    shot.preview_file.task  # type: ignore[union-attr]  # may be absent: checked before use
    assert_type(comment.previews[0].task.task_status.name, str)
    assert_type(Task.comment_many([task], wip, "approved"), ModelList[Comment])
    Task.comment_many([task], wip, "approved", checklist="tick")  # type: ignore[arg-type]
    # Fields.
    assert_type(preview.status, PreviewStatus)
    assert_type(preview.width, int | None)
    assert_type(preview.duration, float | None)
    assert_type(preview.comment_ids, list[str] | None)
    assert_type(attachment.size, int | None)
    # Publishing and waiting.
    assert_type(task.comment(wip, "text", previews=["a.png"], attachments=[Path("b.txt")]), Comment)
    assert_type(task.add_comment(wip, "text"), Comment)
    assert_type(task.add_preview(comment, "a.mov", wait=True, timeout=60), PreviewFile)
    assert_type(task.add_attachments(comment, ["a.txt"]), ModelList[AttachmentFile])
    assert_type(preview.wait_until_processed(timeout=30), PreviewFile)
    assert_type(preview.set_as_main_preview(), Entity)
    assert_type(preview.is_processed, bool)
    # Downloads and avatars.
    assert_type(preview.download_original("x"), Path)
    assert_type(preview.download_movie(Path("x"), lowdef=True), Path)
    assert_type(preview.download_thumbnail("x", progress=lambda done, total: None), Path)
    assert_type(preview.download_cover("x"), Path)
    assert_type(attachment.download("x"), Path)
    assert_type(person.download_avatar("x"), Path)
    assert_type(project.download_avatar("x"), Path)
    assert_type(person.set_avatar("x.png"), None)
    # Repositories and errors.
    assert_type(kitsu.preview_files.get("id"), PreviewFile)
    assert_type(kitsu.attachment_files.filter(comment=comment), ModelList[AttachmentFile])
    try:
        task.comment(wip, previews=["a.mov"], wait=True)
    except PreviewProcessingError as error:
        assert_type(error.preview_file, PreviewFile)
        assert_type(error.comment, Comment | None)
    # Misspellings and wrong kinds are errors.
    task.coment(wip)  # type: ignore[attr-defined]
    task.comment(wip, previews=["a.png"], wiat=True)  # type: ignore[call-arg]
    task.add_preview("comment id", "a.png")  # type: ignore[arg-type]
    preview.download_movie("x", lowdef="yes")  # type: ignore[arg-type]
    comment.previews[0].task_stauts  # type: ignore[attr-defined]

