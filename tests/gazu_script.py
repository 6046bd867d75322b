"""A gazu-style production script: log in, create a production with assets,
sequences, shots, casting and people, read it all back, update ``data``,
remove things. It uses nothing but ``gazu`` and the standard library, so it
runs unchanged through official gazu and through ours
(tests/side_by_side.py runs it in both; the integration tests run it
in-process on ours and check the values).

Each call is recorded as ``[label, {"value": ...}]`` or ``[label,
{"error": <gazu.exception name>}]``. Everything this run creates carries
the marker ``gzrun<tag>`` (``GAZU_RUN_TAG``); list answers are cut to this
run's records and the server's own, so two runs on one server compare.
Run as a program it logs in from ``KITSU_API_URL``, ``KITSU_ADMIN_EMAIL``,
``KITSU_ADMIN_PASSWORD`` and prints the records as JSON on its last line;
with ``GAZU_CALLS=1`` it runs the call list read from stdin instead
(tests/side_by_side.py's ``run``).
"""

from __future__ import annotations

import functools
import importlib
import json
import os
import struct
import subprocess
import sys
import tempfile
import uuid
import zlib
from typing import Any

import gazu

MARK = "gzrun"


def _png() -> bytes:
    """A valid 1x1 PNG (the avatar route decodes what it gets)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def _error_name(exc: BaseException) -> str:
    """The name gazu.exception gives the error, else ValueError for a bad
    argument refused before sending (ours: the SDK's InvalidArgumentError)."""
    if getattr(gazu.exception, type(exc).__name__, None) is not type(exc) and isinstance(exc, ValueError):
        return "ValueError"
    for cls in type(exc).__mro__:
        names = sorted(n for n in dir(gazu.exception) if getattr(gazu.exception, n) is cls)
        if names:
            return max(names, key=lambda n: n.endswith("Exception"))
    return type(exc).__name__


class Recorder:
    def __init__(self, tag: str) -> None:
        self.marker = MARK + tag
        self.records: list[list[Any]] = []
        #: The gazu functions called, as ``module.name`` (``gazu.asset.get_asset``: ``asset.get_asset``).
        self.called: set[str] = set()

    def mine(self, value: Any) -> bool:
        """False for a record another run of this script created."""
        text = json.dumps(value, default=str)
        return MARK not in text.replace(self.marker, "")

    def ours_only(self, label: str, function: Any, *args: Any) -> Any:
        """A call over the whole server (every entity, every production):
        recorded with this run's records only, the rest varies between runs."""
        value = self(label, function, *args)
        recorded = self.records[-1][1]
        if isinstance(recorded.get("value"), list):
            mine = [item for item in recorded["value"] if self.marker in json.dumps(item)]
            recorded["value"] = sorted(mine, key=lambda item: (str(item.get("type")), str(item.get("name"))))
        return value

    def unordered(self, label: str, function: Any, *args: Any, by: str = "name", **kwargs: Any) -> Any:
        """A call whose list answer comes in no fixed order: recorded sorted
        by each item's ``by`` key."""
        value = self(label, function, *args, **kwargs)
        recorded = self.records[-1][1]
        if isinstance(recorded.get("value"), list):
            recorded["value"] = sorted(recorded["value"], key=lambda item: json.dumps(item.get(by), default=str))
        return value

    def __call__(self, label: str, function: Any, *args: Any, **kwargs: Any) -> Any:
        module = str(getattr(function, "__module__", "")).replace("._generated", "")
        if module == "gazu" or module.startswith("gazu."):  # as gazu-routes.json names them
            self.called.add(f"{module.removeprefix('gazu').lstrip('.')}.{function.__name__}".lstrip("."))
        try:
            value = function(*args, **kwargs)
        except ValueError:  # a bad argument (ours: also an InvalidArgumentError)
            self.records.append([label, {"error": "ValueError"}])
            return None
        except Exception as exc:  # noqa: BLE001 (recorded, compared between the two gazus)
            self.records.append([label, {"error": _error_name(exc)}])
            return None
        shown = [item for item in value if self.mine(item)] if isinstance(value, list) else value
        # A copy as it is now: official gazu changes some of the caller's dicts later (close_project).
        self.records.append([label, {"value": _attachments_sorted(json.loads(json.dumps(shown, default=str)))}])
        return value


def _attachment_name(attachment: Any) -> str:
    """An attachment's name (some answers list bare ids: then the id)."""
    return str(attachment.get("name") if isinstance(attachment, dict) else attachment)


def _attachments_sorted(value: Any) -> Any:
    """``value`` with every comment's ``attachment_files`` by name: the
    server lists a comment's attachments in no fixed order (answers that
    list bare ids are recorded by name by their scenario)."""
    if isinstance(value, dict):
        return {key: sorted(item, key=_attachment_name) if key == "attachment_files" and isinstance(item, list)
                else _attachments_sorted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_attachments_sorted(item) for item in value]
    return value


def run(tag: str) -> list[list[Any]]:
    """The script, on gazu's default client (logged in already)."""
    call = Recorder(tag)
    name = call.marker
    g = gazu

    # ------------------------------------------------------------ project
    project = call("new_project", g.project.new_project, f"prod {name}", "tvshow")
    call("new_project again", g.project.new_project, f"prod {name}", "tvshow")
    call.ours_only("all_projects", g.project.all_projects)
    call.ours_only("all_open_projects", g.project.all_open_projects)
    call("all_project_status", g.project.all_project_status)
    call("get_project", g.project.get_project, project["id"])
    call("get_project_by_name", g.project.get_project_by_name, f"prod {name}")
    call("get_project_by_name none", g.project.get_project_by_name, f"none {name}")
    call("get_project_status_by_name", g.project.get_project_status_by_name, "Open")
    call("get_project_url", g.project.get_project_url, project)
    call("get_project_url shots", g.project.get_project_url, project["id"], "shots")
    call("update_project", g.project.update_project, {"id": project["id"], "description": "a production"})
    call("update_project_data", g.project.update_project_data, project, {"fps_note": "25"})
    call("update_project_data more", g.project.update_project_data, project, {"look": "noir"})
    descriptor = call("add_metadata_descriptor", g.project.add_metadata_descriptor, project, f"level {name}",
                      "Asset", choices=["easy", "hard"])
    call("all_metadata_descriptors", g.project.all_metadata_descriptors, project)
    call("get_metadata_descriptor", g.project.get_metadata_descriptor, project, descriptor["id"])
    call("update_metadata_descriptor", g.project.update_metadata_descriptor, project,
         {**descriptor, "name": f"difficulty {name}"})

    # ------------------------------------------------------------- people
    person = call("new_person", g.person.new_person, "Ada", f"Lovelace {name}", f"ada.{name}@example.com",
                  "0102", "user", f"ada{name}")
    call("new_person again", g.person.new_person, "Ada", f"Lovelace {name}", f"ada.{name}@example.com")
    call.ours_only("all_persons", g.person.all_persons)
    call("all_departments", g.person.all_departments)
    call("all_organisations", g.person.all_organisations)
    call("get_organisation", g.person.get_organisation)
    call("get_person", g.person.get_person, person["id"])
    call("get_person_by_email", g.person.get_person_by_email, f"ada.{name}@example.com")
    call("get_person_by_desktop_login", g.person.get_person_by_desktop_login, f"ada{name}")
    call("get_person_by_full_name", g.person.get_person_by_full_name, f"Ada Lovelace {name}")
    call("get_person_url", g.person.get_person_url, person)
    call("update_person", g.person.update_person, {"id": person["id"], "phone": "0607"})
    log = call("get_presence_log", g.person.get_presence_log, 2026, 1)
    call.records[-1][1] = {"value": log.splitlines()[0] if log else log}  # other runs' people are in the rest
    with tempfile.TemporaryDirectory() as folder:
        avatar = os.path.join(folder, "avatar.png")
        with open(avatar, "wb") as out:
            out.write(_png())
        call("set_avatar", g.person.set_avatar, person, avatar)

    # ----------------------------------------------------- types, assets
    asset_type = call("new_asset_type", g.asset.new_asset_type, f"props {name}")
    call("new_asset_type again", g.asset.new_asset_type, f"props {name}")
    call("all_asset_types", g.asset.all_asset_types)
    call("get_asset_type", g.asset.get_asset_type, asset_type["id"])
    call("get_asset_type_by_name", g.asset.get_asset_type_by_name, f"props {name}")
    call("update_asset_type", g.asset.update_asset_type, {"id": asset_type["id"], "name": f"things {name}"})
    episode = call("new_episode", g.shot.new_episode, project, f"ep01 {name}")
    call("new_episode again", g.shot.new_episode, project, f"ep01 {name}")
    hero = call("new_asset", g.asset.new_asset, project, asset_type, f"hero {name}", "the hero", {"height": 2})
    sword = call("new_asset episode", g.asset.new_asset, project["id"], asset_type["id"], f"sword {name}", "",
                 {}, episode)
    call("new_asset again", g.asset.new_asset, project, asset_type, f"hero {name}")
    call("all_asset_types_for_project", g.asset.all_asset_types_for_project, project)
    call("all_assets_for_project", g.asset.all_assets_for_project, project)
    call("all_assets_for_project_and_type", g.asset.all_assets_for_project_and_type, project, asset_type)
    call("all_assets_for_episode", g.asset.all_assets_for_episode, episode)
    call.ours_only("all_assets_for_open_projects", g.asset.all_assets_for_open_projects)
    call("get_asset", g.asset.get_asset, hero["id"])
    call("get_asset_by_name", g.asset.get_asset_by_name, project, f"hero {name}")
    call("get_asset_by_name typed", g.asset.get_asset_by_name, project, f"hero {name}", asset_type)
    call("get_asset_type_from_asset", g.asset.get_asset_type_from_asset, hero)
    call("get_asset_url", g.asset.get_asset_url, hero)
    call("get_episode_from_asset", g.asset.get_episode_from_asset, g.asset.get_asset(sword["id"]))
    call("get_episode_from_asset none", g.asset.get_episode_from_asset, hero)
    call("update_asset", g.asset.update_asset, {"id": hero["id"], "description": "the real hero"})
    call("update_asset_data", g.asset.update_asset_data, hero, {"strength": 9})
    call("update_asset_data more", g.asset.update_asset_data, hero, {"speed": 3})
    call("get_entity", g.entity.get_entity, hero["id"])
    call("get_entity_by_name", g.entity.get_entity_by_name, f"hero {name}")
    call.ours_only("all_entities", g.entity.all_entities)
    call("all_entity_types", g.entity.all_entity_types)
    call("get_entity_type", g.entity.get_entity_type, asset_type["id"])
    call("get_entity_type_by_name", g.entity.get_entity_type_by_name, "Shot")
    entity_type = call("new_entity_type", g.entity.new_entity_type, f"fx {name}")

    # -------------------------------------------- sequences, shots
    sequence = call("new_sequence", g.shot.new_sequence, project, f"sq01 {name}", episode)
    call("new_sequence again", g.shot.new_sequence, project, f"sq01 {name}", episode)
    loose = call("new_sequence no episode", g.shot.new_sequence, project, f"sq02 {name}")
    shot = call("new_shot", g.shot.new_shot, project, sequence, f"sh010 {name}", 24, 1, 24, "first", {"lens": 35})
    call("new_shot again", g.shot.new_shot, project, sequence, f"sh010 {name}")
    other = call("new_shot plain", g.shot.new_shot, project["id"], sequence["id"], f"sh020 {name}")
    call("all_episodes_for_project", g.shot.all_episodes_for_project, project)
    call("get_episode", g.shot.get_episode, episode["id"])
    call("get_episode_by_name", g.shot.get_episode_by_name, project, f"ep01 {name}")
    call("get_episode_from_sequence", g.shot.get_episode_from_sequence, sequence)
    call("get_episode_url", g.shot.get_episode_url, episode)
    call("all_sequences_for_project", g.shot.all_sequences_for_project, project)
    call("all_sequences_for_episode", g.shot.all_sequences_for_episode, episode)
    call("get_sequence", g.shot.get_sequence, sequence["id"])
    call("get_sequence_by_name", g.shot.get_sequence_by_name, project, f"sq01 {name}", episode)
    call("get_sequence_by_name project", g.shot.get_sequence_by_name, project, f"sq02 {name}")
    call("get_sequence_from_shot", g.shot.get_sequence_from_shot, shot)
    call("all_shots_for_project", g.shot.all_shots_for_project, project)
    call("all_shots_for_episode", g.shot.all_shots_for_episode, episode)
    call("all_shots_for_sequence", g.shot.all_shots_for_sequence, sequence)
    call("all_previews_for_shot", g.shot.all_previews_for_shot, shot)
    call("get_shot", g.shot.get_shot, shot["id"])
    call("get_shot_by_name", g.shot.get_shot_by_name, sequence, f"sh010 {name}")
    call("get_shot_url", g.shot.get_shot_url, shot)
    call("update_shot", g.shot.update_shot, {"id": shot["id"], "description": "opening"})
    call("update_shot_data", g.shot.update_shot_data, shot, {"camera": "A"})
    call("update_shot_data more", g.shot.update_shot_data, shot, {"take": 3})
    call("update_sequence", g.shot.update_sequence, {"id": sequence["id"], "description": "act one"})
    call("update_sequence_data", g.shot.update_sequence_data, sequence, {"mood": "calm"})
    call("update_episode", g.shot.update_episode, {"id": episode["id"], "description": "pilot"})
    call("update_episode_data", g.shot.update_episode_data, episode, {"air": "monday"})
    call("all_asset_types_for_shot", g.asset.all_asset_types_for_shot, shot)

    # ------------------------------------------------------------ casting
    call("update_shot_casting", g.casting.update_shot_casting, project, shot,
         [{"asset_id": hero["id"], "nb_occurences": 2}, {"asset_id": sword["id"], "nb_occurences": 1}])
    call("update_asset_casting", g.casting.update_asset_casting, project, hero,
         [{"asset_id": sword["id"], "nb_occurences": 1}])
    call("get_shot_casting", g.casting.get_shot_casting, shot)
    call("get_asset_casting", g.casting.get_asset_casting, hero)
    call("get_asset_cast_in", g.casting.get_asset_cast_in, sword)
    call("get_sequence_casting", g.casting.get_sequence_casting, sequence)
    call("get_asset_type_casting", g.casting.get_asset_type_casting, project, asset_type)
    call("all_assets_for_shot", g.asset.all_assets_for_shot, shot)

    # ---------------------------------------------------- asset instances
    instance = call("new_asset_asset_instance", g.asset.new_asset_asset_instance, hero, sword, "in hand")
    call("all_asset_instances_for_asset", g.asset.all_asset_instances_for_asset, hero)
    call("get_asset_instance", g.asset.get_asset_instance, instance["id"])
    call("disable_asset_instance", g.asset.disable_asset_instance, instance)
    call("enable_asset_instance", g.asset.enable_asset_instance, instance["id"])
    call("all_scene_asset_instances_for_asset", g.asset.all_scene_asset_instances_for_asset, sword)
    call("all_shot_asset_instances_for_asset", g.asset.all_shot_asset_instances_for_asset, sword)
    call("add_asset_instance_to_shot", g.shot.add_asset_instance_to_shot, shot, instance)
    call("get_asset_instances_for_shot", g.shot.get_asset_instances_for_shot, shot)
    call("shot.all_asset_instances_for_shot", g.shot.all_asset_instances_for_shot, shot)
    call("asset.all_asset_instances_for_shot", g.asset.all_asset_instances_for_shot, shot)
    call("remove_asset_instance_from_shot", g.shot.remove_asset_instance_from_shot, shot, instance)

    # ---------------------------------------------------------- playlists
    playlist = call("new_playlist", g.playlist.new_playlist, project, f"review {name}", episode)
    call("new_playlist again", g.playlist.new_playlist, project, f"review {name}", episode)
    call("new_playlist project", g.playlist.new_playlist, project, f"dailies {name}", None, "asset", True)
    call.ours_only("all_playlists", g.playlist.all_playlists)
    call("all_playlists_for_project", g.playlist.all_playlists_for_project, project)
    call("all_playlists_for_episode", g.playlist.all_playlists_for_episode, episode)
    call("get_playlist", g.playlist.get_playlist, playlist["id"])
    call("get_playlist_by_name", g.playlist.get_playlist_by_name, project, f"review {name}")
    call("update_playlist", g.playlist.update_playlist,
         {"id": playlist["id"], "shots": [{"entity_id": shot["id"], "preview_file_id": None}]})
    call("all_shots_for_playlist", g.playlist.all_shots_for_playlist, playlist)

    with tempfile.TemporaryDirectory() as folder:
        _tasks_and_files(call, project, asset_type, episode, sequence, shot, hero, person, instance, folder)

    # --------------------------------------------------------------- sync
    task_type = g.client.fetch_first("task-types", {"for_entity": "Asset"})
    task_status = g.client.fetch_first("task-status", {"is_default": True})
    call("import_entities", g.sync.import_entities, [{
        "id": str(uuid.uuid4()), "name": f"imported {name}", "project_id": project["id"],
        "entity_type_id": asset_type["id"], "data": {"from": "elsewhere"},
    }])
    call("import_tasks", g.sync.import_tasks, [{
        "id": str(uuid.uuid4()), "name": "main", "project_id": project["id"], "entity_id": hero["id"],
        "task_type_id": task_type["id"], "task_status_id": task_status["id"],
    }])
    events = call("get_last_events", g.sync.get_last_events, 5, project)
    call.records[-1][1] = {"value": [event["name"] for event in events or []]}
    sources = [{"id": "s1", "name": "Hero"}, {"id": "s2", "name": "sword"}, {"id": "s3", "name": "cape"}]
    targets = [{"id": "t1", "name": "hero"}, {"id": "t2", "name": "Sword"}, {"id": "s3", "name": "x"}]
    call("get_id_map_by_name", g.sync.get_id_map_by_name, sources, targets)
    call("get_id_map_by_id", g.sync.get_id_map_by_id, sources, targets)
    call("get_id_map_by_id field", g.sync.get_id_map_by_id, sources, targets, "id")
    call("get_model_list_diff", g.sync.get_model_list_diff, sources, targets)

    # ------------------------------------------------------ error paths
    missing = "00000000-0000-4000-8000-000000000000"
    call("get_asset missing", g.asset.get_asset, missing)
    call("get_shot missing", g.shot.get_shot, missing)
    call("get_project missing", g.project.get_project, missing)
    call("get_person missing", g.person.get_person, missing)
    call("get_asset not an id", g.asset.get_asset, "not-an-id")  # one segment: sent, as mocked tests' ids are
    call("get_asset a path", g.asset.get_asset, "x/y")
    call("new_shot wrong sequence", g.shot.new_shot, project, missing, f"sh999 {name}")

    # ------------------------------------------------------------ removal
    call("remove_metadata_descriptor", g.project.remove_metadata_descriptor, project, descriptor["id"])
    call("remove_shot", g.shot.remove_shot, other)
    call("restore_shot", g.shot.restore_shot, other)
    call("remove_shot force", g.shot.remove_shot, other, True)
    call("remove_shot gone", g.shot.get_shot, other["id"])
    call("remove_sequence", g.shot.remove_sequence, loose)
    call("remove_entity", g.entity.remove_entity, shot, True)
    call("delete instance", g.client.delete, f"data/asset-instances/{instance['id']}")  # it holds both assets
    call("remove_asset", g.asset.remove_asset, sword)
    call("remove_asset force", g.asset.remove_asset, sword, True)
    call("remove_asset_type", g.asset.remove_asset_type, entity_type)
    call("remove_sequence force", g.shot.remove_sequence, sequence, True)
    call("remove_episode", g.shot.remove_episode, episode, True)
    call("close_project", g.project.close_project, project)
    call("remove_project", g.project.remove_project, project, True)
    call("remove_project gone", g.project.get_project, project["id"])
    return [*call.records, ["(called)", sorted(call.called)]]


def _movie(folder: str) -> str:
    """A one-second movie with sound, made by ffmpeg (installed with the
    server; Zou's processing needs it too)."""
    target = os.path.join(folder, "take.mp4")
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=24",
                    "-f", "lavfi", "-i", "sine=frequency=440", "-t", "1", "-pix_fmt", "yuv420p", "-shortest", target],
                   check=True, timeout=120)
    return target


