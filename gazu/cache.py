"""``gazu.cache``: gazu's opt-in memo of read functions, off by default.

``enable()`` turns it on for every cached function (the routes table marks
them), ``disable()`` off, ``clear_all()`` empties it. Each cached function
also has ``clear_cache``, ``set_cache_expire`` (alias ``set_expire``),
``set_cache_max_size``, ``enable_cache``, ``disable_cache`` and
``get_cache_infos``; defaults as gazu's: 300 entries, 120 seconds (0: never
expire).

Beyond gazu: when every read behind a cached answer carried an ETag, a hit
revalidates those reads (``If-None-Match``, a 304 without a body when
nothing changed) instead of trusting the answer for ``expire`` seconds, so
it is never stale. Answers of routes without ETags are trusted until they
expire, as in gazu. Every value handed out is a copy: mutating one never
changes what a later call returns.
"""

from __future__ import annotations

import copy
import functools
import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from typing_extensions import ParamSpec

from kitsu_models.orm.base import KitsuModel

from ._calls import recording_reads
from .client import KitsuClient

P = ParamSpec("P")
R = TypeVar("R")

_settings = {"enabled": False}
_cached: list[CachedFunction[..., Any]] = []


def enable() -> bool:
    _settings["enabled"] = True
    return True


def disable() -> bool:
    _settings["enabled"] = False
    return False


def clear_all() -> None:
    for function in list(_cached):
        function.clear_cache()


@dataclass
class _Entry:
    value: Any
    stored_at: float
    revalidate: bool


class CachedFunction(Generic[P, R]):
    """A gazu read function with its memo (see the module's docstring)."""

    def __init__(self, function: Callable[P, R], maxsize: int = 300, expire: float = 120) -> None:
        functools.update_wrapper(self, function)
        self._function = function
        self._store: OrderedDict[tuple[Any, ...], _Entry] = OrderedDict()
        self._lock = threading.Lock()
        self._enabled = True
        self._expire = expire
        self._maxsize = maxsize
        self._stats = {"hits": 0, "misses": 0, "expired_hits": 0, "revalidated_hits": 0}
        _cached.append(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if not (_settings["enabled"] and self._enabled):
            return self._function(*args, **kwargs)
        key = _key(args, kwargs)
        with self._lock:
            entry = self._store.get(key)
            if entry is not None and not entry.revalidate and not self._expired(entry):
                self._stats["hits"] += 1
                return copy.deepcopy(entry.value)  # type: ignore[no-any-return]
            counter = "misses" if entry is None else "revalidated_hits" if entry.revalidate else "expired_hits"
            self._stats[counter] += 1
        with recording_reads() as reads:
            value = self._function(*args, **kwargs)
        revalidate = bool(reads) and all(client.kitsu.transport.revalidates(route, params) for client, route, params in reads)
        with self._lock:
            self._store[key] = _Entry(copy.deepcopy(value), time.monotonic(), revalidate)
            self._store.move_to_end(key)
            self._trim()
        return value

    def _trim(self) -> None:
        """Drop the oldest entries past ``maxsize`` (the lock held)."""
        while len(self._store) > max(self._maxsize, 0):
            self._store.popitem(last=False)

    def _expired(self, entry: _Entry) -> bool:
        return self._expire > 0 and time.monotonic() - entry.stored_at > self._expire

    def clear_cache(self) -> None:
        with self._lock:
            self._store.clear()

    def set_cache_expire(self, new_expire: float) -> None:
        self._expire = new_expire

    set_expire = set_cache_expire

    def set_cache_max_size(self, maxsize: int) -> None:
        with self._lock:
            self._maxsize = maxsize
            self._trim()

    def enable_cache(self) -> None:
        self._enabled = True

    def disable_cache(self) -> None:
        self._enabled = False

    def get_cache_infos(self) -> dict[str, Any]:
        with self._lock:
            return {
                "enabled": self._enabled, "expire": self._expire, "maxsize": self._maxsize, **self._stats,
                "current_size": len(self._store),
            }


def cache(function: Callable[P, R], maxsize: int = 300, expire: float = 120) -> CachedFunction[P, R]:
    """Give ``function`` gazu's memo."""
    return CachedFunction(function, maxsize, expire)


def _key(args: tuple[Any, ...], kwargs: Mapping[str, Any]) -> tuple[Any, ...]:
    """A hashable key for a call: clients by identity, records by content."""
    return tuple(_key_part(value) for value in args) + tuple((name, _key_part(value)) for name, value in sorted(kwargs.items()))


def _key_part(value: Any) -> Any:
    if isinstance(value, KitsuClient):
        return ("client", id(value))
    if isinstance(value, KitsuModel):
        return (type(value).__name__, value.id)
    if isinstance(value, (Mapping, list, tuple)):
        return json.dumps(value, sort_keys=True, default=str)
    return value


__all__ = ["CachedFunction", "cache", "clear_all", "disable", "enable"]
