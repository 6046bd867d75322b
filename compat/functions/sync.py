"""``gazu.sync``'s one-call functions (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn


def _import(what: str, endpoint: object, records: str) -> Fn:
    """``import_<what>``: another server's records, created or updated as they are."""
    return Fn(f"import_{what}({records})", "POST", endpoint,  # type: ignore[arg-type]
              f"Create or update {what.replace('_', ' ')} from records (another server's, say), keeping their ids.",
              body=f"[record(item) for item in {records}]", types={records: "Sequence[Record]"})


FUNCTIONS = (
    _import("entities", api.IMPORT_ENTITIES, "entities"),
    _import("tasks", api.IMPORT_TASKS, "tasks"),
    _import("entity_links", api.IMPORT_ENTITY_LINKS, "links"),
)
