"""``gazu.search``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS: tuple[Fn, ...] = (
    Fn("search_entities(query, project=None, entity_types=None)", "POST", api.SEARCH,
       "The people, assets and shots matching ``query``, by kind (in one production, of some entity types).",
       body={"query": "query", "project_id?": "ref(project)",
             "entity_types?": "None if entity_types is None else refs(entity_types)"},
       types={"entity_types": "Sequence[Ref] | None"}),
)
