"""Drop-in compatibility with the gazu client 1.3.1, over kitsu_models: gazu's modules, and its session
functions on ``gazu.client.default_client`` unless a ``client`` is given. ``gazu.__version__`` is the gazu
API version matched ("1.3.1"); the distribution's own is in its metadata (``kitsu-models-gazu``)."""

from __future__ import annotations

from . import _distribution  # noqa: I001 (first: refuses to run over official gazu's files)

import importlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.credentials import Secret

from . import (
    asset, cache, casting, concept, context, edit, entity, events, exception, files, helpers, person, playlist,
    project, project_template, scene, search, shot, studio, sync, task, user,
)
from . import client as raw
from .__version__ import __version__
from .client import KitsuClient
from .exception import AuthFailedException, NotAuthenticatedException, ParameterException

if TYPE_CHECKING:
    from . import aio as aio


def get_host(client: KitsuClient = raw.default_client) -> str:
    """The API host the client sends to."""
    return raw.get_host(client=client)


def set_host(url: str, client: KitsuClient = raw.default_client) -> None:
    """Send to the API at ``url`` (``https://kitsu.mystudio.com/api``)."""
    raw.set_host(url, client=client)


def get_event_host(client: KitsuClient = raw.default_client) -> str:
    """The event stream's host (the API host unless set)."""
    return raw.get_event_host(client=client)


def set_event_host(url: str, client: KitsuClient = raw.default_client) -> None:
    raw.set_event_host(url, client=client)


def log_in(
    email: str, password: str | Secret, totp: str | None = None, email_otp: str | None = None,
    fido_authentication_response: dict[str, Any] | None = None, recovery_code: str | None = None,
    client: KitsuClient = raw.default_client,
) -> dict[str, Any]:
    """Log in; returns the server's answer (tokens and user), kept as the client's tokens. A refused login
    raises ``AuthFailedException`` with the server's reason, as 1.3.1 words it."""
    password = Secret.of(password)  # the first frame holding it: never a plain str in a traceback
    try:
        answer = client.kitsu.authenticate(
            email, password, totp=totp, email_otp=email_otp, recovery_code=recovery_code,
            fido_authentication_response=fido_authentication_response,
        )
    except errors.LoginFailedError as exc:
        failed = AuthFailedException(exc.method, exc.path, exc.status, exc.message)
        if exc.status in (400, 401):  # 1.3.1 wraps the refusal's own exception
            failed.args = (str(exception.for_status(exc.status, api.LOGIN.template, exc.message)),)
        else:
            failed.args = ()
        raise failed from None
    client.tokens = answer
    return answer


def send_email_otp(email: str, client: KitsuClient = raw.default_client) -> Any:
    """Ask the server to email a one-time login code to ``email``."""
    return raw.get(api.EMAIL_OTP.template, params={"email": email}, client=client)


def log_out(client: KitsuClient = raw.default_client) -> dict[str, Any]:
    """Log out; the tokens are forgotten even when the server refuses."""
    client.kitsu.log_out()
    return raw.set_tokens({}, client=client)


def refresh_access_token(client: KitsuClient = raw.default_client) -> dict[str, Any]:
    """Get a new access token now; returns it, and a refresh token only when the server sent a new one."""
    kept = client.refresh_token
    tokens = client.refresh_access_token()
    return {key: value for key, value in tokens.items() if key != "refresh_token" or value != kept}


def set_token(token: str | Secret | Mapping[str, Any], client: KitsuClient = raw.default_client) -> dict[str, Any]:
    """Use a token obtained elsewhere: a str is the access token."""
    tokens = token if isinstance(token, Mapping) else {"access_token": Secret.of(token)}
    del token  # the first frame holding it: only the Secret stays
    return raw.set_tokens(tokens, client=client)


def create_session(
    host: str, email: str, password: str | Secret, totp: str | None = None, email_otp: str | None = None,
    fido_authentication_response: dict[str, Any] | None = None, recovery_code: str | None = None,
    ssl_verify: bool = True, cert: str | None = None, use_refresh_token: bool = False,
    callback_not_authenticated: Any = None,
) -> KitsuClient:
    """A new client on ``host``, logged in; as a context manager it logs out and closes on exit."""
    password = Secret.of(password)
    session = raw.create_client(host, ssl_verify, cert, use_refresh_token, callback_not_authenticated)
    try:
        log_in(email, password, totp, email_otp, fido_authentication_response, recovery_code, client=session)
    except errors.KitsuError:
        session.kitsu.close()
        raise
    return session


if not TYPE_CHECKING:  # type checkers see ``aio`` imported above

    def __getattr__(name: str) -> Any:
        """``gazu.aio``, imported on first use: there after ``import gazu`` when its extra (aiohttp) is installed,
        as 1.3.1's is, without ``import gazu`` paying for it (nor for aiohttp)."""
        if name != "aio":
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        try:
            return importlib.import_module(f"{__name__}.aio")
        except ImportError as exc:
            raise AttributeError(f"module {__name__!r} has no attribute 'aio' ({exc})") from None


__all__ = [
    "AuthFailedException", "KitsuClient", "NotAuthenticatedException", "ParameterException", "__version__", "asset",
    "cache", "casting", "concept", "context", "create_session", "edit", "entity", "events", "exception", "files",
    "get_event_host", "get_host", "helpers", "log_in", "log_out", "person", "playlist", "project", "project_template",
    "raw", "refresh_access_token", "scene", "search", "send_email_otp", "set_event_host", "set_host", "set_token",
    "shot", "studio", "sync", "task", "user",
]
