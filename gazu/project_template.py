"""``gazu.project_template``: production templates (task types, statuses,
asset types, status automations, preview backgrounds and metadata
descriptors to give new productions) and applying them.

Every function is one request, generated (``gazu/_generated/project_template.py``,
from ``compat/functions/project_template.py``).
"""

from __future__ import annotations

from ._generated import project_template as _generated
from ._generated.project_template import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
