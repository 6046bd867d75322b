"""``gazu.casting``: casting: which assets are in which shots, episodes and sequences, and entity links.

The one-call functions are generated (``gazu/_generated/casting.py``, from
``compat/functions/casting.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import casting as _generated
from ._generated.casting import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
