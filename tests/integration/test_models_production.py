"""Project, ProjectStatus and MetadataDescriptor against the real server:
create, read back, relations, partial updates, ``data`` merges, deletion,
the JSON round trip, typed assignment and id checks."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.models import (
    Asset, AssetType, Concept, Edit, Episode, MetadataDescriptor, Person, Project, ProjectStatus, Scene, Sequence,
    Shot, Task, TaskStatus, TaskType,
)
from kitsu_models.session import Kitsu

from .models_support import (
    RequestLog, World, artist, assert_bad_ids_send_nothing, assert_data_key_merge, assert_deleted,
    assert_round_trip, assert_saves_only, assert_wrong_type_sends_nothing, clone, closed_status_id, unique, world,
)

pytestmark = pytest.mark.server
__all__ = ["artist", "world"]  # fixtures

NewSession = Callable[..., Kitsu]


# --------------------------------------------------------------- Project
def test_project_create_read_update_delete(new_session: NewSession) -> None:
    kitsu = new_session()
    fresh = clone(kitsu)
    name = unique("models-project")
    project = Project(name=name, production_type="short", data={"kept": 1})
    try:
        with RequestLog(kitsu) as log:
            assert project.save(kitsu) is project
        assert [(s.method, s.path) for s in log.writes()] == [("POST", "data/projects")]
        assert log.writes()[0].body == {"name": name, "production_type": "short", "data": {"kept": 1}}
        assert project.id and project.name == name and project.project_status_id
        assert project.changes() == {}
        assert kitsu.projects.get(project.id) is project

        # Read back, in another session: by id, by filter, by name.
        by_id = fresh.projects.get(project.id)
        assert isinstance(by_id, Project) and by_id.name == name and by_id.data == {"kept": 1}
        assert fresh.projects.filter(name=name).ids() == [project.id]
        assert fresh.projects.get_by_name(name) is by_id
        assert fresh.projects.first(name=unique("no-such-project")) is None

        assert_saves_only(project, "description", "A production of the model tests", fresh)
        assert_saves_only(project, "max_retakes", 3, fresh)
        assert_data_key_merge(project, fresh)

        # Only a closed production may be deleted.
        project.project_status = fresh.project_statuses.get(closed_status_id(fresh))
        assert project.changes() == {"project_status_id": closed_status_id(fresh)}
        project.save()
        assert_deleted(project, force=True, relation="assets")
    finally:
        if not project.is_deleted and project.id:
            kitsu.transport.put(f"data/projects/{project.id}", {"project_status_id": closed_status_id(kitsu)})
            kitsu.transport.delete(f"data/projects/{project.id}", params={"force": "true"})


@pytest.mark.parametrize("loaded_by", ["get", "get_by_name"])
def test_project_relations(world: World, new_session: NewSession, loaded_by: str) -> None:
    kitsu = new_session()
    if loaded_by == "get":
        project = kitsu.projects.get(world.project.id)
    else:  # through the list route: its id lists (team...) must be there too
        project = kitsu.projects.get_by_name(world.project.name)
    assert isinstance(project, Project)

    status = project.project_status
    assert isinstance(status, ProjectStatus) and status.name == "Open"
    assert isinstance(project.team, ModelList)
    assert world.artist.id in project.team.ids()
    assert all(isinstance(person, Person) for person in project.team)
    assert sorted(t.name for t in project.task_types) == ["Animation", "Modeling"]
    assert all(isinstance(t, TaskType) for t in project.task_types)
    assert sorted(s.short_name for s in project.task_statuses) == ["todo", "wip"]
    assert all(isinstance(s, TaskStatus) for s in project.task_statuses)
    assert [a.name for a in project.asset_types] == ["Character"]
    assert all(isinstance(a, AssetType) for a in project.asset_types)

    expected: list[tuple[str, type, str]] = [
        ("assets", Asset, world.asset.id),
        ("shots", Shot, world.shot.id),
        ("sequences", Sequence, world.sequence.id),
        ("episodes", Episode, world.episode.id),
        ("scenes", Scene, world.scene.id),
        ("edits", Edit, world.edit.id),
        ("concepts", Concept, world.concept.id),
        ("metadata_descriptors", MetadataDescriptor, world.descriptor.id),
    ]
    for relation, cls, object_id in expected:
        related = getattr(project, relation)
        assert isinstance(related, ModelList), relation
        assert related.ids() == [object_id], relation
        assert type(related[0]) is cls, relation
    assert sorted(project.tasks.ids()) == sorted([world.shot_task.id, world.asset_task.id])
    assert all(type(task) is Task for task in project.tasks)

    # One object per id in the session, whichever way it was reached.
    assert project.assets[0].project is project
    assert project.shots[0].sequence is project.sequences[0]
    assert project.sequences[0].episode is project.episodes[0]
    assert kitsu.tasks.get(world.shot_task.id) in project.tasks


# --------------------------------------------------------- ProjectStatus
def test_project_status_create_read_update_delete(new_session: NewSession) -> None:
    kitsu = new_session()
    fresh = clone(kitsu)
    name = unique("ps")  # the server allows 20 characters
    status = ProjectStatus(name=name, color="#112233")
    with RequestLog(kitsu) as log:
        status.save(kitsu)
    try:
        assert [(s.method, s.path, s.body) for s in log.writes()] == [
            ("POST", "data/project-status", {"name": name, "color": "#112233"})
        ]
        assert status.id and status.type == "ProjectStatus"
        again = fresh.project_statuses.get(status.id)
        assert (again.name, again.color) == (name, "#112233")
        assert fresh.project_statuses.filter(name=name).ids() == [status.id]
        assert fresh.project_statuses.get_by_name(name) is again

        assert_saves_only(status, "color", "#445566", fresh)
        assert_deleted(status)
    finally:
        if not status.is_deleted:
            kitsu.transport.delete(f"data/project-status/{status.id}")


# ---------------------------------------------------- MetadataDescriptor
def test_metadata_descriptor_create_read_update_delete(world: World) -> None:
    kitsu = world.kitsu
    fresh = clone(kitsu)
    pid = world.project.id
    name = unique("Anim notes")
    descriptor = MetadataDescriptor(
        project_id=pid, name=name, entity_type="Task", data_type="string", task_type_id=world.shot_type.id
    )
    with RequestLog(kitsu) as log:
        descriptor.save(kitsu)
    assert [(s.method, s.path) for s in log.writes()] == [("POST", f"data/projects/{pid}/metadata-descriptors")]
    assert descriptor.id and descriptor.field_name  # the server derives it from the name
    assert descriptor.task_type_id == world.shot_type.id

    again = fresh.metadata_descriptors.get(descriptor.id)
    assert (again.name, again.entity_type, again.task_type_id) == (name, "Task", world.shot_type.id)
    assert sorted(fresh.metadata_descriptors.filter(project=pid).ids()) == sorted(
        [descriptor.id, world.descriptor.id]
    )
    assert fresh.metadata_descriptors.get_by_name(name, project=pid) is again
    with pytest.raises(errors.ModelNotFoundError):
        fresh.metadata_descriptors.get_by_name(unique("nope"), project=pid)

    # Relations: the project (the session's object) and the task type.
    assert descriptor.project is world.project
    assert isinstance(descriptor.task_type, TaskType) and descriptor.task_type is world.shot_type
    assert world.descriptor.task_type is None
    assert isinstance(again.project, Project) and again.project.id == pid

    assert_saves_only(descriptor, "for_client", True, fresh)
    # Deleted from a session where its relations are not loaded yet.
    victim = clone(kitsu).metadata_descriptors.get(descriptor.id)
    assert_deleted(victim, relation="task_type")


# ------------------------------------------------- cross-model checks
def test_production_round_trip(world: World) -> None:
    pid = world.project.id
    assert_round_trip(world.kitsu, Project, lambda repo: repo.get(pid))
    assert_round_trip(world.kitsu, Project, lambda repo: repo.filter(name=world.project.name))
    assert_round_trip(world.kitsu, Project, lambda repo: list(repo.get_many([pid]).values()))
    status_id = world.project.project_status_id
    assert status_id
    assert_round_trip(world.kitsu, ProjectStatus, lambda repo: repo.get(status_id))
    assert_round_trip(world.kitsu, ProjectStatus, lambda repo: list(repo.get_many([status_id]).values()))
    assert_round_trip(world.kitsu, MetadataDescriptor, lambda repo: repo.get(world.descriptor.id))
    assert_round_trip(world.kitsu, MetadataDescriptor, lambda repo: repo.filter(project=pid))
    # A relation's own route too.
    kitsu = clone(world.kitsu)
    project = kitsu.projects.get(pid)
    raw = kitsu.transport.get(f"data/projects/{pid}/metadata-descriptors")
    assert [d.to_dict() for d in project.metadata_descriptors] == raw
    # The JSON is exactly what was sent: dumping it gives the same text.
    assert json.loads(json.dumps(project.to_dict())) == kitsu.transport.get(f"data/projects/{pid}")


def test_production_wrong_types_send_nothing(world: World) -> None:
    project = world.project
    assert_wrong_type_sends_nothing(project, "max_retakes", "many")
    assert_wrong_type_sends_nothing(project, "start_date", "not a date")
    assert_wrong_type_sends_nothing(project, "name", 42)
    status = project.project_status
    assert status is not None
    assert_wrong_type_sends_nothing(status, "color", 12)
    assert_wrong_type_sends_nothing(world.descriptor, "position", "first")
    assert_wrong_type_sends_nothing(world.descriptor, "choices", "a,b")


@pytest.mark.parametrize("model", [Project, ProjectStatus, MetadataDescriptor])
def test_production_bad_ids_raise_before_any_request(admin: Kitsu, model: type[Project]) -> None:
    assert_bad_ids_send_nothing(admin, model)
