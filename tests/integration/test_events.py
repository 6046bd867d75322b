"""Typed events from the real event stream of the local Kitsu: each group
of the spec triggered and received with its ids, a restart of the event
server in the middle of a stream of writes (every logged event delivered exactly
once, in order), an access token that expires while disconnected, live
models, and gazu.events on the same listener."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import gazu
import gazu_script
from kitsu_models import (
    Asset, Concept, Department, Edit, Episode, Kitsu, Person, Playlist, Scene, Sequence, Shot, Task, TaskStatus, errors,
    events,
)
from kitsu_models.credentials import Secret, Tokens
from kitsu_models.events import Event

from .test_faults import ApiProcess
from .test_previews import make_png

pytestmark = pytest.mark.server


class Inbox:
    """Every event a stream delivers, with a wait for the ones a test expects."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._changed = threading.Condition()

    def __call__(self, event: Event) -> None:
        with self._changed:
            self.events.append(event)
            self._changed.notify_all()

    def wait(self, found: Callable[[list[Event]], bool], timeout: float = 30.0) -> list[Event]:
        deadline = time.monotonic() + timeout
        with self._changed:
            while not found(self.events):
                left = deadline - time.monotonic()
                assert left > 0, f"not delivered within {timeout} s; got {len(self.events)} events"
                self._changed.wait(left)
            return list(self.events)


@pytest.fixture
def listening(new_session: Callable[..., Kitsu]) -> Iterator[tuple[Kitsu, Inbox]]:
    kitsu = new_session()
    inbox = Inbox()
    kitsu.events.on("*", inbox)
    kitsu.events.start()
    yield kitsu, inbox
    kitsu.events.stop()
    assert not [t for t in threading.enumerate() if t.name.startswith("kitsu-events")], "a listener thread was left"


@pytest.fixture
def events_process(kitsu_server: Any, server_alone: None) -> Iterator[ApiProcess]:
    process = ApiProcess.running(kitsu_server.events_url, "events")
    yield process
    if not process.port_open():  # a failed test must not leave the event stream down
        process.start()


def _ids_of(inbox: list[Event], cls: type[Event], key: str) -> set[str]:
    return {getattr(e, key) for e in inbox if isinstance(e, cls)}


