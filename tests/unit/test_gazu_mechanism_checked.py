"""Behaviours of gazu's call mechanism (``gazu._calls``) and memo
(``gazu.cache``) that the mutation run found reached but not checked
(docs/mutation-testing.md): a module read late, the argument an invalid id
is named by, a model given as a record sent as its JSON, what an upload
names in its errors and tells its progress in, a download without target
(its temporary folder and its progress), a field read from the server, a
preview's path for a lenient id, and the memo's defaults, expiry boundary,
size limit and clients kept apart."""

from __future__ import annotations

import datetime
import json
import os
import tempfile
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import responses

import gazu
from gazu import _calls, _late
from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.session import Kitsu

HOST = "http://kitsu.test/api"
TASK = "00000000-0000-4000-8000-00000000000a"
PERSON = "00000000-0000-4000-8000-00000000000b"
PREVIEW = "preview-01"  # a lenient id, as gazu's mocked tests use
UPLOAD = f"{HOST}/pictures/preview-files/{PREVIEW}"
PICTURE = f"{HOST}/pictures/originals/preview-files/{PREVIEW}.png"


@pytest.fixture
def client() -> gazu.client.KitsuClient:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c"}
    return made


@pytest.fixture
def memo() -> Iterator[list[gazu.cache.CachedFunction[..., Any]]]:
    """gazu's cache on for the test; the cached functions it makes are
    appended to the returned list, and forgotten by gazu.cache after."""
    made: list[gazu.cache.CachedFunction[..., Any]] = []
    gazu.cache.enable()
    try:
        yield made
    finally:
        gazu.cache.disable()
        for function in made:
            gazu.cache.cached_functions.remove(function)


def counted(results: Callable[[Any], Any]) -> tuple[Callable[..., Any], list[tuple[Any, ...]]]:
    """A function answering ``results(args)``, and the list of its calls."""
    calls: list[tuple[Any, ...]] = []

    def function(*args: Any) -> Any:
        calls.append(args)
        return results(args)

    return function, calls


# ------------------------------------------------------------------- Late
def test_a_late_module_reads_the_modules_attribute_when_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """A patch made after the Late was created is what it reaches."""
    late = _late.Late("gazu.shot")
    assert late.get_shot_by_name is gazu.shot.get_shot_by_name

    def patched(*args: Any, **kwargs: Any) -> Any:
        return {"id": TASK}

    monkeypatch.setattr(gazu.shot, "get_shot_by_name", patched)
    assert late.get_shot_by_name is patched


# ------------------------------------------------------------- ref, refs
def test_an_invalid_id_given_to_ref_is_named_id_or_as_the_caller_says() -> None:
    with pytest.raises(ValueError, match=r"^id must be an id \(letters, digits, '-', '_'\), got 'a/b'$"):
        _calls.ref("a/b")
    with pytest.raises(ValueError, match="^project_id must be an id"):
        _calls.ref({"id": "a/b"}, what="project_id")
    assert _calls.ref(None) is None and _calls.ref({"id": TASK}, what="project_id") == TASK


def test_an_invalid_id_in_a_list_given_to_refs_is_named_id_by_default() -> None:
    with pytest.raises(ValueError, match=r"^id must be an id \(letters, digits, '-', '_'\), got 'a b'$"):
        _calls.refs([TASK, "a b"])


# ----------------------------------------------------------------- record
def test_a_model_given_as_a_record_is_sent_as_its_json_under_the_servers_keys() -> None:
    """Its dates as the server's strings, its relation under the server's key
    (``assignees``, not the field ``assignee_ids``)."""
    task = Kitsu(HOST).tasks.materialize([
        {"id": TASK, "name": "Fox", "assignees": [PERSON], "due_date": "2026-01-02T00:00:00"}
    ])[0]
    body = _calls.record(task, ids=["assignees"])
    assert body == {"id": TASK, "name": "Fox", "assignees": [PERSON], "due_date": "2026-01-02T00:00:00"}
    assert json.loads(json.dumps(body)) == body  # JSON as it is


