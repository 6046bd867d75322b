"""``gazu.files``: working files, output files, output types, softwares, file statuses, previews and avatars on disk.

The one-call functions are generated (``gazu/_generated/files.py``, from
``compat/functions/files.py``); those below need code of their own.
"""

from __future__ import annotations

from ._generated import files as _generated
from ._generated.files import *  # noqa: F403 (the one-call functions)

__all__: list[str] = []
__all__ += _generated.__all__
