"""gazu.files on previews: a movie and a picture reviewed on a task, waited
for, their URLs, their files downloaded (original, movie, low definition,
thumbnail, cover, a frame, a tile), moved, annotated, removed; a comment's
attachments listed for the production and downloaded."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
import zlib
from typing import Any

import gazu


def _png(width: int = 4, height: int = 4) -> bytes:
    """A valid RGB PNG, grey (the server decodes the pictures it gets)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x80\x80\x80" * width for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _movie(folder: str) -> str:
    """A one-second movie with sound, made by ffmpeg (the server's processing needs it too)."""
    target = os.path.join(folder, "take.mp4")
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24",
                    "-f", "lavfi", "-i", "sine=frequency=440", "-t", "1", "-pix_fmt", "yuv420p", "-shortest", target],
                   check=True, timeout=120)
    return target


def _saved(call: Any, label: str, function: Any, *args: Any, target: str | None = None, exact: bool = True,
           **kwargs: Any) -> None:
    """``function`` called through ``call``, then recorded as what it saved
    at ``target`` (or kept in the response without one): its first bytes,
    a picture's size in pixels, and its size in bytes when ``exact`` (the
    server's low-definition movies and tiles differ by a few bytes from one
    encoding to the next); an error stays recorded as it is."""
    value = call(label, function, *args, **kwargs)
    if "error" in call.records[-1][1]:
        return
    if target is None:
        content = value.content
    else:
        with open(target, "rb") as saved:
            content = saved.read()
        os.remove(target)
    seen: dict[str, Any] = {"head": content[:12].hex()}
    if content.startswith(b"\x89PNG"):
        seen["pixels"] = list(struct.unpack(">II", content[16:24]))
    if exact:
        seen["size"] = len(content)
    call.records[-1][1] = {"value": seen}


def _chat_attachment(entity: dict[str, Any], file_name: str, content: bytes) -> dict[str, Any]:
    """An attachment of a message in an entity's chat, sent as a PNG (the
    server makes thumbnails of pictures in chats only). Setup: gazu has no
    function sending chat messages; each gazu's own session posts it."""
    gazu.client.post(f"actions/user/chats/{entity['id']}/join", {})
    url = gazu.client.get_full_url(f"data/entities/{entity['id']}/chat/messages")
    answer = gazu.client.default_client.session.post(
        url, headers=gazu.client.make_auth_header(), data={"message": "see the frame"},
        files={"file": (file_name, content, "image/png")})
    answer.raise_for_status()
    attachment: dict[str, Any] = answer.json()["attachment_files"][0]
    return attachment


