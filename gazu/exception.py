"""gazu's exception names, bound to the kitsu_models classes themselves (or
to subclasses raised where gazu raises its own), so one ``except`` clause
catches an error from either API. Each HTTP status maps to the class gazu
1.3.1 raises for it: 400 ParameterException, 401 NotAuthenticatedException,
403 NotAllowedException, 404 RouteNotFoundException, 405
MethodNotAllowedException, 413 TooBigFileException, 422 ValidationException,
5xx ServerErrorException."""

from kitsu_models.errors import (
    AuthenticationError as NotAuthenticatedException,
    BadRequestError as ParameterException,
    DownloadError as DownloadFileException,
    HostError as HostException,
    KitsuError as GazuException,
    LocalFileNotFoundError as FileDoesntExistException,
    LoginFailedError as AuthFailedException,
    MethodNotAllowedError as MethodNotAllowedException,
    ModelNotFoundError,
    NotFoundError as RouteNotFoundException,
    PayloadTooLargeError as TooBigFileException,
    PermissionDeniedError as NotAllowedException,
    ServerError as ServerErrorException,
    TaskStatusNotFoundError as TaskStatusNotFoundException,
    UnprocessableEntityError as ValidationException,
    UploadError as UploadFailedException,
)
from kitsu_models.errors import InvalidArgumentError
from kitsu_models.models import PreviewProcessingError as PreviewFileProcessingException

#: The spec's name of TaskStatusNotFoundException.
TaskStatusNotFound = TaskStatusNotFoundException


class ProjectDoesntExistException(ModelNotFoundError):
    """The production a call names does not exist (gazu's project functions)."""


class TaskMustBeADictException(InvalidArgumentError):
    """A task argument that must be a dict (or a Task) is not one."""


__all__ = [
    "AuthFailedException", "DownloadFileException", "FileDoesntExistException", "GazuException", "HostException",
    "MethodNotAllowedException", "NotAllowedException", "NotAuthenticatedException", "ParameterException",
    "PreviewFileProcessingException", "ProjectDoesntExistException", "RouteNotFoundException",
    "ServerErrorException", "TaskMustBeADictException", "TaskStatusNotFound", "TaskStatusNotFoundException",
    "TooBigFileException", "UploadFailedException", "ValidationException",
]
