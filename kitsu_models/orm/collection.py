"""``ModelList``: the list type of every query and to-many relation.

It remembers the session and the query scope it was loaded with, so a
relation needed on one of its members is loaded for all of them at once, and
``prefetch()`` can load whole paths of relations up front.

The bottom of the ORM core: it imports nothing of it (its members and its
session are described by the two small protocols below).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Generic, Protocol, TypeVar

from typing_extensions import Self


class Prefetcher(Protocol):
    """What ModelList needs of its session: loading relation paths."""

    def prefetch(self, items: Sequence[Any], paths: Sequence[str]) -> None:
        """Load the relation ``paths`` for ``items``, in batch."""
        ...

    async def aprefetch(self, items: Sequence[Any], paths: Sequence[str]) -> None:
        """As :meth:`prefetch`, awaited (an async session's lists load concurrently)."""
        ...


class Identified(Protocol):
    """What a member of a ModelList has: an id, and a session."""

    @property
    def id(self) -> str: ...
    @property
    def session(self) -> Prefetcher: ...


M = TypeVar("M", bound=Identified)


class ModelList(list[M], Generic[M]):
    """A list of models loaded together.

    ``scope`` is the filter that produced it when it holds *every* object
    matching that filter (e.g. ``{"project_id": ...}``): relation loaders
    may then use one scoped query instead of lists of ids.
    """

    # No instance dict: a walk holds thousands of these (one per loaded
    # relation per object), each 96 bytes instead of 440.
    __slots__ = ("session", "scope")
    session: Prefetcher | None
    scope: dict[str, Any] | None

    def __init__(
        self,
        items: Iterable[M] = (),
        session: Prefetcher | None = None,
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
        if self:
            (self.session or self[0].session).prefetch(self, paths)
        return self

    async def aprefetch(self, *paths: str) -> Self:
        """:meth:`prefetch`, awaited: on an async session (``AsyncKitsu``)
        the independent lists load concurrently; afterwards the attributes
        read what was loaded, with no I/O."""
        if self:
            await (self.session or self[0].session).aprefetch(self, paths)
        return self

    #: How many members a repr shows before it gives the count.
    REPR_ITEMS = 5

    def __repr__(self) -> str:
        """Bounded, for a REPL: ``ModelList(300 items: [Shot(...), ..., +295 more])``."""
        shown = ", ".join(repr(item) for item in self[: self.REPR_ITEMS])
        more = f", ... +{len(self) - self.REPR_ITEMS} more" if len(self) > self.REPR_ITEMS else ""
        return f"ModelList({len(self)} item{'' if len(self) == 1 else 's'}: [{shown}{more}])"

    def ids(self) -> list[str]:
        """The members' ids, in order (unsaved members left out)."""
        return [item.id for item in self if item.id]

    def by_id(self) -> dict[str, M]:
        """The members by id (unsaved members left out)."""
        return {item.id: item for item in self if item.id}
