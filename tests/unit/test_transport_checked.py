"""Behaviours of the blocking transport that the mutation run found reached
but not checked (docs/mutation-testing.md): the repr of a transport whose
construction failed, the URL of a path, the method and route an unreadable
answer or a failed download names, what is logged around a retry and a
token refresh (never a token), and how a failing refresh is retried: a lost
connection is tried again, a TLS failure is not."""

from __future__ import annotations

import logging
from pathlib import Path
from types import TracebackType

import pytest
import requests
import responses

from kitsu_models import errors
from kitsu_models.credentials import Tokens
from kitsu_models.policy import RetryPolicy
from kitsu_models.transport import Transport

from .conftest import API, record_sleeps

HTML = "<html><body>Bad gateway, try later</body></html>"
REFRESH_URL = API + "auth/refresh-token"
PROJECTS_URL = API + "data/projects"


def http_records(caplog: pytest.LogCaptureFixture) -> list[str]:
    """The messages the transport's logger wrote while ``caplog`` listened."""
    return [record.getMessage() for record in caplog.records if record.name == "kitsu_models.http"]


def authenticated(access: str = "access-one", refresh: str = "refresh-one") -> tuple[Transport, list[float]]:
    """A transport holding tokens, with its sleeps recorded (never slept)."""
    transport = Transport(API, tokens=Tokens.from_strings(access, refresh), retry=RetryPolicy(attempts=3))
    return transport, record_sleeps(transport)


def bearers(mocked: responses.RequestsMock) -> list[tuple[str, str]]:
    """Each call's path and the token it carried."""
    return [
        (str(call.request.path_url), str(call.request.headers.get("Authorization", "")).removeprefix("Bearer "))
        for call in mocked.calls
    ]


# ------------------------------------------------------------ repr and url
def test_a_transport_whose_host_was_refused_still_shows_in_a_traceback() -> None:
    # A debugger or ``pytest -l`` shows the half-built object of a failed
    # constructor: its repr must not fail, and says it has no host.
    with pytest.raises(errors.InvalidArgumentError) as caught:
        Transport("ftp://kitsu.test")
    half_built: list[Transport] = []
    tb: TracebackType | None = caught.tb
    while tb is not None:
        candidate = tb.tb_frame.f_locals.get("self")
        if isinstance(candidate, Transport):
            half_built.append(candidate)
        tb = tb.tb_next
    assert half_built, "the constructor's frame holds the transport"
    assert repr(half_built[0]) == "<Transport (no host) anonymous>"


@pytest.mark.parametrize(("path", "expected"), [
    ("data/projects", "data/projects"),
    ("/data/projects", "data/projects"),
    ("//data/projects", "data/projects"),
    ("Xdata/X/projects", "Xdata/X/projects"),
    ("", ""),
])
def test_url_is_the_api_root_and_the_whole_path_less_its_leading_slashes(path: str, expected: str) -> None:
    assert Transport(API).url(path) == API + expected


# ------------------------------------------------- unreadable answers
@pytest.mark.parametrize("conditional", [False, True], ids=["get", "conditional_get"])
def test_an_unreadable_answer_to_a_read_names_get_and_its_route(
    transport: Transport, mocked: responses.RequestsMock, conditional: bool
) -> None:
    mocked.get(PROJECTS_URL, body=HTML, content_type="text/html")
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        if conditional:
            transport.conditional_get("data/projects", {"only": "open"})
        else:
            transport.get("data/projects", {"only": "open"})
    assert (caught.value.method, caught.value.path, caught.value.status) == ("GET", "/data/projects", 200)
    assert str(caught.value).startswith("GET /data/projects -> 200: the answer (text/html) is not JSON")
    mocked.replace(responses.GET, PROJECTS_URL, json=[{"id": "p1"}])
    read = transport.conditional_get if conditional else transport.get
    assert read("data/projects", {"only": "open"}) == [{"id": "p1"}]


