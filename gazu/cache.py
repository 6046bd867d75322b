"""``gazu.cache``: gazu's opt-in memo of read functions, off by default: ``enable()``, ``disable()``,
``clear_all()``, and on each cached function gazu's ``clear_cache``, ``set_cache_expire``... (300 entries,
120 seconds; 0: never expire). The helpers (``get_cache_key``...) are gazu's, on stores of the same shape.

Beyond gazu: when every read behind a cached answer carried an ETag, a hit revalidates them (a 304 when
nothing changed) instead of trusting the answer for ``expire`` seconds, so it is never stale. Every value
handed out is a copy: mutating one never changes what a later call returns."""

from __future__ import annotations

import copy
import datetime
import functools
import hashlib
import json
import threading
from collections.abc import Callable, Mapping
from typing import Any, Generic, TypeVar

from typing_extensions import ParamSpec

from kitsu_models.orm.base import KitsuModel

from ._calls import recording_reads
from .client import KitsuClient

P = ParamSpec("P")
R = TypeVar("R")

cache_settings = {"enabled": False}
cached_functions: list[CachedFunction[..., Any]] = []


def enable() -> bool:
    cache_settings["enabled"] = True
    return True


def disable() -> bool:
    cache_settings["enabled"] = False
    return False


def clear_all() -> None:
    for function in list(cached_functions):
        function.clear_cache()


def remove_oldest_entry(memo: dict[Any, Any], maxsize: int) -> Any:
    """Drop the least recently stored entry when ``memo`` holds more than ``maxsize``; returns its key or None."""
    if maxsize > 0 and len(memo) > maxsize:
        oldest = min(memo, key=lambda key: memo[key]["date_accessed"])
        memo.pop(oldest)
        return oldest
    return None


def get_cache_key(args: Any, kwargs: Any) -> str:
    """A call's key: its arguments as JSON (clients by host and token, models by id)."""
    values = [_key_part(value) for value in args]
    named = {name: _key_part(value) for name, value in sorted(dict(kwargs).items())}
    if not values and not named:
        return ""
    return json.dumps(values if not named else named if not values else [values, named], default=str)


def insert_value(function: Callable[..., Any], cache_store: dict[Any, Any], args: Any, kwargs: Any) -> Any:
    """Call ``function``, store its value under the call's key; returns a copy."""
    key = get_cache_key(args, kwargs)
    cache_store[key] = {"date_accessed": datetime.datetime.now(), "value": function(*args, **kwargs)}
    return get_value(cache_store, key)


def get_value(cache_store: Mapping[Any, Any], key: Any) -> Any:
    """A copy of the value stored under ``key``."""
    return copy.deepcopy(cache_store[key]["value"])


def is_cache_enabled(state: Mapping[str, Any]) -> bool:
    return bool(cache_settings["enabled"] and state["enabled"])


def is_cache_expired(memo: Mapping[Any, Any], state: Mapping[str, Any], key: Any) -> bool:
    """Whether the entry ``key`` is older than the state's ``expire`` (0: never)."""
    expire = state["expire"]
    return bool(expire > 0 and memo[key]["date_accessed"] + datetime.timedelta(seconds=expire) < datetime.datetime.now())


class CachedFunction(Generic[P, R]):
    """A gazu read function with its memo (see the module's docstring)."""

    def __init__(self, function: Callable[P, R], maxsize: int = 300, expire: float = 120) -> None:
        functools.update_wrapper(self, function)
        self._function = function
        self._store: dict[str, dict[str, Any]] = {}
        self._lock = threading.Lock()
        self._state: dict[str, Any] = {"enabled": True, "expire": expire, "maxsize": maxsize}
        self._stats = {"hits": 0, "misses": 0, "expired_hits": 0, "revalidated_hits": 0}
        cached_functions.append(self)

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R:
        if not is_cache_enabled(self._state):
            return self._function(*args, **kwargs)
        key = get_cache_key(args, kwargs)
        with self._lock:
            entry = self._store.get(key)
            if entry is not None and not entry["revalidate"] and not is_cache_expired(self._store, self._state, key):
                self._stats["hits"] += 1
                return get_value(self._store, key)  # type: ignore[no-any-return]
            counter = "misses" if entry is None else "revalidated_hits" if entry["revalidate"] else "expired_hits"
            self._stats[counter] += 1
        with recording_reads() as reads:
            value = self._function(*args, **kwargs)
        revalidate = bool(reads) and all(client.kitsu.transport.revalidates(route, params) for client, route, params in reads)
        with self._lock:
            self._store.pop(key, None)
            self._store[key] = {"date_accessed": datetime.datetime.now(), "value": copy.deepcopy(value),
                                "revalidate": revalidate}
            while remove_oldest_entry(self._store, max(self._state["maxsize"], 0)) is not None:
                pass
        return value

    def clear_cache(self) -> None:
        """Forget the stored answers and the counts of hits and misses (as ``functools.lru_cache``'s clear)."""
        with self._lock:
            self._store.clear()
            self._stats = dict.fromkeys(self._stats, 0)

    def set_cache_expire(self, new_expire: float) -> None:
        self._state["expire"] = new_expire

    set_expire = set_cache_expire

    def set_cache_max_size(self, maxsize: int) -> None:
        with self._lock:
            self._state["maxsize"] = maxsize
            while remove_oldest_entry(self._store, max(maxsize, 0)) is not None:
                pass

    def enable_cache(self) -> None:
        self._state["enabled"] = True

    def disable_cache(self) -> None:
        self._state["enabled"] = False

    def get_cache_infos(self) -> dict[str, Any]:
        with self._lock:
            return {**self._state, **self._stats, "current_size": len(self._store)}


def cache(function: Callable[P, R], maxsize: int = 300, expire: float = 120) -> CachedFunction[P, R]:
    """Give ``function`` gazu's memo."""
    return CachedFunction(function, maxsize, expire)


def _key_part(value: Any) -> Any:
    """An argument as JSON: a client by host and token hash (users never share an entry), a model by its id."""
    if isinstance(value, KitsuClient):
        token = value.access_token
        return [value.host, hashlib.sha256(token.encode()).hexdigest() if token else None, id(value)]
    if isinstance(value, KitsuModel):
        return [type(value).__name__, value.id]
    return value


__all__ = [
    "CachedFunction", "cache", "cache_settings", "cached_functions", "clear_all", "disable", "enable",
    "get_cache_key", "get_value", "insert_value", "is_cache_enabled", "is_cache_expired", "remove_oldest_entry",
]
