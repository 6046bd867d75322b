"""HTTP transport: one pooled ``requests.Session`` per Kitsu session, with
timeouts on every request, bounded retries, one token refresh shared by all
threads, error mapping, and streamed uploads and downloads.

Nothing here knows about models: it moves JSON and bytes. Callers get an
:class:`Answer` (status, headers, body), never a ``requests`` object.
"""

from __future__ import annotations

import json as jsonlib
import logging
import re
import threading
import time
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar, Union
from urllib.parse import unquote

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ReadTimeoutError

from . import errors
from .credentials import Tokens
from .etag_cache import CachedAnswer, EtagCache
from .policy import RetryPolicy, Timeout, parse_retry_after
from .streaming import MultipartBody, ProgressCallback, StrPath, write_atomically

logger = logging.getLogger("kitsu_models.http")

JSON = Any
Params = Mapping[str, Union[str, int, float, bool, None, Sequence[str]]]
T = TypeVar("T")

#: Answers kept for conditional reads (``If-None-Match``), most recent first.
ETAG_CACHE_SIZE = 64
#: A path segment: a route word, an id, a file name (percent-escaped).
_SEGMENT = re.compile(r"(?:[A-Za-z0-9_.~-]|%[0-9A-Fa-f]{2})+\Z")

USER_AGENT = "kitsu-models"
REFRESH_PATH = "auth/refresh-token"
_NO_REFRESH_PATHS = frozenset({"auth/login", REFRESH_PATH})


def normalize_host(host: str) -> str:
    """The API root URL with a trailing slash.

    ``https://kitsu.example.com/api`` (behind nginx) and
    ``http://127.0.0.1:8080`` (Zou directly) are both API roots as given.
    """
    host = host.strip()
    if not re.match(r"^https?://[^/]", host):
        raise errors.InvalidArgumentError(f"host must be an http(s) URL, got {host!r}")
    return host.rstrip("/") + "/"


