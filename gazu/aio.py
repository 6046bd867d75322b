"""``gazu.aio``: gazu 1.3.1's coroutines, over the SDK's async transport (``kitsu_models.aio``, aiohttp), with
its timeouts, retries, token refresh and secrets handling; errors raised as 1.3.1's ``gazu.exception`` classes.
Needs aiohttp, as 1.3.1's: ``pip install "kitsu-models-gazu[aio]"``.

There is no default client: each call takes ``client=``, an :class:`AsyncKitsuClient` (``client.kitsu`` is the
:class:`~kitsu_models.aio.AsyncKitsu` session behind it)::

    async with await gazu.aio.create_session(host, email, password) as client:
        projects = await gazu.aio.fetch_all("projects", client=client)

As in ``gazu.client``, a path may carry its query (split off and sent as parameters), and ids are single path
segments, refused before any request otherwise."""

from __future__ import annotations

try:
    import aiohttp  # noqa: F401 (checked here: the extra may be missing)
except ImportError:  # pragma: no cover - depends on the installed extra
    raise ImportError('gazu.aio needs aiohttp: pip install "kitsu-models-gazu[aio]"') from None

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from types import TracebackType
from typing import Any, TypeVar

from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.aio import AsyncKitsu
from kitsu_models.answers import Answer, json_or_none
from kitsu_models.credentials import Secret, Tokens
from kitsu_models.exchange import adrive
from kitsu_models.ids import segment_of
from kitsu_models.policy import RetryPolicy
from kitsu_models.streaming import ProgressCallback, StrPath

from . import exception
from ._clients import TokensOfSession, _secret, _secret_tokens
from .client import (
    _RAISED, DEFAULT_RETRY_AFTER, _listing_query, _split, build_path_with_params, get_message_from_data, url_path_join,
)
from .exception import as_sent, translated

logger: logging.Logger = logging.getLogger("gazu.aio")

#: Tries of one call whose token was refused, as 1.3.1 (a refresh, or ``callback_not_authenticated``, between two).
MAX_AUTH_RETRIES = 3
#: How long a download waits for a file the server still prepares (202), as the blocking ``gazu.client.download``.
PROCESSING_TIMEOUT = 60.0
#: The statuses whose body 1.3.1's ``check_status`` reads.
_BODY_READ = frozenset({400, 401, 422, 500, 502})
_EXPIRED = "Signature has expired"
T = TypeVar("T")


class AsyncKitsuClient(TokensOfSession[AsyncKitsu]):
    """A connection to one Kitsu API for coroutines, as 1.3.1's; ``kitsu`` is the
    :class:`~kitsu_models.aio.AsyncKitsu` session behind it. As an async context manager it logs out and closes
    its connections on exit (it can be used again after: a new pool is made)."""

    def __init__(
        self, host: str, ssl_verify: bool = True, use_refresh_token: bool = True,
        callback_not_authenticated: Callable[..., Any] | None = None, tokens: Mapping[str, Any] | None = None,
        access_token: str | Secret | None = None, refresh_token: str | Secret | None = None,
    ) -> None:
        # The first frame holding tokens: from here on, never plain text.
        tokens, access_token, refresh_token = _secret_tokens(tokens), _secret(access_token), _secret(refresh_token)
        self._retired: list[AsyncKitsu] = []
        self._open(host, lambda: AsyncKitsu(host, verify=ssl_verify), ssl_verify, use_refresh_token,
                   callback_not_authenticated, tokens, access_token, refresh_token)

    def _moved(self, host: str) -> AsyncKitsu:
        """The old session's pool is closed on exit (closing it takes a coroutine)."""
        self._retired.append(self.kitsu)
        return AsyncKitsu(host, verify=self.ssl_verify, tokens=self.kitsu.tokens)

    async def refresh_access_token(self) -> dict[str, Any]:
        """Get a new access token now, with the refresh token; returns the tokens."""
        if not self.refresh_token:
            raise exception.for_status(401, api.REFRESH_TOKEN.template)
        with translated(api.REFRESH_TOKEN.template):
            await self.kitsu.refresh_token()
        return {"access_token": self.access_token, "refresh_token": self.refresh_token}

    async def __aenter__(self) -> AsyncKitsuClient:
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        try:
            if self.kitsu.is_authenticated:
                await self.kitsu.log_out()
        except errors.KitsuError:
            pass  # as 1.3.1: a failed logout does not hide what happened in the block
        finally:
            self.tokens = {"access_token": None, "refresh_token": None}
            closing, self._retired = [self.kitsu, *self._retired], []
            self.kitsu = AsyncKitsu(self._host, verify=self.ssl_verify)
            for session in closing:
                await session.aclose()


