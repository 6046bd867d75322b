"""``gazu.casting``: which assets are cast in which shots, sequences and assets."""

from __future__ import annotations

from typing import Any

from kitsu_models.ids import id_of
from kitsu_models.models import Entity
from kitsu_models.orm.relations import forget_relations

from . import paths
from ._calls import Ref, Row, field, read, read_list, write
from .cache import cache
from .client import KitsuClient, default_client


@cache
def get_asset_cast_in(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The shots (and assets) the asset is cast in."""
    return read_list(client, paths.CAST_IN, asset_id=asset)


@cache
def get_asset_casting(asset: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The assets cast in ``asset``."""
    project = field(client, asset, "project_id", paths.ASSET, "asset_id")
    return read_list(client, paths.CASTING, project_id=project, entity_id=asset)


@cache
def get_shot_casting(shot: Ref, client: KitsuClient = default_client) -> list[Row]:
    project = field(client, shot, "project_id", paths.SHOT, "shot_id")
    return read_list(client, paths.CASTING, project_id=project, entity_id=shot)


@cache
def get_sequence_casting(sequence: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every shot of the sequence, by shot id."""
    project = field(client, sequence, "project_id", paths.SEQUENCE, "sequence_id")
    return read(client, paths.SEQUENCE_CASTING, project_id=project, sequence_id=sequence)


@cache
def get_project_shots_casting(project: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every shot of the production in one request, by shot
    id (beyond the spec: official gazu 1.3.1 has it, and bulk tools use it)."""
    return read(client, paths.PROJECT_SHOTS_CASTING, project_id=project)


def get_asset_type_casting(project: Ref, asset_type: Ref, client: KitsuClient = default_client) -> Any:
    """The casting of every asset of the type, by asset id."""
    return read(client, paths.ASSET_TYPE_CASTING, project_id=project, asset_type_id=asset_type)


def update_shot_casting(project: Ref, shot: Ref, casting: list[dict[str, Any]], client: KitsuClient = default_client) -> Any:
    """Replace the shot's casting with ``casting`` (``[{"asset_id", "nb_occurences"}]``)."""
    return _update_casting(client, project, shot, casting)


def update_asset_casting(project: Ref, asset: Ref, casting: list[dict[str, Any]], client: KitsuClient = default_client) -> Any:
    """Replace the assets cast in ``asset`` with ``casting``."""
    return _update_casting(client, project, asset, casting)


def _update_casting(client: KitsuClient, project: Ref, entity: Ref, casting: list[dict[str, Any]]) -> Any:
    """PUT the casting; the entity's loaded relations are forgotten, so
    typed code reads its new casting."""
    answer = write(client, "PUT", paths.CASTING, [dict(link) for link in casting], project_id=project, entity_id=entity)
    known = client.kitsu.identity.get(Entity, id_of(entity, what="entity"))
    if known is not None:
        forget_relations(known)
    return answer
