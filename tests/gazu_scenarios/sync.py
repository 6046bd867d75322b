"""gazu.sync between two Kitsu clients: the default one as the source and a
second one (``gazu.client.create_client``, logged in on its own) as the
target, on the same server. Id maps are built, comments with attachments
and previews re-posted, a production's entities and tasks imported into
another production (same ids: on one server an import moves them) and back.
"""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import zlib
from typing import Any

import gazu

sync = gazu.sync


def _png() -> bytes:
    """A 2x2 grey PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        return struct.pack(">I", len(data)) + kind + data + crc

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * 2 for _ in range(2))
    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _mine(call: Any, *records: Any) -> None:
    """The last record, an id map over the whole server, cut to the ids of
    ``records`` (in their order: the ids are numbered as they come)."""
    answer = call.records[-1][1]
    if isinstance(answer.get("value"), dict):
        answer["value"] = {one["id"]: answer["value"].get(one["id"]) for one in records}


def _links(call: Any, *records: Any) -> None:
    """The last record, entity links, sorted by their ends' places in
    ``records`` (the server gives them in no fixed order)."""
    answer, place = call.records[-1][1], {one["id"]: index for index, one in enumerate(records)}
    if isinstance(answer.get("value"), list):
        answer["value"].sort(key=lambda link: (place.get(link["entity_in_id"], -1),
                                               place.get(link["entity_out_id"], -1)))


def _comments(call: Any) -> None:
    """The last record, a task's comments, as what each says, sorted: a
    re-posted comment keeps its date, so the server's order among equal
    dates varies."""
    answer = call.records[-1][1]
    if isinstance(answer.get("value"), list):
        answer["value"] = sorted(
            [comment["text"], comment["task_status"]["name"], comment["person"]["full_name"], comment["checklist"],
             sorted(one["name"] for one in comment["attachment_files"]),
             [[one["original_name"], one["extension"], one["annotations"]] for one in comment["previews"]]]
            for comment in answer["value"])


def run(call: Any) -> None:  # noqa: PLR0915 (one story, told in order)
    name = call.marker
    target = gazu.client.create_client(gazu.client.get_host())
    gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"], client=target)
    folder = tempfile.mkdtemp()
    frame, notes = os.path.join(folder, "frame.png"), os.path.join(folder, "notes.txt")
    with open(frame, "wb") as out:
        out.write(_png())
    with open(notes, "w", encoding="utf-8") as out:
        out.write("retopo the hands\n")

    me = gazu.client.get_current_user()
    department = gazu.client.create("departments", {"name": f"modeling dept {name}", "color": "#AA0000"})
    artist = gazu.person.new_person("Grace", f"Hopper {name}", f"grace.{name}@example.com",
                                    departments=[department])
    props = gazu.asset.new_asset_type(f"props {name}")
    modeling = gazu.task.new_task_type(f"modeling {name}", for_entity="Asset")
    animation = gazu.task.new_task_type(f"animation {name}", for_entity="Shot")
    approved = gazu.task.new_task_status(f"approved {name}", name[-10:], "#22D160")
    wip: Any = gazu.task.get_task_status_by_short_name("wip")
    todo = gazu.task.get_default_task_status()
    source = gazu.project.new_project(f"sync source {name}", "tvshow")
    destination = gazu.project.new_project(f"sync target {name}", "tvshow")
    try:
        for project in (source, destination):
            gazu.project.add_person_to_team(project, artist)
        for project, renamed in ((source, f"ep01 {name}"), (destination, f"pilot {name}")):  # not two "E01"s
            made: Any = gazu.shot.get_episode_by_name(project, "E01")  # a TV show's first episode, made with it
            gazu.shot.update_episode({"id": made["id"], "name": renamed})
        episode: Any = gazu.shot.get_episode_by_name(source, f"ep01 {name}")
        sequence = gazu.shot.new_sequence(source, f"sq01 {name}", episode=episode)
        shot = gazu.shot.new_shot(source, sequence, f"sh010 {name}", nb_frames=24)
        gazu.shot.new_shot(source, sequence, f"sh020 {name}", nb_frames=48)
        hero = gazu.asset.new_asset(source, props, f"hero {name}", "the hero")
        sword = gazu.asset.new_asset(source, props, f"sword {name}", "a sword")
        gazu.asset.update_asset({"id": hero["id"], "ready_for": animation["id"]})
        casting = [{"asset_id": hero["id"], "nb_occurences": 1}, {"asset_id": sword["id"], "nb_occurences": 2}]
        gazu.casting.update_shot_casting(source, shot, casting)
        hero_modeling = gazu.task.new_task(hero, modeling, f"hero modeling {name}", assigner=me, assignees=[artist])
        gazu.task.new_task(sword, modeling, f"sword modeling {name}")
        shot_animation = gazu.task.new_task(shot, animation, f"sh010 animation {name}", assignees=[me])
        gazu.task.add_comment(hero_modeling, wip, "first pass", attachments=[notes])
        gazu.task.add_comment(hero_modeling, approved, "looks good", person=artist,
                              checklist=[{"text": "hands", "checked": True}])
        blocking = gazu.task.add_comment(shot_animation, wip, "blocking")
        preview = gazu.task.add_preview(shot_animation, blocking, frame)
        gazu.files.update_preview(preview, {"annotations": [
            {"time": 0, "drawing": {"objects": [{"type": "path", "stroke": "#ff3860", "path": [["M", 0, 0]]}]}}]})

        # ------------------------------------------------------ id maps
        status_map = call("get_sync_task_status_id_map", sync.get_sync_task_status_id_map, gazu.client.default_client,
                          target)
        _mine(call, approved, wip, todo)
        person_map = call("get_sync_person_id_map", sync.get_sync_person_id_map, gazu.client.default_client, target)
        _mine(call, artist, me)
        call("get_sync_department_id_map", sync.get_sync_department_id_map, gazu.client.default_client, target)
        _mine(call, department)
        call("get_sync_asset_type_id_map", sync.get_sync_asset_type_id_map, gazu.client.default_client, target)
        _mine(call, props)
        call("get_sync_task_type_id_map", sync.get_sync_task_type_id_map, gazu.client.default_client, target)
        _mine(call, modeling, animation)
        call("get_sync_project_id_map", sync.get_sync_project_id_map, gazu.client.default_client, target)
        _mine(call, source, destination)

        # ---------------------------------------------- comments re-posted
        first, second = gazu.task.all_comments_for_task(hero_modeling)[::-1]
        call("push_task_comment", sync.push_task_comment, status_map, person_map, hero_modeling, first,
             gazu.client.default_client, target)
        call("push_task_comment author", sync.push_task_comment, status_map, person_map, hero_modeling["id"],
             second, gazu.client.default_client, target, me["id"], folder)
        call("push_task_comment unmapped status", sync.push_task_comment, {}, person_map, hero_modeling, second,
             gazu.client.default_client, target)
        call("comments after push_task_comment", gazu.task.all_comments_for_task, hero_modeling)
        _comments(call)
        call("push_task_comments", sync.push_task_comments, status_map, person_map, shot_animation,
             gazu.client.default_client, target)
        call("comments after push_task_comments", gazu.task.all_comments_for_task, shot_animation)
        _comments(call)
        call.unordered("push_tasks_comments", sync.push_tasks_comments, source, gazu.client.default_client, target)
        call("comments after push_tasks_comments", gazu.task.all_comments_for_task, shot_animation["id"])
        _comments(call)

        # ------------------------------------- entities and tasks imported
        call("push_project_entities", sync.push_project_entities, source, destination,
             gazu.client.default_client, target)
        call("assets after push_project_entities", gazu.asset.all_assets_for_project, destination)
        call("shots after push_project_entities", gazu.shot.all_shots_for_project, destination["id"])
        call.unordered("push_tasks", sync.push_tasks, source, destination, todo, gazu.client.default_client, target)
        call.unordered("tasks after push_tasks", gazu.task.all_tasks_for_project, destination)
        call("push_assets", sync.push_assets, destination, source, gazu.client.default_client, target)
        call("push_episodes", sync.push_episodes, destination, source, gazu.client.default_client, target)
        call("push_sequences", sync.push_sequences, destination, source, gazu.client.default_client, target)
        call("push_shots", sync.push_shots, destination, source, gazu.client.default_client, target)
        gazu.casting.update_shot_casting(source, shot, casting)  # an import without entities_out clears it
        ends = (episode, shot, hero, sword)
        call("push_entity_links", sync.push_entity_links, source, destination, gazu.client.default_client, target)
        _links(call, *ends)
        links = gazu.casting.all_entity_links_for_project(source)
        call("import_entity_links", sync.import_entity_links,
             [{**link, "nb_occurences": link["nb_occurences"] + 1} for link in links], client=target)
        _links(call, *ends)
        call("casting after import_entity_links", gazu.casting.get_shot_casting, shot)
        call("assets after push_assets", gazu.asset.all_assets_for_project, source)
        call("push_assets empty", sync.push_assets, destination, source, gazu.client.default_client, target)
    finally:
        for project in (source, destination):  # tasks first: they may now be another production's entities'
            for task in gazu.task.all_tasks_for_project(project):
                gazu.task.remove_task(task)
        for project in (source, destination):
            gazu.project.close_project(project)
            gazu.project.remove_project(project, force=True)
        gazu.person.remove_person(artist, force=True)
        gazu.client.delete(f"data/departments/{department['id']}")
        gazu.task.remove_task_status(approved)
        for task_type in (modeling, animation):
            gazu.task.remove_task_type(task_type)
        gazu.asset.remove_asset_type(props)
        shutil.rmtree(folder)
