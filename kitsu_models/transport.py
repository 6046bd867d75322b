"""HTTP transport: one pooled ``requests.Session`` per Kitsu session, with
timeouts on every request, bounded retries, one token refresh shared by all
threads, error mapping, and streamed uploads and downloads.

The I/O of :mod:`kitsu_models.exchange`, which builds each request and says
what to do after each try. Nothing here knows about models: it moves JSON
and bytes. Callers get an :class:`Answer` (status, headers, body), never a
``requests`` object.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping, Sequence
from typing import Any

import requests
from typing_extensions import TypedDict, Unpack

from . import answers, errors
from .answers import JSON, Answer
from .credentials import Secret, Tokens
from .etag_cache import EtagCache
from .exchange import (
    REFRESH_PATH, Attempts, Params, Request, RequestOptions, Wire, after_conditional, cache_key, conditional,
    normalize_host, server_of, tokens_from, wire,
)
from .policy import RetryPolicy, Timeout, parse_retry_after
from .sockets import DeadlineAdapter, bounded
from .streaming import MultipartBody, ProgressCallback, StrPath, write_atomically

logger: logging.Logger = logging.getLogger("kitsu_models.http")

#: Answers kept for conditional reads (``If-None-Match``), most recent first.
ETAG_CACHE_SIZE = 64
USER_AGENT = "kitsu-models"


class UploadOptions(TypedDict, total=False):
    """What an upload may carry besides its files (see :meth:`Transport.upload`)."""

    params: Params | None
    timeout: Timeout | None


class TransportSettings(TypedDict, total=False):
    """How a transport talks to its server (see :class:`Transport`)."""

    timeout: Timeout
    retry: RetryPolicy
    verify: bool | str
    cert: str | tuple[str, str] | None
    user_agent: str
    pool_size: int


class Transport:
    """Sends requests to one Kitsu API and turns answers into JSON or errors.

    Thread-safe: ``requests.Session`` pools connections per thread-safe
    adapter, and the tokens are swapped under a lock.
    """

    def __init__(self, host: str, *, tokens: Tokens | None = None, **settings: Unpack[TransportSettings]) -> None:
        """``settings``: ``timeout`` (a :class:`Timeout`), ``retry`` (a
        :class:`RetryPolicy`), ``verify`` (True, False or a CA bundle: it wins
        over ``REQUESTS_CA_BUNDLE``), ``cert`` (a client certificate: a file,
        or certificate and key), ``user_agent``, ``pool_size`` (connections kept)."""
        self.base_url: str = normalize_host(host)
        #: ``host:port`` of the API, named in transport errors.
        self.server: str = server_of(self.base_url)
        self.timeout: Timeout = settings.get("timeout", Timeout())
        self.retry: RetryPolicy = settings.get("retry", RetryPolicy())
        self._tokens = tokens
        self._token_lock = threading.Lock()
        self._http = requests.Session()
        self._verify: bool | str = settings.get("verify", True)
        self._cert = settings.get("cert")
        self._http.headers["User-Agent"] = settings.get("user_agent", USER_AGENT)
        pool_size = settings.get("pool_size", 16)
        adapter = DeadlineAdapter(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)
        self._http.mount("http://", adapter)
        self._http.mount("https://", adapter)
        self._sleep = time.sleep
        self.etag_cache: EtagCache = EtagCache(ETAG_CACHE_SIZE)
        #: Requests sent so far (retries and refreshes included): what tests
        #: and benchmarks count to prove batching.
        self.requests_sent: int = 0
        #: Whether the server has answered this transport once: until then
        #: a failed connection is not retried (see :meth:`Attempts.after_failure`).
        self.reached: bool = False

    def __repr__(self) -> str:
        # getattr: a transport whose __init__ failed (a bad host) still shows.
        state = "authenticated" if getattr(self, "_tokens", None) else "anonymous"
        return f"<Transport {getattr(self, 'base_url', '(no host)')} {state}>"

    # ------------------------------------------------------------ tokens
    @property
    def tokens(self) -> Tokens | None:
        return self._tokens

    @tokens.setter
    def tokens(self, tokens: Tokens | None) -> None:
        with self._token_lock:
            self._tokens = tokens

    @property
    def verify(self) -> bool | str:
        """The TLS verification every request uses (True, False or a CA bundle)."""
        return self._verify

    @property
    def cert(self) -> str | tuple[str, str] | None:
        """The client certificate sent (a file, or certificate and key)."""
        return self._cert

    @property
    def http(self) -> requests.Session:
        """The pooled ``requests.Session`` requests go through (gazu scripts
        reach it as ``client.session``: to add a header or an adapter)."""
        return self._http

    def close(self) -> None:
        """Close the pooled connections."""
        self._http.close()

    def url(self, path: str) -> str:
        """The full URL of an API path (checked like every path sent)."""
        return self.base_url + path.lstrip("/")

    # ----------------------------------------------------------- requests
    def get(self, path: str, params: Params | None = None, **kwargs: Any) -> JSON:
        """GET ``path``: the answer's JSON (see :meth:`request` for ``kwargs``)."""
        return answers.json_of("GET", path, self.request("GET", path, params=params, **kwargs))

    def post(self, path: str, json: JSON = None, **kwargs: Any) -> JSON:
        """POST ``json`` to ``path``: the answer's JSON, or None when it has no body."""
        return answers.json_or_none("POST", path, self.request("POST", path, json=json, **kwargs))

    def put(self, path: str, json: JSON = None, **kwargs: Any) -> JSON:
        """PUT ``json`` to ``path``: the answer's JSON, or None when it has no body."""
        return answers.json_or_none("PUT", path, self.request("PUT", path, json=json, **kwargs))

    def delete(self, path: str, params: Params | None = None, **kwargs: Any) -> JSON:
        """DELETE ``path``: the answer's JSON, or None when it has no body."""
        return answers.json_or_none("DELETE", path, self.request("DELETE", path, params=params, **kwargs))

    # ----------------------------------------------------- conditional reads
    def conditional_get(self, path: str, params: Params | None = None) -> JSON:
        """GET a JSON answer, revalidating with ``If-None-Match`` where the
        server sent an ``ETag``: an unchanged answer costs a 304, no body.
        Each call parses the body anew, so callers never share objects."""
        return answers.json_of("GET", path, self.send(Request("GET", path, params=params, revalidate=True)))

    def revalidates(self, path: str, params: Params | None = None) -> bool:
        """Whether the last conditional read of ``path`` with ``params`` got
        an ``ETag``: the next one then costs a 304 if nothing changed."""
        return self.etag_cache.get(cache_key(path, params)) is not None

    def request(self, method: str, path: str, **options: Unpack[RequestOptions]) -> Answer:
        """Send one request (see :class:`~kitsu_models.exchange.Request` for
        ``options``), retrying and refreshing as the policies allow; the
        successful answer, read whole within ``timeout.total``."""
        return self.send(Request(method, path, **options))

    def send(self, request: Request) -> Answer:
        """As :meth:`request`, for a request already built. A ``revalidate``
        request is conditional (``If-None-Match``); on a 304, the bytes kept
        from last time (the transport keeps bytes, never what callers made
        of them)."""
        sent, key, cached = conditional(self.etag_cache, request)
        response, content = self._exchange(sent)
        answer = Answer(response.status_code, {name.lower(): value for name, value in response.headers.items()}, content)
        return after_conditional(self.etag_cache, key, cached, answer)

    def _exchange(self, request: Request) -> tuple[requests.Response, bytes]:
        """The successful response and its body (left unread, b"", for a
        streamed request); a :mod:`errors` class for anything else."""
        request = request.checked()
        attempts = Attempts(request, self.retry)
        while True:
            used_tokens = self._tokens if request.authenticate else None
            attempts.sent()
            outcome = self._send(request, used_tokens)
            if isinstance(outcome, errors.TransportError):
                delay = attempts.after_failure(outcome, self.reached)
                if delay is None:
                    raise outcome  # raised here, outside any handler: no chain holds the request
                self._wait(delay, attempts, outcome.reason)
                continue
            response, content = outcome
            status = response.status_code
            if status < 400:
                return response, content
            if attempts.may_refresh(status, content, used_tokens) and self.refresh_access_token(used_tokens):
                attempts.refreshed = True
                if hasattr(request.data, "rewind"):
                    request.data.rewind()  # a streamed body was consumed by the first send
                continue
            delay = attempts.after_answer(status, response.headers.get("Retry-After"))
            if delay is not None:
                self._wait(delay, attempts, str(status))
                continue
            error = attempts.error(status, response.reason or "", content)
            del outcome, response  # a traceback's locals must not reach the request (its body, its token)
            raise error

    def _send(self, request: Request, tokens: Tokens | None) -> tuple[requests.Response, bytes] | errors.TransportError:
        """One exchange: the response with its body read (unless streamed and
        a success), or the transport error to raise, built from the text of
        requests' one only, so nothing the caller raises holds the request,
        its headers or its body."""
        timeout = request.timeout or self.timeout
        started = time.perf_counter()
        deadline = timeout.deadline()
        self.requests_sent += 1
        try:
            prepared = self._prepare(wire(request, self.base_url, tokens))
            settings = self._http.merge_environment_settings(str(prepared.url), {}, True, self._verify, self._cert)
            with bounded(deadline, timeout.read):  # the status line and headers too
                response = self._http.send(prepared, timeout=timeout.as_requests(), **settings)
        except requests.exceptions.RequestException as exc:
            return answers.transport_error(request.method, request.route, exc, self.server, deadline)
        self.reached = True
        logger.debug("%s %s -> %s (%.0f ms)", request.method, request.route, response.status_code,
                     (time.perf_counter() - started) * 1000)
        if request.stream and response.status_code < 400:
            return response, b""
        with bounded(deadline, timeout.read):
            content = answers.read_body(request.method, request.route, response, deadline, self.server)
        return content if isinstance(content, errors.TransportError) else (response, content)

    def _prepare(self, sent: Wire) -> requests.PreparedRequest:
        """``sent`` as requests sends it (in a frame gone before anything can fail)."""
        return self._http.prepare_request(
            requests.Request(sent.method, sent.url, params=sent.params, data=sent.body, headers=sent.headers)
        )

    def _wait(self, delay: float, attempts: Attempts, why: str) -> None:
        request = attempts.request
        logger.info("%s %s failed (%s); retry %d in %.2f s", request.method, request.route, why, attempts.tries, delay)
        self._sleep(delay)

    def refresh_access_token(self, used: Tokens | None = None) -> bool:
        """Get a new access token with the refresh token.

        ``used`` is the tokens a failed request carried: when another thread
        already replaced them, no second refresh is sent and the caller just
        replays. So many threads hitting a 401 together cause one refresh.
        Returns False when no refresh is possible or the server refused it.
        """
        with self._token_lock:
            current = self._tokens
            if current is None or current.refresh is None:
                return False
            if used is not None and current.access != used.access:
                return True
            outcome = self._refresh_exchange(current.refresh)
            if isinstance(outcome, errors.TransportError):
                raise outcome
            response, content = outcome
            if response.status_code >= 400:
                logger.info("token refresh refused (%s)", response.status_code)
                return False
            tokens = tokens_from(content, response.status_code, current)
            del outcome, content  # the answer holds tokens: no traceback may reach it
            if isinstance(tokens, errors.UnexpectedAnswerError):
                raise tokens
            self._tokens = tokens
            logger.debug("access token refreshed")
            return True

    def _refresh_exchange(self, refresh: Secret) -> tuple[requests.Response, bytes] | errors.TransportError:
        """The refresh request, retried after a connection error or a
        timeout as any GET is (an API restarting meanwhile)."""
        request = Request("GET", REFRESH_PATH, authenticate=False).checked()
        attempts = Attempts(request, self.retry)
        while True:
            attempts.sent()
            outcome = self._send(request, Tokens(refresh))
            if not isinstance(outcome, errors.TransportError):
                return outcome
            delay = attempts.after_failure(outcome, self.reached)
            if delay is None:
                return outcome
            self._wait(delay, attempts, outcome.reason)

    # ----------------------------------------------------- files, streamed
    def upload(
        self,
        path: str,
        files: Sequence[tuple[str, StrPath]],
        fields: Mapping[str, str] | None = None,
        progress: ProgressCallback | None = None,
        **options: Unpack[UploadOptions],
    ) -> JSON:
        """POST files as multipart/form-data, read from disk as they are sent.

        ``options``: ``params``, and ``timeout``, which replaces the
        transport's for this request: a server that processes an upload
        before answering (a movie preview) needs a read timeout as long as
        that processing may take.
        """
        body = MultipartBody(files, fields, progress)
        answer = self.request("POST", path, data=body, headers={"Content-Type": body.content_type}, **options)
        return answers.json_or_none("POST", path, answer)

    def download(
        self,
        path: str,
        target: StrPath,
        params: Params | None = None,
        progress: ProgressCallback | None = None,
    ) -> int:
        """Stream ``path`` into the file ``target``; returns the bytes written.

        The file appears at ``target`` only once complete: an interrupted
        download raises :class:`errors.DownloadError` and leaves nothing there.
        """
        return self.fetch(path, target, params, progress)[0]

    def fetch(
        self, path: str, target: StrPath, params: Params | None = None, progress: ProgressCallback | None = None
    ) -> tuple[int, Answer]:
        """As :meth:`download`, with the answer too (its status and headers;
        its body is in the file)."""
        response = self._exchange(Request("GET", path, params=params, stream=True))[0]
        answer = Answer(response.status_code, {key.lower(): value for key, value in response.headers.items()}, b"")
        if response.status_code in (202, 204):
            response.close()
            if response.status_code == 204:
                raise errors.DownloadError(f"GET /{path.lstrip('/')}: the server sent no file (204)")
            # "Accepted, still being prepared": Zou answers so while a preview is processed.
            raise errors.StillProcessingError(
                f"GET /{path.lstrip('/')}: the server sent no file (202, still processing)",
                parse_retry_after(answer.headers.get("retry-after")),
            )
        length = answer.headers.get("content-length")
        total = int(length) if length and length.isdigit() else None
        try:
            return write_atomically(response.iter_content(1024 * 1024), target, total, progress), answer
        except (requests.exceptions.RequestException, OSError) as exc:
            failure = errors.DownloadError(f"GET /{path.lstrip('/')}: download failed ({type(exc).__name__})")
        finally:
            response.close()
        raise failure  # outside the handler: no chain holds the request
