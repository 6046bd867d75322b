"""gazu's exceptions: 1.3.1's class names, each a subclass of the SDK's matching error (``except
RouteNotFoundException`` and ``except kitsu_models.NotFoundError`` both catch a 404 of a gazu call).
``GazuException`` is the SDK's ``KitsuError``: it catches every error a gazu function raises (1.3.1 lets
``requests``' connection errors through). HTTP errors are raised as 1.3.1 raises them (:func:`translated`)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlencode

from kitsu_models import errors
from kitsu_models.models import PreviewProcessingError

GazuException = errors.KitsuError
HostException = errors.HostError
#: 1.3.1's default message when the server's answer carries none.
NO_MESSAGE = "No additional information"


class AuthFailedException(errors.LoginFailedError):
    """The login was refused (wrong credentials, second factor...)."""


class NotAuthenticatedException(errors.AuthenticationError):
    """401: the request is not authenticated (and no refresh helped)."""


class NotAllowedException(errors.PermissionDeniedError):
    """403: not allowed for the logged-in user."""


class MethodNotAllowedException(errors.MethodNotAllowedError):
    """405: the route does not take this method."""


class RouteNotFoundException(errors.NotFoundError):
    """404: no such route or record."""


class ServerErrorException(errors.ServerError):
    """5xx: the server failed."""


class ParameterException(errors.BadRequestError):
    """400: the server refused the parameters."""


class ValidationException(errors.UnprocessableEntityError):
    """422: the server refused the content."""


class TooBigFileException(errors.PayloadTooLargeError):
    """413: the file is larger than the server (or its proxy) accepts."""


class UploadFailedException(errors.UploadError):
    """The server took the upload but could not process the file."""


class DownloadFileException(errors.DownloadError):
    """A download could not be completed."""


class TaskStatusNotFoundException(errors.TaskStatusNotFoundError):
    """No task status matches the given name or short name."""


class TaskMustBeADictException(errors.InvalidArgumentError):
    """A task argument that must be a dict (or a Task) is not one."""


class FileDoesntExistException(errors.LocalFileNotFoundError):
    """A local file to send does not exist."""


class ProjectDoesntExistException(errors.ModelNotFoundError):
    """The production a call names does not exist."""


class PreviewFileProcessingException(PreviewProcessingError):
    """The server could not process a preview (or not in time); as in 1.3.1, with a message only."""

    def __init__(self, *args: Any) -> None:
        Exception.__init__(self, *args)
        self.preview_file: Any = None
        self.comment: Any = None


#: The spec's name of TaskStatusNotFoundException.
TaskStatusNotFound = TaskStatusNotFoundException

#: Each HTTP error, most specific first, and what 1.3.1 raises for it.
_BY_ERROR: tuple[tuple[type[errors.HTTPStatusError], type[errors.HTTPStatusError]], ...] = (
    (errors.AuthenticationError, NotAuthenticatedException),
    (errors.BadRequestError, ParameterException),
    (errors.PermissionDeniedError, NotAllowedException),
    (errors.NotFoundError, RouteNotFoundException),
    (errors.MethodNotAllowedError, MethodNotAllowedException),
    (errors.PayloadTooLargeError, TooBigFileException),
    (errors.UnprocessableEntityError, ValidationException),
    (errors.ServerError, ServerErrorException),
)


def as_sent(path: str, params: Mapping[str, Any] | None = None) -> str:
    """A path as 1.3.1 names it in its errors: relative, with its query."""
    query = urlencode({key: value for key, value in (params or {}).items() if value is not None}, doseq=True)
    path = path.lstrip("/")
    return f"{path}{'&' if '?' in path else '?'}{query}" if query else path


def gazu_error(error: errors.HTTPStatusError, path: str) -> errors.HTTPStatusError:
    """``error`` as 1.3.1 raises it for ``path``: its class and ``str()`` (the path; the message of a 400, 422)."""
    if isinstance(error, tuple(gazu for _, gazu in _BY_ERROR)):
        return error
    gazu_class = next((gazu for ours, gazu in _BY_ERROR if isinstance(error, ours)), None)
    if gazu_class is None:
        return error
    translated = gazu_class.__new__(gazu_class)
    translated.__dict__.update(error.__dict__)
    message = error.message or NO_MESSAGE
    if gazu_class is TooBigFileException:
        translated.args = (f"{path}: You send a too big file. Change your proxy configuration to allow bigger files.",)
    elif gazu_class in (ParameterException, ValidationException):
        translated.args = (path, message)
    else:
        translated.args = (path,)
    return translated


def for_status(status: int, path: str, message: str = "") -> errors.HTTPStatusError:
    """The error 1.3.1 raises for an answer of ``status`` on ``path`` (with the server's ``message``)."""
    return gazu_error(errors.error_class_for_status(status)("", path, status, message), path)


@contextmanager
def translated(path: str, params: Mapping[str, Any] | None = None) -> Iterator[None]:
    """Raise the SDK's HTTP errors of the block as 1.3.1 raises them for ``path`` (:func:`gazu_error`)."""
    try:
        yield
    except errors.HTTPStatusError as exc:
        gazu = gazu_error(exc, as_sent(path, params))
        if gazu is exc:
            raise
        raise gazu from None
    except errors.DownloadError as exc:
        if isinstance(exc, (DownloadFileException, errors.StillProcessingError)):
            raise
        raise DownloadFileException(*exc.args) from None


__all__ = [
    "AuthFailedException", "DownloadFileException", "FileDoesntExistException", "GazuException", "HostException",
    "MethodNotAllowedException", "NotAllowedException", "NotAuthenticatedException", "ParameterException",
    "PreviewFileProcessingException", "ProjectDoesntExistException", "RouteNotFoundException",
    "ServerErrorException", "TaskMustBeADictException", "TaskStatusNotFound", "TaskStatusNotFoundException",
    "TooBigFileException", "UploadFailedException", "ValidationException", "for_status", "gazu_error", "translated",
]
