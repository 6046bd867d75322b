"""TaskType, TaskStatus, Task, Comment and TimeSpent against the real
server: create, read back, relations, partial updates, ``data`` merges,
deletion, the JSON round trip, typed assignment and id checks."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import pytest

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.models import (
    Asset, Comment, Department, Person, Project, Shot, Task, TaskStatus, TaskType, TimeSpent,
)
from kitsu_models.session import Kitsu

from .models_support import (
    RequestLog, World, artist, assert_bad_ids_send_nothing, assert_data_key_merge, assert_deleted,
    assert_round_trip, assert_saves_only, assert_wrong_type_sends_nothing, clone, world,
)

pytestmark = pytest.mark.server
__all__ = ["artist", "world"]  # fixtures

NewSession = Callable[..., Kitsu]


# -------------------------------------------------------------- TaskType
def test_task_type_create_read_update_delete(new_session: NewSession) -> None:
    kitsu = new_session()
    fresh = clone(kitsu)
    department = kitsu.departments.get_by_name("Animation")
    name = f"TT {uuid.uuid4().hex[:8]}"
    task_type = TaskType(name=name, for_entity="Shot", color="#123456", department_id=department.id)
    with RequestLog(kitsu) as log:
        task_type.save(kitsu)
    try:
        assert [(s.method, s.path, s.body) for s in log.writes()] == [
            ("POST", "data/task-types",
             {"name": name, "for_entity": "Shot", "color": "#123456", "department_id": department.id})
        ]
        assert task_type.id and task_type.priority is not None
        again = fresh.task_types.get(task_type.id)
        assert (again.name, again.for_entity) == (name, "Shot")
        assert fresh.task_types.filter(name=name).ids() == [task_type.id]
        assert fresh.task_types.get_by_name(name) is again

        # Relation: its department.
        assert task_type.department is department
        assert isinstance(again.department, Department) and again.department.name == "Animation"
        assert kitsu.task_types.get_by_name("Concept", for_entity="Concept").department is None

        assert_saves_only(task_type, "priority", 7, fresh)
        victim = clone(kitsu).task_types.get(task_type.id)
        assert_deleted(victim, relation="department")
        task_type = victim
    finally:
        if not task_type.is_deleted:
            kitsu.transport.delete(f"data/task-types/{task_type.id}")


# ------------------------------------------------------------ TaskStatus
def test_task_status_create_read_update_delete(new_session: NewSession) -> None:
    kitsu = new_session()
    fresh = clone(kitsu)
    tag = uuid.uuid4().hex[:8]
    name, short_name = f"TS {tag}", f"s{tag}"[:10]  # short names: 10 characters
    status = TaskStatus(name=name, short_name=short_name, color="#654321", is_wip=True)
    with RequestLog(kitsu) as log:
        status.save(kitsu)
    try:
        assert [(s.method, s.path, s.body) for s in log.writes()] == [
            ("POST", "data/task-status", {"name": name, "short_name": short_name, "color": "#654321", "is_wip": True})
        ]
        assert status.id and status.is_wip is True and status.is_done is False
        again = fresh.task_statuses.get(status.id)
        assert (again.name, again.short_name) == (name, short_name)
        assert fresh.task_statuses.filter(short_name=short_name).ids() == [status.id]
        assert fresh.task_statuses.get_by_name(name) is again

        assert_saves_only(status, "color", "#abcdef", fresh)
        assert_saves_only(status, "is_feedback_request", True, fresh)
        assert_deleted(status)
    finally:
        if not status.is_deleted:
            kitsu.transport.delete(f"data/task-status/{status.id}", params={"force": "true"})


# ------------------------------------------------------------------ Task
def test_task_create_read_update_delete(world: World) -> None:
    kitsu = world.kitsu
    fresh = clone(kitsu)
    pid, shot = world.project.id, world.shot
    task = Task(
        name="second", project_id=pid, entity_id=shot.id, task_type_id=world.shot_type.id,
        task_status_id=world.todo.id, assignees=[world.artist.id], data={"kept": 1},
    )
    with RequestLog(kitsu) as log:
        task.save(kitsu)
    assert [(s.method, s.path) for s in log.writes()] == [("POST", "data/tasks")]
    assert log.writes()[0].body == {
        "name": "second", "project_id": pid, "entity_id": shot.id, "task_type_id": world.shot_type.id,
        "task_status_id": world.todo.id, "assignees": [world.artist.id], "data": {"kept": 1},
    }
    assert task.id and task.assignee_ids == [world.artist.id] and task.data == {"kept": 1}
    assert kitsu.tasks.get(task.id) is task

    again = fresh.tasks.get(task.id)
    assert (again.name, again.entity_id, again.assignee_ids) == ("second", shot.id, [world.artist.id])
    assert task.id in fresh.tasks.filter(project=pid).ids()
    assert sorted(fresh.tasks.filter(entity=shot).ids()) == sorted([world.shot_task.id, task.id])
    assert fresh.tasks.filter(entity=shot, task_status=world.wip).ids() == []
    assert fresh.tasks.get_by_name("second", entity=shot.id) is again
    assert fresh.tasks.first(task_type=world.asset_task_type, project=pid) is fresh.tasks.get(world.asset_task.id)

    assert_saves_only(task, "priority", 2, fresh)
    assert_saves_only(task, "estimation", 3.5, fresh)
    assert_saves_only(task, "assignee_ids", [world.me.id, world.artist.id], fresh)
    assert_saves_only(task, "due_date", dt.datetime(2024, 5, 6, 10, 30), fresh, sent="2024-05-06T10:30:00")
    # A relation assigned sets its id field, and only that is sent.
    assert_saves_only(task, "task_status_id", world.wip.id, fresh)
    with RequestLog(kitsu) as log:
        task.task_status = world.todo
        assert task.changes() == {"task_status_id": world.todo.id}
        task.save()
    assert log.bodies("PUT") == [{"task_status_id": world.todo.id}]
    assert task.task_status is world.todo
    assert_data_key_merge(task, fresh)
    assert_deleted(task, relation="comments")


def test_a_task_with_comments_needs_force_to_be_deleted(world: World) -> None:
    task = world.shot_task
    with pytest.raises(errors.BadRequestError):
        task.delete()
    assert not task.is_deleted and world.kitsu.tasks.get(task.id) is task
    assert task.delete(force=True) is True
    assert task.is_deleted
    with pytest.raises(errors.ModelNotFoundError):
        clone(world.kitsu).tasks.get(task.id)


def test_comment_many_comments_every_task_in_one_request(world: World) -> None:
    kitsu = world.kitsu
    tasks = [world.asset_task, world.shot_task]
    assert world.todo.id in {task.task_status_id for task in tasks}
    with RequestLog(kitsu) as log:
        comments = Task.comment_many(tasks, world.wip, "batch note")
    assert [(s.method, s.path) for s in log.writes()] == [("POST", "actions/tasks/batch-comment")]
    assert [c.object_id for c in comments] == [t.id for t in tasks]
    assert all(task.task_status_id == world.wip.id for task in tasks)  # reloaded
    fresh = clone(kitsu)
    for task, comment in zip(tasks, comments):
        again = fresh.comments.get(comment.id)
        assert (again.text, again.object_id, again.task_status_id) == ("batch note", task.id, world.wip.id)
        assert fresh.tasks.get(task.id).task_status_id == world.wip.id
        assert comment.id in fresh.tasks.get(task.id).comments.ids()


def test_task_relations(world: World) -> None:
    task = world.shot_task
    assert task.project is world.project and isinstance(task.project, Project)
    assert task.task_type is world.shot_type and isinstance(task.task_type, TaskType)
    assert task.task_status is world.todo and isinstance(task.task_status, TaskStatus)
    assert task.entity is world.shot and type(task.entity) is Shot
    assert world.asset_task.entity is world.asset and type(world.asset_task.entity) is Asset
    assert task.assigner is world.me and isinstance(task.assigner, Person)
    assert world.asset_task.assigner is None
    assert isinstance(task.assignees, ModelList)
    assert sorted(task.assignees.ids()) == sorted([world.me.id, world.artist.id])  # in the server's order
    assert world.artist in task.assignees and all(isinstance(p, Person) for p in task.assignees)
    assert task.assignees.by_id()[world.artist.id] is world.artist
    assert task.comments.ids() == [world.comment.id] and task.comments[0] is world.comment
    assert task.time_spents.ids() == [world.time_spent.id] and task.time_spents[0] is world.time_spent
    assert world.asset_task.comments == [] and world.asset_task.time_spents == []

    # From a new session, starting at the task: the entity gets its class
    # from its entity type.
    fresh = clone(world.kitsu)
    again = fresh.tasks.get(task.id)
    assert type(again.entity) is Shot and again.entity.id == world.shot.id
    assert again.entity.sequence.id == world.sequence.id
    assert again.project is fresh.projects.get(world.project.id)
    assert type(fresh.tasks.get(world.asset_task.id).entity) is Asset


# --------------------------------------------------------------- Comment
def test_comment_create_read_update_delete(world: World) -> None:
    kitsu = world.kitsu
    fresh = clone(kitsu)
    task = world.asset_task
    comment = Comment(object_id=task.id, person_id=world.me.id, task_status_id=world.wip.id, text="looks good",
                      data={"kept": 1})
    with RequestLog(kitsu) as log:
        comment.save(kitsu)
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("POST", "data/comments", {"object_id": task.id, "object_type": "Task", "person_id": world.me.id,
                                   "task_status_id": world.wip.id, "text": "looks good", "data": {"kept": 1}})
    ]
    assert comment.id and comment.object_type == "Task" and comment.editor_id is None
    assert kitsu.comments.get(comment.id) is comment

    again = fresh.comments.get(comment.id)
    assert (again.text, again.object_id, again.person_id) == ("looks good", task.id, world.me.id)
    assert fresh.comments.filter(task=task).ids() == [comment.id]
    assert fresh.comments.filter(object_id=task.id, author=world.me).ids() == [comment.id]
    assert fresh.comments.first(task=world.shot_task) is fresh.comments.get(world.comment.id)

    # Relations.
    assert comment.task is task and comment.author is world.me
    assert comment.task_status is world.wip and comment.editor is None
    assert comment.mentions == []

    assert_saves_only(comment, "text", "looks great", fresh)
    # The server records who edited it.
    assert comment.editor_id == world.me.id
    assert comment.editor is world.me
    assert_saves_only(comment, "pinned", True, fresh)
    assert_data_key_merge(comment, fresh)
    victim = clone(kitsu).comments.get(comment.id)
    assert_deleted(victim, relation="mentions")


def test_comment_relations(world: World) -> None:
    comment = world.comment
    assert comment.task is world.shot_task and isinstance(comment.task, Task)
    assert comment.author is world.me and isinstance(comment.author, Person)
    assert comment.task_status is world.todo
    assert comment.editor is None
    assert comment.mentions.ids() == [world.artist.id] and comment.mentions[0] is world.artist
    fresh = clone(world.kitsu)
    again = fresh.comments.get(comment.id)
    assert again.task.entity.id == world.shot.id and type(again.task.entity) is Shot
    assert [p.full_name for p in again.mentions] == [world.artist.full_name]


# ------------------------------------------------------------- TimeSpent
def test_time_spent_create_read_update_delete(world: World) -> None:
    kitsu = world.kitsu
    fresh = clone(kitsu)
    task = world.shot_task
    spent = TimeSpent(task_id=task.id, person_id=world.artist.id, duration=30, date=dt.date(2024, 3, 5))
    with RequestLog(kitsu) as log:
        spent.save(kitsu)
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("POST", "data/time-spents",
         {"task_id": task.id, "person_id": world.artist.id, "duration": 30.0, "date": "2024-03-05"})
    ]
    assert spent.id and spent.date == dt.date(2024, 3, 5) and spent.duration == 30.0
    assert kitsu.time_spents.get(spent.id) is spent

    again = fresh.time_spents.get(spent.id)
    assert (again.task_id, again.person_id, again.date) == (task.id, world.artist.id, dt.date(2024, 3, 5))
    assert sorted(fresh.time_spents.filter(task=task).ids()) == sorted([world.time_spent.id, spent.id])
    assert fresh.time_spents.filter(task=task, person=world.artist).ids() == [spent.id]
    assert fresh.time_spents.filter(date=dt.date(2024, 3, 5), task=task).ids() == [spent.id]

    # Relations.
    assert spent.task is task and spent.person is world.artist
    assert isinstance(again.task, Task) and isinstance(again.person, Person)
    assert world.time_spent.person is world.me

    assert_saves_only(spent, "duration", 45.5, fresh)
    assert_saves_only(spent, "date", dt.date(2024, 3, 6), fresh, sent="2024-03-06")
    victim = clone(kitsu).time_spents.get(spent.id)
    assert_deleted(victim, relation="task")


# ------------------------------------------------- cross-model checks
def test_tasks_round_trip(world: World) -> None:
    kitsu, pid = world.kitsu, world.project.id
    for model, object_id in ((TaskType, world.shot_type.id), (TaskStatus, world.todo.id)):
        assert_round_trip(kitsu, model, lambda repo: repo.get(object_id))
        assert_round_trip(kitsu, model, lambda repo: list(repo.get_many([object_id]).values()))
    task_id = world.shot_task.id
    assert_round_trip(kitsu, Task, lambda repo: repo.get(task_id))
    assert_round_trip(kitsu, Task, lambda repo: repo.filter(project=pid))
    assert_round_trip(kitsu, Task, lambda repo: repo.filter(entity=world.asset.id))
    assert_round_trip(kitsu, Task, lambda repo: list(repo.get_many([task_id]).values()))
    assert_round_trip(kitsu, Comment, lambda repo: repo.get(world.comment.id))
    assert_round_trip(kitsu, Comment, lambda repo: repo.filter(task=task_id))
    assert_round_trip(kitsu, TimeSpent, lambda repo: repo.get(world.time_spent.id))
    assert_round_trip(kitsu, TimeSpent, lambda repo: repo.filter(task=task_id))


def test_tasks_wrong_types_send_nothing(world: World) -> None:
    task = world.shot_task
    assert_wrong_type_sends_nothing(task, "estimation", "long")
    assert_wrong_type_sends_nothing(task, "due_date", "someday")
    assert_wrong_type_sends_nothing(task, "assignee_ids", "me")
    assert_wrong_type_sends_nothing(task, "priority", "high")
    assert_wrong_type_sends_nothing(world.comment, "pinned", "sometimes")
    assert_wrong_type_sends_nothing(world.comment, "mention_ids", 3)
    assert_wrong_type_sends_nothing(world.time_spent, "duration", "long")
    assert_wrong_type_sends_nothing(world.time_spent, "date", "someday")
    assert_wrong_type_sends_nothing(world.shot_type, "priority", "high")
    assert_wrong_type_sends_nothing(world.todo, "is_done", "perhaps")
    assert_wrong_type_sends_nothing(world.todo, "short_name", None)


@pytest.mark.parametrize("model", [TaskType, TaskStatus, Task, Comment, TimeSpent], ids=lambda m: m.__name__)
def test_tasks_bad_ids_raise_before_any_request(admin: Kitsu, model: type[Task]) -> None:
    assert_bad_ids_send_nothing(admin, model)
