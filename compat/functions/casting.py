"""``gazu.casting``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

_CASTING = {"casting": "list[dict[str, Any]]"}
_ENTITIES = "refs(entities if isinstance(entities, list) else [entities])"


def _update(kind: str) -> Fn:
    """``update_<kind>_casting``: the casting list as given replaces the entity's."""
    return Fn(f"update_{kind}_casting(project, {kind}, casting)", "PUT", api.CASTING,
              f"Replace what is cast in the {kind} with ``casting`` (``[{{asset_id, nb_occurences}}]``, as given).",
              ids={"entity_id": kind}, body="list(casting)", types=_CASTING)


# The castings by id (of shots, episodes, assets) are returned as answered, as gazu does.
FUNCTIONS = (
    Fn("get_shot_casting(shot)", "GET", api.CASTING,
       "The assets cast in a shot (its production: a dict's ``project_id``, else read from the shot).",
       cached=True, result="list", ids={"project_id": 'field(client, shot, "project_id", api.SHOT)', "entity_id": "shot"}),
    Fn("get_asset_casting(asset)", "GET", api.CASTING,
       "The assets cast in an asset (its production: a dict's ``project_id``, else read from the asset).",
       cached=True, result="list",
       ids={"project_id": 'field(client, asset, "project_id", api.ASSET)', "entity_id": "asset"}),
    Fn("get_episode_casting(episode)", "GET", api.CASTING,
       "The assets cast in an episode (its production: a dict's ``project_id``, else read from the episode).",
       cached=True, result="list",
       ids={"project_id": 'field(client, episode, "project_id", api.EPISODE)', "entity_id": "episode"}),
    Fn("get_sequence_casting(sequence)", "GET", api.SEQUENCE_CASTING,
       "The casting of every shot of a sequence, by shot id (its production: a dict's ``project_id``, else read).",
       cached=True, result="json", ids={"project_id": 'field(client, sequence, "project_id", api.SEQUENCE)'}),
    Fn("delete_entity_link(entity_link)", "DELETE", api.ENTITY_LINK,
       'Delete an entity link; returns it as given (an id as ``{"id": ...}``, as gazu does).', returns="Any",
       then='{"id": entity_link} if isinstance(entity_link, str) else entity_link'),
    _update("shot"),
    _update("asset"),
    _update("episode"),
    Fn("cast_asset(project, entities, asset, nb_occurences=None, label=None)", "PUT", api.CAST_ASSET,
       "Cast ``asset`` in each of ``entities`` (``nb_occurences`` times, with ``label``, when given).",
       cached=True, types={"entities": "Ref | list[Ref]"},
       body={"entity_ids": _ENTITIES, "nb_occurences?": "nb_occurences", "label?": "label"}),
    Fn("uncast_asset(project, entities, asset)", "PUT", api.CAST_ASSET,
       "Remove ``asset`` from the casting of each of ``entities`` (cast zero times).",
       types={"entities": "Ref | list[Ref]"}, body={"entity_ids": _ENTITIES, "nb_occurences": "0"}),
    Fn("get_asset_type_casting(project, asset_type)", "GET", api.ASSET_TYPE_CASTING,
       "The casting of every asset of one type, by asset id.", result="json"),
    Fn("get_asset_cast_in(asset)", "GET", api.ASSET_CAST_IN, "The shots and assets the asset is cast in.",
       cached=True),
    Fn("all_entity_links_for_project(project, page=None, limit=None)", "GET", api.PROJECT_ENTITY_LINKS,
       "The production's entity links (one page of ``limit`` links when ``page`` is given).", cached=True,
       query={"page": "page", "limit": "None if page is None else limit"}),
    Fn("get_episodes_casting(project)", "GET", api.EPISODES_CASTING,
       "The casting of every episode of the production, by episode id.", result="json", cached=True),
    Fn("get_sequence_shots_casting(project, sequence)", "GET", api.SEQUENCE_CASTING,
       "The casting of every shot of a sequence, by shot id.", result="json", cached=True),
    Fn("get_episode_shots_casting(project, episode)", "GET", api.EPISODE_SHOTS_CASTING,
       "The casting of every shot of an episode, by shot id.", result="json", cached=True),
    Fn("get_project_shots_casting(project)", "GET", api.PROJECT_SHOTS_CASTING,
       "The casting of every shot of the production, by shot id.", result="json", cached=True),
)
