"""HTTP transport: one pooled ``requests.Session`` per Kitsu session, with
timeouts on every request, bounded retries, one token refresh shared by all
threads, error mapping, and streamed uploads and downloads.

Nothing here knows about models: it moves JSON and bytes. Callers get an
:class:`Answer` (status, headers, body), never a ``requests`` object.
"""

from __future__ import annotations

import datetime
import json as jsonlib
import logging
import re
import threading
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, Union
from urllib.parse import unquote, urlsplit

import requests


from . import answers, errors
from .catalogue import LOGIN, REFRESH_TOKEN
from .answers import JSON, Answer
from .credentials import Secret, Tokens
from .etag_cache import CachedAnswer, EtagCache
from .policy import RetryPolicy, Timeout, parse_retry_after
from .sockets import DeadlineAdapter, bounded
from .streaming import MultipartBody, ProgressCallback, StrPath, write_atomically

logger: logging.Logger = logging.getLogger("kitsu_models.http")

Params = Mapping[str, Union[str, int, float, bool, None, Sequence[str]]]
T = TypeVar("T")

#: Answers kept for conditional reads (``If-None-Match``), most recent first.
ETAG_CACHE_SIZE = 64
#: A path segment: a route word, an id, a file name (percent-escaped).
_SEGMENT = re.compile(r"(?:[A-Za-z0-9_.~-]|%[0-9A-Fa-f]{2})+\Z")

USER_AGENT = "kitsu-models"
REFRESH_PATH = REFRESH_TOKEN.fill()
_NO_REFRESH_PATHS = frozenset({LOGIN.fill(), REFRESH_PATH})


def normalize_host(host: str) -> str:
    """The API root URL with a trailing slash.

    ``https://kitsu.example.com/api`` (behind nginx) and
    ``http://127.0.0.1:8080`` (Zou directly) are both API roots as given.
    """
    host = host.strip()
    if not re.match(r"^https?://[^/]", host):
        raise errors.InvalidArgumentError(f"host must be an http(s) URL, got {host!r}")
    return host.rstrip("/") + "/"


def checked_path(path: str) -> str:
    """``path`` without its leading slash, once every segment is checked:
    no dot segment, query, fragment, escape or space can reach the server,
    whoever built the path (ids are checked earlier, by ``routes.path``)."""
    path = path.lstrip("/")
    if path and not all(_is_segment(segment) for segment in path.split("/")):
        raise errors.InvalidArgumentError(f"not a Kitsu API path: {path[:80]!r}")
    return path


def _is_segment(segment: str) -> bool:
    if not _SEGMENT.match(segment):
        return False
    decoded = unquote(segment)
    return decoded not in (".", "..") and not any(char in decoded for char in "/\\?#") and decoded.isprintable()


def _cache_key(path: str, params: Params | None) -> Hashable:
    """The full URL, as the key of a conditional read: the server's ETag
    ignores the query string, so two queries of one route must not share it.
    A list value (a key sent once per item) counts as the tuple of its items."""
    return (path, tuple(sorted((key, tuple(value) if isinstance(value, list) else value)
                               for key, value in (params or {}).items())))


