"""gazu's sessions as a pipeline tool opens them for an artist: a session
made and closed, log in / refresh / log out on a client of its own (never
the default one), an email code asked for, the artist's logins read back,
files downloaded with gazu.helpers, and a listener connected to the event
stream. Tokens, paths and clients differ between runs: what is recorded is
what a tool would check of them."""

from __future__ import annotations

import functools
import os
import shutil
import struct
import tempfile
import urllib.parse
import urllib.request
import zlib
from typing import Any

import gazu

DEPARTURES = {
    # A client that never logged in: ours refuses to listen before any
    # connection (ValueError: "log in before listening to events"); official
    # gazu connects without a token, reports the socket connected although
    # Zou refuses the connection ("Missing access token" in its log).
    "events.init not logged in": "an event listener without a token is refused before connecting",
}


def run(call: Any) -> None:
    host, mark = os.environ["KITSU_API_URL"], call.marker
    email, password = f"alan.{mark}@example.com", f"pw-{mark}-enigma"
    artist = gazu.person.new_person("Alan", f"Turing {mark}", email)
    gazu.client.post(f"actions/persons/{artist['id']}/change-password",
                     {"password": password, "password_2": password})
    folder = tempfile.mkdtemp()
    try:
        _sessions(call, host, email, password)
        _logins(call, artist)
        _downloads(call, host, artist, folder)
        _events(call, host, email, password)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        gazu.person.remove_person(artist, force=True)


def _sessions(call: Any, host: str, email: str, password: str) -> None:
    """create_session, log_in, refresh_access_token, send_email_otp, log_out."""
    session = _kept(call, _client_facts, "create_session", gazu.create_session, host, email, password)
    with session:
        call("get_current_user in session", gazu.client.get_current_user, client=session)
    call("get_current_user session closed", gazu.client.get_current_user, client=session)
    call("create_session wrong password", gazu.create_session, host, email, "not-the-password")
    call("create_session unknown", gazu.create_session, host, f"nobody.{call.marker}@example.com", password)

    client = gazu.client.create_client(host)
    _kept(call, _token_facts, "log_in", gazu.log_in, email, password, client=client)
    call("get_current_user logged in", gazu.client.get_current_user, client=client)
    before = client.access_token
    _kept(call, lambda tokens: {**_token_facts(tokens), "new token": client.access_token != before},
          "refresh_access_token", gazu.refresh_access_token, client=client)
    call("get_current_user refreshed", gazu.client.get_current_user, client=client)
    call("send_email_otp", gazu.send_email_otp, email, client=client)
    call("send_email_otp unknown", gazu.send_email_otp, f"nobody.{call.marker}@example.com",
         client=gazu.client.create_client(host))
    call("log_out", gazu.log_out, client=client)
    call("get_current_user logged out", gazu.client.get_current_user, client=client)
    call("log_out again", gazu.log_out, client=client)
    call("refresh_access_token logged out", gazu.refresh_access_token, client=client)
    other = gazu.client.create_client(host)
    call("log_in wrong password", gazu.log_in, email, "not-the-password", client=other)
    call("log_in unknown", gazu.log_in, f"nobody.{call.marker}@example.com", password, client=other)
    call("refresh_access_token never logged in", gazu.refresh_access_token, client=other)


def _logins(call: Any, artist: dict[str, Any]) -> None:
    """events.get_last_login_logs, on the artist's logins (the admin's vary)."""
    logs = call("get_last_login_logs", gazu.events.get_last_login_logs, person_ids=[artist])
    call("get_last_login_logs one", gazu.events.get_last_login_logs, None, None, 1, None, [artist["id"]])
    call("get_last_login_logs dates", gazu.events.get_last_login_logs, "2020-01-01", "2100-01-01T00:00:00", 10,
         person_ids=[artist])
    call("get_last_login_logs before", gazu.events.get_last_login_logs, before="2020-01-01", person_ids=[artist])
    call("get_last_login_logs next page", gazu.events.get_last_login_logs, limit=5,
         cursor_login_log_id=logs[0]["id"] if logs else None, person_ids=[artist])
    call("get_last_login_logs bad date", gazu.events.get_last_login_logs, "last monday", person_ids=[artist])