@pytest.mark.slow
def test_each_group_of_the_spec_arrives_typed_with_its_ids(
    listening: tuple[Kitsu, Inbox], kitsu_server: Any, admin: Kitsu
) -> None:
    """The gazu-style production script (assets, shots, tasks, comments,
    previews, files, people, playlists, removals) with a listener on."""
    kitsu, inbox = listening
    gazu.set_host(kitsu_server.api_url)
    gazu.log_in(kitsu_server.admin_email, kitsu_server.admin_password.reveal())
    records = dict(gazu_script.run(uuid.uuid4().hex[:8]))
    records.pop("(called)")  # the functions the script called, not a call's record
    value = {label: result.get("value") for label, result in records.items()}
    department = admin.transport.post("data/departments", {"name": f"dept {uuid.uuid4().hex[:8]}", "color": "#112233"})
    admin.transport.delete(f"data/departments/{department['id']}")
    expected = [
        (events.ProjectNew, "project_id", value["new_project"]["id"]),
        (events.ProjectUpdate, "project_id", value["new_project"]["id"]),
        (events.ProjectDelete, "project_id", value["new_project"]["id"]),
        (events.MetadataDescriptorNew, "metadata_descriptor_id", value["add_metadata_descriptor"]["id"]),
        (events.MetadataDescriptorUpdate, "metadata_descriptor_id", value["add_metadata_descriptor"]["id"]),
        (events.MetadataDescriptorDelete, "metadata_descriptor_id", value["add_metadata_descriptor"]["id"]),
        (events.PersonNew, "person_id", value["new_person"]["id"]),
        (events.PersonUpdate, "person_id", value["new_person"]["id"]),
        (events.PersonSetThumbnail, "person_id", value["new_person"]["id"]),
        (events.AssetTypeNew, "asset_type_id", value["new_asset_type"]["id"]),
        (events.AssetTypeUpdate, "asset_type_id", value["new_asset_type"]["id"]),
        (events.AssetTypeDelete, "asset_type_id", value["new_entity_type"]["id"]),
        (events.AssetNew, "asset_id", value["new_asset"]["id"]),
        (events.AssetUpdate, "asset_id", value["new_asset"]["id"]),
        (events.AssetCastingUpdate, "asset_id", value["new_asset"]["id"]),
        (events.AssetDelete, "asset_id", value["new_asset episode"]["id"]),
        (events.AssetInstanceNew, "asset_instance_id", value["new_asset_asset_instance"]["id"]),
        (events.AssetInstanceAddToShot, "asset_instance_id", value["new_asset_asset_instance"]["id"]),
        (events.AssetInstanceRemoveFromShot, "asset_instance_id", value["new_asset_asset_instance"]["id"]),
        (events.EpisodeNew, "episode_id", value["new_episode"]["id"]),
        (events.EpisodeDelete, "episode_id", value["new_episode"]["id"]),
        (events.SequenceNew, "sequence_id", value["new_sequence"]["id"]),
        (events.SequenceDelete, "sequence_id", value["new_sequence"]["id"]),
        (events.ShotNew, "shot_id", value["new_shot"]["id"]),
        (events.ShotUpdate, "shot_id", value["new_shot"]["id"]),
        (events.ShotCastingUpdate, "shot_id", value["new_shot"]["id"]),
        (events.ShotDelete, "shot_id", value["new_shot"]["id"]),
        (events.TaskTypeNew, "task_type_id", value["new_task_type"]["id"]),
        (events.TaskStatusNew, "task_status_id", value["new_task_status"]["id"]),
        (events.TaskNew, "task_id", value["new_task"]["id"]),
        (events.TaskUpdate, "task_id", value["new_task"]["id"]),
        (events.TaskAssign, "task_id", value["new_task shot"]["id"]),
        (events.TaskStatusChanged, "task_id", value["new_task"]["id"]),
        (events.TaskToReview, "task_id", value["new_task"]["id"]),
        (events.TaskDelete, "task_id", value["new_task shot"]["id"]),
        (events.CommentNew, "comment_id", value["add_comment"]["id"]),
        (events.CommentUpdate, "comment_id", value["add_comment"]["id"]),
        (events.CommentDelete, "comment_id", value["start_task"]["id"]),
        (events.PreviewFileNew, "preview_file_id", value["create_preview"]["id"]),
        (events.PreviewFileAddFile, "preview_file_id", value["add_preview"]["id"]),
        (events.PreviewFileSetMain, "preview_file_id", value["add_preview"]["id"]),
        (events.PreviewFileUpdate, "preview_file_id", value["update_preview"]["id"]),
        (events.WorkingFileNew, "working_file_id", value["new_working_file"]["id"]),
        (events.OutputFileNew, "output_file_id", value["new_entity_output_file"]["id"]),
        (events.OutputFileUpdate, "output_file_id", value["new_entity_output_file"]["id"]),
        (events.OutputFileDelete, "output_file_id", value["new_entity_output_file"]["id"]),
        (events.TimeSpentNew, "time_spent_id", value["set_time_spent"]["id"]),
        (events.TimeSpentUpdate, "time_spent_id", value["set_time_spent"]["id"]),
        (events.DepartmentNew, "department_id", department["id"]),
    ]

    def arrived(seen: list[Event]) -> bool:
        return all(wanted in _ids_of(seen, cls, key) for cls, key, wanted in expected)

    seen = inbox.wait(arrived, timeout=60)
    news = [e for e in seen if isinstance(e, events.NewsNew) and e.project_id == value["new_project"]["id"]]
    assert news, "news:new for the production's comments"
    playlists = {value["new_playlist"]["id"], value["new_playlist project"]["id"]}
    assert _ids_of(seen, events.PlaylistDelete, "playlist_id") & playlists
    assert any(isinstance(e, events.NotificationNew) for e in seen)  # not logged: live only
    assert any(isinstance(e, events.EntityLinkNew) and e.data.get("entity_in_id") for e in seen)  # a record, no ids
    # names the spec does not list arrive generic, with their data
    generic = {e.event_name for e in seen if isinstance(e, events.GenericEvent)}
    assert "software:new" in generic and "file-status:new" in generic
    covered = {cls.name for cls, _, _ in expected} | {"news:new", "notification:new", "entity-link:new", "playlist:delete"}
    print(f"\nevents: {len(seen)} delivered, {len({e.event_name for e in seen})} names, "
          f"{len(covered)} of the spec's 104 checked with their ids, generic: {sorted(generic)}")


