"""One exchange of the blocking transport (``Transport._send``), checked where
the mutation run found it reached but not checked: the environment's proxy
(and ``NO_PROXY``) is chosen for the URL really sent, the client certificate
goes with every request, a timeout met at the total deadline says so, the
debug line names the method, route, status and duration, a streamed
request answered with an error status reports the server's message, an
answer cut while its body is read names the server, and ``send`` refuses
a streamed request (it reads answers whole)."""

from __future__ import annotations

import io
import itertools
import logging
import os
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import requests
import responses
from requests.utils import select_proxy
from urllib3.exceptions import ReadTimeoutError

from kitsu_models import answers, errors, policy
from kitsu_models import transport as transport_module
from kitsu_models.exchange import Request
from kitsu_models.policy import NO_RETRY, Timeout
from kitsu_models.sockets import DeadlineAdapter
from kitsu_models.transport import Transport

from .conftest import API

PROJECTS_URL = API + "data/projects"
MOVIE_PATH = "movies/originals/preview-files/p1.mp4"
STUDIO_PROXY = "http://proxy.studio.test:3128"


def sent_with(mocked: responses.RequestsMock, name: str) -> Any:
    """A keyword argument the adapter got for the only request sent."""
    assert len(mocked.calls) == 1
    return getattr(mocked.calls[0].request, "req_kwargs")[name]


@pytest.fixture
def no_proxy_settings(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """The environment without any proxy setting the machine may have."""
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)
    return monkeypatch


# ------------------------------------------------------------------ proxies
@pytest.mark.parametrize(("no_proxy", "expected"), [
    (None, STUDIO_PROXY),
    ("render.studio.test,other.test", STUDIO_PROXY),
    ("kitsu.test", None),
    (".test", None),
])
def test_the_proxy_of_the_environment_is_chosen_for_the_api_url(
    mocked: responses.RequestsMock, no_proxy_settings: pytest.MonkeyPatch, no_proxy: str | None, expected: str | None
) -> None:
    no_proxy_settings.setenv("HTTPS_PROXY", STUDIO_PROXY)
    if no_proxy is not None:
        no_proxy_settings.setenv("NO_PROXY", no_proxy)
    mocked.get(PROJECTS_URL, json=[])
    assert Transport(API, retry=NO_RETRY).get("data/projects") == []
    # What the adapter connects through for the URL it sends to.
    assert select_proxy(PROJECTS_URL, sent_with(mocked, "proxies")) == expected


def test_without_a_proxy_in_the_environment_the_request_goes_direct(
    mocked: responses.RequestsMock, no_proxy_settings: pytest.MonkeyPatch
) -> None:
    mocked.get(PROJECTS_URL, json=[])
    assert Transport(API, retry=NO_RETRY).get("data/projects") == []
    assert select_proxy(PROJECTS_URL, sent_with(mocked, "proxies")) is None


# ------------------------------------------------------ client certificate
@pytest.mark.parametrize("cert", ["client.pem", ("client.crt", "client.key")], ids=["one-file", "cert-and-key"])
def test_the_client_certificate_goes_with_the_request(
    mocked: responses.RequestsMock, cert: str | tuple[str, str]
) -> None:
    mocked.get(PROJECTS_URL, json=[{"id": "p1"}])
    assert Transport(API, cert=cert, retry=NO_RETRY).get("data/projects") == [{"id": "p1"}]
    assert sent_with(mocked, "cert") == cert


def test_by_default_the_server_certificate_is_verified_and_none_is_sent(mocked: responses.RequestsMock) -> None:
    mocked.get(PROJECTS_URL, json=[])
    transport = Transport(API, retry=NO_RETRY)
    assert (transport.verify, transport.cert) == (True, None)
    transport.get("data/projects")
    assert sent_with(mocked, "cert") is None


@pytest.mark.parametrize(("settings", "agent"), [({}, transport_module.USER_AGENT), ({"user_agent": "farm/2"}, "farm/2")])
def test_every_request_says_its_user_agent(
    mocked: responses.RequestsMock, settings: dict[str, str], agent: str
) -> None:
    mocked.get(PROJECTS_URL, json=[])
    Transport(API, retry=NO_RETRY, **settings).get("data/projects")  # type: ignore[arg-type]
    assert mocked.calls[0].request.headers["User-Agent"] == agent


@pytest.mark.parametrize(("settings", "size"), [({}, 16), ({"pool_size": 4}, 4)])
def test_both_schemes_go_through_the_deadline_adapter_with_the_pool_size_and_no_retries_of_its_own(
    settings: dict[str, int], size: int
) -> None:
    transport = Transport(API, **settings)  # type: ignore[arg-type]
    for url in ("https://kitsu.test/api/", "http://kitsu.test/api/"):
        adapter = transport.http.get_adapter(url)
        assert isinstance(adapter, DeadlineAdapter)
        assert getattr(adapter, "_pool_connections") == size  # hosts kept
        assert adapter.poolmanager.connection_pool_kw["maxsize"] == size  # connections per host
        assert adapter.max_retries.total == 0  # the transport retries, requests never does
    transport.close()


