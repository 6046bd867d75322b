"""gazu.task's previews: an artist publishes a turntable frame for review
(made the asset's thumbnail), adds extra pages to the same revision from
disk and from a URL, removes a wrong page; the task's and production's
previews read back."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import struct
import tempfile
import threading
import zlib
from typing import Any

import gazu


def run(call: Any) -> None:
    name = call.marker
    folder = tempfile.mkdtemp()
    frames = {}
    for number, size in enumerate(((48, 32), (40, 30), (24, 24)), 1):
        frames[number] = os.path.join(folder, f"turntable_{number:04d}.png")
        with open(frames[number], "wb") as out:
            out.write(png(*size))
    # A web server of that folder: previews published from a URL.
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/turntable_0003.png"

    project = gazu.project.new_project(f"previews {name}", "featurefilm")
    props = gazu.asset.new_asset_type(f"props {name}")
    lamp = gazu.asset.new_asset(project, props, f"lamp {name}")
    modeling = gazu.task.get_task_type_by_name("Modeling", "Asset")
    gazu.project.add_task_type(project, modeling, None)
    artist = gazu.person.new_person("Lotte", f"Reiniger {name}", f"lotte.{name}@example.com")
    task = gazu.task.new_task(lamp, modeling, assignees=[artist])
    wfa = gazu.task.get_task_status_by_short_name("wfa")
    wip = gazu.task.get_task_status_by_short_name("wip")

    # ------------------------------------------------- publish, extras
    published = call("publish_preview", gazu.task.publish_preview, task, wfa, f"turntable v1 {name}", artist,
                     [{"text": "check the base", "checked": False}], None, None, frames[1], set_thumbnail=True)
    comment, preview = published
    call("get_asset thumbnail", gazu.asset.get_asset, lamp["id"])
    extra = call("create_extra_preview", gazu.task.create_extra_preview, task, comment, preview)
    call("upload_preview_file extra", gazu.task.upload_preview_file, extra, frames[2])
    call("add_extra_preview", gazu.task.add_extra_preview, task, comment["id"], preview["id"], frames[2])
    call("add_extra_preview url", gazu.task.add_extra_preview, task, comment, preview, preview_file_url=url)
    call("add_extra_preview in request", gazu.task.add_extra_preview, task, comment, preview, frames[1],
         normalize_movie=False, no_job=True)
    call("add_extra_preview nothing", gazu.task.add_extra_preview, task, comment, preview)
    # The server orders previews by revision (the task's) or by date (the
    # production's) only: recorded by revision and position.
    call("all_previews_for_task", _by_revision(gazu.task.all_previews_for_task), task)
    call("remove_preview_from_comment", gazu.task.remove_preview_from_comment, task, comment, extra)
    call("remove_preview_from_comment gone", gazu.task.remove_preview_from_comment, task["id"], comment["id"],
         extra["id"])
    call("publish_preview url", gazu.task.publish_preview, task["id"], wip["id"], f"turntable v2 {name}",
         preview_file_url=url, revision=5, links=["https://wiki.example.com/lamp"])
    call("all_previews_for_task after", _by_revision(gazu.task.all_previews_for_task), task["id"])
    call("all_preview_files_for_project", _by_revision(gazu.task.all_preview_files_for_project), project)
    # Last: official gazu posts the comment before finding there is no file.
    call("publish_preview no file", gazu.task.publish_preview, task, wfa, f"forgot the file {name}")

    server.shutdown()
    server.server_close()
    shutil.rmtree(folder)
    gazu.person.remove_person(artist, True)
    gazu.project.close_project(project)
    gazu.project.remove_project(project, True)
    gazu.asset.remove_asset_type(props)


def _by_revision(function: Any) -> Any:
    """``function``, its previews sorted by revision (newest first), then position."""
    @functools.wraps(function)
    def answer(*args: Any) -> Any:
        return sorted(function(*args), key=lambda item: (-item["revision"], item["position"]))

    return answer


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:  # the run's output is its JSON records
        pass


def png(width: int, height: int) -> bytes:
    """A small RGB PNG, a gradient (the server makes thumbnails of it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(value for x in range(width) for value in (x * 5 % 256, y * 7 % 256, 90))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
