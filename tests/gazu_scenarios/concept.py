"""gazu.concept: concept art of a production linked to its assets, a
concept task reviewed with a PNG preview, concepts renamed and removed."""

from __future__ import annotations

import os
import struct
import tempfile
import zlib
from typing import Any

import gazu


def png(width: int = 4, height: int = 3) -> bytes:
    """A valid RGB PNG (a red and blue checker), built by hand."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"".join(b"\xff\x00\x00" if (x + y) % 2 else b"\x00\x00\xff" for x in range(width))
                    for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def run(call: Any) -> None:
    name, g = call.marker, gazu
    project = g.project.new_project(f"concepts {name}")
    character = g.asset.new_asset_type("Character")
    hero = g.asset.new_asset(project, character, f"hero {name}")
    villain = g.asset.new_asset(project, character, f"villain {name}")

    # --------------------------------------------------------- concepts
    concept = call("new_concept", g.concept.new_concept, project, f"hero sketch {name}", "first look",
                   {"artist": "mia"})
    call("new_concept again", g.concept.new_concept, project, f"hero sketch {name}", "other look")
    # Zou 1.0.97 validates the links as dicts, then reads them as ids: it
    # refuses both (ParameterException), whatever the client sends.
    call("new_concept linked", g.concept.new_concept, project, f"villain sketch {name}", None, None, [hero])
    call("new_concept one link", g.concept.new_concept, project["id"], f"villain sketch {name}", None, None,
         villain["id"])
    call("new_concept no link", g.concept.new_concept, project, f"mood board {name}")
    call("all_concepts_for_project", g.concept.all_concepts_for_project, project)
    call.ours_only("all_concepts", g.concept.all_concepts)
    call("get_concept", g.concept.get_concept, concept["id"])
    call("get_concept missing", g.concept.get_concept, "00000000-0000-4000-8000-000000000000")
    call("get_concept_by_name", g.concept.get_concept_by_name, project, f"hero sketch {name}")
    call("get_concept_by_name none", g.concept.get_concept_by_name, project["id"], f"nothing {name}")
    call("update_concept", g.concept.update_concept,
         {"id": concept["id"], "description": "approved look", "data": {"artist": "mia", "round": 2}})
    call("update_concept links", g.concept.update_concept,
         {"id": concept["id"], "entity_concept_links": [hero["id"], villain["id"]]})
    call("get_concept updated", g.concept.get_concept, concept["id"])

    # ----------------------------------------------- a reviewed concept
    call("all_previews_for_concept none", g.concept.all_previews_for_concept, concept)
    concept_type = g.client.fetch_first("task-types", {"name": "Concept", "for_entity": "Concept"})
    task = g.task.new_task(concept, concept_type)
    wip = g.task.get_task_status_by_short_name("wip")
    folder = tempfile.mkdtemp()
    image = os.path.join(folder, "hero_sketch.png")
    with open(image, "wb") as out:
        out.write(png())
    comment = g.task.add_comment(task, wip, "first sketch")
    g.task.add_preview(task, comment, image)
    retake = g.task.add_comment(task, wip, "cleaner lines")
    g.task.add_preview(task, retake, image)
    # By task type id, each list last revision first.
    call("all_previews_for_concept", g.concept.all_previews_for_concept, concept)
    call("all_previews_for_concept id", g.concept.all_previews_for_concept, concept["id"])

    # --------------------------------------------------------- removal
    mood = g.concept.get_concept_by_name(project, f"mood board {name}")
    call("remove_concept", g.concept.remove_concept, mood)
    call("get_concept removed", g.concept.get_concept, mood["id"])
    call("remove_concept with task", g.concept.remove_concept, concept)
    call("get_concept with task", g.concept.get_concept, concept["id"])
    call("remove_concept force", g.concept.remove_concept, concept["id"], True)
    call("all_concepts_for_project after", g.concept.all_concepts_for_project, project)
    g.project.close_project(project)
    g.project.remove_project(project, force=True)