def test_the_kinds_the_script_leaves_arrive_typed_too(
    listening: tuple[Kitsu, Inbox], make_project: Any, tmp_path: Path
) -> None:
    """Scenes, edits, concepts, budgets, replies and acknowledgements,
    unassignment, time spent and people removed, the studio's settings,
    news and notifications, scenes' shots, an episode's casting, a
    playlist's entity, thumbnails, a preview removed, made through the
    SDK's models (and its transport where no model exists): 31 more of the
    spec's events."""
    kitsu, inbox = listening
    tag = uuid.uuid4().hex[:8]
    pid = make_project(task_types=["Animation"], task_statuses=["Todo"])["id"]
    t = kitsu.transport
    sequence = Sequence(name=f"SQ {tag}", project_id=pid).save(kitsu)
    scene = Scene(name=f"SC {tag}", project_id=pid, parent_id=sequence.id).save(kitsu)
    scene_id = scene.id
    shot = Shot(name=f"SH {tag}", project_id=pid, parent_id=sequence.id).save(kitsu)
    t.post(f"data/scenes/{scene_id}/shots", {"shot_id": shot.id})
    t.delete(f"data/scenes/{scene_id}/shots/{shot.id}")
    scene.delete(force=True)
    episode = Episode(name=f"EP {tag}", project_id=pid).save(kitsu)
    asset = Asset(name=f"Prop {tag}", project_id=pid, entity_type_id=kitsu.asset_types.all()[0].id).save(kitsu)
    t.put(f"data/projects/{pid}/entities/{episode.id}/casting", [{"asset_id": asset.id, "nb_occurences": 1}])
    playlist = Playlist(name=f"Dailies {tag}", project_id=pid).save(kitsu)
    t.post(f"actions/playlists/{playlist.id}/add-entity", {"entity_id": shot.id})
    thumbnail = tmp_path / "thumbnail.png"
    thumbnail.write_bytes(make_png(32, 32))
    kitsu.projects.get(pid).set_avatar(thumbnail)
    made: dict[str, Any] = {}
    for kind in (Edit, Concept):
        entity = kind(name=f"{kind.__name__} {tag}", project_id=pid).save(kitsu)
        entity.description = "changed"
        entity.save()
        made[kind.__name__] = entity.id
        entity.delete(force=True)
    department = kitsu.departments.first() or Department(name=f"dept {tag}", color="#102030").save(kitsu)
    budget = t.post(f"data/projects/{pid}/budgets", {"name": f"budget {tag}"})
    t.put(f"data/projects/{pid}/budgets/{budget['id']}", {"name": f"budget {tag} v2"})
    line = {"department_id": department.id, "start_date": "2026-12-01", "months_duration": 1, "daily_salary": 300}
    entry = t.post(f"data/projects/{pid}/budgets/{budget['id']}/entries", line)
    # (Zou 1.0.97 sets the keys an update leaves out to null: the whole line is sent.)
    t.put(f"data/projects/{pid}/budgets/{budget['id']}/entries/{entry['id']}", {**line, "months_duration": 2})
    t.delete(f"data/projects/{pid}/budgets/{budget['id']}/entries/{entry['id']}")
    t.delete(f"data/projects/{pid}/budgets/{budget['id']}")
    status = kitsu.task_statuses.get_by_name("Todo")
    task = Task(project_id=pid, entity_id=shot.id, task_type_id=kitsu.task_types.get_by_name("Animation").id,
                task_status_id=status.id, assignees=[kitsu.me.id]).save(kitsu)
    comment = task.comment(status, "a first pass", previews=[thumbnail], wait=True)
    preview_id = comment.previews[0].id
    t.delete(f"data/preview-files/{preview_id}", params={"force": "true"})
    reply = t.post(f"data/tasks/{task.id}/comments/{comment.id}/reply", {"text": "a reply"})
    t.post(f"data/tasks/{task.id}/comments/{comment.id}/ack", {})
    t.post(f"data/tasks/{task.id}/comments/{comment.id}/ack", {})  # a second time: acknowledged no more
    t.delete(f"data/tasks/{task.id}/comments/{comment.id}/reply/{reply['id']}")
    spent = t.post(f"actions/tasks/{task.id}/time-spents/2026-12-01/persons/{kitsu.me.id}", {"duration": 60})
    t.delete(f"data/time-spents/{spent['id']}")
    task.assignee_ids = []
    task.save()
    person = Person(first_name="Leaving", last_name=tag, email=f"leaving-{tag}@kitsu-tests.com").save(kitsu)
    person_id = person.id
    person.delete()
    organisation = kitsu.organisations.all()[0]
    hours = organisation.hours_by_day
    organisation.hours_by_day = hours + 1
    organisation.save()
    organisation.hours_by_day = hours
    organisation.save()
    organisation.set_avatar(thumbnail)  # the studio's logo
    t.post("actions/user/notifications/mark-all-as-read", {})
    news = inbox.wait(lambda seen: any(isinstance(e, events.NewsNew) and e.project_id == pid for e in seen))
    news_id = next(e.news_id for e in news if isinstance(e, events.NewsNew) and e.project_id == pid)
    t.delete(f"data/news/{news_id}")
    expected = [
        (events.SceneNew, "scene_id", scene_id), (events.SceneDelete, "scene_id", scene_id),
        (events.ShotAddToScene, "shot_id", shot.id), (events.ShotRemoveFromScene, "shot_id", shot.id),
        (events.EpisodeCastingUpdate, "episode_id", episode.id), (events.PlaylistAddEntity, "playlist_id", playlist.id),
        (events.ProjectSetThumbnail, "project_id", pid), (events.PreviewFileDelete, "preview_file_id", preview_id),
        (events.EditNew, "edit_id", made["Edit"]), (events.EditUpdate, "edit_id", made["Edit"]),
        (events.EditDelete, "edit_id", made["Edit"]),
        (events.ConceptNew, "concept_id", made["Concept"]), (events.ConceptUpdate, "concept_id", made["Concept"]),
        (events.ConceptDelete, "concept_id", made["Concept"]),
        (events.BudgetCreate, "budget_id", budget["id"]), (events.BudgetUpdate, "budget_id", budget["id"]),
        (events.BudgetDelete, "budget_id", budget["id"]),
        (events.BudgetEntryCreate, "budget_entry_id", entry["id"]),
        (events.BudgetEntryUpdate, "budget_entry_id", entry["id"]),
        (events.BudgetEntryDelete, "budget_entry_id", entry["id"]),
        (events.CommentReply, "comment_id", comment.id), (events.CommentAcknowledge, "comment_id", comment.id),
        (events.CommentUnacknowledge, "comment_id", comment.id), (events.CommentDeleteReply, "comment_id", comment.id),
        (events.TaskUnassign, "task_id", task.id), (events.TimeSpentDelete, "time_spent_id", spent["id"]),
        (events.PersonDelete, "person_id", person_id),
        (events.OrganisationUpdate, "organisation_id", organisation.id),
        (events.OrganisationSetThumbnail, "organisation_id", organisation.id),
        (events.NotificationAllRead, "person_id", kitsu.me.id), (events.NewsDelete, "news_id", news_id),
    ]
    seen = inbox.wait(lambda seen: all(wanted in _ids_of(seen, cls, key) for cls, key, wanted in expected), timeout=60)
    assert reply["id"] and next(e for e in seen if isinstance(e, events.CommentReply)).project_id == pid
    assert all(type(e) is not events.GenericEvent for e in seen if e.event_name in {cls.name for cls, _, _ in expected})


