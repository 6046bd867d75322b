"""Pausing the cyclic garbage collector over bulk loads."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector over a bulk load.

    Parsing and materialising thousands of rows allocates containers that
    trigger collection after collection, each scanning everything loaded so
    far; nothing in a load is garbage. Nested pauses keep the outer state.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
