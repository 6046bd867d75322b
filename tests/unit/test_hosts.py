"""Both host forms (behind nginx with /api, Zou directly), with or without a
trailing slash; the event stream host; the host checks."""

from __future__ import annotations

import pytest
import responses

from kitsu_models import errors
from kitsu_models.policy import RetryPolicy
from kitsu_models.session import Kitsu
from kitsu_models.exchange import normalize_host
from kitsu_models.transport import Transport

from .conftest import record_sleeps


@pytest.mark.parametrize(
    ("host", "expected_url", "expected_event_host"),
    [
        ("https://kitsu.example.com/api", "https://kitsu.example.com/api/data/projects", "https://kitsu.example.com"),
        ("https://kitsu.example.com/api/", "https://kitsu.example.com/api/data/projects", "https://kitsu.example.com"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/data/projects", "http://127.0.0.1:8080"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/data/projects", "http://127.0.0.1:8080"),
        ("  http://127.0.0.1:8080  ", "http://127.0.0.1:8080/data/projects", "http://127.0.0.1:8080"),
    ],
)
@pytest.mark.parametrize("path", ["data/projects", "/data/projects"])
def test_requests_go_under_the_api_root(
    mocked: responses.RequestsMock, host: str, expected_url: str, expected_event_host: str, path: str
) -> None:
    mocked.get(expected_url, json=[])
    kitsu = Kitsu(host)
    assert kitsu.transport.get(path) == []
    assert mocked.calls[0].request.url == expected_url
    assert kitsu.host == expected_url.removesuffix("/data/projects")
    assert kitsu.event_host == expected_event_host
    assert kitsu.transport.url(path) == expected_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [("http://127.0.0.1:8081", "http://127.0.0.1:8081"), ("https://events.example.com/", "https://events.example.com")],
)
def test_an_explicit_event_host_wins(given: str, expected: str) -> None:
    assert Kitsu("https://kitsu.example.com/api", event_host=given).event_host == expected
    assert Kitsu("http://127.0.0.1:8080", event_host=given).event_host == expected


def test_a_host_whose_last_segment_only_ends_with_api_keeps_it() -> None:
    assert Kitsu("https://example.com/kitsuapi").event_host == "https://example.com/kitsuapi"


@pytest.mark.parametrize("host", ["kitsu.example.com", "ftp://kitsu.example.com", "", "http://", "/api"])
def test_a_host_must_be_an_http_url(host: str) -> None:
    with pytest.raises(errors.InvalidArgumentError):
        normalize_host(host)
    with pytest.raises(ValueError):  # InvalidArgumentError is a ValueError too
        Transport(host)


def test_normalize_host_keeps_one_trailing_slash() -> None:
    assert normalize_host("https://kitsu.example.com/api///") == "https://kitsu.example.com/api/"


# ---------------------------------------------------------- host checks
API = "https://kitsu.example.com/api/"


def _kitsu() -> Kitsu:
    kitsu = Kitsu(API, retry=RetryPolicy(attempts=3))
    record_sleeps(kitsu.transport)
    return kitsu


def test_a_kitsu_api_is_up_and_valid(mocked: responses.RequestsMock) -> None:
    mocked.get(API, json={"api": "Zou", "version": "1.0.97"})
    mocked.post(API + "auth/login", status=400, json={"error": True, "message": "Validation error."})
    kitsu = _kitsu()
    assert kitsu.host_is_up()
    assert kitsu.host_is_valid()
    assert kitsu.api_version() == "1.0.97"
    login = [c for c in mocked.calls if c.request.method == "POST"]
    assert len(login) == 1 and "Authorization" not in login[0].request.headers


def test_host_checks_send_no_token(mocked: responses.RequestsMock) -> None:
    from kitsu_models.credentials import Tokens

    mocked.get(API, json={"api": "Zou", "version": "1.0.97"})
    mocked.post(API + "auth/login", status=400, json={"message": "Validation error."})
    kitsu = _kitsu()
    kitsu.set_tokens(Tokens.from_strings("a", "r"))
    assert kitsu.host_is_up() and kitsu.host_is_valid() and kitsu.api_version() == "1.0.97"
    assert all("Authorization" not in c.request.headers for c in mocked.calls)


def test_a_web_page_is_up_but_not_a_kitsu_api(mocked: responses.RequestsMock) -> None:
    mocked.get(API, body="<!doctype html><p>It works!</p>", content_type="text/html")
    kitsu = _kitsu()
    assert kitsu.host_is_up()
    assert not kitsu.host_is_valid()
    with pytest.raises(errors.KitsuError):
        kitsu.api_version()


def test_another_json_api_is_not_kitsu(mocked: responses.RequestsMock) -> None:
    mocked.get(API, json={"api": "Something else", "version": "3"})
    assert not _kitsu().host_is_valid()


def test_a_zou_index_whose_login_route_is_missing_is_not_valid(mocked: responses.RequestsMock) -> None:
    mocked.get(API, json={"api": "Zou", "version": "1.0.97"})
    mocked.post(API + "auth/login", status=404, json={"message": "not found"})
    assert not _kitsu().host_is_valid()


@pytest.mark.parametrize("status", [404, 500, 503])
def test_an_error_at_the_root_is_neither_up_nor_valid(mocked: responses.RequestsMock, status: int) -> None:
    mocked.get(API, status=status)
    kitsu = _kitsu()
    assert not kitsu.host_is_up()
    assert not kitsu.host_is_valid()
    # The checks are single attempts: they answer fast.
    assert len(mocked.calls) == 2


def test_a_closed_port_is_neither_up_nor_valid(closed_port_url: str) -> None:
    kitsu = Kitsu(closed_port_url)
    delays = record_sleeps(kitsu.transport)
    assert not kitsu.host_is_up()
    assert not kitsu.host_is_valid()
    assert delays == []
