"""gazu.user, the admin's saved searches: filters (studio-wide and of one
production) and filter groups created, listed, read, renamed, a filter put
in a group, then all removed."""

from __future__ import annotations

from typing import Any

import gazu

MISSING = "00000000-0000-4000-8000-000000000000"


def run(call: Any) -> None:
    mark = call.marker
    project = gazu.project.new_project(f"filters {mark}")
    try:
        _scenario(call, mark, project)
    finally:
        gazu.project.close_project(project)
        gazu.project.remove_project(project, force=True)


def _scenario(call: Any, mark: str, project: dict) -> None:
    _grouped(call, "all_filters before", gazu.user.all_filters, mark)
    _grouped(call, "all_filter_groups before", gazu.user.all_filter_groups, mark)

    heroes = call("new_filter", gazu.user.new_filter, f"heroes {mark}", "type=Character", "asset")
    wip = call("new_filter project", gazu.user.new_filter, f"wip {mark}", "status=wip", "shot", project,
               "Shot")
    retakes = call("new_filter project id", gazu.user.new_filter, f"retakes {mark}", "status=retake", "shot",
         project["id"])
    call("new_filter no name", gazu.user.new_filter, "", "status=wip", "shot")
    _grouped(call, "all_filters", gazu.user.all_filters, mark)
    call("update_filter", gazu.user.update_filter,
         {**heroes, "name": f"main heroes {mark}", "search_query": "type=Character hero"})

    group = call("new_filter_group", gazu.user.new_filter_group, f"layout {mark}")
    project_group = call("new_filter_group project", gazu.user.new_filter_group, f"review {mark}", project)
    call("new_filter_group no name", gazu.user.new_filter_group, "")
    _grouped(call, "all_filter_groups", gazu.user.all_filter_groups, mark)
    call("get_filter_group", gazu.user.get_filter_group, group)
    call("get_filter_group by id", gazu.user.get_filter_group, project_group["id"])
    call("get_filter_group missing", gazu.user.get_filter_group, MISSING)
    call("update_filter_group", gazu.user.update_filter_group,
         {**group, "name": f"layout wip {mark}", "color": "#00ff00"})
    call("update_filter in group", gazu.user.update_filter,
         {"id": wip["id"], "search_filter_group_id": project_group["id"]})
    _grouped(call, "all_filters grouped", gazu.user.all_filters, mark)
    call("update_filter missing", gazu.user.update_filter, {"id": MISSING, "name": f"nothing {mark}"})

    call("remove_filter", gazu.user.remove_filter, heroes)
    call("remove_filter by id", gazu.user.remove_filter, retakes["id"])
    call("remove_filter again", gazu.user.remove_filter, heroes["id"])
    call("remove_filter_group", gazu.user.remove_filter_group, group)
    call("remove_filter_group with filters", gazu.user.remove_filter_group, project_group["id"])
    call("get_filter_group removed", gazu.user.get_filter_group, group["id"])
    _grouped(call, "all_filters after", gazu.user.all_filters, mark)
    _grouped(call, "all_filter_groups after", gazu.user.all_filter_groups, mark)


def _grouped(call: Any, label: str, function: Any, mark: str) -> None:
    """A call answering ``{list type: {production id or "all": [...]}}`` over
    the user's saved searches: recorded with this run's items only, by name
    (the server lists them in no fixed order)."""
    call(label, function)
    recorded = call.records[-1][1]
    if isinstance(recorded.get("value"), dict):
        recorded["value"] = {kind: kept for kind, kept in (
            (kind, {scope: sorted((item for item in items if mark in str(item.get("name"))), key=_name)
                    for scope, items in by_scope.items()}) for kind, by_scope in recorded["value"].items())
            if any(kept.values())}
        for by_scope in recorded["value"].values():
            for scope in [scope for scope, items in by_scope.items() if not items]:
                del by_scope[scope]



def _name(item: dict) -> str:
    return str(item.get("name"))