# ----------------------------------------------------------------- upload
def test_a_missing_file_of_an_upload_is_named_file_path(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.png"
    for files in ([missing], {"file": missing}):
        with pytest.raises(errors.LocalFileNotFoundError, match=f"^file_path '{missing}' does not exist$"):
            _calls.upload(client, api.PREVIEW_UPLOAD, {"preview_file_id": PREVIEW}, files)
    assert len(mocked.calls) == 0


def test_an_upload_refused_by_the_server_names_its_path_with_the_query_sent(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    source = tmp_path / "plate.png"
    source.write_bytes(b"\x89PNG")
    mocked.post(UPLOAD, status=404, json={"message": "not found"})
    with pytest.raises(gazu.exception.RouteNotFoundException) as caught:
        _calls.upload(client, api.PREVIEW_UPLOAD, {"preview_file_id": PREVIEW}, [source],
                      params={"normalize": "true", "skipped": None})
    assert str(caught.value) == f"pictures/preview-files/{PREVIEW}?normalize=true"


def test_an_uploads_progress_is_told_in_whole_bytes_of_the_files(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    source = tmp_path / "plate.png"
    source.write_bytes(b"\x89PNG" + b"\0" * 1000)
    told: list[tuple[int, int | None]] = []
    mocked.post(UPLOAD, json={"id": PREVIEW})
    _calls.upload(client, api.PREVIEW_UPLOAD, {"preview_file_id": PREVIEW}, [source],
                  progress=lambda done, total: told.append((done, total)))
    assert told and told[-1] == (1004, 1004)
    assert all(type(done) is int and type(total) is int for done, total in told)


# --------------------------------------------------------------- download
def test_a_download_without_target_streams_through_a_temporary_folder_with_its_progress(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The body goes to a folder of the temporary directory (gone after),
    the caller's progress told as it is written; the body is in the
    response's content."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    mocked.get(PICTURE, body=b"picture")
    told: list[tuple[int, int | None, list[str]]] = []
    response = _calls.download(client, api.PREVIEW_PICTURE, {"preview_file_id": PREVIEW, "extension": "png"}, None,
                               progress=lambda done, total: told.append((done, total, os.listdir(tmp_path))))
    assert response.content == b"picture" and response.status_code == 200
    assert told and told[-1][0] == 7
    assert all(len(folders) == 1 for _, _, folders in told)
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------ field
def test_a_field_of_an_id_containing_the_fields_name_is_read_from_the_server(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock
) -> None:
    mocked.get(f"{HOST}/data/assets/fox-name", json={"id": "fox-name", "name": "Fox"})
    assert _calls.field(client, "fox-name", "name", api.ASSET) == "Fox"
    assert len(mocked.calls) == 1


def test_a_field_read_from_the_server_must_come_in_a_record(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock
) -> None:
    mocked.get(f"{HOST}/data/assets/{TASK}", json=[{"id": TASK, "name": "Fox"}])
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        _calls.field(client, TASK, "name", api.ASSET)
    assert (caught.value.path, caught.value.problem) == (f"data/assets/{TASK}", "expected a dict")


# ------------------------------------------------------------ update_data
def test_an_invalid_entity_given_to_update_data_is_named_entity_and_nothing_is_sent(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock
) -> None:
    with pytest.raises(ValueError, match=r"^entity must be an id \(letters, digits, '-', '_'\), got '\.\./x'$"):
        _calls.update_data(client, {"id": "../x"}, {"a": 1})
    assert len(mocked.calls) == 0


# ----------------------------------------------------------- preview_path
def test_a_previews_path_takes_the_lenient_id_the_server_answered(
    client: gazu.client.KitsuClient, mocked: responses.RequestsMock
) -> None:
    mocked.get(f"{HOST}/data/preview-files/{PREVIEW}", json={"id": PREVIEW, "extension": "png"})
    assert _calls.preview_path(client, PREVIEW, "original") == f"pictures/originals/preview-files/{PREVIEW}.png"


# ------------------------------------------------------------- gazu.cache
def test_a_function_given_the_memo_by_cache_keeps_300_entries_for_120_seconds_by_default(
    memo: list[gazu.cache.CachedFunction[..., Any]],
) -> None:
    function, calls = counted(lambda args: {"args": list(args)})
    cached = gazu.cache.cache(function)
    memo.append(cached)
    assert cached(1) == {"args": [1]} and cached(1) == {"args": [1]}
    assert calls == [(1,)]
    infos = cached.get_cache_infos()
    assert (infos["maxsize"], infos["expire"], infos["enabled"]) == (300, 120, True)
    assert (infos["hits"], infos["misses"], infos["current_size"]) == (1, 1, 1)


def test_a_function_given_the_memo_by_cache_keeps_the_size_and_expiry_asked(
    memo: list[gazu.cache.CachedFunction[..., Any]],
) -> None:
    function, calls = counted(lambda args: args[0] * 2)
    cached = gazu.cache.cache(function, maxsize=2, expire=5)
    memo.append(cached)
    infos = cached.get_cache_infos()
    assert (infos["maxsize"], infos["expire"]) == (2, 5)
    assert [cached(n) for n in (1, 2, 3)] == [2, 4, 6]
    assert cached.get_cache_infos()["current_size"] == 2


def test_a_cached_function_calls_its_function_with_the_memo_on_and_off(
    memo: list[gazu.cache.CachedFunction[..., Any]],
) -> None:
    function, calls = counted(lambda args: sum(args))
    cached = gazu.cache.CachedFunction(function)
    memo.append(cached)
    assert cached(1, 2) == 3
    gazu.cache.disable()
    assert cached(1, 2) == 3
    assert calls == [(1, 2), (1, 2)]


class _Clock:
    """A ``datetime`` module for gazu.cache whose ``now`` is set by the test."""

    def __init__(self, start: datetime.datetime) -> None:
        self.now = start
        clock = self

        class Frozen(datetime.datetime):
            @classmethod
            def now(cls, tz: datetime.tzinfo | None = None) -> Frozen:
                return cls.combine(clock.now.date(), clock.now.time())

        self.module = types.SimpleNamespace(datetime=Frozen, timedelta=datetime.timedelta)


def test_an_entry_exactly_as_old_as_the_expiry_is_still_served_and_expires_just_after(
    memo: list[gazu.cache.CachedFunction[..., Any]], monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = _Clock(datetime.datetime(2026, 1, 2, 3, 4, 5))
    monkeypatch.setattr(gazu.cache, "datetime", clock.module)
    function, calls = counted(lambda args: len(calls))
    cached = gazu.cache.cache(function, expire=10)
    memo.append(cached)
    assert cached() == 1
    clock.now += datetime.timedelta(seconds=10)
    assert cached() == 1  # exactly 10 seconds old: a hit
    clock.now += datetime.timedelta(microseconds=1)
    assert cached() == 2  # older: asked again
    infos = cached.get_cache_infos()
    assert (infos["hits"], infos["misses"], infos["expired_hits"]) == (1, 1, 1)


def test_a_max_size_of_zero_keeps_every_entry(memo: list[gazu.cache.CachedFunction[..., Any]]) -> None:
    function, calls = counted(lambda args: args[0])
    cached = gazu.cache.cache(function)
    memo.append(cached)
    assert [cached(n) for n in (1, 2, 3)] == [1, 2, 3]
    cached.set_cache_max_size(0)
    assert cached.get_cache_infos()["current_size"] == 3
    assert [cached(n) for n in (1, 2, 3)] == [1, 2, 3]
    assert calls == [(1,), (2,), (3,)]


def test_two_clients_of_the_same_host_and_token_never_share_an_entry(
    memo: list[gazu.cache.CachedFunction[..., Any]],
) -> None:
    first, second = (gazu.client.create_client(HOST) for _ in range(2))
    for made in (first, second):
        made.tokens = {"access_token": "a.b.c"}
    function, calls = counted(lambda args: len(calls))
    cached = gazu.cache.cache(function)
    memo.append(cached)
    assert (cached(first), cached(second), cached(first), cached(second)) == (1, 2, 1, 2)
    assert cached.get_cache_infos()["current_size"] == 2
