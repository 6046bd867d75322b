"""How long to wait for the server, and when and how to try again."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from datetime import datetime, timezone

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True)
class Timeout:
    """Seconds to wait for a connection, between two reads of the answer,
    and for the whole answer of an API call (``total``, at least ``read``).

    Every request gets all three, so no request can hang forever: a server
    trickling its answer byte by byte is cut at ``total``. Downloads, whose
    size has no bound, are held to ``read`` between chunks only.
    """

    connect: float = 5.0
    read: float = 60.0
    total: float = 300.0

    def as_requests(self) -> tuple[float, float]:
        """(connect, read) as requests takes its timeout."""
        return (self.connect, self.read)

    def deadline(self) -> float:
        """The ``time.monotonic()`` by which an answer read from now must end."""
        return time.monotonic() + max(self.total, self.read)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff and jitter.

    Idempotent requests are tried again after a connection error, a timeout or
    one of ``statuses``; other methods (POST) only when the connection could
    not be made at all, since the server then never saw them. A
    ``Retry-After`` header is honoured, up to ``max_retry_after`` seconds.

    The delay before retry *n* is drawn between half and all of
    ``min(max_backoff, backoff * 2**(n-1))`` ("equal jitter": spread, yet
    never near zero), and retries stop after ``attempts`` tries or once
    ``max_elapsed`` seconds have passed. The defaults ride through a server
    restart of about 15 seconds (the delays add up to at least 15.9 s).
    """

    attempts: int = 12
    backoff: float = 0.25
    max_backoff: float = 4.0
    max_elapsed: float = 60.0
    max_retry_after: float = 60.0
    statuses: frozenset[int] = field(default=frozenset({429, 502, 503, 504}))
    methods: frozenset[str] = IDEMPOTENT_METHODS

    def __post_init__(self) -> None:
        if self.attempts < 1:
            raise ValueError("RetryPolicy.attempts must be at least 1")

    def may_retry_status(self, method: str, status: int) -> bool:
        """Whether an answer with ``status`` to ``method`` is worth another try."""
        return method.upper() in self.methods and status in self.statuses

    def may_retry_error(self, method: str, *, request_was_sent: bool) -> bool:
        """Whether a failed exchange is worth another try: any for idempotent
        methods, only one never sent for the others (a POST)."""
        return method.upper() in self.methods or not request_was_sent

    def delay(self, retry_number: int, retry_after: float | None = None) -> float:
        """Seconds to sleep before retry ``retry_number`` (1 for the first)."""
        if retry_after is not None:
            return min(max(retry_after, 0.0), self.max_retry_after)
        ceiling = min(self.max_backoff, self.backoff * 2 ** (retry_number - 1))
        return random.uniform(ceiling / 2, ceiling)


NO_RETRY = RetryPolicy(attempts=1)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked by a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())
