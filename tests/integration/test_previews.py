"""PreviewFile and AttachmentFile against the real Kitsu: publishing a
comment with previews and attachments, the typed relations, processing
(ready and broken), the main preview, avatars, and downloads (byte-compared,
with progress, and interrupted midway by a connection that drops).

Movies are made here by ffmpeg (installed with the server). They carry an
audio track: Zou 1.0.97 with Debian's ffmpeg 5.1 breaks a movie that has
none (the broken-preview test relies on that).
"""

from __future__ import annotations

import os
import shutil
import socket
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.models import (
    Asset,
    AttachmentFile,
    Comment,
    PreviewFile,
    PreviewProcessingError,
    Project,
    Task,
    TaskStatus,
)
from kitsu_models.session import Kitsu

from .models_support import RequestLog, clone, create_person, delete_people

pytestmark = pytest.mark.server

JSONDict = dict[str, Any]
PROGRESS = list[tuple[int, "int | None"]]


# ------------------------------------------------------------ pictures
def make_png(width: int, height: int, seed: int = 7) -> bytes:
    """An RGB PNG whose pixels depend on (x, y, seed)."""
    rows = b"".join(
        b"\x00" + bytes(v for x in range(width) for v in ((x * seed + y) % 256, (x + 3 * y) % 256, (x * y + seed) % 256))
        for y in range(height)
    )
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) + _chunk(
        b"IDAT", zlib.compress(rows)
    ) + _chunk(b"IEND", b"")


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", data[:16]
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def png_pixels(data: bytes) -> tuple[int, int, list[tuple[int, ...]]]:
    """Decode an 8-bit RGB or RGBA, non-interlaced PNG: (width, height, RGB
    pixels). Every filter type is undone (encoders pick them freely)."""
    width, height = png_size(data)
    depth, colour, _, _, interlace = data[24:29]
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    channels = 3 if colour == 2 else 4
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        if data[pos + 4 : pos + 8] == b"IDAT":
            idat += data[pos + 8 : pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    pixels: list[tuple[int, ...]] = []
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + predictor) & 0xFF
        pixels.extend(tuple(line[x * channels : x * channels + 3]) for x in range(width))
        previous = line
    return width, height, pixels


# -------------------------------------------------------------- movies
def ffmpeg(*args: str) -> None:
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is not installed (scripts/kitsu-up.sh installs it with the server)")
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", *args], check=True, timeout=120)


