"""One request to the API as a value, and every decision around sending
it, with no I/O (as h11 and httpcore keep the protocol apart from the
sockets): how it goes on the wire, and, after each try, what comes next:
return the answer, try again after a delay, refresh the token and replay,
or raise. The transport (``requests``) and the async transport drive it,
each with its own I/O.

Work that takes several requests (a query in chunks, a relation's batch)
is written once as a :data:`Plan`: a generator that yields each request
and is sent its answer. :func:`drive` runs a plan with a blocking sender,
:func:`adrive` with an async one: the same reads, in both worlds.
"""

from __future__ import annotations

import datetime
import json as jsonlib
import re
import time
from collections.abc import Awaitable, Callable, Generator, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, TypeVar, Union
from urllib.parse import unquote, urlsplit

from typing_extensions import TypedDict

from . import answers, errors
from .answers import JSON, Answer
from .catalogue import LOGIN, REFRESH_TOKEN
from .credentials import Secret, Tokens
from .etag_cache import CachedAnswer, EtagCache
from .policy import RetryPolicy, Timeout, parse_retry_after

Params = Mapping[str, Union[str, int, float, bool, None, Sequence[str]]]
T = TypeVar("T")

#: A path segment: a route word, an id, a file name (percent-escaped).
_SEGMENT = re.compile(r"(?:[A-Za-z0-9_.~-]|%[0-9A-Fa-f]{2})+\Z")
REFRESH_PATH = REFRESH_TOKEN.fill()
_NO_REFRESH_PATHS = frozenset({LOGIN.fill(), REFRESH_PATH})


class RequestOptions(TypedDict, total=False):
    """What a request may carry besides its method and path (see :class:`Request`)."""

    params: Params | None
    json: JSON
    data: Any
    headers: Mapping[str, str] | None
    timeout: Timeout | None
    authenticate: bool
    retry: RetryPolicy | None


@dataclass(frozen=True)
class Request:
    """One API request, as the SDK means it.

    ``json`` may hold :class:`~kitsu_models.credentials.Secret` values:
    they are revealed only into the encoded body. ``data`` is a body
    already encoded, or a rewindable stream (a multipart upload): a request
    carrying one is never retried, only replayed after a token refresh,
    rewound first. ``timeout`` and ``retry`` replace the transport's;
    ``stream`` leaves a successful answer's body unread (a download);
    ``revalidate`` (a GET) sends ``If-None-Match`` where the server sent an
    ``ETag`` last time, and takes the kept bytes on a 304.
    """

    method: str
    path: str
    params: Params | None = None
    json: JSON = None
    data: Any = None
    headers: Mapping[str, str] | None = None
    timeout: Timeout | None = None
    authenticate: bool = True
    retry: RetryPolicy | None = None
    stream: bool = False
    revalidate: bool = False

    def checked(self) -> Request:
        """This request with its method upper-case and its path checked
        (:func:`checked_path`): what every try sends."""
        return replace(self, method=self.method.upper(), path=checked_path(self.path))

    @property
    def route(self) -> str:
        """The path as errors name it (``/data/...``)."""
        return "/" + self.path


@dataclass(frozen=True)
class Wire:
    """A request as it goes on the wire: the URL, the query, the headers
    (the access token among them) and the body (bytes, a stream, or None)."""

    method: str
    url: str
    params: dict[str, Any] | None
    headers: dict[str, str]
    body: Any


def normalize_host(host: str) -> str:
    """The API root URL with a trailing slash.

    ``https://kitsu.example.com/api`` (behind nginx) and
    ``http://127.0.0.1:8080`` (Zou directly) are both API roots as given.
    """
    host = host.strip()
    if not re.match(r"^https?://[^/]", host):
        raise errors.InvalidArgumentError(f"host must be an http(s) URL, got {host!r}")
    return host.rstrip("/") + "/"


def server_of(base_url: str) -> str:
    """``host:port`` of an API root (an IPv6 host in brackets), as transport errors name it."""
    url = urlsplit(base_url)
    name = f"[{url.hostname}]" if ":" in (url.hostname or "") else url.hostname
    return f"{name}:{url.port or (443 if url.scheme == 'https' else 80)}"


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