@dataclass(frozen=True)
class Answer:
    """A successful answer: its status, headers (lower-case names) and body."""

    status: int
    headers: Mapping[str, str]
    content: bytes

    def json(self) -> JSON:
        """The body as JSON; :class:`errors.HostError` when it is not JSON."""
        return jsonlib.loads(self.content)


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
    ignores the query string, so two queries of one route must not share it."""
    return (path, tuple(sorted((params or {}).items())))


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
        user_agent: str = USER_AGENT,
        pool_size: int = 16,
    ) -> None:
        self.base_url = normalize_host(host)
        self.timeout = timeout
        self.retry = retry
        self._tokens = tokens
        self._token_lock = threading.Lock()
        self._http = requests.Session()
        self._http.verify = verify
        self._http.headers["User-Agent"] = user_agent
        adapter = HTTPAdapter(pool_connections=pool_size, pool_maxsize=pool_size, max_retries=0)
        self._http.mount("http://", adapter)
        self._http.mount("https://", adapter)
        self._sleep = time.sleep
        self.etag_cache = EtagCache(ETAG_CACHE_SIZE)
        #: Requests sent so far (retries and refreshes included): what tests
        #: and benchmarks count to prove batching.
        self.requests_sent = 0

    def __repr__(self) -> str:
        state = "authenticated" if self._tokens else "anonymous"
        return f"<Transport {self.base_url} {state}>"

    # ------------------------------------------------------------ tokens
    @property
    def tokens(self) -> Tokens | None:
        return self._tokens

    @tokens.setter
    def tokens(self, tokens: Tokens | None) -> None:
        with self._token_lock:
            self._tokens = tokens

    def close(self) -> None:
        self._http.close()

    def url(self, path: str) -> str:
        return self.base_url + path.lstrip("/")

    # ----------------------------------------------------------- requests
    def get(self, path: str, params: Params | None = None, **kwargs: Any) -> JSON:
        return _json_of("GET", path, self.request("GET", path, params=params, **kwargs))

    def post(self, path: str, json: JSON = None, **kwargs: Any) -> JSON:
        return _json_or_none("POST", path, self.request("POST", path, json=json, **kwargs))

    def put(self, path: str, json: JSON = None, **kwargs: Any) -> JSON:
        return _json_or_none("PUT", path, self.request("PUT", path, json=json, **kwargs))

    def delete(self, path: str, params: Params | None = None, **kwargs: Any) -> JSON:
        return _json_or_none("DELETE", path, self.request("DELETE", path, params=params, **kwargs))

    # ----------------------------------------------------- conditional reads
    def conditional_get(self, path: str, params: Params | None = None) -> JSON:
        """GET a JSON answer, revalidating with ``If-None-Match`` where the
        server sent an ``ETag``: an unchanged answer costs a 304, no body.
        Each call parses the body anew, so callers never share objects."""
        return _json_of("GET", path, self._revalidate(path, params)[0])

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
        the successful answer, read whole (see :meth:`_request`)."""
        response = self._request(
            method, path, params=params, json=json, data=data, headers=headers, timeout=timeout,
            authenticate=authenticate, retry=retry,
        )
        try:
            content = response.content
        except requests.exceptions.RequestException as exc:
            raise errors.TransportError(method.upper(), "/" + path.lstrip("/"), "incomplete answer") from exc
        finally:
            response.close()
        return Answer(response.status_code, {k.lower(): v for k, v in response.headers.items()}, content)

    def _request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: JSON = None,
        data: Any = None,
        headers: Mapping[str, str] | None = None,
        stream: bool = False,
        timeout: Timeout | None = None,
        authenticate: bool = True,
        retry: RetryPolicy | None = None,
    ) -> requests.Response:
        """Send one request, retrying and refreshing as the policies allow.

        Returns the successful response; raises a :mod:`errors` class for
        anything else. ``data`` may be a rewindable body (see MultipartBody):
        requests carrying one are never retried; only a token refresh replays
        them, rewound first.
        """
        method = method.upper()
        path = checked_path(path)
        policy = retry or self.retry
        if data is not None:
            policy = RetryPolicy(attempts=1)
        refreshed = False
        attempt = 0
        while True:
            attempt += 1
            used_tokens = self._tokens if authenticate else None
            try:
                response = self._send(method, path, params, json, data, headers, stream, timeout, used_tokens)
            except errors.TransportError as exc:
                sent = not isinstance(exc, errors.ConnectError)
                retryable = not isinstance(exc, errors.TLSError)  # the same handshake would fail again
                if retryable and attempt < policy.attempts and policy.may_retry_error(method, request_was_sent=sent):
                    self._wait(policy, attempt, None, method, path, str(exc.reason))
                    continue
                raise
            status = response.status_code
            if status < 400:
                return response
            if (
                authenticate
                and not refreshed
                and path not in _NO_REFRESH_PATHS
                and _is_expired_token(response)
                and _can_replay(data)
                and self.refresh_access_token(used_tokens)
            ):
                refreshed = True
                response.close()
                if data is not None and hasattr(data, "rewind"):
                    data.rewind()  # a streamed body was consumed by the first send
                continue
            if attempt < policy.attempts and policy.may_retry_status(method, status):
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                response.close()
                self._wait(policy, attempt, retry_after, method, path, str(status))
                continue
            raise _error_from_response(method, path, response)

    def _send(
        self,
        method: str,
        path: str,
        params: Params | None,
        json: JSON,
        data: Any,
        headers: Mapping[str, str] | None,
        stream: bool,
        timeout: Timeout | None,
        tokens: Tokens | None,
    ) -> requests.Response:
        all_headers = dict(headers or {})
        if tokens is not None:
            all_headers["Authorization"] = f"Bearer {tokens.access.reveal()}"
        route = f"/{path}"
        started = time.perf_counter()
        self.requests_sent += 1
        try:
            response = self._http.request(
                method,
                self.url(path),
                params=_encode_params(params),
                json=json,
                data=data,
                headers=all_headers,
                stream=stream,
                timeout=(timeout or self.timeout).as_requests(),
            )
        except requests.exceptions.SSLError as exc:
            raise errors.TLSError(method, route, "TLS handshake or certificate check failed") from exc
        except requests.exceptions.ConnectTimeout as exc:
            raise errors.ConnectError(method, route, "connection timed out") from exc
        except requests.exceptions.Timeout as exc:
            raise errors.RequestTimeoutError(method, route, "no answer within the read timeout") from exc
        except requests.exceptions.ConnectionError as exc:
            if _never_sent(exc):
                raise errors.ConnectError(method, route, "connection refused or unreachable") from exc
            if _read_timed_out(exc):
                # The headers came, then the body stalled past the read timeout.
                raise errors.RequestTimeoutError(method, route, "no answer within the read timeout") from exc
            raise errors.TransportError(method, route, "connection lost") from exc
        except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError) as exc:
            # The answer was cut short or garbled while being read.
            raise errors.TransportError(method, route, f"incomplete answer ({type(exc).__name__})") from exc
        logger.debug(
            "%s /%s -> %s (%.0f ms)", method, path, response.status_code, (time.perf_counter() - started) * 1000
        )
        return response

    def _wait(
        self, policy: RetryPolicy, attempt: int, retry_after: float | None, method: str, path: str, why: str
    ) -> None:
        delay = policy.delay(attempt, retry_after)
        logger.info("%s /%s failed (%s); retry %d in %.2f s", method, path, why, attempt, delay)
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
            response = self._send("GET", REFRESH_PATH, None, None, None, None, False, None, Tokens(current.refresh))
            if response.status_code >= 400:
                logger.info("token refresh refused (%s)", response.status_code)
                return False
            payload = response.json()
            new_refresh = payload.get("refresh_token")
            self._tokens = Tokens.from_strings(
                payload["access_token"], new_refresh or current.refresh.reveal()
            )
            logger.debug("access token refreshed")
            return True

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
        return _json_or_none("POST", path, answer)

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
        response = self._request("GET", path, params=params, stream=True)
        if response.status_code in (202, 204):
            # "Accepted, still being prepared" or "nothing": a success
            # status whose body is not the file (Zou answers 202 with a JSON
            # note while a preview is processed).
            response.close()
            raise errors.DownloadError(
                f"GET /{path.lstrip('/')}: the server sent no file ({response.status_code}"
                + (", still processing" if response.status_code == 202 else "") + ")"
            )
        length = response.headers.get("Content-Length")
        total = int(length) if length and length.isdigit() else None
        try:
            return write_atomically(response.iter_content(1024 * 1024), target, total, progress)
        except (requests.exceptions.RequestException, OSError) as exc:
            raise errors.DownloadError(f"GET /{path.lstrip('/')}: download failed ({type(exc).__name__})") from exc
        finally:
            response.close()


