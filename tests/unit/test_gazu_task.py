"""``gazu.task``'s hand-written functions: what the contract test cannot
see (return values, get-or-create, errors before any request, multipart
layouts, arguments left alone, loaded models kept coherent)."""

from __future__ import annotations

import copy
import inspect
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

import gazu
from kitsu_models.models.processing import PROCESSING_TIMEOUT

from .models_rows import row
from .test_gazu_transfers import _parts

HOST = "http://kitsu.test/api"
TASK, STATUS, PERSON, COMMENT, PREVIEW, ENTITY, TYPE, PROJECT, WIP = (
    f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 10)
)


@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    with responses.RequestsMock() as fake:
        made.fake = fake  # type: ignore[attr-defined]
        yield made


@pytest.fixture
def image(tmp_path: Path) -> Path:
    made = tmp_path / "frame.png"
    made.write_bytes(b"\x89PNG\r\n\x1a\n")
    return made


def _sent(client: Any, index: int = -1) -> dict[str, Any]:
    body = client.fake.calls[index].request.body
    return json.loads(body) if body else {}


def _query(client: Any, index: int = -1) -> dict[str, str]:
    return {key: values[0] for key, values in parse_qs(urlsplit(client.fake.calls[index].request.url).query).items()}


def _routes(client: Any) -> list[str]:
    return [f"{call.request.method} {urlsplit(call.request.url).path.removeprefix('/api/')}"
            for call in client.fake.calls]


# ----------------------------------------------------------------- comments
def test_a_comment_without_attachments_is_one_json_post(client: Any) -> None:
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comment", json={"id": COMMENT})
    checklist = [{"text": "a", "checked": False}]
    given = copy.deepcopy(checklist)
    assert gazu.task.add_comment(TASK, {"id": STATUS}, "ok", PERSON, checklist, client=client) == {"id": COMMENT}
    assert _sent(client) == {"task_status_id": STATUS, "comment": "ok", "checklist": given, "links": [],
                             "for_client": False, "person_id": PERSON}
    assert checklist == given
    progress = inspect.signature(gazu.task.add_comment).parameters["progress_callback"]
    assert progress.kind is inspect.Parameter.KEYWORD_ONLY


