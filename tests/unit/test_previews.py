"""Previews and attachments against ``responses`` (and one raw socket):
what is sent when publishing, progress over a whole call, the typed errors
(too large, processing failed or too slow), bounded waiting, the relations
on rows that lack their id lists, and downloads that get no file."""

from __future__ import annotations

import json
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import errors
from kitsu_models.models import Comment, PreviewFile, Task, TaskStatus, previews
from kitsu_models.models.processing import PreviewProcessingError, PreviewProcessingTimeoutError
from kitsu_models.session import Kitsu
from kitsu_models.streaming import MultipartBody
from kitsu_models.transport import Transport

from .conftest import API
from .models_rows import new_id, row

#: What Zou (werkzeug) answers when a body exceeds MAX_CONTENT_LENGTH
#: (10 GiB by default, from the MAX_CONTENT_LENGTH environment variable).
ZOU_413 = {"error": True, "message": "The data value transmitted exceeds the capacity limit."}


# --------------------------------------------------------------- helpers
class Clock:
    """A fake clock for the polling loop: sleeping advances it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    fake = Clock()
    monkeypatch.setattr(previews, "_monotonic", fake.monotonic)
    monkeypatch.setattr(previews, "_sleep", fake.sleep)
    return fake


@pytest.fixture
def task(kitsu: Kitsu) -> Task:
    return kitsu.tasks.materialize([row("Task", "get", id=new_id())])[0]


@pytest.fixture
def wip(kitsu: Kitsu) -> TaskStatus:
    return kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0]


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    made = {"png": tmp_path / "frame.png", "mov": tmp_path / "shot.mov", "txt": tmp_path / "notes.txt",
            "bin": tmp_path / "data.bin"}
    made["png"].write_bytes(b"\x89PNG fake" * 100)
    made["mov"].write_bytes(os.urandom(300_000))
    made["txt"].write_text("hello\n", encoding="utf-8")
    made["bin"].write_bytes(os.urandom(5000))
    return made


def comment_row(task: Task, comment_id: str, attachments: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return row("Comment", "create", id=comment_id, object_id=task.id, attachment_files=attachments or [])


def preview_row(task: Task, preview_id: str, shape: str = "create", **changes: Any) -> dict[str, Any]:
    return row("PreviewFile", shape, id=preview_id, task_id=task.id, **changes)


def expect_refresh(mocked: responses.RequestsMock, task: Task) -> None:
    mocked.get(API + f"data/tasks/{task.id}", json=row("Task", "get", id=task.id))


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(call.request.url).query)


def calls_to(mocked: responses.RequestsMock, method: str, suffix: str) -> list[Any]:
    return [c for c in mocked.calls if c.request.method == method and urlparse(str(c.request.url)).path.endswith(suffix)]


def body_of(call: Any) -> bytes:
    data = call.request.body
    assert isinstance(data, bytes), type(data)
    return data


# ------------------------------------------------------------ publishing
def test_a_plain_comment_is_one_json_post(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, wip: TaskStatus
) -> None:
    comment_id, person_id = new_id(), new_id()
    mocked.post(API + f"actions/tasks/{task.id}/comment", json=comment_row(task, comment_id), status=201)
    expect_refresh(mocked, task)
    comment = task.comment(wip, "ok", checklist=[{"text": "a", "checked": True}], links=["https://x"],
                           person=person_id)
    body = json.loads(body_of(mocked.calls[0]))
    assert body == {"task_status_id": wip.id, "comment": "ok", "checklist": [{"text": "a", "checked": True}],
                    "links": ["https://x"], "for_client": False, "person_id": person_id}
    assert isinstance(comment, Comment) and comment.id == comment_id
    assert comment.previews == [] and comment.attachments == []
    assert len(mocked.calls) == 2  # the comment, the task's reload: the empty relations are known
    # add_comment is the same call.
    mocked.post(API + f"actions/tasks/{task.id}/comment", json=comment_row(task, new_id()), status=201)
    task.add_comment(wip, "again")
    assert json.loads(body_of(mocked.calls[2]))["comment"] == "again"


def test_attachments_and_previews_in_one_call(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, wip: TaskStatus, files: dict[str, Path]
) -> None:
    comment_id, first, second = new_id(), new_id(), new_id()
    attached = [{"id": new_id(), "name": "notes.txt", "extension": "txt", "size": 6},
                {"id": new_id(), "name": "data.bin", "extension": "bin", "size": 5000}]
    mocked.post(API + f"actions/tasks/{task.id}/comment", json=comment_row(task, comment_id, attached), status=201)
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment_id}/add-preview",
                json=preview_row(task, first), status=201)
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment_id}/add-preview",
                json=preview_row(task, second, position=2), status=201)
    mocked.post(API + f"pictures/preview-files/{first}", json=preview_row(task, first, "list"), status=201)
    mocked.post(API + f"pictures/preview-files/{second}",
                json=preview_row(task, second, "list", position=2, extension="mp4", original_name="shot"), status=201)
    expect_refresh(mocked, task)
    reports: list[tuple[int, int | None]] = []

    comment = task.comment(wip, "v2", previews=[files["png"], files["mov"]],
                           attachments=[files["txt"], files["bin"]], for_client=True,
                           progress=lambda done, total: reports.append((done, total)))

    multipart = body_of(mocked.calls[0])
    assert mocked.calls[0].request.headers["Content-Type"].startswith("multipart/form-data")
    assert b'name="file"; filename="notes.txt"' in multipart
    assert b'name="file-1"; filename="data.bin"' in multipart  # one part name per file
    assert b'name="checklist"\r\n\r\n[]' in multipart and b'name="for_client"\r\n\r\ntrue' in multipart
    # Typed results, in order, linked both ways.
    assert [p.id for p in comment.previews] == [first, second]
    assert all(isinstance(p, PreviewFile) and p.comment is comment for p in comment.previews)
    assert comment.preview_ids == [first, second]
    assert [(a.name, a.comment_id) for a in comment.attachments] == [("notes.txt", comment_id), ("data.bin", comment_id)]
    # Progress counts every body of the call, once, in order.
    bodies = [len(body_of(mocked.calls[i])) for i in (0, 2, 4)]
    assert [str(c.request.url).rsplit("/", 1)[-1] for c in mocked.calls][:5] == [
        "comment", "add-preview", first, "add-preview", second]
    total = sum(bodies)
    assert reports[-1] == (total, total) and all(t == total for _, t in reports)
    done = [d for d, _ in reports]
    assert done == sorted(done)
    assert bodies[0] in done and bodies[0] + bodies[1] in done  # each request ends at its own boundary
    assert MultipartBody([("file", files["mov"])]).length == bodies[2]


# ---------------------------------------------------------- upload errors
@pytest.mark.parametrize(
    ("message", "limit"),
    [(ZOU_413["message"], None), ("Request body too large: the limit is 100 MB", 100 * 1024**2)],
)
def test_a_preview_too_large_gives_the_typed_error_and_leaves_no_empty_preview(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, files: dict[str, Path], message: str, limit: int | None
) -> None:
    comment = kitsu.comments.materialize([comment_row(task, new_id())])[0]
    preview_id = new_id()
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment.id}/add-preview",
                json=preview_row(task, preview_id), status=201)
    mocked.post(API + f"pictures/preview-files/{preview_id}", json={"error": True, "message": message}, status=413)
    mocked.delete(API + f"data/preview-files/{preview_id}", status=204)
    with pytest.raises(errors.PayloadTooLargeError) as caught:
        task.add_preview(comment, files["mov"])
    error = caught.value
    assert error.status == 413 and error.limit == limit
    assert message in str(error) and "shot.mov: 300000 bytes" in str(error)
    if limit:
        assert f"at most {limit}" in str(error)
    assert len(calls_to(mocked, "DELETE", preview_id)) == 1  # the empty record is removed
    assert comment.preview_ids == [] and kitsu.identity.get(PreviewFile, preview_id) is None


def test_an_early_413_over_a_real_socket_is_the_typed_error(tmp_path: Path) -> None:
    """A server that answers 413 from the headers alone and closes while
    the client is still sending (what a body limit looks like on the wire)."""
    big = tmp_path / "movie.mov"
    big.write_bytes(os.urandom(20 * 1024 * 1024))
    body = json.dumps(ZOU_413).encode()
    listener = socket.create_server(("127.0.0.1", 0))
    received: list[int] = []

    def serve() -> None:
        conn, _ = listener.accept()
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(65536)
        received.append(len(data))
        conn.sendall(b"HTTP/1.1 413 REQUEST ENTITY TOO LARGE\r\nContent-Type: application/json\r\n"
                     b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body) + body)
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    transport = Transport(f"http://127.0.0.1:{listener.getsockname()[1]}")
    try:
        with pytest.raises(errors.PayloadTooLargeError) as caught:
            transport.upload("pictures/preview-files/p", [("file", big)])
    finally:
        thread.join(timeout=5)
        listener.close()
        transport.close()
    assert caught.value.message == ZOU_413["message"] and caught.value.limit is None
    assert received and received[0] < big.stat().st_size  # refused long before the end


def test_a_processing_failure_during_the_upload_is_an_upload_error(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, files: dict[str, Path]
) -> None:
    comment = kitsu.comments.materialize([comment_row(task, new_id())])[0]
    preview_id = new_id()
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment.id}/add-preview",
                json=preview_row(task, preview_id), status=201)
    mocked.post(API + f"pictures/preview-files/{preview_id}", status=500, json={
        "error": True, "message": "Movie preview normalization failed.", "data": {"reason": "ffmpeg exited 1"}})
    mocked.get(API + f"data/preview-files/{preview_id}", status=404, json={"message": "not found"})
    with pytest.raises(PreviewProcessingError) as caught:
        task.add_preview(comment, files["mov"])
    error = caught.value
    assert isinstance(error, errors.UploadError) and isinstance(error.__cause__, errors.ServerError)
    assert preview_id in str(error) and "shot.mov" in str(error) and "ffmpeg exited 1" in str(error)
    assert error.preview_file.id == preview_id and error.preview_file.is_deleted  # the server deleted it
    assert error.comment is comment and comment.preview_ids == []
    assert calls_to(mocked, "DELETE", preview_id) == []


def test_a_picture_that_fails_to_process_stays_broken(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, files: dict[str, Path]
) -> None:
    comment = kitsu.comments.materialize([comment_row(task, new_id())])[0]
    preview_id = new_id()
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment.id}/add-preview",
                json=preview_row(task, preview_id), status=201)
    mocked.post(API + f"pictures/preview-files/{preview_id}", status=500,
                json={"error": True, "message": "Internal server error."})
    mocked.get(API + f"data/preview-files/{preview_id}", json=preview_row(task, preview_id, "get", status="broken"))
    with pytest.raises(PreviewProcessingError, match="Internal server error") as caught:
        task.add_preview(comment, files["png"])
    assert caught.value.preview_file.status == "broken" and not caught.value.preview_file.is_deleted
    assert comment.preview_ids == [preview_id]


def test_a_gateway_error_is_not_taken_for_a_processing_failure(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, files: dict[str, Path]
) -> None:
    comment = kitsu.comments.materialize([comment_row(task, new_id())])[0]
    preview_id = new_id()
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment.id}/add-preview",
                json=preview_row(task, preview_id), status=201)
    mocked.post(API + f"pictures/preview-files/{preview_id}", status=504, body="<html>Gateway Time-out</html>")
    with pytest.raises(errors.ServerError) as caught:
        task.add_preview(comment, files["mov"])
    assert not isinstance(caught.value, errors.UploadError) and caught.value.status == 504
    assert len(mocked.calls) == 2  # the upload is not retried, the preview not deleted: it may still come
    assert comment.preview_ids == [preview_id]


def test_a_broken_answer_is_an_upload_error_even_without_waiting(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, wip: TaskStatus, files: dict[str, Path]
) -> None:
    comment_id, preview_id = new_id(), new_id()
    mocked.post(API + f"actions/tasks/{task.id}/comment", json=comment_row(task, comment_id), status=201)
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment_id}/add-preview",
                json=preview_row(task, preview_id), status=201)
    mocked.post(API + f"pictures/preview-files/{preview_id}",
                json=preview_row(task, preview_id, "list", status="broken", extension="mp4"), status=201)
    with pytest.raises(PreviewProcessingError, match="broken") as caught:
        task.comment(wip, previews=[files["mov"]])
    assert caught.value.preview_file.status == "broken"
    assert caught.value.comment is not None and caught.value.comment.id == comment_id
    assert caught.value.comment.previews == [caught.value.preview_file]  # it stays, shown broken


# ---------------------------------------------------------------- waiting
def test_with_a_job_queue_waiting_polls_until_ready(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, files: dict[str, Path], clock: Clock
) -> None:
    comment = kitsu.comments.materialize([comment_row(task, new_id())])[0]
    preview_id = new_id()
    mocked.post(API + f"actions/tasks/{task.id}/comments/{comment.id}/add-preview",
                json=preview_row(task, preview_id), status=201)
    mocked.post(API + f"pictures/preview-files/{preview_id}",
                json=preview_row(task, preview_id, "list", status="processing"), status=201)
    item = API + f"data/preview-files/{preview_id}"
    mocked.get(item, json=preview_row(task, preview_id, "get", status="processing"))
    mocked.get(item, json=preview_row(task, preview_id, "get", status="processing"))
    mocked.get(item, json=preview_row(task, preview_id, "get", status="ready"))
    expect_refresh(mocked, task)
    preview = task.add_preview(comment, files["png"], wait=True, timeout=30)
    assert preview.status == "ready"
    assert len(calls_to(mocked, "GET", preview_id)) == 3
    assert clock.sleeps == [1.0, 1.0]


def test_waiting_is_bounded(kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, clock: Clock) -> None:
    preview = kitsu.preview_files.materialize([preview_row(task, new_id(), "get", status="processing")])[0]
    mocked.get(API + f"data/preview-files/{preview.id}", json=preview_row(task, preview.id, "get", status="processing"))
    with pytest.raises(PreviewProcessingTimeoutError) as caught:
        preview.wait_until_processed(timeout=5, poll_interval=2)
    assert isinstance(caught.value, errors.UploadError) and isinstance(caught.value, TimeoutError)
    assert preview.id in str(caught.value) and "5 s" in str(caught.value)
    assert sum(clock.sleeps) == 5 and clock.sleeps == [2, 2, 1]  # never past the deadline
    assert len(mocked.calls) == 4


@pytest.mark.parametrize("status", ["broken", "missing"])
def test_waiting_on_a_failed_preview_raises(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, clock: Clock, status: str
) -> None:
    preview = kitsu.preview_files.materialize([preview_row(task, new_id(), "get", status="processing")])[0]
    mocked.get(API + f"data/preview-files/{preview.id}", json=preview_row(task, preview.id, "get", status=status))
    with pytest.raises(PreviewProcessingError, match=status):
        preview.wait_until_processed()
    assert clock.sleeps == []


def test_a_preview_the_server_removed_while_waiting(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, clock: Clock
) -> None:
    preview = kitsu.preview_files.materialize([preview_row(task, new_id(), "get", status="processing")])[0]
    mocked.get(API + f"data/preview-files/{preview.id}", status=404, json={"message": "not found"})
    with pytest.raises(PreviewProcessingError, match="removed by the server"):
        preview.wait_until_processed()


def test_a_ready_preview_is_not_polled(kitsu: Kitsu, mocked: responses.RequestsMock, task: Task) -> None:
    preview = kitsu.preview_files.materialize([preview_row(task, new_id(), "get", status="ready")])[0]
    assert preview.wait_until_processed() is preview
    assert len(mocked.calls) == 0


# -------------------------------------------------------------- downloads
def test_a_202_answer_is_not_written_as_the_file(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, tmp_path: Path
) -> None:
    preview = kitsu.preview_files.materialize([preview_row(task, new_id(), "get", status="ready", extension="png")])[0]
    mocked.get(API + f"pictures/thumbnails/preview-files/{preview.id}.png", status=202,
               json={"status": "processing", "preview_file_id": preview.id}, headers={"Retry-After": "5"})
    with pytest.raises(errors.DownloadError, match="still processing"):
        preview.download_thumbnail(tmp_path / "thumb.png")
    assert os.listdir(tmp_path) == []


def test_a_processing_preview_is_not_downloaded(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, tmp_path: Path
) -> None:
    preview = kitsu.preview_files.materialize([preview_row(task, new_id(), "get", status="processing")])[0]
    mocked.get(API + f"data/preview-files/{preview.id}", json=preview_row(task, preview.id, "get", status="processing"))
    with pytest.raises(errors.DownloadError, match="wait_until_processed"):
        preview.download_original(tmp_path / "x.png")
    assert len(mocked.calls) == 1 and os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    ("extension", "route"),
    [("mp4", "movies/originals/preview-files/{id}.mp4"), ("png", "pictures/originals/preview-files/{id}.png"),
     ("zip", "pictures/originals/preview-files/{id}.zip")],
)
def test_the_original_comes_from_the_route_of_its_kind(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, tmp_path: Path, extension: str, route: str
) -> None:
    preview = kitsu.preview_files.materialize(
        [preview_row(task, new_id(), "get", status="ready", extension=extension, original_name="layout")]
    )[0]
    mocked.get(API + route.format(id=preview.id), body=b"0123456789")
    assert preview.download_original(tmp_path) == tmp_path / f"layout.{extension}"
    assert (tmp_path / f"layout.{extension}").read_bytes() == b"0123456789"


def test_a_server_sent_name_cannot_leave_the_target_folder(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task, tmp_path: Path
) -> None:
    attachment = kitsu.attachment_files.materialize([{**row("AttachmentFile"), "id": new_id(), "name": "../../evil.sh"}])[0]
    mocked.get(API + f"data/attachment-files/{attachment.id}/file/.._.._evil.sh", body=b"x")
    (tmp_path / "in").mkdir()
    assert attachment.download(tmp_path / "in") == tmp_path / "in" / "evil.sh"


# -------------------------------------------------------------- relations
def test_comment_previews_reload_rows_that_lack_them(
    kitsu: Kitsu, mocked: responses.RequestsMock, task: Task
) -> None:
    plain = row("Comment", "list")  # the plain row (data/tasks/{id}/comments/{id}): no id lists
    assert "previews" not in plain
    comments = kitsu.comments.materialize([dict(plain, id=new_id(), object_id=task.id) for _ in range(3)])
    preview_ids = [new_id() for _ in comments]
    mocked.get(API + "data/comments", json=[
        row("Comment", "get", id=c.id, object_id=task.id, previews=[p]) for c, p in zip(comments, preview_ids)])
    mocked.get(API + "data/preview-files", json=[preview_row(task, p, "list") for p in preview_ids])
    assert [p.id for p in comments[1].previews] == [preview_ids[1]]
    assert [[p.id for p in c.previews] for c in comments] == [[p] for p in preview_ids]
    assert len(mocked.calls) == 2  # one batch each, for the three comments
    reload_query = query(mocked.calls[0])
    assert reload_query["relations"] == ["true"] and sorted(json.loads(reload_query["id"][0])) == sorted(c.id for c in comments)


def test_comment_previews_sent_as_dicts(kitsu: Kitsu, mocked: responses.RequestsMock, task: Task) -> None:
    preview_id = new_id()
    comment = kitsu.comments.materialize([row("Comment", "get", id=new_id(), object_id=task.id,
                                             previews=[{"id": preview_id, "revision": 1, "extension": "png"}])])[0]
    mocked.get(API + "data/preview-files", json=[preview_row(task, preview_id, "list")])
    assert comment.previews.ids() == [preview_id]
    assert comment.to_dict()["previews"] == [{"id": preview_id, "revision": 1, "extension": "png"}]


def test_a_preview_finds_its_comment_and_task(kitsu: Kitsu, mocked: responses.RequestsMock, task: Task) -> None:
    comment_id = new_id()
    listed = kitsu.preview_files.materialize([preview_row(task, new_id(), "list")])[0]  # no "comments" key
    mocked.get(API + "data/preview-files", json=[preview_row(task, listed.id, "get", comments=[comment_id])])
    mocked.get(API + "data/comments", json=[row("Comment", "get", id=comment_id, object_id=task.id)])
    found = listed.comment
    assert found is not None and found.id == comment_id and listed.comment_ids == [comment_id]
    assert query(mocked.calls[0])["relations"] == ["true"]
    assert listed.task is task  # known: no request
    assert len(mocked.calls) == 2


def test_an_empty_string_preview_link_is_none(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    asset = kitsu.assets.materialize([row("Asset", "get", id=new_id(), preview_file_id="")])[0]
    assert asset.preview_file is None
    assert len(mocked.calls) == 0


@pytest.fixture
def kitsu_with_tokens() -> Iterator[Kitsu]:
    from kitsu_models.credentials import Tokens

    session = Kitsu(API, tokens=Tokens.from_strings("token"))
    yield session
    session.close()


def test_avatars_use_the_thumbnail_routes(
    kitsu_with_tokens: Kitsu, mocked: responses.RequestsMock, tmp_path: Path, files: dict[str, Path]
) -> None:
    kitsu = kitsu_with_tokens
    person = kitsu.persons.materialize([row("Person", id=new_id(), has_avatar=False)])[0]
    project = kitsu.projects.materialize([row("Project", id=new_id())])[0]
    mocked.post(API + f"pictures/thumbnails/persons/{person.id}", json={"thumbnail_path": "x"}, status=201)
    mocked.get(API + f"pictures/thumbnails/persons/{person.id}.png", body=b"png")
    mocked.get(API + f"pictures/thumbnails/projects/{project.id}.png", body=b"project png")
    person.set_avatar(files["png"])
    assert person.has_avatar and person.changes() == {}
    assert person.download_avatar(tmp_path).read_bytes() == b"png"
    assert project.download_avatar(tmp_path / "p.png").read_bytes() == b"project png"


def test_an_avatar_set_on_an_object_read_without_its_flag_counts_as_loaded(
    kitsu_with_tokens: Kitsu, mocked: responses.RequestsMock, files: dict[str, Path]
) -> None:
    """A row that lacked ``has_avatar`` (a joined column's partial person): after the upload the flag is
    the server's value, read with no request, and nothing to save."""
    seeded = {key: value for key, value in row("Person", id=new_id()).items() if key != "has_avatar"}
    person = kitsu_with_tokens.persons.materialize([seeded])[0]
    assert "has_avatar" not in person.model_fields_set
    mocked.post(API + f"pictures/thumbnails/persons/{person.id}", json={"thumbnail_path": "x"}, status=201)
    person.set_avatar(files["png"])
    assert "has_avatar" in person.model_fields_set and person.has_avatar is True
    assert person.changes() == {} and len(mocked.calls) == 1
