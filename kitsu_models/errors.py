"""The exception tree of the SDK.

Every error raised by kitsu_models derives from :class:`KitsuError`. HTTP
answers map to one class per status family, each carrying the method, the
path, the status and the server's message (never a header or a token), so a
caller can ``except NotFoundError`` whatever API produced it. ``gazu.exception``
exposes these same classes under gazu's historical names.
"""

from __future__ import annotations

from typing import Any


class KitsuError(Exception):
    """Base class of every error raised by this SDK."""


class InvalidArgumentError(KitsuError, ValueError):
    """Bad input caught on the client side, before any request was sent."""


class LocalFileNotFoundError(InvalidArgumentError, FileNotFoundError):
    """A local file to upload (or read) does not exist."""


class HostError(KitsuError):
    """The configured host is not a reachable Kitsu API."""


class UnexpectedAnswerError(HostError):
    """A success status whose body is not what a Kitsu route sends: not
    JSON (a proxy's page, a cut or empty body), or JSON of another shape.
    Carries the method, path, status and a short excerpt of the body."""

    def __init__(self, method: str, path: str, status: int, problem: str, excerpt: str = "") -> None:
        self.method = method
        self.path = path
        self.status = status
        self.problem = problem
        self.excerpt = excerpt
        where = f"{method} {path} -> {status}: ".lstrip() if path else "an answer of the server: "
        super().__init__(where + problem + (f": {excerpt}" if excerpt else ""))


class MissingFieldError(UnexpectedAnswerError, AttributeError):
    """A field the model requires that even the object's whole record lacks:
    a malformed answer, and an ``AttributeError`` (``hasattr`` says False)."""


class TransportError(KitsuError):
    """The request did not get an HTTP answer (connection, timeout, TLS).

    ``server`` is the ``host:port`` the request went to, named in the
    message: a wrong port or host shows at once."""

    def __init__(self, method: str, path: str, reason: str, server: str = "") -> None:
        self.method = method
        self.path = path
        self.reason = reason
        self.server = server
        super().__init__(f"{method} {path}{f' to {server}' if server else ''}: {reason}")


class ConnectError(TransportError):
    """No connection could be made: the server never saw the request."""


class NameResolutionError(ConnectError):
    """The host name does not resolve (DNS): a typo in the URL, or no
    network. Never retried: asking again gives the same answer."""


class RequestTimeoutError(TransportError):
    """The server accepted the connection but did not answer in time."""


class TLSError(ConnectError):
    """The TLS handshake or the certificate check failed (never retried)."""


class HTTPStatusError(KitsuError):
    """The server answered with an error status."""

    status: int = 0

    def __init__(
        self,
        method: str,
        path: str,
        status: int,
        message: str = "",
        body: Any = None,
    ) -> None:
        self.method = method
        self.path = path
        self.status = status
        self.message = message
        self.body = body
        detail = f": {message}" if message else ""
        super().__init__(f"{method} {path} -> {status}{detail}")


class BadRequestError(HTTPStatusError):
    """400: the server rejected the parameters."""


class AuthenticationError(HTTPStatusError):
    """401 (or an invalid token): the request is not authenticated."""


class LoginFailedError(AuthenticationError):
    """The email/password pair (or second factor) was refused."""


class PermissionDeniedError(HTTPStatusError):
    """403: authenticated, but not allowed to do this."""


class NotFoundError(HTTPStatusError):
    """404: no such route or record."""


class MethodNotAllowedError(HTTPStatusError):
    """405: the route exists but not for this HTTP method."""


class PayloadTooLargeError(HTTPStatusError):
    """413: the uploaded file is larger than the server accepts.

    ``limit`` is the server's limit in bytes when its answer says it.
    """

    def __init__(
        self,
        method: str,
        path: str,
        status: int,
        message: str = "",
        body: Any = None,
        limit: int | None = None,
    ) -> None:
        super().__init__(method, path, status, message, body)
        self.limit = limit


class UnprocessableEntityError(HTTPStatusError):
    """422: the server understood the request but refused its content."""


class InvalidTokenError(AuthenticationError, UnprocessableEntityError):
    """422 from the token layer: the token is malformed or badly signed."""


class ServerError(HTTPStatusError):
    """5xx: the server failed."""


class UploadError(KitsuError):
    """An upload was accepted but the server could not process the file."""


class DownloadError(KitsuError):
    """A download could not be completed; nothing was left at the target."""


class StillProcessingError(DownloadError):
    """The server is still preparing the file (202): ask again later,
    after ``retry_after`` seconds when it says."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class ModelNotFoundError(NotFoundError):
    """No record of this model has this id (or name)."""

    def __init__(self, model: str, key: str, path: str = "", method: str = "GET") -> None:
        super().__init__(method, path, 404, f"no {model} {key}")
        self.model = model
        self.key = key
        # What is missing first; the request only when one answered 404
        # (a query that found nothing sent no 404).
        self.args: tuple[Any, ...] = (f"no {model} {key}" + (f" ({method} {path} -> 404)" if path else ""),)


class DetachedObjectError(KitsuError):
    """The model belongs to no session, so it cannot load or save."""


class DeletedObjectError(KitsuError):
    """The model was deleted on the server; it cannot be used any more."""


class LazyLoadError(KitsuError):
    """Strict mode is on and a relation was not loaded beforehand."""


class PartialBatchError(KitsuError):
    """A write sent in several requests failed part way. ``done`` holds what
    the requests answered before the failure created; the request that
    failed may have created some of its own items too. The failure itself
    is ``__cause__``."""

    def __init__(self, message: str, done: list[Any]) -> None:
        super().__init__(message)
        self.done = done


class TaskStatusNotFoundError(KitsuError, LookupError):
    """No task status matches the given name or short name."""


_STATUS_CLASSES: dict[int, type[HTTPStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    413: PayloadTooLargeError,
    422: UnprocessableEntityError,
}


def error_class_for_status(status: int) -> type[HTTPStatusError]:
    """The exception class that stands for an HTTP error status."""
    if status >= 500:
        return ServerError
    return _STATUS_CLASSES.get(status, HTTPStatusError)
