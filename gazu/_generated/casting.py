"""``gazu.casting``'s table-made functions. Generated from ``compat/functions/casting.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api

from .._calls import LIST, Ref, Row, TEXT, call, field, fields, refs
from ..cache import cache
from .._clients import KitsuClient, default_client

__all__ = [
    "get_shot_casting", "get_asset_casting", "get_episode_casting", "get_sequence_casting", "delete_entity_link",
    "update_shot_casting", "update_asset_casting", "update_episode_casting", "cast_asset", "uncast_asset",
    "get_asset_type_casting", "get_asset_cast_in", "all_entity_links_for_project", "get_episodes_casting",
    "get_sequence_shots_casting", "get_episode_shots_casting", "get_project_shots_casting",
]


@cache
def get_shot_casting(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in a shot (its production: a dict's ``project_id``, else read from the shot)."""
    return call(
        client, "GET", api.CASTING, {"project_id": field(client, shot, "project_id", api.SHOT), "entity_id": shot},
        result=LIST,
    )


@cache
def get_asset_casting(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in an asset (its production: a dict's ``project_id``, else read from the asset)."""
    return call(
        client, "GET", api.CASTING, {"project_id": field(client, asset, "project_id", api.ASSET), "entity_id": asset},
        result=LIST,
    )


@cache
def get_episode_casting(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in an episode (its production: a dict's ``project_id``, else read from the episode)."""
    return call(
        client, "GET", api.CASTING,
        {"project_id": field(client, episode, "project_id", api.EPISODE), "entity_id": episode}, result=LIST,
    )


@cache
def get_sequence_casting(sequence: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every shot of a sequence, by shot id (its production: a dict's ``project_id``, else read)."""
    return call(
        client, "GET", api.SEQUENCE_CASTING,
        {"project_id": field(client, sequence, "project_id", api.SEQUENCE), "sequence_id": sequence},
    )


def delete_entity_link(entity_link: Ref, client: KitsuClient = default_client) -> Any:
    """Delete an entity link; returns it as given (an id as ``{"id": ...}``, as gazu does)."""
    call(client, "DELETE", api.ENTITY_LINK, {"entity_link_id": entity_link}, result=TEXT)
    return {"id": entity_link} if isinstance(entity_link, str) else entity_link


def update_shot_casting(
    project: Ref, shot: Ref, casting: list[dict[str, Any]], client: KitsuClient = default_client,
) -> Any:
    """Replace what is cast in the shot with ``casting`` (``[{asset_id, nb_occurences}]``, as given)."""
    return call(client, "PUT", api.CASTING, {"project_id": project, "entity_id": shot}, body=list(casting))


def update_asset_casting(
    project: Ref, asset: Ref, casting: list[dict[str, Any]], client: KitsuClient = default_client,
) -> Any:
    """Replace what is cast in the asset with ``casting`` (``[{asset_id, nb_occurences}]``, as given)."""
    return call(client, "PUT", api.CASTING, {"project_id": project, "entity_id": asset}, body=list(casting))


def update_episode_casting(
    project: Ref, episode: Ref, casting: list[dict[str, Any]], client: KitsuClient = default_client,
) -> Any:
    """Replace what is cast in the episode with ``casting`` (``[{asset_id, nb_occurences}]``, as given)."""
    return call(client, "PUT", api.CASTING, {"project_id": project, "entity_id": episode}, body=list(casting))


@cache
def cast_asset(
    project: Ref, entities: Ref | list[Ref], asset: Ref, nb_occurences: int | None = None, label: str | None = None,
    client: KitsuClient = default_client,
) -> Any:
    """Cast ``asset`` in each of ``entities`` (``nb_occurences`` times, with ``label``, when given)."""
    return call(
        client, "PUT", api.CAST_ASSET, {"project_id": project, "asset_id": asset},
        body=fields(
            {"entity_ids": refs(entities if isinstance(entities, list) else [entities])}, nb_occurences=nb_occurences,
            label=label,
        ),
    )


def uncast_asset(project: Ref, entities: Ref | list[Ref], asset: Ref, client: KitsuClient = default_client) -> Any:
    """Remove ``asset`` from the casting of each of ``entities`` (cast zero times)."""
    return call(
        client, "PUT", api.CAST_ASSET, {"project_id": project, "asset_id": asset},
        body={"entity_ids": refs(entities if isinstance(entities, list) else [entities]), "nb_occurences": 0},
    )


def get_asset_type_casting(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every asset of one type, by asset id."""
    return call(client, "GET", api.ASSET_TYPE_CASTING, {"project_id": project, "asset_type_id": asset_type})


@cache
def get_asset_cast_in(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The shots and assets the asset is cast in."""
    return call(client, "GET", api.ASSET_CAST_IN, {"asset_id": asset}, result=LIST)


@cache
def all_entity_links_for_project(
    project: Ref, page: int | None = None, limit: int | None = None, client: KitsuClient = default_client,
) -> Any:
    """The production's entity links (one page of ``limit`` links when ``page`` is given)."""
    return call(
        client, "GET", api.PROJECT_ENTITY_LINKS, {"project_id": project},
        params={"page": page, "limit": None if page is None else limit},
    )


@cache
def get_episodes_casting(project: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every episode of the production, by episode id."""
    return call(client, "GET", api.EPISODES_CASTING, {"project_id": project})


@cache
def get_sequence_shots_casting(project: Ref, sequence: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every shot of a sequence, by shot id."""
    return call(client, "GET", api.SEQUENCE_CASTING, {"project_id": project, "sequence_id": sequence})


@cache
def get_episode_shots_casting(project: Ref, episode: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every shot of an episode, by shot id."""
    return call(client, "GET", api.EPISODE_SHOTS_CASTING, {"project_id": project, "episode_id": episode})


@cache
def get_project_shots_casting(project: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every shot of the production, by shot id."""
    return call(client, "GET", api.PROJECT_SHOTS_CASTING, {"project_id": project})
