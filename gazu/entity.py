"""``gazu.entity``: entities of every kind, entity types, guessing an entity from a path (generated)."""

from ._generated import entity as _generated
from ._generated.entity import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
