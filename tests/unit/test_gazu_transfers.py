"""gazu's uploads and downloads over the SDK's streamed transfers: the parts
official gazu sends, progress callbacks, atomic downloads, 413 as
TooBigFileException, and the typed errors that replace gazu's crashes."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import responses

import gazu

HOST = "http://kitsu.test/api"
TASK, STATUS, PREVIEW, COMMENT = (f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 5))


@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    with responses.RequestsMock() as fake:
        made.fake = fake  # type: ignore[attr-defined]
        yield made


def _parts(request: Any) -> dict[str, tuple[str, bytes]]:
    """A multipart body's parts by name: (their headers' text, content)."""
    boundary = re.search(r"boundary=(\S+)", request.headers["Content-Type"]).group(1).encode()  # type: ignore[union-attr]
    body = request.body.read() if hasattr(request.body, "read") else request.body
    found = {}
    for piece in body.split(b"--" + boundary)[1:-1]:
        head, _, content = piece.strip(b"\r\n").partition(b"\r\n\r\n")
        name = re.search(rb'name="([^"]+)"', head).group(1).decode()  # type: ignore[union-attr]
        found[name] = (head.decode(), content)
    return found


def test_a_comment_with_attachments_is_the_multipart_form_official_gazu_sends(
    client: Any, tmp_path: Path
) -> None:
    notes, frame = tmp_path / "notes.txt", tmp_path / "frame.png"
    notes.write_text("notes")
    frame.write_bytes(b"\x89PNG\r\n\x1a\n")
    client.fake.add(responses.POST, f"{HOST}/actions/tasks/{TASK}/comment", json={"id": COMMENT})
    seen: list[tuple[int, int | None]] = []
    gazu.task.add_comment(TASK, STATUS, "see notes", checklist=[{"text": "a", "checked": False}],
                          attachments=[str(notes), str(frame)], client=client,
                          progress_callback=lambda done, total: seen.append((done, total)))
    parts = _parts(client.fake.calls[0].request)
    # gazu puts the last attachment in part "file", the others after it.
    assert 'filename="frame.png"' in parts["file"][0] and 'filename="notes.txt"' in parts["file-1"][0]
    assert parts["task_status_id"][1].decode() == STATUS and parts["comment"][1] == b"see notes"
    assert json.loads(parts["checklist"][1]) == [{"text": "a", "checked": False}]
    assert json.loads(parts["links"][1]) == [] and "for_client" not in parts  # False: left out, as gazu does
    assert seen and seen[-1][0] == seen[-1][1]  # progress reaches the whole body


def test_a_download_is_atomic_and_returns_the_closed_response(client: Any, tmp_path: Path) -> None:
    url = f"{HOST}/pictures/thumbnails/preview-files/{PREVIEW}.png"
    client.fake.add(responses.GET, url, body=b"x" * 1000)
    target = tmp_path / "thumb.png"
    seen: list[int] = []
    response = gazu.files.download_preview_file_thumbnail(PREVIEW, str(target), client=client,
                                                          progress_callback=lambda done, _total: seen.append(done))
    assert isinstance(response, requests.Response) and response.status_code == 200  # as gazu 1.3.1 returns it
    assert response.raw.closed and response.url == url
    assert target.read_bytes() == b"x" * 1000 and seen[-1] == 1000
    client.fake.replace(responses.GET, url, body=b"y" * 10, headers={"Content-Length": "5000"},
                        auto_calculate_content_length=False)
    with pytest.raises(gazu.exception.DownloadFileException):
        gazu.files.download_preview_file_thumbnail(PREVIEW, str(target), client=client)
    assert target.read_bytes() == b"x" * 1000 and os.listdir(tmp_path) == ["thumb.png"]  # the old file, no part left


def test_a_preview_download_follows_the_records_extension(client: Any, tmp_path: Path) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/preview-files/{PREVIEW}", json={"id": PREVIEW, "extension": "mp4"})
    client.fake.add(responses.GET, f"{HOST}/movies/originals/preview-files/{PREVIEW}.mp4", body=b"movie")
    assert gazu.files.download_preview_file(PREVIEW, str(tmp_path / "take.mp4"), client=client).status_code == 200
    assert (tmp_path / "take.mp4").read_bytes() == b"movie"
    client.fake.replace(responses.GET, f"{HOST}/data/preview-files/{PREVIEW}", json={"id": PREVIEW, "extension": "../x"})
    with pytest.raises(ValueError):  # a server-sent extension never changes the route
        gazu.files.download_preview_file(PREVIEW, str(tmp_path / "x"), client=client)
    assert len(client.fake.calls) == 3


def test_an_upload_over_the_servers_limit_raises_too_big_file_exception(client: Any, tmp_path: Path) -> None:
    big = tmp_path / "plate.png"
    big.write_bytes(b"\0" * 4096)
    client.fake.add(responses.POST, f"{HOST}/pictures/preview-files/{PREVIEW}", status=413,
                    json={"message": "too large"})
    with pytest.raises(gazu.exception.TooBigFileException):
        gazu.task.upload_preview_file(PREVIEW, str(big), client=client)


def test_normalize_movie_false_is_sent_as_official_gazu_sends_it(client: Any, tmp_path: Path) -> None:
    frame = tmp_path / "frame.png"
    frame.write_bytes(b"\x89PNG\r\n\x1a\n")
    client.fake.add(responses.POST, f"{HOST}/pictures/preview-files/{PREVIEW}", json={"id": PREVIEW, "status": "ready"})
    assert gazu.task.upload_preview_file(PREVIEW, str(frame), False, client=client)["status"] == "ready"
    assert client.fake.calls[0].request.url.endswith("?normalize=false")


def test_new_task_without_a_default_status_raises_a_typed_error(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/task-status", json=[])
    entity = {"id": TASK, "project_id": STATUS}
    with pytest.raises(gazu.exception.TaskStatusNotFoundException, match="pass task_status"):
        gazu.task.new_task(entity, PREVIEW, client=client)  # official gazu: TypeError


@pytest.mark.parametrize("date", ["5 Jan", "2026-01-05/../../x", "", "2026-1-5"])
def test_a_date_that_is_not_iso_is_refused_before_sending(client: Any, date: str) -> None:
    with pytest.raises(ValueError):
        gazu.task.set_time_spent(TASK, STATUS, date, 60, client=client)
    assert len(client.fake.calls) == 0


@pytest.mark.parametrize("name, segment", [
    ("notes 2.txt", "notes%202.txt"), ("notes #2 ?.txt", "notes%20_2%20_.txt"),
    ("../../auth/logout", ".._.._auth_logout"), ("..", "file"), ("", "file"),
])
def test_an_attachment_name_never_changes_the_download_route(client: Any, tmp_path: Path, name: str, segment: str) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/attachment-files/{PREVIEW}", json={"id": PREVIEW, "name": name})
    client.fake.add(responses.GET, f"{HOST}/data/attachment-files/{PREVIEW}/file/{segment}", body=b"n")
    assert gazu.files.download_attachment_file(PREVIEW, str(tmp_path / "n.txt"), client=client).status_code == 200
    assert (tmp_path / "n.txt").read_bytes() == b"n"
