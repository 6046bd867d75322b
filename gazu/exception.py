"""gazu's exception names, bound to the kitsu_models classes themselves, so
one ``except`` clause catches an error from either API."""

from kitsu_models.errors import (
    AuthenticationError as NotAuthenticatedException,
    BadRequestError as ParameterException,
    DownloadError as DownloadFileException,
    HostError as HostException,
    LoginFailedError as AuthFailedException,
    MethodNotAllowedError as MethodNotAllowedException,
    NotFoundError as RouteNotFoundException,
    PayloadTooLargeError as TooBigFileException,
    PermissionDeniedError as NotAllowedException,
    ServerError as ServerErrorException,
    TaskStatusNotFoundError as TaskStatusNotFound,
    UploadError as UploadFailedException,
)

__all__ = [
    "AuthFailedException",
    "DownloadFileException",
    "HostException",
    "MethodNotAllowedException",
    "NotAllowedException",
    "NotAuthenticatedException",
    "ParameterException",
    "RouteNotFoundException",
    "ServerErrorException",
    "TaskStatusNotFound",
    "TooBigFileException",
    "UploadFailedException",
]