def _saved(function: Any, target: str) -> Any:
    """A download function whose result is what it wrote (size and first
    bytes), not its return value: official gazu returns the closed
    ``requests.Response``, ours the number of bytes written."""
    def download(*args: Any) -> Any:
        function(*args[:-1], target)
        with open(target, "rb") as saved:
            content = saved.read()
        return {"size": len(content), "head": content[:8].hex()}

    return download


def _by_name(function: Any) -> Any:
    """``function``, its list answer sorted by (name, representation, revision)."""
    @functools.wraps(function)
    def sorted_answer(*args: Any, **kwargs: Any) -> Any:
        rows = function(*args, **kwargs)
        return sorted(rows, key=lambda row: (str(row.get("name")), str(row.get("representation")), row.get("revision") or 0))
    return sorted_answer


def _spec_only(module: Any, name: str) -> Any:
    """``module.name``, or a function raising the AttributeError its lookup
    raises (official gazu 1.3.1 lacks four of the spec's functions)."""
    def missing(*args: Any) -> Any:
        return getattr(module, name)(*args)

    return getattr(module, name, missing)


def _tasks_and_files(
    call: Recorder, project: Any, asset_type: Any, episode: Any, sequence: Any, shot: Any, hero: Any, person: Any,
    instance: Any, folder: str,
) -> None:
    """Tasks, comments with a status change, attachments and a movie
    preview, time spent, working and output files with paths from a file
    tree, downloads, the artist-facing lists."""
    name, g = call.marker, gazu
    image, notes = os.path.join(folder, "frame.png"), os.path.join(folder, "notes.txt")
    with open(image, "wb") as out:
        out.write(_png())
    with open(notes, "w", encoding="utf-8") as out:
        out.write("notes of the review\n")

    # ------------------------------------------------- statuses and types
    call("all_task_statuses", g.task.all_task_statuses)
    todo = call("get_default_task_status", g.task.get_default_task_status)
    wip = call("get_task_status_by_short_name", g.task.get_task_status_by_short_name, "wip")
    call("get_task_status_by_name", g.task.get_task_status_by_name, "Todo")
    call("get_task_status", g.task.get_task_status, wip["id"])
    checking = call("new_task_status", g.task.new_task_status, f"checking {name}", name[-10:], "#00FF00")
    call("new_task_status bad color", g.task.new_task_status, f"bad {name}", "bad", "green")
    modeling = call("new_task_type", g.task.new_task_type, f"modeling {name}")
    call("new_task_type again", g.task.new_task_type, f"modeling {name}")
    call("all_task_types", g.task.all_task_types)
    call("get_task_type", g.task.get_task_type, modeling["id"])
    call("get_task_type_by_name", g.task.get_task_type_by_name, f"modeling {name}")
    call("all_task_statuses_for_project", g.task.all_task_statuses_for_project, project)

    # -------------------------------------------------------------- tasks
    task = call("new_task", g.task.new_task, hero, modeling, "main", None, person, [person])
    call("new_task again", g.task.new_task, hero, modeling)
    animation = call("get_task_type_by_name shot", g.task.get_task_type_by_name, "Animation")
    shot_task = call("new_task shot", g.task.new_task, shot, animation["id"], "layout", todo)
    call("get_task", g.task.get_task, task["id"])
    call("get_task_url", g.task.get_task_url, task)
    call("all_tasks_for_asset", g.task.all_tasks_for_asset, hero)
    call("all_tasks_for_asset relations", g.task.all_tasks_for_asset, hero, True)
    call("all_tasks_for_shot", g.task.all_tasks_for_shot, shot)
    call("all_tasks_for_sequence", g.task.all_tasks_for_sequence, sequence)
    call("all_tasks_for_scene", g.task.all_tasks_for_scene, sequence)  # no scene: the server's answer for one
    call("all_tasks_for_episode", g.task.all_tasks_for_episode, episode)
    call("all_shot_tasks_for_sequence", g.task.all_shot_tasks_for_sequence, sequence, True)
    call("all_shot_tasks_for_episode", g.task.all_shot_tasks_for_episode, episode)
    call("all_assets_tasks_for_episode", g.task.all_assets_tasks_for_episode, episode)
    call("all_tasks_for_project", g.task.all_tasks_for_project, project)
    call("all_tasks_for_task_type", g.task.all_tasks_for_task_type, project, modeling)
    call("all_tasks_for_task_status", g.task.all_tasks_for_task_status, project, modeling, todo)
    call("all_tasks_for_entity_and_task_type", g.task.all_tasks_for_entity_and_task_type, hero, modeling)
    call("all_tasks_for_person", g.task.all_tasks_for_person, person)
    call("all_done_tasks_for_person", g.task.all_done_tasks_for_person, person)
    call("all_task_types_for_project", g.task.all_task_types_for_project, project)
    call("all_task_types_for_asset", g.task.all_task_types_for_asset, hero)
    call("all_task_types_for_shot", g.task.all_task_types_for_shot, shot)
    call("all_task_types_for_sequence", g.task.all_task_types_for_sequence, sequence)
    call("all_task_types_for_scene", g.task.all_task_types_for_scene, sequence)
    call("all_task_types_for_episode", g.task.all_task_types_for_episode, episode)
    call("update_task", g.task.update_task, {"id": task["id"], "priority": 2, "assignees": [person]})
    call("update_task_data", g.task.update_task_data, task, {"difficulty": "hard"})
    call("update_task_data more", g.task.update_task_data, task, {"notes": "ok"})
    call("assign_task", g.task.assign_task, shot_task, person)
    call("set_time_spent", g.task.set_time_spent, task, person, "2026-01-05", 3600)
    call("add_time_spent", g.task.add_time_spent, task, person, "2026-01-05", 1800)
    call("get_time_spent", g.task.get_time_spent, task, "2026-01-05")
    call("set_time_spent bad date", g.task.set_time_spent, task, person, "5 Jan", 60)

    # --------------------------------------------- comments and previews
    started = call("start_task", g.task.start_task, task)
    comment = call("add_comment", g.task.add_comment, task, checking, f"first pass {name}", person,
                   [{"text": "silhouette", "checked": False}])
    call("add_comment attachments", g.task.add_comment, task, wip, "see notes", None, [], [notes, image])
    call("add_attachment_files_to_comment", g.task.add_attachment_files_to_comment, task, comment, [notes])
    call("add_attachment_files_to_comment none", g.task.add_attachment_files_to_comment, task, comment, [])
    call("all_comments_for_task", g.task.all_comments_for_task, task)
    call("get_last_comment_for_task", g.task.get_last_comment_for_task, task)
    call("get_comment", g.task.get_comment, comment["id"])
    call("update_comment", g.task.update_comment, {"id": comment["id"], "text": f"first pass, fixed {name}"})
    preview = call("create_preview", g.task.create_preview, task, comment)
    call("upload_preview_file", g.task.upload_preview_file, preview, image)
    movie = call("add_preview", g.task.add_preview, task, comment, _movie(folder))
    call("add_preview nothing", g.task.add_preview, task, comment)
    call("set_main_preview", g.task.set_main_preview, movie)
    call("get_preview_file", g.files.get_preview_file, movie["id"])
    call("get_preview_file_url", g.files.get_preview_file_url, movie)
    call("get_preview_file_url picture", g.files.get_preview_file_url, preview["id"])
    call("get_all_preview_files_for_task", g.files.get_all_preview_files_for_task, task)
    # Ordered by revision only, and both previews are revision 1: recorded by position.
    call.records[-1][1]["value"].sort(key=lambda item: item["position"])
    call("update_preview", g.files.update_preview, preview, {"position": 2})
    attachments = call("get_all_attachment_files_for_task", g.files.get_all_attachment_files_for_task, task)
    # The server lists them in no fixed order (its query has no ORDER BY): recorded sorted.
    call.records[-1][1]["value"].sort(key=lambda item: (item["name"], (item.get("comment") or {}).get("text", "")))
    attachment = sorted(attachments, key=lambda item: item["name"])[0]
    call("get_attachment_file", g.files.get_attachment_file, attachment["id"])
    saved = os.path.join(folder, "saved.bin")
    call("download_attachment_file", _saved(g.files.download_attachment_file, saved), attachment, saved)
    call("download_preview_file", _saved(g.files.download_preview_file, saved), movie, saved)
    call("download_preview_file picture", _saved(g.files.download_preview_file, saved), preview, saved)
    call("download_preview_file_thumbnail", _saved(g.files.download_preview_file_thumbnail, saved), preview, saved)
    call("download_preview_file_cover", _saved(g.files.download_preview_file_cover, saved), movie, saved)
    call("download_person_avatar", _saved(g.files.download_person_avatar, saved), person, saved)
    call("download_project_avatar", _saved(g.files.download_project_avatar, saved), project, saved)

    # -------------------------------------- working files and file trees
    tree = {mode: {
        "mountpoint": "/mnt/studio", "root": "productions",
        "folder_path": {"shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
                        "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>",
                        "instance_asset": "<Project>/instances/<Asset>/<Instance>/<TaskType>", "style": "lowercase"},
        "file_name": {"shot": "<Shot>_<TaskType>_v<Revision>", "asset": "<Asset>_<TaskType>_v<Revision>",
                      "instance_asset": "<Instance>_<TaskType>_v<Revision>", "style": "lowercase"},
    } for mode in ("working", "output")}
    call("update_project_file_tree", g.files.update_project_file_tree, project, tree)
    maya = call("new_software", g.files.new_software, f"maya {name}", "ma", "ma")
    call("new_software again", g.files.new_software, f"maya {name}", "ma", "ma")
    call("all_softwares", g.files.all_softwares)
    call("get_software", g.files.get_software, maya["id"])
    call("get_software_by_name", g.files.get_software_by_name, f"maya {name}")
    call("build_working_file_path", g.files.build_working_file_path, task, "main", "working", maya)
    working = call("new_working_file", g.files.new_working_file, task, "main", "working", maya, "first", person)
    working_next = call("new_working_file next", g.files.new_working_file, task)
    call("get_working_file", g.files.get_working_file, working["id"])
    call("get_working_files_for_task", g.files.get_working_files_for_task, task)
    call("get_all_working_files_for_entity", g.files.get_all_working_files_for_entity, hero, task, "main")
    call("get_last_working_files", g.files.get_last_working_files, task)
    call("get_last_working_file_revision", g.files.get_last_working_file_revision, task)
    call("update_comment working file", g.files.update_comment, working, "first, reviewed")
    call("update_modification_date", g.files.update_modification_date, working)
    call("upload_working_file", g.files.upload_working_file, working, notes)
    call("download_working_file", _saved(g.files.download_working_file, saved), working, saved)

    # ------------------------------------------------------- output files
    cache_type = call("new_output_type", g.files.new_output_type, f"cache {name}", "abc")
    call("new_output_type again", g.files.new_output_type, f"cache {name}", "abc")
    call("all_output_types", g.files.all_output_types)
    call("get_output_type", g.files.get_output_type, cache_type["id"])
    call("get_output_type_by_name", g.files.get_output_type_by_name, f"cache {name}")
    approved = call("new_file_status", g.files.new_file_status, f"approved {name}", "#22AA22")
    call("new_file_status again", g.files.new_file_status, f"approved {name}", "#22AA22")
    call("get_file_status", g.files.get_file_status, approved["id"])
    call("get_file_status_by_name", g.files.get_file_status_by_name, f"approved {name}")
    call("get_next_entity_output_revision", g.files.get_next_entity_output_revision, hero, cache_type, modeling)
    call("build_entity_output_file_path", g.files.build_entity_output_file_path, hero, cache_type, modeling)
    output = call("new_entity_output_file", g.files.new_entity_output_file, hero, cache_type, modeling, "publish",
                  working, person, "main", "output", 0, 1, "abc", "/", approved["id"])
    output_next = call("new_entity_output_file next", g.files.new_entity_output_file, hero, cache_type, modeling,
                       "again")
    call("get_last_entity_output_revision", g.files.get_last_entity_output_revision, hero, cache_type, modeling,
         "main")
    call("get_output_file", g.files.get_output_file, output["id"])
    call("get_output_file_by_path", g.files.get_output_file_by_path, output["path"])
    call("update_output_file", g.files.update_output_file, output, {"comment": "published"})
    call("all_output_files_for_entity", g.files.all_output_files_for_entity, hero, cache_type, modeling)
    # The server lists the last revisions in no fixed order (no ORDER BY): recorded by name.
    call("get_last_output_files_for_entity", _by_name(g.files.get_last_output_files_for_entity), hero)
    call("all_output_types_for_entity", g.files.all_output_types_for_entity, hero)
    g.shot.add_asset_instance_to_shot(shot, instance)
    call("get_next_asset_instance_output_revision", g.files.get_next_asset_instance_output_revision, instance, shot,
         cache_type, modeling)
    call("build_asset_instance_output_file_path", g.files.build_asset_instance_output_file_path, instance, shot,
         cache_type, modeling)
    instance_output = call("new_asset_instance_output_file", g.files.new_asset_instance_output_file, instance, shot,
                           cache_type, modeling, "instance cache")
    call("get_last_asset_instance_output_revision", g.files.get_last_asset_instance_output_revision, instance, shot,
         cache_type, modeling)
    call("all_output_files_for_asset_instance", g.files.all_output_files_for_asset_instance, instance, shot)
    call("get_last_output_files_for_asset_instance", g.files.get_last_output_files_for_asset_instance, instance,
         shot)
    call("all_output_types_for_asset_instance", g.files.all_output_types_for_asset_instance, instance, shot)
    g.shot.remove_asset_instance_from_shot(shot, instance)

    # ---------------------------------------------------- what ours adds
    # The four spec functions official gazu 1.3.1 no longer has (there:
    # AttributeError).
    call("get_task_by_name", _spec_only(g.task, "get_task_by_name"), hero, modeling, "main")
    shot_path = g.files.build_working_file_path(shot_task)
    call("get_task_by_path", _spec_only(g.task, "get_task_by_path"), project, shot_path, "shot")
    call("get_task_by_path nothing", _spec_only(g.task, "get_task_by_path"), project, "/elsewhere/file.ma", "shot")
    call("task_to_review", _spec_only(g.task, "task_to_review"), task, person, "ready for review")
    call("set_project_file_tree", _spec_only(g.files, "set_project_file_tree"), project, "simple")
    call("set_project_file_tree unknown", _spec_only(g.files, "set_project_file_tree"), project, "nowhere")

    # ------------------------------------------------------------ removal
    # Files have no remove function in the spec: gazu.client.delete, so
    # that the entities and the task type can go later.
    for label, record in (("output", output), ("output next", output_next), ("instance output", instance_output)):
        call(f"delete {label}", g.client.delete, f"data/output-files/{record['id']}")
    for label, record in (("working", working), ("working next", working_next)):
        call(f"delete {label}", g.client.delete, f"data/working-files/{record['id']}")
    call("remove_comment", g.task.remove_comment, started)
    call("remove_task", g.task.remove_task, shot_task)
    call("remove_task gone", g.task.get_task, shot_task["id"])
    call("remove_task_type in use", g.task.remove_task_type, modeling)
    call("remove_task other", g.task.remove_task, task)
    call("remove_task_type", g.task.remove_task_type, modeling)
    call("remove_task_status", g.task.remove_task_status, checking)