# ---------------------------------------------------------------- timeouts
class Clock:
    """A monotonic clock the test moves: no real waiting."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


def wrapped_read_timeout() -> Exception:
    """A read timeout as requests reports one met while reading the body."""
    return requests.exceptions.ConnectionError(ReadTimeoutError(None, "/", "Read timed out."))  # type: ignore[arg-type]


#: The two forms of a read timeout requests raises.
READ_TIMEOUTS: dict[str, Callable[[], Exception]] = {
    "timeout": lambda: requests.exceptions.ReadTimeout("Read timed out. (read timeout=7)"),
    "wrapped": wrapped_read_timeout,
}


@pytest.mark.parametrize("kind", sorted(READ_TIMEOUTS))
@pytest.mark.parametrize(("waited", "reason"), [
    (7.0, "no answer within the read timeout"),
    (20.0, "the answer took longer than the total timeout"),
])
def test_a_read_timeout_says_whether_the_total_deadline_was_met(
    mocked: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch, kind: str, waited: float, reason: str
) -> None:
    # The socket's reads end by the total deadline (20 s here): a read
    # timing out then is the total timeout, not the 7 s read one.
    clock = Clock()
    monkeypatch.setattr(policy, "time", SimpleNamespace(monotonic=clock.monotonic))
    monkeypatch.setattr(answers, "time", SimpleNamespace(monotonic=clock.monotonic))

    def stalls(request: requests.PreparedRequest) -> Exception:
        clock.now += waited
        return READ_TIMEOUTS[kind]()

    mocked.add_callback(responses.GET, PROJECTS_URL, callback=stalls)
    transport = Transport(API, timeout=Timeout(connect=3.0, read=7.0, total=20.0), retry=NO_RETRY)
    with pytest.raises(errors.RequestTimeoutError) as caught:
        transport.get("data/projects")
    assert caught.value.reason == reason
    assert str(caught.value) == f"GET /data/projects to kitsu.test:443: {reason}"


class BrokenBody(io.RawIOBase):
    """A body whose connection breaks while it is read."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        raise OSError("connection reset while reading")


def test_an_answer_cut_while_its_body_is_read_names_the_server(mocked: responses.RequestsMock) -> None:
    mocked.get(PROJECTS_URL, body=io.BufferedReader(BrokenBody()), content_type="application/json")
    with pytest.raises(errors.TransportError) as caught:
        Transport(API, retry=NO_RETRY).get("data/projects")
    assert caught.value.server == "kitsu.test:443"
    assert str(caught.value).startswith("GET /data/projects to kitsu.test:443: incomplete answer (")


# --------------------------------------------------------------- debug log
@pytest.mark.parametrize(("method", "status"), [("GET", 200), ("POST", 201), ("DELETE", 404)])
def test_each_exchange_is_logged_with_its_method_route_status_and_duration(
    mocked: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    method: str, status: int,
) -> None:
    mocked.add(method, PROJECTS_URL, status=status, json={"id": "p1"})
    transport = Transport(API, retry=NO_RETRY)
    ticks = itertools.count(100.0, 2.0)  # each exchange takes 2 s by this clock
    monkeypatch.setattr(transport_module, "time", SimpleNamespace(perf_counter=lambda: next(ticks)))
    with caplog.at_level(logging.DEBUG, logger="kitsu_models.http"):
        if status == 404:
            with pytest.raises(errors.NotFoundError):
                transport.request(method, "/data/projects")
        else:
            assert transport.request(method, "/data/projects").status == status
    lines = [record.getMessage() for record in caplog.records if record.name == "kitsu_models.http"]
    assert lines == [f"{method} /data/projects -> {status} (2000 ms)"]


# --------------------------------------------------------------- streaming
def test_a_streamed_request_answered_400_reports_the_servers_message(
    transport: Transport, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    mocked.get(API + MOVIE_PATH, status=400, json={"message": "This preview is not a movie"})
    with pytest.raises(errors.BadRequestError) as caught:
        transport.download(MOVIE_PATH, tmp_path / "p1.mp4")
    assert (caught.value.status, caught.value.message) == (400, "This preview is not a movie")
    assert caught.value.body == {"message": "This preview is not a movie"}
    assert str(caught.value) == f"GET /{MOVIE_PATH} -> 400: This preview is not a movie"
    assert list(tmp_path.iterdir()) == []
    assert len(mocked.calls) == 1  # a 400 is not tried again


def test_send_refuses_a_streamed_request_before_sending_it(
    transport: Transport, mocked: responses.RequestsMock
) -> None:
    """``send`` reads answers whole: a streamed one would come back empty,
    its connection left open (a download streams through ``fetch``)."""
    with pytest.raises(errors.InvalidArgumentError, match="does not stream"):
        transport.send(Request("GET", MOVIE_PATH, stream=True))
    assert len(mocked.calls) == 0
