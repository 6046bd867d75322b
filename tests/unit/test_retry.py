"""Bounded retries with jittered exponential backoff: which methods, which
statuses, which failures, how long to wait, and how many attempts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path

import pytest
import requests
import responses
import urllib3

from kitsu_models import errors
from kitsu_models.credentials import Tokens
from kitsu_models.policy import IDEMPOTENT_METHODS, NO_RETRY, RetryPolicy, parse_retry_after
from kitsu_models.transport import Transport

from .conftest import API, record_sleeps

URL = API + "data/projects"
RETRY_STATUSES = [429, 502, 503, 504]


def _refused() -> requests.exceptions.ConnectionError:
    """What requests raises when nothing listens on the port."""
    pool = urllib3.HTTPSConnectionPool("kitsu.test", 443)
    reason = urllib3.exceptions.NewConnectionError(
        urllib3.connection.HTTPSConnection("kitsu.test", 443), "Failed to establish a new connection: [Errno 111] Connection refused"
    )
    return requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(pool, "/api/data/projects", reason))


def _connection_lost() -> requests.exceptions.ConnectionError:
    """What requests raises when the server drops the connection mid-answer."""
    return requests.exceptions.ConnectionError(
        urllib3.exceptions.ProtocolError("Connection aborted.", ConnectionResetError(104, "Connection reset by peer"))
    )


def _make(policy: RetryPolicy) -> tuple[Transport, list[float]]:
    """A transport to a server that has answered it before: the retry
    window is for a server that went away (one never reached fails at once,
    test_hardening)."""
    transport = Transport(API, retry=policy, tokens=Tokens.from_strings("access"))
    transport.reached = True
    return transport, record_sleeps(transport)


def _assert_backoff(delays: list[float], backoff: float) -> None:
    for n, delay in enumerate(delays, start=1):
        assert 0.0 <= delay <= backoff * 2 ** (n - 1), (n, delay)


# ------------------------------------------------------------ the policy
def test_delay_is_full_jitter_under_an_exponential_ceiling() -> None:
    policy = RetryPolicy(backoff=0.5, max_backoff=100.0)
    for n in range(1, 7):
        draws = [policy.delay(n) for _ in range(200)]
        assert all(0.0 <= d <= 0.5 * 2 ** (n - 1) for d in draws)
        assert len(set(draws)) > 1  # jittered, not a fixed delay


def test_delay_is_capped_by_max_backoff() -> None:
    policy = RetryPolicy(backoff=1.0, max_backoff=3.0)
    assert max(policy.delay(10) for _ in range(200)) <= 3.0


def test_delay_equals_retry_after_up_to_its_cap() -> None:
    policy = RetryPolicy(max_retry_after=30.0)
    assert policy.delay(1, 7.0) == 7.0
    assert policy.delay(3, 0.0) == 0.0
    assert policy.delay(1, 3600.0) == 30.0
    assert policy.delay(1, -5.0) == 0.0


def test_parse_retry_after_seconds_and_http_date() -> None:
    now = datetime(2030, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(" 3 ") == 3.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=42), usegmt=True), now=now) == 42.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=42), usegmt=True), now=now) == 0.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("") is None
    assert parse_retry_after("soon") is None


def test_policy_needs_one_attempt_at_least() -> None:
    with pytest.raises(ValueError):
        RetryPolicy(attempts=0)


def test_idempotent_methods_only() -> None:
    assert IDEMPOTENT_METHODS == {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}
    policy = RetryPolicy()
    assert policy.statuses == set(RETRY_STATUSES)
    assert not policy.may_retry_status("POST", 503)
    assert not policy.may_retry_status("PATCH", 503)
    assert policy.may_retry_status("get", 503)
    assert not policy.may_retry_status("GET", 500)


# ----------------------------------------------------- the transport: statuses
@pytest.mark.parametrize("status", RETRY_STATUSES)
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "HEAD", "OPTIONS"])
def test_idempotent_requests_are_retried_on_retryable_statuses(
    mocked: responses.RequestsMock, method: str, status: int
) -> None:
    mocked.add(method, URL, status=status)
    mocked.add(method, URL, status=status)
    mocked.add(method, URL, status=200)
    transport, delays = _make(RetryPolicy(attempts=4, backoff=0.5))
    response = transport.request(method, "data/projects")
    assert response.status == 200
    assert len(mocked.calls) == 3
    assert len(delays) == 2
    _assert_backoff(delays, 0.5)


@pytest.mark.parametrize("status", [400, 401, 403, 404, 405, 413, 422, 500, 501])
def test_other_statuses_are_not_retried(mocked: responses.RequestsMock, status: int) -> None:
    mocked.get(URL, status=status, json={"message": "no"})
    transport, delays = _make(RetryPolicy(attempts=4))
    transport.tokens = None  # no refresh on 401 either
    with pytest.raises(errors.HTTPStatusError) as caught:
        transport.get("data/projects")
    assert caught.value.status == status
    assert len(mocked.calls) == 1
    assert delays == []


@pytest.mark.parametrize("status", RETRY_STATUSES + [500])
def test_post_is_never_retried_on_a_status(mocked: responses.RequestsMock, status: int) -> None:
    mocked.post(URL, status=status)
    mocked.post(URL, json={"id": "p"})
    transport, delays = _make(RetryPolicy(attempts=4))
    with pytest.raises(errors.HTTPStatusError) as caught:
        transport.post("data/projects", {"name": "p"})
    assert caught.value.status == status
    assert len(mocked.calls) == 1
    assert delays == []


@pytest.mark.parametrize("attempts", [1, 2, 3, 5])
def test_attempt_bound_is_respected(mocked: responses.RequestsMock, attempts: int) -> None:
    mocked.get(URL, status=503, json={"message": "maintenance"})
    transport, delays = _make(RetryPolicy(attempts=attempts, backoff=0.25, max_backoff=100.0))
    with pytest.raises(errors.ServerError) as caught:
        transport.get("data/projects")
    assert caught.value.status == 503
    assert caught.value.message == "maintenance"
    assert len(mocked.calls) == attempts
    assert len(delays) == attempts - 1
    _assert_backoff(delays, 0.25)


def test_no_retry_policy_sends_once(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=503)
    transport, delays = _make(NO_RETRY)
    with pytest.raises(errors.ServerError):
        transport.get("data/projects")
    assert len(mocked.calls) == 1
    assert delays == []


def test_a_policy_given_to_one_request_overrides_the_default(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=502)
    transport, delays = _make(RetryPolicy(attempts=5))
    with pytest.raises(errors.ServerError):
        transport.request("GET", "data/projects", retry=RetryPolicy(attempts=2))
    assert len(mocked.calls) == 2
    assert len(delays) == 1


def test_retry_after_seconds_is_honoured(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=429, headers={"Retry-After": "7"})
    mocked.get(URL, status=503, headers={"Retry-After": "0"})
    mocked.get(URL, json=[])
    transport, delays = _make(RetryPolicy(attempts=4, backoff=0.1))
    assert transport.get("data/projects") == []
    assert delays == [7.0, 0.0]


def test_retry_after_http_date_is_honoured(mocked: responses.RequestsMock) -> None:
    when = datetime.now(timezone.utc) + timedelta(seconds=30)
    mocked.get(URL, status=503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    mocked.get(URL, json=[])
    transport, delays = _make(RetryPolicy(attempts=2, backoff=0.1))
    assert transport.get("data/projects") == []
    assert len(delays) == 1
    # The header has a one-second resolution, and a little time passed.
    assert 28.0 <= delays[0] <= 30.0


def test_retry_after_is_capped(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=429, headers={"Retry-After": "86400"})
    mocked.get(URL, json=[])
    transport, delays = _make(RetryPolicy(attempts=2, max_retry_after=12.0))
    transport.get("data/projects")
    assert delays == [12.0]


# ---------------------------------------------- the transport: failures
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
@pytest.mark.parametrize(
    "failure",
    [
        requests.exceptions.ReadTimeout("read timed out"),
        requests.exceptions.ConnectTimeout("connect timed out"),
        _connection_lost(),
        _refused(),
    ],
    ids=["read-timeout", "connect-timeout", "connection-lost", "refused"],
)
def test_idempotent_requests_are_retried_after_a_failure(
    mocked: responses.RequestsMock, method: str, failure: Exception
) -> None:
    mocked.add(method, URL, body=failure)
    mocked.add(method, URL, body=failure)
    mocked.add(method, URL, json={})
    transport, delays = _make(RetryPolicy(attempts=3, backoff=1.0))
    assert transport.request(method, "data/projects").status == 200
    assert len(mocked.calls) == 3
    assert len(delays) == 2
    _assert_backoff(delays, 1.0)


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (requests.exceptions.ReadTimeout("read timed out"), errors.RequestTimeoutError),
        (_connection_lost(), errors.TransportError),
    ],
    ids=["read-timeout", "connection-lost"],
)
def test_post_is_not_retried_once_it_may_have_reached_the_server(
    mocked: responses.RequestsMock, failure: Exception, error: type[errors.TransportError]
) -> None:
    mocked.post(URL, body=failure)
    mocked.post(URL, json={"id": "p"})
    transport, delays = _make(RetryPolicy(attempts=4))
    with pytest.raises(error) as caught:
        transport.post("data/projects", {"name": "p"})
    assert not isinstance(caught.value, errors.ConnectError)
    assert len(mocked.calls) == 1
    assert delays == []


@pytest.mark.parametrize(
    "failure",
    [_refused(), requests.exceptions.ConnectTimeout("connect timed out")],
    ids=["refused", "connect-timeout"],
)
def test_post_is_retried_when_the_connection_was_never_made(
    mocked: responses.RequestsMock, failure: Exception
) -> None:
    mocked.post(URL, body=failure)
    mocked.post(URL, json={"id": "p"})
    transport, delays = _make(RetryPolicy(attempts=4, backoff=0.5))
    assert transport.post("data/projects", {"name": "p"}) == {"id": "p"}
    assert len(mocked.calls) == 2
    assert len(delays) == 1
    _assert_backoff(delays, 0.5)


def test_post_to_a_refused_connection_gives_up_after_the_attempts(mocked: responses.RequestsMock) -> None:
    mocked.post(URL, body=_refused())
    transport, delays = _make(RetryPolicy(attempts=3, backoff=0.5))
    with pytest.raises(errors.ConnectError) as caught:
        transport.post("data/projects", {"name": "p"})
    assert (caught.value.method, caught.value.path) == ("POST", "/data/projects")
    assert len(mocked.calls) == 3
    assert len(delays) == 2
    _assert_backoff(delays, 0.5)


def test_post_on_a_really_closed_port_is_retried(closed_port_url: str) -> None:
    transport = Transport(closed_port_url, retry=RetryPolicy(attempts=3, backoff=0.5))
    transport.reached = True  # it was up: it went away
    delays = record_sleeps(transport)
    with pytest.raises(errors.ConnectError):
        transport.post("data/projects", {"name": "p"})
    assert len(delays) == 2
    _assert_backoff(delays, 0.5)


def test_an_upload_is_sent_once_whatever_happens(mocked: responses.RequestsMock, tmp_path: Path) -> None:
    source = tmp_path / "movie.mp4"
    source.write_bytes(b"x" * 1000)
    mocked.post(API + "pictures/preview-files/p", status=503)
    mocked.post(API + "pictures/preview-files/p", json={})
    transport, delays = _make(RetryPolicy(attempts=4))
    with pytest.raises(errors.ServerError):
        transport.upload("pictures/preview-files/p", [("file", source)])
    assert len(mocked.calls) == 1
    assert delays == []


def test_retries_are_logged_without_sleeping(mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture) -> None:
    mocked.get(URL, status=503)
    mocked.get(URL, json=[])
    transport, delays = _make(RetryPolicy(attempts=2, backoff=0.5))
    with caplog.at_level("INFO", logger="kitsu_models.http"):
        transport.get("data/projects")
    assert "retry 1" in caplog.text and "503" in caplog.text


def test_a_tls_failure_is_typed_and_not_retried(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, body=requests.exceptions.SSLError("certificate verify failed"))
    transport, delays = _make(RetryPolicy(attempts=4))
    with pytest.raises(errors.TLSError) as caught:
        transport.get("data/projects")
    assert isinstance(caught.value, errors.ConnectError)
    assert len(mocked.calls) == 1
    assert delays == []