def test_an_entitys_chat_arrives_typed_with_its_data(listening: tuple[Kitsu, Inbox], make_project: Any) -> None:
    """Joining a shot's chat, posting and deleting a message, leaving: the
    four ``chat:*`` events of the spec, typed, with the server's data (the
    spec names no id keys for them; the server sends the chat's and the
    message's ids). Not logged by the server: live only."""
    kitsu, inbox = listening
    tag = uuid.uuid4().hex[:8]
    pid = make_project()["id"]
    sequence = Sequence(name=f"SQ {tag}", project_id=pid).save(kitsu)
    shot = Shot(name=f"SH {tag}", project_id=pid, parent_id=sequence.id).save(kitsu)
    t = kitsu.transport
    chat = t.post(f"actions/user/chats/{shot.id}/join", {})
    message = t.post(f"data/entities/{shot.id}/chat/messages", {"message": f"first take {tag}"})
    t.delete(f"data/entities/{shot.id}/chat/messages/{message['id']}")
    t.delete(f"actions/user/chats/{shot.id}/join")
    me = kitsu.me.id

    def arrived(seen: list[Event]) -> bool:
        return all(any(isinstance(e, cls) and e.data.get("chat_id") == chat["id"] for e in seen) for cls in (
            events.ChatJoined, events.ChatNewMessage, events.ChatDeletedMessage, events.ChatLeft))

    seen = [e for e in inbox.wait(arrived) if e.data.get("chat_id") == chat["id"]]
    assert [type(e) for e in seen] == [events.ChatJoined, events.ChatNewMessage, events.ChatDeletedMessage, events.ChatLeft]
    assert seen[0].data["person_id"] == seen[3].data["person_id"] == me
    assert seen[1].data["chat_message_id"] == seen[2].data["chat_message_id"] == message["id"]
    assert all(e.event_name in events.NOT_LOGGED for e in seen)


