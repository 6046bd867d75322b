"""``gazu.asset``: assets, asset types and asset instances."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kitsu_models.ids import id_of

from . import paths
from ._calls import (
    Record, Ref, Row, body_of, by_name, field, first, get_or_create, read, read_by_name, read_row, remove,
    update_data, write_row,
)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host
from .project import all_open_projects, get_project
from .shot import all_asset_instances_for_shot as all_asset_instances_for_shot  # gazu has it in both


@cache
def all_assets_for_open_projects(client: KitsuClient = default_client) -> list[Row]:
    """The assets of every open production, by name (one read per production)."""
    found = [asset for project in all_open_projects(client=client) for asset in all_assets_for_project(project, client)]
    return by_name(found)


@cache
def all_assets_for_project(project: Ref | None, client: KitsuClient = default_client) -> list[Row]:
    """The production's assets; every production's when ``project`` is None."""
    if project is None:
        return read_by_name(client, paths.ALL_ASSETS)
    return read_by_name(client, paths.PROJECT_ASSETS, project_id=project)


@cache
def all_assets_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.ASSETS, {"source_id": id_of(episode, what="episode")})


@cache
def all_assets_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SHOT_ASSETS, shot_id=shot)


@cache
def all_assets_for_project_and_type(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECT_TYPE_ASSETS, project_id=project, asset_type_id=asset_type)


@cache
def get_asset_by_name(
    project: Ref, name: str, asset_type: Ref | None = None, client: KitsuClient = default_client
) -> Row | None:
    criteria = {
        "project_id": id_of(project, what="project"), "name": name,
        "entity_type_id": None if asset_type is None else id_of(asset_type, what="asset type"),
    }
    return first(client, paths.ALL_ASSETS, criteria)


@cache
def get_asset(asset_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.ASSET, asset_id=asset_id)


@cache
def get_asset_url(asset: Ref, client: KitsuClient = default_client) -> str:
    """The asset's page in Kitsu's web UI (under its episode in a TV show)."""
    record = get_asset(asset, client)
    project = get_project(record["project_id"], client)
    base = f"{get_api_url_from_host(client)}/productions/{record['project_id']}"
    if project.get("production_type") == "tvshow":
        base += f"/episodes/{record.get('episode_id') or 'main'}"
    return f"{base}/assets/{record['id']}/"


def new_asset(
    project: Ref,
    asset_type: Ref,
    name: str,
    description: str = "",
    extra_data: dict[str, Any] = {},  # noqa: B006 (the spec's default; never mutated)
    episode: Ref | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """The production's asset of this type and name, created when there is none."""
    body: dict[str, Any] = {"name": name, "data": dict(extra_data), "is_shared": False, "description": description}
    if episode is not None:
        body["episode_id"] = id_of(episode, what="episode")
    criteria = {"project_id": id_of(project, what="project"), "name": name, "entity_type_id": id_of(asset_type, what="asset type")}
    return get_or_create(
        client, lambda: first(client, paths.ALL_ASSETS, criteria), paths.NEW_ASSET, body, project_id=project,
        asset_type_id=asset_type,
    )


def update_asset(asset: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``asset`` (an ``episode_id`` is its ``source_id``)."""
    body = body_of(asset)
    if body.get("episode_id"):
        body["source_id"] = body["episode_id"]
    return write_row(client, "PUT", paths.ENTITY, body, entity_id=asset)


def update_asset_data(asset: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:  # noqa: B006
    """Merge ``data`` into the asset's ``data`` (only these keys are sent)."""
    return update_data(client, asset, data, "asset")


def remove_asset(asset: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    return remove(client, paths.ASSET, force, asset_id=asset)


@cache
def all_asset_types(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.ASSET_TYPES)


@cache
def all_asset_types_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.PROJECT_ASSET_TYPES, project_id=project)


@cache
def all_asset_types_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.SHOT_ASSET_TYPES, shot_id=shot)


@cache
def get_asset_type(asset_type_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.ASSET_TYPE, asset_type_id=asset_type_id)


@cache
def get_asset_type_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.ENTITY_TYPES, {"name": name})


@cache
def get_asset_type_from_asset(asset: Ref, client: KitsuClient = default_client) -> Row:
    type_id = field(client, asset, "entity_type_id", paths.ASSET, "asset_id")
    return read_row(client, paths.ASSET_TYPE, asset_type_id=type_id)


def new_asset_type(name: str, client: KitsuClient = default_client) -> Row:
    """The entity type named ``name``, created when there is none."""
    return get_or_create(client, lambda: get_asset_type_by_name(name, client), paths.ENTITY_TYPES, {"name": name})


def update_asset_type(asset_type: Record, client: KitsuClient = default_client) -> Row:
    """Rename the asset type to the ``name`` it carries."""
    body = {"name": body_of(asset_type)["name"]}
    return write_row(client, "PUT", paths.ENTITY_TYPE, body, entity_type_id=asset_type)


def remove_asset_type(asset_type: Ref, client: KitsuClient = default_client) -> str:
    return remove(client, paths.ENTITY_TYPE, entity_type_id=asset_type)


@cache
def get_episode_from_asset(asset: Ref, client: KitsuClient = default_client) -> Row | None:
    """The asset's episode, or None when it has none. A dict is taken as
    is (no request when it names no episode); an id or model is read."""
    if isinstance(asset, Mapping):
        episode = asset.get("episode_id") or asset.get("source_id")
    else:
        episode = field(client, asset, "source_id", paths.ASSET, "asset_id")
    return None if episode is None else read_row(client, paths.EPISODE, episode_id=episode)


@cache
def get_asset_instance(asset_instance_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.ASSET_INSTANCE, asset_instance_id=asset_instance_id)


@cache
def all_asset_instances_for_asset(asset: Ref, client: KitsuClient = default_client) -> Any:
    return read(client, paths.ASSET_ASSET_INSTANCES, asset_id=asset)


@cache
def all_scene_asset_instances_for_asset(asset: Ref, client: KitsuClient = default_client) -> Any:
    return read(client, paths.ASSET_SCENE_INSTANCES, asset_id=asset)


@cache
def all_shot_asset_instances_for_asset(asset: Ref, client: KitsuClient = default_client) -> Any:
    return read(client, paths.ASSET_SHOT_INSTANCES, asset_id=asset)


def new_asset_asset_instance(
    asset: Ref, asset_to_instantiate: Ref, description: str = "", client: KitsuClient = default_client
) -> Row:
    """An instance of ``asset_to_instantiate`` inside ``asset``."""
    body = {"asset_to_instantiate_id": id_of(asset_to_instantiate, what="asset"), "description": description}
    return write_row(client, "POST", paths.ASSET_ASSET_INSTANCES, body, asset_id=asset)


def enable_asset_instance(asset_instance: Ref, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.ASSET_INSTANCE, {"active": True}, asset_instance_id=asset_instance)


def disable_asset_instance(asset_instance: Ref, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.ASSET_INSTANCE, {"active": False}, asset_instance_id=asset_instance)
