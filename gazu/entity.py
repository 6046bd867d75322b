"""``gazu.entity``: every kind of entity (assets, shots, sequences...) and
the entity types."""

from __future__ import annotations

from . import paths
from ._calls import Ref, Row, first, read_by_name, read_list, read_row, remove, write_row
from .cache import cache
from .client import KitsuClient, default_client


@cache
def all_entities(client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.ENTITIES)


@cache
def all_entity_types(client: KitsuClient = default_client) -> list[Row]:
    return read_by_name(client, paths.ENTITY_TYPES)


@cache
def get_entity(entity_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.ENTITY, entity_id=entity_id)


@cache
def get_entity_by_name(entity_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.ENTITIES, {"name": entity_name})


@cache
def get_entity_type(entity_type_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.ENTITY_TYPE, entity_type_id=entity_type_id)


@cache
def get_entity_type_by_name(entity_type_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.ENTITY_TYPES, {"name": entity_type_name})


def new_entity_type(name: str, client: KitsuClient = default_client) -> Row:
    return write_row(client, "POST", paths.ENTITY_TYPES, {"name": name})


def remove_entity(entity: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    return remove(client, paths.ENTITY, force, entity_id=entity)
