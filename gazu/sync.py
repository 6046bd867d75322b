"""``gazu.sync``: moving a production's data between two Kitsu servers, and the event log.

The one-call functions are generated (``gazu/_generated/sync.py``, from
``compat/functions/sync.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import sync as _generated
from ._generated.sync import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
