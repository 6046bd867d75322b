"""``gazu.shot``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Composed, Fn

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


#: A web UI page: the production's root (``production_url``) and a path.
_PAGE = 'f"{production_url(client, project)}/%s/"'

FUNCTIONS: tuple[Fn | Composed, ...] = (
    Composed("get_episode_from_sequence(sequence)", "Row | None", "The sequence's episode, or None when it is in none.",
             'linked(get_episode, field(client, sequence, "parent_id", api.SEQUENCE), client)', cached=True),
    Fn("new_episode(project, name)", "POST", api.PROJECT_EPISODES,
       "The production's episode named ``name``, created when there is none.", body={"name": "name"},
       lookup="get_episode_by_name(project, name, client=client)"),
    Fn("new_sequence(project, name, episode=None)", "POST", api.PROJECT_SEQUENCES,
       "The sequence named ``name`` (in ``episode`` when given, else in the production), created when there is none.",
       body={"name": "name", "episode_id?": "ref(episode)"},
       lookup="get_sequence_by_name(project, name, episode, client=client)"),
    Fn("new_shot(project, sequence, name, nb_frames=None, frame_in=None, frame_out=None, description=None, data={})",
       "POST", api.PROJECT_SHOTS,
       "The sequence's shot named ``name``, created when there is none (``frame_in``, ``frame_out`` in its ``data``).",
       body={"name": "name", "data": "fields(dict(data or {}), frame_in=frame_in, frame_out=frame_out)",
             "sequence_id": "ref(sequence)", "nb_frames?": "nb_frames", "description?": "description"},
       lookup="get_shot_by_name(sequence, name, client=client)",
       types={"nb_frames": "int | None", "frame_in": "int | None", "frame_out": "int | None",
              "description": "str | None"}),
    Composed("get_sequence_from_shot(shot)", "Row", "The shot's sequence (read unless the dict has its ``parent_id``).",
             'get_sequence(field(client, shot, "parent_id", api.SHOT), client=client)', cached=True),
    Composed("get_episode_url(episode)", "str", "The page of the episode's shots in Kitsu's web UI.",
             'page_url(client, get_episode(episode, client=client), "episodes") + "shots"', cached=True),
    Composed("get_sequence_url(sequence)", "str",
             "The sequence's page in Kitsu's web UI (under its episode when it has one).",
             'page_url(client, get_sequence(sequence, client=client), "sequences", "parent_id")',
             cached=True),
    Composed("get_shot_url(shot)", "str", "The shot's page in Kitsu's web UI (under its episode when it has one).",
             'page_url(client, get_shot(shot, client=client), "shots", "episode_id")', cached=True),
    Composed("get_all_episodes_url(project)", "str",
             "The page of a production's episodes in Kitsu's web UI (no request).", _PAGE % "episodes", cached=True),
    Composed("get_all_sequences_url(project)", "str",
             "The page of a production's sequences in Kitsu's web UI (no request).", _PAGE % "sequences", cached=True),
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
