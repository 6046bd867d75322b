"""The identity map, and the fast path that turns server rows into models.

One Python object per (model, id) per session: rows about an object already
in memory merge into it instead of creating a twin. The map holds objects
weakly, so what the program no longer uses is freed.

Rows from the server are trusted to have the server's types, so they skip
Pydantic's validation: only date and datetime strings are converted, unknown
keys go to the model's extras, and each answer shape shares one precomputed
plan. This keeps materialising 100,000 rows close to ``json.loads`` itself.
Assignments by user code are still validated by Pydantic.

Threads: the map is guarded by a lock, so loads, merges and look-ups may
come from several threads (an event listener's callbacks beside the main
program); see docs/architecture.md for the whole threading contract.
"""

from __future__ import annotations

import copy
import importlib
import json
import threading
import types
import typing
import weakref
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from .. import errors
from ..gcpause import paused_gc
from .relations import forget_changed_links
from .state import Origin, loaded, peek, state_of
from .state import rebind as rebind_to

if TYPE_CHECKING:
    from .base import KitsuModel

M = TypeVar("M", bound="KitsuModel")
_set_attr = object.__setattr__
#: The extras of every model whose row had no unknown key: shared, never
#: written (a merge that brings extras gives the model its own dict).
_NO_EXTRA: dict[str, Any] = {}


def _converter_for(annotation: Any) -> type[Any] | None:
    """``datetime`` or ``date`` when the field holds one (maybe optional)."""
    kinds = typing.get_args(annotation) if _is_union(annotation) else (annotation,)
    for kind in kinds:
        if kind in (datetime, date):
            return kind  # type: ignore[no-any-return]
    return None


def _accepts_none(annotation: Any) -> bool:
    return annotation is Any or (_is_union(annotation) and type(None) in typing.get_args(annotation))


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


def _parse(kind: type[Any], value: Any, name: str) -> Any:
    """Field ``name``'s server date as ``kind``: the C ISO parser, else Pydantic's
    (imported for this rare case only: the identity map is built with every
    session, before anything needs Pydantic). A value neither reads is a
    malformed answer (:class:`~kitsu_models.errors.UnexpectedAnswerError`)."""
    try:
        return kind.fromisoformat(value)
    except (TypeError, ValueError):
        pass
    pydantic: Any = importlib.import_module("pydantic")
    try:
        return pydantic.TypeAdapter(kind).validate_python(value)
    except ValueError:  # pydantic's ValidationError
        raise errors.UnexpectedAnswerError("", "", 200, f"{name}: not a {kind.__name__}", repr(value)[:80]) from None


class RowPlan:
    """What to do with every row of one shape (the same keys) for one model."""

    __slots__ = ("fields_set", "renames", "converters", "extra_keys", "lacking", "partial")

    def __init__(self, cls: type[KitsuModel], keys: Iterable[str]) -> None:
        fields = cls.model_fields
        by_key = {field.alias or name: name for name, field in fields.items()}
        keys = list(keys)
        #: JSON keys that are aliases (``assignees`` holds ``assignee_ids``).
        self.renames: tuple[tuple[str, str], ...] = tuple(
            (key, by_key[key]) for key in keys if key in by_key and by_key[key] != key
        )
        self.fields_set: set[str] = {by_key[key] for key in keys if key in by_key}
        self.extra_keys: tuple[str, ...] = tuple(key for key in keys if key not in by_key)
        self.converters: list[tuple[str, type[Any]]] = [
            (name, kind) for name in self.fields_set if (kind := _converter_for(fields[name].annotation)) is not None
        ]
        #: Fields typed without None that the row lacks (a route sending
        #: fewer keys): never assumed, they make the object partial, so the
        #: first read of one loads its whole record (KitsuModel.__getattr__).
        #: The other absent fields (default None) are not stored either: the
        #: model answers None for them, so rows stay as small as the JSON.
        self.lacking: tuple[str, ...] = tuple(
            name for name, field in fields.items()
            if name not in self.fields_set and name != "id" and not _accepts_none(field.annotation)
        )
        self.partial: bool = bool(self.lacking)