class Transport:
    """Sends requests to one Kitsu API and turns answers into JSON or errors.

    Thread-safe: ``requests.Session`` pools connections per thread-safe
    adapter, and the tokens are swapped under a lock.
    """

    def __init__(
        self,
        host: str,
        *,
        timeout: Timeout = Timeout(),
        retry: RetryPolicy = RetryPolicy(),
        tokens: Tokens | None = None,
        verify: bool | str = True,
        cert: str | tuple[str, str] | None = None,
        user_agent: str = USER_AGENT,
        pool_size: int = 16,
    ) -> None:
        self.base_url: str = normalize_host(host)
        url = urlsplit(self.base_url)
        #: ``host:port`` of the API, named in transport errors.
        name = f"[{url.hostname}]" if ":" in (url.hostname or "") else url.hostname
        self.server: str = f"{name}:{url.port or (443 if url.scheme == 'https' else 80)}"
        self.timeout = timeout
        self.retry = retry
        self._tokens = tokens
        self._token_lock = threading.Lock()
        self._http = requests.Session()
        #: Given per request, so it wins over REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE.
        self._verify = verify
        self._cert = cert  # a client certificate (file, or certificate and key)
        self._http.headers["User-Agent"] = user_agent
        adapter = DeadlineAdapter(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)
        self._http.mount("http://", adapter)
        self._http.mount("https://", adapter)
        self._sleep = time.sleep
        self.etag_cache: EtagCache = EtagCache(ETAG_CACHE_SIZE)
        #: Requests sent so far (retries and refreshes included): what tests
        #: and benchmarks count to prove batching.
        self.requests_sent: int = 0
        #: Whether the server has answered this transport once: until then
        #: a failed connection is not retried (see :meth:`_retries_after`).
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
        return answers.json_of("GET", path, self._revalidate(path, params)[0])

    def revalidates(self, path: str, params: Params | None = None) -> bool:
        """Whether the last conditional read of ``path`` with ``params`` got
        an ``ETag``: the next one then costs a 304 if nothing changed."""
        return self.etag_cache.get(_cache_key(path, params)) is not None

    def conditional_load(
        self, path: str, params: Params | None, decode: Callable[[bytes], T], decoder_key: Hashable
    ) -> T:
        """Like :meth:`conditional_get`, with the body turned into a value by
        ``decode``; on a 304 the value decoded last time under
        ``decoder_key`` is returned again without parsing anything."""
        answer, cached = self._revalidate(path, params)
        if cached is not None and decoder_key in cached.decoded:
            value: T = cached.decoded[decoder_key]
            return value
        value = decode(answer.content)
        entry = self.etag_cache.get(_cache_key(path, params))
        if entry is not None and entry.body is answer.content:
            entry.decoded[decoder_key] = value
        return value

    def _revalidate(self, path: str, params: Params | None) -> tuple[Answer, CachedAnswer | None]:
        """The answer, and the cache entry when the server said 304."""
        key = _cache_key(path, params)
        cached = self.etag_cache.get(key)
        headers = {"If-None-Match": cached.etag} if cached else None
        answer = self.request("GET", path, params=params, headers=headers)
        if answer.status == 304 and cached:
            return Answer(200, answer.headers, cached.body), cached
        etag = answer.headers.get("etag")
        if etag:
            self.etag_cache.put(key, etag, answer.content)
        return answer, None

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: JSON = None,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout | None = None,
        authenticate: bool = True,
        retry: RetryPolicy | None = None,
    ) -> Answer:
        """Send one request, retrying and refreshing as the policies allow;
        the successful answer, read whole within ``timeout.total``.

        ``json`` may hold :class:`~kitsu_models.credentials.Secret` values:
        they are revealed only into the encoded body. ``data`` may be a
        rewindable body (see MultipartBody): requests carrying one are never
        retried; only a token refresh replays them, rewound first.
        """
        reply = self._request(method, path, params, json, data, headers, timeout or self.timeout, authenticate, retry)
        response = reply.response
        return Answer(response.status_code, {key.lower(): value for key, value in response.headers.items()}, reply.content)

    def _request(
        self,
        method: str,
        path: str,
        params: Params | None,
        json: JSON,
        data: Any,
        headers: Mapping[str, str] | None,
        timeout: Timeout,
        authenticate: bool,
        retry: RetryPolicy | None,
        stream: bool = False,
    ) -> _Reply:
        """The successful reply (with ``stream``, its body left unread); a
        :mod:`errors` class for anything else."""
        method = method.upper()
        path = checked_path(path)
        policy = RetryPolicy(attempts=1) if data is not None else (retry or self.retry)
        refreshed = False
        attempt = 0
        started = time.monotonic()
        while True:
            attempt += 1
            used_tokens = self._tokens if authenticate else None
            outcome = self._send(method, path, params, json, data, headers, timeout, used_tokens, stream)
            if isinstance(outcome, errors.TransportError):
                sent = not isinstance(outcome, errors.ConnectError)
                if self._retries_after(outcome) and policy.may_retry_error(method, request_was_sent=sent):
                    if self._wait(policy, attempt, started, None, method, path, outcome.reason):
                        continue
                raise outcome  # raised here, outside any handler: no chain holds the request
            status = outcome.response.status_code
            if status < 400:
                return outcome
            if (
                used_tokens is not None
                and not refreshed
                and path not in _NO_REFRESH_PATHS
                and answers.is_token_refused(status, outcome.content)
                and _can_replay(data)
                and self.refresh_access_token(used_tokens)
            ):
                refreshed = True
                if data is not None and hasattr(data, "rewind"):
                    data.rewind()  # a streamed body was consumed by the first send
                continue
            if policy.may_retry_status(method, status):
                retry_after = parse_retry_after(outcome.response.headers.get("Retry-After"))
                if self._wait(policy, attempt, started, retry_after, method, path, str(status)):
                    continue
            error = answers.error_from_response(method, path, status, outcome.response.reason or "", outcome.content)
            del outcome  # a traceback's locals must not reach the request (its body, its token)
            raise error

    def _send(
        self,
        method: str,
        path: str,
        params: Params | None,
        json: JSON,
        data: Any,
        headers: Mapping[str, str] | None,
        timeout: Timeout,
        tokens: Tokens | None,
        stream: bool = False,
    ) -> _Reply | errors.TransportError:
        """One exchange: the reply (its body read, unless ``stream`` and a
        success), or the transport error to raise, built from the text of
        requests' one only, so nothing the caller raises holds the request,
        its headers or its body."""
        route = f"/{path}"
        started = time.perf_counter()
        deadline = timeout.deadline()
        self.requests_sent += 1
        try:
            prepared = self._prepare(method, path, params, json, data, headers, tokens)
            settings = self._http.merge_environment_settings(str(prepared.url), {}, True, self._verify, self._cert)
            with bounded(deadline, timeout.read):  # the status line and headers too
                response = self._http.send(prepared, timeout=timeout.as_requests(), **settings)
        except requests.exceptions.RequestException as exc:
            return answers.transport_error(method, route, exc, self.server, deadline)
        self.reached = True
        logger.debug(
            "%s /%s -> %s (%.0f ms)", method, path, response.status_code, (time.perf_counter() - started) * 1000
        )
        if stream and response.status_code < 400:
            return _Reply(response, b"")
        with bounded(deadline, timeout.read):
            content = answers.read_body(method, route, response, deadline)
        return content if isinstance(content, errors.TransportError) else _Reply(response, content)

    def _prepare(
        self,
        method: str,
        path: str,
        params: Params | None,
        json: JSON,
        data: Any,
        headers: Mapping[str, str] | None,
        tokens: Tokens | None,
    ) -> requests.PreparedRequest:
        """The request as it will be sent: JSON encoded (secrets revealed
        into the bytes only) and the access token set, in a frame that is
        gone by the time anything can fail."""
        all_headers = dict(headers or {})
        if json is not None:
            try:
                data = jsonlib.dumps(json, default=_reveal).encode("utf-8")
            except (TypeError, ValueError) as exc:
                raise errors.InvalidArgumentError(f"{method} /{path}: the body is not JSON ({exc})") from None
            all_headers["Content-Type"] = "application/json"
        if tokens is not None:
            all_headers["Authorization"] = f"Bearer {tokens.access.reveal()}"
        request = requests.Request(method, self.url(path), params=_encode_params(params), data=data, headers=all_headers)
        return self._http.prepare_request(request)

    def _wait(
        self,
        policy: RetryPolicy,
        attempt: int,
        started: float,
        retry_after: float | None,
        method: str,
        path: str,
        why: str,
    ) -> bool:
        """Sleep before the next attempt and return True, or return False
        when the policy's attempts or time budget are spent."""
        delay = policy.delay(attempt, retry_after)
        if attempt >= policy.attempts or time.monotonic() - started + delay > policy.max_elapsed:
            return False
        logger.info("%s /%s failed (%s); retry %d in %.2f s", method, path, why, attempt, delay)
        self._sleep(delay)
        return True

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
            if outcome.response.status_code >= 400:
                logger.info("token refresh refused (%s)", outcome.response.status_code)
                return False
            tokens = _tokens_from(outcome, current)
            del outcome  # the answer holds tokens: no traceback may reach it
            if isinstance(tokens, errors.UnexpectedAnswerError):
                raise tokens
            self._tokens = tokens
            logger.debug("access token refreshed")
            return True

    def _refresh_exchange(self, refresh: Secret) -> _Reply | errors.TransportError:
        """The refresh request, retried after a connection error or a
        timeout as any GET is (an API restarting meanwhile)."""
        attempt, started = 0, time.monotonic()
        while True:
            attempt += 1
            outcome = self._send("GET", REFRESH_PATH, None, None, None, None, self.timeout, Tokens(refresh))
            if not isinstance(outcome, errors.TransportError) or not self._retries_after(outcome):
                return outcome
            if not self._wait(self.retry, attempt, started, None, "GET", REFRESH_PATH, outcome.reason):
                return outcome

    def _retries_after(self, failure: errors.TransportError) -> bool:
        """Whether a failed exchange may be tried again: not a TLS or DNS
        failure (the same answer again), and not before the server ever
        answered this session (a wrong host fails at once, not after the
        retry window meant for a server that was up and went away)."""
        return self.reached and not isinstance(failure, (errors.TLSError, errors.NameResolutionError))

    # ----------------------------------------------------- files, streamed
    def upload(
        self,
        path: str,
        files: Sequence[tuple[str, StrPath]],
        fields: Mapping[str, str] | None = None,
        progress: ProgressCallback | None = None,
        params: Params | None = None,
        timeout: Timeout | None = None,
    ) -> JSON:
        """POST files as multipart/form-data, read from disk as they are sent.

        ``timeout`` replaces the transport's for this request: a server that
        processes an upload before answering (a movie preview) needs a read
        timeout as long as that processing may take.
        """
        body = MultipartBody(files, fields, progress)
        answer = self.request(
            "POST", path, params=params, data=body, headers={"Content-Type": body.content_type}, timeout=timeout
        )
        return answers.json_or_none("POST", path, answer)

    def download(
        self,
        path: str,
        target: StrPath,
        params: Params | None = None,
        progress: ProgressCallback | None = None,
    ) -> requests.Response:
        """Stream ``path`` into the file ``target``; returns the response
        (closed: its status and headers, the body is in the file).

        The file appears at ``target`` only once complete: an interrupted
        download raises :class:`errors.DownloadError` and leaves nothing there.
        """
        response = self._request("GET", path, params, None, None, None, self.timeout, True, None, stream=True).response
        if response.status_code == 202:
            # "Accepted, still being prepared": Zou answers so, with a JSON
            # note, while a preview is processed.
            response.close()
            raise errors.StillProcessingError(
                f"GET /{path.lstrip('/')}: the server sent no file (202, still processing)",
                parse_retry_after(response.headers.get("Retry-After")),
            )
        if response.status_code == 204:
            response.close()
            raise errors.DownloadError(f"GET /{path.lstrip('/')}: the server sent no file (204)")
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        try:
            write_atomically(response.iter_content(1024 * 1024), target, total, progress)
            return response
        except (requests.exceptions.RequestException, OSError) as exc:
            failure = errors.DownloadError(f"GET /{path.lstrip('/')}: download failed ({type(exc).__name__})")
        finally:
            response.close()
        raise failure  # outside the handler: no chain holds the request


