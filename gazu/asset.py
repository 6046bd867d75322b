"""``gazu.asset``: assets, asset types and asset instances.
The table's functions are generated (``gazu/_generated/asset.py``); the functions below are written by hand."""

from __future__ import annotations

from urllib.parse import urlencode

from kitsu_models import catalogue as api

from . import project as gazu_project
from ._calls import ROW, Record, Ref, Row, call, field, production_url, record
from ._generated import asset as _generated
from ._generated.asset import *  # noqa: F403 (the table's functions)
from .cache import cache
from .client import KitsuClient, default_client
from .sorting import sort_by_name


@cache
def all_assets_for_open_projects(client: KitsuClient = default_client) -> list[Row]:
    """The assets of every open production, by name (one read per production)."""
    projects = gazu_project.all_open_projects(client=client)
    return sort_by_name([asset for project in projects for asset in all_assets_for_project(project, client)])


def update_asset(asset: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``asset`` (an ``episode_id`` is sent as its ``source_id`` too)."""
    body = record(asset)
    if "episode_id" in body:
        body["source_id"] = body["episode_id"]
    return call(client, "PUT", api.ENTITY, {"entity_id": asset}, body=body, result=ROW)


@cache
def get_asset_url(asset: Ref, client: KitsuClient = default_client) -> str:
    """The asset's page in Kitsu's web UI (under its episode in a TV show)."""
    found = get_asset(asset, client)
    return f"{_assets_url(found['project_id'], client, found.get('episode_id') or 'main')}/{found['id']}/"


@cache
def get_all_assets_url(project: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's assets in Kitsu's web UI."""
    return f"{_assets_url(project, client)}/"


@cache
def get_asset_type_url(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's assets of one type in Kitsu's web UI."""
    name = field(client, asset_type, "name", api.ASSET_TYPE)
    return f"{_assets_url(project, client)}?{urlencode({'search': f'type=[{name}]'})}"


def _assets_url(project: Ref, client: KitsuClient, episode: str = "main") -> str:
    """The page of a production's assets (read first: in a TV show, under ``episode``)."""
    found = gazu_project.get_project(project, client)
    tv_show = found.get("production_type") == "tvshow"
    return f"{production_url(client, found['id'], episode if tv_show else None)}/assets"


__all__: list[str] = [
    "all_assets_for_open_projects", "get_all_assets_url", "get_asset_type_url", "get_asset_url", "update_asset",
]
__all__ += _generated.__all__
