"""What the ORM keeps about one model object besides its fields, in one
place (as SQLAlchemy's ``InstanceState``): where it was loaded from, its
loaded relations, the changes to send, whether it is partial or deleted,
and its lock. :func:`state_of` gives it; the repository and the identity
map work through it, and nothing outside ``orm/`` writes a model's
internals.

A model loaded whole, with no ``data`` to watch, holds only its load's
shared :class:`Origin` until something more is needed (a relation loaded,
a change, a lock): then its own state is made. Reads that change nothing
(:func:`origin_of`, :func:`peek`) never make one, so a list of 100,000
untouched tasks costs no object per task beyond its row.
"""

from __future__ import annotations

import json
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .base import KitsuModel
    from .collection import ModelList
    from .session_api import Session

#: Guards the creation of locks and relation caches, and the changed-fields
#: sets: an assignment and a save's taking of the changes never interleave.
_guard = threading.RLock()

#: The changed fields of an object with none. The changed-fields set is
#: replaced, never changed in place: most objects never change, and an
#: empty set each would cost a loaded walk 216 bytes an object.
_UNCHANGED: frozenset[str] = frozenset()


class Origin:
    """Where a group of models came from: shared by every model of one load."""

    __slots__ = ("session", "cohort")

    def __init__(self, session: Session, cohort: ModelList[Any] | None = None) -> None:
        self.session: Session = session
        self.cohort: ModelList[Any] | None = cohort


class Taken:
    """The changes a save took: the fields, and ``data`` as last synced."""

    __slots__ = ("fields", "data_snapshot")

    def __init__(self, fields: set[str], data_snapshot: str | None) -> None:
        self.fields: set[str] = fields
        self.data_snapshot: str | None = data_snapshot


class InstanceState:
    """The ORM's record of one object.

    - ``origin``: its session and the list (cohort) it was loaded with;
    - ``related``: its loaded relations, by name (None: none loaded);
    - ``dirty``: the fields assigned since the last load or save (a
      frozen set, replaced on each change: a reader holds a consistent one);
      ``data_snapshot``: ``data`` as last loaded or sent (its JSON), to
      send only the keys that changed; ``sent``: the dict and list fields as
      the last save took them (an edit made inside one while it was in
      flight is seen against it);
    - ``partial``: some fields are not loaded (they load on first read);
      ``deleted``: the server deleted it;
    - ``parents``: the ids of the parents it was read under (a budget
      entry's ``project_id``), for its paths when the parents are not loaded.
    """

    __slots__ = ("origin", "related", "dirty", "data_snapshot", "sent", "partial", "deleted", "parents", "_lock")

    def __init__(self, origin: Origin | None = None, data: Any = None, partial: bool = False) -> None:
        self.origin: Origin | None = origin
        self.related: dict[str, Any] | None = None
        self.dirty: frozenset[str] = _UNCHANGED
        self.data_snapshot: str | None = json.dumps(data) if data else None
        self.sent: dict[str, str] | None = None
        self.partial: bool = partial
        self.deleted: bool = False
        self.parents: dict[str, str] | None = None
        self._lock: threading.RLock | None = None

    @property
    def lock(self) -> threading.RLock:
        """The object's re-entrant lock, made on first use."""
        lock = self._lock
        if lock is None:
            with _guard:
                lock = self._lock
                if lock is None:
                    lock = self._lock = threading.RLock()
        return lock

    def relations(self) -> dict[str, Any]:
        """The loaded relations' cache, made on first use (one per object,
        whichever thread asks first)."""
        cache = self.related
        if cache is None:
            with _guard:
                cache = self.related
                if cache is None:
                    cache = self.related = {}
        return cache

    def forget_relations(self) -> list[str]:
        """Drop the loaded relations; returns the names that were loaded."""
        names = list(self.related or ())
        self.related = None
        return names

    def remember_parents(self, ids: dict[str, str]) -> None:
        """Keep the ids of the parents the object was read under (with those kept before)."""
        self.parents = {**(self.parents or {}), **ids}

    # ------------------------------------------------------------ changes
    def mark_changed(self, name: str) -> None:
        """``name`` was assigned: a save sends it."""
        with _guard:
            self.dirty = self.dirty | {name}

    def mark_unchanged(self, name: str) -> None:
        """``name`` was sent on its own (outside a save): no change to send."""
        with _guard:
            self.dirty = self.dirty - {name}

    def data_diff(self, obj: KitsuModel) -> tuple[dict[str, Any], list[str]]:
        """The keys of ``obj.data`` set or changed since the last load or
        save, and those removed."""
        current = obj.__dict__.get("data")
        before = json.loads(self.data_snapshot) if self.data_snapshot else {}
        if not isinstance(current, dict):
            return {}, []
        changed = {key: value for key, value in current.items() if key not in before or before[key] != value}
        return changed, [key for key in before if key not in current]

    def changes(self, obj: KitsuModel) -> dict[str, Any]:
        """The JSON of what changed: assigned fields, and of ``data`` only
        the keys whose values changed."""
        values = obj.model_dump(mode="json", include=set(self.dirty) - {"data"})
        data_changes = self.data_diff(obj)[0]
        if data_changes:
            values["data"] = data_changes
        elif self.data_cleared(obj):
            values["data"] = None
        return values

    def data_cleared(self, obj: KitsuModel) -> bool:
        """Whether ``data``, loaded with keys, was assigned None (the only
        value not a dict its field accepts)."""
        return "data" in self.dirty and bool(self.data_snapshot) and not isinstance(obj.__dict__.get("data"), dict)

    def take_changes(self, obj: KitsuModel) -> tuple[dict[str, Any], list[str], Taken]:
        """What a save sends (as :meth:`changes`), the ``data`` keys removed,
        and a token for :meth:`restore_changes`. In one step the taken
        fields stop being changes: an assignment made while the save is in
        flight stays one, and the save's answer does not overwrite it."""
        with _guard:
            names = set(self.dirty)
            sent = obj.model_dump(mode="json", include=names - {"data"})
            data_changes, removed = self.data_diff(obj)
            if data_changes:
                sent["data"] = data_changes
            taken = Taken(names, self.data_snapshot)
            self.dirty = self.dirty - names
            self.snapshot_data(obj)
            self.sent = {
                name: json.dumps(value, default=str) for name, value in obj.__dict__.items()
                if name != "data" and isinstance(value, (dict, list))
            }
        return sent, removed, taken

    def restore_changes(self, taken: Taken) -> None:
        """A save failed: what it took is to be sent again."""
        with _guard:
            self.dirty = self.dirty | taken.fields
            self.data_snapshot = taken.data_snapshot

    def snapshot_data(self, obj: KitsuModel) -> None:
        """``obj.data`` as it is now is what the server has."""
        data = obj.__dict__.get("data")
        self.data_snapshot = json.dumps(data) if data else None

    def mark_synced(self, obj: KitsuModel) -> None:
        """Forget local changes: the object now matches the server."""
        self.dirty = _UNCHANGED
        self.snapshot_data(obj)


