"""The password and the tokens never show: not in logs (at DEBUG), reprs,
error messages, nor formatted tracebacks."""

from __future__ import annotations

import pickle
import traceback

import pytest
import requests
import responses

from kitsu_models import errors
from kitsu_models.credentials import Secret, Tokens
from kitsu_models.policy import RetryPolicy
from kitsu_models.session import Kitsu

from .conftest import API, record_sleeps

PASSWORD = "pw-Correct-Horse-7781"
ACCESS = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.ACCESS-one.sig1"
REFRESH = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.REFRESH-one.sig2"
ACCESS_2 = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.ACCESS-two.sig3"
SECRETS = (PASSWORD, ACCESS, REFRESH, ACCESS_2)


def _assert_clean(text: str, where: str) -> None:
    for secret in SECRETS:
        assert secret not in text, f"a secret leaked into {where}"
        # Not even a large piece of it (a token cut in a log line).
        assert secret[-12:] not in text, f"part of a secret leaked into {where}"


def _everything_about(exc: BaseException) -> str:
    return "\n".join([str(exc), repr(exc), *traceback.format_exception(exc)])


def test_secret_hides_its_value() -> None:
    secret = Secret(PASSWORD)
    assert secret.reveal() == PASSWORD
    for text in (repr(secret), str(secret), f"{secret}", "%s" % secret, repr([secret]), repr({"p": secret})):
        assert PASSWORD not in text
    assert secret == Secret(PASSWORD) and secret != Secret("other")
    assert bool(secret) and not Secret("")
    with pytest.raises(TypeError):
        pickle.dumps(secret)


def test_tokens_repr_hides_both_tokens() -> None:
    tokens = Tokens.from_strings(ACCESS, REFRESH)
    _assert_clean(repr(tokens) + str(tokens) + repr([tokens]), "repr(tokens)")
    assert Tokens.from_strings(ACCESS).refresh is None


def test_no_secret_in_logs_reprs_errors_or_tracebacks(
    mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.post(
        API + "auth/login",
        json={"login": True, "user": {"email": "admin@example.com"}, "access_token": ACCESS, "refresh_token": REFRESH},
    )
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has expired"})
    mocked.get(API + "auth/refresh-token", json={"access_token": ACCESS_2})
    mocked.get(API + "data/projects", json=[{"id": "p1"}])
    mocked.get(API + "data/persons", status=503, json={"message": "maintenance"})
    mocked.get(API + "data/persons", status=500, json={"message": "Internal server error."})
    mocked.put(API + "data/persons/x", body=requests.exceptions.ReadTimeout("read timed out"))
    mocked.get(API + "auth/logout", json={"logout": True})

    raised: list[BaseException] = []
    caplog.set_level("DEBUG")  # every logger: ours, urllib3, requests...
    kitsu = Kitsu.login(API, "admin@example.com", PASSWORD, retry=RetryPolicy(attempts=2))
    record_sleeps(kitsu.transport)
    assert kitsu.transport.get("data/projects") == [{"id": "p1"}]  # with a refresh
    assert kitsu.tokens == Tokens.from_strings(ACCESS_2, REFRESH)
    with pytest.raises(errors.ServerError) as server_error:
        kitsu.transport.get("data/persons")  # a retry, then a failure
    raised.append(server_error.value)
    with pytest.raises(errors.RequestTimeoutError) as timeout_error:
        kitsu.transport.put("data/persons/x", {"first_name": "x"})
    raised.append(timeout_error.value)

    assert "data/projects" in caplog.text  # the logs are there, at DEBUG
    _assert_clean(caplog.text, "the logs")
    _assert_clean(repr(kitsu), "repr(kitsu)")
    _assert_clean(str(kitsu), "str(kitsu)")
    _assert_clean(repr(kitsu.transport), "repr(kitsu.transport)")
    _assert_clean(repr(kitsu.tokens) + str(kitsu.tokens), "repr(tokens)")
    for exc in raised:
        _assert_clean(_everything_about(exc), f"{type(exc).__name__}")
    kitsu.log_out()
    _assert_clean(caplog.text, "the logs")


def test_no_password_in_a_refused_login(mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture) -> None:
    mocked.post(API + "auth/login", status=400, json={"login": False, "message": "Wrong email or password."})
    caplog.set_level("DEBUG")
    with pytest.raises(errors.LoginFailedError) as caught:
        Kitsu.login(API, "admin@example.com", PASSWORD)
    _assert_clean(_everything_about(caught.value), "a login error")
    _assert_clean(caplog.text, "the logs")
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_no_secret_in_a_refused_refresh(mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture) -> None:
    mocked.get(API + "data/projects", status=401, json={"msg": "Token has been revoked"})
    mocked.get(API + "auth/refresh-token", status=401, json={"msg": "Token has been revoked"})
    caplog.set_level("DEBUG")
    kitsu = Kitsu(API, tokens=Tokens.from_strings(ACCESS, REFRESH))
    with pytest.raises(errors.AuthenticationError) as caught:
        kitsu.transport.get("data/projects")
    with pytest.raises(errors.AuthenticationError) as refused:
        kitsu.refresh_token()
    for exc in (caught.value, refused.value):
        _assert_clean(_everything_about(exc), "an authentication error")
    _assert_clean(caplog.text, "the logs")
    _assert_clean(repr(kitsu) + repr(kitsu.transport), "the reprs")


def test_connection_errors_carry_no_secret(closed_port_url: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    kitsu = Kitsu(closed_port_url, tokens=Tokens.from_strings(ACCESS, REFRESH), retry=RetryPolicy(attempts=1))
    with pytest.raises(errors.ConnectError) as caught:
        kitsu.transport.get("data/projects")
    _assert_clean(_everything_about(caught.value), "a connection error")
    _assert_clean(caplog.text, "the logs")
