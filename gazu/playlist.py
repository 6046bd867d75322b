"""``gazu.playlist``: review playlists, their entries, builds and share links.

The one-call functions are generated (``gazu/_generated/playlist.py``, from
``compat/functions/playlist.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import playlist as _generated
from ._generated.playlist import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
