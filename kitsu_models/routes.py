"""How each model is reached on the server: one ``Route`` per model, data
that the generic repository reads (no per-model repository code)."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .ids import id_of

_FORMATTER = string.Formatter()


def path(template: str, **ids: Any) -> str:
    """``template`` with its ``{placeholders}`` filled: the one place ids
    enter URL paths. Every placeholder is an id, validated by
    :func:`~kitsu_models.ids.id_of` (a model, a dict or an id string), so
    no value can turn the path into another route."""
    values = {}
    for _, name, _, _ in _FORMATTER.parse(template):
        if name and name not in values:
            values[name] = id_of(ids.get(name), what=name)
    return template.format(**values)


@dataclass(frozen=True)
class Route:
    """The routes of one model. Paths are templates formatted with the
    object's fields (``{id}``, ``{project_id}``...).

    - ``collection``: list route; accepts ``field=value`` filters and JSON
      arrays for "any of".
    - ``item``: one object (default ``{collection}/{id}``); also the default
      for ``update`` (PUT) and ``delete``.
    - ``create``: POST route (default: the collection) and ``create_fields``,
      the keys its body may carry (default: every field that was set).
    - ``params``: sent with every list query (``relations=true``...).
    - ``project_collection``: a project's objects (``{project_id}``), with
      ``project_params``; preferred for that filter (it may send an ETag).
    - ``create_renames``: field -> body key where the create route names
      a field differently (a shot's ``parent_id`` is its ``sequence_id``).
    - ``paged``: the list route honours ``page``/``limit`` (the generic
      ``data/<collection>`` routes do; the entity routes do not).
    - ``force_delete``: DELETE takes ``force=true`` to remove linked data.
    - ``small_table``: the collection (a project's, for a project's
      models) fits one answer (statuses, task types, people, sequences):
      when more ids are wanted than one request carries, it is read whole
      instead of in batches.
    - ``merges_data``: the update route merges ``data`` key by key (entities,
      tasks); where it replaces the whole dict, the client merges instead.
    """

    collection: str
    item: str | None = None
    update: str | None = None
    delete: str | None = None
    create: str | None = None
    create_fields: tuple[str, ...] | None = None
    create_renames: Mapping[str, str] = field(default_factory=dict)
    params: Mapping[str, Any] = field(default_factory=dict)
    project_collection: str | None = None
    project_params: Mapping[str, Any] = field(default_factory=dict)
    paged: bool = True
    force_delete: bool = False
    merges_data: bool = True
    small_table: bool = False

    @property
    def item_path(self) -> str:
        return self.item or self.collection + "/{id}"

    @property
    def update_path(self) -> str:
        return self.update or self.item_path

    @property
    def delete_path(self) -> str:
        return self.delete or self.item_path

    @property
    def create_path(self) -> str:
        return self.create or self.collection
