"""``gazu.edit``: edits (cuts made of shots) and their previews (all generated from its table)."""

from ._generated import edit as _generated
from ._generated.edit import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
