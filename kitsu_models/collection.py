"""``ModelList``: the list type of every query and to-many relation.

It remembers the session and the query scope it was loaded with, so a
relation needed on one of its members is loaded for all of them at once, and
``prefetch()`` can load whole paths of relations up front.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from typing_extensions import Self

if TYPE_CHECKING:
    from .models.base import KitsuModel
    from .session import Kitsu

M = TypeVar("M", bound="KitsuModel")


class ModelList(list[M], Generic[M]):
    """A list of models loaded together.

    ``scope`` is the filter that produced it when it holds *every* object
    matching that filter (e.g. ``{"project_id": ...}``): relation loaders
    may then use one scoped query instead of lists of ids.
    """

    def __init__(
        self,
        items: Iterable[M] = (),
        session: Kitsu | None = None,
        scope: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(items)
        self.session = session
        self.scope = dict(scope) if scope else None

    def prefetch(self, *paths: str) -> Self:
        """Load dotted relation paths for every member, a batch per level.

        ``project.assets.prefetch("tasks.task_status", "tasks.assignees")``
        costs a few requests whatever the number of assets.
        """
        from .models.relations import path_tree, prefetch_tree

        prefetch_tree(self, path_tree(paths))
        return self

    def ids(self) -> list[str]:
        return [item.id for item in self if item.id]

    def by_id(self) -> dict[str, M]:
        return {item.id: item for item in self if item.id}
