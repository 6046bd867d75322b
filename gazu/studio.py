"""``gazu.studio``: the studios people belong to (all generated from its table)."""

from ._generated import studio as _generated
from ._generated.studio import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
