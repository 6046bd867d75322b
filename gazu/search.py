"""``gazu.search``: the server's search over people, assets and shots.

Its one function is one request, generated (``gazu/_generated/search.py``,
from ``compat/functions/search.py``).
"""

from __future__ import annotations

from ._generated import search as _generated
from ._generated.search import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