def wire(request: Request, base_url: str, tokens: Tokens | None) -> Wire:
    """``request`` (checked) on the wire: JSON encoded, secrets revealed into
    the bytes only, the access token of ``tokens`` set. Called in a frame
    that is gone by the time anything can fail."""
    headers = dict(request.headers or {})
    body = request.data
    if request.json is not None:
        try:
            body = jsonlib.dumps(request.json, default=_reveal).encode("utf-8")
        except (TypeError, ValueError) as exc:
            raise errors.InvalidArgumentError(f"{request.method} {request.route}: the body is not JSON ({exc})") from None
        headers["Content-Type"] = "application/json"
    if tokens is not None:
        headers["Authorization"] = f"Bearer {tokens.access.reveal()}"
    return Wire(request.method, base_url + request.path, encode_params(request.params), headers, body)


def encode_params(params: Params | None) -> dict[str, Any] | None:
    """Query values as the server reads them: booleans as ``true``/``false``,
    None left out."""
    if not params:
        return None
    return {key: ("true" if value else "false") if isinstance(value, bool) else value
            for key, value in params.items() if value is not None}


def _reveal(value: Any) -> Any:
    """JSON encoding of what ``json.dumps`` does not know: secrets, and
    dates and datetimes as ISO 8601 text (as gazu sends them)."""
    if isinstance(value, Secret):
        return value.reveal()
    if isinstance(value, datetime.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


class Attempts:
    """The tries of one request, and what comes after each.

    Built once per request; the driver sends, then asks: :meth:`after_failure`
    for an exchange that got no answer, :meth:`after_answer` for a status.
    Each says the delay before another try (None: no other try); only one
    token refresh is allowed per request (:meth:`may_refresh`).
    """

    def __init__(self, request: Request, policy: RetryPolicy, now: float | None = None) -> None:
        self.request = request
        # A streamed body cannot be sent twice, but a refresh may replay it rewound.
        self.policy: RetryPolicy = RetryPolicy(attempts=1) if request.data is not None else (request.retry or policy)
        self.started: float = time.monotonic() if now is None else now
        self.tries: int = 0
        self.refreshed: bool = False

    def sent(self) -> None:
        """One more try was made."""
        self.tries += 1

    def after_failure(self, failure: errors.TransportError, reached: bool, now: float | None = None) -> float | None:
        """The delay before trying again after ``failure``, or None: not a
        TLS or DNS failure (the same again), not before the server ever
        answered this session (a wrong host fails at once), and within the
        policy (a POST only when it was never sent)."""
        if not reached or isinstance(failure, (errors.TLSError, errors.NameResolutionError)):
            return None
        sent = not isinstance(failure, errors.ConnectError)
        if not self.policy.may_retry_error(self.request.method, request_was_sent=sent):
            return None
        return self._delay(None, now)

    def may_refresh(self, status: int, content: bytes, tokens: Tokens | None) -> bool:
        """Whether to refresh the access token and replay: the server refused
        the token the request carried, for the first time, on a route that
        is not the login or the refresh, with a body that can be sent again."""
        data = self.request.data
        replayable = data is None or not hasattr(data, "read") or hasattr(data, "rewind")
        return (tokens is not None and not self.refreshed and self.request.path not in _NO_REFRESH_PATHS
                and replayable and answers.is_token_refused(status, content))

    def after_answer(self, status: int, retry_after: str | None, now: float | None = None) -> float | None:
        """The delay before trying again after an answer with ``status`` (a
        retried status of an idempotent method, within the policy), or None."""
        if not self.policy.may_retry_status(self.request.method, status):
            return None
        return self._delay(parse_retry_after(retry_after), now)

    def _delay(self, retry_after: float | None, now: float | None) -> float | None:
        delay = self.policy.delay(self.tries, retry_after)
        elapsed = (time.monotonic() if now is None else now) - self.started
        if self.tries >= self.policy.attempts or elapsed + delay > self.policy.max_elapsed:
            return None
        return delay

    def error(self, status: int, reason: str, content: bytes) -> errors.HTTPStatusError:
        """The typed error of an answer that ends the request."""
        return answers.error_from_response(self.request.method, self.request.path, status, reason, content)


def tokens_from(content: bytes, status: int, current: Tokens) -> Tokens | errors.UnexpectedAnswerError:
    """The tokens a refresh answer gives (the refresh token kept when it
    sends none), or the error naming its keys only: the values are tokens."""
    payload = answers.loads_or_text(content)
    access = payload.get("access_token") if isinstance(payload, dict) else None
    if not isinstance(access, str) or not access:
        keys = sorted(payload) if isinstance(payload, dict) else []
        return errors.UnexpectedAnswerError(
            "GET", "/" + REFRESH_PATH, status, "no access_token in the answer", f"keys {keys}"
        )
    refresh = payload.get("refresh_token")
    return Tokens.from_strings(access, refresh if isinstance(refresh, str) and refresh else current.refresh_text())


#: Work of several requests, written once: a generator that yields each
#: :class:`Request` and is sent its :class:`Answer` (or thrown the error).
Plan = Generator[Request, Answer, T]


def drive(plan: Plan[T], send: Callable[[Request], Answer]) -> T:
    """Run ``plan``, each request sent with ``send`` (blocking); its result.
    A failed request is thrown into the plan, which may handle it."""
    try:
        request = next(plan)
        while True:
            try:
                answer = send(request)
            except Exception as exc:  # noqa: BLE001 (the plan decides; uncaught, it comes back out)
                request = plan.throw(exc)
            else:
                request = plan.send(answer)
    except StopIteration as stop:
        result: T = stop.value
        return result


async def adrive(plan: Plan[T], send: Callable[[Request], Awaitable[Answer]]) -> T:
    """As :func:`drive`, with an async ``send``."""
    try:
        request = next(plan)
        while True:
            try:
                answer = await send(request)
            except Exception as exc:  # noqa: BLE001 (the plan decides; uncaught, it comes back out)
                request = plan.throw(exc)
            else:
                request = plan.send(answer)
    except StopIteration as stop:
        result: T = stop.value
        return result


def get(path: str, params: Params | None = None, *, revalidate: bool = False) -> Plan[Any]:
    """A plan of one GET: the answer's JSON."""
    answer = yield Request("GET", path, params=params, revalidate=revalidate)
    return answers.json_of("GET", path, answer)


def post(path: str, json: JSON = None, *, authenticate: bool = True) -> Plan[Any]:
    """A plan of one POST: the answer's JSON, or None when it has no body."""
    answer = yield Request("POST", path, json=json, authenticate=authenticate)
    return answers.json_or_none("POST", path, answer)


def cache_key(path: str, params: Params | None) -> Hashable:
    """The full URL, as the key of a conditional read: the server's ETag
    ignores the query string, so two queries of one route must not share it.
    A list value (a key sent once per item) counts as the tuple of its items."""
    return (path, tuple(sorted((key, tuple(value) if isinstance(value, list) else value)
                               for key, value in (params or {}).items())))


def conditional(cache: EtagCache, request: Request) -> tuple[Request, Hashable, CachedAnswer | None]:
    """``request`` as a driver's ``send`` sends it: with ``If-None-Match``
    when it asks to ``revalidate`` and ``cache`` keeps an answer with an
    ``ETag`` for it; the key and the kept answer, for
    :func:`after_conditional`. A streamed request is refused before it is
    sent: ``send`` reads answers whole, so its body would be lost (a
    download streams through ``fetch``)."""
    if request.stream:
        raise errors.InvalidArgumentError(f"{request.method} {request.route}: send() reads answers whole, "
                                          "it does not stream them (download with fetch())")
    if not request.revalidate:
        return request, None, None
    key = cache_key(request.path, request.params)
    cached = cache.get(key)
    if cached is None:
        return request, key, None
    return replace(request, headers={**(request.headers or {}), "If-None-Match": cached.etag}), key, cached


def after_conditional(cache: EtagCache, key: Hashable, cached: CachedAnswer | None, answer: Answer) -> Answer:
    """The answer of a conditional request: on a 304, the kept bytes; an
    answer with a new ``ETag`` is kept (bytes only, never what a caller
    makes of them)."""
    if key is None:
        return answer
    if answer.status == 304 and cached is not None:
        return Answer(200, answer.headers, cached.body)
    etag = answer.headers.get("etag")
    if etag:
        cache.put(key, etag, answer.content)
    return answer
