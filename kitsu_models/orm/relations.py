"""Relation descriptors: one generic mechanism for every typed relation.

A relation is declared once on its model::

    class Task(KitsuModel):
        project: ToOne[Project] = ToOne(lambda: Project, "project_id", init=False)
        assignees: ClassVar[ToMany[Person]] = ToMany(lambda: Person, ids_field="assignees")
        comments: ClassVar[ToMany[Comment]] = ToMany(lambda: Comment, foreign_key="object_id")

mypy and IDEs see ``task.project`` as ``Project`` and ``task.comments`` as
``ModelList[Comment]``. The first access loads the relation for the whole
cohort the object was loaded with (one request per batch, not per object);
later accesses read the cache.

The declarations are annotated so that type checkers need infer nothing
(``pyright --verifytypes`` counts an inferred type as ambiguous). Read-only
relations are ``ClassVar``: assigning one is then a type error. A link one
may assign (``task.task_status = done``) is declared as a field that is not
a constructor argument: ``init=False`` tells type checkers so (``ToOne``
and ``MaybeToOne`` are field specifiers of the models' metaclass), and the
metaclass keeps its annotation from Pydantic, for which it is no field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from typing_extensions import Never, Self

from ..errors import InvalidArgumentError, LazyLoadError, ModelNotFoundError
from ..exchange import Plan
from ..routes import Endpoint
from .collection import ModelList
from .state import peek, state_of

if TYPE_CHECKING:
    from .base import KitsuModel
    from .embedding import Embedding

M = TypeVar("M", bound="KitsuModel")
R = TypeVar("R", bound="Relation")


class Relation:
    """What every relation descriptor shares: its cache slot and batching."""

    name: str = ""
    owner: type[Any] = object

    def __set_name__(self, owner: type[Any], name: str) -> None:
        self.owner = owner
        self.name = name

    def plan_load(self, owners: Sequence[KitsuModel]) -> Plan[None]:
        """Load this relation for every owner: for a kind the loader does not
        know (:mod:`.loader` decides for links, id lists, foreign keys and
        routes), in as few requests as possible (a plan: see
        :mod:`kitsu_models.exchange`)."""
        raise NotImplementedError

    def __set__(self, obj: Any, value: Never) -> None:
        """Refused: a relation is read-only unless its kind says otherwise
        (``Never``: type checkers refuse the assignment too)."""
        raise AttributeError(f"{type(obj).__name__}.{self.name} is read-only")

    def needs_request(self, obj: KitsuModel) -> bool:
        """Whether loading this relation on ``obj`` may send a request (what
        strict mode forbids); relations built from the row itself say no."""
        return True

    def _resolve(self, obj: KitsuModel) -> Any:
        cache = _cache_of(obj)
        if self.name in cache:
            return cache[self.name]
        obj._check_alive()
        session = obj.session
        if session.strict and self.needs_request(obj):
            raise LazyLoadError(
                f"{type(obj).__name__}.{self.name} is not loaded and strict mode is on: "
                f"prefetch it (ModelList.prefetch) or turn strict mode off"
            )
        session.load_relation(self, [obj])
        return _cache_of(obj)[self.name]

    def store(self, obj: KitsuModel, value: Any) -> None:
        """Set the loaded value: for code that learnt it from another
        request (a comment just posted with its previews)."""
        _cache_of(obj)[self.name] = value

    def cached(self, obj: KitsuModel) -> Any:
        """The loaded value, or None when not loaded (no request)."""
        return _cache_of(obj).get(self.name)

    def forget(self, obj: KitsuModel) -> None:
        """Drop this relation's cached value: the next access reloads it."""
        _cache_of(obj).pop(self.name, None)


def _cache_of(obj: KitsuModel) -> dict[str, Any]:
    return state_of(obj).relations()


def forget_changed_links(obj: KitsuModel, values: dict[str, Any], keep: Any = ()) -> None:
    """Drop the cached relations read through an id field that ``values``
    changes (a task reloaded in another status must not keep the old
    one); fields in ``keep`` are not changing."""
    state = peek(obj)
    cache = state.related if state is not None else None
    if not cache:
        return
    current = obj.__dict__
    for name in list(cache):
        relation = getattr(type(obj), name, None)
        key = relation.key if isinstance(relation, Link) else getattr(relation, "ids_field", None)
        if key is not None and key in values and key not in keep and values[key] != current.get(key):
            del cache[name]


def settable(relation: R, *, init: Literal[False] = False) -> R:
    """``relation``, a kind of its own one may assign (``playlist.entries``),
    declared as ``ToOne`` is: ``init=False`` tells type checkers it is no
    constructor argument."""
    return relation


class Link(Relation, Generic[M]):
    """A link to one object through the id held in field ``key``.

    ``joined`` maps columns some routes join into the owner's row to the
    target's fields (``{"project_name": "name"}``): such rows seed the
    target as a partial object, so the link costs no request (see
    :mod:`.joins`). ``kind`` names the owner column that says which class
    a polymorphic target is (``target.class_for_kind``).
    """

    def __init__(
        self,
        target: Callable[[], type[M]],
        key: str,
        *,
        joined: Mapping[str, str] | None = None,
        kind: str | None = None,
        init: Literal[False] = False,
    ) -> None:
        # ``init`` is read by type checkers only: the link is no argument
        # of the model's constructor (see the module's docstring).
        self.target = target
        self.key = key
        self.joined: dict[str, str] = dict(joined or {})
        self.kind = kind

    def _link(self, obj: KitsuModel, value: M | None) -> None:
        target = self.target()
        if value is not None and not isinstance(value, target):
            raise InvalidArgumentError(
                f"{type(obj).__name__}.{self.name} takes a {target.__name__}, got {type(value).__name__}"
            )
        setattr(obj, self.key, value.id if value is not None else None)
        self.store(obj, value)


