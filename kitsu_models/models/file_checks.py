"""Checks of the arguments of the file models and their operations, made
before any request: each returns the value checked, or raises
:class:`~kitsu_models.errors.InvalidArgumentError`."""

from __future__ import annotations

from typing import Any

from .. import errors
from .base import KitsuModel

#: Column sizes of the server (longer values fail in the database).
NAME_MAX = 250
REPRESENTATION_MAX = 20
EXTENSION_MAX = 10


def checked_id(value: Any, what: str) -> str:
    """``value`` as the id of a ``what`` (a UUID string)."""
    from ..repository import check_id

    return check_id(value, f"{what} id")


def id_of(obj: KitsuModel, what: str) -> str:
    """The id of ``obj``, a ``what`` that must have been saved."""
    return checked_id(obj.id, what)


def model_ref(value: Any, model: type[KitsuModel], what: str) -> str:
    """The id of ``value``, a ``model`` object (not deleted) or an id string."""
    if isinstance(value, KitsuModel):
        if not isinstance(value, model):
            raise errors.InvalidArgumentError(
                f"{what} must be a {model.__name__} or its id, got a {type(value).__name__}"
            )
        value._check_alive()
    return checked_id(value, what)


def checked_text(value: Any, what: str, *, max_length: int | None = None, empty: bool = True) -> str:
    """``value`` as a string of at most ``max_length`` characters (and not
    empty unless ``empty``)."""
    if not isinstance(value, str):
        raise errors.InvalidArgumentError(f"{what} must be a string, got {value!r}")
    if not empty and not value:
        raise errors.InvalidArgumentError(f"{what} must not be empty")
    if max_length is not None and len(value) > max_length:
        raise errors.InvalidArgumentError(f"{what} is limited to {max_length} characters, got {len(value)}")
    return value


def positive_int(value: Any, what: str) -> int:
    """``value`` as an integer >= 1 (a count)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.InvalidArgumentError(f"{what} must be a positive integer, got {value!r}")
    return value


def checked_revision(value: Any) -> int:
    """``value`` as a revision number given explicitly (an integer >= 1)."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.InvalidArgumentError(
            f"revision must be a positive integer (or None: the server picks the next one), got {value!r}"
        )
    return value
