"""The identity map, and the fast path that turns server rows into models.

One Python object per (model, id) per session: rows about an object already
in memory merge into it instead of creating a twin. The map holds objects
weakly, so what the program no longer uses is freed.

Rows from the server are trusted to have the server's types, so they skip
Pydantic's validation: only date and datetime strings are converted, unknown
keys go to the model's extras, and each answer shape shares one precomputed
plan. This keeps materialising 100,000 rows close to ``json.loads`` itself.
Assignments by user code are still validated by Pydantic.
"""

from __future__ import annotations

import json
import types
import typing
import weakref
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import TypeAdapter

if TYPE_CHECKING:
    from .models.base import KitsuModel, Origin

M = TypeVar("M", bound="KitsuModel")
Converter = Callable[[Any], Any]
_set_attr = object.__setattr__


def _fast_converter(kind: type[Any]) -> Converter:
    """ISO parsing with the C parser, falling back on Pydantic's for other forms."""
    adapter: TypeAdapter[Any] = TypeAdapter(kind)
    parse = kind.fromisoformat

    def convert(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        try:
            return parse(value)
        except ValueError:
            return adapter.validate_python(value)

    return convert


_CONVERTERS: dict[type[Any], Converter] = {datetime: _fast_converter(datetime), date: _fast_converter(date)}


def _converter_for(annotation: Any) -> Converter | None:
    kinds = typing.get_args(annotation) if _is_union(annotation) else (annotation,)
    for kind in kinds:
        if kind in _CONVERTERS:
            return _CONVERTERS[kind]
    return None


def _is_union(annotation: Any) -> bool:
    return typing.get_origin(annotation) in (typing.Union, types.UnionType)


class RowPlan:
    """What to do with every row of one shape (the same keys) for one model."""

    __slots__ = ("fields_set", "renames", "converters", "extra_keys", "defaults")

    def __init__(self, cls: type[KitsuModel], keys: Iterable[str]) -> None:
        fields = cls.model_fields
        by_key = {field.alias or name: name for name, field in fields.items()}
        keys = list(keys)
        #: JSON keys that are aliases (``assignees`` holds ``assignee_ids``).
        self.renames = tuple((key, by_key[key]) for key in keys if key in by_key and by_key[key] != key)
        self.fields_set = {by_key[key] for key in keys if key in by_key}
        self.extra_keys = tuple(key for key in keys if key not in by_key)
        self.converters = [
            (name, converter)
            for name in self.fields_set
            if (converter := _converter_for(fields[name].annotation)) is not None
        ]
        self.defaults = [
            (name, field) for name, field in fields.items() if name not in self.fields_set and not field.is_required()
        ]


class IdentityMap:
    """Objects by (identity root class, id), held weakly."""

    def __init__(self) -> None:
        self._objects: weakref.WeakValueDictionary[tuple[type[Any], str], KitsuModel] = (
            weakref.WeakValueDictionary()
        )
        self._plans: dict[tuple[type[Any], tuple[str, ...]], RowPlan] = {}

    def __len__(self) -> int:
        return len(self._objects)

    def get(self, cls: type[M], object_id: str) -> M | None:
        found = self._objects.get((cls.identity_root(), object_id))
        return found if isinstance(found, cls) else None

    def add(self, obj: KitsuModel) -> None:
        if obj.id:
            self._objects[(type(obj).identity_root(), obj.id)] = obj

    def evict(self, obj: KitsuModel) -> None:
        if obj.id:
            self._objects.pop((type(obj).identity_root(), obj.id), None)

    def clear(self) -> None:
        self._objects.clear()

    def materialize(
        self, cls: type[M], rows: Iterable[dict[str, Any]], origin: Origin, rebind: bool = True
    ) -> list[M]:
        """Models for ``rows`` (dicts the caller gives up: they are reused as
        the models' storage), merged into the objects already known, which
        join ``origin``'s cohort when ``rebind``."""
        objects = self._objects
        plans = self._plans
        resolve = cls.class_for_row
        out: list[M] = []
        append = out.append
        for row in rows:
            row_cls = resolve(row, origin.session)
            shape = (row_cls, tuple(row))
            plan = plans.get(shape)
            if plan is None:
                plan = plans[shape] = RowPlan(row_cls, shape[1])
            object_id: str | None = row.get("id")
            key = (row_cls.identity_root(), object_id or "")
            known = objects.get(key) if object_id else None
            if known is not None and type(known) is row_cls:
                _merge(known, row, plan)
                if rebind:
                    _set_attr(known, "_kitsu_origin", origin)
                obj: M = known
            else:
                obj = _build(row_cls, row, plan, origin)
                if object_id:
                    objects[key] = obj
            append(obj)
        return out


def _build(cls: type[M], row: dict[str, Any], plan: RowPlan, origin: Origin) -> M:
    for key, name in plan.renames:
        row[name] = row.pop(key)
    for name, convert in plan.converters:
        value = row[name]
        if value is not None:
            row[name] = convert(value)
    extra = {key: row.pop(key) for key in plan.extra_keys} if plan.extra_keys else {}
    for name, field in plan.defaults:
        row[name] = field.get_default(call_default_factory=True)
    obj = cls.__new__(cls)
    _set_attr(obj, "__dict__", row)
    _set_attr(obj, "__pydantic_fields_set__", plan.fields_set)
    _set_attr(obj, "__pydantic_extra__", extra)
    _set_attr(obj, "__pydantic_private__", None)
    _set_attr(obj, "_kitsu_origin", origin)
    data = row.get("data")
    if data:
        _set_attr(obj, "_kitsu_data_snapshot", json.dumps(data))
    return obj


def _merge(obj: KitsuModel, row: dict[str, Any], plan: RowPlan) -> None:
    """New data about a known object: fields changed locally are kept."""
    dirty = getattr(obj, "_kitsu_dirty", None) or ()
    values = obj.__dict__
    for key, name in plan.renames:
        row[name] = row.pop(key)
    for name in plan.fields_set:
        if name not in dirty:
            values[name] = row[name]
    for name, convert in plan.converters:
        if name not in dirty and values[name] is not None:
            values[name] = convert(values[name])
    if obj.__pydantic_extra__ is not None:
        obj.__pydantic_extra__.update((key, row[key]) for key in plan.extra_keys)
    if not plan.fields_set <= obj.__pydantic_fields_set__:
        _set_attr(obj, "__pydantic_fields_set__", obj.__pydantic_fields_set__ | plan.fields_set)
    if "data" not in dirty and "data" in plan.fields_set:
        data = values.get("data")
        _set_attr(obj, "_kitsu_data_snapshot", json.dumps(data) if data else None)
