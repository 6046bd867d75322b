"""gazu.playlist on a review: shots with picture previews put in a
playlist (their newest preview or a chosen one), shown with another
preview, taken out, saved or only returned; a temporary playlist of
tasks; the production's clients notified; share links made, listed and
revoked; the playlist deleted."""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import zlib
from typing import Any

import gazu


def _png(grey: int) -> bytes:
    """A valid 8x8 RGB PNG of one grey (the server decodes the previews it gets)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes([grey]) * 24 for _ in range(8))
    header = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def run(call: Any) -> None:
    name = call.marker
    folder = tempfile.mkdtemp()
    project = gazu.project.new_project(f"review {name}")
    sequence = gazu.shot.new_sequence(project, f"sq01 {name}")
    first = gazu.shot.new_shot(project, sequence, f"sh010 {name}")
    second = gazu.shot.new_shot(project, sequence, f"sh020 {name}")
    unseen = gazu.shot.new_shot(project, sequence, f"sh030 {name}")
    layout = gazu.task.new_task_type(f"layout {name}", for_entity="Shot")
    wip = gazu.task.get_task_status_by_short_name("wip")
    tasks, previews = {}, {}
    for shot, takes in ((first, 2), (second, 1), (unseen, 0)):
        tasks[shot["id"]] = task = gazu.task.new_task(shot, layout)
        for take in range(takes):
            picture = os.path.join(folder, f"take{take}.png")
            with open(picture, "wb") as out:
                out.write(_png(0x40 * (take + 1)))
            comment = gazu.task.add_comment(task, wip, f"take {take + 1}")
            previews.setdefault(shot["id"], []).append(gazu.task.add_preview(task, comment, picture))
    playlist = gazu.playlist.new_playlist(project, f"dailies {name}")

    # ------------------------------------------------------------ entries
    call("get_entity_preview_files", gazu.playlist.get_entity_preview_files, first)
    call("get_entity_preview_files none", gazu.playlist.get_entity_preview_files, unseen["id"])
    call("add_entity_to_playlist", gazu.playlist.add_entity_to_playlist, playlist, first)
    call("add_entity_to_playlist chosen", gazu.playlist.add_entity_to_playlist, playlist, second["id"],
         previews[second["id"]][0])
    call("add_entity_to_playlist no preview", gazu.playlist.add_entity_to_playlist, playlist, unseen)
    current = gazu.playlist.get_playlist(playlist)
    call("add_entity_to_playlist not saved", gazu.playlist.add_entity_to_playlist, current, first,
         previews[first["id"]][0], False)
    call("add_entity_to_playlist not saved newest", gazu.playlist.add_entity_to_playlist, {"id": playlist["id"]},
         second, None, False)
    call("add_entity_to_playlist saved", gazu.playlist.get_playlist, playlist)
    older = previews[first["id"]][0]
    call("update_entity_preview", gazu.playlist.update_entity_preview, gazu.playlist.get_playlist(playlist), first,
         older)
    call("update_entity_preview not saved", gazu.playlist.update_entity_preview,
         gazu.playlist.get_playlist(playlist), second, previews[first["id"]][1]["id"], False)
    call("update_entity_preview saved", gazu.playlist.all_shots_for_playlist, playlist)
    call("remove_entity_from_playlist", gazu.playlist.remove_entity_from_playlist,
         gazu.playlist.get_playlist(playlist), unseen)
    call("remove_entity_from_playlist not saved", gazu.playlist.remove_entity_from_playlist,
         gazu.playlist.get_playlist(playlist), first["id"], False)
    call("remove_entity_from_playlist saved", gazu.playlist.all_shots_for_playlist, playlist)

    # -------------------------------------------------- temporary lists
    call("generate_temp_playlist", gazu.playlist.generate_temp_playlist, project,
         {"task_ids": [tasks[first["id"]]["id"], tasks[second["id"]]["id"]]})
    call("generate_temp_playlist entities", gazu.playlist.generate_temp_playlist, project["id"],
         {"entity_ids": [second["id"]]})
    call("generate_temp_playlist nothing", gazu.playlist.generate_temp_playlist, project, {})

    # ------------------------------------------------ clients and guests
    viewer = gazu.person.new_person("Vera", f"Client {name}", f"vera.{name}@example.com", role="client")
    gazu.project.add_person_to_team(project, viewer)
    call("notify_clients_playlist_ready", gazu.playlist.notify_clients_playlist_ready, playlist)
    link = call("new_share_link", gazu.playlist.new_share_link, playlist)
    guarded = call("new_share_link guarded", gazu.playlist.new_share_link, playlist["id"], "2031-12-31", False,
                   "open sesame")
    call.unordered("all_share_links_for_playlist", gazu.playlist.all_share_links_for_playlist, playlist,
                   by="can_comment")
    call("remove_share_link", gazu.playlist.remove_share_link, playlist, link["token"])
    call("all_share_links_for_playlist after", gazu.playlist.all_share_links_for_playlist, playlist["id"])
    call("remove_share_link again", gazu.playlist.remove_share_link, playlist, link["token"])
    call("remove_share_link guarded", gazu.playlist.remove_share_link, playlist["id"], guarded["token"])

    # ----------------------------------------------------------- removal
    call("delete_playlist", gazu.playlist.delete_playlist, playlist)
    call("delete_playlist gone", gazu.playlist.get_playlist, playlist["id"])
    call("delete_playlist again", gazu.playlist.delete_playlist, playlist["id"])
    gazu.person.remove_person(viewer, force=True)
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    gazu.task.remove_task_type(layout)
    shutil.rmtree(folder)
