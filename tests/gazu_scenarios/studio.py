"""gazu.studio and gazu.search: a studio created, read, renamed, removed;
entities found by name."""

from __future__ import annotations

from typing import Any

import gazu


def run(call: Any) -> None:
    name = f"studio {call.marker}"
    studio = gazu.client.create("studios", {"name": name, "color": "#112233"})
    call("all_studios", gazu.studio.all_studios)
    call("get_studio", gazu.studio.get_studio, studio["id"])
    call("get_studio_by_name", gazu.studio.get_studio_by_name, name)
    call("get_studio_by_name none", gazu.studio.get_studio_by_name, f"none {call.marker}")
    call("update_studio", gazu.studio.update_studio, {**studio, "name": f"{name} renamed"})
    call("remove_studio", gazu.studio.remove_studio, studio)
    call("get_studio gone", gazu.studio.get_studio, studio["id"])
    project = gazu.project.new_project(f"search {call.marker}")
    character = gazu.asset.new_asset_type("Character")
    gazu.asset.new_asset(project, character, f"searched hero {call.marker}")
    call("search_entities", gazu.search.search_entities, f"searched hero {call.marker}", project)
    call("search_entities typed", gazu.search.search_entities, f"searched hero {call.marker}", project, [character])
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