def run(call: Any) -> None:
    name = call.marker
    folder = tempfile.mkdtemp()
    picture, notes = os.path.join(folder, "frame.png"), os.path.join(folder, "notes.txt")
    with open(picture, "wb") as out:
        out.write(_png())
    with open(notes, "w", encoding="utf-8") as out:
        out.write("notes of the review\n")
    project = gazu.project.new_project(f"previews {name}")
    props = gazu.asset.new_asset_type(f"props {name}")
    lamp = gazu.asset.new_asset(project, props, f"lamp {name}")
    modeling = gazu.task.new_task_type(f"modeling {name}")
    task = gazu.task.new_task(lamp, modeling)
    wip = gazu.task.get_task_status_by_short_name("wip")
    comment = gazu.task.add_comment(task, wip, f"first pass {name}", attachments=[notes, picture])
    movie = gazu.task.add_preview(task, comment, _movie(folder))
    still = gazu.task.add_preview(task, comment, picture)

    # ------------------------------------------------------- processing
    call("wait_for_preview_file", gazu.files.wait_for_preview_file, movie, 60, 0.5)
    call("wait_for_preview_file picture", gazu.files.wait_for_preview_file, still["id"], 60, 0.5)
    pending = gazu.task.create_preview(task, comment)  # nothing uploaded: processing for ever
    call("wait_for_preview_file timeout", gazu.files.wait_for_preview_file, pending, 1, 0.25)
    running = call("get_running_preview_files", gazu.files.get_running_preview_files)
    mine = (movie["id"], still["id"], pending["id"])  # other runs' previews may be processing too
    call.records[-1][1] = {"value": [item for item in running or [] if item["id"] in mine]}

    # ------------------------------------------------------------- URLs
    call("get_preview_movie_url", gazu.files.get_preview_movie_url, movie)
    call("get_preview_movie_url lowdef", gazu.files.get_preview_movie_url, movie["id"], True)
    call("get_preview_lowdef_movie_url", gazu.files.get_preview_lowdef_movie_url, movie)
    call("get_preview_movie_url picture", gazu.files.get_preview_movie_url, still)

    # -------------------------------------------------------- downloads
    target = os.path.join(folder, "saved.bin")
    _saved(call, "download_preview_file", gazu.files.download_preview_file, movie, target, target=target)
    _saved(call, "download_preview_file picture", gazu.files.download_preview_file, still["id"], target,
           target=target)
    _saved(call, "download_preview_movie", gazu.files.download_preview_movie, movie, target, target=target)
    _saved(call, "download_preview_lowdef_movie", gazu.files.download_preview_lowdef_movie, movie, target,
           target=target, exact=False)
    _saved(call, "download_preview_file_thumbnail", gazu.files.download_preview_file_thumbnail, movie, target,
           target=target)
    _saved(call, "download_preview_file_cover", gazu.files.download_preview_file_cover, movie["id"], target,
           target=target)
    _saved(call, "extract_frame_from_preview", gazu.files.extract_frame_from_preview, movie, 12, target,
           target=target)
    _saved(call, "extract_frame_from_preview kept", gazu.files.extract_frame_from_preview, movie["id"], 1)
    _saved(call, "extract_frame_from_preview picture", gazu.files.extract_frame_from_preview, still, 1, target,
           target=target)
    _saved(call, "extract_tile_from_preview", gazu.files.extract_tile_from_preview, movie, target, target=target,
           exact=False)
    _saved(call, "extract_tile_from_preview kept", gazu.files.extract_tile_from_preview, movie["id"], exact=False)

    missing = "00000000-0000-4000-8000-000000000000"
    _saved(call, "download_preview_file missing", gazu.files.download_preview_file, missing, target, target=target)
    _saved(call, "download_preview_file_thumbnail missing", gazu.files.download_preview_file_thumbnail,
           {"id": missing}, target, target=target)
    call("get_preview_movie_url missing", gazu.files.get_preview_movie_url, missing)
    call("wait_for_preview_file missing", gazu.files.wait_for_preview_file, missing, 1, 0.25)

    # ----------------------------------------------- position, drawings
    call("update_preview_position", gazu.files.update_preview_position, still, 1)
    drawing = {"time": 0.5, "drawing": {"objects": [
        {"id": f"circle-{name}", "type": "circle", "left": 10, "top": 20, "radius": 5, "stroke": "#ff0000"},
        {"id": f"arrow-{name}", "type": "path", "path": [["M", 0, 0], ["L", 8, 8]], "stroke": "#00ff00"},
    ]}}
    call("update_preview_annotations", gazu.files.update_preview_annotations, movie, [drawing])
    moved = {"time": 0.5, "drawing": {"objects": [
        {"id": f"circle-{name}", "type": "circle", "left": 30, "top": 40, "radius": 5, "stroke": "#ff0000"},
    ]}}
    call("update_preview_annotations update", gazu.files.update_preview_annotations, movie["id"], None, [moved])
    call("update_preview_annotations deletion", gazu.files.update_preview_annotations, movie, None, None,
         [{"time": 0.5, "objects": [f"arrow-{name}"]}])
    call("update_preview_annotations nothing", gazu.files.update_preview_annotations, movie)
    call("update_preview_position missing", gazu.files.update_preview_position, missing, 2)

    # ------------------------------------------------------ attachments
    attachments = call("get_all_attachment_files_for_project", gazu.files.get_all_attachment_files_for_project,
                       project)
    # Recorded by name (the server lists them in no fixed order) and without
    # their MIME type: ours sends one with each attachment (add_comment, in
    # the setup), official gazu none.
    call.records[-1][1]["value"] = sorted(({key: value for key, value in item.items() if key != "mimetype"}
                                           for item in call.records[-1][1]["value"]), key=lambda item: item["name"])
    for attachment in sorted(attachments or [], key=lambda item: item["name"]):
        kind = attachment["name"].rsplit(".", 1)[-1]
        _saved(call, f"download_attachment_file {kind}", gazu.files.download_attachment_file, attachment, target,
               target=target)
        # A comment's attachments get no thumbnail on the server: not found.
        _saved(call, f"download_attachment_thumbnail {kind}", gazu.files.download_attachment_thumbnail,
               attachment["id"], target, target=target)
    shared = _chat_attachment(lamp, "board.png", _png(64, 48))
    _saved(call, "download_attachment_file chat", gazu.files.download_attachment_file, shared["id"], target,
           target=target)
    _saved(call, "download_attachment_thumbnail chat", gazu.files.download_attachment_thumbnail, shared, target,
           target=target)

    # ---------------------------------------------------------- removal
    call("remove_preview_file", gazu.files.remove_preview_file, still)
    call("remove_preview_file gone", gazu.files.get_preview_file, still["id"])
    call("remove_preview_file force", gazu.files.remove_preview_file, movie["id"], True)
    call("remove_preview_file force gone", gazu.files.get_preview_file, movie["id"])
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    gazu.task.remove_task_type(modeling)
    gazu.asset.remove_asset_type(props)
    shutil.rmtree(folder)
