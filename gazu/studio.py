"""``gazu.studio``: the studios people belong to.

Every function is one request, generated (``gazu/_generated/studio.py``,
from ``compat/functions/studio.py``).
"""

from __future__ import annotations

from ._generated import studio as _generated
from ._generated.studio import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
