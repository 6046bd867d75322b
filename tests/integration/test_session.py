"""The Kitsu session against the real local server: log in and out, a refused
login, a token refresh after the access token was revoked, host checks."""

from __future__ import annotations

import threading
import traceback
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

import pytest
import requests

import gazu
import gazu.exception
from kitsu_models import errors
from kitsu_models.credentials import Tokens
from kitsu_models.policy import NO_RETRY
from kitsu_models.session import Kitsu
from kitsu_models.transport import Transport

if TYPE_CHECKING:
    from conftest import KitsuServer

pytestmark = pytest.mark.server

ZOU_VERSION = "1.0.97"


class CallRecorder:
    """Records (method, path) of every HTTP request a transport sends."""

    def __init__(self, transport: Transport) -> None:
        self.calls: list[tuple[str, str, int]] = []
        self._lock = threading.Lock()
        self._base = transport.base_url
        real = transport._http.send

        def spy(prepared: requests.PreparedRequest, **kwargs: Any) -> requests.Response:
            response = real(prepared, **kwargs)
            path = (prepared.url or "").removeprefix(self._base).split("?")[0]
            with self._lock:
                self.calls.append((prepared.method or "", path, response.status_code))
            return response

        setattr(transport._http, "send", spy)

    def count(self, method: str, path: str) -> int:
        return sum(1 for m, p, _ in self.calls if (m, p) == (method, path))


def _secrets_of(kitsu: Kitsu) -> list[str]:
    tokens = kitsu.tokens
    assert tokens is not None and tokens.refresh is not None
    return [tokens.access.reveal(), tokens.refresh.reveal()]


# ------------------------------------------------------------------ hosts
def test_api_version(kitsu_server: KitsuServer, admin: Kitsu) -> None:
    assert Kitsu(kitsu_server.api_url).api_version() == ZOU_VERSION
    assert admin.api_version() == ZOU_VERSION


def test_the_server_is_up_and_valid(kitsu_server: KitsuServer) -> None:
    for host in (kitsu_server.api_url, kitsu_server.api_url.rstrip("/") + "/"):
        kitsu = Kitsu(host)
        assert kitsu.host_is_up()
        assert kitsu.host_is_valid()


def test_a_closed_port_is_neither_up_nor_valid(closed_port_url: str) -> None:
    kitsu = Kitsu(closed_port_url)
    delays: list[float] = []
    kitsu.transport._sleep = delays.append  # type: ignore[assignment]
    assert not kitsu.host_is_up()
    assert not kitsu.host_is_valid()
    assert delays == []  # the checks try once
    with pytest.raises(errors.ConnectError):
        kitsu.api_version()
    assert delays == []  # never reached: a wrong host or port fails at once, no retry window
    kitsu.transport.reached = True  # a server that answered this session before, now gone: retried
    with pytest.raises(errors.ConnectError):
        kitsu.api_version()
    assert len(delays) == kitsu.transport.retry.attempts - 1


def test_a_web_server_that_is_not_kitsu_is_not_valid(plain_http_server: str) -> None:
    kitsu = Kitsu(plain_http_server)
    # "Up" means an HTTP answer at the API root, as gazu's host_is_up; only
    # host_is_valid tells a Kitsu API from any web server.
    assert kitsu.host_is_up()
    assert not kitsu.host_is_valid()
    with pytest.raises(errors.HostError):
        kitsu.api_version()
    with pytest.raises(errors.HostError):  # gazu's HostException: no login route there
        kitsu.log_in("admin@example.com", "x")