def _tokens_from(reply: _Reply, current: Tokens) -> Tokens | errors.UnexpectedAnswerError:
    """The tokens a refresh answer gives (the refresh token kept when it
    sends none), or the error naming its keys only: the values are tokens."""
    payload = answers.loads_or_text(reply.content)
    access = payload.get("access_token") if isinstance(payload, dict) else None
    if not isinstance(access, str) or not access:
        keys = sorted(payload) if isinstance(payload, dict) else []
        return errors.UnexpectedAnswerError(
            "GET", "/" + REFRESH_PATH, reply.response.status_code, "no access_token in the answer", f"keys {keys}"
        )
    refresh = payload.get("refresh_token")
    return Tokens.from_strings(access, refresh if isinstance(refresh, str) and refresh else current.refresh_text())


def _reveal(value: Any) -> Any:
    """JSON encoding of what ``json.dumps`` does not know: secrets, and
    dates and datetimes as ISO 8601 text (as gazu sends them)."""
    if isinstance(value, Secret):
        return value.reveal()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


@dataclass(frozen=True)
class _Reply:
    """A response and its body (empty for a streamed success: unread)."""

    response: requests.Response
    content: bytes


def _encode_params(params: Params | None) -> dict[str, Any] | None:
    """Query values as the server reads them: booleans as ``true``/``false``."""
    if not params:
        return None
    encoded: dict[str, Any] = {}
    for key, value in params.items():
        if value is None:
            continue
        encoded[key] = ("true" if value else "false") if isinstance(value, bool) else value
    return encoded


def _can_replay(data: Any) -> bool:
    """False for a stream body that was consumed and cannot start over."""
    return data is None or not hasattr(data, "read") or hasattr(data, "rewind")




