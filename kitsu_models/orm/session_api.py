"""What models need of their session, as declared interfaces.

The ORM core and the model modules depend on these protocols, never on
the session facade (:class:`kitsu_models.session.Kitsu` implements them),
so the layers stay one-way. The optional default session (gazu's style,
``save()`` without a session) lives here too, for the same reason.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .. import errors

if TYPE_CHECKING:
    from ..exchange import Plan
    from ..transport import Transport
    from .base import KitsuModel
    from .collection import ModelList
    from .relations import Relation
    from .state import Origin

M = TypeVar("M", bound="KitsuModel")


class Identities(Protocol):
    """The identity map (:class:`~kitsu_models.orm.identity.IdentityMap`)."""

    def get(self, cls: type[M], object_id: str) -> M | None:
        """The loaded object of class ``cls`` with this id, if any."""
        ...

    def alive(self, cls: type[M], **equal: Any) -> list[M]:
        """The loaded objects of ``cls`` whose fields equal ``equal``."""
        ...

    def add(self, obj: KitsuModel) -> None:
        """Keep ``obj`` as the one object of its id."""
        ...

    def adopt(self, obj: KitsuModel, row: dict[str, Any], origin: Origin) -> None:
        """Make ``obj``, just created, the object of ``row``'s id, holding ``row``."""
        ...

    def evict(self, obj: KitsuModel) -> None:
        """Forget ``obj`` (deleted, or replaced)."""
        ...

    def materialize(
        self, cls: type[M], rows: Iterable[dict[str, Any]], origin: Origin, rebind: bool = True, keyed: bool = False,
        shapes: set[tuple[str, ...]] | None = None,
    ) -> list[M]:
        """The objects for ``rows``: known ones refreshed in place, the others built."""
        ...

    def merge_known(self, cls: type[M], row: Mapping[str, Any]) -> M | None:
        """Merge ``row`` into its object if that one is loaded; None otherwise."""
        ...

    def seed(self, cls: type[M], values: dict[str, Any], origin: Origin) -> M | None:
        """A partial object from a row's joined ``values`` (None when they cannot seed one)."""
        ...


class Store(Protocol[M]):
    """The reads and writes of one model (:class:`~kitsu_models.repository.Repository`)."""

    def get(self, object_id: str) -> M:
        """The object of this id (the identity map first)."""
        ...

    def load(self, object_id: str) -> M:
        """One GET of the object's record, merged into the known object."""
        ...

    def get_many(self, ids: Iterable[Any], *, project_id: str | None = None) -> dict[str, M]:
        """The objects of these ids, by id, in as few requests as possible."""
        ...

    def filter(self, **criteria: Any) -> ModelList[M]:
        """The objects matching ``criteria``."""
        ...

    def load_route(self, route_path: str, params: Mapping[str, Any] | None = None) -> ModelList[M]:
        """The objects a route of the server answers."""
        ...

    def materialize(self, rows: Iterable[Mapping[str, Any]], *, owned: bool = False) -> ModelList[M]:
        """Objects for rows already read (``owned``: the rows may become their storage)."""
        ...

    def reload_many(self, objects: Sequence[M]) -> None:
        """Read ``objects`` again from the server, in batch."""
        ...

    # The same reads as plans (kitsu_models.exchange): the loader's, for both transports.
    def plan_get(self, object_id: str, **within: Any) -> Plan[M]:
        """:meth:`get` as a plan."""
        ...

    def plan_get_many(self, ids: Iterable[Any], *, project_id: str | None = None) -> Plan[dict[str, M]]:
        """:meth:`get_many` as a plan."""
        ...

    def plan_filter(self, **criteria: Any) -> Plan[ModelList[M]]:
        """:meth:`filter` as a plan."""
        ...

    def plan_load_route(self, route_path: str, params: Mapping[str, Any] | None = None) -> Plan[ModelList[M]]:
        """:meth:`load_route` as a plan."""
        ...

    def plan_materialize_list(self, rows: list[dict[str, Any]], scope: dict[str, Any] | None = None) -> Plan[ModelList[M]]:
        """Objects for a list answer read elsewhere, as one cohort of ``scope`` (the rows become their storage)."""
        ...

    def plan_reload_many(self, objects: Sequence[M]) -> Plan[None]:
        """:meth:`reload_many` as a plan."""
        ...

    def plan_filter_into_one_cohort(
        self, key: str, values: Sequence[str], params: Mapping[str, Any]
    ) -> Plan[ModelList[M]]:
        """The objects whose ``key`` holds one of ``values``, as one cohort."""
        ...

    def create(self, obj: M) -> M:
        """Create ``obj`` on the server."""
        ...

    def update(self, obj: M) -> M:
        """Send the changed fields of ``obj``."""
        ...

    def delete(self, obj: M, *, force: bool = False) -> bool:
        """Delete ``obj`` on the server; True when it is gone (a plain delete may only cancel it)."""
        ...

    def refresh(self, obj: M) -> M:
        """Read ``obj`` again from the server."""
        ...


class Session(Protocol):
    """One connection to a Kitsu server, as models use it."""

    strict: bool

    @property
    def transport(self) -> Transport: ...
    @property
    def identity(self) -> Identities: ...
    @property
    def me(self) -> KitsuModel: ...
    @property
    def event_host(self) -> str: ...
    def repository(self, model: type[M]) -> Store[M]:
        """The repository of ``model``."""
        ...

    def entity_type_name(self, entity_type_id: str) -> str | None:
        """The name of an entity type (Shot, Character...) by its id."""
        ...

    def prefetch(self, items: Sequence[KitsuModel], paths: Sequence[str]) -> None:
        """Load the relation ``paths`` for ``items``, in batch."""
        ...

    async def aprefetch(self, items: Sequence[KitsuModel], paths: Sequence[str]) -> None:
        """:meth:`prefetch`, awaited."""
        ...

    async def asave(self, obj: KitsuModel) -> None:
        """Create ``obj``, or send its changes, awaited."""
        ...

    async def adelete(self, obj: KitsuModel, force: bool) -> bool:
        """Delete ``obj``, awaited; True when it is gone."""
        ...

    async def arefresh(self, obj: KitsuModel) -> None:
        """Read ``obj`` and its loaded relations again, awaited."""
        ...

    def plan_me(self) -> Plan[KitsuModel]:
        """The logged-in user's Person, as a plan (read once a session)."""
        ...

    def plan_entity_types(self, ids: Iterable[Any]) -> Plan[None]:
        """Know the entity types ``ids`` name (one read when one is unknown), as a plan."""
        ...

    def load_relation(self, relation: Relation, objects: Sequence[KitsuModel]) -> None:
        """Load ``relation`` for ``objects`` and their cohorts (:mod:`.loader`)."""
        ...


_default_lock = threading.Lock()
_default: Session | None = None


def set_default_session(session: Session | None) -> None:
    """Make ``session`` the one used where none is given (gazu's style)."""
    global _default
    with _default_lock:
        _default = session


def default_session() -> Session:
    """The default session; raises when none was set."""
    if _default is None:
        raise errors.KitsuError("no default Kitsu session: call set_default_session() first")
    return _default
