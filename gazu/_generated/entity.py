"""``gazu.entity``'s table-made functions. Generated from ``compat/functions/entity.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kitsu_models import catalogue as api

from .._calls import BY_NAME, FIRST, LIST, ROW, Ref, Row, TEXT, call, flag, ref, refs
from ..cache import cache
from .._clients import KitsuClient, default_client

__all__ = [
    "all_entities", "all_entity_types", "get_entity", "get_entity_by_name", "get_entity_type",
    "get_entity_type_by_name", "guess_from_path", "new_entity_type", "remove_entity_type", "remove_entity",
    "remove_entities", "all_entities_with_tasks_linked_to_entity",
]


@cache
def all_entities(client: KitsuClient = default_client) -> list[Row]:
    """Every entity, of every kind."""
    return call(client, "GET", api.ENTITIES, result=LIST)


@cache
def all_entity_types(client: KitsuClient = default_client) -> list[Row]:
    """Every entity type, by name."""
    return call(client, "GET", api.ENTITY_TYPES, result=BY_NAME)


@cache
def get_entity(entity_id: Ref, client: KitsuClient = default_client) -> Row:
    """An entity's record (an asset, a shot, a sequence...)."""
    return call(client, "GET", api.ENTITY, {"entity_id": entity_id}, result=ROW)


@cache
def get_entity_by_name(
    entity_name: str, project: Ref | None = None, client: KitsuClient = default_client,
) -> Row | None:
    """The entity named ``entity_name`` (in ``project`` when given), or None."""
    return call(client, "GET", api.ENTITIES, params={"name": entity_name, "project_id": ref(project)}, result=FIRST)


@cache
def get_entity_type(entity_type_id: Ref, client: KitsuClient = default_client) -> Row:
    """An entity type's record."""
    return call(client, "GET", api.ENTITY_TYPE, {"entity_type_id": entity_type_id}, result=ROW)


@cache
def get_entity_type_by_name(entity_type_name: str, client: KitsuClient = default_client) -> Row | None:
    """The entity type named ``entity_type_name``, or None."""
    return call(client, "GET", api.ENTITY_TYPES, params={"name": entity_type_name}, result=FIRST)


@cache
def guess_from_path(project_id: Ref, path: str, sep: str = "/", client: KitsuClient = default_client) -> Any:
    """The file tree templates matching a file path, with the entities their tokens name."""
    return call(
        client, "POST", api.GUESS_FROM_PATH, body={"project_id": ref(project_id), "file_path": path, "sep": sep},
    )


def new_entity_type(name: str, client: KitsuClient = default_client) -> Row:
    """Create an entity type (always: the server refuses a name in use)."""
    return call(client, "POST", api.ENTITY_TYPES, body={"name": name}, result=ROW)


def remove_entity_type(entity_type: Ref, client: KitsuClient = default_client) -> str:
    """Delete an entity type."""
    return call(client, "DELETE", api.ENTITY_TYPE, {"entity_type_id": entity_type}, result=TEXT)


def remove_entity(entity: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an entity; without ``force`` the server only cancels one that has tasks."""
    return call(client, "DELETE", api.ENTITY, {"entity_id": entity}, params={"force": flag(force)}, result=TEXT)


def remove_entities(
    project: Ref, entities: Sequence[Ref], force: bool = False, client: KitsuClient = default_client,
) -> Any:
    """Delete several entities of a production at once (``force``: with their tasks); the ids it processed."""
    return call(
        client, "POST", api.DELETE_ENTITIES, {"project_id": project}, params={"force": "true" if force else None},
        body=refs(entities),
    )


def all_entities_with_tasks_linked_to_entity(entity: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The entities linked to an entity, with their tasks."""
    return call(client, "GET", api.ENTITY_LINKED_WITH_TASKS, {"entity_id": entity}, result=LIST)
