"""gazu's client objects: ``KitsuClient`` (one ``kitsu_models.Kitsu`` session, ``client.kitsu``), the token
attributes it shares with ``gazu.aio``'s client, and ``default_client``. Apart from ``gazu.client``'s functions,
so that the functions its table makes (``compat/functions/client.py``) can take the default client without an
import cycle."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Generic, Protocol, TypeVar

import requests

from kitsu_models import catalogue as api
from kitsu_models.credentials import Secret, Tokens
from kitsu_models.session import Kitsu

from . import exception
from .exception import translated

#: gazu's placeholder host: a client must be pointed at a real one (set_host).
DEFAULT_HOST = "http://gazu.change.serverhost/api"
_TOKEN_KEYS = ("access_token", "refresh_token")


class _TokenSession(Protocol):
    """What :class:`TokensOfSession` needs of a session (``Kitsu`` and ``AsyncKitsu`` both are one)."""

    @property
    def tokens(self) -> Tokens | None: ...

    def set_tokens(self, tokens: Tokens | None) -> None: ...


SessionT = TypeVar("SessionT", bound=_TokenSession)


class TokensOfSession(Generic[SessionT]):
    """gazu's token attributes (``tokens``, ``access_token``, ``refresh_token``) over the ``kitsu`` session
    that holds them as Secrets: the blocking and the async client share them."""

    kitsu: SessionT
    _host: str
    _token_keys: tuple[str, ...] = ()
    _token_extras: dict[str, Any]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._host}>"

    @property
    def host(self) -> str:
        return self._host

    @host.setter
    def host(self, host: str) -> None:
        """Send to another API: a new session with the same tokens (:meth:`_moved`)."""
        self.kitsu, self._host = self._moved(host), host

    def _moved(self, host: str) -> SessionT:
        """A session on ``host`` with the current one's tokens; the current one closed, or set to close."""
        raise NotImplementedError

    def _open(
        self, host: str, session: Callable[[], SessionT], ssl_verify: bool, use_refresh_token: bool,
        callback: Callable[..., Any] | None, tokens: Mapping[str, Any], access: Secret | None, refresh: Secret | None,
    ) -> None:
        """What both clients' constructors do: the settings, ``kitsu`` (the ``session()`` made on ``host``, after
        it: a client whose session failed still shows its host), then the tokens given (as Secrets already)."""
        self.ssl_verify, self.use_refresh_token = ssl_verify, use_refresh_token
        self.callback_not_authenticated = callback
        self._host = self.event_host = host
        self.kitsu = session()
        self.tokens = tokens
        if access is not None:
            self.access_token = access
        if refresh is not None:
            self.refresh_token = refresh

    @property
    def tokens(self) -> dict[str, Any]:
        """The tokens as last set (a login's whole answer...), with the current access and refresh tokens."""
        current = self.kitsu.tokens
        values = {
            "access_token": current.access.reveal() if current else None,
            "refresh_token": current.refresh_text() if current else None,
        }
        return {**self._token_extras, **{key: values[key] for key in _TOKEN_KEYS if key in self._token_keys}}

    @tokens.setter
    def tokens(self, tokens: Mapping[str, Any]) -> None:
        tokens = _secret_tokens(tokens)
        self._token_keys = tuple(key for key in _TOKEN_KEYS if key in tokens)
        self._token_extras = {key: value for key, value in tokens.items() if key not in _TOKEN_KEYS}
        access, refresh = tokens.get("access_token"), tokens.get("refresh_token")
        self.kitsu.set_tokens(Tokens(access, refresh) if access else None)

    @property
    def access_token(self) -> str | None:
        current = self.kitsu.tokens
        return current.access.reveal() if current else None

    @access_token.setter
    def access_token(self, token: str | Secret) -> None:
        token = Secret.of(token)
        self._token_keys = tuple(dict.fromkeys((*self._token_keys, "access_token")))
        current = self.kitsu.tokens
        self.kitsu.set_tokens(Tokens(token, current.refresh if current else None))

    @property
    def refresh_token(self) -> str | None:
        current = self.kitsu.tokens
        return current.refresh_text() if current else None

    @refresh_token.setter
    def refresh_token(self, token: str | Secret) -> None:
        token = Secret.of(token)
        self._token_keys = tuple(dict.fromkeys((*self._token_keys, "refresh_token")))
        current = self.kitsu.tokens
        self.kitsu.set_tokens(Tokens(current.access, token) if current else None)

    def make_auth_header(self) -> dict[str, str]:
        """The headers gazu sends to authenticate (they hold the token)."""
        headers = {"User-Agent": "kitsu-models gazu"}
        if self.access_token:
            headers["Authorization"] = "Bearer " + self.access_token
        return headers


class KitsuClient(TokensOfSession[Kitsu]):
    """A connection to one Kitsu API, as gazu scripts know it; ``kitsu`` is the typed session behind it."""

    def __init__(
        self, host: str, ssl_verify: bool = True, cert: str | None = None, use_refresh_token: bool = True,
        callback_not_authenticated: Callable[..., Any] | None = None, tokens: Mapping[str, Any] | None = None,
        access_token: str | Secret | None = None, refresh_token: str | Secret | None = None,
    ) -> None:
        # The first frame holding tokens: from here on, never plain text.
        tokens, access_token, refresh_token = _secret_tokens(tokens), _secret(access_token), _secret(refresh_token)
        self.cert = cert
        self._open(host, lambda: Kitsu(host, verify=ssl_verify, cert=cert), ssl_verify, use_refresh_token,
                   callback_not_authenticated, tokens, access_token, refresh_token)

    def _moved(self, host: str) -> Kitsu:
        tokens = self.kitsu.tokens
        self.kitsu.close()
        return Kitsu(host, verify=self.ssl_verify, cert=self.cert, tokens=tokens)

    @property
    def session(self) -> requests.Session:
        """The ``requests.Session`` the transport sends through."""
        return self.kitsu.transport.http

    def refresh_access_token(self) -> dict[str, Any]:
        """Get a new access token now; returns the server's answer."""
        if not self.refresh_token:
            raise exception.NotAuthenticatedException("GET", "/auth/refresh-token", 401, "no refresh token")
        with translated(api.REFRESH_TOKEN.template):
            self.kitsu.refresh_token()
        return {"access_token": self.access_token, "refresh_token": self.refresh_token}

    def __enter__(self) -> KitsuClient:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.kitsu.is_authenticated:
                self.kitsu.log_out()
        finally:
            self.tokens = {"access_token": None, "refresh_token": None}
            self.kitsu.close()


def _secret(value: str | Secret | None) -> Secret | None:
    return Secret.of(value) if value else None


def _secret_tokens(tokens: Mapping[str, Any] | None) -> dict[str, Any]:
    """``tokens`` with the access and refresh tokens as Secrets."""
    given = dict(tokens if tokens is not None else {"access_token": None, "refresh_token": None})
    return {key: _secret(value) if key in _TOKEN_KEYS else value for key, value in given.items()}


def create_client(
    host: str, ssl_verify: bool = True, cert: str | None = None, use_refresh_token: bool = False,
    callback_not_authenticated: Callable[..., Any] | None = None, **kwargs: Any,
) -> KitsuClient:
    """A new client on ``host`` (not logged in)."""
    return KitsuClient(host, ssl_verify, cert, use_refresh_token, callback_not_authenticated, **kwargs)


default_client = create_client(DEFAULT_HOST)
