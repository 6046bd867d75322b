"""gazu.sync's behaviours the contract test cannot see: the event log's
parameters (``page_size`` or 1.3.1's ``limit``, dates checked before
sending), the pure functions, the two-server functions reading through the
other gazu modules (so patching them is seen), what they map, skip and
import, and comments copied with their attachments and previews."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import responses

import gazu

SOURCE, TARGET = "http://source.test/api", "http://target.test/api"
(PROJECT, TARGET_PROJECT, TYPE, TARGET_TYPE, TASK_TYPE, TARGET_TASK_TYPE, ASSET, TASK, STATUS, TARGET_STATUS,
 PERSON, TARGET_PERSON, COMMENT, ATTACHMENT, PREVIEW, NEW_COMMENT, NEW_PREVIEW) = (
    f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 18))


def _client(host: str) -> gazu.client.KitsuClient:
    made = gazu.client.create_client(host)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def source() -> gazu.client.KitsuClient:
    return _client(SOURCE)


@pytest.fixture
def target() -> gazu.client.KitsuClient:
    return _client(TARGET)


def _sent(fake: responses.RequestsMock) -> list[tuple[Any, Any]]:
    return [(call.request.method, call.request.url) for call in fake.calls]


def _body(fake: responses.RequestsMock, index: int = -1) -> Any:
    return json.loads(fake.calls[index].request.body or "")


# ------------------------------------------------------------- events
def test_get_last_events_sends_page_size_as_limit_and_limit_wins(fake: Any, source: Any) -> None:
    fake.add(responses.GET, f"{SOURCE}/data/events/last", json=[{"name": "shot:new"}])
    assert gazu.sync.get_last_events(100, {"id": PROJECT}, after="2026-01-05", name="shot:new", client=source) == [
        {"name": "shot:new"}
    ]
    gazu.sync.get_last_events(page_size=100, before="2026-01-05T10:00:00", limit=7, client=source)
    first, second = (call.request.url.partition("?")[2] for call in fake.calls)
    assert first == f"limit=100&only_files=false&project_id={PROJECT}&after=2026-01-05&name=shot%3Anew"
    assert second == "limit=7&only_files=false&before=2026-01-05T10%3A00%3A00"


@pytest.mark.parametrize("dates", [{"after": "05/01/2026"}, {"before": "2026-13-01"}, {"after": "2026-01-05 10:00"}])
def test_a_bad_date_is_refused_before_sending(fake: Any, source: Any, dates: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="Incorrect date format"):
        gazu.sync.get_last_events(client=source, **dates)
    assert len(fake.calls) == 0


# ------------------------------------------------------ pure functions
def test_the_link_diff_matches_links_by_both_ends() -> None:
    a, b, c = ({"entity_in_id": i, "entity_out_id": o} for i, o in (("s1", "a1"), ("s1", "a2"), ("s2", "a1")))
    assert gazu.sync.get_link_list_diff([a, b], [b, c, {**b, "id": "other"}]) == ([a], [c])


def test_the_model_diff_may_use_another_field() -> None:
    source = [{"id": "1", "name": "x"}, {"id": "2", "name": "y"}]
    target = [{"id": "9", "name": "y"}]
    assert gazu.sync.get_model_list_diff(source, target, id_field="name") == ([source[0]], [])
    assert gazu.sync.get_model_list_diff(source, target) == (source, target)


def test_is_changed_and_convert_id_list() -> None:
    assert gazu.sync.is_changed({"updated_at": "2026-01-05T10:00:01"}, {"updated_at": "2026-01-05T10:00:00"})
    assert not gazu.sync.is_changed({"updated_at": "2026-01-05"}, {"updated_at": "2026-01-05"})
    assert gazu.sync.convert_id_list(["a", "b", "a"], {"a": 1, "b": 2}) == [1, 2, 1]
    with pytest.raises(KeyError):
        gazu.sync.convert_id_list(["c"], {"a": 1})


# ------------------------------------------------------- two servers
def test_an_id_map_reads_through_the_patched_module_on_each_server(
    monkeypatch: pytest.MonkeyPatch, source: Any, target: Any
) -> None:
    seen: list[Any] = []

    def all_persons(client: Any) -> list[dict[str, Any]]:
        seen.append(client)
        rows = {source: [{"id": PERSON, "email": "TD@studio.com"}, {"id": "lost", "email": "gone@studio.com"}],
                target: [{"id": TARGET_PERSON, "email": "td@studio.com"}]}
        return rows[client]

    monkeypatch.setattr(gazu.person, "all_persons", all_persons)
    assert gazu.sync.get_sync_person_id_map(source, target) == {PERSON: TARGET_PERSON}
    assert seen == [source, target]


def _types(fake: Any, asset_types: bool = True) -> None:
    """Task types (and asset types) on both servers, matched by name."""
    for host, asset_type, task_type in ((SOURCE, TYPE, TASK_TYPE), (TARGET, TARGET_TYPE, TARGET_TASK_TYPE)):
        if asset_types:
            fake.add(responses.GET, f"{host}/data/asset-types", json=[{"id": asset_type, "name": "Character"}])
        fake.add(responses.GET, f"{host}/data/task-types", json=[{"id": task_type, "name": "Modeling"}])


def test_push_assets_maps_types_skips_the_unmatched_and_imports_into_the_target(
    fake: Any, source: Any, target: Any
) -> None:
    _types(fake)
    assets = [
        {"id": ASSET, "name": "hero", "entity_type_id": TYPE, "ready_for": TASK_TYPE, "project_id": PROJECT},
        {"id": "a2", "name": "prop", "entity_type_id": "unknown-type", "ready_for": None, "project_id": PROJECT},
        {"id": "a3", "name": "tree", "entity_type_id": TYPE, "ready_for": "unknown", "project_id": PROJECT},
    ]
    fake.add(responses.GET, f"{SOURCE}/data/projects/{PROJECT}/assets", json=assets)
    fake.add(responses.POST, f"{TARGET}/import/kitsu/entities", json=[{"id": ASSET}])
    project_target = {"id": TARGET_PROJECT}
    assert gazu.sync.push_assets({"id": PROJECT}, project_target, source, target) == [{"id": ASSET}]
    assert _body(fake) == [
        {"id": ASSET, "name": "hero", "entity_type_id": TARGET_TYPE, "ready_for": TARGET_TASK_TYPE,
         "project_id": TARGET_PROJECT},
        {"id": "a3", "name": "tree", "entity_type_id": TARGET_TYPE, "ready_for": None, "project_id": TARGET_PROJECT},
    ]
    assert project_target == {"id": TARGET_PROJECT}


def test_a_project_of_another_kind_than_a_tv_show_pushes_no_episodes(fake: Any, source: Any, target: Any) -> None:
    _types(fake)
    for kind in ("assets", "sequences", "shots", "entity-links"):
        fake.add(responses.GET, f"{SOURCE}/data/projects/{PROJECT}/{kind}", json=[])
    fake.add(responses.POST, f"{TARGET}/import/kitsu/entities", json=[])
    fake.add(responses.POST, f"{TARGET}/import/kitsu/entity-links", json=[])
    short = {"id": PROJECT, "production_type": "short"}
    pushed = gazu.sync.push_project_entities(short, TARGET_PROJECT, source, target)
    assert pushed == {"assets": [], "episodes": [], "sequences": [], "shots": [], "entity_links": []}
    assert not any("episodes" in url for _, url in _sent(fake))


def test_push_tasks_maps_types_and_persons_and_sets_the_default_status(fake: Any, source: Any, target: Any) -> None:
    _types(fake, asset_types=False)
    for host, person in ((SOURCE, PERSON), (TARGET, TARGET_PERSON)):
        fake.add(responses.GET, f"{host}/data/persons", json=[{"id": person, "email": "td@studio.com"}])
    tasks = [
        {"id": TASK, "task_type_id": TASK_TYPE, "task_status_id": STATUS, "assigner_id": PERSON,
         "assignees": [PERSON, "someone"], "project_id": PROJECT},
        {"id": "t2", "task_type_id": "unknown", "task_status_id": STATUS, "assigner_id": None, "assignees": [],
         "project_id": PROJECT},
    ]
    fake.add(responses.GET, f"{SOURCE}/data/projects/{PROJECT}/tasks", json=tasks)
    fake.add(responses.POST, f"{TARGET}/import/kitsu/tasks", json=[])
    gazu.sync.push_tasks(PROJECT, {"id": TARGET_PROJECT}, {"id": TARGET_STATUS}, source, target)
    assert _body(fake) == [{"id": TASK, "task_type_id": TARGET_TASK_TYPE, "task_status_id": TARGET_STATUS,
                            "assigner_id": TARGET_PERSON, "assignees": [TARGET_PERSON], "project_id": TARGET_PROJECT}]


# ----------------------------------------------------------- comments
def _comment(**changes: Any) -> dict[str, Any]:
    return {"id": COMMENT, "task_status_id": STATUS, "person_id": PERSON, "text": "see the frame",
            "created_at": "2026-01-05T10:00:00", "checklist": [{"text": "a", "checked": False}],
            "attachment_files": [{"id": ATTACHMENT}], "previews": [PREVIEW], **changes}


def _multipart(request: Any) -> bytes:
    """A multipart request's body (streamed from disk: read back)."""
    body = request.body
    return bytes(body.read() if hasattr(body, "read") else body)