@pytest.fixture(scope="module")
def movies(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A one-second clip with sound, and one without (which Zou breaks)."""
    folder = tmp_path_factory.mktemp("movies")
    clip, silent = folder / "clip.mp4", folder / "silent.mp4"
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=24", "-f", "lavfi", "-i", "sine=frequency=440",
           "-t", "1", "-shortest", str(clip))
    ffmpeg("-f", "lavfi", "-i", "testsrc=size=160x120:rate=24", "-t", "1", str(silent))
    return {"clip": clip, "silent": silent}


# ---------------------------------------------------------------- world
@dataclass
class Review:
    kitsu: Kitsu
    project: Project
    asset: Asset
    task: Task
    todo: TaskStatus
    wip: TaskStatus


@pytest.fixture
def review(make_project: Callable[..., JSONDict], new_session: Callable[..., Kitsu]) -> Review:
    """A production with one asset and its task (Todo), in a new session."""
    row = make_project(task_types=["Modeling"], task_statuses=["Todo", "Work In Progress"], asset_types=["Character"])
    kitsu = new_session()
    project = kitsu.projects.get(row["id"])
    character = kitsu.asset_types.get_by_name("Character")
    asset = Asset(name="Hero", project_id=project.id, entity_type_id=character.id).save(kitsu)
    modeling = kitsu.task_types.first(name="Modeling", for_entity="Asset")
    assert modeling is not None
    todo = kitsu.task_statuses.get_by_name("Todo")
    wip = kitsu.task_statuses.get_by_name("Work In Progress")
    task = Task(project_id=project.id, entity_id=asset.id, task_type_id=modeling.id, task_status_id=todo.id).save(kitsu)
    return Review(kitsu, project, asset, task, todo, wip)


def recorder() -> tuple[PROGRESS, Callable[[int, int | None], None]]:
    calls: PROGRESS = []
    return calls, lambda done, total: calls.append((done, total))


def assert_progress_adds_up(calls: PROGRESS, size: int) -> None:
    """Reports grow to ``size``, each with the total ``size``."""
    assert calls, "no progress reported"
    assert calls[-1] == (size, size)
    assert all(total == size for _, total in calls)
    done = [d for d, _ in calls]
    assert done == sorted(done) and len(set(done)) == len(done)


# ------------------------------------------------- publishing, pictures
def test_a_comment_with_a_picture_preview_and_attachments(review: Review, tmp_path: Path) -> None:
    kitsu, task = review.kitsu, review.task
    picture = tmp_path / "layout v1.png"
    picture.write_bytes(make_png(64, 36))
    notes = tmp_path / "notes.txt"
    notes.write_text("fix the hands\n", encoding="utf-8")
    blob = tmp_path / "scene.bin"
    blob.write_bytes(os.urandom(70_000))
    calls, progress = recorder()
    checklist = [{"text": "hands", "checked": False}]

    with RequestLog(kitsu) as log:
        comment = task.comment(
            review.wip, "v1 for review", previews=[picture], attachments=[notes, blob], checklist=checklist,
            progress=progress,
        )
    writes = [(s.method, s.path) for s in log.writes()]
    assert writes == [
        ("POST", f"actions/tasks/{task.id}/comment"),  # the comment and its attachments, in one request
        ("POST", f"actions/tasks/{task.id}/comments/{comment.id}/add-preview"),
        ("POST", f"pictures/preview-files/{comment.previews[0].id}"),
    ], log.summary()
    assert log.writes()[0].headers["Content-Type"].startswith("multipart/form-data; boundary=")
    # Progress: over both request bodies (files plus their multipart envelopes).
    assert_progress_adds_up(calls, calls[-1][0])
    assert calls[-1][0] > picture.stat().st_size + notes.stat().st_size + blob.stat().st_size

    assert isinstance(comment, Comment)
    assert comment.text == "v1 for review" and comment.task_status is review.wip
    assert comment.checklist == checklist
    assert task.task_status is review.wip  # the task was reloaded
    # Typed previews...
    assert isinstance(comment.previews, ModelList) and len(comment.previews) == 1
    preview = comment.previews[0]
    assert isinstance(preview, PreviewFile)
    assert (preview.status, preview.extension, preview.original_name) == ("ready", "png", "layout v1")
    assert (preview.width, preview.height, preview.revision) == (64, 36, 1)
    assert preview.task is task and preview.comment is comment and preview.person == kitsu.me
    # ... and attachments, in the order given.
    assert [type(a) for a in comment.attachments] == [AttachmentFile, AttachmentFile]
    assert [(a.name, a.size, a.comment_id) for a in comment.attachments] == [
        ("notes.txt", notes.stat().st_size, comment.id), ("scene.bin", 70_000, comment.id)
    ]
    assert comment.attachments[0].comment is comment

    # Another session finds the same, through the relations, in batches.
    fresh = clone(kitsu)
    again = fresh.tasks.get(task.id)
    with RequestLog(fresh) as log:
        comments = again.comments.prefetch("previews", "attachments")
    assert len(log) == 3, log.summary()  # comments, their previews, their attachments
    with fresh.strict_mode():
        assert comments.ids() == [comment.id]
        assert comments[0].previews.ids() == [preview.id]
        assert [a.name for a in comments[0].attachments] == ["notes.txt", "scene.bin"]
    assert again.preview_files.ids() == [preview.id]
    assert again.preview_files[0].comment is comments[0]
    assert again.preview_files[0].task is again


def test_a_picture_comes_back_with_its_pixels_and_a_thumbnail(review: Review, tmp_path: Path) -> None:
    source = tmp_path / "frame.png"
    source.write_bytes(make_png(48, 32, seed=11))
    comment = review.task.comment(review.wip, previews=[source])
    preview = comment.previews[0]

    calls, progress = recorder()
    with RequestLog(review.kitsu) as log:
        original = preview.download_original(tmp_path / "back" / "frame.png", progress=progress)
    # The record is held: one request, the download itself.
    assert [(s.method, s.path) for s in log.sent] == [("GET", f"pictures/originals/preview-files/{preview.id}.png")]
    assert original == tmp_path / "back" / "frame.png"
    assert_progress_adds_up(calls, original.stat().st_size)
    # Zou re-encodes pictures as PNG (Pillow): the pixels are kept, the
    # bytes need not be.
    assert png_pixels(original.read_bytes()) == png_pixels(source.read_bytes())

    thumbnail = preview.download_thumbnail(tmp_path)  # a folder: a name is chosen
    assert thumbnail == tmp_path / "frame.thumbnail.png"
    assert png_size(thumbnail.read_bytes()) == (150, 100)  # Zou's rectangle thumbnail
    cover = preview.download_cover(tmp_path / "cover.png")
    assert png_size(cover.read_bytes()) == (48, 32)
    assert sorted(os.listdir(tmp_path / "back")) == ["frame.png"]  # no temporary file left
    with pytest.raises(errors.InvalidArgumentError):
        preview.download_movie(tmp_path / "not-a-movie.mp4")
    assert not (tmp_path / "not-a-movie.mp4").exists()


def test_several_previews_share_a_revision_and_one_becomes_the_main_preview(review: Review, tmp_path: Path) -> None:
    first, second = tmp_path / "a.png", tmp_path / "b.png"
    first.write_bytes(make_png(20, 10, 1))
    second.write_bytes(make_png(30, 10, 2))
    comment = review.task.comment(review.wip, "two views", previews=[first, second], set_main_preview=True)
    a, b = comment.previews
    assert (a.revision, a.position, b.revision, b.position) == (1, 1, 1, 2)
    assert (a.original_name, b.original_name) == ("a", "b")
    assert review.asset.preview_file_id == a.id and review.asset.preview_file is a

    with RequestLog(review.kitsu) as log:
        entity = b.set_as_main_preview()
    assert [(s.method, s.path, s.body) for s in log.sent] == [
        ("PUT", f"actions/preview-files/{b.id}/set-main-preview", {})
    ]
    assert entity is review.asset and isinstance(entity, Asset)
    assert entity.preview_file_id == b.id and entity.preview_file is b
    assert clone(review.kitsu).assets.get(review.asset.id).preview_file.id == b.id  # type: ignore[union-attr]
    # A frame number is for movies: refused before any request.
    with RequestLog(review.kitsu) as log:
        with pytest.raises(errors.InvalidArgumentError):
            a.set_as_main_preview(frame_number=3)
    assert log.sent == []
    # The next comment's preview starts the next revision.
    next_one = review.task.add_preview(review.task.comment(review.todo, "again"), first)
    assert next_one.revision == 2


def test_add_preview_and_attachments_to_an_existing_comment(review: Review, tmp_path: Path) -> None:
    comment = review.task.comment(review.wip, "first")
    assert comment.previews == [] and comment.attachments == []
    picture = tmp_path / "later.png"
    picture.write_bytes(make_png(16, 16))
    calls, progress = recorder()
    preview = review.task.add_preview(comment, picture, progress=progress, wait=True)
    assert preview.status == "ready" and comment.previews == [preview]
    assert preview.comment is comment and review.task.last_preview_file is preview
    assert_progress_adds_up(calls, calls[-1][1] or 0)

    extra = tmp_path / "extra.txt"
    extra.write_bytes(b"x" * 10)
    added = review.task.add_attachments(comment, [extra])
    assert [a.name for a in added] == ["extra.txt"] and comment.attachments == added
    assert clone(review.kitsu).comments.get(comment.id).attachments.ids() == added.ids()


# --------------------------------------------------------------- movies
@pytest.mark.slow
def test_a_movie_preview_is_processed_and_downloaded(review: Review, movies: dict[str, Path], tmp_path: Path) -> None:
    started = time.monotonic()
    comment = review.task.comment(review.wip, "animation v1", previews=[movies["clip"]], wait=True, timeout=120)
    took = time.monotonic() - started
    preview = comment.previews[0]
    assert (preview.status, preview.extension, preview.original_name) == ("ready", "mp4", "clip")
    assert preview.duration == pytest.approx(1.0, abs=0.1)
    assert preview.width and preview.height and preview.file_size
    assert took < 120

    calls, progress = recorder()
    movie = preview.download_movie(tmp_path / "review.mp4", progress=progress)
    data = movie.read_bytes()
    assert len(data) == preview.file_size and data[4:8] == b"ftyp"  # an MP4, as big as the record says
    assert_progress_adds_up(calls, len(data))
    assert len(calls) >= 2  # streamed in chunks
    low = preview.download_movie(tmp_path, lowdef=True)
    assert low == tmp_path / "clip.low.mp4" and low.read_bytes()[4:8] == b"ftyp"
    assert 0 < low.stat().st_size < len(data)
    assert preview.download_original(tmp_path / "original.mp4").read_bytes() == data
    cover = preview.download_cover(tmp_path / "cover.png")
    assert png_size(cover.read_bytes()) == (preview.width, preview.height)
    assert png_size(preview.download_thumbnail(tmp_path / "thumb.png").read_bytes()) == (150, 100)


def test_a_preview_the_server_cannot_process_raises_upload_error(
    review: Review, movies: dict[str, Path], tmp_path: Path
) -> None:
    comment = review.task.comment(review.wip, "broken on purpose")
    with pytest.raises(PreviewProcessingError) as caught:
        review.task.add_preview(comment, movies["silent"], wait=True, timeout=60)
    error = caught.value
    assert isinstance(error, errors.UploadError)
    preview = error.preview_file
    assert preview.id in str(error) and "silent.mp4" in str(error)
    assert preview.status == "broken" and error.comment is comment
    assert comment.previews == [preview]  # it stays on the comment, shown as broken
    # Waiting or downloading says so too, without downloading anything.
    with pytest.raises(PreviewProcessingError, match="broken"):
        preview.wait_until_processed(timeout=5)
    with RequestLog(review.kitsu) as log:
        with pytest.raises(errors.DownloadError, match="broken"):
            preview.download_movie(tmp_path / "x.mp4")
    assert [s.path for s in log.sent] == [f"data/preview-files/{preview.id}"]  # a status check only
    assert os.listdir(tmp_path) == []


def test_a_file_the_server_refuses_leaves_no_empty_preview(review: Review, tmp_path: Path) -> None:
    fake = tmp_path / "fake.png"
    fake.write_bytes(b"not a picture at all")
    comment = review.task.comment(review.wip, "oops")
    with RequestLog(review.kitsu) as log:
        with pytest.raises(errors.BadRequestError, match="not a readable picture"):
            review.task.add_preview(comment, fake)
    upload = next(s for s in log.sent if s.path.startswith("pictures/preview-files/"))
    preview_id = upload.path.rsplit("/", 1)[1]
    assert (log.sent[-1].method, log.sent[-1].path) == ("DELETE", f"data/preview-files/{preview_id}")  # no empty record
    assert comment.previews == []
    with pytest.raises(errors.NotFoundError):
        review.kitsu.transport.get(f"data/preview-files/{preview_id}")
    assert clone(review.kitsu).comments.get(comment.id).previews == []


# --------------------------------------------------------- attachments
def test_an_attachment_comes_back_byte_for_byte(review: Review, tmp_path: Path) -> None:
    source = tmp_path / "plate [v2].exr"
    source.write_bytes(os.urandom(2 * 1024 * 1024 + 4321))
    comment = review.task.comment(review.wip, attachments=[source])
    attachment = comment.attachments[0]
    assert (attachment.name, attachment.size, attachment.extension) == ("plate [v2].exr", source.stat().st_size, "exr")

    calls, progress = recorder()
    target = attachment.download(tmp_path / "out" / "plate.exr", progress=progress)
    assert target.read_bytes() == source.read_bytes()
    assert_progress_adds_up(calls, source.stat().st_size)
    assert len(calls) >= 3  # 1 MiB chunks
    # Into a folder: under its own name.
    again = clone(review.kitsu).attachment_files.get(attachment.id)
    assert again.comment is not None and again.comment.id == comment.id
    assert again.download(tmp_path / "out") == tmp_path / "out" / "plate [v2].exr"
    assert sorted(os.listdir(tmp_path / "out")) == ["plate [v2].exr", "plate.exr"]


# -------------------------------------------- an interrupted download
class CuttingProxy:
    """A TCP proxy to the Kitsu server that forwards requests whole but
    only the first ``cut_after`` bytes of each answer, then closes the
    connection: a download that dies midway."""

    def __init__(self, upstream: str, cut_after: int) -> None:
        host, _, port = upstream.removeprefix("http://").rstrip("/").partition(":")
        self.upstream = (host, int(port or 80))
        self.cut_after = cut_after
        self.forwarded: list[int] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        server = socket.create_connection(self.upstream)

        def requests_up() -> None:
            try:
                while data := client.recv(65536):
                    server.sendall(data)
            except OSError:
                pass

        threading.Thread(target=requests_up, daemon=True).start()
        sent = 0
        try:
            while sent < self.cut_after:
                data = server.recv(min(65536, self.cut_after - sent))
                if not data:
                    break
                client.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            self.forwarded.append(sent)
            for sock in (client, server):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                sock.close()

    def close(self) -> None:
        self._stop.set()
        self._listener.close()
        self._thread.join(timeout=2)


@pytest.fixture
def cutting_proxy(kitsu_server: Any) -> Iterator[Callable[[int], CuttingProxy]]:
    proxies: list[CuttingProxy] = []

    def factory(cut_after: int) -> CuttingProxy:
        proxy = CuttingProxy(kitsu_server.api_url, cut_after)
        proxies.append(proxy)
        return proxy

    yield factory
    for proxy in proxies:
        proxy.close()


def test_a_download_cut_midway_leaves_nothing_at_the_target(
    review: Review, tmp_path: Path, cutting_proxy: Callable[[int], CuttingProxy]
) -> None:
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(3 * 1024 * 1024))
    comment = review.task.comment(review.wip, attachments=[source])
    attachment = comment.attachments[0]
    picture = tmp_path / "p.png"
    picture.write_bytes(make_png(40, 30))
    preview = review.task.add_preview(comment, picture)

    proxy = cutting_proxy(2 * 1024 * 1024)  # the headers and about two thirds of the file
    through = Kitsu(proxy.url, tokens=review.kitsu.tokens)
    # The same records, held by a session whose connections get cut.
    cut_attachment = through.attachment_files.materialize([attachment.to_dict()])[0]
    cut_preview = through.preview_files.materialize([preview.to_dict()])[0]
    out = tmp_path / "out"
    out.mkdir()
    target = out / "big.bin"
    calls, progress = recorder()
    with pytest.raises(errors.DownloadError):
        cut_attachment.download(target, progress=progress)
    assert proxy.forwarded == [2 * 1024 * 1024]
    assert os.listdir(out) == []  # neither the file nor a temporary one
    assert calls and calls[-1][0] < source.stat().st_size  # it had started
    # A file already at the target is left as it was.
    target.write_bytes(b"previous version")
    with pytest.raises(errors.DownloadError):
        cut_attachment.download(target)
    assert target.read_bytes() == b"previous version" and os.listdir(out) == ["big.bin"]
    # A short answer of a small file is caught too (the PNG is cut at 300 bytes).
    proxy.cut_after = 300
    with pytest.raises(errors.DownloadError):
        cut_preview.download_original(out / "p.png")
    assert os.listdir(out) == ["big.bin"]
    through.close()
    # Through the real server, the same downloads complete.
    assert attachment.download(target).read_bytes() == source.read_bytes()


# -------------------------------------------------------------- avatars
def test_person_and_project_avatars(review: Review, tmp_path: Path) -> None:
    kitsu = review.kitsu
    person = create_person(kitsu, "Avatar")
    try:
        assert not person.has_avatar
        with pytest.raises(errors.NotFoundError):
            person.download_avatar(tmp_path / "none.png")
        assert os.listdir(tmp_path) == []
        picture = tmp_path / "face.png"
        picture.write_bytes(make_png(120, 90))
        calls, progress = recorder()
        person.set_avatar(picture, progress=progress)
        assert person.has_avatar and calls[-1][0] == calls[-1][1]
        assert clone(kitsu).persons.get(person.id).has_avatar
        got, got_progress = recorder()
        (tmp_path / "avatars").mkdir()  # an existing folder: saved as <id>.png
        avatar = person.download_avatar(tmp_path / "avatars", progress=got_progress)
        assert avatar == tmp_path / "avatars" / f"{person.id}.png"
        assert png_size(avatar.read_bytes()) == (400, 400)  # Zou's big square
        assert_progress_adds_up(got, avatar.stat().st_size)
    finally:
        delete_people(kitsu, [person])

    project = review.project
    project.set_avatar(picture)
    assert project.has_avatar
    assert png_size(project.download_avatar(tmp_path / "project.png").read_bytes()) == (400, 400)


# --------------------------------------------- checks before any request
def test_bad_arguments_are_refused_before_any_request(review: Review, tmp_path: Path) -> None:
    kitsu, task = review.kitsu, review.task
    picture = tmp_path / "ok.png"
    picture.write_bytes(make_png(8, 8))
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    other_task_comment = Comment(object_id="00000000-0000-0000-0000-000000000000", person_id=kitsu.me.id)
    bad_calls: list[Callable[[], Any]] = [
        lambda: task.comment(review.wip, previews=str(picture)),  # one path, not a list
        lambda: task.comment(review.wip, previews=picture),  # type: ignore[arg-type]
        lambda: task.comment(review.wip, previews=[tmp_path / "missing.png"]),
        lambda: task.comment(review.wip, previews=[tmp_path]),  # a folder
        lambda: task.comment(review.wip, previews=[empty]),
        lambda: task.comment(review.wip, previews=[42]),  # type: ignore[list-item]
        lambda: task.comment(review.wip, attachments=[None]),  # type: ignore[list-item]
        lambda: task.comment(review.wip, attachments=[picture, tmp_path / "nope.txt"], previews=[picture]),
        lambda: task.comment(kitsu.me, "wrong kind"),  # type: ignore[arg-type]
        lambda: task.comment("todo", "not an id"),
        lambda: task.comment(review.wip, 42),  # type: ignore[arg-type]
        lambda: task.comment(review.wip, checklist="do it"),  # type: ignore[arg-type]
        lambda: task.comment(review.wip, previews=[picture], timeout=0),
        lambda: task.comment(review.wip, previews=[picture], progress=5),  # type: ignore[arg-type]
        lambda: task.comment(review.wip, set_main_preview=True),
        lambda: task.add_preview(other_task_comment, picture),
        lambda: task.add_preview("comment-id", picture),  # type: ignore[arg-type]
        lambda: task.add_attachments(other_task_comment, [picture]),
    ]
    with RequestLog(kitsu) as log:
        for number, call in enumerate(bad_calls):
            with pytest.raises(errors.InvalidArgumentError):
                call()
                pytest.fail(f"bad call {number} was accepted")
    assert log.sent == [], log.summary()
    assert task.comments == []

    comment = task.comment(review.wip, previews=[picture])
    with RequestLog(kitsu) as log:
        for bad_target in (42, None, b"/tmp/x"):
            with pytest.raises(errors.InvalidArgumentError):
                comment.previews[0].download_original(bad_target)  # type: ignore[arg-type]
        with pytest.raises(errors.InvalidArgumentError):
            comment.previews[0].wait_until_processed(timeout=-1)
    assert log.sent == []


def test_preview_files_save_only_their_changes(review: Review, tmp_path: Path) -> None:
    picture = tmp_path / "v.png"
    picture.write_bytes(make_png(8, 8))
    preview = review.task.comment(review.wip, previews=[picture]).previews[0]
    with RequestLog(review.kitsu) as log:
        preview.validation_status = "validated"
        preview.save()
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("PUT", f"data/preview-files/{preview.id}", {"validation_status": "validated"})
    ]
    assert clone(review.kitsu).preview_files.get(preview.id).validation_status == "validated"
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        preview.validation_status = "approved"  # type: ignore[assignment]
    attachment = review.task.comment(review.wip, attachments=[picture]).attachments[0]
    attachment.name = "renamed.png"
    attachment.save()
    assert clone(review.kitsu).attachment_files.get(attachment.id).name == "renamed.png"
    assert preview.delete() is True
    with pytest.raises(errors.ModelNotFoundError):
        clone(review.kitsu).preview_files.get(preview.id)
