"""gazu's top level and ``gazu.client`` against the real server: every
function called, its result checked."""

from __future__ import annotations

import struct
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

import gazu
from gazu import client as raw
from kitsu_models import errors

pytestmark = pytest.mark.server


@pytest.fixture
def client(kitsu_server: Any) -> Iterator[raw.KitsuClient]:
    session = gazu.create_session(
        kitsu_server.api_url, kitsu_server.admin_email, kitsu_server.admin_password.reveal()
    )
    with session:
        yield session


def test_log_in_returns_the_servers_answer_and_log_out_forgets_the_tokens(kitsu_server: Any) -> None:
    client = raw.create_client(kitsu_server.api_url)
    answer = gazu.log_in(kitsu_server.admin_email, kitsu_server.admin_password.reveal(), client=client)
    assert answer["login"] is True and answer["user"]["email"] == kitsu_server.admin_email
    assert client.access_token == answer["access_token"] and client.refresh_token == answer["refresh_token"]
    old = client.access_token
    assert gazu.refresh_access_token(client=client)["access_token"] not in (None, old)
    assert gazu.log_out(client=client) == {}
    assert client.tokens == {}  # as gazu 1.3.1 leaves them
    with pytest.raises(gazu.exception.AuthFailedException):
        gazu.log_in(kitsu_server.admin_email, f"wrong-{uuid.uuid4().hex}", client=client)


def test_hosts_and_tokens(kitsu_server: Any, client: raw.KitsuClient) -> None:
    assert gazu.get_host(client=client) == raw.get_host(client=client) == kitsu_server.api_url
    assert raw.get_api_url_from_host(client=client) == kitsu_server.api_url
    assert raw.get_full_url("data/projects", client=client) == kitsu_server.api_url + "/data/projects"
    gazu.set_event_host(kitsu_server.events_url, client=client)
    assert gazu.get_event_host(client=client) == raw.get_event_host(client=client) == kitsu_server.events_url
    assert raw.host_is_up(client=client) and raw.host_is_valid(client=client)
    assert raw.get_api_version(client=client) == "1.0.97"
    assert raw.get_current_user(client=client)["email"] == kitsu_server.admin_email
    headers = raw.make_auth_header(client=client)
    assert headers["Authorization"] == "Bearer " + str(client.access_token)
    other = raw.create_client("http://127.0.0.1:1")
    raw.set_tokens(client.tokens, client=other)
    gazu.set_host(kitsu_server.api_url, client=other)
    assert raw.get_current_user(client=other)["email"] == kitsu_server.admin_email
    gazu.set_token(str(client.access_token), client=other)
    assert other.tokens == {"access_token": client.access_token}  # the dict set, as in gazu 1.3.1
    assert raw.get("auth/authenticated", client=other)["user"]["email"] == kitsu_server.admin_email


def test_the_generic_calls_on_a_real_record(client: raw.KitsuClient, tmp_path: Path) -> None:
    name = f"gazu-client-{uuid.uuid4().hex[:8]}"
    created = raw.create("departments", {"name": name, "color": "#000000"}, client=client)
    try:
        assert created["name"] == name
        assert raw.fetch_one("departments", created["id"], client=client) == raw.get(
            f"data/departments/{created['id']}", client=client
        )
        assert raw.fetch_first(f"departments?name={name}", client=client)["id"] == created["id"]
        assert raw.fetch_first("departments", {"name": name}, client=client)["id"] == created["id"]
        assert created["id"] in [row["id"] for row in raw.fetch_all("departments", client=client)]
        assert raw.fetch_first("departments", {"name": f"no-{name}"}, client=client) is None
        updated = raw.update("departments", created["id"], {"color": "#ffffff"}, client=client)
        assert updated["color"] == "#ffffff"
        assert raw.put(f"data/departments/{created['id']}", {"color": "#111111"}, client=client)["color"] == "#111111"
        text = raw.get(f"data/departments/{created['id']}", json_response=False, client=client)
        assert isinstance(text, str) and name in text
        assert name.encode() in raw.get_file_data_from_url(f"data/departments/{created['id']}", client=client)
        full = raw.get_full_url(f"data/departments/{created['id']}", client=client)
        assert name.encode() in raw.get_file_data_from_url(full, full=True, client=client)
    finally:
        assert raw.delete(f"data/departments/{created['id']}", client=client) == ""
    with pytest.raises(gazu.exception.RouteNotFoundException):
        raw.fetch_one("departments", created["id"], client=client)
    with pytest.raises(ValueError):  # not an id: refused before any request
        raw.fetch_one("departments", "../../auth/logout", client=client)


def test_post_upload_download_and_import(client: raw.KitsuClient, tmp_path: Path) -> None:
    person = raw.post("data/persons", {"email": f"g{uuid.uuid4().hex[:8]}@example.com", "first_name": "G", "last_name": "Test"}, client=client)
    try:
        avatar = tmp_path / "avatar.png"
        avatar.write_bytes(_png())
        raw.upload(f"pictures/thumbnails/persons/{person['id']}", str(avatar), client=client)
        target = tmp_path / "back.png"
        answer = raw.download(f"pictures/thumbnails/persons/{person['id']}.png", str(target), client=client)
        assert answer.status_code == 200 and target.stat().st_size > 0  # gazu 1.3.1 returns the (closed) response
        assert target.read_bytes().startswith(b"\x89PNG")
    finally:
        raw.delete(f"data/persons/{person['id']}", {"force": "true"}, client=client)
    name = f"imported-{uuid.uuid4().hex[:8]}"
    closed = raw.fetch_first("project-status", {"name": "Closed"}, client=client)
    record = {"id": str(uuid.uuid4()), "name": name, "production_type": "short", "project_status_id": closed["id"]}
    raw.import_data("projects", [record], client=client)
    assert raw.fetch_one("projects", record["id"], client=client)["name"] == name
    raw.delete(f"data/projects/{record['id']}", {"force": "true"}, client=client)


def test_path_helpers_and_check_status() -> None:
    assert raw.url_path_join("data", "/projects/", "x") == "data/projects/x"
    assert raw.build_path_with_params("data/tasks", {"id": ["a", "b"], "x": 1}) == "data/tasks?id=a&id=b&x=1"
    assert raw.build_path_with_params("data/tasks?a=1", {"b": 2}) == "data/tasks?a=1&b=2"
    assert raw.build_path_with_params("data/tasks", None) == "data/tasks"
    ok, missing = requests.Response(), requests.Response()
    ok.status_code, missing.status_code = 200, 404
    missing._content = b'{"message": "not here"}'
    assert raw.check_status(ok, "data/x") == (200, False)  # (status, retry), as in gazu 1.3.1
    with pytest.raises(gazu.exception.RouteNotFoundException) as caught:
        raw.check_status(missing, "data/x")
    assert isinstance(caught.value, errors.NotFoundError) and caught.value.message == "not here"


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    pixels = b"".join(b"\x00" + b"\xff\x00\x00" * 4 for _ in range(4))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))