def loaded(obj: KitsuModel, origin: Origin, data: Any, partial: bool) -> None:
    """Give a model just built from a row its state: ``origin`` alone when
    there is nothing else to keep (no ``data`` to watch, a whole row)."""
    _set(obj, "_kitsu_state", InstanceState(origin, data, partial) if data or partial else origin)


def _held(obj: KitsuModel) -> InstanceState | Origin | None:
    try:
        held: InstanceState | Origin | None = _get(obj, "_kitsu_state")
    except AttributeError:  # built outside the ORM's paths (pydantic's model_validate, a copy)
        return None
    return held


def peek(obj: KitsuModel) -> InstanceState | None:
    """``obj``'s own state if it has one (None: untouched since loaded)."""
    held = _held(obj)
    return held if type(held) is InstanceState else None


def origin_of(obj: KitsuModel) -> Origin | None:
    """Where ``obj`` was loaded from (None: a new object of no session)."""
    held = _held(obj)
    return held.origin if type(held) is InstanceState else held  # type: ignore[return-value]


def rebind(obj: KitsuModel, origin: Origin) -> None:
    """``obj`` now belongs to the load ``origin`` (its cohort)."""
    held = _held(obj)
    if type(held) is InstanceState:
        held.origin = origin
    else:
        _set(obj, "_kitsu_state", origin)


def state_of(obj: KitsuModel) -> InstanceState:
    """``obj``'s state, made on first use: from its load's origin (its
    ``data`` was empty then: nothing to snapshot), or empty for an object
    built outside the ORM's paths."""
    held = _held(obj)
    if type(held) is InstanceState:
        return held
    with _guard:
        held = _held(obj)
        if type(held) is InstanceState:
            return held
        state = InstanceState(held)  # type: ignore[arg-type]
        _set(obj, "_kitsu_state", state)
        return state


#: A slot read without pydantic's ``__getattr__`` fallback (an unset one
#: raises AttributeError at once), and a slot set past pydantic's checks.
_get = object.__getattribute__
_set = object.__setattr__
