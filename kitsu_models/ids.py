"""Ids: the one way an id enters a request.

Kitsu ids are UUIDs in their canonical form (``8-4-4-4-12`` hex digits with
dashes). :func:`id_of` accepts what callers hold (an id string, a dict with
an ``"id"``, a model) and returns the id only when it is canonical, so no
value can smuggle a dot segment, a query string or another route's name
into a URL path (:func:`kitsu_models.routes.path` builds every path with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from . import errors

#: Ids per "any of" filter: keeps the request line under the server's
#: limit (gunicorn refuses lines over 4 KB; 100 ids fail, 50 pass).
ID_CHUNK = 50

#: Canonical UUID text; ``\Z`` (not ``$``) so a trailing newline is refused.
_CANONICAL_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z")


def is_id(value: object) -> bool:
    """True when ``value`` is a string holding a canonical UUID."""
    return isinstance(value, str) and _CANONICAL_UUID.match(value) is not None


def id_of(value: Any, model: type[Any] | None = None, what: str | None = None) -> str:
    """The id held by ``value``: an id string, a dict with an ``"id"``, or
    a model object (of class ``model`` when given, and not deleted).

    Raises :class:`~kitsu_models.errors.InvalidArgumentError` (also a
    ``ValueError``) before any request when there is no canonical UUID.
    ``what`` names the argument in the message (default: the model's name).
    """
    label = what or (f"{model.__name__} id" if model is not None else "id")
    held = _held(value, model, label)
    if not is_id(held):
        raise errors.InvalidArgumentError(f"{label} must be a Kitsu id (UUID), got {_excerpt(held)}")
    return str(held)


def _held(value: Any, model: type[Any] | None, label: str) -> Any:
    """What ``value`` holds as its id: itself, a dict's ``"id"``, a model's."""
    if isinstance(value, Mapping):
        return value.get("id")
    if not isinstance(value, str) and hasattr(type(value), "model_fields"):
        if model is not None and not isinstance(value, model):
            raise errors.InvalidArgumentError(f"{label}: expected a {model.__name__} or its id, got a {type(value).__name__}")
        if getattr(value, "is_deleted", False):
            raise errors.DeletedObjectError(f"{type(value).__name__} {value.id} was deleted")
        return value.id
    return value


#: What gazu's drop-in takes as an id: one path segment of letters, digits,
#: ``-`` and ``_`` (mocked tests use ids like ``"project-01"``).
_SEGMENT_ID = re.compile(r"[A-Za-z0-9_-]{1,100}\Z")


def segment_of(value: Any, what: str | None = None) -> str:
    """As :func:`id_of`, but any single path segment of letters, digits,
    ``-`` and ``_`` (at most 100) is taken, not only a UUID: what gazu's
    drop-in accepts. ``/``, ``.``, ``%``, ``?``, ``#``, spaces, control
    characters and the empty string are refused before any request."""
    label = what or "id"
    held = _held(value, None, label)
    if not isinstance(held, str) or not _SEGMENT_ID.match(held):
        raise errors.InvalidArgumentError(f"{label} must be an id (letters, digits, '-', '_'), got {_excerpt(held)}")
    return held


def _excerpt(value: object, limit: int = 80) -> str:
    """``repr(value)``, cut to ``limit`` characters (huge inputs stay readable)."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def chunks(items: Sequence[str], size: int = ID_CHUNK) -> Iterator[Sequence[str]]:
    """``items`` in runs of at most ``size`` (ids per request)."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
