"""Reading answers: the body as it comes (bounded by a deadline), its JSON,
and the typed error for each way an answer can be wrong (an error status, a
body that is not JSON, a failed exchange). Errors carry text only: none
holds the request, so no traceback reaches its headers or its body."""

from __future__ import annotations

import json as jsonlib
import re
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests
from urllib3.exceptions import HTTPError, ReadTimeoutError

from . import errors

JSON = Any
#: Bytes asked per read of an answer: each read returns what has arrived.
READ_SIZE = 64 * 1024


@dataclass(frozen=True)
class Answer:
    """A successful answer: its status, headers (lower-case names) and body."""

    status: int
    headers: Mapping[str, str]
    content: bytes

    def json(self) -> JSON:
        """The body as JSON; :class:`errors.HostError` when it is not JSON."""
        return jsonlib.loads(self.content)


_LIMIT_RE = re.compile(r"(\d+)\s*(bytes|b|kb|mb|gb)\b", re.IGNORECASE)
_UNITS = {"b": 1, "bytes": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}


#: Why a request that met its total timeout failed.
TOTAL_TIMEOUT = "the answer took longer than the total timeout"


def read_body(
    method: str, route: str, response: requests.Response, deadline: float, server: str = ""
) -> bytes | errors.TransportError:
    """The whole body, read as it comes (a server that trickles it is cut
    at ``deadline``, a monotonic time; each read is bounded by the read
    timeout), or the transport error that stopped it, naming ``server``."""
    parts: list[bytes] = []
    try:
        while True:
            if time.monotonic() > deadline:
                return errors.RequestTimeoutError(method, route, TOTAL_TIMEOUT, server)
            chunk = response.raw.read1(READ_SIZE, decode_content=True)
            if not chunk:
                return b"".join(parts)
            parts.append(chunk)
    except ReadTimeoutError:
        return timed_out(method, route, deadline, server)
    except (HTTPError, OSError) as exc:
        return errors.TransportError(method, route, f"incomplete answer ({type(exc).__name__})", server)
    finally:
        response.close()


def json_of(method: str, path: str, answer: Answer) -> JSON:
    """The JSON of a successful answer that must carry some."""
    try:
        return answer.json()
    except ValueError:
        # An HTML page (a proxy, a web server that is not Kitsu), a cut or
        # empty answer: not something a Kitsu API route sends.
        kind = answer.headers.get("content-type") or "no content type"
        problem = f"the answer ({kind}) is not JSON"
    except RecursionError:
        problem = "the answer's JSON is nested too deeply"
    raise errors.UnexpectedAnswerError(method, "/" + path.lstrip("/"), answer.status, problem, excerpt(answer.content))

def json_or_none(method: str, path: str, answer: Answer) -> JSON:
    """The JSON of a write's answer, or None when it has no body."""
    return json_of(method, path, answer) if answer.content else None

def excerpt(content: object, limit: int = 120) -> str:
    """A short, printable excerpt of a body (bytes) or of a decoded answer."""
    text = content.decode("utf-8", "replace") if isinstance(content, bytes) else repr(content)
    return repr(text[:limit] + ("..." if len(text) > limit else ""))

def _server_message(body: Any, fallback: str) -> str:
    if isinstance(body, dict):
        for key in ("message", "msg", "error"):
            value = body.get(key)
            if isinstance(value, str) and value:
                return value
    return fallback

def _size_limit(message: str) -> int | None:
    match = _LIMIT_RE.search(message)
    if not match:
        return None
    return int(match.group(1)) * _UNITS[match.group(2).lower()]

def loads_or_text(body: bytes) -> Any:
    """An error body as JSON, else its first 500 characters."""
    try:
        return jsonlib.loads(body)
    except (ValueError, RecursionError):
        return body[:500].decode("utf-8", "replace")

def error_from_response(method: str, path: str, status: int, reason: str, content: bytes) -> errors.HTTPStatusError:
    """The :mod:`errors` class for an HTTP error answer, with the server's message."""
    body = loads_or_text(content)
    message = _server_message(body, reason)
    route = f"/{path}"
    if status == 413:
        return errors.PayloadTooLargeError(method, route, status, message, body, _size_limit(message))
    if status == 422 and isinstance(body, dict) and "msg" in body:
        # Flask-JWT answers 422 for a malformed or badly signed token.
        return errors.InvalidTokenError(method, route, status, message, body)
    return errors.error_class_for_status(status)(method, route, status, message, body)


def timed_out(method: str, route: str, deadline: float | None, server: str = "") -> errors.RequestTimeoutError:
    """A read that timed out: at the total ``deadline`` (a monotonic time),
    or within the read timeout."""
    if deadline is not None and time.monotonic() >= deadline - 0.05:
        return errors.RequestTimeoutError(method, route, TOTAL_TIMEOUT, server)
    return errors.RequestTimeoutError(method, route, "no answer within the read timeout", server)


def transport_error(
    method: str, route: str, exc: requests.exceptions.RequestException, server: str = "", deadline: float | None = None
) -> errors.TransportError:
    """Our error for a failed exchange, from its kind only (no chain);
    ``server`` (``host:port``) is named in the message, and a timeout met
    at ``deadline`` says it was the total one."""
    if isinstance(exc, requests.exceptions.SSLError):
        return errors.TLSError(method, route, "TLS handshake or certificate check failed", server)
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return errors.ConnectError(method, route, "connection timed out", server)
    if isinstance(exc, requests.exceptions.Timeout):
        return timed_out(method, route, deadline, server)
    if isinstance(exc, requests.exceptions.ConnectionError):
        if _name_unresolved(exc):
            host = server.rsplit(":", 1)[0] or "the host"
            return errors.NameResolutionError(
                method, route, f"the name {host} does not resolve (DNS): check the host in the URL", server
            )
        if _never_sent(exc):
            return errors.ConnectError(method, route, "connection refused or unreachable", server)
        if _read_timed_out(exc):
            return timed_out(method, route, deadline, server)
        return errors.TransportError(method, route, "connection lost", server)
    return errors.TransportError(method, route, f"request failed ({type(exc).__name__})", server)


#: What urllib3 and the C library say when a host name has no address.
_UNRESOLVED = (
    "NameResolutionError", "Name or service not known", "nodename nor servname", "No address associated",
    "Temporary failure in name resolution", "getaddrinfo failed",
)


def _name_unresolved(exc: requests.exceptions.ConnectionError) -> bool:
    text = repr(exc.args)
    return any(marker in text for marker in _UNRESOLVED)

def _read_timed_out(exc: requests.exceptions.ConnectionError) -> bool:
    """True when requests wrapped a read timeout met while reading the body."""
    return any(isinstance(arg, ReadTimeoutError) for arg in exc.args)

def _never_sent(exc: requests.exceptions.ConnectionError) -> bool:
    """True when the connection failed before any byte of the request left."""
    text = repr(exc.args)
    return any(
        marker in text
        for marker in ("NewConnectionError", "Connection refused")
    )

def is_token_refused(status: int, body: bytes) -> bool:
    """401, or Flask-JWT's 422 ``{"msg": ...}`` for an expired, corrupted or
    badly signed token: worth one refresh."""
    if status == 401:
        return True
    parsed = loads_or_text(body) if status == 422 else None
    return isinstance(parsed, dict) and "msg" in parsed