# ----------------------------------------------------------- log in / out
def test_log_in_and_out(kitsu_server: KitsuServer, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("DEBUG")
    kitsu = Kitsu.login(kitsu_server.api_url, kitsu_server.admin_email, kitsu_server.admin_password)
    assert kitsu.is_authenticated
    assert kitsu.current_user()["email"] == kitsu_server.admin_email
    assert isinstance(kitsu.transport.get("data/projects"), list)
    old = kitsu.tokens
    assert old is not None and old.refresh is not None
    secrets = [kitsu_server.admin_password.reveal(), *_secrets_of(kitsu)]

    kitsu.log_out()
    assert not kitsu.is_authenticated
    with pytest.raises(errors.AuthenticationError):
        kitsu.current_user()  # no token at all now

    # The old access token is refused by the server...
    stale = Kitsu(kitsu_server.api_url, tokens=Tokens(old.access), retry=NO_RETRY)
    with pytest.raises(errors.AuthenticationError) as caught:
        stale.current_user()
    assert caught.value.status == 401
    assert "revoked" in caught.value.message.lower()
    # ... and so is the refresh token (Zou 1.0.97 revokes both on log-out),
    # so a session holding both cannot come back either.
    assert not Transport(kitsu_server.api_url, tokens=old).refresh_access_token()
    stale.set_tokens(old)
    with pytest.raises(errors.AuthenticationError):
        stale.current_user()

    text = caplog.text + repr(kitsu) + repr(stale) + repr(stale.transport) + repr(old)
    text += "".join(traceback.format_exception(caught.value))
    for secret in secrets:
        assert secret not in text


def test_log_in_as_a_context_manager(kitsu_server: KitsuServer) -> None:
    with Kitsu.login(kitsu_server.api_url, kitsu_server.admin_email, kitsu_server.admin_password) as kitsu:
        tokens = kitsu.tokens
        assert kitsu.current_user()["role"] == "admin"
    assert not kitsu.is_authenticated
    with pytest.raises(errors.AuthenticationError):
        Kitsu(kitsu_server.api_url, tokens=tokens, retry=NO_RETRY).current_user()


@pytest.fixture
def person(admin: Kitsu) -> Iterator[dict[str, Any]]:
    """A throw-away user with a known password (so that wrong passwords
    never count against the admin account, which Zou locks after five)."""
    password = f"Pw-{uuid.uuid4().hex}"
    record = admin.transport.post(
        "data/persons",
        {
            "first_name": "Test",
            "last_name": uuid.uuid4().hex[:8],
            "email": f"test-{uuid.uuid4().hex[:12]}@example.com",
            "password": password,
            "role": "user",
        },
    )
    yield {**record, "password": password}
    try:
        admin.transport.delete(f"data/persons/{record['id']}", params={"force": True})
    except errors.KitsuError:
        pass


def test_a_wrong_password_is_a_login_failure(
    kitsu_server: KitsuServer, person: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("DEBUG")
    wrong = f"wrong-{uuid.uuid4().hex}"
    kitsu = Kitsu(kitsu_server.api_url)
    with pytest.raises(errors.LoginFailedError) as caught:
        kitsu.log_in(person["email"], wrong)
    exc = caught.value
    assert type(exc) is errors.LoginFailedError
    assert (exc.method, exc.path, exc.status) == ("POST", "/auth/login", 400)
    assert exc.message == "Wrong email or password."
    assert not kitsu.is_authenticated
    # Through gazu: 1.3.1's class, which is also the SDK's error.
    client = gazu.client.create_client(kitsu_server.api_url)
    with pytest.raises(gazu.exception.AuthFailedException) as through_gazu:
        gazu.log_in(person["email"], wrong, client=client)
    assert isinstance(through_gazu.value, errors.LoginFailedError)
    assert not client.kitsu.is_authenticated
    everything = caplog.text + "".join(
        str(error) + repr(error) + "".join(traceback.format_exception(error)) for error in (exc, through_gazu.value)
    )
    assert wrong not in everything

    # The account is real: its own password opens it.
    kitsu.log_in(person["email"], person["password"])
    assert kitsu.current_user()["id"] == person["id"]
    kitsu.log_out()


def test_an_unknown_email_is_a_login_failure(kitsu_server: KitsuServer) -> None:
    with pytest.raises(errors.LoginFailedError) as caught:
        Kitsu.login(kitsu_server.api_url, f"nobody-{uuid.uuid4().hex}@example.com", "whatever")
    assert caught.value.status == 400


# ---------------------------------------------------------------- refresh
def _revoked_access_token(new_session: Callable[..., Kitsu]) -> Tokens:
    """A real access token of this server, revoked by a log-out."""
    other = new_session()
    tokens = other.tokens
    assert tokens is not None
    other.log_out()
    return Tokens(tokens.access)


def test_a_revoked_access_token_is_refreshed_once(
    kitsu_server: KitsuServer, new_session: Callable[..., Kitsu]
) -> None:
    # Zou 1.0.97 revokes the access token AND its refresh token at log-out,
    # so the access token is revoked through a second login's log-out; this
    # session keeps its own, still valid, refresh token.
    kitsu = new_session()
    own = kitsu.tokens
    assert own is not None and own.refresh is not None
    revoked = _revoked_access_token(new_session)
    with pytest.raises(errors.AuthenticationError):  # really refused
        Kitsu(kitsu_server.api_url, tokens=revoked, retry=NO_RETRY).current_user()

    kitsu.set_tokens(Tokens(revoked.access, own.refresh))
    recorder = CallRecorder(kitsu.transport)
    assert kitsu.current_user()["email"] == kitsu_server.admin_email
    assert recorder.calls == [
        ("GET", "auth/authenticated", 401),
        ("GET", "auth/refresh-token", 200),
        ("GET", "auth/authenticated", 200),
    ]
    refreshed = kitsu.tokens
    assert refreshed is not None
    assert refreshed.access not in (revoked.access, own.access)
    assert refreshed.refresh == own.refresh
    assert isinstance(kitsu.transport.get("data/projects"), list)
    assert recorder.count("GET", "auth/refresh-token") == 1


def test_concurrent_requests_with_a_revoked_token_refresh_once(
    kitsu_server: KitsuServer, new_session: Callable[..., Kitsu]
) -> None:
    kitsu = new_session()
    own = kitsu.tokens
    assert own is not None
    kitsu.set_tokens(Tokens(_revoked_access_token(new_session).access, own.refresh))
    recorder = CallRecorder(kitsu.transport)
    with ThreadPoolExecutor(10) as pool:
        answers = list(pool.map(lambda _: kitsu.transport.get("auth/authenticated"), range(10)))
    assert all(answer["user"]["email"] == kitsu_server.admin_email for answer in answers)
    assert recorder.count("GET", "auth/refresh-token") == 1
    assert recorder.count("GET", "auth/authenticated") <= 20


def test_refresh_token_now(new_session: Callable[..., Kitsu]) -> None:
    kitsu = new_session()
    before = kitsu.tokens
    assert before is not None
    kitsu.refresh_token()
    after = kitsu.tokens
    assert after is not None and after.access != before.access and after.refresh == before.refresh
    assert kitsu.current_user()["role"] == "admin"


def test_the_real_server_errors_map_to_their_classes(kitsu_server: KitsuServer, admin: Kitsu) -> None:
    transport = admin.transport
    with pytest.raises(errors.NotFoundError) as not_found:
        transport.get(f"data/projects/{uuid.uuid4()}")
    assert not_found.value.status == 404
    with pytest.raises(errors.MethodNotAllowedError):
        transport.get(f"data/projects/{uuid.uuid4()}/settings/task-types")
    with pytest.raises(errors.BadRequestError) as bad:
        transport.post("data/projects", {"name": f"test-{uuid.uuid4().hex}", "production_style": "nonsense"})
    assert bad.value.message
    with pytest.raises(errors.AuthenticationError) as missing:
        Kitsu(kitsu_server.api_url).transport.get("data/projects")
    assert missing.value.status == 401
    with pytest.raises(errors.InvalidTokenError) as garbage:
        Kitsu(kitsu_server.api_url, tokens=Tokens.from_strings("not-a-jwt")).transport.get("data/projects")
    assert garbage.value.status == 422
