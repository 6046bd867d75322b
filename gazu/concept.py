"""``gazu.concept``: concept art, reviewed with tasks and linked to assets.

The one-call functions are generated (``gazu/_generated/concept.py``, from
``compat/functions/concept.py``); the one below needs code of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kitsu_models import catalogue as api
from kitsu_models.orm.base import KitsuModel

from ._calls import ROW, Ref, Row, call, fields, refs
from ._generated import concept as _generated
from ._generated.concept import *  # noqa: F403 (the one-call functions)
from .client import KitsuClient, default_client


def new_concept(
    project: Ref,
    name: str,
    description: str | None = None,
    data: dict[str, Any] | None = None,
    entity_concept_links: Ref | Sequence[Ref] | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """The production's concept named ``name``, created when there is none
    (linked to the assets ``entity_concept_links`` names: one or a list)."""
    links: Any = entity_concept_links
    listed = refs([links] if isinstance(links, (str, Mapping, KitsuModel)) else links)
    body = fields({"name": name, "data": dict(data or {}), "entity_concept_links": listed}, description=description)
    found = get_concept_by_name(project, name, client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECT_CONCEPTS, {"project_id": project}, body=body, result=ROW)


__all__: list[str] = ["new_concept"]
__all__ += _generated.__all__