def test_a_recast_asset_a_drawn_preview_and_a_status_change_arrive_typed(
    listening: tuple[Kitsu, Inbox], make_project: Any, tmp_path: Path
) -> None:
    """Casting an asset in a shot that has a task, changing its count,
    deleting the link, annotating the task's preview, changing a status's
    colour: ``entity-link:update`` and ``:delete``,
    ``task:update-casting-stats`` (live only: not logged),
    ``preview-file:annotation-update`` and ``task-status:update``, typed,
    with their ids."""
    kitsu, inbox = listening
    tag = uuid.uuid4().hex[:8]
    pid = make_project(task_types=["Animation"], task_statuses=["Todo"])["id"]
    sequence = Sequence(name=f"SQ {tag}", project_id=pid).save(kitsu)
    shot = Shot(name=f"SH {tag}", project_id=pid, parent_id=sequence.id).save(kitsu)
    asset = Asset(name=f"Prop {tag}", project_id=pid, entity_type_id=kitsu.asset_types.all()[0].id).save(kitsu)
    status = kitsu.task_statuses.get_by_name("Todo")
    task = Task(project_id=pid, entity_id=shot.id, task_type_id=kitsu.task_types.get_by_name("Animation").id,
                task_status_id=status.id).save(kitsu)
    t = kitsu.transport
    t.put(f"data/projects/{pid}/entities/casting/assets/{asset.id}", {"entity_ids": [shot.id], "nb_occurences": 1})
    t.put(f"data/projects/{pid}/entities/casting/assets/{asset.id}", {"entity_ids": [shot.id], "nb_occurences": 2})
    picture = tmp_path / "frame.png"
    picture.write_bytes(make_png(32, 32))
    preview_id = task.comment(status, "a frame", previews=[picture], wait=True).previews[0].id
    t.put(f"actions/preview-files/{preview_id}/update-annotations", {"additions": [], "updates": [], "deletions": []})
    link = kitsu.entity_links.first(entity_in_id=shot.id)
    assert link is not None
    link_id = link.id
    link.delete()
    colour = TaskStatus(name=f"Colour {tag}", short_name=f"c{tag[:4]}", color="#102030").save(kitsu)
    colour.color = "#302010"
    colour.save()
    colour.delete()
    expected = [
        (events.TaskUpdateCastingStats, "task_id", task.id),
        (events.PreviewFileAnnotationUpdate, "preview_file_id", preview_id),
        (events.TaskStatusUpdate, "task_status_id", colour.id),
    ]

    def of_link(seen: list[Event], cls: type[Event]) -> list[Event]:  # "link data": the spec names no id key
        return [e for e in seen if isinstance(e, cls) and e.data.get("entity_link_id") == link_id]

    seen = inbox.wait(
        lambda seen: bool(of_link(seen, events.EntityLinkUpdate)) and bool(of_link(seen, events.EntityLinkDelete))
        and all(wanted in _ids_of(seen, cls, key) for cls, key, wanted in expected),
        timeout=60,
    )
    assert of_link(seen, events.EntityLinkUpdate)[0].data["nb_occurences"] == 2
    drawn = next(e for e in seen if isinstance(e, events.PreviewFileAnnotationUpdate))
    assert drawn.project_id == pid and drawn.preview_file.id == preview_id


