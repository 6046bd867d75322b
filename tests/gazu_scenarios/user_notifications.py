"""gazu.user, notifications: an artist of this run (logged in on a client of
their own) and the admin comment on each other's tasks; each reads the
notifications it got, marks one read, the artist marks all read; the artist
clears the avatar the admin gave them."""

from __future__ import annotations

import os
import struct
import tempfile
import zlib
from typing import Any

import gazu

MISSING = "00000000-0000-4000-8000-000000000000"


def run(call: Any) -> None:
    mark = call.marker
    me = gazu.client.get_current_user()
    project = gazu.project.new_project(f"notes {mark}")
    layout = gazu.task.new_task_type(f"layout {mark}", for_entity="Shot")
    email, password = f"nina.{mark}@example.com", f"Secret-{mark}-42"
    artist = gazu.person.new_person("Nina", f"Artist {mark}", email, role="user", password=password)
    try:
        for person in (me, artist):
            gazu.project.add_person_to_team(project, person)
        gazu.project.add_task_type(project, layout, 1)
        sequence = gazu.shot.new_sequence(project, f"sq01 {mark}")
        shot = gazu.shot.new_shot(project, sequence, f"sh010 {mark}")
        mine = gazu.task.new_task(shot, layout, assignees=[me, artist])
        theirs = gazu.task.new_task(shot, layout, name="blocking", assignees=[artist])
        artist_client = gazu.client.create_client(gazu.client.get_host())
        gazu.log_in(email, password, client=artist_client)
        _scenario(call, mark, artist, artist_client, mine, theirs)
    finally:
        gazu.project.close_project(project)
        gazu.project.remove_project(project, force=True)
        gazu.task.remove_task_type(layout)
        gazu.person.remove_person(artist, force=True)


def _scenario(call: Any, mark: str, artist: dict, artist_client: Any, mine: dict, theirs: dict) -> None:
    todo = gazu.task.get_task_status_by_short_name("todo")
    wip = gazu.task.get_task_status_by_short_name("wip")
    gazu.task.add_comment(mine, todo, f"please check the camera {mark}", client=artist_client)
    gazu.task.add_comment(theirs, wip, f"go ahead with the blocking {mark}")
    gazu.task.add_comment(theirs, wip, f"and mind the horizon {mark}")

    # The admin's notifications: every test's tasks; keep this run's.
    notes = call.ours_only("all_notifications", gazu.user.all_notifications)
    note = next(item for item in notes if mark in str(item))
    call("get_notification", gazu.user.get_notification, note)
    call("update_notification", gazu.user.update_notification, {"id": note["id"], "read": True})
    call("get_notification read", gazu.user.get_notification, note["id"])
    call("get_notification missing", gazu.user.get_notification, MISSING)

    # The artist's, on their own client: only this run's.
    listed = call.unordered("all_notifications artist", gazu.user.all_notifications, client=artist_client,
                            by="comment_text")
    first = min(listed or [{}], key=lambda item: str(item.get("comment_text")))
    call("update_notification artist", gazu.user.update_notification, {**first, "read": True},
         client=artist_client)
    call("update_notification of another", gazu.user.update_notification, {"id": note["id"], "read": False},
         client=artist_client)
    call("mark_all_notifications_as_read", gazu.user.mark_all_notifications_as_read, client=artist_client)
    call.unordered("all_notifications artist read", gazu.user.all_notifications, client=artist_client,
                   by="comment_text")

    with tempfile.TemporaryDirectory() as folder:
        avatar = os.path.join(folder, "nina.png")
        with open(avatar, "wb") as out:
            out.write(_png())
        gazu.person.set_avatar(artist, avatar)
    _has_avatar(call, "get_person before clear_avatar", artist)
    call("clear_avatar", gazu.user.clear_avatar, client=artist_client)
    _has_avatar(call, "get_person after clear_avatar", artist)
    call("is_authenticated artist", gazu.user.is_authenticated, client=artist_client)


def _has_avatar(call: Any, label: str, person: dict) -> None:
    """Whether ``person`` has an avatar, read back (recorded alone: the rest
    of the record is the previous calls')."""
    call(label, gazu.person.get_person, person["id"])
    call.records[-1][1] = {"value": {"has_avatar": (call.records[-1][1].get("value") or {}).get("has_avatar")}}


def _png() -> bytes:
    """A 1x1 PNG (the server decodes avatars)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n" + header + chunk(b"IDAT", zlib.compress(b"\x00\x80\x80\x80")) + chunk(b"IEND", b"")
