"""Fixtures of the unit tests: every HTTP call is answered by ``responses``
(nothing leaves the process), and the transports never really sleep."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import responses

from kitsu_models.policy import RetryPolicy, Timeout
from kitsu_models.session import Kitsu
from kitsu_models.transport import Transport

#: The API root of the fake server (behind nginx, so with the /api prefix).
API = "https://kitsu.test/api/"


def record_sleeps(transport: Transport) -> list[float]:
    """Replace the transport's sleep by a recorder: retries become instant,
    and the returned list tells every delay the transport asked for."""
    delays: list[float] = []
    transport._sleep = delays.append  # type: ignore[assignment]
    return delays


@pytest.fixture
def mocked() -> Iterator[responses.RequestsMock]:
    """``responses`` active for the test; an unmatched request fails it."""
    with responses.RequestsMock(assert_all_requests_are_fired=False) as rsps:
        yield rsps


@pytest.fixture
def transport() -> Iterator[Transport]:
    """An anonymous transport on the fake API, with instant retries."""
    t = Transport(API, timeout=Timeout(connect=3.0, read=7.0), retry=RetryPolicy(attempts=4, backoff=0.5))
    record_sleeps(t)
    yield t
    t.close()


@pytest.fixture
def kitsu() -> Iterator[Kitsu]:
    """An anonymous session on the fake API, with instant retries."""
    k = Kitsu(API, timeout=Timeout(connect=3.0, read=7.0), retry=RetryPolicy(attempts=4, backoff=0.5))
    record_sleeps(k.transport)
    yield k
    k.close()
