"""Every error a newcomer can hit in the README's first snippet, with the
message they read: each says what went wrong and where to look next.

    kitsu = Kitsu.login(host, email, password)
    project = kitsu.projects.get_by_name("Agent 327")
    shot = project.shots[0]; shot.nb_frames = 48; shot.save()
"""

from __future__ import annotations

import re

import pytest
import responses

import kitsu_models
from kitsu_models import Kitsu, RetryPolicy
from kitsu_models.models import Shot

from .conftest import API
from .models_rows import new_id, row

ZOU_INDEX = {"api": "Zou", "version": "1.0.97"}


def test_a_host_that_is_not_a_url() -> None:
    with pytest.raises(kitsu_models.InvalidArgumentError, match=r"^host must be an http\(s\) URL, got 'kitsu\.mystudio\.com'$"):
        Kitsu.login("kitsu.mystudio.com", "td@mystudio.com", "pw")


def test_a_host_name_that_does_not_resolve_is_said_so_and_not_retried() -> None:
    kitsu = Kitsu("http://no-such-host.invalid/api", retry=RetryPolicy(attempts=4, backoff=0.01))
    with pytest.raises(kitsu_models.NameResolutionError) as caught:
        kitsu.log_in("td@mystudio.com", "pw")
    assert str(caught.value) == (
        "POST /auth/login to no-such-host.invalid:80: the name no-such-host.invalid does not resolve (DNS): "
        "check the host in the URL"
    )
    assert kitsu.transport.requests_sent == 1  # not retried


def test_a_closed_port_is_named_with_the_host(closed_port_url: str) -> None:
    kitsu = Kitsu(closed_port_url, retry=RetryPolicy(attempts=1))
    server = closed_port_url.removeprefix("http://")
    with pytest.raises(kitsu_models.ConnectError) as caught:
        kitsu.log_in("td@mystudio.com", "pw")
    assert str(caught.value) == f"POST /auth/login to {server}: connection refused or unreachable"


def test_the_web_front_instead_of_the_api_says_which_url_to_try(mocked: responses.RequestsMock) -> None:
    """Kitsu's web app answers every path with its page: the API is at /api."""
    mocked.post("https://kitsu.mystudio.com/auth/login", body="<!doctype html><title>Kitsu</title>", content_type="text/html")
    with pytest.raises(kitsu_models.HostError) as caught:
        Kitsu.login("https://kitsu.mystudio.com", "td@mystudio.com", "pw")
    assert not isinstance(caught.value, kitsu_models.LoginFailedError)
    assert str(caught.value) == (
        "https://kitsu.mystudio.com answered the login with a page that is not the Kitsu API "
        "(the answer (text/html) is not JSON): the API is usually at https://kitsu.mystudio.com/api (try that URL)"
    )


def test_a_web_server_without_the_login_route(plain_http_server: str) -> None:
    with pytest.raises(kitsu_models.HostError) as caught:
        Kitsu.login(plain_http_server, "td@mystudio.com", "pw")
    assert str(caught.value) == (
        f"{plain_http_server} has no Kitsu login route: the API is usually at {plain_http_server}/api (try that URL)"
    )


def test_a_wrong_password(mocked: responses.RequestsMock) -> None:
    mocked.post(f"{API}auth/login", status=400, json={"login": False, "message": "Wrong email or password"})
    with pytest.raises(kitsu_models.LoginFailedError) as caught:
        Kitsu.login(API, "td@mystudio.com", "not-the-password")
    assert str(caught.value) == "POST /auth/login -> 400: Wrong email or password"
    assert "not-the-password" not in repr(caught.value.__dict__)


def _logged_in(mocked: responses.RequestsMock) -> Kitsu:
    mocked.post(f"{API}auth/login", json={"login": True, "access_token": "a.b.c", "refresh_token": "d.e.f", "user": {}})
    return Kitsu.login(API, "td@mystudio.com", "pw")


def test_a_production_that_does_not_exist(mocked: responses.RequestsMock) -> None:
    kitsu = _logged_in(mocked)
    mocked.get(f"{API}data/projects", json=[])
    with pytest.raises(kitsu_models.ModelNotFoundError) as caught:
        kitsu.projects.get_by_name("Agent 327")
    assert str(caught.value) == "no Project named 'Agent 327'"


def test_a_value_of_the_wrong_type(mocked: responses.RequestsMock) -> None:
    kitsu = _logged_in(mocked)
    shot = kitsu.shots.materialize([row("Shot", id=new_id())])[0]
    with pytest.raises(kitsu_models.FieldValidationError) as caught:
        shot.nb_frames = "forty-eight"  # type: ignore[assignment]
    assert isinstance(caught.value, kitsu_models.KitsuError)
    assert re.match(r"1 validation error for Shot\nnb_frames\n  Input should be a valid integer", str(caught.value))


def test_a_save_the_server_forbids(mocked: responses.RequestsMock) -> None:
    kitsu = _logged_in(mocked)
    shot = kitsu.shots.materialize([row("Shot", id=new_id())])[0]
    mocked.put(f"{API}data/entities/{shot.id}", status=403, json={"message": "You are not allowed to do that"})
    shot.nb_frames = 48
    with pytest.raises(kitsu_models.PermissionDeniedError) as caught:
        shot.save()
    assert str(caught.value) == f"PUT /data/entities/{shot.id} -> 403: You are not allowed to do that"
    assert shot.changes() == {"nb_frames": 48}  # kept, to send again


def test_an_unsaved_object_is_detached() -> None:
    with pytest.raises(kitsu_models.DetachedObjectError, match="^Shot \\(new\\) belongs to no Kitsu session$"):
        Shot(name="SH010", project_id=new_id()).session
