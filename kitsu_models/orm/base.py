"""``KitsuModel``: the base of every typed model.

A model is a Pydantic v2 model whose fields are the server's JSON keys. It
also carries, in slots that cost nothing until used:

- its *origin*: the session it belongs to and the list it was loaded with
  (the cohort that batch loading fills in one request);
- the relations already loaded;
- the names of the fields changed since it was loaded, so ``save()`` sends
  only those, and a snapshot of ``data`` so changes inside it merge by key.
"""

from __future__ import annotations

import builtins
import threading
import typing
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import (
    AfterValidator, BaseModel, ConfigDict, Field, PrivateAttr, SerializationInfo, SerializerFunctionWrapHandler,
    ValidationError, model_serializer,
)
from pydantic._internal._model_construction import ModelMetaclass, NoInitField
from pydantic.fields import FieldInfo
from typing_extensions import Annotated, Self, dataclass_transform

from ..errors import DeletedObjectError, DetachedObjectError, LazyLoadError, MissingFieldError
from ..ids import is_id
from ..validation import FieldValidationError
from . import registry
from .relations import MaybeToOne, Relation, ToOne, forget_changed_links, settable
from .state import InstanceState, origin_of, peek, state_of
from .session_api import Session, default_session

if TYPE_CHECKING:
    from ..routes import Route


def _canonical_id(value: str) -> str:
    if value and not is_id(value):
        raise ValueError(f"not a Kitsu id (UUID): {value[:80]!r}")
    return value


#: An id field: constructing or assigning anything but a canonical UUID fails
#: at once, so no id of a model can reach another route. "" is taken, as some
#: routes send it for "none", but never sent: writes refuse it (repository).
Id = Annotated[str, AfterValidator(_canonical_id)]


def holds_ids(field: FieldInfo) -> bool:
    """Whether a field is typed :data:`Id` (or a list of them): a field
    named ``*_id`` may hold another kind of key (a plugin's ``plugin_id``)."""
    def mentions(annotation: Any) -> bool:
        if typing.get_origin(annotation) is Annotated:
            if any(getattr(item, "func", None) is _canonical_id for item in typing.get_args(annotation)[1:]):
                return True
        return any(mentions(arg) for arg in typing.get_args(annotation))

    return any(getattr(item, "func", None) is _canonical_id for item in field.metadata) or mentions(field.annotation)


def computed() -> Any:
    """A key some routes compute (a parent's name, a value read from
    ``data``): typed but read-only, and the server cannot filter on it."""
    return Field(default=None, frozen=True)


#: The mark of a :func:`server_filled` field in its ``json_schema_extra``.
_SERVER_FILLED = "kitsu_server_filled"


def server_filled(default: Any) -> Any:
    """A field the server fills on every record (NOT NULL in Zou's
    tables), so typed without None. ``default`` is what a new record gets
    there; it is not sent when an object is created (the server decides)."""
    return Field(default=default, json_schema_extra={_SERVER_FILLED: True})


def is_server_filled(field: FieldInfo) -> bool:
    """Whether ``field`` was declared with :func:`server_filled`."""
    extra = field.json_schema_extra
    return isinstance(extra, dict) and extra.get(_SERVER_FILLED) is True


def _cut(value: Any, limit: int = 40) -> Any:
    """Long text cut for a repr (a comment's text)."""
    return value[: limit - 1] + "…" if isinstance(value, str) and len(value) > limit else value


def _typed(exc: ValidationError) -> FieldValidationError:
    """pydantic's error as the SDK's (the same details)."""
    return FieldValidationError.from_exception_data(exc.title, exc.errors())  # type: ignore[arg-type]


@dataclass_transform(
    kw_only_default=True, field_specifiers=(Field, PrivateAttr, NoInitField, ToOne, MaybeToOne, settable)
)
class ModelMeta(ModelMetaclass):
    """Pydantic's metaclass, with the settable links among the field
    specifiers type checkers know (so ``task_status: ToOne[TaskStatus] =
    ToOne(..., init=False)`` is typed and no constructor argument), and
    their annotations kept from Pydantic, for which a relation is no field."""

    def __new__(mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], **kwargs: Any) -> type:
        annotations = namespace.get("__annotations__", {})
        for key, value in namespace.items():
            if isinstance(value, Relation):
                annotations.pop(key, None)
        cls: type = super().__new__(mcs, name, bases, namespace, **kwargs)
        return cls


