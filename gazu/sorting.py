"""``gazu.sorting``: gazu's order for lists of records."""

from __future__ import annotations

from typing import Any


def sort_by_name(dicts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``dicts`` by their ``name``, case aside (records without one first)."""
    return sorted(dicts, key=lambda record: (record.get("name") or "").lower())


__all__ = ["sort_by_name"]
