"""gazu.task's comments: a supervisor's review round posted in batches (with
notes and a frame attached), replies and acknowledgements, a comment moved
to the right task, an attachment removed; the production's comments,
notifications and subscriptions read back."""

from __future__ import annotations

import functools
import os
import shutil
import struct
import tempfile
import zlib
from typing import Any

import gazu


def run(call: Any) -> None:
    name = call.marker
    folder = tempfile.mkdtemp()
    notes, frame = os.path.join(folder, "notes.txt"), os.path.join(folder, "frame.png")
    with open(notes, "w", encoding="utf-8") as out:
        out.write("silhouette reads well, fix the base\n")
    with open(frame, "wb") as out:
        out.write(png(32, 24))
    project = gazu.project.new_project(f"comments {name}", "featurefilm")
    props = gazu.asset.new_asset_type(f"props {name}")
    lamp = gazu.asset.new_asset(project, props, f"lamp {name}")
    chair = gazu.asset.new_asset(project, props, f"chair {name}")
    modeling = gazu.task.get_task_type_by_name("Modeling", "Asset")
    shading = gazu.task.get_task_type_by_name("Shading", "Asset")
    for task_type in (modeling, shading):
        gazu.project.add_task_type(project, task_type, None)
    artist = gazu.person.new_person("Hayao", f"Miyazaki {name}", f"hayao.{name}@example.com")
    gazu.project.add_person_to_team(project, artist)
    lamp_modeling = gazu.task.new_task(lamp, modeling, assignees=[artist])
    lamp_shading = gazu.task.new_task(lamp, shading, assignees=[artist])
    chair_modeling = gazu.task.new_task(chair, modeling, assignees=[artist])
    wip = gazu.task.get_task_status_by_short_name("wip")
    retake = gazu.task.get_task_status_by_short_name("retake")
    wfa = gazu.task.get_task_status_by_short_name("wfa")
    gazu.user.subscribe_to_task(lamp_modeling)

    # --------------------------------------------------------- in batches
    comments = [
        {"task_status_id": wip["id"], "text": f"blocking ok {name}", "attachment_files": [notes]},
        {"task_status_id": retake["id"], "text": f"base too thin {name}", "checklist": [
            {"text": "thicker base", "checked": False}], "attachment_files": [notes, frame]},
    ]
    posted = call("batch_comments", gazu.task.batch_comments, comments, lamp_modeling)
    others = call("batch_comments tasks", gazu.task.batch_comments, [
        {"task_id": chair_modeling["id"], "task_status_id": wip["id"], "text": f"legs ok {name}"},
        {"task_id": lamp_shading["id"], "task_status_id": wfa["id"], "text": f"shader v1 {name}",
         "preview_files": [frame]},
    ])
    call("batch_comments none", gazu.task.batch_comments, None, lamp_modeling)
    shared = call("add_tasks_batch_comments", gazu.task.add_tasks_batch_comments, [chair_modeling, lamp_shading["id"]],
         {"task_status_id": retake["id"], "text": f"colour script changed {name}", "person_id": artist["id"]})
    call("create_multiple_comments", gazu.task.create_multiple_comments, project, [
        {"object_id": chair_modeling["id"], "task_status_id": wip["id"], "comment": f"dailies {name}"}])

    # ------------------------------------------- one comment's life
    thin = posted[1]
    reply = call("reply_to_comment", gazu.task.reply_to_comment, lamp_modeling, thin, f"on it {name}", artist)
    call("reply_to_comment admin", gazu.task.reply_to_comment, lamp_modeling["id"], thin["id"], f"thanks {name}")
    # These answers list the attachments by id, in no fixed order: recorded by name.
    names = {item["id"]: item["name"] for comment in posted for item in comment["attachment_files"]}
    acknowledge = _attachments_named(gazu.task.acknowledge_comment, names)
    call("acknowledge_comment", acknowledge, lamp_modeling, thin)
    call("acknowledge_comment again", acknowledge, lamp_modeling["id"], thin["id"])
    call("delete_comment_reply", gazu.task.delete_comment_reply, lamp_modeling, thin, reply)
    attachment = sorted(thin["attachment_files"], key=lambda item: item["name"])[0]
    call("delete_comment_attachment", gazu.task.delete_comment_attachment, lamp_modeling, thin, attachment)
    call("delete_comment_attachment gone", gazu.task.delete_comment_attachment, lamp_modeling, thin,
         attachment["id"])
    call("get_comment", gazu.task.get_comment, thin["id"])
    move = _attachments_named(gazu.task.move_comment_to_task, names)
    call("move_comment_to_task", move, lamp_modeling, posted[0], lamp_shading)
    call("move_comment_to_task other entity", move, lamp_shading, posted[0], chair_modeling["id"])
    call("all_comments_for_task moved", gazu.task.all_comments_for_task, lamp_shading)

    # ------------------------------------------------ the production's
    # Both lists come in no fixed order (same-second dates): recorded by task and text.
    tasks = {lamp_modeling["id"]: "lamp modeling", lamp_shading["id"]: "lamp shading", chair_modeling["id"]: "chair"}
    texts = {comment["id"]: comment["text"] for comment in [*posted, *others, *shared]}
    call("all_comments_for_project", _sorted(_attachments_named(gazu.task.all_comments_for_project, names),
                                             lambda item: (item["text"], tasks[item["object_id"]])), project)
    call("all_notifications_for_project", _sorted(gazu.task.all_notifications_for_project, lambda item: (
        tasks[item["task_id"]], texts[item["comment_id"]], item["notification_type"], item["change"])), project)
    call("all_subscriptions_for_project", gazu.task.all_subscriptions_for_project, project)

    shutil.rmtree(folder)
    gazu.person.remove_person(artist, True)
    gazu.project.close_project(project)
    gazu.project.remove_project(project, True)
    gazu.asset.remove_asset_type(props)


def _sorted(function: Any, key: Any) -> Any:
    """``function``, its list answer sorted by ``key``."""
    @functools.wraps(function)
    def answer(*args: Any) -> Any:
        return sorted(function(*args), key=key)

    return answer


def _attachments_named(function: Any, names: dict[str, str]) -> Any:
    """``function``, the ``attachment_files`` of the comments it answers
    (ids, in no fixed order) given as their names, sorted."""
    def named(comment: dict[str, Any]) -> dict[str, Any]:
        comment = dict(comment)
        files = comment.pop("attachment_files", [])
        return {**comment, "attachment_file_names": sorted(names.get(item, item) for item in files)}

    @functools.wraps(function)
    def answer(*args: Any) -> Any:
        value = function(*args)
        return [named(item) for item in value] if isinstance(value, list) else named(value)

    return answer


def png(width: int, height: int) -> bytes:
    """A small RGB PNG, a gradient (the server makes thumbnails of it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + bytes(value for x in range(width) for value in (x * 8 % 256, y * 10 % 256, 128))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
