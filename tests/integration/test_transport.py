"""The transport over real sockets: a file uploaded to the real Kitsu and
downloaded back byte for byte, and requests to a server that never answers
failing within their timeout, with the configured retries."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from kitsu_models import errors
from kitsu_models.policy import RetryPolicy, Timeout
from kitsu_models.session import Kitsu
from kitsu_models.streaming import CHUNK_SIZE
from kitsu_models.transport import Transport

from .conftest import from_before_the_run

if TYPE_CHECKING:
    from conftest import StalledServer

pytestmark = pytest.mark.server

JSONDict = dict[str, Any]


# ------------------------------------------------- upload and download
@pytest.fixture
def preview_file(admin: Kitsu, make_project: Callable[..., JSONDict]) -> JSONDict:
    """An empty preview file record (project, asset, task, comment)."""
    transport = admin.transport
    asset_type = transport.get("data/asset-types")[0]
    task_type = next(t for t in transport.get("data/task-types") if t["for_entity"] == "Asset")
    status = next(s for s in transport.get("data/task-status") if s["short_name"] == "todo")
    project = make_project(task_types=[task_type["id"]], task_statuses=[status["id"]], asset_types=[asset_type["id"]])
    asset = transport.post(f"data/projects/{project['id']}/asset-types/{asset_type['id']}/assets/new", {"name": "box"})
    task = transport.post(
        "data/tasks",
        {
            "project_id": project["id"],
            "entity_id": asset["id"],
            "task_type_id": task_type["id"],
            "task_status_id": status["id"],
            "assignees": [],
            "name": "main",
        },
    )
    comment = transport.post(f"actions/tasks/{task['id']}/comment", {"task_status_id": status["id"], "comment": "v1"})
    record: JSONDict = transport.post(f"actions/tasks/{task['id']}/comments/{comment['id']}/add-preview", {})
    return record


def test_make_project_links_like_the_web_ui(admin: Kitsu, make_project: Callable[..., JSONDict]) -> None:
    project = make_project()
    assert project["name"].startswith("test-")
    assert project["production_type"] == "short"
    # every one the studio had (not those other tests make meanwhile)
    for links, route in (("task_types", "data/task-types"), ("task_statuses", "data/task-status"),
                         ("asset_types", "data/asset-types")):
        assert set(project[links]) == {r["id"] for r in admin.transport.get(route) if from_before_the_run(r)}, links
    other = make_project(production_type="tvshow", task_types=[], task_statuses=[], asset_types=[])
    assert other["name"] != project["name"]
    assert other["task_types"] == [] and other["production_type"] == "tvshow"


def test_upload_and_download_a_file_byte_for_byte(admin: Kitsu, preview_file: JSONDict, tmp_path: Path) -> None:
    # An archive preview is stored as sent (pictures would be re-encoded),
    # and served back at pictures/originals/preview-files/<id>.<extension>.
    source = tmp_path / "layout.zip"
    source.write_bytes(os.urandom(2 * CHUNK_SIZE + 54321))
    sent: list[tuple[int, int | None]] = []
    answer = admin.transport.upload(
        f"pictures/preview-files/{preview_file['id']}",
        [("file", source)],
        progress=lambda done, total: sent.append((done, total)),
    )
    assert answer["id"] == preview_file["id"]
    assert answer["extension"] == "zip"
    assert answer["file_size"] == source.stat().st_size
    assert answer["status"] == "ready"
    body_size = sent[-1][1]
    assert body_size is not None and body_size > source.stat().st_size  # the multipart envelope
    assert sent[-1][0] == body_size
    assert [d for d, _ in sent] == sorted({d for d, _ in sent})

    target = tmp_path / "back" / "layout.zip"
    received: list[tuple[int, int | None]] = []
    written = admin.transport.download(
        f"pictures/originals/preview-files/{preview_file['id']}.zip",
        target,
        progress=lambda done, total: received.append((done, total)),
    )
    assert written == source.stat().st_size
    assert target.read_bytes() == source.read_bytes()
    assert received[-1] == (written, written)
    assert len(received) > 1
    assert os.listdir(target.parent) == ["layout.zip"]


def test_a_failed_download_leaves_nothing(admin: Kitsu, preview_file: JSONDict, tmp_path: Path) -> None:
    target = tmp_path / "missing.zip"
    with pytest.raises(errors.NotFoundError):  # nothing was uploaded yet
        admin.transport.download(f"pictures/originals/preview-files/{preview_file['id']}.zip", target)
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------- a server that stalls
READ = 0.4  # seconds: the read timeout of the stalled tests
MARGIN = 0.6  # seconds of slack per attempt on a busy machine


def _stalled_transport(server: StalledServer, attempts: int) -> tuple[Transport, list[float]]:
    transport = Transport(
        server.url, timeout=Timeout(connect=2.0, read=READ), retry=RetryPolicy(attempts=attempts, backoff=0.05)
    )
    transport.reached = True  # it answered before and now stalls (a host never reached fails at once)
    delays: list[float] = []
    transport._sleep = delays.append  # type: ignore[assignment]  # no backoff sleeping: only the timeouts take time
    return transport, delays


def test_a_stalled_get_times_out_after_its_retries(stalled_server: StalledServer) -> None:
    transport, delays = _stalled_transport(stalled_server, attempts=3)
    started = time.monotonic()
    with pytest.raises(errors.RequestTimeoutError) as caught:
        transport.get("data/projects")
    elapsed = time.monotonic() - started
    assert (caught.value.method, caught.value.path) == ("GET", "/data/projects")
    assert elapsed <= 3 * (READ + MARGIN)

    connections = stalled_server.wait_closed(3)
    assert len(connections) == 3  # the configured number of attempts
    assert len(delays) == 2 and all(0 <= d <= 0.05 * 2**n for n, d in enumerate(delays))
    for connection in connections:
        assert connection.received.startswith(b"GET /data/projects HTTP/1.1\r\n")
        assert connection.closed_at is not None
        assert READ - 0.15 <= connection.closed_at - connection.accepted_at <= READ + MARGIN


def test_a_stalled_post_is_not_retried(stalled_server: StalledServer) -> None:
    transport, delays = _stalled_transport(stalled_server, attempts=3)
    started = time.monotonic()
    with pytest.raises(errors.RequestTimeoutError):
        transport.post("data/projects", {"name": "p"})
    assert time.monotonic() - started <= READ + MARGIN
    connections = stalled_server.wait_closed(1)
    assert len(connections) == 1
    assert delays == []


def test_a_stalled_upload_is_not_retried(stalled_server: StalledServer, tmp_path: Path) -> None:
    source = tmp_path / "movie.mp4"
    source.write_bytes(os.urandom(300_000))
    transport, delays = _stalled_transport(stalled_server, attempts=3)
    with pytest.raises(errors.RequestTimeoutError):
        transport.upload("pictures/preview-files/p", [("file", source)])
    connections = stalled_server.wait_closed(1)
    assert len(connections) == 1
    assert len(connections[0].received) > source.stat().st_size  # all of it was sent
    assert delays == []


def test_an_answer_that_stalls_midway_times_out(stalled_server: StalledServer) -> None:
    stalled_server.prelude = (
        b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n[1, 2, "
    )
    transport, delays = _stalled_transport(stalled_server, attempts=2)
    started = time.monotonic()
    with pytest.raises(errors.RequestTimeoutError):
        transport.get("data/projects")
    assert time.monotonic() - started <= 2 * (READ + MARGIN)
    assert len(stalled_server.wait_closed(2)) == 2
    assert len(delays) == 1


def test_a_download_that_stalls_midway_leaves_nothing(stalled_server: StalledServer, tmp_path: Path) -> None:
    stalled_server.prelude = b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + b"z" * 5000
    transport, _ = _stalled_transport(stalled_server, attempts=1)
    started = time.monotonic()
    with pytest.raises(errors.DownloadError):
        transport.download("files/big.bin", tmp_path / "big.bin")
    assert time.monotonic() - started <= READ + MARGIN
    assert os.listdir(tmp_path) == []
