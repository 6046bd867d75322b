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

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar, overload

from typing_extensions import Never, Self

from ..errors import (
    InvalidArgumentError, LazyLoadError, ModelNotFoundError, PermissionDeniedError, UnexpectedAnswerError,
)
from ..gcpause import paused_gc
from ..routes import Endpoint
from .collection import ModelList
from .state import origin_of, peek, state_of

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

    def load(self, owners: Sequence[KitsuModel], scope: dict[str, Any] | None) -> None:
        """Load this relation for every owner, in as few requests as possible."""
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
        self.load_batch([obj])
        return _cache_of(obj)[self.name]

    def load_batch(
        self, objects: Sequence[KitsuModel], scope: dict[str, Any] | None = None, along: Collection[str] = ()
    ) -> None:
        """Load this relation for ``objects`` and for every other member of
        the lists they were loaded with (their cohorts) that lacks it.

        A cohort's scope (``{"project_id": ...}``) is used when all owners
        come from one cohort, or is given by the caller for its own list.
        ``along`` names the relations of the loaded objects the caller loads
        next (a prefetch): a relation whose route can carry them does.
        """
        name, owner_class = self.name, self.owner
        owners: dict[int, KitsuModel] = {}
        cohorts: dict[int, Any] = {}
        for obj in objects:
            if not _has_loaded(obj, name):
                owners[id(obj)] = obj
            origin = origin_of(obj)
            cohort = origin.cohort if origin is not None else None
            if cohort is None or id(cohort) in cohorts:
                continue  # each cohort is walked once, however many members ask
            cohorts[id(cohort)] = cohort
            for member in cohort:
                if isinstance(member, owner_class) and not _has_loaded(member, name):
                    owners[id(member)] = member
        if not owners:
            return
        if scope is None and len(cohorts) == 1:
            scope = next(iter(cohorts.values())).scope
        self.load(list(owners.values()), scope)  # requests: the building inside pauses the collector

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


def _has_loaded(obj: KitsuModel, name: str) -> bool:
    state = peek(obj)
    return state is not None and state.related is not None and name in state.related


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

    def load(self, owners: Sequence[KitsuModel], scope: dict[str, Any] | None) -> None:
        """Load the target of every owner, by the ids they hold, in one batch."""
        # Some routes send an absent id as "" (``GET data/assets/{id}``'s
        # ``preview_file_id``): like null, it links to nothing.
        values = [value for owner in owners if (value := getattr(owner, self.key))]
        if not all(isinstance(value, str) for value in values):  # a malformed row: an id field holding a list...
            raise UnexpectedAnswerError("", "", 200, f"{self.owner.__name__}.{self.key} holds something else than an id",
                                        repr(next(value for value in values if not isinstance(value, str)))[:80])
        found = owners[0].session.repository(self.target()).get_many(set(values), project_id=shared_project(owners))
        for owner in owners:
            value = getattr(owner, self.key)
            self.store(owner, found.get(value) if value else None)

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

    def load(self, owners: Sequence[KitsuModel], scope: dict[str, Any] | None) -> None:
        """Load the first listed target of every owner in one batch (owners lacking the list reloaded first)."""
        reload_absent(owners, self.ids_field)
        firsts = {id(owner): next(iter(listed_ids(getattr(owner, self.ids_field))), None) for owner in owners}
        found = owners[0].session.repository(self.target()).get_many(
            {i for i in firsts.values() if i}, project_id=shared_project(owners)
        )
        for owner in owners:
            first = firsts[id(owner)]
            self.store(owner, found.get(first) if first else None)


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

    def load_batch(
        self, objects: Sequence[KitsuModel], scope: dict[str, Any] | None = None, along: Collection[str] = ()
    ) -> None:
        """As :meth:`Relation.load_batch`; through the embedding's route
        when ``along`` asks for the relation it embeds, for one owner."""
        embedding = self.embedding
        owner = objects[0] if len(objects) == 1 else None
        if embedding is not None and embedding.relation in along and owner is not None:
            if not _has_loaded(owner, self.name) and embedding.applies(owner) and embedding.load(self, owner):
                return
        super().load_batch(objects, scope)

    def load(self, owners: Sequence[KitsuModel], scope: dict[str, Any] | None) -> None:
        """Load the targets of every owner, in as few requests as the kind of list allows."""
        session = owners[0].session
        repository = session.repository(self.target())
        if self.ids_field is not None:
            if self.reload_when_absent:
                reload_absent(owners, self.ids_field)
            wanted = [listed_ids(getattr(owner, self.ids_field)) for owner in owners]
            found = repository.get_many({i for ids in wanted for i in ids}, project_id=shared_project(owners))
            for owner, ids in zip(owners, wanted):
                self.store(owner, ModelList([found[i] for i in ids if i in found], session))
        elif self.foreign_key is not None:
            key = self.foreign_key
            try:
                children = repository.children_of(key, [owner.id for owner in owners if owner.id], scope, self.params)
            except PermissionDeniedError:
                if self.route is None:
                    raise
                self._load_per_owner(owners, self.route)
                return
            project_id = (children.scope or {}).get("project_id") if key != "project_id" else None
            if project_id and list(children.scope or ()) == ["project_id"]:
                # A whole project's children: complete for every loaded owner
                # of that project too (the shots, when the assets asked).
                owners = [*owners, *session.identity.alive(self.owner, project_id=project_id)]
            with paused_gc():  # thousands of new lists, none garbage; no request in here
                groups: dict[Any, list[M]] = {}
                for child in children:
                    groups.setdefault(getattr(child, key), []).append(child)
                for owner in owners:
                    if self.name not in _cache_of(owner):
                        self.store(owner, ModelList(groups.get(owner.id, []), session, {key: owner.id}))
        elif self.batch_route is not None and len(owners) > 1:
            self._load_batched(owners, self.batch_route)
        else:
            assert self.route is not None
            self._load_per_owner(owners, self.route)

    def _load_per_owner(self, owners: Sequence[KitsuModel], route: Endpoint) -> None:
        repository = owners[0].session.repository(self.target())
        for owner in owners:
            self.store(owner, repository.load_route(route.fill_from(owner), self.params))

    def _load_batched(self, owners: Sequence[KitsuModel], batch_route: Endpoint) -> None:
        """One request per project for all owners: the answer maps owner ids
        to rows; the rows of all owners become one cohort."""
        session = owners[0].session
        repository = session.repository(self.target())
        by_project: dict[str, list[KitsuModel]] = {}
        for owner in owners:
            by_project.setdefault(owner.__dict__["project_id"], []).append(owner)
        for project_owners in by_project.values():
            project_path = batch_route.fill(project_id=project_owners[0].__dict__["project_id"])
            answer = session.transport.conditional_get(project_path, self.params)
            counts = [len(answer.get(owner.id, [])) for owner in project_owners]
            rows = [row for owner in project_owners for row in answer.get(owner.id, [])]
            cohort = repository.materialize(rows)
            start = 0
            for owner, count in zip(project_owners, counts):
                self.store(owner, ModelList(cohort[start : start + count], session))
                start += count


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
    their related objects are looked for first."""
    projects = {owner.__dict__.get("project_id") for owner in owners}
    return projects.pop() if len(projects) == 1 else None


def reload_absent(owners: Sequence[KitsuModel], ids_field: str) -> None:
    """Reload, in one batch, the owners whose row lacked ``ids_field``
    (a route that leaves relation lists out)."""
    absent = [owner for owner in owners if owner.id and ids_field not in owner.model_fields_set]
    if absent:
        absent[0].session.repository(type(absent[0])).reload_many(absent)
