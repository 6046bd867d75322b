"""gazu.files on a studio's files: a software renamed, a working file
stored and fetched back (at a given place and at its own path under the
production's file tree), the production's output files filtered, the
avatars of a person, a production and the studio sent and fetched back."""

from __future__ import annotations

import os
import shutil
import struct
import tempfile
import zlib
from typing import Any

import gazu


def _png(width: int, height: int, grey: int) -> bytes:
    """A valid RGB PNG of one grey (the avatar routes decode what they get)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + bytes([grey]) * 3 * width for _ in range(height))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _saved(call: Any, label: str, function: Any, *args: Any, target: str, sent: bytes | None = None) -> None:
    """``function`` called through ``call``, then recorded as what it wrote
    at ``target``: its size, its first bytes, a picture's size in pixels,
    and whether it is what was sent (``sent``)."""
    call(label, function, *args)
    if "error" in call.records[-1][1]:
        return
    with open(target, "rb") as saved:
        content = saved.read()
    os.remove(target)
    seen: dict[str, Any] = {"size": len(content), "head": content[:8].hex()}
    if content.startswith(b"\x89PNG"):
        seen["pixels"] = list(struct.unpack(">II", content[16:24]))
    if sent is not None:
        seen["same as sent"] = content == sent
    call.records[-1][1] = {"value": seen}


def run(call: Any) -> None:
    name = call.marker
    folder = os.path.join(tempfile.gettempdir(), name)  # the marker in it: the same path in both runs
    os.makedirs(folder)
    scene = os.path.join(folder, "scene.ma")
    with open(scene, "w", encoding="utf-8") as out:
        out.write(f"//Maya ASCII scene {name}\ncreateNode transform -n \"lamp\";\n")
    with open(scene, "rb") as sent:
        scene_bytes = sent.read()
    project = gazu.project.new_project(f"files {name}")
    # The working files go under this run's own folder (the mountpoint), in
    # both runs the same relative place.
    tree = {mode: {
        "mountpoint": folder, "root": "productions",
        "folder_path": {"shot": "<Project>/shots/<Sequence>/<Shot>/<TaskType>",
                        "asset": "<Project>/assets/<AssetType>/<Asset>/<TaskType>", "style": "lowercase"},
        "file_name": {"shot": "<Shot>_<TaskType>_v<Revision>", "asset": "<Asset>_<TaskType>_v<Revision>",
                      "style": "lowercase"},
    } for mode in ("working", "output")}
    gazu.files.update_project_file_tree(project, tree)
    props = gazu.asset.new_asset_type(f"props {name}")
    lamp = gazu.asset.new_asset(project, props, f"lamp {name}")
    modeling = gazu.task.new_task_type(f"modeling {name}")
    task = gazu.task.new_task(lamp, modeling)

    # ---------------------------------------------------------- software
    maya = gazu.files.new_software(f"maya {name}", "ma", "ma")
    call("update_software", gazu.files.update_software,
         {"id": maya["id"], "name": f"maya 2026 {name}", "secondary_extensions": ["mb"]})
    call("update_software whole", gazu.files.update_software, {**gazu.files.get_software(maya["id"]), "short_name": "my"})
    call("update_software gone", gazu.files.update_software, {"id": "00000000-0000-4000-8000-000000000000"})

    # ----------------------------------------------------- working files
    working = gazu.files.new_working_file(task, "main", "working", maya, "first")
    gazu.files.upload_working_file(working, scene)
    target = os.path.join(folder, "fetched.ma")
    _saved(call, "download_working_file", gazu.files.download_working_file, working, target, target=target,
           sent=scene_bytes)
    stored = gazu.files.get_working_file(working["id"])["path"]  # where the file tree puts it
    os.makedirs(os.path.dirname(stored), exist_ok=True)
    _saved(call, "download_working_file own path", gazu.files.download_working_file, working["id"], target=stored,
           sent=scene_bytes)
    seen: list[tuple[int, int]] = []
    call("download_working_file progress", gazu.files.download_working_file, working, target,
         progress_callback=lambda done, total: seen.append((done, total)))
    call.records[-1][1] = {"value": {"last": seen[-1] if seen else None, "grows": seen == sorted(seen)}}
    empty = gazu.files.new_working_file(task, "layout", "working", maya)  # nothing stored for it
    call("download_working_file nothing stored", gazu.files.download_working_file, empty, target)

    # ------------------------------------------------------ output files
    cache = gazu.files.new_output_type(f"cache {name}", "abc")
    render = gazu.files.new_output_type(f"render {name}", "exr")
    approved = gazu.files.new_file_status(f"approved {name}", "#22AA22")
    outputs = [
        gazu.files.new_entity_output_file(lamp, cache, modeling, "publish", working, None, "main", "output", 0, 1,
                                          "abc", "/", approved["id"]),
        gazu.files.new_entity_output_file(lamp, cache, modeling, "proxy", name="proxy", representation="abc"),
        gazu.files.new_entity_output_file(lamp, render, modeling, "beauty", representation="exr"),
    ]
    by_comment = {"by": "comment"}  # the same file tree path for all three
    call.unordered("all_output_files_for_project", gazu.files.all_output_files_for_project, project, **by_comment)
    call.unordered("all_output_files_for_project output type", gazu.files.all_output_files_for_project, project,
                   cache, **by_comment)
    call.unordered("all_output_files_for_project task type", gazu.files.all_output_files_for_project, project["id"],
                   None, modeling, **by_comment)
    call.unordered("all_output_files_for_project name", gazu.files.all_output_files_for_project, project, cache, None,
                   "proxy", **by_comment)
    call.unordered("all_output_files_for_project representation", gazu.files.all_output_files_for_project, project,
                   None, None, None, "exr", **by_comment)
    call.unordered("all_output_files_for_project file status", gazu.files.all_output_files_for_project, project,
                   file_status=approved, **by_comment)

    # ----------------------------------------------------------- avatars
    picture = os.path.join(folder, "avatar.png")
    face = _png(48, 48, 0x60)
    with open(picture, "wb") as out:
        out.write(face)
    person = gazu.person.new_person("Grace", f"Hopper {name}", f"grace.{name}@example.com")
    sent: list[tuple[int, int]] = []
    call("upload_person_avatar", gazu.files.upload_person_avatar, person, picture,
         progress_callback=lambda done, total: sent.append((done, total)))
    call("upload_person_avatar progress", lambda: sent[-1] if sent else None)
    _saved(call, "download_person_avatar", gazu.files.download_person_avatar, person["id"], target, target=target)
    call("upload_project_avatar", gazu.files.upload_project_avatar, project["id"], picture)
    _saved(call, "download_project_avatar", gazu.files.download_project_avatar, project, target, target=target)
    organisation = gazu.person.get_organisation()
    call("upload_organisation_avatar", gazu.files.upload_organisation_avatar, organisation, picture)
    _saved(call, "download_organisation_avatar", gazu.files.download_organisation_avatar, organisation["id"], target,
           target=target)
    other = gazu.person.new_person("Alan", f"Turing {name}", f"alan.{name}@example.com")
    _saved(call, "download_person_avatar none", gazu.files.download_person_avatar, other, target, target=target)
    call("upload_person_avatar not a picture", gazu.files.upload_person_avatar, other, scene)

    # ---------------------------------------------------------- clean up
    for output in outputs:
        gazu.client.delete(f"data/output-files/{output['id']}")
    for record in (working, empty):
        gazu.client.delete(f"data/working-files/{record['id']}")
    for kind, record in (("output-types", cache), ("output-types", render), ("file-status", approved),
                         ("softwares", maya)):
        gazu.client.delete(f"data/{kind}/{record['id']}")
    for someone in (person, other):
        gazu.person.remove_person(someone, force=True)
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    gazu.task.remove_task_type(modeling)
    gazu.asset.remove_asset_type(props)
    shutil.rmtree(folder)