class KitsuModel(BaseModel, metaclass=ModelMeta):
    """Base of all Kitsu models: typed fields, lazy relations, save/delete."""

    model_config: ClassVar[ConfigDict] = ConfigDict(
        extra="allow",
        validate_assignment=True,
        ignored_types=(Relation,),
        protected_namespaces=(),
        validate_by_name=True,
        validate_by_alias=True,
        serialize_by_alias=True,
        revalidate_instances="never",
        # Validators and serializers are built on first use, not at import:
        # rows from the server skip validation, so most are never needed.
        defer_build=True,
    )
    __slots__ = ("_kitsu_state",)  # its InstanceState (orm.state.state_of)

    #: How the repository reaches this model on the server.
    __route__: ClassVar[Route]
    #: What its repr shows besides the id (see ``__repr_args__``).
    __repr_keys__: ClassVar[tuple[str, ...]] = ("name",)
    __identity_root: ClassVar[builtins.type[KitsuModel]]

    id: Id = ""
    type: str | None = None
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        parents = [base for base in cls.__mro__[1:] if isinstance(base, builtins.type) and issubclass(base, KitsuModel)]
        cls.__identity_root = parents[-2] if len(parents) >= 2 else cls
        registry.register(cls)

    @classmethod
    def identity_root(cls) -> builtins.type[KitsuModel]:
        """The class whose ids form one namespace (every entity kind shares
        the entity table, so a shot is the same object whichever way it came)."""
        return cls.__identity_root

    @classmethod
    def class_for_kind(cls, kind: Any) -> builtins.type[Self] | None:
        """The class an object of this model is when a joined column names
        its kind (``task_type_for_entity``); None when it cannot say.
        Polymorphic bases override it."""
        return cls

    @classmethod
    def class_for_row(cls, row: dict[str, Any], session: Session) -> builtins.type[Self]:
        """The class a server row becomes; polymorphic bases override it."""
        return cls

    def _creation_route(self) -> Route:
        """The route this new object is created through: the model's, unless
        the model has several creation routes and picks one by its fields
        (an asset instance is created in a scene or in an asset)."""
        return type(self).__route__

    # ------------------------------------------------------------ session
    @property
    def session(self) -> Session:
        """The session this object belongs to."""
        origin = origin_of(self)
        if origin is None:
            raise DetachedObjectError(f"{type(self).__name__} {self.id or '(new)'} belongs to no Kitsu session")
        return origin.session

    @property
    def lock(self) -> threading.RLock:
        """This object's lock. Threads sharing the object hold it around a
        read-modify-write (``with shot.lock: shot.data = {**shot.data, "k": 1}``):
        the SDK holds it while it saves the object or merges rows into it,
        so such an edit never interleaves with either."""
        return state_of(self).lock

    @property
    def is_deleted(self) -> bool:
        state = peek(self)
        return state is not None and state.deleted

    def mark_deleted(self) -> None:
        """Record that the server deleted this object (its save and relations
        raise ``DeletedObjectError`` from now on)."""
        state_of(self).deleted = True

    def _check_alive(self) -> None:
        state = peek(self)
        if state is not None and state.deleted:
            raise DeletedObjectError(f"{type(self).__name__} {self.id} was deleted")

    # -------------------------------------------------------- change tracking
    if not TYPE_CHECKING:
        # Hidden from type checkers (as pydantic does): a declared
        # ``__init__`` would hide the fields' signature, a declared
        # ``__setattr__`` would let any misspelt attribute be assigned.
        def __init__(self, **data: Any) -> None:
            try:
                super().__init__(**data)
            except ValidationError as exc:
                raise _typed(exc) from None
            object.__setattr__(self, "_kitsu_state", InstanceState())

        def __setattr__(self, name: str, value: Any) -> None:
            relation = getattr(type(self), name, None)
            if isinstance(relation, Relation):
                relation.__set__(self, value)
                return
            if name in type(self).model_fields:
                self._check_alive()
                # Loaded models share one fields-set per answer shape: copy it
                # before pydantic adds to it.
                object.__setattr__(self, "__pydantic_fields_set__", set(self.__pydantic_fields_set__))
                before = self.__dict__.get(name)
                try:
                    super().__setattr__(name, value)
                except ValidationError as exc:
                    raise _typed(exc) from None
                state_of(self).mark_changed(name)
                if self.__dict__.get(name) != before:
                    forget_changed_links(self, {name: before})
                return
            if not name.startswith("_"):
                # extra="allow" keeps the server's unknown keys; it must not
                # turn a typo (shot.nb_framez = 3) into a silent no-op.
                raise AttributeError(f"{type(self).__name__} has no field {name!r}")
            super().__setattr__(name, value)

        def __getattr__(self, name: str) -> Any:
            field = type(self).model_fields.get(name)
            if field is None:
                return super().__getattr__(name)
            if self.is_partial and name != "id":  # an object's id is never deferred: it loads by it
                self._load_deferred(name)
                if name in self.__dict__:
                    return self.__dict__[name]
            # A field the server's row did not carry, whose default is None
            # (not stored, to keep models as small as their JSON); or one
            # that even the object's whole record lacks: its default.
            if field.is_required():
                raise MissingFieldError("", "", 200, f"{type(self).__name__} {self.id}: the server sent no {name!r}")
            return field.get_default(call_default_factory=True)

    @property
    def is_partial(self) -> bool:
        """Whether only some fields are loaded: the object was seeded from
        columns another row carried (a to-do task's ``project_name``), or
        its row lacked a field typed without None; the others load, in one
        batch for the objects loaded with it, when first read."""
        state = peek(self)
        return state is not None and state.partial

    def _load_deferred(self, name: str) -> None:
        """Load the fields a partial object lacks, for every partial member
        of the group it was seeded with (``reload_many``: one request per 50
        of them, or the whole list read again), as SQLAlchemy loads deferred
        columns."""
        session = self.session
        if session.strict:
            raise LazyLoadError(
                f"{type(self).__name__}.{name} was not in the row that seeded this object and strict mode is on: "
                f"load the objects (get_many, refresh) or turn strict mode off"
            )
        origin = origin_of(self)
        cohort = origin.cohort if origin is not None and origin.cohort is not None else [self]
        group = [m for m in cohort if type(m) is type(self) and m.is_partial]
        if self not in group:
            group.append(self)
        session.repository(type(self)).reload_many(group)
        for member in group:  # also those the server no longer has: their absent fields stay absent
            if (state := peek(member)) is not None:
                state.partial = False

    def changes(self) -> dict[str, Any]:
        """The JSON of what changed since the last load or save: assigned
        fields, and for ``data`` only the keys whose values changed."""
        return state_of(self).changes(self)

    @model_serializer(mode="wrap")
    def _with_absent_fields(self, handler: SerializerFunctionWrapHandler, info: SerializationInfo) -> Any:
        """Fields the server's row did not carry are None (see __getattr__):
        a full dump lists them too, as it would for a validated model."""
        if self.is_partial and info.include is None and info.exclude is None and not info.exclude_unset:
            self._load_deferred("model_dump")  # a full dump is complete; to_dict() is what was sent
        data = handler(self)
        if info.exclude_unset or info.exclude_defaults or info.exclude_none or not isinstance(data, dict):
            return data
        include, exclude = info.include, info.exclude
        by_alias = info.by_alias is not False  # None: the config's serialize_by_alias
        for name, field in type(self).model_fields.items():
            if name in self.__dict__ or field.default is not None or field.default_factory is not None:
                continue
            if (include is not None and name not in include) or (exclude is not None and name in exclude):
                continue
            data.setdefault(field.alias if by_alias and field.alias else name, None)
        return data

    # ------------------------------------------------------------ dict form
    def to_dict(self) -> dict[str, Any]:
        """The JSON dict of this object, exactly as the server sent it (plus
        local changes): unknown fields a newer server added are kept."""
        return self.model_dump(mode="json", exclude_unset=True)

    # ---------------------------------------------------------- persistence
    def save(self, session: Session | None = None) -> Self:
        """Create this object on the server if new, else send only the
        fields changed since it was loaded. Returns ``self``, updated."""
        self._check_alive()
        repository = self._session_for_save(session).repository(type(self))
        if self.id:
            repository.update(self)
        else:
            repository.create(self)
        return self

    def _session_for_save(self, session: Session | None) -> Session:
        """The session ``save`` works in: the given one, else the object's,
        else the default session."""
        if session is not None:
            return session
        origin = origin_of(self)
        return origin.session if origin is not None else default_session()

    def _set_synced(self, name: str, value: Any) -> None:
        """Store a value the server already has (set by a side effect of
        another request): a loaded field, not a change to send."""
        self.__dict__[name] = value  # pyright: ignore[reportIndexIssue]  (pyright#11548, as in pydantic)
        if name not in self.__pydantic_fields_set__:
            object.__setattr__(self, "__pydantic_fields_set__", self.__pydantic_fields_set__ | {name})

    def expire(self) -> None:
        """Forget what was loaded of this object, but not its unsaved
        changes: the server changed it elsewhere (a comment moves its task
        to another status). The next read of a field loads the object again,
        in one request, and its relations load anew (as SQLAlchemy's
        ``Session.expire``). Nothing is sent now."""
        state = state_of(self)
        with state.lock:
            kept = set(state.dirty) | {"id"}
            if state.data_diff(self) != ({}, []):
                kept.add("data")
            gone = [name for name in type(self).model_fields if name in self.__dict__ and name not in kept]
            for name in gone:
                del self.__dict__[name]  # pyright: ignore[reportIndexIssue]  (pyright#11548, as in pydantic)
            object.__setattr__(self, "__pydantic_fields_set__", self.__pydantic_fields_set__ - set(gone))
            state.partial = True
            state.forget_relations()

    def delete(self, *, force: bool = False) -> bool:
        """Delete this object on the server and evict it from the session.

        Returns False when the server only canceled it (an entity with tasks,
        deleted without ``force``); see :meth:`Repository.delete`.
        """
        self._check_alive()
        return self.session.repository(type(self)).delete(self, force=force)

    def prefetch(self, *paths: str) -> Self:
        """Load dotted relation paths below this object, independent lists
        at once (as :meth:`ModelList.prefetch`): ``project.prefetch(
        "assets.tasks.task_status", "shots.sequence.episode")``."""
        self._check_alive()
        self.session.prefetch([self], paths)
        return self

    # The awaited forms, for an object of an async session (``AsyncKitsu``,
    # whose attributes never do I/O): one model class serves both kinds of
    # session, so the awaited form of each operation has its own name.
    async def asave(self, session: Session | None = None) -> Self:
        """:meth:`save`, awaited."""
        self._check_alive()
        await self._session_for_save(session).asave(self)
        return self

    async def adelete(self, *, force: bool = False) -> bool:
        """:meth:`delete`, awaited."""
        self._check_alive()
        return await self.session.adelete(self, force)

    async def arefresh(self) -> Self:
        """:meth:`refresh`, awaited."""
        self._check_alive()
        await self.session.arefresh(self)
        return self

    async def aprefetch(self, *paths: str) -> Self:
        """:meth:`prefetch`, awaited: ``await project.aprefetch("assets.tasks.task_status")``;
        afterwards the paths' attributes read what was loaded, with no I/O."""
        self._check_alive()
        await self.session.aprefetch([self], paths)
        return self

    def refresh(self) -> Self:
        """Reload this object and the relations already loaded on it."""
        self._check_alive()
        self.session.repository(type(self)).refresh(self)
        return self

    # -------------------------------------------------------------- display
    def __repr_args__(self) -> Any:
        """The id, then what identifies the object to a reader
        (``__repr_keys__``): fields present, or ``relation.field`` read from
        a relation already loaded. A repr never sends a request."""
        if "id" in self.__dict__:
            yield "id", self.__dict__["id"]
        for key in type(self).__repr_keys__:
            value = self._repr_value(key)
            if value is not None:
                yield key, _cut(value)

    def _repr_value(self, key: str) -> Any:
        relation, _, field = key.partition(".")
        if not field:
            return self.__dict__.get(key)
        descriptor = getattr(type(self), relation, None)
        related = descriptor.cached(self) if isinstance(descriptor, Relation) else None
        return related.__dict__.get(field) if isinstance(related, KitsuModel) else None

    def __eq__(self, other: object) -> bool:
        if isinstance(other, KitsuModel) and self.id:
            return type(other) is type(self) and other.id == self.id
        return super().__eq__(other)

    def __hash__(self) -> int:
        return hash((type(self).__name__, self.id)) if self.id else id(self)
