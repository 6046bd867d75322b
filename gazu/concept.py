"""``gazu.concept``: concept art, reviewed with tasks and linked to assets (all generated from its table)."""

from ._generated import concept as _generated
from ._generated.concept import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
