"""The Kitsu session: log in, log out, tokens, default session."""

from __future__ import annotations

import json

import pytest
import responses

import kitsu_models
from kitsu_models import errors
from kitsu_models.credentials import Secret, Tokens
from kitsu_models.session import Kitsu, default_session, set_default_session

from .conftest import API

USER = {"id": "u1", "email": "admin@example.com", "first_name": "Super"}
LOGIN = {"login": True, "user": USER, "access_token": "a1", "refresh_token": "r1"}


def test_log_in_keeps_tokens_and_user(mocked: responses.RequestsMock) -> None:
    mocked.post(API + "auth/login", json=LOGIN)
    kitsu = Kitsu(API)
    assert not kitsu.is_authenticated
    assert kitsu.log_in("admin@example.com", Secret("pw")) == USER
    assert kitsu.is_authenticated
    assert kitsu.tokens == Tokens.from_strings("a1", "r1")
    assert repr(kitsu) == "<Kitsu https://kitsu.test/api as admin@example.com>"
    request = mocked.calls[0].request
    assert "Authorization" not in request.headers
    assert json.loads(request.body) == {
        "email": "admin@example.com",
        "password": "pw",
        "totp": None,
        "email_otp": None,
        "recovery_code": None,
        "fido_authentication_response": None,  # gazu sends every key of the route
    }


@pytest.mark.parametrize(
    ("status", "answer"),
    [
        (400, {"login": False, "message": "Wrong email or password."}),
        (401, {"login": False, "message": "User is unactive, he cannot log in."}),
        (200, {"login": False}),
        (200, {"login": True}),  # no token in the answer
    ],
)
def test_a_refused_login_raises_login_failed(mocked: responses.RequestsMock, status: int, answer: dict[str, object]) -> None:
    mocked.post(API + "auth/login", status=status, json=answer)
    kitsu = Kitsu(API)
    with pytest.raises(errors.LoginFailedError) as caught:
        kitsu.log_in("admin@example.com", "wrong")
    assert caught.value.method == "POST" and caught.value.path == "/auth/login"
    assert caught.value.status == status
    assert not kitsu.is_authenticated


def test_log_out_revokes_and_forgets(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "auth/logout", json={"logout": True})
    kitsu = Kitsu(API, tokens=Tokens.from_strings("a1", "r1"))
    kitsu.log_out()
    assert not kitsu.is_authenticated
    assert mocked.calls[0].request.headers["Authorization"] == "Bearer a1"


def test_log_out_forgets_the_tokens_even_when_refused(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "auth/logout", status=401, json={"msg": "Token has been revoked"})
    mocked.get(API + "auth/refresh-token", status=401, json={"msg": "Token has been revoked"})
    kitsu = Kitsu(API, tokens=Tokens.from_strings("a1", "r1"))
    kitsu.log_out()
    assert kitsu.tokens is None


def test_context_manager_logs_out(mocked: responses.RequestsMock) -> None:
    mocked.post(API + "auth/login", json=LOGIN)
    mocked.get(API + "auth/logout", json={"logout": True})
    with Kitsu.login(API, "admin@example.com", "pw") as kitsu:
        assert kitsu.is_authenticated
    assert not kitsu.is_authenticated
    assert [c.request.path_url for c in mocked.calls] == ["/api/auth/login", "/api/auth/logout"]


def test_current_user(mocked: responses.RequestsMock) -> None:
    mocked.get(API + "auth/authenticated", json={"authenticated": True, "user": USER})
    kitsu = Kitsu(API, tokens=Tokens.from_strings("a1"))
    assert kitsu.current_user() == USER
    assert "admin@example.com" in repr(kitsu)
    kitsu.set_tokens(None)
    assert "admin@example.com" not in repr(kitsu)


def test_default_session() -> None:
    set_default_session(None)
    with pytest.raises(errors.KitsuError):
        default_session()
    kitsu = Kitsu(API)
    set_default_session(kitsu)
    try:
        assert default_session() is kitsu
    finally:
        set_default_session(None)


def test_several_sessions_to_several_servers_are_independent(mocked: responses.RequestsMock) -> None:
    mocked.get("http://one.test/data/projects", json=[1])
    mocked.get("http://two.test/api/data/projects", json=[2])
    one = Kitsu("http://one.test", tokens=Tokens.from_strings("t1"))
    two = Kitsu("http://two.test/api", tokens=Tokens.from_strings("t2"))
    assert one.transport.get("data/projects") == [1]
    assert two.transport.get("data/projects") == [2]
    assert [c.request.headers["Authorization"] for c in mocked.calls] == ["Bearer t1", "Bearer t2"]


def test_public_names() -> None:
    for name in kitsu_models.__all__:
        assert getattr(kitsu_models, name) is not None


def test_a_failed_login_closes_the_new_session(mocked: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch) -> None:
    mocked.post(API + "auth/login", status=400, json={"login": False, "message": "Wrong email or password."})
    closed: list[bool] = []
    monkeypatch.setattr(Kitsu, "close", lambda self: closed.append(True))
    with pytest.raises(errors.LoginFailedError):
        Kitsu.login(API, "td@studio.com", "wrong")
    assert closed == [True]
