"""gazu.edit: the edits of a TV show (of the whole show, of an episode),
their metadata, an edit task reviewed with a movie made by ffmpeg."""

from __future__ import annotations

import os
import subprocess
import tempfile
from typing import Any

import gazu


DEPARTURES = {
    "new_edit episode": "gazu 1.3.1 sends the episode as parent_id, which Zou ignores: its edit lands in no "
                        "episode; ours sends episode_id, which Zou reads (its parent_id is the episode)",
    "get_edit_url episode": "the edit's URL under its episode: official gazu's edit has none (see new_edit)",
}


def movie(folder: str) -> str:
    """A one-second 24 fps movie with sound (ffmpeg, which Zou needs too)."""
    target = os.path.join(folder, "cut_v001.mp4")
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24",
                    "-f", "lavfi", "-i", "sine=frequency=440", "-t", "1", "-pix_fmt", "yuv420p", "-shortest", target],
                   check=True, timeout=120)
    return target


def run(call: Any) -> None:
    name, g = call.marker, gazu
    project = g.project.new_project(f"edits {name}", "tvshow")
    episode = g.shot.new_episode(project, f"ep01 {name}")

    # ------------------------------------------------------------ edits
    cut = call("new_edit", g.edit.new_edit, project, f"main cut {name}", "first assembly", {"fps": 24})
    call("new_edit again", g.edit.new_edit, project, f"main cut {name}", "another assembly")
    trailer = call("new_edit plain", g.edit.new_edit, project["id"], f"trailer {name}")
    call("all_edits_for_project", g.edit.all_edits_for_project, project)
    call("get_edit", g.edit.get_edit, cut["id"])
    call("get_edit missing", g.edit.get_edit, "00000000-0000-4000-8000-000000000000")
    call("get_edit_by_name", g.edit.get_edit_by_name, project, f"trailer {name}")
    call("get_edit_by_name none", g.edit.get_edit_by_name, project["id"], f"teaser {name}")
    call("get_edit_url", g.edit.get_edit_url, cut)
    call("get_edit_url id", g.edit.get_edit_url, trailer["id"])
    call("update_edit", g.edit.update_edit, {"id": cut["id"], "description": "director's cut", "nb_frames": 2400})
    call("update_edit_data", g.edit.update_edit_data, cut, {"locked": True})
    call("update_edit_data more", g.edit.update_edit_data, cut["id"], {"fps": 25})
    call("update_edit_data nothing", g.edit.update_edit_data, trailer)
    call("get_edit updated", g.edit.get_edit, cut["id"])

    # ------------------------------------------------ a reviewed edit
    call("all_previews_for_edit none", g.edit.all_previews_for_edit, cut)
    edit_type = g.client.fetch_first("task-types", {"name": "Edit", "for_entity": "Edit"})
    task = g.task.new_task(cut, edit_type)
    comment = g.task.add_comment(task, g.task.get_task_status_by_short_name("wip"), "first assembly")
    g.task.add_preview(task, comment, movie(tempfile.mkdtemp()), no_job=True)  # built within the request
    call("all_previews_for_edit", g.edit.all_previews_for_edit, cut)
    call("all_previews_for_edit id", g.edit.all_previews_for_edit, cut["id"])

    # --------------------------------------------------------- removal
    call("remove_edit", g.edit.remove_edit, trailer)
    call("get_edit removed", g.edit.get_edit, trailer["id"])
    call("remove_edit with task", g.edit.remove_edit, cut)
    call("get_edit with task", g.edit.get_edit, cut["id"])
    call("remove_edit force", g.edit.remove_edit, cut["id"], True)
    call("all_edits_for_project after", g.edit.all_edits_for_project, project)

    # ----------------------------- an episode's edit (last: ids differ from here)
    episode_cut = call("new_edit episode", g.edit.new_edit, project, f"ep01 cut {name}", None, None, episode)
    call("get_edit_url episode", g.edit.get_edit_url, episode_cut)
    call("remove_edit episode", g.edit.remove_edit, episode_cut)
    g.project.close_project(project)
    g.project.remove_project(project, force=True)