class IdentityMap:
    """Objects by identity root class and id, held through weak references.

    One plain dict of ``weakref.ref`` (created in C, unlike
    ``WeakValueDictionary``'s) per root class keeps the load path fast;
    entries whose object is gone are swept when the map has doubled since
    the last sweep.
    """

    def __init__(self) -> None:
        self._roots: dict[type[Any], dict[str, weakref.ref[KitsuModel]]] = {}
        self._plans: dict[tuple[type[Any], tuple[str, ...]], RowPlan] = {}
        self._size = 0  # entries added since the last sweep, and those it kept
        self._sweep_at = 1024
        self._lock = threading.RLock()

    def __len__(self) -> int:
        return sum(1 for refs in list(self._roots.values()) for ref in list(refs.values()) if ref() is not None)

    def _refs(self, root: type[Any]) -> dict[str, weakref.ref[KitsuModel]]:
        refs = self._roots.get(root)
        if refs is None:
            refs = self._roots.setdefault(root, {})
        return refs

    def get(self, cls: type[M], object_id: str) -> M | None:
        """The loaded object of class ``cls`` with this id, if any."""
        refs = self._roots.get(cls.identity_root())
        ref = refs.get(object_id) if refs is not None else None
        found = ref() if ref is not None else None
        return found if isinstance(found, cls) else None

    def alive(self, cls: type[M], **equal: Any) -> list[M]:
        """The loaded objects of ``cls`` whose fields equal ``equal``."""
        with self._lock:
            refs = list(self._refs(cls.identity_root()).values())
        found: list[M] = []
        for ref in refs:
            obj = ref()
            if isinstance(obj, cls) and all(obj.__dict__.get(name) == value for name, value in equal.items()):
                found.append(obj)
        return found

    def add(self, obj: KitsuModel) -> None:
        """Keep ``obj`` as the one object of its id (held weakly)."""
        if obj.id:
            with self._lock:
                self._refs(type(obj).identity_root())[obj.id] = weakref.ref(obj)
                self._size += 1

    def evict(self, obj: KitsuModel) -> None:
        """Forget ``obj`` (deleted, or replaced)."""
        if obj.id:
            with self._lock:
                self._refs(type(obj).identity_root()).pop(obj.id, None)

    def clear(self) -> None:
        """Forget every object."""
        with self._lock:
            self._roots.clear()
            self._size = 0

    def merge_known(self, cls: type[M], row: Mapping[str, Any]) -> M | None:
        """Merge ``row`` (the server's JSON for one object, from a write made
        outside the models: a gazu call, an event) into the object it
        describes, only if that object is loaded; returns it, or None.

        ``row`` is copied, never kept: the caller may go on using it.
        Fields changed locally and not saved yet are kept, as in any load.
        """
        object_id = row.get("id")
        if not isinstance(object_id, str) or not object_id:
            return None
        known = self.get(cls, object_id)
        if known is None:
            return None
        fresh = copy.deepcopy(dict(row))
        with self._lock:
            plan = self._plan(type(known), tuple(fresh))
        with state_of(known).lock:
            _merge(known, fresh, plan)
        return known

    def expire_known(self, cls: type[KitsuModel], object_id: str) -> None:
        """Expire the object of ``cls`` with this id if it is loaded: the
        server changed it by a write made outside the models (a gazu call),
        so its next read loads it again (:meth:`KitsuModel.expire`)."""
        known = self.get(cls, object_id)
        if known is not None:
            known.expire()

    def adopt(self, obj: KitsuModel, row: dict[str, Any], origin: Origin) -> None:
        """Make ``obj``, just created on the server, the known object for
        ``row``'s id (the caller checked it has one), holding exactly ``row``
        and no change to send. An object already known under that id (an
        event listener read it before the answer came) is forgotten, as by
        :meth:`clear`, keeping its own values: the two never share their
        storage."""
        twin = self.get(type(obj).identity_root(), row["id"])
        if twin is not None and twin is not obj:
            self.evict(twin)
        fresh = self.materialize(type(obj), [row], origin)[0]
        for slot in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__"):
            _set_attr(obj, slot, getattr(fresh, slot))
        state = state_of(obj)
        state.origin = origin
        state.mark_synced(obj)
        self.add(obj)

    def seed(self, cls: type[M], values: dict[str, Any], origin: Origin) -> M | None:
        """The object ``values`` (some fields of it, with its id, as another
        row carried them: ``project_name``...) describe. A known object gets
        them merged; else a *partial* object is made and kept, whose other
        fields load in one batch on first access (KitsuModel.__getattr__).
        None when the id is known as another class, or is no id at all (a
        malformed row). ``values`` becomes the new object's storage."""
        if not isinstance(values.get("id"), str) or not values["id"]:
            return None
        root = cls.identity_root()
        with self._lock:
            refs = self._refs(root)
            ref = refs.get(values["id"])
            known = ref() if ref is not None else None
            if known is None:
                obj = _build(cls, values, self._plan(cls, tuple(values)), origin, partial=True)
                refs[values["id"]] = weakref.ref(obj)
                self._size += 1
                return obj
            if not isinstance(known, cls):
                return None
            plan = self._plan(type(known), tuple(values))
        with state_of(known).lock:
            _merge(known, values, plan)
        return known

    def _plan(self, cls: type[Any], keys: tuple[str, ...]) -> RowPlan:
        plan = self._plans.get((cls, keys))
        if plan is None:
            plan = self._plans[(cls, keys)] = RowPlan(cls, keys)
        return plan

    def _sweep(self) -> None:
        self._roots = {root: {key: ref for key, ref in refs.items() if ref() is not None}
                       for root, refs in self._roots.items()}
        self._size = sum(len(refs) for refs in self._roots.values())
        self._sweep_at = max(1024, 2 * self._size)

    def materialize(
        self, cls: type[M], rows: Iterable[dict[str, Any]], origin: Origin, rebind: bool = True, keyed: bool = False,
        shapes: set[tuple[str, ...]] | None = None,
    ) -> list[M]:
        """Models for ``rows`` (dicts the caller gives up: they are reused as
        the models' storage), merged into the objects already known, which
        join ``origin``'s cohort when ``rebind``. With ``keyed`` (a model read
        by id), a row without a string id is a malformed answer
        (:class:`~kitsu_models.errors.UnexpectedAnswerError`); the callers
        hand dicts only (list answers and given rows are checked first). ``shapes``, when
        given, gets the keys of every kind of row seen.

        The cyclic garbage collector is paused meanwhile (see paused_gc).
        """
        plans = self._plans
        polymorphic = "class_for_row" in vars(cls)
        root = cls.identity_root()
        row_cls: type[M] = cls
        out: list[M] = []
        append = out.append
        merges: list[tuple[M, dict[str, Any], RowPlan]] = []
        with self._lock, paused_gc():
            refs = self._refs(root)
            added = 0
            last_keys: tuple[str, ...] = ()
            last_cls: type[Any] = cls
            plan: RowPlan | None = None
            for row in rows:
                object_id = row.get("id")
                if keyed and (type(object_id) is not str or not object_id):
                    raise errors.UnexpectedAnswerError("", "", 200, f"a {cls.__name__} row without an id", repr(row)[:80])
                if polymorphic:
                    row_cls = cls.class_for_row(row, origin.session)
                keys = tuple(row)
                # Rows of one answer share a shape: skip the lookup for them.
                if plan is None or keys != last_keys or row_cls is not last_cls:
                    plan = plans.get((row_cls, keys)) or self._plan(row_cls, keys)
                    last_keys, last_cls = keys, row_cls
                    if shapes is not None:
                        shapes.add(keys)
                ref = refs.get(object_id) if object_id else None
                known = ref() if ref is not None else None
                if known is not None and type(known) is row_cls:
                    merges.append((known, row, plan))
                    if not plan.lacking and (state := peek(known)) is not None:
                        state.partial = False  # a whole row: a partial object is partial no more
                    if rebind:
                        rebind_to(known, origin)
                    append(known)
                    continue
                obj = _build(row_cls, row, plan, origin)
                if object_id:
                    refs[object_id] = weakref.ref(obj)
                    added += 1
                append(obj)
            self._size += added
            if self._size > self._sweep_at:
                self._sweep()
        # Merged outside the map's lock, each under its object's lock: a
        # thread saving that object holds it, then needs the map (no cycle).
        for known, row, plan in merges:
            with state_of(known).lock:
                _merge(known, row, plan)
        return out


