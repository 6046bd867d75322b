"""Every request carries both a connect and a read timeout: none can hang."""

from __future__ import annotations

import math
from pathlib import Path

import responses

from kitsu_models.credentials import Tokens
from kitsu_models.policy import Timeout
from kitsu_models.session import Kitsu
from kitsu_models.transport import Transport

from .conftest import API, record_sleeps


def _timeouts(mocked: responses.RequestsMock) -> list[object]:
    return [getattr(call.request, "req_kwargs")["timeout"] for call in mocked.calls]


def test_default_timeout_bounds_connect_and_read() -> None:
    connect, read = Timeout().as_requests()
    assert 0 < connect < math.inf
    assert 0 < read < math.inf
    assert Transport(API).timeout == Timeout()


def test_every_call_of_a_session_carries_both_timeouts(mocked: responses.RequestsMock, tmp_path: Path) -> None:
    tokens = {"access_token": "a1", "refresh_token": "r1"}
    mocked.get(API, json={"api": "Zou", "version": "1.0.97"})
    mocked.post(API + "auth/login", json={"login": True, "user": {"email": "e@x.org"}, **tokens})
    mocked.get(API + "auth/authenticated", json={"authenticated": True, "user": {"email": "e@x.org"}})
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has expired"})
    mocked.get(API + "auth/refresh-token", json={"access_token": "a2"})
    mocked.get(API + "data/projects", json=[])
    mocked.post(API + "data/projects", json={"id": "p"})
    mocked.put(API + "data/projects/p", json={"id": "p"})
    mocked.delete(API + "data/projects/p", status=204)
    mocked.post(API + "pictures/thumbnails/persons/x", json={"ok": True})
    mocked.get(API + "pictures/thumbnails/persons/x.png", body=b"png")
    mocked.get(API + "auth/logout", json={"logout": True})
    upload = tmp_path / "up.png"
    upload.write_bytes(b"\x89PNG")

    kitsu = Kitsu(API, timeout=Timeout(connect=2.5, read=11.0))
    record_sleeps(kitsu.transport)
    assert kitsu.host_is_up()
    assert kitsu.api_version() == "1.0.97"
    kitsu.log_in("e@x.org", "pw")
    kitsu.current_user()
    assert kitsu.transport.get("data/projects") == []  # 401, refresh, replay
    kitsu.transport.post("data/projects", {"name": "p"})
    kitsu.transport.put("data/projects/p", {"name": "q"})
    kitsu.transport.delete("data/projects/p")
    kitsu.transport.upload("pictures/thumbnails/persons/x", [("file", upload)])
    kitsu.transport.download("pictures/thumbnails/persons/x.png", tmp_path / "down.png")
    kitsu.log_out()

    assert len(mocked.calls) == 13
    assert _timeouts(mocked) == [(2.5, 11.0)] * 13


def test_host_checks_carry_both_timeouts(mocked: responses.RequestsMock) -> None:
    mocked.get(API, json={"api": "Zou", "version": "1.0.97"})
    mocked.post(API + "auth/login", status=400, json={"login": False})
    kitsu = Kitsu(API, timeout=Timeout(connect=1.0, read=2.0))
    assert kitsu.host_is_valid()
    assert _timeouts(mocked) == [(1.0, 2.0), (1.0, 2.0)]


def test_a_timeout_given_to_one_request_overrides_the_default(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "data/projects", json=[])
    transport = Transport(API, timeout=Timeout(connect=2.0, read=3.0), tokens=Tokens.from_strings("a"))
    transport.request("GET", "data/projects", timeout=Timeout(connect=0.5, read=600.0))
    transport.get("data/projects")
    assert _timeouts(mocked) == [(0.5, 600.0), (2.0, 3.0)]
