"""``gazu.context``: reads of everything or, with ``user_context=True``, of what the logged-in user works on
(the ``data/user/...`` routes); every list by name. All generated from its table."""

from ._generated import context as _generated
from ._generated.context import *  # noqa: F403 (the functions)

__all__: list[str] = []
__all__ += _generated.__all__
