"""The async transport: :mod:`kitsu_models.exchange`'s requests sent with
aiohttp: the same requests, retries, token refresh, errors, conditional
reads and secrets handling as the blocking transport, awaited. One refresh
serves every coroutine that met an expired token.

aiohttp, not httpx, by measurement (bench/async_walk.py): over the same
connections to the same server, httpx's client spent about four times the
CPU of aiohttp's per small request, on machines where client and server
share the cores.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import Any

import aiohttp
from typing_extensions import Unpack
from yarl import URL

from .. import answers, errors
from ..answers import JSON, Answer
from ..credentials import Secret, Tokens
from ..etag_cache import EtagCache
from ..exchange import (
    REFRESH_PATH, Attempts, Params, Request, RequestOptions, after_conditional, conditional, normalize_host, server_of,
    tokens_from, wire,
)
from ..policy import RetryPolicy, Timeout, parse_retry_after
from ..streaming import AtomicFile, MultipartBody, ProgressCallback, StrPath
from ..transport import ETAG_CACHE_SIZE, USER_AGENT, TransportSettings, UploadOptions

logger: logging.Logger = logging.getLogger("kitsu_models.http")

#: A body read or sent in pieces of this size.
CHUNK = 1024 * 1024

#: An exchange's outcome: the response with its body (b"" while streamed), or the error to raise.
Outcome = tuple[aiohttp.ClientResponse, bytes]


class AsyncTransport:
    """Sends requests to one Kitsu API from coroutines (see the module)."""

    def __init__(self, host: str, *, tokens: Tokens | None = None, **settings: Unpack[TransportSettings]) -> None:
        """``settings`` as :class:`~kitsu_models.transport.Transport`'s."""
        self.base_url: str = normalize_host(host)
        self.server: str = server_of(self.base_url)
        self.timeout: Timeout = settings.get("timeout", Timeout())
        self.retry: RetryPolicy = settings.get("retry", RetryPolicy())
        self._tokens = tokens
        self._refreshing = asyncio.Lock()
        self._pool_size: int = settings.get("pool_size", 16)
        self._verify: bool | str = settings.get("verify", True)
        self._cert: str | tuple[str, str] | None = settings.get("cert")
        self._user_agent: str = settings.get("user_agent", USER_AGENT)
        #: aiohttp's session: made in the event loop of the first request (it belongs to one loop).
        self._http: aiohttp.ClientSession | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
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
        if self._http is not None:
            await self._http.close()
            self._http = None

    def _session(self) -> aiohttp.ClientSession:
        """The pooled session of the running loop, made on first use (a
        session left by another loop is dropped: its sockets belong there)."""
        http, loop = self._http, asyncio.get_running_loop()
        if http is None or http.closed or self._loop is not loop:
            connector = aiohttp.TCPConnector(limit=self._pool_size, ssl=_ssl(self._verify, self._cert))
            self._loop = loop
            http = self._http = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self._user_agent}, trust_env=False,
                cookie_jar=aiohttp.DummyCookieJar(),  # the login's cookies hold tokens: never kept
            )
        return http

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
        answer = Answer(response.status, {name.lower(): value for name, value in response.headers.items()}, content)
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

    async def _exchange(self, request: Request) -> Outcome:
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
            status = response.status
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
            error = attempts.error(status, response.reason or "", content)
            del outcome, response  # a traceback's locals must not reach the request
            raise error

    async def _send(self, request: Request, tokens: Tokens | None) -> Outcome | errors.TransportError:
        """One exchange within the total deadline: the response with its
        body read (unless streamed and a success), or the transport error,
        built from the kind of aiohttp's only."""
        timeout = request.timeout or self.timeout
        self.requests_sent += 1
        sent = wire(request, self.base_url, tokens)
        headers = dict(sent.headers)
        if hasattr(sent.body, "length"):  # a streamed body of known size: not chunked
            headers["Content-Length"] = str(sent.body.length)
        http = self._session()

        async def exchange() -> Outcome:
            response = await http.request(
                sent.method, URL(sent.url, encoded=True), params=_query(sent.params), headers=headers,
                data=_body(sent.body), allow_redirects=False,
                timeout=aiohttp.ClientTimeout(connect=timeout.connect, sock_read=timeout.read),
            )
            if request.stream and response.status < 400:
                return response, b""
            try:
                return response, await response.read()
            finally:
                response.release()

        try:
            # The total deadline bounds the whole answer (the status line and headers too).
            outcome = await asyncio.wait_for(exchange(), max(timeout.total, timeout.read))
        except asyncio.TimeoutError:
            return errors.RequestTimeoutError(request.method, request.route, answers.TOTAL_TIMEOUT, self.server)
        except aiohttp.ClientError as exc:
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
            if response.status >= 400:
                logger.info("token refresh refused (%s)", response.status)
                return False
            tokens = tokens_from(content, response.status, current)
            del outcome, content  # the answer holds tokens
            if isinstance(tokens, errors.UnexpectedAnswerError):
                raise tokens
            self._tokens = tokens
            return True

    async def _refresh_exchange(self, refresh: Secret) -> Outcome | errors.TransportError:
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
            if response.status in (202, 204):
                if response.status == 204:
                    raise errors.DownloadError(f"GET /{path.lstrip('/')}: the server sent no file (204)")
                raise errors.StillProcessingError(
                    f"GET /{path.lstrip('/')}: the server sent no file (202, still processing)",
                    parse_retry_after(response.headers.get("Retry-After")),
                )
            length = response.headers.get("Content-Length")
            try:
                with AtomicFile(target, int(length) if length and length.isdigit() else None, progress) as sink:
                    async for chunk in response.content.iter_chunked(CHUNK):
                        sink.write(chunk)
            except (aiohttp.ClientError, asyncio.TimeoutError, OSError) as exc:
                failure = errors.DownloadError(f"GET /{path.lstrip('/')}: download failed ({type(exc).__name__})")
            else:
                return sink.done
        finally:
            response.release()
        raise failure  # outside the handler: no chain holds the request


