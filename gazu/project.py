"""``gazu.project``: productions: their settings, team, metadata descriptors, budgets, milestones and quotas.

The one-call functions are generated (``gazu/_generated/project.py``, from
``compat/functions/project.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import project as _generated
from ._generated.project import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
