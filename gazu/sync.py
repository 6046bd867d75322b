"""``gazu.sync``: the server's event log, imports, and helpers that match
the records of two lists (from two servers, say) by name or by id."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kitsu_models import checks
from kitsu_models.ids import id_of

from . import paths
from ._calls import Ref, Row, read_list, write
from .client import KitsuClient, default_client


def get_last_events(
    page_size: int = 20000,
    project: Ref | None = None,
    after: str | None = None,
    before: str | None = None,
    only_files: bool = False,
    client: KitsuClient = default_client,
) -> list[Row]:
    """The latest events of the server's log, newest first (``after`` and
    ``before`` are dates as the server writes them)."""
    params = {
        "limit": checks.positive_int(page_size, "page_size"), "only_files": str(bool(only_files)),
        "project_id": None if project is None else id_of(project, what="project"),
        "after": None if after is None else checks.checked_text(after, "after", max_length=64),
        "before": None if before is None else checks.checked_text(before, "before", max_length=64),
    }
    return read_list(client, paths.LAST_EVENTS, params)


def import_entities(entities: list[dict[str, Any]], client: KitsuClient = default_client) -> Any:
    """Create or update entities from records (another server's, say)."""
    return write(client, "POST", paths.IMPORT_ENTITIES, [dict(entity) for entity in entities])


def import_tasks(tasks: list[dict[str, Any]], client: KitsuClient = default_client) -> Any:
    """Create or update tasks from records."""
    return write(client, "POST", paths.IMPORT_TASKS, [dict(task) for task in tasks])


def get_id_map_by_name(source_list: Sequence[Row], target_list: Sequence[Row]) -> dict[str, str]:
    """Each source record's name -> the id of the target record of the
    same name, case aside (names without a match are left out)."""
    targets = {str(row["name"]).lower(): row["id"] for row in target_list}
    return {row["name"]: targets[str(row["name"]).lower()] for row in source_list if str(row["name"]).lower() in targets}


def get_id_map_by_id(source_list: Sequence[Row], target_list: Sequence[Row], field: str = "name") -> dict[str, str]:
    """Each source record's id -> the id of the target record whose
    ``field`` is the same, case aside."""
    targets = {str(row[field]).lower(): row["id"] for row in target_list}
    return {row["id"]: targets[str(row[field]).lower()] for row in source_list if str(row[field]).lower() in targets}


def get_model_list_diff(source_list: Sequence[Row], target_list: Sequence[Row]) -> tuple[list[Row], list[Row]]:
    """(source records whose id the target lacks, target records whose id
    the source lacks), each in its list's order."""
    source_ids = {row["id"] for row in source_list}
    target_ids = {row["id"] for row in target_list}
    return [row for row in source_list if row["id"] not in target_ids], [row for row in target_list if row["id"] not in source_ids]