def _downloads(call: Any, host: str, artist: dict[str, Any], folder: str) -> None:
    """helpers.download_file: the artist's avatar (with the admin's token
    in the headers, as a tool passes it), the API's root, refusals."""
    avatar = os.path.join(folder, "avatar.png")
    with open(avatar, "wb") as out:
        out.write(_png())
    gazu.person.set_avatar(artist, avatar)
    url = f"{host.rstrip('/')}/pictures/thumbnails/persons/{artist['id']}.png"
    headers = gazu.client.make_auth_header()
    in_folder = functools.partial(_file_facts, folder=folder)
    _kept(call, in_folder, "download_file", gazu.helpers.download_file, url, os.path.join(folder, "thumb.png"), headers)
    _kept(call, in_folder, "download_file into folder", gazu.helpers.download_file, url, folder, headers)
    saved = _kept(call, _temporary_facts, "download_file temporary", gazu.helpers.download_file, url, None, headers)
    if saved:
        shutil.rmtree(os.path.dirname(saved), ignore_errors=True)
    _kept(call, functools.partial(in_folder, text=True), "download_file root", gazu.helpers.download_file,
          f"{host.rstrip('/')}/", folder)
    call("download_file no token", gazu.helpers.download_file, url, os.path.join(folder, "refused.png"))
    call("download_file missing", gazu.helpers.download_file, f"{host.rstrip('/')}/pictures/nothing.png",
         os.path.join(folder, "missing.png"), headers)
    call("files left", _listing, folder, artist["id"])


def _events(call: Any, host: str, email: str, password: str) -> None:
    """events.init on a client of the artist's, connected to the event
    stream, then disconnected."""
    url = _events_url(host)
    listener = gazu.create_session(host, email, password)
    gazu.set_event_host(url, client=listener)
    stream = _kept(call, _stream_facts, "events.init", gazu.events.init, client=listener)
    if stream is not None:
        stream.disconnect()
    stranger = gazu.client.create_client(host)
    gazu.set_event_host(url, client=stranger)
    stream = _kept(call, _stream_facts, "events.init not logged in", gazu.events.init, client=stranger,
                   reconnection=False)
    if stream is not None:
        stream.disconnect()
    gazu.log_out(client=listener)


# ------------------------------------------------------------- facts kept
def _kept(call: Any, facts: Any, label: str, function: Any, *args: Any, **kwargs: Any) -> Any:
    """``call(label, function, ...)`` with the answer recorded as
    ``facts(answer)`` (an error is recorded as it is); returns the answer."""
    value = call(label, function, *args, **kwargs)
    if "value" in call.records[-1][1]:
        call.records[-1][1] = {"value": facts(value)}
    return value


def _client_facts(client: Any) -> Any:
    """What a tool checks of a new session: its host, that it holds a token,
    who it is logged in as."""
    user = gazu.client.get_current_user(client=client)
    return {"host": gazu.get_host(client=client), "token": bool(client.access_token), "user": user["email"]}


def _token_facts(tokens: Any) -> Any:
    """A login's or refresh's answer without the tokens themselves."""
    if not isinstance(tokens, dict):
        return tokens
    user = tokens.get("user") or {}
    return {"keys": sorted(tokens), "login": tokens.get("login"), "user": user.get("email"), "role": user.get("role")}


def _stream_facts(stream: Any) -> Any:
    """What a listener checks of its event client: that it is connected."""
    return {"connected": bool(stream.connected)}


def _file_facts(path: Any, folder: str, text: bool = False) -> Any:
    """A downloaded file: its name, where it is, its size and first bytes
    (or its text)."""
    with open(path, "rb") as saved:
        content = saved.read()
    facts = {"name": os.path.basename(path), "in folder": os.path.dirname(os.path.abspath(path)) == folder,
             "size": len(content)}
    return {**facts, "text": content.decode()} if text else {**facts, "head": content[:8].hex()}


def _temporary_facts(path: str) -> Any:
    """A file downloaded where gazu chose: the file, and the folder made
    for it (its name's start, and whether only its owner may enter it)."""
    folder = os.path.dirname(path)
    return {**_file_facts(path, folder), "folder": os.path.basename(folder)[:5],
            "private": os.stat(folder).st_mode & 0o077 == 0}


def _listing(folder: str, artist_id: str) -> list[str]:
    """The files of ``folder``, the artist's id in a name replaced (the
    names sort the same in every run)."""
    return sorted(name.replace(artist_id, "<artist>") for name in os.listdir(folder))


def _png() -> bytes:
    """A valid 1x1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b"")


def _events_url(host: str) -> str:
    """The event stream's URL: ``KITSU_EVENTS_URL`` when set, else the
    first of the API's host and the next port on it that answers socket.io
    (a bare Zou serves its events on the next port; behind nginx, on the
    API's host)."""
    if os.environ.get("KITSU_EVENTS_URL"):
        return os.environ["KITSU_EVENTS_URL"]
    parts = urllib.parse.urlsplit(host)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    root = f"{parts.scheme}://{parts.hostname}"
    for candidate in (f"{root}:{port + 1}", f"{root}:{port}"):
        try:
            with urllib.request.urlopen(f"{candidate}/socket.io/?EIO=4&transport=polling", timeout=5) as answer:
                if answer.read(1) == b"0":
                    return candidate
        except (OSError, ValueError):
            continue
    return host
