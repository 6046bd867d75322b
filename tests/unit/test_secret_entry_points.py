"""Every public entry point that takes a password or a token, made to fail:
the secret is in none of the SDK's frames of the traceback, the error's
chain and attributes, nor the reprs of the objects involved (the tests' own
frames, which passed it in, are left out)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
import responses

import gazu
from kitsu_models import Kitsu, errors
from tracebacks import everything_reachable, failure_of

HOST = "http://kitsu.test/api"
PASSWORD = "pw-Hunter-2-Staple-4471"
TOKEN = "eyJhbGciOiJIUzI1NiJ9.ENTRY-POINT.sig-7f3a9"
PERSON = "00000000-0000-4000-8000-000000000001"
PLAYLIST = "00000000-0000-4000-8000-000000000002"


def _logged_in_client() -> gazu.client.KitsuClient:
    client = gazu.client.create_client(HOST)
    client.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return client


#: (what is called, with the secret) -> the call, made to fail by the faked server.
CALLS: dict[str, Callable[[], Any]] = {
    "Kitsu.login": lambda: Kitsu.login(HOST, "td@example.com", PASSWORD),
    "Kitsu.log_in": lambda: Kitsu(HOST).log_in("td@example.com", PASSWORD),
    "Kitsu.authenticate": lambda: Kitsu(HOST).authenticate("td@example.com", PASSWORD),
    "gazu.log_in": lambda: gazu.log_in("td@example.com", PASSWORD, client=gazu.client.create_client(HOST)),
    "gazu.create_session": lambda: gazu.create_session(HOST, "td@example.com", PASSWORD),
    "gazu.person.new_person": lambda: gazu.person.new_person(
        "Ada", "L", "ada@example.com", password=PASSWORD, client=_logged_in_client()
    ),
    "gazu.person.change_password_for_person": lambda: gazu.person.change_password_for_person(
        PERSON, PASSWORD, client=_logged_in_client()
    ),
    "gazu.playlist.new_share_link": lambda: gazu.playlist.new_share_link(
        PLAYLIST, password=PASSWORD, client=_logged_in_client()
    ),
    "gazu.client.KitsuClient(access_token)": lambda: gazu.client.KitsuClient("not a url", access_token=TOKEN),
    "gazu.client.KitsuClient(tokens)": lambda: gazu.client.KitsuClient("not a url", tokens={"access_token": TOKEN}),
    "gazu.set_token": lambda: gazu.set_token(TOKEN, client=None),  # type: ignore[arg-type]
    "gazu.client.set_tokens": lambda: gazu.client.set_tokens({"access_token": TOKEN}, client=None),  # type: ignore[arg-type]
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_no_secret_is_reachable_from_a_failed_call(name: str) -> None:
    with responses.RequestsMock(assert_all_requests_are_fired=False) as fake:
        fake.add(responses.POST, f"{HOST}/auth/login", status=400, json={"login": False, "message": "wrong"})
        for method in (responses.GET, responses.POST, responses.PUT):
            fake.add(method, re.compile(f"{HOST}/(data|actions)/.*"), status=500,
                     json={"message": "failure"})
        failure = failure_of(CALLS[name])
    # The failure the call was made for (a function that is missing would
    # fail too, with nothing to leak): the server's refusal, a bad host, or
    # (set_token) no client to set tokens on.
    expected = AttributeError if name in ("gazu.set_token", "gazu.client.set_tokens") else errors.KitsuError
    assert isinstance(failure, expected), repr(failure)
    reachable = everything_reachable(failure)
    assert PASSWORD not in reachable and TOKEN not in reachable


def test_a_clients_repr_and_its_sessions_show_no_token() -> None:
    client = gazu.client.KitsuClient(HOST, access_token=TOKEN, refresh_token=TOKEN + "r")
    for text in (repr(client), str(client), repr(client.kitsu), repr(client.kitsu.transport), repr(vars(client))):
        assert TOKEN not in text
    assert client.access_token == TOKEN  # gazu's API gives it back on demand
