"""``gazu.search``'s table-made functions. Generated from ``compat/functions/search.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence

from kitsu_models import catalogue as api

from .._calls import ROW, Ref, Row, call, fields, ref, refs
from .._clients import KitsuClient, default_client

__all__ = ["search_entities"]


def search_entities(
    query: str, project: Ref | None = None, entity_types: Sequence[Ref] | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """The people, assets and shots matching ``query``, by kind (in one production, of some entity types)."""
    return call(
        client, "POST", api.SEARCH,
        body=fields(
            {"query": query}, project_id=ref(project),
            entity_types=None if entity_types is None else refs(entity_types),
        ),
        result=ROW,
    )
