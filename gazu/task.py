"""``gazu.task``: tasks, their types and statuses, assignments, time spent, comments and previews.

The one-call functions are generated (``gazu/_generated/task.py``, from
``compat/functions/task.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import task as _generated
from ._generated.task import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
