"""``AsyncRepository[M]``: a model's queries and writes on an async session,
awaited. Each is the blocking repository's plan (:mod:`kitsu_models.exchange`)
run by ``adrive`` over the async transport: the same requests, batching,
identity map and errors."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..answers import Answer
from ..exchange import Plan, Request, adrive

if TYPE_CHECKING:
    from ..orm.base import KitsuModel
    from ..orm.collection import ModelList
    from ..repository import FilterValue, Repository, Row

M = TypeVar("M", bound="KitsuModel")
T = TypeVar("T")


class AsyncRepository(Generic[M]):
    """Queries and persistence for one model class in one async session."""

    def __init__(self, blocking: Repository[M], send: Callable[[Request], Awaitable[Answer]]) -> None:
        self._plans = blocking
        self._send = send
        self.model: type[M] = blocking.model

    def __repr__(self) -> str:
        return f"<AsyncRepository {self.model.__name__}>"

    async def _run(self, plan: Plan[T]) -> T:
        return await adrive(plan, self._send)

    async def get(self, object_id: str, **within: Any) -> M:
        """The object with this id: from the session if known, else one GET."""
        return await self._run(self._plans.plan_get(object_id, **within))

    async def load(self, object_id: str, **within: Any) -> M:
        """One GET of the object's record, merged into the known object."""
        return await self._run(self._plans.plan_load(object_id, **within))

    async def row(self, object_id: str, **within: Any) -> Row:
        """The server's JSON record of one object (no model)."""
        return await self._run(self._plans.plan_row(object_id, **within))

    async def get_many(self, ids: Iterable[Any], *, project_id: str | None = None) -> dict[str, M]:
        """Objects by id: those known, the rest in batched requests."""
        return await self._run(self._plans.plan_get_many(ids, project_id=project_id))

    async def filter(self, **criteria: FilterValue) -> ModelList[M]:
        """Every object matching all criteria."""
        return await self._run(self._plans.plan_filter(**criteria))

    async def all(self) -> ModelList[M]:
        """Every object of this model the user may read."""
        return await self.filter()

    async def first(self, **criteria: FilterValue) -> M | None:
        """The first object matching ``criteria``, or None."""
        found = await self.filter(**criteria)
        return found[0] if found else None

    async def get_by_name(self, name: str, **scope: FilterValue) -> M:
        """The object named ``name`` within ``scope``."""
        return await self._run(self._plans.plan_get_by_name(name, **scope))

    async def rows(self, **criteria: FilterValue) -> list[Row]:
        """The server's JSON rows of :meth:`filter`'s objects (no models)."""
        return await self._run(self._plans.plan_rows(**criteria))

    async def iter(self, page_size: int = 100, **criteria: FilterValue) -> AsyncIterator[M]:
        """``async for`` over the objects, a server page at a time where the route pages."""
        if not self._plans.route.paged:
            for item in await self.filter(**criteria):
                yield item
            return
        page, seen = 1, set[Any]()
        while True:
            found, more = await self._run(self._plans.plan_page(page, page_size, seen, **criteria))
            for item in found:
                yield item
            if not more:
                return
            page += 1

    async def load_route(self, route_path: str, params: Mapping[str, Any] | None = None) -> ModelList[M]:
        """The models a dedicated list route answers."""
        return await self._run(self._plans.plan_load_route(route_path, params))

    async def materialize(self, rows: Iterable[Mapping[str, Any]], *, owned: bool = False) -> ModelList[M]:
        """Models for rows obtained elsewhere, merged into the known objects (the rows copied unless ``owned``,
        as the blocking ``materialize``)."""
        return await self._run(self._plans.plan_materialize(rows, owned=owned))

    async def save(self, obj: M) -> M:
        """Create ``obj``, or send its changes (as the blocking ``save``)."""
        obj._check_alive()
        # (two coroutines saving one object each send the changes they took)
        return await self._run(self._plans.plan_update(obj) if obj.id else self._plans.plan_create(obj))

    async def delete(self, obj: M, *, force: bool = False) -> bool:
        """Delete ``obj``; True when it is gone (a plain delete may only cancel it)."""
        return await self._run(self._plans.plan_delete(obj, force=force))

    async def refresh(self, obj: M) -> M:
        """Read ``obj`` and its loaded relations again."""
        return await self._run(self._plans.plan_refresh(obj))
