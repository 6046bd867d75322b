"""Partial related objects from joined columns.

Some routes join a related object's columns into each row: a to-do task
carries ``project_name``, ``task_status_short_name``, ``entity_name``... A
link that declares them (``ToOne(..., joined={"project_name": "name"})``)
gets, for each such row, the related object seeded through the identity
map with those fields: ``task.project.name`` then costs no request. The
seeded object is *partial*: reading a field the row did not carry loads
the whole group of partial objects seeded with it, in one batch (as
SQLAlchemy's deferred columns do).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from .base import KitsuModel
from .collection import ModelList
from .relations import Link
from .state import Origin
from .session_api import Session


@functools.lru_cache(maxsize=None)
def joined_links(cls: type[KitsuModel]) -> tuple[Link[Any], ...]:
    """The links of ``cls`` that declare joined columns."""
    links = {name: value for klass in reversed(cls.__mro__) for name, value in vars(klass).items()}
    return tuple(value for value in links.values() if isinstance(value, Link) and value.joined)


def seed_joined(
    session: Session, cls: type[KitsuModel], objects: Sequence[KitsuModel], shapes: set[tuple[str, ...]]
) -> None:
    """Seed, for each of ``objects`` whose row carried a link's joined
    columns, the linked object, and store it as the link's value. The
    partial objects seeded for one link of one answer form one group
    (their cohort): a deferred field loads for all of them at once.
    ``shapes``, the keys of the rows: a link no row carries is skipped."""
    for link in joined_links(cls):  # pyright: ignore[reportArgumentType]  (a class is hashable)
        first_column = next(iter(link.joined))
        if not any(first_column in keys for keys in shapes):
            continue
        groups: dict[type[KitsuModel], tuple[Origin, ModelList[Any], set[str]]] = {}
        for obj in objects:
            values = obj.__dict__
            target_id = values.get(link.key)
            if not target_id or first_column not in values:
                continue
            target = link.target()
            if link.kind is not None:
                kind = target.class_for_kind(values.get(link.kind))
                if kind is None:
                    continue
                target = kind
            if target not in groups:
                cohort: ModelList[Any] = ModelList(session=session)
                groups[target] = (Origin(session, cohort), cohort, set())
            origin, cohort, grouped = groups[target]
            fields = {column_field: values[column] for column, column_field in link.joined.items() if column in values}
            seeded = session.identity.seed(target, {"id": target_id, **fields}, origin)
            if seeded is None:
                continue
            if seeded.is_partial and target_id not in grouped:
                grouped.add(target_id)
                cohort.append(seeded)
            link.store(obj, seeded)