def get_full_url(path: str, client: AsyncKitsuClient) -> str:
    """The full URL of an API path on ``client``'s host."""
    return url_path_join(_client(client).host, path)


def _client(client: AsyncKitsuClient | None) -> AsyncKitsuClient:
    """``client``, which gazu.aio needs (it has no default client)."""
    if not isinstance(client, AsyncKitsuClient):
        raise errors.InvalidArgumentError(
            f"gazu.aio needs client=, an AsyncKitsuClient (gazu.aio.create_session(...)), got {type(client).__name__}"
        )
    return client


async def _auth_expired(client: AsyncKitsuClient | None, path: str, can_refresh: bool) -> bool:
    """After a refused token: True once refreshed (when allowed) or when the client's callback asks to send again;
    else 1.3.1's NotAuthenticatedException."""
    try:
        if can_refresh and client is not None and client.refresh_token and client.use_refresh_token:
            await client.refresh_access_token()
            return True
        raise exception.for_status(401, path)
    except exception.NotAuthenticatedException:
        if _callback_allows(client, path):
            return True
        raise


def _callback_allows(client: AsyncKitsuClient | None, path: str) -> bool:
    callback = client.callback_not_authenticated if client is not None else None
    return callback is not None and bool(callback(client, path))


async def _body(response: Any) -> Any:
    """A response's JSON body, else None."""
    try:
        return await response.json()
    except Exception:  # noqa: BLE001 (any response-like object: whatever its json() raises means "not JSON")
        return None


async def check_status(response: Any, path: str, client: AsyncKitsuClient | None = None) -> tuple[int, bool]:
    """A response's status and whether to send it again (a refused token refreshed, or the client's callback asks),
    or 1.3.1's exception for it. ``response``: any object with ``status`` and async ``json()`` and ``text()``
    (an aiohttp response...)."""
    status = int(response.status)
    if status not in _RAISED:
        return status, False
    body = await _body(response) if status in _BODY_READ else None
    expired = isinstance(body, dict) and body.get("message") == _EXPIRED
    if status == 401 or (status == 422 and expired):
        return status, await _auth_expired(client, path, can_refresh=expired)
    message = get_message_from_data(body, "")
    if status in (500, 502):
        if body is None:
            logger.error("server error on %s: %s", path, await response.text())
        else:
            logger.error("server error on %s: %s", path, message or "no message sent by the server")
    raise exception.for_status(status, path, message)


async def _authenticated(client: AsyncKitsuClient, route: str, query: Mapping[str, Any],
                         attempt: Callable[[], Awaitable[T]]) -> T:
    """``attempt()``'s result, its errors as 1.3.1's; a refused token (once the transport could not refresh it) is
    tried again while the client's ``callback_not_authenticated`` asks, up to MAX_AUTH_RETRIES tries."""
    path = as_sent(route, query)
    for _ in range(MAX_AUTH_RETRIES):
        try:
            with translated(route, query):
                return await attempt()
        except exception.NotAuthenticatedException:
            if not _callback_allows(client, path):
                raise
    raise exception.for_status(401, path)


async def _send(method: str, path: str, params: Mapping[str, Any] | None, body: Any,
                client: AsyncKitsuClient | None) -> Answer:
    client = _client(client)
    route, query = _split(path, params)
    logger.debug("%s %s", method, get_full_url(route, client))
    http = client.kitsu.http
    return await _authenticated(client, route, query, lambda: http.request(method, route, params=query or None,
                                                                          json=body))


