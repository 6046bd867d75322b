"""``gazu.shot``: episodes, sequences and shots, their asset instances, and importing shots from CSV or OTIO.

The one-call functions are generated (``gazu/_generated/shot.py``, from
``compat/functions/shot.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import shot as _generated
from ._generated.shot import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