def test_a_production_schedule_arrives_typed(listening: tuple[Kitsu, Inbox], make_project: Any) -> None:
    """Reading a production's schedule makes its items (``schedule-item:new``
    per task type that has tasks); copying one schedule version onto
    another updates it (``production_schedule_version:update``, the spec's
    one underscored name)."""
    kitsu, inbox = listening
    tag = uuid.uuid4().hex[:8]
    pid = make_project(task_types=["Animation"], task_statuses=["Todo"])["id"]
    sequence = Sequence(name=f"SQ {tag}", project_id=pid).save(kitsu)
    shot = Shot(name=f"SH {tag}", project_id=pid, parent_id=sequence.id).save(kitsu)
    animation = kitsu.task_types.get_by_name("Animation")
    Task(project_id=pid, entity_id=shot.id, task_type_id=animation.id,
         task_status_id=kitsu.task_statuses.get_by_name("Todo").id).save(kitsu)
    t = kitsu.transport
    items = t.get(f"data/projects/{pid}/schedule-items/task-types")
    versions = [t.post("data/production-schedule-versions", {"name": f"v{n}", "project_id": pid}) for n in (1, 2)]
    t.post(f"actions/production-schedule-versions/{versions[0]['id']}/set-task-links-from-production-schedule-version",
           {"production_schedule_version_id": versions[1]["id"]})
    expected = [(events.ScheduleItemNew, "schedule_item_id", item["id"]) for item in items] + [
        (events.ProductionScheduleVersionUpdate, "production_schedule_version_id", versions[0]["id"]),
    ]
    seen = inbox.wait(lambda seen: all(wanted in _ids_of(seen, cls, key) for cls, key, wanted in expected), timeout=60)
    assert [item["task_type_id"] for item in items] == [animation.id]
    made = next(e for e in seen if isinstance(e, events.ScheduleItemNew) and e.schedule_item_id == items[0]["id"])
    assert made.project_id == pid


def test_a_notification_read_and_unread_arrives_typed(
    listening: tuple[Kitsu, Inbox], make_project: Any, kitsu_server: Any
) -> None:
    """A supervisor comments on a task assigned to the listener's user: the
    user's notification, marked read then unread, gives
    ``notification:read`` and ``notification:unread`` with its id."""
    kitsu, inbox = listening
    tag = uuid.uuid4().hex[:8]
    pid = make_project(task_types=["Animation"], task_statuses=["Todo"])["id"]
    password = Secret(f"Pw-{uuid.uuid4().hex}")
    email = f"supervisor-{tag}@kitsu-tests.com"
    record = kitsu.transport.post("data/persons", {
        "first_name": "Supervisor", "last_name": tag, "email": email, "password": password.reveal(),
        "role": "supervisor",
    })
    supervisor: Kitsu | None = None
    try:
        project = kitsu.projects.get(pid)
        project.add_person(kitsu.persons.get(record["id"]))
        sequence = Sequence(name=f"SQ {tag}", project_id=pid).save(kitsu)
        shot = Shot(name=f"SH {tag}", project_id=pid, parent_id=sequence.id).save(kitsu)
        todo = kitsu.task_statuses.get_by_name("Todo")
        task = Task(project_id=pid, entity_id=shot.id, task_type_id=kitsu.task_types.get_by_name("Animation").id,
                    task_status_id=todo.id, assignees=[kitsu.me.id]).save(kitsu)
        supervisor = Kitsu.login(kitsu_server.api_url, email, password)
        supervisor.tasks.get(task.id).comment(todo, "please look again")
        mine = [n for n in kitsu.transport.get("data/user/notifications") if n.get("task_id") == task.id]
        assert mine, "the assignee is notified of the supervisor's comment"
        notification_id = mine[0]["id"]
        kitsu.transport.put(f"data/user/notifications/{notification_id}", {"read": True})
        kitsu.transport.put(f"data/user/notifications/{notification_id}", {"read": False})
        expected = [(events.NotificationRead, "notification_id", notification_id),
                    (events.NotificationUnread, "notification_id", notification_id)]
        seen = inbox.wait(lambda seen: all(wanted in _ids_of(seen, cls, key) for cls, key, wanted in expected))
        read = next(e for e in seen if isinstance(e, events.NotificationRead) and e.notification_id == notification_id)
        assert read.data["person_id"] == kitsu.me.id
    finally:
        if supervisor is not None:
            supervisor.log_out()
        kitsu.transport.delete(f"data/persons/{record['id']}", params={"force": "true"})


def test_a_subject_loads_through_the_session_and_a_deleted_one_is_a_typed_not_found(
    listening: tuple[Kitsu, Inbox], make_project: Any
) -> None:
    kitsu, inbox = listening
    row = make_project(asset_types=["Character"])
    character = kitsu.asset_types.get_by_name("Character")
    asset = kitsu.transport.post(f"data/projects/{row['id']}/asset-types/{character.id}/assets/new",
                                 {"name": f"evt {uuid.uuid4().hex[:6]}", "description": ""})
    seen = inbox.wait(lambda got: asset["id"] in _ids_of(got, events.AssetNew, "asset_id"))
    event = next(e for e in seen if isinstance(e, events.AssetNew) and e.asset_id == asset["id"])
    assert event.asset.name == asset["name"] and event.asset is kitsu.assets.get(asset["id"])  # the identity map's
    kitsu.transport.delete(f"data/assets/{asset['id']}", {"force": "true"})
    kitsu.identity.evict(kitsu.assets.get(asset["id"]))
    with pytest.raises(errors.ModelNotFoundError):
        event.asset  # noqa: B018


