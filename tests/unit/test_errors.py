"""Every failure maps to one class of the SDK's exception tree, carrying the
method, path, status and server message; gazu's names are the same classes."""

from __future__ import annotations

import pytest
import requests
import responses
import urllib3

import gazu.exception
import kitsu_models
from kitsu_models import errors
from kitsu_models.credentials import Tokens
from kitsu_models.models import PreviewProcessingError
from kitsu_models.policy import NO_RETRY, RetryPolicy
from kitsu_models.session import Kitsu
from kitsu_models.transport import Transport

from .conftest import API, record_sleeps

URL = API + "data/projects"


def _transport(tokens: Tokens | None = None) -> Transport:
    transport = Transport(API, retry=NO_RETRY, tokens=tokens)
    record_sleeps(transport)
    return transport


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, errors.BadRequestError),
        (401, errors.AuthenticationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (405, errors.MethodNotAllowedError),
        (413, errors.PayloadTooLargeError),
        (422, errors.UnprocessableEntityError),
        (500, errors.ServerError),
        (502, errors.ServerError),
        (503, errors.ServerError),
        (504, errors.ServerError),
        (409, errors.HTTPStatusError),
        (429, errors.HTTPStatusError),
    ],
)
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_status_maps_to_its_class(
    mocked: responses.RequestsMock, method: str, status: int, cls: type[errors.HTTPStatusError]
) -> None:
    mocked.add(method, URL, status=status, json={"error": True, "message": f"server says {status}"})
    with pytest.raises(errors.HTTPStatusError) as caught:
        _transport().request(method, "data/projects")
    exc = caught.value
    assert type(exc) is cls
    assert isinstance(exc, errors.KitsuError)
    assert (exc.method, exc.path, exc.status, exc.message) == (method, "/data/projects", status, f"server says {status}")
    assert exc.body == {"error": True, "message": f"server says {status}"}
    assert str(exc) == f"{method} /data/projects -> {status}: server says {status}"


def test_error_classes_of_the_statuses() -> None:
    assert errors.error_class_for_status(404) is errors.NotFoundError
    assert errors.error_class_for_status(599) is errors.ServerError
    assert errors.error_class_for_status(418) is errors.HTTPStatusError


def test_message_falls_back_on_the_reason_for_a_non_json_body(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=502, body="<html>bad gateway</html>", content_type="text/html")
    with pytest.raises(errors.ServerError) as caught:
        _transport().get("data/projects")
    assert caught.value.message == "Bad Gateway"
    assert caught.value.body == "<html>bad gateway</html>"


@pytest.mark.parametrize("key", ["message", "msg", "error"])
def test_message_is_read_from_the_usual_keys(mocked: responses.RequestsMock, key: str) -> None:
    mocked.get(URL, status=400, json={key: "bad name"})
    with pytest.raises(errors.BadRequestError) as caught:
        _transport().get("data/projects")
    assert caught.value.message == "bad name"


def test_query_parameters_are_not_part_of_the_carried_path(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=404, json={"message": "nope"})
    with pytest.raises(errors.NotFoundError) as caught:
        _transport().get("/data/projects", params={"name": "x", "archived": False})
    assert caught.value.path == "/data/projects"
    assert mocked.calls[0].request.url == URL + "?name=x&archived=false"


def test_413_carries_the_limit_when_the_server_tells_it(mocked: responses.RequestsMock) -> None:
    mocked.post(URL, status=413, json={"message": "File too big: the limit is 100 MB"})
    mocked.post(API + "other", status=413, body="")
    transport = _transport()
    with pytest.raises(errors.PayloadTooLargeError) as caught:
        transport.post("data/projects", {})
    assert caught.value.limit == 100 * 1024**2
    with pytest.raises(errors.PayloadTooLargeError) as caught:
        transport.post("other", {})
    assert caught.value.limit is None


def test_422_from_the_token_layer_is_an_invalid_token(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=422, json={"msg": "Not enough segments"})
    with pytest.raises(errors.InvalidTokenError) as caught:
        _transport().get("data/projects")
    exc = caught.value
    assert isinstance(exc, errors.AuthenticationError)
    assert isinstance(exc, errors.UnprocessableEntityError)
    assert exc.message == "Not enough segments"


