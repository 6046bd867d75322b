"""``gazu.asset``'s table-made functions. Generated from ``compat/functions/asset.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models.streaming import ProgressCallback, StrPath

from .. import shot as gazu_shot
from .._calls import (
    BY_NAME, Downloaded, FIRST, ROW, Record, Ref, Row, TEXT, call, download, field, fields, flag, linked, record, ref,
    update_data, upload,
)
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import asset as gazu_asset
else:
    gazu_asset = Late("gazu.asset")

__all__ = [
    "get_episode_from_asset", "all_assets_for_project", "all_asset_instances_for_shot", "new_asset",
    "update_asset_data", "new_asset_type", "get_asset_type_from_asset", "all_assets_for_episode", "all_assets_for_shot",
    "all_assets_for_project_and_type", "get_asset_by_name", "get_asset", "remove_asset", "all_asset_types",
    "all_asset_types_for_project", "all_asset_types_for_shot", "get_asset_type", "get_asset_type_by_name",
    "remove_asset_type", "update_asset_type", "get_asset_instance", "all_shot_asset_instances_for_asset",
    "enable_asset_instance", "disable_asset_instance", "all_scene_asset_instances_for_asset",
    "all_asset_instances_for_asset", "new_asset_asset_instance", "import_assets_with_csv", "export_assets_with_csv",
]


@cache
def get_episode_from_asset(asset: Ref, client: KitsuClient = default_client) -> Row | None:
    """The asset's episode, or None when it has none."""
    return linked(gazu_shot.get_episode, field(client, asset, "source_id", api.ASSET, also="episode_id"), client)


@cache
def all_assets_for_project(project: Ref | None, client: KitsuClient = default_client) -> list[Row]:
    """The production's assets, by name; every production's when ``project`` is None."""
    return call(
        client, "GET", api.ALL_ASSETS if project is None else api.PROJECT_ASSETS, {"project_id": project},
        result=BY_NAME,
    )


def all_asset_instances_for_shot(shot: Ref, client: KitsuClient = default_client) -> Any:
    """The asset instances linked to a shot (as ``gazu.shot``'s)."""
    return gazu_shot.get_asset_instances_for_shot(shot, client=client)


def new_asset(
    project: Ref, asset_type: Ref, name: str, description: str = "", extra_data: dict[str, Any] = {},
    episode: Ref | None = None, is_shared: bool = False, client: KitsuClient = default_client,
) -> Row:
    """The production's asset of this type and name, created when there is none."""
    ids = {"project_id": ref(project), "asset_type_id": ref(asset_type)}
    body = fields(
        {"name": name, "data": dict(extra_data or {}), "is_shared": is_shared}, description=description,
        episode_id=ref(episode),
    )
    found = gazu_asset.get_asset_by_name(project, name, asset_type, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.NEW_ASSET, ids, body=body, result=ROW)


def update_asset_data(asset: Ref, data: dict[str, Any] = {}, client: KitsuClient = default_client) -> Row:
    """Merge ``data`` into the asset's ``data`` (only these keys are sent)."""
    return update_data(client, asset, data)


def new_asset_type(name: str, client: KitsuClient = default_client) -> Row:
    """The entity type named ``name``, created when there is none."""
    body = {"name": name}
    found = gazu_asset.get_asset_type_by_name(name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.ENTITY_TYPES, body=body, result=ROW)


@cache
def get_asset_type_from_asset(asset: Ref, client: KitsuClient = default_client) -> Row:
    """The type of an asset (its ``entity_type_id``)."""
    return gazu_asset.get_asset_type(field(client, asset, "entity_type_id", api.ASSET), client=client)


