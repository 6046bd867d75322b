"""gazu.playlist on builds: a playlist of two shots with movie previews
built into one movie by the server (ffmpeg), the build job read, listed,
its movie and the playlist's zip downloaded, the job removed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import zipfile
from typing import Any

import gazu


def _movie(folder: str, name: str, frequency: int) -> str:
    """A one-second movie with sound, made by ffmpeg (the server's processing needs it too)."""
    target = os.path.join(folder, f"{name}.mp4")
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24",
                    "-f", "lavfi", "-i", f"sine=frequency={frequency}", "-t", "1", "-pix_fmt", "yuv420p",
                    "-shortest", target], check=True, timeout=120)
    return target


def run(call: Any) -> None:
    name = call.marker
    folder = tempfile.mkdtemp()
    project = gazu.project.new_project(f"builds {name}")
    # Small movies: the server encodes every preview and the build at the production's resolution.
    gazu.project.update_project({"id": project["id"], "resolution": "320x240", "fps": "24"})
    sequence = gazu.shot.new_sequence(project, f"sq01 {name}")
    animation = gazu.task.new_task_type(f"animation {name}", for_entity="Shot")
    wip = gazu.task.get_task_status_by_short_name("wip")
    playlist = gazu.playlist.new_playlist(project, f"edit {name}")
    for number, frequency in ((10, 440), (20, 660)):
        shot = gazu.shot.new_shot(project, sequence, f"sh{number:03d} {name}")
        task = gazu.task.new_task(shot, animation)
        comment = gazu.task.add_comment(task, wip, "blocking")
        gazu.task.add_preview(task, comment, _movie(folder, f"sh{number:03d}", frequency))
        playlist = gazu.playlist.add_entity_to_playlist(playlist, shot)

    # ------------------------------------------------------------ builds
    job = call("build_playlist_movie", gazu.playlist.build_playlist_movie, playlist)
    call("get_build_job", gazu.playlist.get_build_job, playlist, job)
    call("get_build_job by id", gazu.playlist.get_build_job, playlist["id"], job["id"])
    call("all_build_jobs_for_project", gazu.playlist.all_build_jobs_for_project, project)
    target = os.path.join(folder, "edit.mp4")
    call("download_playlist_build", gazu.playlist.download_playlist_build, playlist, job, target)
    with open(target, "rb") as built:
        head = built.read(12)
    # The built movie's bytes differ from one encoding to the next: its kind only.
    call.records[-1][1] = {"value": {"head": head.hex(), "size > 0": os.path.getsize(target) > 0}}
    archive = os.path.join(folder, "edit.zip")
    call("download_playlist_zip", gazu.playlist.download_playlist_zip, playlist["id"], archive)
    with zipfile.ZipFile(archive) as opened:
        entries = sorted((entry.filename, entry.file_size) for entry in opened.infolist())
    call.records[-1][1] = {"value": entries}
    call("remove_build_job", gazu.playlist.remove_build_job, playlist, job)
    call("remove_build_job gone", gazu.playlist.get_build_job, playlist, job["id"])
    call("all_build_jobs_for_project after", gazu.playlist.all_build_jobs_for_project, project["id"])

    # ---------------------------------------------------------- clean up
    gazu.playlist.delete_playlist(playlist)
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    gazu.task.remove_task_type(animation)
    shutil.rmtree(folder)