def test_a_comment_with_attachments_gives_each_part_its_type_and_for_client_when_true(
    client: Any, image: Path, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("notes")
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comment", json={"id": COMMENT})
    gazu.task.add_comment(TASK, STATUS, "see", attachments=[str(image), str(notes)], links=["https://a"],
                          for_client=True, created_at="2026-01-05T10:00:00", client=client)
    parts = _parts(client.fake.calls[0].request)
    assert "Content-Type: text/plain" in parts["file"][0] and "Content-Type: image/png" in parts["file-1"][0]
    assert parts["for_client"][1] == b"True" and json.loads(parts["links"][1]) == ["https://a"]
    assert parts["created_at"][1] == b"2026-01-05T10:00:00" and "person_id" not in parts


def test_a_comment_expires_the_loaded_task(client: Any) -> None:
    task = client.kitsu.tasks.materialize([row("Task", id=TASK, task_status_id=STATUS)])[0]
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comment", json={"id": COMMENT, "object_id": TASK})
    gazu.task.add_comment(task, WIP, client=client)
    assert "task_status_id" not in task.__dict__  # expired: its status changed on the server
    client.fake.add(responses.GET, f"{HOST}/data/tasks", json=[row("Task", id=TASK, task_status_id=WIP)])
    assert task.task_status_id == WIP and _routes(client)[-1] == "GET data/tasks"  # loaded again


def test_attachments_must_not_be_empty_and_one_path_is_taken(client: Any, image: Path) -> None:
    with pytest.raises(ValueError, match="empty"):
        gazu.task.add_attachment_files_to_comment(TASK, COMMENT, [], client=client)
    assert len(client.fake.calls) == 0
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comments/{COMMENT}/add-attachment", json=[{"id": 1}])
    assert gazu.task.add_attachment_files_to_comment(TASK, COMMENT, str(image), client=client) == [{"id": 1}]
    assert 'filename="frame.png"' in _parts(client.fake.calls[0].request)["file"][0]


def test_start_task_comments_into_the_wip_status(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/task-status", json=[{"id": WIP, "short_name": "wip"}])
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comment", json={"id": COMMENT})
    assert gazu.task.start_task(TASK, person=PERSON, client=client) == {"id": COMMENT}
    assert _query(client, 0) == {"short_name": "wip"}
    assert _sent(client)["task_status_id"] == WIP and _sent(client)["person_id"] == PERSON


def test_start_task_without_a_wip_status_raises_after_the_lookup_only(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/task-status", json=[])
    with pytest.raises(gazu.exception.TaskStatusNotFoundException, match="wip"):
        gazu.task.start_task(TASK, client=client)
    assert _routes(client) == ["GET data/task-status"]
    with pytest.raises(ValueError):
        gazu.task.start_task("../../auth/logout", client=client)
    assert len(client.fake.calls) == 1


def test_batch_comments_send_their_files_in_numbered_parts(client: Any, image: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("n")
    comments = [{"task_status_id": STATUS, "text": "a", "attachment_files": [str(notes)]},
                {"task_status_id": STATUS, "text": "b", "preview_files": [str(image), str(image)]}]
    given = copy.deepcopy(comments)
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/batch-comment", json=[{"id": COMMENT}])
    assert gazu.task.batch_comments(comments, TASK, client=client) == [{"id": COMMENT}]
    parts = _parts(client.fake.calls[0].request)
    assert set(parts) == {"comments", "attachment_file-0-0", "preview_file-1-0", "preview_file-1-1"}
    assert json.loads(parts["comments"][1]) == given and comments == given
    client.fake.add(responses.POST, f"{HOST}/actions/projects/{PROJECT}/tasks/comment-many", json=[])
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/batch-comment", json=[])
    gazu.task.create_multiple_comments(PROJECT, comments, client=client)
    gazu.task.batch_comments(comments[:1], client=client)
    assert set(_parts(client.fake.calls[1].request)) == set(parts)
    assert set(_parts(client.fake.calls[2].request)) == {"comments", "attachment_file-0-0"}


def test_batch_comments_to_several_tasks_share_the_data(client: Any) -> None:
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/batch-comment", json=[])
    data = {"task_status_id": STATUS, "comment": "c"}
    gazu.task.add_tasks_batch_comments([TASK, {"id": ENTITY}], data, client=client)
    assert _sent(client) == {"comments": [{**data, "task_id": TASK}, {**data, "task_id": ENTITY}]}
    assert data == {"task_status_id": STATUS, "comment": "c"}


# ------------------------------------------------------------------ previews
def test_a_preview_upload_waits_for_processing_and_takes_both_names(client: Any, image: Path) -> None:
    seen: list[Any] = []
    upload = client.kitsu.transport.upload

    def spy(*args: Any, **kwargs: Any) -> Any:
        seen.append(kwargs["timeout"])
        return upload(*args, **kwargs)

    client.kitsu.transport.upload = spy
    client.fake.add(responses.POST, f"{HOST}/pictures/preview-files/{PREVIEW}", json={"id": PREVIEW, "status": "ready"})
    answer = gazu.task.upload_preview_file(preview_file=PREVIEW, file_path=str(image), no_job=True, client=client)
    assert answer["status"] == "ready" and _query(client) == {"no_job": "true"}
    assert seen[0].read >= PROCESSING_TIMEOUT
    gazu.task.upload_preview_file(PREVIEW, image, normalize_movie=False, client=client)
    assert _query(client) == {"normalize": "false"}


@pytest.mark.parametrize("arguments", [{}, {"preview": PREVIEW, "preview_file": PREVIEW}, {"preview": PREVIEW}])
def test_a_preview_upload_needs_one_preview_and_a_file(client: Any, image: Path, arguments: dict[str, Any]) -> None:
    file_path: dict[str, Any] = {"file_path": str(image)} if len(arguments) != 1 else {}
    with pytest.raises(ValueError):
        gazu.task.upload_preview_file(**arguments, **file_path, client=client)
    assert len(client.fake.calls) == 0


def test_a_loaded_preview_file_gets_the_uploads_answer(client: Any, image: Path) -> None:
    preview = client.kitsu.preview_files.materialize([row("PreviewFile", id=PREVIEW, status="processing")])[0]
    answer = row("PreviewFile", "get", id=PREVIEW, status="ready")
    client.fake.add(responses.POST, f"{HOST}/pictures/preview-files/{PREVIEW}", json=answer)
    gazu.task.upload_preview_file(preview, image, client=client)
    assert preview.status == "ready" and len(client.fake.calls) == 1


def test_add_preview_creates_then_uploads_and_checks_the_file_first(client: Any, image: Path, tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        gazu.task.add_preview(TASK, COMMENT, client=client)
    with pytest.raises(FileNotFoundError):
        gazu.task.add_preview(TASK, COMMENT, tmp_path / "missing.png", client=client)
    assert len(client.fake.calls) == 0  # no preview left without its file
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comments/{COMMENT}/add-preview", json={"id": PREVIEW})
    client.fake.add(responses.POST, f"{HOST}/pictures/preview-files/{PREVIEW}", json={"id": PREVIEW, "status": "ready"})
    assert gazu.task.add_preview(TASK, COMMENT, str(image), revision=3, client=client)["status"] == "ready"
    assert _sent(client, 0) == {"revision": 3}


def test_a_preview_from_a_url_is_downloaded_without_credentials_and_removed(client: Any) -> None:
    url = "https://cdn.test/renders/take.png"
    client.fake.add(responses.GET, url, body=b"\x89PNG\r\n\x1a\nimage")
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comments/{COMMENT}/preview-files/{PREVIEW}",
                    json={"id": ENTITY})
    client.fake.add(responses.POST, f"{HOST}/pictures/preview-files/{ENTITY}", json={"id": ENTITY})
    gazu.task.add_extra_preview(TASK, COMMENT, PREVIEW, preview_file_url=url, client=client)
    assert "Authorization" not in client.fake.calls[0].request.headers
    head, content = _parts(client.fake.calls[2].request)["file"]
    assert 'filename="take.png"' in head and content == b"\x89PNG\r\n\x1a\nimage"


def test_publish_preview_returns_the_comment_and_the_preview(client: Any, image: Path) -> None:
    with pytest.raises(ValueError):
        gazu.task.publish_preview(TASK, STATUS, "take 2", client=client)
    assert len(client.fake.calls) == 0  # no comment sent without its preview
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comment", json={"id": COMMENT})
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comments/{COMMENT}/add-preview", json={"id": PREVIEW})
    client.fake.add(responses.POST, f"{HOST}/pictures/preview-files/{PREVIEW}", json={"id": PREVIEW, "status": "ready"})
    client.fake.add(responses.PUT, f"{HOST}/actions/preview-files/{PREVIEW}/set-main-preview", json={"id": ENTITY})
    comment, preview = gazu.task.publish_preview(TASK, STATUS, "take 2", preview_file_path=str(image),
                                                 set_thumbnail=True, client=client)
    assert comment == {"id": COMMENT} and preview == {"id": PREVIEW, "status": "ready"}
    assert _routes(client)[-1] == f"PUT actions/preview-files/{PREVIEW}/set-main-preview" and _sent(client) == {}


# --------------------------------------------------------------------- tasks
def test_new_task_returns_the_existing_task(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/task-status", json=[{"id": STATUS}])
    client.fake.add(responses.GET, f"{HOST}/data/tasks", json=[{"id": TASK, "name": "main"}])
    entity = {"id": ENTITY, "project_id": PROJECT}
    assert gazu.task.new_task(entity, TYPE, client=client) == {"id": TASK, "name": "main"}
    assert _query(client, 0) == {"is_default": "True"}
    assert _query(client) == {"name": "main", "task_type_id": TYPE, "entity_id": ENTITY}
    assert len(client.fake.calls) == 2


def test_new_task_creates_with_ids_and_reads_the_project_of_an_entity_id(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/entities/{ENTITY}", json={"id": ENTITY, "project_id": PROJECT})
    client.fake.add(responses.GET, f"{HOST}/data/tasks", json=[])
    client.fake.add(responses.POST, f"{HOST}/data/tasks", json={"id": TASK})
    assignees = [{"id": PERSON}]
    assert gazu.task.new_task(ENTITY, {"id": TYPE}, "fx", STATUS, PERSON, assignees, client=client) == {"id": TASK}
    assert _sent(client) == {"project_id": PROJECT, "entity_id": ENTITY, "task_type_id": TYPE, "task_status_id": STATUS,
                             "assignees": [PERSON], "name": "fx", "assigner_id": PERSON}
    assert assignees == [{"id": PERSON}]


def test_update_task_sends_assignees_as_ids_and_leaves_the_dict_alone(client: Any) -> None:
    client.fake.add(responses.PUT, f"{HOST}/data/tasks/{TASK}", json={"id": TASK})
    task = {"id": TASK, "assignees": [{"id": PERSON}, ENTITY], "priority": 2}
    gazu.task.update_task(task, client=client)
    assert _sent(client) == {"id": TASK, "assignees": [PERSON, ENTITY], "priority": 2}
    assert task["assignees"] == [{"id": PERSON}, ENTITY]


def test_update_task_data_sends_only_the_new_keys_without_reading(client: Any) -> None:
    client.fake.add(responses.PUT, f"{HOST}/data/tasks/{TASK}", json={"id": TASK, "data": {"a": 1, "b": 2}})
    assert gazu.task.update_task_data({"id": TASK}, {"b": 2}, client=client)["data"] == {"a": 1, "b": 2}
    assert _routes(client) == [f"PUT data/tasks/{TASK}"] and _sent(client) == {"id": TASK, "data": {"b": 2}}


def test_removals_are_forced_and_evict_the_loaded_task(client: Any) -> None:
    task = client.kitsu.tasks.materialize([row("Task", id=TASK)])[0]
    client.fake.add(responses.DELETE, f"{HOST}/data/tasks/{TASK}", status=204)
    client.fake.add(responses.DELETE, f"{HOST}/data/task-status/{STATUS}", status=204)
    gazu.task.remove_task(task, client=client)
    gazu.task.remove_task_status({"id": STATUS}, client=client)
    assert _query(client, 0) == {"force": "True"} and _query(client, 1) == {"force": "True"}
    assert client.kitsu.identity.get(type(task), TASK) is None


def test_creating_an_entitys_tasks_expires_the_loaded_entity(client: Any) -> None:
    shot = client.kitsu.shots.materialize([row("Shot", id=ENTITY)])[0]
    client.fake.add(responses.POST, f"{HOST}/data/entities/{ENTITY}/tasks", json=[{"id": TASK}])
    assert gazu.task.create_shot_tasks(shot, [{"id": TYPE}], client=client) == [{"id": TASK}]
    assert _sent(client) == {"task_type_ids": [TYPE]} and "name" not in shot.__dict__  # its tasks load anew


def test_clear_assignations_of_no_task_sends_nothing(client: Any) -> None:
    assert gazu.task.clear_assignations([], client=client) == []
    assert len(client.fake.calls) == 0
    client.fake.add(responses.PUT, f"{HOST}/actions/tasks/clear-assignation", json=[TASK])
    gazu.task.clear_assignations({"id": TASK}, PERSON, client=client)
    assert _sent(client) == {"task_ids": [TASK], "person_id": PERSON}


def test_task_lists_are_sorted_by_name_and_the_project_list_filtered(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/shots/{ENTITY}/tasks", json=[{"name": "b"}, {"name": "a"}])
    assert gazu.task.all_tasks_for_shot(ENTITY, client=client) == [{"name": "a"}, {"name": "b"}]
    client.fake.add(responses.GET, f"{HOST}/data/projects/{PROJECT}/tasks", json=[{"name": "b"}, {"name": "a"}])
    assert gazu.task.all_tasks_for_project(PROJECT, {"id": TYPE}, client=client) == [{"name": "b"}, {"name": "a"}]
    assert _query(client) == {"task_type_id": TYPE}


def test_get_task_reads_the_full_record(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/tasks/{TASK}/full", json={"id": TASK, "project": {"id": PROJECT}})
    assert gazu.task.get_task(TASK, client=client)["project"] == {"id": PROJECT}


def test_get_task_url_reads_the_project_only_when_not_given(client: Any) -> None:
    expected = f"http://kitsu.test/productions/{PROJECT}/shots/tasks/{TASK}/"
    assert gazu.task.get_task_url({"id": TASK, "project_id": PROJECT}, client=client) == expected
    assert len(client.fake.calls) == 0
    client.fake.add(responses.GET, f"{HOST}/data/tasks/{TASK}", json={"id": TASK, "project_id": PROJECT})
    assert gazu.task.get_task_url(TASK, client=client) == expected


def test_a_task_status_color_is_checked_before_sending(client: Any) -> None:
    for color in ("00FF00", "#00GG00", ""):
        with pytest.raises(ValueError):
            gazu.task.new_task_status("Review", "rev", color, client=client)
    assert len(client.fake.calls) == 0


def test_new_task_type_returns_the_existing_type(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/task-types", json=[{"id": TYPE, "name": "FX"}])
    assert gazu.task.new_task_type("FX", for_entity="Shot", client=client) == {"id": TYPE, "name": "FX"}
    assert _query(client) == {"name": "FX", "for_entity": "Shot"} and len(client.fake.calls) == 1


# ---------------------------------------------------------------- time spent
def test_time_spent_with_and_without_a_date(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/actions/tasks/{TASK}/time-spents", json={"total": 1})
    client.fake.add(responses.GET, f"{HOST}/actions/tasks/{TASK}/time-spents/2026-01-05", json={"total": 2})
    assert gazu.task.get_time_spent(TASK, client=client) == {"total": 1}
    assert gazu.task.get_time_spent(TASK, "2026-01-05", client=client) == {"total": 2}


@pytest.mark.parametrize("date", ["05/01/2026", "2026-01-05/../x", "2026-1-5"])
def test_a_time_spent_date_is_checked_before_sending(client: Any, date: str) -> None:
    for function in (gazu.task.add_time_spent, gazu.task.set_time_spent):
        with pytest.raises(ValueError):
            function(TASK, PERSON, date, 60, client=client)
    for reader in (gazu.task.get_time_spent, gazu.task.get_task_time_spent_for_date):
        with pytest.raises(ValueError):
            reader(TASK, date, client=client)
    assert len(client.fake.calls) == 0


# ------------------------------------------------ the spec's three functions
def test_get_task_by_name_is_never_cached(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/tasks", json=[{"id": TASK}])
    gazu.cache.enable()
    try:
        for _ in range(2):
            assert gazu.task.get_task_by_name(ENTITY, TYPE, client=client) == {"id": TASK}
    finally:
        gazu.cache.disable()
    assert len(client.fake.calls) == 2 and _query(client) == {"name": "main", "task_type_id": TYPE, "entity_id": ENTITY}


def test_get_task_by_path_follows_the_match_of_the_entity_type(client: Any) -> None:
    matches = [{"Template": "asset", "Asset": PERSON, "TaskType": TYPE},
               {"Template": "shot", "Shot": ENTITY, "TaskType": TYPE}]
    client.fake.add(responses.POST, f"{HOST}/data/entities/guess_from_path", json=matches)
    client.fake.add(responses.GET, f"{HOST}/data/tasks", json=[{"id": TASK}])
    assert gazu.task.get_task_by_path(PROJECT, "/prod/sh010/fx/v001.ma", client=client) == {"id": TASK}
    assert _sent(client, 0) == {"project_id": PROJECT, "file_path": "/prod/sh010/fx/v001.ma", "sep": "/"}
    assert _query(client) == {"entity_id": ENTITY, "task_type_id": TYPE}
    client.fake.replace(responses.POST, f"{HOST}/data/entities/guess_from_path", json=[])
    assert gazu.task.get_task_by_path(PROJECT, "/elsewhere", client=client) is None


def test_task_to_review_comments_into_the_feedback_status(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/task-status", json=[{"id": WIP}])
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comment", json={"id": COMMENT})
    client.fake.add(responses.GET, f"{HOST}/data/tasks/{TASK}", json={"id": TASK, "task_status_id": WIP})
    assert gazu.task.task_to_review(TASK, PERSON, "please", client=client) == {"id": TASK, "task_status_id": WIP}
    assert _query(client, 0) == {"is_feedback_request": "True"}
    assert _sent(client, 1)["task_status_id"] == WIP and _sent(client, 1)["person_id"] == PERSON
    with pytest.raises(ValueError):
        gazu.task.task_to_review(TASK, PERSON, "please", revision=0, client=client)
    assert len(client.fake.calls) == 3


# ------------------------------------------- found side by side (scenarios)
def test_removing_the_tasks_of_a_type_answers_the_empty_text(client: Any) -> None:
    """The route answers 204 without a body: gazu 1.3.1 gives its text, ""."""
    client.fake.add(responses.DELETE, f"{HOST}/actions/projects/{PROJECT}/task-types/{TYPE}/delete-tasks", status=204)
    assert gazu.task.remove_tasks_for_type(PROJECT, {"id": TYPE}, client=client) == ""


@pytest.mark.parametrize(("function", "route"), [
    (gazu.task.delete_comment_reply, f"data/tasks/{TASK}/comments/{COMMENT}/reply/{ENTITY}"),
    (gazu.task.remove_preview_from_comment, f"actions/tasks/{TASK}/comments/{COMMENT}/preview-files/{ENTITY}"),
])
def test_deletes_answering_json_give_its_text_as_gazu_does(client: Any, function: Any, route: str) -> None:
    """gazu 1.3.1 returns a DELETE's text, even when it is the comment's JSON."""
    comment = client.kitsu.comments.materialize([row("Comment", id=COMMENT, text="before")])[0]
    client.fake.add(responses.DELETE, f"{HOST}/{route}", body='{"id": "%s", "text": "after"}' % COMMENT,
                    content_type="application/json")
    assert function(TASK, comment, {"id": ENTITY}, client=client) == '{"id": "%s", "text": "after"}' % COMMENT
    assert "text" not in comment.__dict__  # the loaded comment is expired: read again when next used