def test_a_comment_is_copied_with_its_attachment_and_preview(
    fake: Any, source: Any, target: Any, tmp_path: Path
) -> None:
    fake.add(responses.GET, f"{SOURCE}/data/attachment-files/{ATTACHMENT}",
             json={"id": ATTACHMENT, "name": "notes.txt"})
    fake.add(responses.GET, f"{SOURCE}/data/attachment-files/{ATTACHMENT}/file/notes.txt", body=b"notes")
    fake.add(responses.GET, f"{SOURCE}/data/preview-files/{PREVIEW}",
             json={"id": PREVIEW, "original_name": "frame", "extension": "png", "annotations": [{"time": 0}]})
    fake.add(responses.GET, f"{SOURCE}/pictures/originals/preview-files/{PREVIEW}.png", body=b"\x89PNG")
    fake.add(responses.POST, f"{TARGET}/actions/tasks/{TASK}/comment", json={"id": NEW_COMMENT})
    fake.add(responses.POST, f"{TARGET}/actions/tasks/{TASK}/comments/{NEW_COMMENT}/add-preview",
             json={"id": NEW_PREVIEW})
    fake.add(responses.POST, f"{TARGET}/pictures/preview-files/{NEW_PREVIEW}",
             json={"id": NEW_PREVIEW, "status": "ready"})
    fake.add(responses.PUT, f"{TARGET}/data/preview-files/{NEW_PREVIEW}", json={"id": NEW_PREVIEW})
    comment = _comment()
    given = json.loads(json.dumps(comment))
    pushed = gazu.sync.push_task_comment({STATUS: TARGET_STATUS}, {PERSON: TARGET_PERSON}, {"id": TASK}, comment,
                                         source, target, tmp_path=str(tmp_path))
    assert pushed is comment and comment == given
    calls = {(call.request.method, call.request.url): call.request for call in fake.calls}
    body = _multipart(calls["POST", f"{TARGET}/actions/tasks/{TASK}/comment"])
    assert b'filename="notes.txt"' in body and b"\r\n\r\nnotes\r\n" in body
    form = dict(re.findall(rb'name="([a-z_]+)"\r\n\r\n(.*?)\r\n--', body, re.S))
    assert form[b"task_status_id"] == TARGET_STATUS.encode() and form[b"person_id"] == TARGET_PERSON.encode()
    assert form[b"comment"] == b"see the frame" and form[b"created_at"] == b"2026-01-05T10:00:00"
    assert b'filename="frame.png"' in _multipart(calls["POST", f"{TARGET}/pictures/preview-files/{NEW_PREVIEW}"])
    assert _body(fake) == {"annotations": [{"time": 0}]}
    assert os.listdir(tmp_path) == []  # the downloads are removed


