"""``gazu.entity``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS = (
    Fn("all_entities()", "GET", api.ENTITIES, "Every entity, of every kind.", cached=True),
    Fn("all_entity_types()", "GET", api.ENTITY_TYPES, "Every entity type, by name.", result="by_name", cached=True),
    Fn("get_entity(entity_id)", "GET", api.ENTITY, "An entity's record (an asset, a shot, a sequence...).",
       cached=True),
    Fn("get_entity_by_name(entity_name, project=None)", "GET", api.ENTITIES,
       "The entity named ``entity_name`` (in ``project`` when given), or None.", result="first", cached=True,
       query={"name": "entity_name", "project_id": "ref(project)"}, types={"entity_name": "str"}),
    Fn("get_entity_type(entity_type_id)", "GET", api.ENTITY_TYPE, "An entity type's record.", cached=True),
    Fn("get_entity_type_by_name(entity_type_name)", "GET", api.ENTITY_TYPES,
       "The entity type named ``entity_type_name``, or None.", result="first", cached=True,
       query={"name": "entity_type_name"}, types={"entity_type_name": "str"}),
    Fn("guess_from_path(project_id, path, sep='/')", "POST", api.GUESS_FROM_PATH,
       "The file tree templates matching a file path, with the entities their tokens name.", cached=True,
       body={"project_id": "ref(project_id)", "file_path": "path", "sep": "sep"}),
    Fn("new_entity_type(name)", "POST", api.ENTITY_TYPES,
       "Create an entity type (always: the server refuses a name in use).", body={"name": "name"}),
    Fn("remove_entity_type(entity_type)", "DELETE", api.ENTITY_TYPE, "Delete an entity type.",
       ids={"entity_type_id": "entity_type"}, types={"entity_type": "Ref"}),
    Fn("remove_entity(entity, force=False)", "DELETE", api.ENTITY,
       "Delete an entity; without ``force`` the server only cancels one that has tasks.",
       query={"force": "flag(force)"}),
    Fn("remove_entities(project, entities, force=False)", "POST", api.DELETE_ENTITIES,
       "Delete several entities of a production at once (``force``: with their tasks); the ids it processed.",
       query={"force": '"true" if force else None'}, body="refs(entities)"),
    Fn("all_entities_with_tasks_linked_to_entity(entity)", "GET", api.ENTITY_LINKED_WITH_TASKS,
       "The entities linked to an entity, with their tasks."),
)