def test_an_unreadable_answer_to_an_upload_names_post_and_its_route(
    transport: Transport, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    source = tmp_path / "frame.png"
    source.write_bytes(b"\x89PNG" + b"p" * 64)
    url = API + "pictures/preview-files/p1"
    mocked.post(url, body=HTML, content_type="text/html")
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        transport.upload("pictures/preview-files/p1", [("file", source)])
    assert (caught.value.method, caught.value.path) == ("POST", "/pictures/preview-files/p1")
    assert str(caught.value).startswith("POST /pictures/preview-files/p1 -> 200: ")
    assert mocked.calls[0].request.method == "POST"
    mocked.replace(responses.POST, url, json={"id": "p1"})
    assert transport.upload("pictures/preview-files/p1", [("file", source)]) == {"id": "p1"}
    mocked.replace(responses.POST, url, body=b"")
    assert transport.upload("pictures/preview-files/p1", [("file", source)]) is None


# ---------------------------------------------------- failed downloads
#: A path as a caller may give it, the URL it reaches, and the route errors name.
DOWNLOAD_PATHS = [
    ("/movies/originals/preview-files/p1.mp4", "movies/originals/preview-files/p1.mp4"),
    ("movies/originals/preview-files/p1.mp4", "movies/originals/preview-files/p1.mp4"),
    ("X-files/originals/p1.mp4", "X-files/originals/p1.mp4"),
]


@pytest.mark.parametrize(("path", "route"), DOWNLOAD_PATHS)
@pytest.mark.parametrize(("status", "why"), [(204, "204"), (202, "202, still processing")])
def test_a_download_without_a_file_names_its_route_once(
    transport: Transport, mocked: responses.RequestsMock, tmp_path: Path, path: str, route: str, status: int, why: str
) -> None:
    mocked.get(API + route, status=status)
    with pytest.raises(errors.DownloadError) as caught:
        transport.download(path, tmp_path / "p1.mp4")
    assert str(caught.value) == f"GET /{route}: the server sent no file ({why})"
    assert isinstance(caught.value, errors.StillProcessingError) == (status == 202)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("path", "route"), DOWNLOAD_PATHS)
