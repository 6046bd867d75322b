"""The async transport: :mod:`kitsu_models.exchange`'s requests sent with
``httpx.AsyncClient``: the same requests, retries, token refresh, errors,
conditional reads and secrets handling as the blocking transport, awaited.
One refresh serves every coroutine that met an expired token.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import httpx
from typing_extensions import Unpack

from .. import answers, errors
from ..answers import JSON, Answer
from ..credentials import Secret, Tokens
from ..etag_cache import EtagCache
from ..exchange import (
    REFRESH_PATH, Attempts, Params, Request, RequestOptions, after_conditional, conditional, normalize_host,
    tokens_from, wire,
)
from ..policy import RetryPolicy, Timeout, parse_retry_after
from ..streaming import AtomicFile, MultipartBody, ProgressCallback, StrPath
from ..transport import ETAG_CACHE_SIZE, USER_AGENT, TransportSettings, UploadOptions

logger: logging.Logger = logging.getLogger("kitsu_models.http")

#: A body read or sent in pieces of this size.
CHUNK = 1024 * 1024


class AsyncTransport:
    """Sends requests to one Kitsu API from coroutines (see the module)."""

    def __init__(self, host: str, *, tokens: Tokens | None = None, **settings: Unpack[TransportSettings]) -> None:
        """``settings`` as :class:`~kitsu_models.transport.Transport`'s."""
        self.base_url: str = normalize_host(host)
        url = httpx.URL(self.base_url)
        self.server: str = f"{url.host}:{url.port or (443 if url.scheme == 'https' else 80)}"
        self.timeout: Timeout = settings.get("timeout", Timeout())
        self.retry: RetryPolicy = settings.get("retry", RetryPolicy())
        self._tokens = tokens
        self._refreshing = asyncio.Lock()
        pool_size = settings.get("pool_size", 16)
        self._http = httpx.AsyncClient(
            verify=_verify(settings.get("verify", True)), cert=settings.get("cert"), trust_env=False,
            headers={"User-Agent": settings.get("user_agent", USER_AGENT)},
            limits=httpx.Limits(max_connections=pool_size, max_keepalive_connections=pool_size),
        )
        self.etag_cache: EtagCache = EtagCache(ETAG_CACHE_SIZE)
        self.requests_sent: int = 0
        #: Whether the server has answered once: until then a failed connection is not retried.
        self.reached: bool = False

    def __repr__(self) -> str:
        state = "authenticated" if getattr(self, "_tokens", None) else "anonymous"
        return f"<AsyncTransport {getattr(self, 'base_url', '(no host)')} {state}>"

    @property
    def tokens(self) -> Tokens | None:
        """The session's tokens (None before the login)."""
        return self._tokens

    @tokens.setter
    def tokens(self, tokens: Tokens | None) -> None:
        self._tokens = tokens

    async def aclose(self) -> None:
        """Close the pooled connections."""
        await self._http.aclose()

    def url(self, path: str) -> str:
        """The full URL of an API path."""
        return self.base_url + path.lstrip("/")

    # ----------------------------------------------------------- requests
    async def request(self, method: str, path: str, **options: Unpack[RequestOptions]) -> Answer:
        """Send one request (see :class:`~kitsu_models.exchange.Request`)."""
        return await self.send(Request(method, path, **options))

    async def send(self, request: Request) -> Answer:
        """The successful answer of ``request``, read whole (conditional
        when it asks to revalidate); a :mod:`errors` class for anything else."""
        sent, key, cached = conditional(self.etag_cache, request)
        response, content = await self._exchange(sent)
        answer = Answer(response.status_code, {name.lower(): value for name, value in response.headers.items()}, content)
        return after_conditional(self.etag_cache, key, cached, answer)

    async def get(self, path: str, params: Params | None = None) -> JSON:
        """GET ``path``: the answer's JSON."""
        return answers.json_of("GET", path, await self.request("GET", path, params=params))

    async def post(self, path: str, json: JSON = None) -> JSON:
        """POST ``json`` to ``path``: the answer's JSON, or None when it has no body."""
        return answers.json_or_none("POST", path, await self.request("POST", path, json=json))

    async def put(self, path: str, json: JSON = None) -> JSON:
        """PUT ``json`` to ``path``: the answer's JSON, or None when it has no body."""
        return answers.json_or_none("PUT", path, await self.request("PUT", path, json=json))

    async def delete(self, path: str, params: Params | None = None) -> JSON:
        """DELETE ``path``: the answer's JSON, or None when it has no body."""
        return answers.json_or_none("DELETE", path, await self.request("DELETE", path, params=params))

    async def _exchange(self, request: Request) -> tuple[httpx.Response, bytes]:
        """The successful response and its body (unread, b"", for a streamed
        request); the same decisions as the blocking transport's."""
        request = request.checked()
        attempts = Attempts(request, self.retry)
        while True:
            used_tokens = self._tokens if request.authenticate else None
            attempts.sent()
            outcome = await self._send(request, used_tokens)
            if isinstance(outcome, errors.TransportError):
                delay = attempts.after_failure(outcome, self.reached)
                if delay is None:
                    raise outcome  # raised outside any handler: no chain holds the request
                await self._wait(delay, attempts, outcome.reason)
                continue
            response, content = outcome
            status = response.status_code
            if status < 400:
                return response, content
            if attempts.may_refresh(status, content, used_tokens) and await self.refresh_access_token(used_tokens):
                attempts.refreshed = True
                if hasattr(request.data, "rewind"):
                    request.data.rewind()
                continue
            delay = attempts.after_answer(status, response.headers.get("Retry-After"))
            if delay is not None:
                await self._wait(delay, attempts, str(status))
                continue
            error = attempts.error(status, response.reason_phrase or "", content)
            del outcome, response  # a traceback's locals must not reach the request
            raise error

    async def _send(
        self, request: Request, tokens: Tokens | None
    ) -> tuple[httpx.Response, bytes] | errors.TransportError:
        """One exchange within the total deadline: the response with its
        body read (unless streamed and a success), or the transport error,
        built from the text of httpx's only."""
        timeout = request.timeout or self.timeout
        self.requests_sent += 1
        sent = wire(request, self.base_url, tokens)
        headers = dict(sent.headers)
        if hasattr(sent.body, "length"):  # a streamed body of known size: not chunked
            headers["Content-Length"] = str(sent.body.length)
        built = self._http.build_request(
            sent.method, sent.url, params=sent.params, headers=headers, content=_body(sent.body),
            timeout=httpx.Timeout(timeout.read, connect=timeout.connect),
        )

        async def exchange() -> tuple[httpx.Response, bytes]:
            response = await self._http.send(built, stream=True, follow_redirects=False)
            if request.stream and response.status_code < 400:
                return response, b""
            try:
                return response, await response.aread()
            finally:
                await response.aclose()

        try:
            # The total deadline bounds the whole answer (the status line and headers too).
            outcome = await asyncio.wait_for(exchange(), max(timeout.total, timeout.read))
        except asyncio.TimeoutError:
            return errors.RequestTimeoutError(
                request.method, request.route, "the answer took longer than the total timeout", self.server
            )
        except httpx.HTTPError as exc:
            return _transport_error(request, exc, self.server)
        self.reached = True
        return outcome

    async def _wait(self, delay: float, attempts: Attempts, why: str) -> None:
        request = attempts.request
        logger.info("%s %s failed (%s); retry %d in %.2f s", request.method, request.route, why, attempts.tries, delay)
        await asyncio.sleep(delay)

    async def refresh_access_token(self, used: Tokens | None = None) -> bool:
        """Get a new access token with the refresh token; the coroutines
        that met an expired one wait for this one refresh."""
        async with self._refreshing:
            current = self._tokens
            if current is None or current.refresh is None:
                return False
            if used is not None and current.access != used.access:
                return True
            outcome = await self._refresh_exchange(current.refresh)
            if isinstance(outcome, errors.TransportError):
                raise outcome
            response, content = outcome
            if response.status_code >= 400:
                logger.info("token refresh refused (%s)", response.status_code)
                return False
            tokens = tokens_from(content, response.status_code, current)
            del outcome, content  # the answer holds tokens
            if isinstance(tokens, errors.UnexpectedAnswerError):
                raise tokens
            self._tokens = tokens
            return True

    async def _refresh_exchange(self, refresh: Secret) -> tuple[httpx.Response, bytes] | errors.TransportError:
        request = Request("GET", REFRESH_PATH, authenticate=False).checked()
        attempts = Attempts(request, self.retry)
        while True:
            attempts.sent()
            outcome = await self._send(request, Tokens(refresh))
            if not isinstance(outcome, errors.TransportError):
                return outcome
            delay = attempts.after_failure(outcome, self.reached)
            if delay is None:
                return outcome
            await self._wait(delay, attempts, outcome.reason)

    # ----------------------------------------------------- files, streamed
    async def upload(
        self,
        path: str,
        files: Sequence[tuple[str, StrPath]],
        fields: Mapping[str, str] | None = None,
        progress: ProgressCallback | None = None,
        **options: Unpack[UploadOptions],
    ) -> JSON:
        """POST files as multipart/form-data, read from disk as they are sent."""
        body = MultipartBody(files, fields, progress)
        answer = await self.request("POST", path, data=body, headers={"Content-Type": body.content_type}, **options)
        return answers.json_or_none("POST", path, answer)

    async def download(
        self, path: str, target: StrPath, params: Params | None = None, progress: ProgressCallback | None = None
    ) -> int:
        """Stream ``path`` into the file ``target`` (it appears complete or
        not at all); returns the bytes written."""
        response = (await self._exchange(Request("GET", path, params=params, stream=True)))[0]
        try:
            if response.status_code in (202, 204):
                if response.status_code == 204:
                    raise errors.DownloadError(f"GET /{path.lstrip('/')}: the server sent no file (204)")
                raise errors.StillProcessingError(
                    f"GET /{path.lstrip('/')}: the server sent no file (202, still processing)",
                    parse_retry_after(response.headers.get("Retry-After")),
                )
            length = response.headers.get("Content-Length")
            try:
                with AtomicFile(target, int(length) if length and length.isdigit() else None, progress) as sink:
                    async for chunk in response.aiter_raw(CHUNK):
                        sink.write(chunk)
            except (httpx.HTTPError, OSError) as exc:
                failure = errors.DownloadError(f"GET /{path.lstrip('/')}: download failed ({type(exc).__name__})")
            else:
                return sink.done
        finally:
            await response.aclose()
        raise failure  # outside the handler: no chain holds the request