def _build(cls: type[M], row: dict[str, Any], plan: RowPlan, origin: Origin, partial: bool = False) -> M:
    for key, name in plan.renames:
        row[name] = row.pop(key)
    for name, kind in plan.converters:
        value = row[name]
        if value is not None:
            try:
                row[name] = kind.fromisoformat(value)
            except (TypeError, ValueError):
                row[name] = _parse(kind, value, name)
    extra = {key: row.pop(key) for key in plan.extra_keys} if plan.extra_keys else _NO_EXTRA
    obj = cls.__new__(cls)
    _set_attr(obj, "__dict__", row)
    _set_attr(obj, "__pydantic_fields_set__", plan.fields_set)
    _set_attr(obj, "__pydantic_extra__", extra)
    _set_attr(obj, "__pydantic_private__", None)
    loaded(obj, origin, row.get("data"), partial or plan.partial)
    return obj


def _keep_edits_in_place(obj: KitsuModel, row: dict[str, Any], plan: RowPlan, values: dict[str, Any]) -> bool:
    """Before a merge: a dict or list field edited in place since its state
    was last sent is marked changed (it is kept and sent with the next save);
    ``data``'s keys edited so are laid over the row's, still to be sent.
    Returns whether ``data`` holds such edits."""
    state = state_of(obj)
    sent, dirty = state.sent, state.dirty
    if sent:
        for name in plan.fields_set & sent.keys():
            if name not in dirty and json.dumps(values.get(name), default=str) != sent[name]:
                state.mark_changed(name)
    server = row.get("data")
    if "data" in dirty or not isinstance(server, dict):
        return False
    if not values.get("data") and not state.data_snapshot:
        return False  # nothing in it, nothing sent: nothing edited
    changed, removed = state.data_diff(obj)
    if not (changed or removed):
        return False
    row["data"] = {**{key: value for key, value in server.items() if key not in removed}, **changed}
    state.data_snapshot = json.dumps(server) if server else None
    return True


