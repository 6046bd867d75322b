"""``gazu.casting``'s one-call functions (see ``compat/functions/__init__.py``)."""

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