def _verify(verify: bool | str) -> bool | ssl.SSLContext:
    """httpx's ``verify`` from ours: a CA bundle path becomes a context."""
    return ssl.create_default_context(cafile=verify) if isinstance(verify, str) else verify


async def _stream(body: Any) -> AsyncIterator[bytes]:
    """A streamed body (a multipart upload) read a piece at a time."""
    while chunk := body.read(CHUNK):
        yield chunk


def _body(body: Any) -> Any:
    """What httpx sends: bytes as they are, a stream piece by piece."""
    return _stream(body) if hasattr(body, "read") else body


def _transport_error(request: Request, exc: httpx.HTTPError, server: str) -> errors.TransportError:
    """Our error for a failed exchange, from its kind only (no chain)."""
    method, route = request.method, request.route
    cause = exc.__cause__ or exc.__context__
    if isinstance(exc, httpx.ConnectError) and isinstance(cause, ssl.SSLError):
        return errors.TLSError(method, route, "TLS handshake or certificate check failed", server)
    if isinstance(exc, httpx.ConnectTimeout):
        return errors.ConnectError(method, route, "connection timed out", server)
    if isinstance(exc, httpx.TimeoutException):
        return errors.RequestTimeoutError(method, route, "no answer within the read timeout", server)
    if isinstance(exc, httpx.ConnectError):
        if isinstance(cause, socket.gaierror) or "Name or service not known" in str(exc):
            host = server.rsplit(":", 1)[0] or "the host"
            return errors.NameResolutionError(
                method, route, f"the name {host} does not resolve (DNS): check the host in the URL", server
            )
        return errors.ConnectError(method, route, "connection refused or unreachable", server)
    return errors.TransportError(method, route, f"request failed ({type(exc).__name__})", server)