def _ssl(verify: bool | str, cert: str | tuple[str, str] | None) -> bool | ssl.SSLContext:
    """aiohttp's ``ssl`` from our ``verify`` and ``cert``: False to skip the
    check, True for the default one, else a context (a CA bundle, a client
    certificate)."""
    if verify is False:
        return False
    if isinstance(verify, bool) and cert is None:
        return True
    context = ssl.create_default_context(cafile=verify if isinstance(verify, str) else None)
    if cert is not None:
        certificate, key = (cert, None) if isinstance(cert, str) else cert
        context.load_cert_chain(certificate, key)
    return context


def _query(params: Mapping[str, Any] | None) -> list[tuple[str, str]] | None:
    """The query as aiohttp takes it: a list value as repeated keys (as requests sends it)."""
    if params is None:
        return None
    return [(key, str(item)) for key, value in params.items()
            for item in (value if isinstance(value, (list, tuple)) else [value])]


async def _stream(body: Any) -> AsyncIterator[bytes]:
    """A streamed body (a multipart upload) read a piece at a time."""
    while chunk := body.read(CHUNK):
        yield chunk


def _body(body: Any) -> Any:
    """What aiohttp sends: bytes as they are, a stream piece by piece."""
    return _stream(body) if hasattr(body, "read") else body


def _transport_error(request: Request, exc: aiohttp.ClientError, server: str) -> errors.TransportError:
    """Our error for a failed exchange, from its kind only (no chain)."""
    method, route = request.method, request.route
    if isinstance(exc, aiohttp.ClientSSLError):
        return errors.TLSError(method, route, "TLS handshake or certificate check failed", server)
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return errors.ConnectError(method, route, "connection timed out", server)
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return errors.RequestTimeoutError(method, route, "no answer within the read timeout", server)
    if isinstance(exc, aiohttp.ClientConnectorError):
        if isinstance(exc, aiohttp.ClientConnectorDNSError) or isinstance(exc.os_error, socket.gaierror):
            host = server.rsplit(":", 1)[0] or "the host"
            return errors.NameResolutionError(
                method, route, f"the name {host} does not resolve (DNS): check the host in the URL", server
            )
        return errors.ConnectError(method, route, "connection refused or unreachable", server)
    if isinstance(exc, (aiohttp.ServerDisconnectedError, aiohttp.ClientOSError, aiohttp.ClientPayloadError)):
        return errors.TransportError(method, route, "connection lost", server)
    return errors.TransportError(method, route, f"request failed ({type(exc).__name__})", server)