def test_live_models_follow_updates_and_deletions(new_session: Callable[..., Kitsu], make_project: Any) -> None:
    kitsu = new_session()
    kitsu.events.live_models = True
    inbox = Inbox()
    kitsu.events.on("*", inbox)
    writer = new_session()
    row = make_project(asset_types=["Character"])
    character = writer.asset_types.get_by_name("Character")
    created = writer.transport.post(f"data/projects/{row['id']}/asset-types/{character.id}/assets/new",
                                    {"name": f"live {uuid.uuid4().hex[:6]}", "description": "before"})
    loaded = kitsu.assets.get(created["id"])
    with kitsu.events:
        writer.transport.put(f"data/entities/{created['id']}", {"description": "after"})
        inbox.wait(lambda got: created["id"] in _ids_of(got, events.AssetUpdate, "asset_id"))
        assert loaded.description == "after"  # refreshed before the callbacks ran
        writer.transport.delete(f"data/assets/{created['id']}", {"force": "true"})
        inbox.wait(lambda got: created["id"] in _ids_of(got, events.AssetDelete, "asset_id"))
        assert loaded.is_deleted


@pytest.mark.slow
def test_a_restart_of_the_event_stream_loses_nothing(
    listening: tuple[Kitsu, Inbox], events_process: ApiProcess, make_project: Any, admin: Kitsu
) -> None:
    """Assets created without a pause while the event server is stopped
    after the 40th, started again 3 s later, and the listener reconnects
    and replays; 100 more once it is back (about 360 in all here, some of
    them written while the listener reads the log). Each asset:new the log holds
    is delivered exactly once, in the log's order (live before the drop,
    replayed for the outage, live again after)."""
    kitsu, inbox = listening
    row = make_project(asset_types=["Character"])
    character = admin.asset_types.get_by_name("Character")
    route = f"data/projects/{row['id']}/asset-types/{character.id}/assets/new"
    created: list[str] = []
    outage: list[float] = []
    stopped = threading.Event()

    def restart() -> None:
        down = events_process.stop()
        stopped.set()
        time.sleep(3.0)
        outage.append(events_process.start() - down)

    def create() -> None:
        created.append(admin.transport.post(route, {"name": f"restart {len(created):03d}", "description": ""})["id"])

    for _ in range(40):
        create()
    restarter = threading.Thread(target=restart)
    restarter.start()
    assert stopped.wait(30)
    deadline = time.monotonic() + 90
    while not (outage and kitsu.events.stats["reconnections"] >= 1 and kitsu.events.connected):
        assert time.monotonic() < deadline, "the listener did not reconnect"
        create()
        time.sleep(0.01)
    restarter.join()
    back = len(created)
    for _ in range(100):
        create()
    mine = set(created)
    seen = inbox.wait(lambda got: mine <= _ids_of(got, events.AssetNew, "asset_id"), timeout=90)
    delivered = [e for e in seen if isinstance(e, events.AssetNew) and e.asset_id in mine]
    log = [e for e in admin.transport.get("data/events/last", {"limit": 1000, "project_id": row["id"]})
           if e["name"] == "asset:new"]
    in_log = [e["data"]["asset_id"] for e in reversed(log)]
    replayed = sum(e.replayed for e in delivered)
    print(f"\nevent server restart: outage {outage[0]:.1f} s, {len(delivered)} delivered for {len(created)} writes "
          f"({back} before the listener was back), "
          f"{replayed} replayed from the log, {kitsu.events.stats['reconnections']} reconnection(s)")
    assert [e.asset_id for e in delivered] == in_log == created  # exactly once, in order
    assert replayed > 0 and kitsu.events.stats["reconnections"] >= 1