class ToOne(Link[M]):
    """A required link to one object, through the id in field ``key``."""

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: KitsuModel, owner: type[Any]) -> M: ...
    def __get__(self, obj: KitsuModel | None, owner: type[Any]) -> Self | M:
        if obj is None:
            return self
        value = self._resolve(obj)
        if value is None:
            raise ModelNotFoundError(self.target().__name__, f"linked by {type(obj).__name__}.{self.key} (empty)")
        result: M = value
        return result

    def __set__(self, obj: KitsuModel, value: M) -> None:
        self._link(obj, value)


class OneOrNone(Relation, Generic[M]):
    """A relation read as one object or None."""

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: KitsuModel, owner: type[Any]) -> M | None: ...
    def __get__(self, obj: KitsuModel | None, owner: type[Any]) -> Self | M | None:
        if obj is None:
            return self
        result: M | None = self._resolve(obj)
        return result


class MaybeToOne(Link[M], OneOrNone[M]):
    """A link to one object that may be absent (its id field may be null)."""

    def __set__(self, obj: KitsuModel, value: M | None) -> None:
        self._link(obj, value)


class FirstOfIds(OneOrNone[M]):
    """The object whose id comes first in the owner's ``ids_field`` list,
    or None (a preview file's comment: the server links them through a
    list). Owners whose row lacked the list are reloaded first, in batch."""

    def __init__(self, target: Callable[[], type[M]], ids_field: str) -> None:
        self.target = target
        self.ids_field = ids_field  # read by forget_changed_links


class ToMany(Relation, Generic[M]):
    """A list of related objects, found one of three ways:

    - ``foreign_key``: the targets whose field points back at the owner
      (``asset.tasks``: tasks whose ``entity_id`` is the asset's id);
    - ``ids_field``: a list of ids held by the owner (``task.assignees``),
      or of dicts with an ``id`` (some routes send a comment's
      ``previews`` so); with ``reload_when_absent``, owners whose row
      lacked that list (a route that leaves it out) are reloaded first,
      in one batch;
    - ``route``: a dedicated endpoint per owner, filled for the owner
      (``project.team``: ``data/projects/{project_id}/team``). With
      ``batch_route``, owners of one project are loaded together from a
      route answering ``{owner id: [rows]}`` (a whole project's casting).
      Given with ``foreign_key``, it is the fallback for users the server
      does not let read the collection (403): one request per owner.

    With ``embedding``, a prefetch of this relation and of the embedded one
    below it (``project.prefetch("assets.tasks")``) reads both from the
    embedding's route, one request per owner (see :mod:`.embedding`).
    """

    def __init__(
        self,
        target: Callable[[], type[M]],
        *,
        foreign_key: str | None = None,
        ids_field: str | None = None,
        route: Endpoint | None = None,
        batch_route: Endpoint | None = None,
        params: dict[str, Any] | None = None,
        reload_when_absent: bool = False,
        embedding: Embedding | None = None,
    ) -> None:
        given = [name for name, value in (("foreign_key", foreign_key), ("ids_field", ids_field), ("route", route)) if value]
        if given not in (["foreign_key"], ["ids_field"], ["route"], ["foreign_key", "route"]):
            raise TypeError("ToMany needs one of foreign_key, ids_field or route (route may back foreign_key)")
        self.target = target
        self.foreign_key = foreign_key
        self.ids_field = ids_field
        self.route = route
        self.batch_route = batch_route
        self.params: dict[str, Any] = params or {}
        self.reload_when_absent = reload_when_absent
        self.embedding = embedding

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: KitsuModel, owner: type[Any]) -> ModelList[M]: ...
    def __get__(self, obj: KitsuModel | None, owner: type[Any]) -> Self | ModelList[M]:
        if obj is None:
            return self
        result: ModelList[M] = self._resolve(obj)
        return result


def listed_ids(items: Sequence[Any] | None) -> list[str]:
    """The ids of an id list, which some routes send as dicts
    (``{"id": ...}``); empty and malformed items are left out."""
    ids = []
    for item in items or ():
        value = item.get("id") if isinstance(item, dict) else item
        if isinstance(value, str) and value:
            ids.append(value)
    return ids


def shared_project(owners: Sequence[KitsuModel]) -> str | None:
    """The project all ``owners`` belong to, if they share one: where
    their related objects are looked for first (a malformed row's value
    that is no id counts as none)."""
    projects = {value if isinstance(value := owner.__dict__.get("project_id"), str) else None for owner in owners}
    return projects.pop() if len(projects) == 1 else None


def reload_absent(owners: Sequence[KitsuModel], ids_field: str) -> Plan[None]:
    """Reload, in one batch, the owners whose row lacked ``ids_field``
    (a route that leaves relation lists out)."""
    absent = [owner for owner in owners if owner.id and ids_field not in owner.model_fields_set]
    if absent:
        yield from absent[0].session.repository(type(absent[0])).plan_reload_many(absent)
