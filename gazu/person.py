"""``gazu.person``: people, departments, organisations, day-offs, time spent and presence.

The one-call functions are generated (``gazu/_generated/person.py``, from
``compat/functions/person.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import person as _generated
from ._generated.person import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