async def get(
    path: str, json_response: bool = True, params: Mapping[str, Any] | None = None,
    client: AsyncKitsuClient | None = None,
) -> Any:
    """GET ``path``: its JSON, or (``json_response=False``) its text."""
    answer = await _send("GET", path, params, None, client)
    if json_response:
        return json_or_none("GET", path, answer)
    return answer.content.decode("utf-8", "replace")


async def post(path: str, data: Any, client: AsyncKitsuClient | None = None) -> Any:
    """POST ``data`` as JSON to ``path``: the answer's JSON."""
    return json_or_none("POST", path, await _send("POST", path, None, data, client))


async def put(path: str, data: Any, client: AsyncKitsuClient | None = None) -> Any:
    """PUT ``data`` as JSON to ``path``: the answer's JSON."""
    return json_or_none("PUT", path, await _send("PUT", path, None, data, client))


async def delete(path: str, params: Mapping[str, Any] | None = None, client: AsyncKitsuClient | None = None) -> str:
    """DELETE ``path``: the answer's text."""
    return (await _send("DELETE", path, params, None, client)).content.decode("utf-8", "replace")


async def fetch_all(
    path: str, params: Mapping[str, Any] | None = None, client: AsyncKitsuClient | None = None,
    paginated: bool = False, limit: int | None = None, fields: Sequence[str] | str | None = None,
) -> Any:
    """Every entry of ``data/<path>``: page by page (``limit`` each) when ``paginated``, with ``fields`` only."""
    query = _listing_query(params, paginated, limit, fields)
    url = url_path_join("data", path)
    answer = await get(url, params=query, client=client)
    if not paginated:
        return answer
    found = list(answer.get("data", []))
    for page in range(2, int(answer.get("nb_pages", 1)) + 1):
        found.extend((await get(url, params={**query, "page": page}, client=client)).get("data", []))
    return found


async def fetch_first(
    path: str, params: Mapping[str, Any] | None = None, client: AsyncKitsuClient | None = None
) -> Any:
    """The first entry of ``data/<path>``, or None."""
    entries = await get(url_path_join("data", path), params=params, client=client)
    return entries[0] if entries else None


async def fetch_one(
    model_name: str, id: str, params: Mapping[str, Any] | None = None,  # noqa: A002 (1.3.1's name)
    client: AsyncKitsuClient | None = None,
) -> Any:
    """The record ``data/<model_name>/<id>``."""
    return await get(url_path_join("data", model_name, segment_of(id)), params=params, client=client)


async def create(model_name: str, data: Any, client: AsyncKitsuClient | None = None) -> Any:
    """A new ``model_name`` record with ``data``: the record."""
    return await post(url_path_join("data", model_name), data, client=client)


async def update(model_name: str, model_id: str, data: Any, client: AsyncKitsuClient | None = None) -> Any:
    """The record ``data/<model_name>/<model_id>`` with ``data`` changed: the record."""
    return await put(url_path_join("data", model_name, segment_of(model_id)), data, client=client)