def test_401_after_a_refused_refresh_is_an_authentication_error(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=401, json={"msg": "Token has been revoked"})
    mocked.get(API + "auth/refresh-token", status=401, json={"msg": "Token has been revoked"})
    with pytest.raises(errors.AuthenticationError) as caught:
        _transport(Tokens.from_strings("a", "r")).get("data/projects")
    assert caught.value.status == 401
    assert caught.value.message == "Token has been revoked"
    assert [c.request.path_url for c in mocked.calls] == ["/api/data/projects", "/api/auth/refresh-token"]


# ------------------------------------------------------- no HTTP answer
def _refused() -> requests.exceptions.ConnectionError:
    pool = urllib3.HTTPSConnectionPool("kitsu.test", 443)
    reason = urllib3.exceptions.NewConnectionError(
        urllib3.connection.HTTPSConnection("kitsu.test", 443), "Failed to establish a new connection: [Errno 111] Connection refused"
    )
    return requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(pool, "/api/data/projects", reason))


def _unresolvable() -> requests.exceptions.ConnectionError:
    pool = urllib3.HTTPSConnectionPool("kitsu.test", 443)
    reason = urllib3.exceptions.NameResolutionError("kitsu.test", None, OSError("Name or service not known"))  # type: ignore[arg-type]
    return requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(pool, "/api/data/projects", reason))


