"""Drop-in compatibility with the gazu client, over kitsu_models.

The top level holds gazu's session functions, on ``gazu.client.default_client``
unless a ``client`` is given, and the modules of the spec:
client, project, person, asset, shot, casting, entity, task, files, playlist,
sync, user (with ``cache`` and ``exception``): all 281 functions of the spec.
"""

from __future__ import annotations

from . import _distribution  # noqa: I001 (first: refuses to run over official gazu's files)

from collections.abc import Mapping
from typing import Any

from kitsu_models import errors

from . import asset, cache, casting, entity, events, exception, files, person, playlist, project, shot, sync, task, user
from . import client as raw
from .client import KitsuClient
from .exception import AuthFailedException, NotAuthenticatedException, ParameterException


def get_host(client: KitsuClient = raw.default_client) -> str:
    return raw.get_host(client=client)


def set_host(url: str, client: KitsuClient = raw.default_client) -> None:
    raw.set_host(url, client=client)


def get_event_host(client: KitsuClient = raw.default_client) -> str:
    return raw.get_event_host(client=client)


def set_event_host(url: str, client: KitsuClient = raw.default_client) -> None:
    raw.set_event_host(url, client=client)


def log_in(
    email: str,
    password: str,
    totp: str | None = None,
    email_otp: str | None = None,
    fido_authentication_response: dict[str, Any] | None = None,
    recovery_code: str | None = None,
    client: KitsuClient = raw.default_client,
) -> dict[str, Any]:
    """Log in; returns the server's answer (the tokens and the user), as gazu
    does. A refused login raises ``AuthFailedException``."""
    return client.kitsu.authenticate(
        email, password, totp=totp, email_otp=email_otp, recovery_code=recovery_code,
        fido_authentication_response=fido_authentication_response,
    )


def send_email_otp(email: str, client: KitsuClient = raw.default_client) -> Any:
    return raw.get("auth/email-otp", params={"email": email}, client=client)


def log_out(client: KitsuClient = raw.default_client) -> dict[str, Any]:
    """Log out; the tokens are forgotten even when the server refuses."""
    client.kitsu.log_out()
    return {}


def refresh_access_token(client: KitsuClient = raw.default_client) -> dict[str, str | None]:
    return client.refresh_access_token()


def set_token(token: str | Mapping[str, str | None], client: KitsuClient = raw.default_client) -> None:
    """Use a token obtained elsewhere: a str is the access token."""
    raw.set_tokens({"access_token": token} if isinstance(token, str) else token, client=client)


def create_session(
    host: str,
    email: str,
    password: str,
    totp: str | None = None,
    email_otp: str | None = None,
    fido_authentication_response: dict[str, Any] | None = None,
    recovery_code: str | None = None,
    ssl_verify: bool = True,
    cert: str | None = None,
    use_refresh_token: bool = False,
    callback_not_authenticated: Any = None,
) -> KitsuClient:
    """A new client on ``host``, logged in; as a context manager it logs out
    and closes on exit."""
    session = raw.create_client(host, ssl_verify, cert, use_refresh_token, callback_not_authenticated)
    try:
        log_in(email, password, totp, email_otp, fido_authentication_response, recovery_code, client=session)
    except errors.KitsuError:
        session.kitsu.close()
        raise
    return session


__all__ = [
    "AuthFailedException", "KitsuClient", "NotAuthenticatedException", "ParameterException", "asset", "cache",
    "casting", "create_session", "entity", "exception", "get_event_host", "get_host", "log_in", "log_out",
    "person", "playlist", "project", "raw", "refresh_access_token", "send_email_otp", "set_event_host", "set_host",
    "set_token", "shot", "sync", "user",
]
