"""``gazu.shot``'s one-call functions (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

_NAMES = {"episode_name": "str", "sequence_name": "str", "shot_name": "str"}


def _update(kind: str) -> Fn:
    """``update_<kind>``: the record as given, saved through the entity route."""
    return Fn(f"update_{kind}({kind})", "PUT", api.ENTITY, f"Save the fields of ``{kind}`` (sent as given).",
              ids={"entity_id": kind}, body=f"record({kind})", types={kind: "Record"})


def _update_data(kind: str) -> Fn:
    """``update_<kind>_data``: only the new keys, merged by the server (README: departures)."""
    return Fn(f"update_{kind}_data({kind}, data={{}})", "PUT", api.ENTITY,
              f"Merge ``data`` into the {kind}'s ``data`` (only these keys are sent; the server merges them).",
              ids={"entity_id": kind}, body={"id": f"ref({kind})", "data": "dict(data or {})"})


FUNCTIONS = (
    Fn("all_previews_for_shot(shot)", "GET", api.SHOT_PREVIEWS,
       "The shot's previews, grouped by task type as the server sends them.", cached=True),
    Fn("all_shots_for_project(project)", "GET", api.PROJECT_SHOTS, "The production's shots, by name.",
       result="by_name", cached=True),
    Fn("all_shots_for_episode(episode)", "GET", api.EPISODE_SHOTS, "The episode's shots, by name.",
       result="by_name", cached=True),
    Fn("all_shots_for_sequence(sequence)", "GET", api.SEQUENCE_SHOTS, "The sequence's shots, by name.",
       result="by_name", cached=True),
    Fn("all_sequences_for_project(project)", "GET", api.PROJECT_SEQUENCES, "The production's sequences, by name.",
       result="by_name", cached=True),
    Fn("all_sequences_for_episode(episode)", "GET", api.EPISODE_SEQUENCES, "The episode's sequences, by name.",
       result="by_name", cached=True),
    Fn("all_episodes_for_project(project)", "GET", api.PROJECT_EPISODES, "The production's episodes, by name.",
       result="by_name", cached=True),
    Fn("get_episode(episode_id)", "GET", api.EPISODE, "An episode's record.", cached=True),
    Fn("get_episode_by_name(project, episode_name)", "GET", api.EPISODES,
       "The production's episode named ``episode_name``, or None.", result="first", cached=True,
       query={"project_id": "ref(project)", "name": "episode_name"}, types=_NAMES),
    Fn("get_sequence(sequence_id)", "GET", api.SEQUENCE, "A sequence's record.", cached=True),
    Fn("get_sequence_by_name(project, sequence_name, episode=None)", "GET", api.SEQUENCES,
       "The sequence named ``sequence_name``: in ``episode`` when given, else in the production; or None.",
       result="first", cached=True, types=_NAMES,
       query={"project_id": "None if episode is not None else ref(project)", "episode_id": "ref(episode)",
              "name": "sequence_name"}),
    Fn("get_shot(shot_id)", "GET", api.SHOT, "A shot's record.", cached=True),
    Fn("get_shot_by_name(sequence, shot_name)", "GET", api.ALL_SHOTS,
       "The sequence's shot named ``shot_name``, or None.", result="first", cached=True,
       query={"sequence_id": "ref(sequence)", "name": "shot_name"}, types=_NAMES),
    _update("shot"),
    _update("sequence"),
    _update("episode"),
    _update_data("shot"),
    _update_data("sequence"),
    _update_data("episode"),
    Fn("remove_shot(shot, force=False)", "DELETE", api.SHOT,
       "Delete a shot; without ``force`` the server only cancels one that has tasks.",
       query={"force": "flag(force)"}),
    Fn("restore_shot(shot)", "PUT", api.SHOT, "Un-cancel a shot a plain ``remove_shot`` cancelled.",
       body={"canceled": "False"}),
    Fn("remove_episode(episode, force=False)", "DELETE", api.EPISODE,
       "Delete an episode; without ``force`` the server refuses one that has tasks.",
       query={"force": "flag(force)"}),
    Fn("remove_sequence(sequence, force=False)", "DELETE", api.SEQUENCE,
       "Delete a sequence; without ``force`` the server refuses one that has tasks.",
       query={"force": "flag(force)"}),
    Fn("get_asset_instances_for_shot(shot)", "GET", api.SHOT_ASSET_INSTANCES,
       "The asset instances linked to a shot.", cached=True),
    Fn("all_asset_instances_for_shot(shot)", "GET", api.SHOT_ASSET_INSTANCES,
       "The asset instances linked to a shot (``get_asset_instances_for_shot``, not cached)."),
    Fn("add_asset_instance_to_shot(shot, asset_instance)", "POST", api.SHOT_ASSET_INSTANCES,
       "Link an asset instance to a shot; returns the shot.",
       body={"asset_instance_id": "ref(asset_instance)"}),
    Fn("remove_asset_instance_from_shot(shot, asset_instance)", "DELETE", api.SHOT_ASSET_INSTANCE,
       "Unlink an asset instance from a shot (the instance itself stays)."),
    Fn("import_shots_with_csv(project, csv_file_path)", "POST", api.IMPORT_SHOTS_CSV,
       "Create or update a production's shots from a CSV file.", kind="upload", files="[csv_file_path]",
       after_client="progress_callback=None"),
    Fn("export_shots_with_csv(project, csv_file_path, episode=None, assigned_to=None)", "GET",
       api.EXPORT_SHOTS_CSV, "Save a production's shots as a CSV file (of one episode, of one assignee).",
       kind="download", target="csv_file_path", after_client="progress_callback=None",
       query={"episode_id": "ref(episode)", "assigned_to": "ref(assigned_to)"}, types={"assigned_to": "Ref | None"}),
)
