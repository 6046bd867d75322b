"""Token refresh: one GET auth/refresh-token however many requests meet an
expired token together, and the failed requests replayed with the new one."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import requests
import responses

from kitsu_models import errors
from kitsu_models.credentials import Tokens
from kitsu_models.policy import RetryPolicy
from kitsu_models.session import Kitsu
from kitsu_models.transport import Transport

from .conftest import API, record_sleeps

THREADS = 20


def _bearer(request: requests.PreparedRequest) -> str:
    return str(request.headers.get("Authorization", "")).removeprefix("Bearer ")


def test_twenty_concurrent_401s_cause_one_refresh(mocked: responses.RequestsMock) -> None:
    # Every request first hits the server with the old token; all of them get
    # their 401 before anyone may refresh (the barrier), so the 20 threads
    # really are in the refresh path together.
    all_rejected = threading.Barrier(THREADS)
    lock = threading.Lock()
    seen: list[str] = []

    def projects(request: requests.PreparedRequest) -> tuple[int, Mapping[str, str], str]:
        token = _bearer(request)
        with lock:
            seen.append(token)
        if token == "old-access":
            all_rejected.wait(timeout=10)
            return 401, {}, '{"msg": "Token has expired"}'
        assert token == "new-access"
        return 200, {}, '[{"id": "p1"}]'

    def refresh(request: requests.PreparedRequest) -> tuple[int, Mapping[str, str], str]:
        assert _bearer(request) == "the-refresh"
        return 200, {}, '{"access_token": "new-access"}'

    mocked.add_callback("GET", API + "data/projects", callback=projects, content_type="application/json")
    mocked.add_callback("GET", API + "auth/refresh-token", callback=refresh, content_type="application/json")

    transport = Transport(API, tokens=Tokens.from_strings("old-access", "the-refresh"), pool_size=THREADS)
    delays = record_sleeps(transport)
    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(lambda _: transport.get("data/projects"), range(THREADS)))

    assert results == [[{"id": "p1"}]] * THREADS
    refreshes = [c for c in mocked.calls if c.request.path_url == "/api/auth/refresh-token"]
    assert len(refreshes) == 1
    assert refreshes[0].request.method == "GET"
    assert sorted(seen) == ["new-access"] * THREADS + ["old-access"] * THREADS
    assert len(mocked.calls) == 2 * THREADS + 1
    assert delays == []  # a refresh is not a retry: no backoff
    assert transport.tokens is not None
    assert transport.tokens.access.reveal() == "new-access"
    assert transport.tokens.refresh is not None and transport.tokens.refresh.reveal() == "the-refresh"


def test_a_refresh_answer_with_a_new_refresh_token_replaces_it(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has expired"})
    mocked.get(API + "auth/refresh-token", json={"access_token": "a2", "refresh_token": "r2"})
    mocked.get(API + "data/projects", json=[])
    transport = Transport(API, tokens=Tokens.from_strings("a1", "r1"))
    assert transport.get("data/projects") == []
    assert transport.tokens == Tokens.from_strings("a2", "r2")
    assert [_bearer(c.request) for c in mocked.calls] == ["a1", "r1", "a2"]


def test_an_expired_signature_422_also_refreshes(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/projects", status=422, json={"msg": "Signature has expired"})
    mocked.get(API + "auth/refresh-token", json={"access_token": "a2"})
    mocked.get(API + "data/projects", json=[])
    transport = Transport(API, tokens=Tokens.from_strings("a1", "r1"))
    assert transport.get("data/projects") == []
    assert len(mocked.calls) == 3


def test_only_one_refresh_per_request(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has been revoked"})
    mocked.get(API + "auth/refresh-token", json={"access_token": "a2"})
    transport = Transport(API, tokens=Tokens.from_strings("a1", "r1"))
    with pytest.raises(errors.AuthenticationError):
        transport.get("data/projects")
    assert [c.request.path_url for c in mocked.calls] == [
        "/api/data/projects",
        "/api/auth/refresh-token",
        "/api/data/projects",
    ]


@pytest.mark.parametrize("tokens", [None, Tokens.from_strings("a1")], ids=["anonymous", "no-refresh-token"])
def test_no_refresh_without_a_refresh_token(mocked: responses.RequestsMock, tokens: Tokens | None) -> None:
    mocked.get(API + "data/projects", status=401, json={"msg": "Missing JWT"})
    with pytest.raises(errors.AuthenticationError):
        Transport(API, tokens=tokens).get("data/projects")
    assert len(mocked.calls) == 1


def test_a_refused_login_never_refreshes(mocked: responses.RequestsMock) -> None:
    mocked.post(API + "auth/login", status=401, json={"login": False, "message": "User is unactive"})
    kitsu = Kitsu(API)
    kitsu.set_tokens(Tokens.from_strings("a1", "r1"))
    with pytest.raises(errors.LoginFailedError):
        kitsu.log_in("e@x.org", "pw")
    assert len(mocked.calls) == 1


def test_kitsu_refresh_token_now(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "auth/refresh-token", json={"access_token": "a2"})
    kitsu = Kitsu(API, tokens=Tokens.from_strings("a1", "r1"))
    kitsu.refresh_token()
    assert kitsu.tokens == Tokens.from_strings("a2", "r1")
    kitsu.set_tokens(Tokens.from_strings("a1"))
    with pytest.raises(errors.AuthenticationError):
        kitsu.refresh_token()


def test_an_upload_replayed_after_a_refresh_sends_the_whole_body_again(
    mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    source = tmp_path / "preview.zip"
    source.write_bytes(bytes(range(256)) * 4096)  # 1 MiB
    bodies: list[bytes] = []

    def upload(request: requests.PreparedRequest) -> tuple[int, Mapping[str, str], str]:
        body: Any = request.body
        bodies.append(body if isinstance(body, bytes) else b"")
        if _bearer(request) == "a1":
            return 401, {}, '{"msg": "Token has expired"}'
        return 201, {}, '{"id": "pf"}'

    mocked.add_callback("POST", API + "pictures/preview-files/pf", callback=upload, content_type="application/json")
    mocked.get(API + "auth/refresh-token", json={"access_token": "a2"})
    progress: list[tuple[int, int | None]] = []
    transport = Transport(API, tokens=Tokens.from_strings("a1", "r1"))
    answer = transport.upload("pictures/preview-files/pf", [("file", source)], progress=lambda d, t: progress.append((d, t)))
    assert answer == {"id": "pf"}
    assert len(bodies) == 2
    assert len(bodies[1]) == len(bodies[0]) > source.stat().st_size
    assert source.read_bytes() in bodies[1]
    total = len(bodies[0])
    assert progress[-1] == (total, total)


@pytest.mark.parametrize("status", [400, 401, 500])
def test_a_refused_refresh_fails_the_request_once_and_keeps_the_tokens(
    mocked: responses.RequestsMock, status: int
) -> None:
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has expired"})
    mocked.get(API + "auth/refresh-token", status=status, json={"access_token": "not-to-be-used"})
    transport = Transport(API, tokens=Tokens.from_strings("old-access", "the-refresh"),
                          retry=RetryPolicy(attempts=1))
    with pytest.raises(errors.AuthenticationError):
        transport.get("data/projects")
    assert [(str(call.request.url).rsplit("/", 1)[-1], _bearer(call.request)) for call in mocked.calls] == [
        ("projects", "old-access"), ("refresh-token", "the-refresh")]
    assert transport.tokens is not None and transport.tokens.access.reveal() == "old-access"