async def upload(
    path: str, file_path: StrPath | None = None, data: Mapping[str, Any] | None = None,
    extra_files: Sequence[StrPath] | None = None, client: AsyncKitsuClient | None = None,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """A multipart POST streamed from disk: ``file_path`` as the part ``file``, the extra files as ``file-1``,
    ``file-2``..., ``data`` as form fields (each value's ``str()``); an answer with a message raises
    UploadFailedException."""
    client = _client(client)
    route, query = _split(path, None)
    parts: list[tuple[str, StrPath]] = [("file", file_path)] if file_path is not None else []
    parts += [(f"file-{index}", extra) for index, extra in enumerate(extra_files or [], start=1)]
    fields = {str(key): str(value) for key, value in (data or {}).items()}
    http = client.kitsu.http
    answer = await _authenticated(client, route, query, lambda: http.upload(
        route, parts, fields=fields, progress=progress_callback, params=query or None))
    message = get_message_from_data(answer, "")
    if message:
        raise exception.UploadFailedException(message)
    return answer


async def download(
    path: str, file_path: StrPath, params: Mapping[str, Any] | None = None, client: AsyncKitsuClient | None = None,
    progress_callback: ProgressCallback | None = None,
) -> None:
    """Stream ``path`` into ``file_path`` (complete, or not written at all). A file the server still prepares
    (202) is asked again, as ``Retry-After`` says, for PROCESSING_TIMEOUT seconds."""
    client = _client(client)
    route, query = _split(path, params)
    http = client.kitsu.http
    deadline = time.monotonic() + PROCESSING_TIMEOUT
    while True:
        try:
            await _authenticated(client, route, query, lambda: http.download(
                route, file_path, query or None, progress_callback))
            return
        except errors.StillProcessingError as exc:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise exception.PreviewFileProcessingException(as_sent(route, query)) from None
            wait = DEFAULT_RETRY_AFTER if exc.retry_after is None else exc.retry_after
            await asyncio.sleep(min(wait, remaining))


async def log_in(
    email: str, password: str | Secret, totp: str | None = None, email_otp: str | None = None,
    fido_authentication_response: dict[str, Any] | None = None, recovery_code: str | None = None,
    client: AsyncKitsuClient | None = None,
) -> dict[str, Any]:
    """Log in; returns the server's answer (tokens and user), kept as the client's tokens. A refused login raises
    AuthFailedException (without a message, as 1.3.1's gazu.aio)."""
    password = Secret.of(password)  # the first frame holding it: never a plain str in a traceback
    client = _client(client)
    second_factor = {"totp": totp, "email_otp": email_otp, "recovery_code": recovery_code,
                     "fido_authentication_response": fido_authentication_response}
    kitsu = client.kitsu
    try:
        answer, _ = await adrive(kitsu.plan_authenticate(email, password, second_factor), kitsu.http.send)
    except errors.LoginFailedError as exc:
        failed = exception.AuthFailedException(exc.method, exc.path, exc.status, exc.message)
        failed.args = ()
        raise failed from None
    client.tokens = answer
    return answer


async def log_out(client: AsyncKitsuClient) -> dict[str, Any]:
    """Log out; the tokens are forgotten even when the server refuses. Returns them (None). The client's
    connections are closed too (1.3.1 leaves them open): a later call opens new ones."""
    client = _client(client)
    try:
        await client.kitsu.log_out()
    finally:
        client.tokens = {"access_token": None, "refresh_token": None}
        await client.kitsu.aclose()
    return client.tokens


async def check_server_status(client: AsyncKitsuClient) -> bool:
    """Whether the host answers a HEAD of the API root with 200 (never raises)."""
    try:
        answer = await _client(client).kitsu.http.request("HEAD", "", authenticate=False,
                                                          retry=RetryPolicy(attempts=1))
    except errors.KitsuError:
        return False
    return answer.status == 200


async def create_session(
    host: str, email: str, password: str | Secret, totp: str | None = None, email_otp: str | None = None,
    fido_authentication_response: dict[str, Any] | None = None, recovery_code: str | None = None,
    ssl_verify: bool = True, use_refresh_token: bool = False,
    callback_not_authenticated: Callable[..., Any] | None = None,
) -> AsyncKitsuClient:
    """A new client on ``host``, logged in; ``async with`` it to log out and close it on exit."""
    password = Secret.of(password)  # the first frame holding it: never a plain str in a traceback
    client = AsyncKitsuClient(host, ssl_verify=ssl_verify, use_refresh_token=use_refresh_token,
                              callback_not_authenticated=callback_not_authenticated)
    try:
        await log_in(email, password, totp, email_otp, fido_authentication_response, recovery_code, client=client)
    except BaseException:
        await client.kitsu.aclose()
        raise
    return client


__all__ = [
    "MAX_AUTH_RETRIES", "AsyncKitsuClient", "build_path_with_params", "check_server_status", "check_status",
    "create", "create_session", "delete", "download", "fetch_all", "fetch_first", "fetch_one", "get",
    "get_full_url", "get_message_from_data", "log_in", "log_out", "post", "put", "update", "upload",
    "url_path_join",
]
