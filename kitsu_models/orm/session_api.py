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
    from ..transport import Transport
    from .base import KitsuModel, Origin
    from .collection import ModelList

M = TypeVar("M", bound="KitsuModel")


class Identities(Protocol):
    """The identity map (:class:`~kitsu_models.orm.identity.IdentityMap`)."""

    def get(self, cls: type[M], object_id: str) -> M | None: ...
    def alive(self, cls: type[M], **equal: Any) -> list[M]: ...
    def add(self, obj: KitsuModel) -> None: ...
    def evict(self, obj: KitsuModel) -> None: ...
    def materialize(
        self, cls: type[M], rows: Iterable[dict[str, Any]], origin: Origin, rebind: bool = True
    ) -> list[M]: ...
    def merge_known(self, cls: type[M], row: Mapping[str, Any]) -> M | None: ...
    def seed(self, cls: type[M], values: dict[str, Any], origin: Origin) -> M | None: ...


class Store(Protocol[M]):
    """The reads and writes of one model (:class:`~kitsu_models.repository.Repository`)."""

    def get(self, object_id: str) -> M: ...
    def load(self, object_id: str) -> M: ...
    def get_many(self, ids: Iterable[Any], *, project_id: str | None = None) -> dict[str, M]: ...
    def filter(self, **criteria: Any) -> ModelList[M]: ...
    def load_route(self, path: str, params: Mapping[str, Any] | None = None) -> ModelList[M]: ...
    def materialize(self, rows: Iterable[Mapping[str, Any]], *, owned: bool = False) -> ModelList[M]: ...
    def reload_many(self, objects: Sequence[M]) -> None: ...
    def children_of(
        self, key: str, owner_ids: Sequence[str], scope: Mapping[str, Any] | None, params: Mapping[str, Any]
    ) -> ModelList[M]: ...
    def create(self, obj: M) -> M: ...
    def update(self, obj: M) -> M: ...
    def delete(self, obj: M, *, force: bool = False) -> bool: ...
    def refresh(self, obj: M) -> M: ...


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
    def repository(self, model: type[M]) -> Store[M]: ...
    def entity_type_name(self, entity_type_id: str) -> str | None: ...
    def prefetch(self, items: Sequence[KitsuModel], paths: Sequence[str]) -> None: ...


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
