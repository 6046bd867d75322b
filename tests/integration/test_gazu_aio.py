"""``gazu.aio`` against the real local Kitsu: a session's life (log in, fetch_all / fetch_one / fetch_first /
create / update / delete a record, upload and download a person's avatar, log out), and the same calls side by
side with official gazu 1.3.1's ``gazu.aio`` (run in its own virtualenv, which needs aiohttp for it): the same
answers, but where 1.3.1 is broken (``DEPARTURES``)."""

from __future__ import annotations

import asyncio
import hashlib
import struct
import subprocess
import uuid
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import gazu.aio as aio
from gazu import exception
from side_by_side import OFFICIAL, _python, normalized, settings_of

if TYPE_CHECKING:  # the root conftest (tests/conftest.py) provides the fixture
    from conftest import KitsuServer

pytestmark = pytest.mark.server


def _png() -> bytes:
    """A valid 1x1 PNG (the avatar route decodes what it gets)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(
        b"IEND", b"")


def test_a_session_s_life_through_gazu_aio(kitsu_server: KitsuServer, tmp_path: Path) -> None:
    marker = f"aio-{uuid.uuid4().hex[:10]}"
    avatar, saved = tmp_path / "avatar.png", tmp_path / "saved.png"
    avatar.write_bytes(_png())

    async def life() -> None:
        password = kitsu_server.admin_password.reveal()
        client = await aio.create_session(kitsu_server.api_url, kitsu_server.admin_email, password)
        async with client:
            assert await aio.check_server_status(client) is True
            assert client.tokens["login"] is True and client.access_token

            # A record's life: create, read three ways, update, delete.
            created = await aio.create("departments", {"name": marker, "color": "#123456"}, client=client)
            record_id = created["id"]
            assert created["name"] == marker
            assert (await aio.fetch_one("departments", record_id, client=client))["id"] == record_id
            assert (await aio.fetch_first("departments", {"name": marker}, client=client))["id"] == record_id
            assert [d["id"] for d in await aio.fetch_all("departments", params={"name": marker}, client=client)] == [
                record_id]
            (narrow,) = await aio.fetch_all(f"departments?name={marker}", fields=["name"], client=client)
            assert narrow["name"] == marker and "color" not in narrow  # (the server adds id and type)
            everything = await aio.fetch_all("departments", client=client)
            paged = await aio.fetch_all("departments", paginated=True, limit=2, client=client)
            assert sorted(d["id"] for d in paged) == sorted(d["id"] for d in everything)
            updated = await aio.update("departments", record_id, {"color": "#654321"}, client=client)
            assert updated["color"] == "#654321"
            # Concurrent calls on one client.
            again = await asyncio.gather(*(aio.fetch_one("departments", record_id, client=client) for _ in range(5)))
            assert {d["color"] for d in again} == {"#654321"}
            assert await aio.delete(f"data/departments/{record_id}", client=client) == ""
            with pytest.raises(exception.RouteNotFoundException):
                await aio.fetch_one("departments", record_id, client=client)

            # A file each way: a person's avatar.
            person = await aio.create("persons", {"first_name": "Aio", "last_name": marker,
                                                  "email": f"{marker}@example.com"}, client=client)
            try:
                answer = await aio.upload(f"pictures/thumbnails/persons/{person['id']}", str(avatar), client=client)
                assert isinstance(answer, dict)
                assert (await aio.fetch_one("persons", person["id"], client=client))["has_avatar"] is True
                progress: list[tuple[int, int | None]] = []
                assert await aio.download(f"pictures/thumbnails/persons/{person['id']}.png", str(saved),
                                          client=client, progress_callback=lambda d, t: progress.append((d, t))) is None
                assert saved.read_bytes().startswith(b"\x89PNG\r\n\x1a\n") and progress[-1][0] == saved.stat().st_size
                with pytest.raises(exception.RouteNotFoundException):
                    await aio.download(f"pictures/thumbnails/persons/{uuid.uuid4()}.png", str(tmp_path / "x.png"),
                                       client=client)
                assert not (tmp_path / "x.png").exists()
            finally:
                await aio.delete(f"data/persons/{person['id']}", params={"force": "true"}, client=client)

            assert await aio.log_out(client) == {"access_token": None, "refresh_token": None}
            with pytest.raises(exception.NotAuthenticatedException):
                await aio.fetch_all("departments", client=client)
            # Logged in again on the same client, then out by the context's exit.
            await aio.log_in(kitsu_server.admin_email, password, client=client)
            assert await aio.fetch_first("departments", client=client) is not None
        assert client.access_token is None

    asyncio.run(life())


def test_a_wrong_password_raises_auth_failed(kitsu_server: KitsuServer) -> None:
    with pytest.raises(exception.AuthFailedException):
        asyncio.run(aio.create_session(kitsu_server.api_url, kitsu_server.admin_email, "not the password"))


# ------------------------------------------------------ side by side with 1.3.1
#: The calls compared, run by both interpreters: it imports nothing but gazu and the standard library. Its last
#: line of output is the records, ``[label, {"value": ...}]`` or ``[label, {"error": <gazu.exception name>}]``.
SCRIPT = r'''
import asyncio, hashlib, json, os, struct, tempfile, zlib
import gazu
import gazu.aio as aio

TAG = os.environ["GAZU_RUN_TAG"]
MARK = "aio" + TAG
MISSING = "00000000-0000-4000-8000-00000000beef"
records = []


def error_name(exc):
    for cls in type(exc).__mro__:
        names = sorted(n for n in dir(gazu.exception) if getattr(gazu.exception, n) is cls)
        if names:
            return max(names, key=lambda n: n.endswith("Exception"))
    return type(exc).__name__


async def call(label, awaitable, keep=lambda value: value):
    try:
        value = await awaitable
    except Exception as exc:
        records.append([label, {"error": error_name(exc)}])
        return None
    records.append([label, {"value": keep(value)}])
    return value


class Response:
    def __init__(self, status, body=None):
        self.status, self.body = status, body

    async def json(self):
        if self.body is None:
            raise ValueError("not JSON")
        return self.body

    async def text(self):
        return ""


def png():
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
            + chunk(b"IEND", b""))


async def main(folder):
    host, email = os.environ["KITSU_API_URL"], os.environ["KITSU_ADMIN_EMAIL"]
    password = os.environ["KITSU_ADMIN_PASSWORD"]
    await call("wrong password", aio.create_session(host, email, "not-" + password), keep=lambda c: None)
    for status, body in ((200, None), (204, None), (400, {"message": "bad"}), (401, None), (403, None), (404, None),
                         (405, None), (413, None), (422, {"message": "bad"}), (500, {"message": "x"}), (502, None)):
        await call(f"check_status {status}", aio.check_status(Response(status, body), "data/x"), keep=list)
    client = await aio.create_session(host, email, password)
    async with client:
        await call("check_server_status", aio.check_server_status(client))
        records.append(["get_full_url", {"value": aio.get_full_url("data/projects", client)}])
        await call("log_in", aio.log_in(email, password, client=client),
                   keep=lambda t: [sorted(t), t["login"], t["user"]["email"]])
        created = await call("create", aio.create("departments", {"name": MARK, "color": "#123456"}, client=client))
        record = created["id"]
        await call("fetch_one", aio.fetch_one("departments", record, client=client))
        await call("update", aio.update("departments", record, {"color": "#654321"}, client=client))
        await call("fetch_first", aio.fetch_first("departments", {"name": MARK}, client=client))
        await call("fetch_first none", aio.fetch_first("departments", {"name": MARK + "-none"}, client=client))
        await call("fetch_all", aio.fetch_all("departments", {"name": MARK}, client=client))
        await call("fetch_all fields", aio.fetch_all("departments", {"name": MARK}, fields=["name", "color"],
                                                     client=client))
        await call("fetch_all paginated", aio.fetch_all("departments", {"name": MARK}, paginated=True, limit=1,
                                                        client=client))
        await call("get query", aio.get("data/departments?name=" + MARK, client=client))
        await call("get text", aio.get("data/departments/" + record, json_response=False, client=client),
                   keep=json.loads)
        await call("fetch_one missing", aio.fetch_one("departments", MISSING, client=client))
        await call("post refused", aio.post("data/departments", {}, client=client))
        await call("get no route", aio.get("data/no-such-route", client=client))
        await call("put not allowed", aio.put("auth/login", {}, client=client))
        person = await call("create person", aio.create(
            "persons", {"first_name": "Aio", "last_name": MARK, "email": MARK + "@example.com"}, client=client))
        picture = os.path.join(folder, "avatar.png")
        with open(picture, "wb") as out:
            out.write(png())
        await call("upload avatar", aio.upload("pictures/thumbnails/persons/" + person["id"], picture, client=client))
        saved = os.path.join(folder, "saved.png")
        await call("download avatar", aio.download("pictures/thumbnails/persons/" + person["id"] + ".png", saved,
                                                   client=client))
        with open(saved, "rb") as got:
            content = got.read()
        records.append(["downloaded", {"value": [content[:8].hex(), hashlib.sha256(content).hexdigest()]}])
        lost = os.path.join(folder, "lost.png")
        await call("download missing", aio.download("pictures/thumbnails/persons/" + MISSING + ".png", lost,
                                                    client=client))
        records.append(["download missing wrote", {"value": os.path.exists(lost)}])
        await call("delete", aio.delete("data/departments/" + record, client=client))
        await call("delete again", aio.delete("data/departments/" + record, client=client))
        await call("delete person", aio.delete("data/persons/" + person["id"], {"force": "true"}, client=client))
        await call("log_out", aio.log_out(client))
        await call("fetch_all logged out", aio.fetch_all("departments", client=client))
    records.append(["after exit", {"value": client.tokens}])


with tempfile.TemporaryDirectory() as folder:
    asyncio.run(main(folder))
print(json.dumps(records))
'''

#: Where ours answers and 1.3.1's does not, on purpose: label -> (why, 1.3.1's record).
DEPARTURES = {
    "upload avatar": ("1.3.1's gazu.aio.upload raises TypeError once the server took the file: it passes default= "
                      "to get_message_from_data, whose parameter is default_message", {"error": "TypeError"}),
}


def _official_aio_runs() -> bool:
    done = subprocess.run([OFFICIAL, "-P", "-c", "import gazu.aio"], cwd="/tmp", capture_output=True, check=False)
    return done.returncode == 0


def test_the_same_calls_give_what_official_gazu_aio_gives(kitsu_server: KitsuServer) -> None:
    if not Path(OFFICIAL).exists() or not _official_aio_runs():
        pytest.skip(f"official gazu 1.3.1's gazu.aio does not run in {OFFICIAL} (it needs aiohttp)")
    tag = uuid.uuid4().hex[:6]
    settings = settings_of(kitsu_server)
    ours = normalized(_python(SCRIPT, "", False, {**settings, "GAZU_RUN_TAG": tag + "o"}), tag + "o")
    theirs = normalized(_python(SCRIPT, "", True, {**settings, "GAZU_RUN_TAG": tag + "g"}), tag + "g")
    assert [label for label, _ in ours] == [label for label, _ in theirs]
    for (label, mine), (_, official) in zip(ours, theirs):
        if label in DEPARTURES:
            why, expected = DEPARTURES[label]
            assert official == expected, f"{label}: 1.3.1 no longer departs ({why})"
            assert "value" in mine, label
            continue
        assert mine == official, label
    recorded: dict[str, Any] = dict((label, result) for label, result in ours)  # noqa: C402
    assert recorded["wrong password"] == {"error": "AuthFailedException"}
    assert recorded["check_server_status"] == {"value": True}
    assert recorded["downloaded"]["value"][0] == b"\x89PNG\r\n\x1a\n".hex()
    assert hashlib.sha256(b"").hexdigest() != recorded["downloaded"]["value"][1]
