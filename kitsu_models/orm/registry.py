"""The model registry: every model class, by name, filled as classes are
defined (as SQLAlchemy's declarative registry is).

Modules that serve several models (file operations, publishing) reach the
classes through it instead of importing the model modules, so no import
order between the model modules matters::

    OUTPUT_FILE: ModelRef[OutputFile] = ModelRef("OutputFile")
    OUTPUT_FILE()          # the class, once defined
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast

if TYPE_CHECKING:
    from .base import KitsuModel

M = TypeVar("M", bound="KitsuModel")

_classes: dict[str, type[Any]] = {}


def register(cls: type[KitsuModel]) -> None:
    """Record ``cls`` under its name (called for every model class defined)."""
    _classes[cls.__name__] = cls


def model_class(name: str) -> type[KitsuModel]:
    """The model class called ``name``; KeyError names what is known."""
    try:
        return _classes[name]
    except KeyError:
        raise KeyError(f"no model class {name!r} is defined (known: {', '.join(sorted(_classes))})") from None


def find(name: str | None) -> type[KitsuModel] | None:
    """The model class called ``name``, or None when none is defined (the
    route catalogue names some models the SDK does not type yet)."""
    return _classes.get(name) if name else None


class ModelRef(Generic[M]):
    """A typed reference to a model class by name, resolved on call."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name: str = name

    def __call__(self) -> type[M]:
        return cast("type[M]", model_class(self.name))
