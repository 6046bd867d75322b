"""Pausing the cyclic garbage collector over bulk loads.

Parsing and materialising thousands of rows allocates containers that
trigger collection after collection, each scanning everything loaded so
far, although nothing in a load is garbage (``bench/gc_pause.py`` measures
what the pause buys). The collector is process-wide state: while any thread
builds models from rows it is paused for every thread, and it comes back
when the last build ends. Only the CPU-bound building is paused, never a
request: threads waiting on the network leave the collector running.

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
_saved: tuple[int, ...] = ()  # the thresholds before the first of them


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause automatic collection while a batch of models is built (nested
    and concurrent builds share one pause, by a counter). The pause sets
    the collector's first threshold to 0 and puts the host's thresholds
    back when the last build ends, unless the host changed them meanwhile;
    it never calls ``gc.disable``/``gc.enable``, so a host that turns the
    collector off (or on) during a build keeps its choice."""
    global _loads, _saved
    if not enabled:
        yield
        return
    with _lock:
        if _loads == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(0)
        _loads += 1
    try:
        yield
    finally:
        with _lock:
            _loads -= 1
            if _loads == 0 and gc.get_threshold()[0] == 0 and _saved:
                gc.set_threshold(*_saved)


def is_paused() -> bool:
    """Whether a build is pausing automatic collection now."""
    return _loads > 0 and gc.get_threshold()[0] == 0
