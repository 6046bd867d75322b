"""``gazu.scene``: scenes of sequences, their asset instances and the shots made from them (generated)."""

from ._generated import scene as _generated
from ._generated.scene import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
