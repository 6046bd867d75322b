"""``gazu.asset``: assets, asset types and asset instances.

The one-call functions are generated (``gazu/_generated/asset.py``, from
``compat/functions/asset.py``); those below need code of their own.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from kitsu_models import catalogue as api

from . import project as gazu_project
from . import shot as gazu_shot
from ._calls import ROW, Record, Ref, Row, call, field, fields, record, ref, update_data
from ._generated import asset as _generated
from ._generated.asset import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host
from .sorting import sort_by_name


@cache
def all_assets_for_open_projects(client: KitsuClient = default_client) -> list[Row]:
    """The assets of every open production, by name (one read per production)."""
    projects = gazu_project.all_open_projects(client=client)
    return sort_by_name([asset for project in projects for asset in all_assets_for_project(project, client)])


@cache
def all_assets_for_project(project: Ref | None, client: KitsuClient = default_client) -> list[Row]:
    """The production's assets, by name; every production's when ``project`` is None."""
    if project is None:
        return call(client, "GET", api.ALL_ASSETS, result="by_name")
    return call(client, "GET", api.PROJECT_ASSETS, {"project_id": project}, result="by_name")


def all_asset_instances_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    """The asset instances linked to a shot (as ``gazu.shot``'s)."""
    return gazu_shot.get_asset_instances_for_shot(shot, client=client)


def new_asset(
    project: Ref,
    asset_type: Ref,
    name: str,
    description: str = "",
    extra_data: dict[str, Any] = {},  # noqa: B006 (the spec's default; never mutated)
    episode: Ref | None = None,
    is_shared: bool = False,
    client: KitsuClient = default_client,
) -> Row:
    """The production's asset of this type and name, created when there is none."""
    body = fields({"name": name, "data": dict(extra_data or {}), "is_shared": is_shared},
                  description=description, episode_id=ref(episode))
    found = get_asset_by_name(project, name, asset_type, client)
    if found is not None:
        return found
    ids = {"project_id": project, "asset_type_id": asset_type}
    return call(client, "POST", api.NEW_ASSET, ids, body=body, result=ROW)


def update_asset(asset: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``asset`` (an ``episode_id`` is sent as its ``source_id`` too)."""
    body = record(asset)
    if "episode_id" in body:
        body["source_id"] = body["episode_id"]
    return call(client, "PUT", api.ENTITY, {"entity_id": asset}, body=body, result=ROW)


def update_asset_data(asset: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the asset's ``data`` (only these keys are sent)."""
    return update_data(client, asset, data)


def new_asset_type(name: str, client: KitsuClient = default_client) -> Row:
    """The entity type named ``name``, created when there is none."""
    found = get_asset_type_by_name(name, client)
    return found if found is not None else call(client, "POST", api.ENTITY_TYPES, body={"name": name}, result=ROW)


@cache
def get_asset_type_from_asset(asset: Ref, client: KitsuClient = default_client) -> Row:
    """The type of an asset (its ``entity_type_id``)."""
    return get_asset_type(field(client, asset, "entity_type_id", api.ASSET), client)


@cache
def get_episode_from_asset(asset: Ref, client: KitsuClient = default_client) -> Row | None:
    """The asset's episode, or None when it has none (a dict naming none costs no request)."""
    episode = field(client, asset, "source_id", api.ASSET, also="episode_id")
    return None if episode is None else gazu_shot.get_episode(episode, client)


@cache
def get_asset_url(asset: Ref, client: KitsuClient = default_client) -> str:
    """The asset's page in Kitsu's web UI (under its episode in a TV show)."""
    found = get_asset(asset, client)
    base = _production_url(found["project_id"], client, found.get("episode_id") or "main")
    return f"{base}/assets/{found['id']}/"


@cache
def get_all_assets_url(project: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's assets in Kitsu's web UI."""
    return f"{_production_url(project, client)}/assets/"


@cache
def get_asset_type_url(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's assets of one type in Kitsu's web UI."""
    name = field(client, asset_type, "name", api.ASSET_TYPE)
    return f"{_production_url(project, client)}/assets?{urlencode({'search': f'type=[{name}]'})}"


def _production_url(project: Ref, client: KitsuClient, episode: str = "main") -> str:
    """A production's web UI root (under ``episode`` in a TV show)."""
    found = gazu_project.get_project(project, client)
    base = f"{get_api_url_from_host(client)}/productions/{found['id']}"
    return f"{base}/episodes/{episode}" if found.get("production_type") == "tvshow" else base


__all__ = [
    "all_asset_instances_for_shot", "all_assets_for_open_projects", "all_assets_for_project",
    "get_all_assets_url", "get_asset_type_from_asset", "get_asset_type_url", "get_asset_url",
    "get_episode_from_asset", "new_asset", "new_asset_type", "update_asset", "update_asset_data",
]
__all__ += _generated.__all__