def _merge(obj: KitsuModel, row: dict[str, Any], plan: RowPlan) -> None:
    """New data about a known object: fields changed locally are kept, the
    assigned ones and those edited in place since they were last sent (a
    dict or list changed inside while its save was in flight), which stay
    changes to send."""
    values: dict[str, Any] = obj.__dict__  # pyright: ignore[reportAssignmentType]  (pyright#11548, as in pydantic)
    for key, name in plan.renames:
        row[name] = row.pop(key)
    data_edited = _keep_edits_in_place(obj, row, plan, values)
    state = state_of(obj)
    dirty = state.dirty
    if state.related:
        forget_changed_links(obj, row, dirty)
    for name in plan.fields_set:
        if name not in dirty:
            values[name] = row[name]
    for name, kind in plan.converters:
        if name not in dirty and isinstance(values[name], str):
            values[name] = _parse(kind, values[name], name)
    if plan.extra_keys:
        extra = obj.__pydantic_extra__
        if extra is None or extra is _NO_EXTRA:
            extra = {}
            _set_attr(obj, "__pydantic_extra__", extra)
        extra.update((key, row[key]) for key in plan.extra_keys)
    if not plan.fields_set <= obj.__pydantic_fields_set__:
        _set_attr(obj, "__pydantic_fields_set__", obj.__pydantic_fields_set__ | plan.fields_set)
    if "data" not in dirty and "data" in plan.fields_set and not data_edited:
        state.snapshot_data(obj)
