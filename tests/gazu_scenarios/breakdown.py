"""A breakdown brought in from outside: assets and shots imported from CSV
text, exported back, shots from an OTIO timeline (by hand-written JSON),
the web UI's URLs, entities guessed from a file path, entities removed."""

from __future__ import annotations

import json
import os
import tempfile
from typing import Any

import gazu

ASSETS_CSV = """Type,Name,Description
Character,hero {name},the hero
Character,villain {name},the villain
Props,lamp {name},an oil lamp
"""

SHOTS_CSV = """Sequence,Name,Description,Nb Frames,Frame In,Frame Out
sq01 {name},sh010 {name},opening,48,1001,1048
sq01 {name},sh020 {name},close up,24,1001,1024
sq02 {name},sh030 {name},,12,,
"""

SHOW_CSV = """Episode,Sequence,Name,Nb Frames
ep02 {name},sq20 {name},sh200 {name},36
ep02 {name},sq20 {name},sh210 {name},12
"""

SHOW_ASSETS_CSV = """Episode,Type,Name,Description
ep02 {name},Props,cup {name},a cup of tea
,Character,narrator {name},the voice
"""

ROOT = "/mnt/studio/productions"
TREE = {mode: {
    "mountpoint": "/mnt/studio", "root": "productions",
    "folder_path": {"shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
                    "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>", "style": "lowercase"},
    "file_name": {"shot": "<Shot>_<TaskType>_v<Revision>", "asset": "<Asset>_<TaskType>_v<Revision>",
                  "style": "lowercase"},
} for mode in ("working", "output")}


def time(frames: float) -> dict[str, Any]:
    return {"OTIO_SCHEMA": "RationalTime.1", "rate": 24.0, "value": frames}


def clip(name: str, start: int, frames: int) -> dict[str, Any]:
    """An OTIO clip of ``frames`` frames from ``start`` in its media, with no media."""
    return {"OTIO_SCHEMA": "Clip.2", "name": name, "metadata": {}, "enabled": True, "effects": [], "markers": [],
            "source_range": {"OTIO_SCHEMA": "TimeRange.1", "start_time": time(start), "duration": time(frames)},
            "media_references": {"DEFAULT_MEDIA": {"OTIO_SCHEMA": "MissingReference.1", "name": "",
                                                   "available_range": None, "available_image_bounds": None,
                                                   "metadata": {}}},
            "active_media_reference_key": "DEFAULT_MEDIA"}


def timeline(folder: str, name: str, clips: list[dict[str, Any]]) -> str:
    """An OTIO timeline file with one video track holding ``clips`` in a row."""
    track = {"OTIO_SCHEMA": "Track.1", "name": "V1", "kind": "Video", "metadata": {}, "enabled": True,
             "effects": [], "markers": [], "source_range": None, "children": clips}
    stack = {"OTIO_SCHEMA": "Stack.1", "name": "tracks", "metadata": {}, "enabled": True, "effects": [],
             "markers": [], "source_range": None, "children": [track]}
    document = {"OTIO_SCHEMA": "Timeline.1", "name": name, "metadata": {}, "global_start_time": None,
                "tracks": stack}
    path = os.path.join(folder, f"{name}.otio")
    with open(path, "w", encoding="utf-8") as out:
        json.dump(document, out, indent=2)
    return path


def written(call: Any, path: str) -> None:
    """The last record, a download: its answer as text, and the lines written."""
    recorded = call.records[-1][1]
    if "value" in recorded:
        with open(path, encoding="utf-8") as saved:
            recorded["value"] = {"answer": str(recorded["value"]), "lines": saved.read().splitlines()}


def missing_file(function: Any) -> Any:
    """``function``, its FileNotFoundError recorded as such (ours raises one
    that is a ValueError too, which the recorder would name first)."""
    def missing(*args: Any) -> Any:
        try:
            return function(*args)
        except FileNotFoundError:
            return "FileNotFoundError"
    return missing