@pytest.mark.parametrize(
    ("failure", "cls"),
    [
        (_refused(), errors.ConnectError),
        (_unresolvable(), errors.NameResolutionError),
        (requests.exceptions.ConnectTimeout("connect timed out"), errors.ConnectError),
        (requests.exceptions.ReadTimeout("read timed out"), errors.RequestTimeoutError),
        (
            requests.exceptions.ConnectionError(urllib3.exceptions.ProtocolError("Connection aborted.")),
            errors.TransportError,
        ),
    ],
    ids=["refused", "unresolvable", "connect-timeout", "read-timeout", "connection-lost"],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_connection_failures_map_to_transport_errors(
    mocked: responses.RequestsMock, method: str, failure: Exception, cls: type[errors.TransportError]
) -> None:
    mocked.add(method, URL, body=failure)
    with pytest.raises(errors.TransportError) as caught:
        _transport().request(method, "data/projects")
    exc = caught.value
    assert type(exc) is cls
    assert isinstance(exc, errors.KitsuError)
    assert (exc.method, exc.path) == (method, "/data/projects")
    assert exc.reason and str(exc) == f"{method} /data/projects to kitsu.test:443: {exc.reason}"
    # No chain: requests' exception holds the request (its headers carry the token).
    assert exc.__cause__ is None and exc.__context__ is None


def test_a_body_cut_short_is_a_transport_error_and_is_retried(mocked: responses.RequestsMock) -> None:
    cut = responses.Response(
        "GET", URL, body=b'[{"id": 1}', headers={"Content-Length": "100"}, auto_calculate_content_length=False
    )
    mocked.add(cut)
    mocked.add(cut)
    transport = Transport(API, retry=RetryPolicy(attempts=2))
    delays = record_sleeps(transport)
    with pytest.raises(errors.TransportError) as caught:
        transport.get("data/projects")
    assert (caught.value.method, caught.value.path) == ("GET", "/data/projects")
    assert len(mocked.calls) == 2 and len(delays) == 1


def test_a_closed_port_is_a_connect_error(closed_port_url: str) -> None:
    transport = Transport(closed_port_url, retry=NO_RETRY)
    with pytest.raises(errors.ConnectError) as caught:
        transport.get("data/projects")
    assert (caught.value.method, caught.value.path) == ("GET", "/data/projects")


def test_a_non_json_answer_to_a_get_is_a_kitsu_error(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, body="<html>a login page of a proxy</html>", content_type="text/html")
    with pytest.raises(errors.KitsuError):
        _transport().get("data/projects")


# ------------------------------------------------------------- gazu names
#: gazu's exception names (official gazu 1.3.1's), each with the SDK error
#: it derives from (or is), so one ``except`` clause of either API catches it.
GAZU_NAMES = {
    "AuthFailedException": errors.LoginFailedError,
    "DownloadFileException": errors.DownloadError,
    "FileDoesntExistException": errors.LocalFileNotFoundError,
    "GazuException": errors.KitsuError,
    "HostException": errors.HostError,
    "MethodNotAllowedException": errors.MethodNotAllowedError,
    "NotAllowedException": errors.PermissionDeniedError,
    "NotAuthenticatedException": errors.AuthenticationError,
    "ParameterException": errors.BadRequestError,
    "PreviewFileProcessingException": PreviewProcessingError,
    "ProjectDoesntExistException": errors.ModelNotFoundError,
    "RouteNotFoundException": errors.NotFoundError,
    "ServerErrorException": errors.ServerError,
    "TaskMustBeADictException": errors.InvalidArgumentError,
    "TaskStatusNotFoundException": errors.TaskStatusNotFoundError,
    "TooBigFileException": errors.PayloadTooLargeError,
    "UploadFailedException": errors.UploadError,
    "ValidationException": errors.UnprocessableEntityError,
}
#: Names that are the SDK's class itself: the base of everything gazu raises.
SAME = {"GazuException", "HostException"}


@pytest.mark.parametrize("name", sorted(GAZU_NAMES))
def test_a_gazu_exception_has_official_gazus_name_and_derives_from_the_sdks_error(name: str) -> None:
    cls = getattr(gazu.exception, name)
    assert issubclass(cls, GAZU_NAMES[name]) and issubclass(cls, errors.KitsuError)
    assert cls is GAZU_NAMES[name] if name in SAME else cls.__name__ == name
    assert gazu.exception.TaskStatusNotFound is gazu.exception.TaskStatusNotFoundException


@pytest.mark.parametrize(
    ("status", "gazu_name", "text"),
    [
        (400, "ParameterException", "('data/projects?page=2', 'm')"),
        (401, "NotAuthenticatedException", "data/projects?page=2"),
        (403, "NotAllowedException", "data/projects?page=2"),
        (404, "RouteNotFoundException", "data/projects?page=2"),
        (405, "MethodNotAllowedException", "data/projects?page=2"),
        (413, "TooBigFileException",
         "data/projects?page=2: You send a too big file. Change your proxy configuration to allow bigger files."),
        (422, "ValidationException", "('data/projects?page=2', 'm')"),
        (500, "ServerErrorException", "data/projects?page=2"),
        (502, "ServerErrorException", "data/projects?page=2"),
    ],
)
def test_a_gazu_call_raises_official_gazus_class_and_text_caught_by_the_sdks_names_too(
    mocked: responses.RequestsMock, status: int, gazu_name: str, text: str
) -> None:
    mocked.get(URL, status=status, json={"message": "m"})
    client = gazu.client.create_client(API.rstrip("/"))
    client.kitsu.transport.retry = NO_RETRY
    with pytest.raises(getattr(gazu.exception, gazu_name)) as caught:
        gazu.client.get("data/projects", params={"page": 2}, client=client)
    assert type(caught.value).__name__ == gazu_name and str(caught.value) == text
    assert isinstance(caught.value, errors.error_class_for_status(status))
    assert caught.value.status == status  # the SDK's attributes are kept


def test_the_typed_sdk_raises_its_own_classes(mocked: responses.RequestsMock) -> None:
    mocked.get(URL, status=404, json={"message": "m"})
    with pytest.raises(errors.NotFoundError) as caught:
        _transport().get("data/projects")
    assert type(caught.value) is errors.NotFoundError and str(caught.value) == "GET /data/projects -> 404: m"


def test_a_refused_login_is_caught_by_gazu_and_sdk_names(mocked: responses.RequestsMock) -> None:
    mocked.post(API + "auth/login", status=400, json={"login": False, "message": "Wrong email or password."})
    with pytest.raises(kitsu_models.LoginFailedError) as refused:
        Kitsu(API, retry=NO_RETRY).log_in("someone@example.com", "wrong")
    assert refused.value.message == "Wrong email or password."
    client = gazu.client.create_client(API.rstrip("/"))
    for catch in (gazu.exception.AuthFailedException, kitsu_models.LoginFailedError, gazu.exception.GazuException):
        with pytest.raises(catch) as caught:
            gazu.log_in("someone@example.com", "wrong", client=client)
        assert str(caught.value) == "('auth/login', 'Wrong email or password.')"  # 1.3.1's words
        assert caught.value.message == "Wrong email or password."


