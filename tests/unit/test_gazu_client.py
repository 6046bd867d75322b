"""``gazu.client``'s generic functions: what the contract test cannot see.
``upload``'s ``files`` and ``data`` are taken as requests (thus official
gazu 1.3.1) takes them: open files, contents, ``(file name, content)``
tuples, form fields written as text; the caller's files are left open."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import responses

import gazu

from .test_gazu_transfers import _parts

HOST = "http://kitsu.test/api"
PROJECT = "00000000-0000-4000-8000-000000000001"
ROUTE = f"{HOST}/pictures/thumbnails/projects/{PROJECT}"


@pytest.fixture
def client() -> gazu.client.KitsuClient:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


@pytest.fixture
def sent() -> Iterator[list[dict[str, tuple[str, bytes]]]]:
    """The parts of each multipart body posted to ROUTE, read as it is sent."""
    bodies: list[dict[str, tuple[str, bytes]]] = []

    def answer(request: Any) -> tuple[int, dict[str, str], str]:
        bodies.append(_parts(request))
        return 200, {}, json.dumps({"thumbnail_path": "pictures/x.png"})

    with responses.RequestsMock() as fake:
        fake.add_callback(responses.POST, ROUTE, callback=answer)
        yield bodies


def test_files_given_open_are_sent_under_their_own_name_and_left_open(
    client: gazu.client.KitsuClient, sent: list[dict[str, tuple[str, bytes]]], tmp_path: Path
) -> None:
    picture = tmp_path / "cover.png"
    picture.write_bytes(b"\x89PNG-cover")
    with picture.open("rb") as opened:
        answer = gazu.client.upload(ROUTE.removeprefix(HOST), files={"file": opened}, client=client)
        assert not opened.closed  # the caller's file: the caller closes it, as with official gazu
    assert answer == {"thumbnail_path": "pictures/x.png"}
    head, content = sent[0]["file"]
    assert 'filename="cover.png"' in head and content == b"\x89PNG-cover"


def test_files_given_as_contents_or_tuples_are_sent_as_requests_sends_them(
    client: gazu.client.KitsuClient, sent: list[dict[str, tuple[str, bytes]]]
) -> None:
    files = {
        "file": ("frame.png", b"\x89PNG-frame", "image/png"),
        "notes": "a text, not a path",  # requests: the part's content, named after the part
        "comments": (None, json.dumps([{"text": "ok"}]), "application/json"),  # no file name: a form field
        "skipped": None,
    }
    gazu.client.upload(ROUTE.removeprefix(HOST), files=files, client=client)
    parts = sent[0]
    assert 'filename="frame.png"' in parts["file"][0] and parts["file"][1] == b"\x89PNG-frame"
    assert 'filename="notes"' in parts["notes"][0] and parts["notes"][1] == b"a text, not a path"
    assert "filename=" not in parts["comments"][0] and json.loads(parts["comments"][1]) == [{"text": "ok"}]
    assert "skipped" not in parts


def test_form_fields_are_written_as_requests_writes_them(
    client: gazu.client.KitsuClient, sent: list[dict[str, tuple[str, bytes]]], tmp_path: Path
) -> None:
    picture = tmp_path / "cover.png"
    picture.write_bytes(b"\x89PNG")
    data = {"match_case": True, "fps": 25, "name": "sq01", "nothing": None, "ids": ["a", "b"]}
    gazu.client.upload(ROUTE.removeprefix(HOST), str(picture), data, client=client)
    parts = sent[0]
    assert parts["match_case"][1] == b"True" and parts["fps"][1] == b"25" and parts["name"][1] == b"sq01"
    assert "nothing" not in parts and json.loads(parts["ids"][1]) == ["a", "b"]
    assert parts["file"][1] == b"\x89PNG" and data["nothing"] is None


def test_contents_are_staged_in_a_folder_removed_after_the_upload(
    client: gazu.client.KitsuClient, sent: list[dict[str, tuple[str, bytes]]], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(staging))
    gazu.client.upload(ROUTE.removeprefix(HOST), files={"file": ("a.png", b"1"), "file-1": ("a.png", b"2")},
                       client=client)
    assert [sent[0]["file"][1], sent[0]["file-1"][1]] == [b"1", b"2"]  # same file name: both kept
    assert list(staging.iterdir()) == []


def test_a_text_answer_without_charset_is_read_as_the_utf8_zou_writes(client: gazu.client.KitsuClient) -> None:
    csv = "2026;1;2\nÉlise Müller;;\n"
    with responses.RequestsMock() as fake:
        fake.get(f"{HOST}/data/persons/presence-logs/2026-03", body=csv.encode("utf-8"), content_type="text/csv")
        assert gazu.client.get("data/persons/presence-logs/2026-03", False, client=client) == csv
        assert gazu.person.get_presence_log(2026, 3, client=client) == csv  # not requests' ISO-8859-1 guess
