"""One re-entrant lock per model object, made on first use: held by the SDK
while it takes an object's changes to save them, sends them and merges the
answer, and while it merges new rows into a loaded object. A thread that
edits a shared object holds it for its read-modify-write (``obj.lock``)."""

from __future__ import annotations

import threading
from typing import Any

_creating = threading.Lock()


def lock_of(obj: Any) -> threading.RLock:
    """The lock of ``obj`` (kept in its ``_kitsu_lock`` slot)."""
    lock: threading.RLock | None = getattr(obj, "_kitsu_lock", None)
    if lock is None:
        with _creating:
            lock = getattr(obj, "_kitsu_lock", None)
            if lock is None:
                lock = threading.RLock()
                object.__setattr__(obj, "_kitsu_lock", lock)
    return lock