def run_scenario(name: str, tag: str) -> list[list[Any]]:
    """The records of ``tests/gazu_scenarios/<name>.py``'s ``run(call)``,
    on gazu's default client (logged in already)."""
    call = Recorder(tag)
    importlib.import_module(f"gazu_scenarios.{name}").run(call)
    return [*call.records, ["(called)", sorted(call.called)]]


def run_calls(calls: list[list[Any]]) -> list[dict[str, Any]]:
    """``[module, function, args, kwargs]`` calls, each result as
    ``{"value": ...}`` or ``{"error": <gazu.exception name>}``."""
    results: list[dict[str, Any]] = []
    for module, name, args, kwargs in calls:
        target = gazu if module == "gazu" else importlib.import_module("gazu." + module)
        try:
            results.append({"value": getattr(target, name)(*args, **kwargs)})
        except Exception as exc:  # noqa: BLE001 (recorded, compared between the two gazus)
            results.append({"error": _error_name(exc)})
    return results


if __name__ == "__main__":
    gazu.set_host(os.environ["KITSU_API_URL"])
    gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    if os.environ.get("GAZU_CALLS"):
        print(json.dumps(run_calls(json.load(sys.stdin)), default=str))
    elif os.environ.get("GAZU_SCENARIO"):
        print(json.dumps(run_scenario(os.environ["GAZU_SCENARIO"], os.environ["GAZU_RUN_TAG"]), default=str))
    else:
        print(json.dumps(run(os.environ["GAZU_RUN_TAG"]), default=str))
