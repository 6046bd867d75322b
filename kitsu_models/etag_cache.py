"""A small thread-safe LRU of answers with their ``ETag``, for conditional reads.

Each entry keeps the answer's bytes and, per decoder, what they were decoded
into (models): after a ``304 Not Modified`` the decoded value is reused as is,
so an unchanged list is neither transferred nor parsed again.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class CachedAnswer:
    """An answer's ``ETag`` and bytes, and what decoders made of them."""

    etag: str
    body: bytes
    decoded: dict[Hashable, Any] = field(default_factory=dict)


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
