"""gazu.person: a department created, read, renamed, given a member and
emptied, removed; a person hired, given an avatar and a password, invited,
their avatar and two-factor authentication cleared, removed; a bot made,
updated, removed."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import struct
import tempfile
import time
import zlib
from typing import Any

import gazu


def _png() -> bytes:
    """A valid 1x1 PNG (the avatar route decodes what it gets)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00\x99\x00")) + \
        chunk(b"IEND", b"")


def _totp(secret: str) -> str:
    """The authenticator app's current code for ``secret`` (RFC 6238: SHA-1, 30 s, 6 digits)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    if (left := 30 - time.time() % 30) < 3:  # not a code about to expire on its way
        time.sleep(left + 0.1)
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    start = digest[-1] & 15
    return f"{(struct.unpack('>I', digest[start:start + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def _two_factor(person: Any) -> Any:
    """Whether the person's authenticator-app sign-in is on."""
    return person and person["totp_enabled"]


def run(call: Any) -> None:
    mark = call.marker
    g = gazu.person

    # ------------------------------------------------------- departments
    department = call("new_department", g.new_department, f"lighting {mark}", "#FFAA00")
    call("new_department again", g.new_department, f"lighting {mark}", "#000000")
    call("get_department", g.get_department, department["id"])
    call("get_department_by_name", g.get_department_by_name, f"lighting {mark}")
    call("get_department_by_name none", g.get_department_by_name, f"nowhere {mark}")
    call("update_department", g.update_department, {"id": department["id"], "name": f"lights {mark}",
                                                    "color": "#FF0000"})
    call("get_department renamed", g.get_department, department["id"])

    # ------------------------------------------------------------ people
    person = g.new_person("Grace", f"Hopper {mark}", f"grace.{mark}@example.com", desktop_login=f"grace{mark}")
    call("add_person_to_department", g.add_person_to_department, person, department)
    call("add_person_to_department again", g.add_person_to_department, person["id"], department["id"])
    call("get_person in department", g.get_person, person["id"], True)
    call("remove_person_from_department", g.remove_person_from_department, person, department)
    call("get_person out of department", g.get_person, person["id"], True)
    call("remove_person_from_department not in", g.remove_person_from_department, person, department)

    with tempfile.TemporaryDirectory() as folder:
        avatar = os.path.join(folder, "avatar.png")
        with open(avatar, "wb") as out:
            out.write(_png())
        g.set_avatar(person, avatar)
    call("get_person with avatar", g.get_person, person["id"])
    call("clear_person_avatar", g.clear_person_avatar, person)
    call("get_person avatar cleared", g.get_person, person["id"])
    call("change_password_for_person", g.change_password_for_person, person, f"Str0ng-pass-{mark}")
    call("change_password_for_person short", g.change_password_for_person, person, "abc")
    call("disable_two_factor_authentication not enabled", g.disable_two_factor_authentication, person)
    # The person turns on an authenticator app (TOTP) on their own client;
    # the admin then turns it off for them (a lost phone).
    own = gazu.client.create_client(gazu.client.get_host())
    gazu.log_in(f"grace.{mark}@example.com", f"Str0ng-pass-{mark}", client=own)
    secret = gazu.client.put("auth/totp", {}, client=own)["otp_secret"]
    gazu.client.post("auth/totp", {"totp": _totp(secret)}, client=own)
    call("get_person two-factor on", _two_factor, g.get_person(person["id"]))
    call("disable_two_factor_authentication", g.disable_two_factor_authentication, person)
    call("get_person two-factor off", _two_factor, g.get_person(person["id"]))
    gazu.log_out(client=own)
    call("invite_person", g.invite_person, person)

    # -------------------------------------------------------------- bots
    bot = call("new_bot", g.new_bot, f"render bot {mark}", f"bot.{mark}@example.com", "user", [department],
               True, "2030-01-01")
    call.records[-1][1] = {"value": {k: v for k, v in bot.items() if k != "access_token"} if bot else bot}
    call("new_bot access token", lambda made: sorted(made) == sorted({**made, "access_token": ""}), bot)
    plain = call("new_bot defaults", g.new_bot, f"ingest bot {mark}", f"ingest.{mark}@example.com")
    call.records[-1][1] = {"value": {k: v for k, v in plain.items() if k != "access_token"} if plain else plain}
    call("remove_bot defaults", g.remove_bot, plain, True)
    call("get_person_by_email bot", g.get_person_by_email, f"bot.{mark}@example.com", True)
    call("update_bot", g.update_bot, {"id": bot["id"], "first_name": f"farm bot {mark}", "departments": []})
    call("remove_bot", g.remove_bot, bot)
    call("get_person bot gone", g.get_person, bot["id"])

    # ---------------------------------------------------------- removal
    call("remove_person", g.remove_person, person)
    call("remove_person gone", g.remove_person, person)
    call("remove_department", g.remove_department, department, True)
    call("remove_department gone", g.remove_department, department)
    call("get_department gone", g.get_department, department["id"])
