"""``Late``: a public gazu module looked up when a function of it is used (see the class)."""

from __future__ import annotations

import sys
from typing import Any


class Late:
    """A public gazu module read when its attribute is used, not when imported:
    the table-made functions call their own module's others through it, so a
    test that patches ``gazu.shot.get_shot_by_name`` reaches
    ``gazu.shot.new_shot``, as in 1.3.1 (with no import cycle: this module
    imports no other of gazu's, so ``gazu.client``'s table can use it too)."""

    __slots__ = ("_name",)

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attribute: str) -> Any:
        return getattr(sys.modules[self._name], attribute)