def _json_of(method: str, path: str, answer: Answer) -> JSON:
    """The JSON of a successful answer that must carry some."""
    try:
        return answer.json()
    except ValueError:
        # An HTML page (a proxy, a web server that is not Kitsu), a cut or
        # empty answer: not something a Kitsu API route sends.
        kind = answer.headers.get("content-type") or "no content type"
        raise errors.HostError(
            f"{method} /{path.lstrip('/')}: the answer ({answer.status}, {kind}) is not JSON"
        ) from None


def _json_or_none(method: str, path: str, answer: Answer) -> JSON:
    """The JSON of a write's answer, or None when it has no body."""
    return _json_of(method, path, answer) if answer.content else None


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


def _server_message(body: Any, fallback: str) -> str:
    if isinstance(body, dict):
        for key in ("message", "msg", "error"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    return fallback


def _can_replay(data: Any) -> bool:
    """False for a stream body that was consumed and cannot start over."""
    return data is None or not hasattr(data, "read") or hasattr(data, "rewind")


def _is_expired_token(response: requests.Response) -> bool:
    if response.status_code == 401:
        return True
    return response.status_code == 422 and "expired" in response.text.lower()


_LIMIT_RE = re.compile(r"(\d+)\s*(bytes|b|kb|mb|gb)\b", re.IGNORECASE)
_UNITS = {"b": 1, "bytes": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}


def _size_limit(message: str) -> int | None:
    match = _LIMIT_RE.search(message)
    if not match:
        return None
    return int(match.group(1)) * _UNITS[match.group(2).lower()]


def _error_from_response(method: str, path: str, response: requests.Response) -> errors.HTTPStatusError:
    status = response.status_code
    try:
        body: Any = response.json()
    except ValueError:
        body = response.text[:500]
    message = _server_message(body, response.reason or "")
    response.close()
    route = f"/{path}"
    if status == 413:
        return errors.PayloadTooLargeError(method, route, status, message, body, _size_limit(message))
    if status == 422 and isinstance(body, dict) and "msg" in body:
        # Flask-JWT answers 422 for a malformed or badly signed token.
        return errors.InvalidTokenError(method, route, status, message, body)
    return errors.error_class_for_status(status)(method, route, status, message, body)


def _read_timed_out(exc: requests.exceptions.ConnectionError) -> bool:
    """True when requests wrapped a read timeout met while reading the body."""
    return any(isinstance(arg, ReadTimeoutError) for arg in exc.args)


def _never_sent(exc: requests.exceptions.ConnectionError) -> bool:
    """True when the connection failed before any byte of the request left."""
    text = repr(exc.args)
    return any(
        marker in text
        for marker in ("NewConnectionError", "Connection refused", "Name or service not known", "NameResolutionError")
    )

