"""gazu.casting: the breakdown of a TV show: assets cast in shots and in
episodes, one at a time (cast/uncast) or whole castings, read back by
shot, sequence, episode and production; entity links listed and deleted."""

from __future__ import annotations

from typing import Any

import gazu


def by_names(call: Any, names: dict[str, str]) -> None:
    """The last record's links in a fixed order: by the names of the
    entities they link (the server lists them in no fixed order)."""
    recorded = call.records[-1][1]
    if isinstance(recorded.get("value"), list):
        recorded["value"].sort(key=lambda link: (names[link["entity_in_id"]], names[link["entity_out_id"]]))


def counted(call: Any) -> None:
    """The last record's page of links with its links counted: which links
    a page holds depends on the server's order."""
    recorded = call.records[-1][1]
    if isinstance(recorded.get("value"), dict):
        recorded["value"]["data"] = len(recorded["value"]["data"])


def run(call: Any) -> None:
    name, g = call.marker, gazu
    project = g.project.new_project(f"casting {name}", "tvshow")
    character, props = g.asset.new_asset_type("Character"), g.asset.new_asset_type("Props")
    hero = g.asset.new_asset(project, character, f"hero {name}")
    sword = g.asset.new_asset(project, props, f"sword {name}")
    castle = g.asset.new_asset(project, props, f"castle {name}")
    pilot, finale = g.shot.new_episode(project, f"ep01 {name}"), g.shot.new_episode(project, f"ep02 {name}")
    opening, ending = g.shot.new_sequence(project, f"sq01 {name}", pilot), g.shot.new_sequence(project, f"sq09 {name}", finale)
    wide, close = g.shot.new_shot(project, opening, f"sh010 {name}"), g.shot.new_shot(project, opening, f"sh020 {name}")
    last = g.shot.new_shot(project, ending, f"sh900 {name}")
    names = {entity["id"]: entity["name"] for entity in (hero, sword, castle, pilot, finale, wide, close, last)}

    # ---------------------------------------- cast one asset at a time
    call("cast_asset", g.casting.cast_asset, project, [wide, close], hero)
    call("cast_asset one shot", g.casting.cast_asset, project, wide, sword, 2, "fight")
    call("cast_asset id", g.casting.cast_asset, project["id"], last["id"], castle["id"], None, "establishing")
    call("cast_asset again", g.casting.cast_asset, project, [wide], hero, 3)
    call("cast_asset episode", g.casting.cast_asset, project, [pilot], hero, 1)
    call("update_episode_casting", g.casting.update_episode_casting, project, finale,
         [{"asset_id": castle["id"], "nb_occurences": 1}, {"asset_id": hero["id"], "nb_occurences": 2}])
    call("update_episode_casting ids", g.casting.update_episode_casting, project["id"], pilot["id"],
         [{"asset_id": hero["id"], "nb_occurences": 1}, {"asset_id": sword["id"], "nb_occurences": 1}])

    # ------------------------------------------------------ read it back
    call("get_episode_casting", g.casting.get_episode_casting, pilot)
    call("get_episode_casting finale", g.casting.get_episode_casting, finale)
    call("get_episodes_casting", g.casting.get_episodes_casting, project)
    call("get_sequence_shots_casting", g.casting.get_sequence_shots_casting, project, opening)
    call("get_sequence_shots_casting ids", g.casting.get_sequence_shots_casting, project["id"], ending["id"])
    call("get_episode_shots_casting", g.casting.get_episode_shots_casting, project, pilot)
    call("get_episode_shots_casting finale", g.casting.get_episode_shots_casting, project["id"], finale["id"])
    call("get_project_shots_casting", g.casting.get_project_shots_casting, project)
    links = call("all_entity_links_for_project", g.casting.all_entity_links_for_project, project)
    by_names(call, names)
    call("all_entity_links_for_project page", g.casting.all_entity_links_for_project, project, 1, 3)
    counted(call)
    call("all_entity_links_for_project page 3", g.casting.all_entity_links_for_project, project["id"], 3, 3)
    counted(call)

    # ------------------------------------------------------- uncast
    call("uncast_asset", g.casting.uncast_asset, project, [close], hero)
    call("uncast_asset one", g.casting.uncast_asset, project["id"], last, castle["id"])
    call("get_sequence_shots_casting after", g.casting.get_sequence_shots_casting, project, opening)
    in_wide = sorted((link for link in links or [] if link["entity_in_id"] == wide["id"]),
                     key=lambda link: link["entity_out_id"] == hero["id"])
    call("delete_entity_link", g.casting.delete_entity_link, in_wide[0])
    call("delete_entity_link id", g.casting.delete_entity_link, in_wide[1]["id"])
    call("get_project_shots_casting after", g.casting.get_project_shots_casting, project)
    call("all_entity_links_for_project after", g.casting.all_entity_links_for_project, project)
    by_names(call, names)

    g.project.close_project(project)
    g.project.remove_project(project, force=True)
