"""A small thread-safe LRU of answers with their ``ETag``, for conditional reads.

Each entry keeps the answer's bytes: after a ``304 Not Modified`` they are
read again, so an unchanged list is not transferred again. Only bytes are
kept, never what a caller made of them (models belong to their session).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass


@dataclass(frozen=True)
class CachedAnswer:
    """An answer's ``ETag`` and bytes."""

    etag: str
    body: bytes


class EtagCache:
    """Keeps the last ``size`` answers that carried an ``ETag``."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, CachedAnswer] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> CachedAnswer | None:
        """The answer kept for ``key``, if any (now the most recent)."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: Hashable, etag: str, body: bytes) -> CachedAnswer:
        """Keep an answer for ``key``, dropping the oldest beyond ``size``."""
        with self._lock:
            entry = self._entries[key] = CachedAnswer(etag, body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)
            return entry

    def clear(self) -> None:
        """Forget every answer."""
        with self._lock:
            self._entries.clear()