@cache
def all_assets_for_episode(episode: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets of an episode, by name."""
    return call(client, "GET", api.ASSETS, params={"source_id": ref(episode)}, result=BY_NAME)


@cache
def all_assets_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in a shot, by name."""
    return call(client, "GET", api.SHOT_ASSETS, {"shot_id": shot}, result=BY_NAME)


@cache
def all_assets_for_project_and_type(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets of one type of a production, by name."""
    return call(
        client, "GET", api.PROJECT_TYPE_ASSETS, {"project_id": project, "asset_type_id": asset_type}, result=BY_NAME,
    )


@cache
def get_asset_by_name(
    project: Ref, name: str, asset_type: Ref | None = None, client: KitsuClient = default_client,
) -> Row | None:
    """The production's asset named ``name`` (of ``asset_type`` when given), or None."""
    return call(
        client, "GET", api.ALL_ASSETS,
        params={"project_id": ref(project), "name": name, "entity_type_id": ref(asset_type)}, result=FIRST,
    )


@cache
def get_asset(asset_id: Ref, client: KitsuClient = default_client) -> Row:
    """An asset's record."""
    return call(client, "GET", api.ASSET, {"asset_id": asset_id}, result=ROW)


def remove_asset(asset: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an asset; without ``force`` the server only cancels one that has tasks."""
    return call(client, "DELETE", api.ASSET, {"asset_id": asset}, params={"force": flag(force)}, result=TEXT)


@cache
def all_asset_types(client: KitsuClient = default_client) -> list[Row]:
    """Every asset type, by name."""
    return call(client, "GET", api.ASSET_TYPES, result=BY_NAME)


@cache
def all_asset_types_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The asset types a production's assets use, by name."""
    return call(client, "GET", api.PROJECT_ASSET_TYPES, {"project_id": project}, result=BY_NAME)


@cache
def all_asset_types_for_shot(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The types of the assets cast in a shot, by name."""
    return call(client, "GET", api.SHOT_ASSET_TYPES, {"shot_id": shot}, result=BY_NAME)


@cache
def get_asset_type(asset_type_id: Ref, client: KitsuClient = default_client) -> Row:
    """An asset type's record."""
    return call(client, "GET", api.ASSET_TYPE, {"asset_type_id": asset_type_id}, result=ROW)


@cache
def get_asset_type_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    """The entity type named ``name``, or None."""
    return call(client, "GET", api.ENTITY_TYPES, params={"name": name}, result=FIRST)


def remove_asset_type(asset_type: Ref, client: KitsuClient = default_client) -> str:
    """Delete an asset type."""
    return call(client, "DELETE", api.ENTITY_TYPE, {"entity_type_id": asset_type}, result=TEXT)


def update_asset_type(asset_type: Record, client: KitsuClient = default_client) -> Row:
    """Rename an asset type (only its ``name`` is sent)."""
    return call(
        client, "PUT", api.ENTITY_TYPE, {"entity_type_id": asset_type}, body={"name": record(asset_type)['name']},
        result=ROW,
    )


@cache
def get_asset_instance(asset_instance_id: Ref, client: KitsuClient = default_client) -> Row:
    """An asset instance's record."""
    return call(client, "GET", api.ASSET_INSTANCE, {"asset_instance_id": asset_instance_id}, result=ROW)


@cache
def all_shot_asset_instances_for_asset(asset: Ref, client: KitsuClient = default_client) -> Any:
    """The asset's instances in shots."""
    return call(client, "GET", api.ASSET_SHOT_INSTANCES, {"asset_id": asset})


def enable_asset_instance(asset_instance: Ref, client: KitsuClient = default_client) -> Row:
    """Make an asset instance active."""
    return call(
        client, "PUT", api.ASSET_INSTANCE, {"asset_instance_id": asset_instance}, body={"active": True}, result=ROW,
    )


def disable_asset_instance(asset_instance: Ref, client: KitsuClient = default_client) -> Row:
    """Make an asset instance inactive."""
    return call(
        client, "PUT", api.ASSET_INSTANCE, {"asset_instance_id": asset_instance}, body={"active": False}, result=ROW,
    )


@cache
def all_scene_asset_instances_for_asset(asset: Ref, client: KitsuClient = default_client) -> Any:
    """The asset's instances in scenes."""
    return call(client, "GET", api.ASSET_SCENE_INSTANCES, {"asset_id": asset})


@cache
def all_asset_instances_for_asset(asset: Ref, client: KitsuClient = default_client) -> Any:
    """The instances of other assets that the asset holds."""
    return call(client, "GET", api.ASSET_ASSET_INSTANCES, {"asset_id": asset})


def new_asset_asset_instance(
    asset: Ref, asset_to_instantiate: Ref, description: str = "", client: KitsuClient = default_client,
) -> Row:
    """Put an instance of ``asset_to_instantiate`` in ``asset``."""
    return call(
        client, "POST", api.ASSET_ASSET_INSTANCES, {"asset_id": asset},
        body=fields({"asset_to_instantiate_id": ref(asset_to_instantiate)}, description=description), result=ROW,
    )


def import_assets_with_csv(
    project: Ref, csv_file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Create or update a production's assets from a CSV file."""
    return upload(client, api.IMPORT_ASSETS_CSV, {"project_id": project}, [csv_file_path], progress=progress_callback)


def export_assets_with_csv(
    project: Ref, csv_file_path: StrPath, episode: Ref | None = None, assigned_to: Ref | None = None,
    client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a production's assets as a CSV file (of one episode, of one assignee)."""
    return download(
        client, api.EXPORT_ASSETS_CSV, {"project_id": project}, csv_file_path,
        params={"episode_id": ref(episode), "assigned_to": ref(assigned_to)}, progress=progress_callback,
    )