def test_a_comment_whose_status_has_no_match_is_skipped_without_a_request(fake: Any, source: Any, target: Any) -> None:
    assert gazu.sync.push_task_comment({}, {}, TASK, _comment(), source, target) is None
    assert len(fake.calls) == 0


def test_push_task_comments_copies_the_oldest_first_and_returns_those_copied(
    monkeypatch: pytest.MonkeyPatch, source: Any, target: Any
) -> None:
    newest, oldest, unmapped = _comment(id="c3"), _comment(id="c1"), _comment(id="c2", task_status_id="other")
    monkeypatch.setattr(gazu.task, "all_comments_for_task", lambda task, client: [newest, unmapped, oldest])
    posted: list[str] = []

    def add_comment(task: Any, task_status: Any, **options: Any) -> dict[str, Any]:
        posted.append(options["comment"] + "@" + options["created_at"])
        assert options["client"] is target and task_status == {"id": TARGET_STATUS}
        return {"id": NEW_COMMENT}

    monkeypatch.setattr(gazu.task, "add_comment", add_comment)
    no_files: dict[str, list[Any]] = {"attachment_files": [], "previews": []}
    for one in (newest, oldest, unmapped):
        one.update(no_files)
    oldest["created_at"] = "2026-01-01T00:00:00"
    pushed = gazu.sync.push_task_comments({STATUS: TARGET_STATUS}, {}, TASK, source, target)
    assert pushed == [oldest, newest]
    assert posted == ["see the frame@2026-01-01T00:00:00", "see the frame@2026-01-05T10:00:00"]