def test_a_download_that_cannot_be_written_names_its_route_once(
    transport: Transport, mocked: responses.RequestsMock, tmp_path: Path, path: str, route: str
) -> None:
    mocked.get(API + route, body=b"frames")
    blocker = tmp_path / "movies"
    blocker.write_text("a file where the folder should be")
    with pytest.raises(errors.DownloadError) as caught:
        transport.download(path, blocker / "p1.mp4")
    assert str(caught.value).startswith(f"GET /{route}: download failed (")
    assert not isinstance(caught.value, errors.StillProcessingError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["movies"]


def test_an_error_answer_without_reason_or_body_has_no_message(mocked: responses.RequestsMock) -> None:
    mocked.get(PROJECTS_URL, status=599, body="")  # a status without a standard reason phrase
    transport = Transport(API, retry=RetryPolicy(attempts=1))
    with pytest.raises(errors.ServerError) as caught:
        transport.get("data/projects")
    assert (caught.value.message, str(caught.value)) == ("", "GET /data/projects -> 599")


def test_every_request_sent_is_counted(transport: Transport, mocked: responses.RequestsMock) -> None:
    mocked.get(PROJECTS_URL, json=[])
    before = transport.requests_sent
    transport.get("data/projects")
    transport.get("data/projects")
    assert transport.requests_sent == before + 2


# ------------------------------------------------------------- retries
def test_a_retry_is_logged_with_the_method_the_route_and_why(
    transport: Transport, mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.get(PROJECTS_URL, status=503)
    mocked.get(PROJECTS_URL, json=[])
    with caplog.at_level(logging.INFO, logger="kitsu_models.http"):
        assert transport.get("/data/projects") == []
    retries = [message for message in http_records(caplog) if "retry" in message]
    assert len(retries) == 1
    assert retries[0].startswith("GET /data/projects failed (503); retry 1 in ")


def test_a_read_retried_after_a_lost_connection_is_logged_with_why(
    transport: Transport, mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.get(PROJECTS_URL, json=[])  # the server reached once: a lost connection is retried from then on
    mocked.get(PROJECTS_URL, body=requests.exceptions.ConnectionError("Connection aborted."))
    mocked.get(PROJECTS_URL, json=[{"id": "p1"}])
    assert transport.get("data/projects") == []
    with caplog.at_level(logging.INFO, logger="kitsu_models.http"):
        assert transport.get("data/projects") == [{"id": "p1"}]
    retries = [message for message in http_records(caplog) if "retry" in message]
    assert len(retries) == 1
    assert retries[0].startswith("GET /data/projects failed (connection lost); retry 1 in ")


# ------------------------------------------------------- token refresh
def test_a_refresh_that_loses_its_connection_is_tried_again_and_logged_with_why(
    mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.get(PROJECTS_URL, status=401, json={"msg": "Token has expired"})
    mocked.get(PROJECTS_URL, json=[{"id": "p1"}])
    mocked.get(REFRESH_URL, body=requests.exceptions.ConnectionError("Connection aborted."))
    mocked.get(REFRESH_URL, json={"access_token": "access-two"})
    transport, delays = authenticated()
    with caplog.at_level(logging.INFO, logger="kitsu_models.http"):
        assert transport.get("data/projects") == [{"id": "p1"}]
    assert bearers(mocked) == [
        ("/api/data/projects", "access-one"),
        ("/api/auth/refresh-token", "refresh-one"),
        ("/api/auth/refresh-token", "refresh-one"),
        ("/api/data/projects", "access-two"),
    ]
    assert len(delays) == 1
    retries = [message for message in http_records(caplog) if "retry" in message]
    assert len(retries) == 1
    assert retries[0].startswith("GET /auth/refresh-token failed (connection lost); retry 1 in ")


def test_a_refresh_that_fails_its_tls_check_is_not_tried_again(mocked: responses.RequestsMock) -> None:
    # The server answered (a 401), so failures are retried from now on, but
    # a TLS failure never is: the same certificate would fail the same way.
    mocked.get(PROJECTS_URL, status=401, json={"msg": "Token has expired"})
    mocked.get(PROJECTS_URL, json=[])
    mocked.get(REFRESH_URL, body=requests.exceptions.SSLError("certificate verify failed"))
    mocked.get(REFRESH_URL, json={"access_token": "access-two"})
    transport, delays = authenticated()
    with pytest.raises(errors.TLSError) as caught:
        transport.get("data/projects")
    assert caught.value.path == "/auth/refresh-token"
    assert [path for path, _ in bearers(mocked)] == ["/api/data/projects", "/api/auth/refresh-token"]
    assert delays == []
    assert transport.tokens == Tokens.from_strings("access-one", "refresh-one")


def test_a_refused_refresh_is_logged_with_its_status_and_no_token(
    mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.get(PROJECTS_URL, status=401, json={"msg": "Token has expired"})
    mocked.get(REFRESH_URL, status=401, json={"msg": "Token has been revoked"})
    transport, _ = authenticated("access-secret-1", "refresh-secret-1")
    with caplog.at_level(logging.INFO, logger="kitsu_models.http"):
        with pytest.raises(errors.AuthenticationError):
            transport.get("data/projects")
    refused = [message for message in http_records(caplog) if "refused" in message]
    assert len(refused) == 1 and "(401)" in refused[0]
    assert "secret" not in caplog.text
    assert transport.tokens == Tokens.from_strings("access-secret-1", "refresh-secret-1")


def test_a_refresh_is_logged_without_its_tokens(
    mocked: responses.RequestsMock, caplog: pytest.LogCaptureFixture
) -> None:
    mocked.get(PROJECTS_URL, status=401, json={"msg": "Token has expired"})
    mocked.get(PROJECTS_URL, json=[])
    mocked.get(REFRESH_URL, json={"access_token": "access-secret-2", "refresh_token": "refresh-secret-2"})
    transport, _ = authenticated("access-secret-1", "refresh-secret-1")
    with caplog.at_level(logging.DEBUG, logger="kitsu_models.http"):
        assert transport.get("data/projects") == []
    assert any("token refreshed" in message.lower() for message in http_records(caplog))
    assert "secret" not in caplog.text
    assert transport.tokens == Tokens.from_strings("access-secret-2", "refresh-secret-2")
