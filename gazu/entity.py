"""``gazu.entity``: entities of every kind, entity types, and guessing an entity from a file path.

The one-call functions are generated (``gazu/_generated/entity.py``, from
``compat/functions/entity.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import entity as _generated
from ._generated.entity import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
