"""``gazu.concept``'s table-made functions. Generated from ``compat/functions/concept.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api

from .._calls import BY_NAME, FIRST, ROW, Record, Ref, Row, TEXT, call, fields, flag, record, ref, refs_of
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import concept as gazu_concept
else:
    gazu_concept = Late("gazu.concept")

__all__ = [
    "new_concept", "all_concepts", "all_concepts_for_project", "all_previews_for_concept", "remove_concept",
    "get_concept", "get_concept_by_name", "update_concept",
]


def new_concept(
    project: Ref, name: str, description: str | None = None, data: dict[str, Any] | None = None,
    entity_concept_links: Ref | Sequence[Ref] | None = None, client: KitsuClient = default_client,
) -> Row:
    """The production's concept named ``name``, created when there is none (linked to assets)."""
    ids = {"project_id": ref(project)}
    body = fields(
        {"name": name, "data": dict(data or {}), "entity_concept_links": refs_of(entity_concept_links)},
        description=description,
    )
    found = gazu_concept.get_concept_by_name(project, name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECT_CONCEPTS, ids, body=body, result=ROW)


@cache
def all_concepts(client: KitsuClient = default_client) -> list[Row]:
    """Every concept, by name."""
    return call(client, "GET", api.CONCEPTS, result=BY_NAME)


@cache
def all_concepts_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's concepts, by name."""
    return call(client, "GET", api.PROJECT_CONCEPTS, {"project_id": project}, result=BY_NAME)


@cache
def all_previews_for_concept(concept: Ref, client: KitsuClient = default_client) -> Any:
    """The preview files of a concept."""
    return call(client, "GET", api.CONCEPT_PREVIEWS, {"concept_id": concept})


def remove_concept(concept: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a concept; without ``force`` the server only cancels one that has tasks."""
    return call(client, "DELETE", api.CONCEPT, {"concept_id": concept}, params={"force": flag(force)}, result=TEXT)


@cache
def get_concept(concept_id: Ref, client: KitsuClient = default_client) -> Row:
    """A concept's record."""
    return call(client, "GET", api.CONCEPT, {"concept_id": concept_id}, result=ROW)


@cache
def get_concept_by_name(project: Ref, concept_name: str, client: KitsuClient = default_client) -> Row | None:
    """The production's concept named ``concept_name``, or None."""
    return call(client, "GET", api.CONCEPTS, params={"project_id": ref(project), "name": concept_name}, result=FIRST)


def update_concept(concept: Record, client: KitsuClient = default_client) -> Row:
    """Save a concept (its dict is sent as given)."""
    return call(client, "PUT", api.ENTITY, {"entity_id": concept}, body=record(concept), result=ROW)