def run(call: Any) -> None:
    name, g = call.marker, gazu
    folder = tempfile.mkdtemp()
    film = g.project.new_project(f"breakdown {name}")
    show = g.project.new_project(f"breakdown show {name}", "tvshow")
    character = g.asset.new_asset_type("Character")

    # ------------------------------------------------------ CSV imports
    assets_csv, shots_csv = os.path.join(folder, "assets.csv"), os.path.join(folder, "shots.csv")
    with open(assets_csv, "w", encoding="utf-8") as out:
        out.write(ASSETS_CSV.format(name=name))
    with open(shots_csv, "w", encoding="utf-8") as out:
        out.write(SHOTS_CSV.format(name=name))
    call("import_assets_with_csv", g.asset.import_assets_with_csv, film, assets_csv)
    call("import_assets_with_csv again", g.asset.import_assets_with_csv, film["id"], assets_csv)
    call("import_shots_with_csv", g.shot.import_shots_with_csv, film, shots_csv)
    call("import_shots_with_csv again", g.shot.import_shots_with_csv, film["id"], shots_csv)
    call("import_shots_with_csv tvshow no episode", g.shot.import_shots_with_csv, show, shots_csv)
    show_csv, show_assets_csv = os.path.join(folder, "show.csv"), os.path.join(folder, "show_assets.csv")
    with open(show_csv, "w", encoding="utf-8") as out:
        out.write(SHOW_CSV.format(name=name))
    with open(show_assets_csv, "w", encoding="utf-8") as out:
        out.write(SHOW_ASSETS_CSV.format(name=name))
    call("import_shots_with_csv tvshow", g.shot.import_shots_with_csv, show, show_csv)
    call("import_assets_with_csv tvshow", g.asset.import_assets_with_csv, show, show_assets_csv)
    call("import_assets_with_csv missing file", missing_file(g.asset.import_assets_with_csv), film,
         os.path.join(folder, "no.csv"))
    progress: list[tuple[int, int]] = []
    call("import_shots_with_csv progress", g.shot.import_shots_with_csv, film, shots_csv,
         progress_callback=lambda done, total: progress.append((done, total)))
    call.records[-1][1]["progress"] = [progress[-1], os.path.getsize(shots_csv)] if progress else None

    # ------------------------------------------------------ CSV exports
    hero = g.asset.get_asset_by_name(film, f"hero {name}")
    modeling = g.task.get_task_type_by_name("Modeling")
    me = g.client.get_current_user()
    g.task.new_task(hero, modeling, assignees=[me])
    exported = os.path.join(folder, "assets_export.csv")
    call("export_assets_with_csv", g.asset.export_assets_with_csv, film, exported)
    written(call, exported)
    call("export_assets_with_csv assigned", g.asset.export_assets_with_csv, film["id"], exported, None, me)
    written(call, exported)
    call("export_shots_with_csv", g.shot.export_shots_with_csv, film, exported)
    written(call, exported)
    call("export_shots_with_csv assigned", g.shot.export_shots_with_csv, film, exported, None, me["id"])
    written(call, exported)
    progress.clear()
    call("export_assets_with_csv progress", g.asset.export_assets_with_csv, film, exported,
         progress_callback=lambda done, total: progress.append((done, total)))
    written(call, exported)
    call.records[-1][1]["progress"] = [progress[-1], os.path.getsize(exported)] if progress else None

    # ------------------------------------------------------------- OTIO
    sequence = g.shot.get_sequence_by_name(film, f"sq01 {name}")
    cut = timeline(folder, "cut", [
        clip(f"{film['name']}_sq01 {name}-sh010 {name}", 1001, 60),  # an existing shot: updated
        clip(f"reel_sq03{name}-sh040{name}", 0, 36),  # a new sequence and shot
        clip(f"reel_sq03{name}-sh050{name}", 10, 20),
    ])
    call("import_otio", g.shot.import_otio, film, cut)
    call("import_otio again", g.shot.import_otio, film["id"], cut)
    caseless = timeline(folder, "caseless", [clip(f"SQ03{name.upper()}-SH040{name.upper()}.mov", 0, 40)])
    call("import_otio match_case", g.shot.import_otio, film, caseless, None, "${sequence_name}-${shot_name}", False)
    pilot = g.shot.new_episode(show, f"ep01 {name}")
    episode_cut = timeline(folder, "episode", [clip(f"show_ep01-sq10{name}-sh100{name}", 0, 48)])
    call("import_otio episode", g.shot.import_otio, show, episode_cut, pilot)
    call("import_otio not a timeline", g.shot.import_otio, film, shots_csv)
    second = g.shot.get_episode_by_name(show, f"ep02 {name}")
    call("export_shots_with_csv episode", g.shot.export_shots_with_csv, show, exported, second)
    written(call, exported)
    call("export_assets_with_csv episode", g.asset.export_assets_with_csv, show["id"], exported, second["id"])
    written(call, exported)

    # -------------------------------------------------------------- URLs
    call("get_all_assets_url", g.asset.get_all_assets_url, film)
    call("get_all_assets_url tvshow", g.asset.get_all_assets_url, show["id"])
    call("get_asset_type_url", g.asset.get_asset_type_url, film, character)
    call("get_asset_type_url ids", g.asset.get_asset_type_url, show["id"], character["id"])
    call("get_sequence_url", g.shot.get_sequence_url, sequence)
    call("get_sequence_url episode", g.shot.get_sequence_url, g.shot.get_sequence_by_name(show, f"sq10{name}", pilot))

    # ------------------------------------------------ paths and links
    g.files.update_project_file_tree(film, TREE)
    project_folder = film["name"].lower()
    call("guess_from_path asset", g.entity.guess_from_path, film["id"],
         f"{ROOT}/{project_folder}/assets/character/hero {name}/modeling/hero_modeling_v001.ma")
    call("guess_from_path shot", g.entity.guess_from_path, film["id"],
         f"{ROOT}/{project_folder}/shots/sq01 {name}/sh010 {name}/animation/sh010_animation_v002.ma")
    call("guess_from_path sep", g.entity.guess_from_path, film["id"],
         f"{ROOT}/{project_folder}/assets/character/hero {name}/modeling", "/")
    call("guess_from_path elsewhere", g.entity.guess_from_path, film["id"], "/tmp/scratch/file.ma")
    concept = g.concept.new_concept(film, f"hero look {name}")
    g.concept.update_concept({"id": concept["id"], "entity_concept_links": [hero["id"]]})
    g.task.new_task(concept, g.client.fetch_first("task-types", {"name": "Concept", "for_entity": "Concept"}))
    call("all_entities_with_tasks_linked_to_entity", g.entity.all_entities_with_tasks_linked_to_entity, hero)
    call("all_entities_with_tasks_linked_to_entity none", g.entity.all_entities_with_tasks_linked_to_entity,
         concept["id"])

    # ---------------------------------------------------------- removal
    villain = g.asset.get_asset_by_name(film, f"villain {name}")
    lamp = g.asset.get_asset_by_name(film, f"lamp {name}")
    call("remove_entities", g.entity.remove_entities, film, [villain, lamp["id"]])
    call("remove_entities with tasks", g.entity.remove_entities, film, [hero])
    call("get_asset canceled", g.asset.get_asset, hero["id"])
    call("remove_entities force", g.entity.remove_entities, film["id"], [hero, concept], True)
    call("remove_entities nothing", g.entity.remove_entities, film, [])
    call("remove_entities other project", g.entity.remove_entities, show, [sequence])
    fx = g.entity.new_entity_type(f"fx {name}")
    call("remove_entity_type", g.entity.remove_entity_type, fx)
    call("remove_entity_type gone", g.entity.remove_entity_type, fx["id"])
    for project in (film, show):
        g.project.close_project(project)
        g.project.remove_project(project, force=True)