@pytest.mark.slow
def test_a_token_that_expired_while_disconnected_is_refreshed_on_reconnect(
    listening: tuple[Kitsu, Inbox], events_process: ApiProcess, make_project: Any, admin: Kitsu
) -> None:
    kitsu, inbox = listening
    row = make_project(asset_types=["Character"])
    character = admin.asset_types.get_by_name("Character")
    events_process.stop()
    tokens = kitsu.transport.tokens
    assert tokens is not None
    kitsu.transport.tokens = Tokens(Secret("not.a.valid-token"), tokens.refresh)  # as an expired one is refused
    created = admin.transport.post(f"data/projects/{row['id']}/asset-types/{character.id}/assets/new",
                                   {"name": f"away {uuid.uuid4().hex[:6]}", "description": ""})
    events_process.start()
    seen = inbox.wait(lambda got: created["id"] in _ids_of(got, events.AssetNew, "asset_id"), timeout=60)
    event = next(e for e in seen if isinstance(e, events.AssetNew) and e.asset_id == created["id"])
    assert event.replayed and kitsu.events.connected
    assert kitsu.transport.tokens is not None and kitsu.transport.tokens.access.reveal() != "not.a.valid-token"


def test_gazu_events_give_the_data_dicts(kitsu_server: Any, make_project: Any, admin: Kitsu) -> None:
    client = gazu.client.create_client(kitsu_server.api_url)
    gazu.log_in(kitsu_server.admin_email, kitsu_server.admin_password.reveal(), client=client)
    gazu.set_event_host(kitsu_server.events_url, client=client)
    received: list[dict[str, Any]] = []
    decorated: list[dict[str, Any]] = []
    event_client = gazu.events.init(client)
    gazu.events.add_listener(event_client, "asset:new", received.append)

    @event_client.on("asset:new", namespace="/events")  # as with python-socketio's client
    def _on_new_asset(data: dict[str, Any]) -> None:
        decorated.append(data)

    runner = threading.Thread(target=gazu.events.run_client, args=(event_client,))
    runner.start()
    try:
        row = make_project(asset_types=["Character"])
        character = admin.asset_types.get_by_name("Character")
        asset = gazu.asset.new_asset(row["id"], character.id, f"gazu evt {uuid.uuid4().hex[:6]}", client=client)
        deadline = time.monotonic() + 20
        while not all(any(data.get("asset_id") == asset["id"] for data in got) for got in (received, decorated)):
            assert time.monotonic() < deadline, received
            time.sleep(0.05)
        data = next(d for d in received if d.get("asset_id") == asset["id"])
        assert data["project_id"] == row["id"] and isinstance(data, dict)
        assert event_client.connected
    finally:
        event_client.disconnect()
        runner.join(10)
    assert not runner.is_alive()


@pytest.mark.slow
def test_a_new_listener_delivers_nothing_from_before_it_started_and_a_resumed_one_exactly_what_followed(
    new_session: Callable[..., Kitsu], make_project: Any, admin: Kitsu
) -> None:
    """15 writes, then a listener whose log reads come every second: none of
    the 15 arrives, past several reads; a write after it started arrives
    once. A listener started later with ``since=`` the first one's cursor
    delivers exactly the writes made in between, replayed."""
    row = make_project(asset_types=["Character"])
    character = admin.asset_types.get_by_name("Character")
    route = f"data/projects/{row['id']}/asset-types/{character.id}/assets/new"

    def create(label: str) -> str:
        return str(admin.transport.post(route, {"name": f"{label} {uuid.uuid4().hex[:6]}", "description": ""})["id"])

    before = {create("before") for _ in range(15)}
    kitsu, inbox = new_session(), Inbox()
    stream = events.EventStream(kitsu, checkpoint=1.0)
    stream.on(events.AssetNew, inbox)
    with stream:
        time.sleep(3.5)  # three log reads
        after = create("after")
        inbox.wait(lambda got: after in _ids_of(got, events.AssetNew, "asset_id"))
        time.sleep(1.5)
        cursor = stream.cursor
    delivered = [e.asset_id for e in inbox.events if isinstance(e, events.AssetNew)]
    assert not before & set(delivered) and delivered.count(after) == 1
    missed = [create("while away") for _ in range(3)]
    resumed, replays = new_session(), Inbox()
    later = events.EventStream(resumed, checkpoint=1.0, since=cursor)
    later.on(events.AssetNew, replays)
    with later:
        replays.wait(lambda got: set(missed) <= _ids_of(got, events.AssetNew, "asset_id"))
        time.sleep(1.5)
    got = [(e.asset_id, e.replayed) for e in replays.events if isinstance(e, events.AssetNew)]
    assert got == [(asset_id, True) for asset_id in missed]
