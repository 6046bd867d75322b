"""``gazu.search``: the server's search over people, assets and shots (generated from its table)."""

from ._generated import search as _generated
from ._generated.search import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
