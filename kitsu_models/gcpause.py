"""Pausing the cyclic garbage collector over bulk loads.

Parsing and materialising thousands of rows allocates containers that
trigger collection after collection, each scanning everything loaded so
far, although nothing in a load is garbage (``bench/gc_pause.py`` measures
what the pause buys). The collector is process-wide state: while any thread
is inside a bulk load it is paused for every thread, and it comes back when
the last load ends, if it was on when the first began.

A program that must not have it paused (inside a DCC, a long-running
service) opts out: ``kitsu_models.gcpause.enabled = False``, or
``KITSU_MODELS_PAUSE_GC=0`` in the environment.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

#: Whether bulk loads pause the collector (read at each load).
enabled: bool = os.environ.get("KITSU_MODELS_PAUSE_GC", "1") != "0"

_lock = threading.Lock()
_loads = 0  # bulk loads in progress, in all threads
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector over a bulk load (nested and
    concurrent loads share one pause)."""
    global _loads, _was_enabled
    if not enabled:
        yield
        return
    with _lock:
        if _loads == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _loads += 1
    try:
        yield
    finally:
        with _lock:
            _loads -= 1
            if _loads == 0 and _was_enabled:
                gc.enable()
