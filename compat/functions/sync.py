"""``gazu.sync``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Composed, Fn


def _import(what: str, endpoint: object, records: str) -> Fn:
    """``import_<what>``: another server's records, created or updated as they are."""
    return Fn(f"import_{what}({records})", "POST", endpoint,  # type: ignore[arg-type]
              f"Create or update {what.replace('_', ' ')} from records (another server's, say), keeping their ids.",
              body=f"[record(item) for item in {records}]", types={records: "Sequence[Record]"})


#: The two servers' id maps: what is matched, the function listing it, the field matched.
_MAPS = (
    ("department", "departments", "gazu_person.all_departments", "name"),
    ("asset_type", "asset types", "gazu_asset.all_asset_types", "name"),
    ("project", "productions", "gazu_project.all_projects", "name"),
    ("task_type", "task types", "gazu_task.all_task_types", "name"),
    ("task_status", "task statuses", "gazu_task.all_task_statuses", "name"),
    ("person", "persons", "gazu_person.all_persons", "email"),
)


def _sync_map(kind: str, plural: str, read_all: str, field: str) -> Composed:
    """``get_sync_<kind>_id_map``: source ids -> ids of the target's records of the same ``field``."""
    return Composed(
        f"get_sync_{kind}_id_map(source_client, target_client)", "dict[str, str]",
        f"Source {plural}' ids -> the ids of the target's {plural} of the same {field}.",
        f'id_map({read_all}(client=source_client), {read_all}(client=target_client), "{field}", "id")',
        takes_client=False,
    )


_LISTS = {"source_list": "Sequence[Row]", "target_list": "Sequence[Row]", "field": "str"}

FUNCTIONS: tuple[Fn | Composed, ...] = (
    *(_sync_map(*entry) for entry in _MAPS),
    Composed("get_id_map_by_name(source_list, target_list)", "dict[str, str]",
             "Each source record's name -> the id of the target record of that name, case aside.",
             'id_map(source_list, target_list, "name", "name")', types=_LISTS, takes_client=False),
    Composed("get_id_map_by_id(source_list, target_list, field='name')", "dict[str, str]",
             "Each source record's id -> the id of the target record whose ``field`` is the same, case aside.",
             'id_map(source_list, target_list, field, "id")', types=_LISTS, takes_client=False),
    Fn("get_last_events(page_size=20000, project=None, after=None, before=None, only_files=False, name=None)", "GET",
       api.LAST_EVENTS, "The latest events, newest first (``limit``, 1.3.1's name of ``page_size``, wins when given).",
       result="list", after_client="limit=None",
       query={"limit": "page_size if limit is None else limit", "only_files": "only_files", "project_id": "ref(project)",
              "after": "None if after is None else validate_date_format(after)",
              "before": "None if before is None else validate_date_format(before)", "name": "name"},
       types={"page_size": "int", "after": "str | None", "before": "str | None", "only_files": "bool",
              "name": "str | None", "limit": "int | None"}),
    _import("entities", api.IMPORT_ENTITIES, "entities"),
    _import("tasks", api.IMPORT_TASKS, "tasks"),
    _import("entity_links", api.IMPORT_ENTITY_LINKS, "links"),
)
