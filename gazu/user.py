"""``gazu.user``: the logged-in user's own views: productions, tasks, filters, notifications, chats, time spent.

The one-call functions are generated (``gazu/_generated/user.py``, from
``compat/functions/user.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import user as _generated
from ._generated.user import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
