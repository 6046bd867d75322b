"""``gazu.casting``: which assets are in which shots, episodes and sequences, and entity links (generated)."""

from ._generated import casting as _generated
from ._generated.casting import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
