"""``gazu.concept``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS: tuple[Fn, ...] = (
    Fn("new_concept(project, name, description=None, data=None, entity_concept_links=None)", "POST",
       api.PROJECT_CONCEPTS, "The production's concept named ``name``, created when there is none (linked to assets).",
       body={"name": "name", "data": "dict(data or {})", "entity_concept_links": "refs_of(entity_concept_links)",
             "description?": "description"},
       lookup="get_concept_by_name(project, name, client=client)",
       types={"description": "str | None", "data": "dict[str, Any] | None",
              "entity_concept_links": "Ref | Sequence[Ref] | None"}),
    Fn("all_concepts()", "GET", api.CONCEPTS, "Every concept, by name.", result="by_name", cached=True),
    Fn("all_concepts_for_project(project)", "GET", api.PROJECT_CONCEPTS, "A production's concepts, by name.",
       result="by_name", cached=True),
    Fn("all_previews_for_concept(concept)", "GET", api.CONCEPT_PREVIEWS, "The preview files of a concept.",
       cached=True),
    Fn("remove_concept(concept, force=False)", "DELETE", api.CONCEPT,
       "Delete a concept; without ``force`` the server only cancels one that has tasks.",
       query={"force": "flag(force)"}),
    Fn("get_concept(concept_id)", "GET", api.CONCEPT, "A concept's record.", cached=True),
    Fn("get_concept_by_name(project, concept_name)", "GET", api.CONCEPTS,
       "The production's concept named ``concept_name``, or None.", result="first", cached=True,
       query={"project_id": "ref(project)", "name": "concept_name"}, types={"concept_name": "str"}),
    Fn("update_concept(concept)", "PUT", api.ENTITY, "Save a concept (its dict is sent as given).",
       ids={"entity_id": "concept"}, body="record(concept)", types={"concept": "Record"}),
)
