"""``gazu.sync``'s one-call functions. Generated from ``compat/functions/sync.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kitsu_models import catalogue as api

from .._calls import Record, call, record
from ..client import KitsuClient, default_client

__all__ = ["import_entities", "import_tasks", "import_entity_links"]


def import_entities(entities: Sequence[Record], client: KitsuClient = default_client) -> Any:
    """Create or update entities from records (another server's, say), keeping their ids."""
    return call(client, "POST", api.IMPORT_ENTITIES, body=[record(item) for item in entities])


def import_tasks(tasks: Sequence[Record], client: KitsuClient = default_client) -> Any:
    """Create or update tasks from records (another server's, say), keeping their ids."""
    return call(client, "POST", api.IMPORT_TASKS, body=[record(item) for item in tasks])


def import_entity_links(links: Sequence[Record], client: KitsuClient = default_client) -> Any:
    """Create or update entity links from records (another server's, say), keeping their ids."""
    return call(client, "POST", api.IMPORT_ENTITY_LINKS, body=[record(item) for item in links])
