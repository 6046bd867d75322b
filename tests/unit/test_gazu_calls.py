"""The small helpers of gazu's call mechanism (``gazu._calls``) that the
generated functions share: a field read from what the caller gave or from
the server, an entity's data merged, a preview's path, a web page's URL,
batch comments as a form."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import responses

import gazu
from gazu import _calls
from kitsu_models import catalogue as api
from kitsu_models import errors
from kitsu_models.session import Kitsu

HOST = "http://kitsu.test/api"
ASSET = "00000000-0000-4000-8000-00000000000a"
EPISODE = "00000000-0000-4000-8000-00000000000e"
PROJECT = "00000000-0000-4000-8000-00000000000b"
PREVIEW = "00000000-0000-4000-8000-00000000000c"


@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c"}
    responses.start()  # the module's own mock: responses.get(...) and responses.calls below
    try:
        yield made
    finally:
        responses.stop()
        responses.reset()


def test_a_field_is_read_from_the_callers_record_then_from_its_other_name_then_from_the_server(
    client: gazu.client.KitsuClient,
) -> None:
    def episode_of(value: object) -> object:
        return _calls.field(client, value, "source_id", api.ASSET, also="episode_id")  # type: ignore[arg-type]

    assert episode_of({"id": ASSET, "source_id": EPISODE}) == EPISODE
    assert episode_of({"id": ASSET, "source_id": None, "episode_id": EPISODE}) == EPISODE
    assert episode_of({"id": ASSET, "episode_id": EPISODE}) == EPISODE
    model = Kitsu(HOST).assets.materialize([{"id": ASSET, "name": "Fox", "source_id": EPISODE}])[0]
    assert episode_of(model) == EPISODE
    assert len(responses.calls) == 0
    responses.get(f"{HOST}/data/assets/{ASSET}", json={"id": ASSET, "source_id": None, "episode_id": EPISODE})
    assert episode_of(ASSET) == EPISODE and episode_of({"id": ASSET, "name": "Fox"}) == EPISODE
    assert len(responses.calls) == 2
    assert _calls.field(client, {"id": ASSET, "name": "Fox"}, "name", api.ASSET) == "Fox"


def test_merging_an_entitys_data_sends_only_the_given_keys_and_answers_the_record(
    client: gazu.client.KitsuClient,
) -> None:
    responses.put(f"{HOST}/data/entities/{ASSET}", json={"id": ASSET, "data": {"a": 1, "b": 2}})
    assert _calls.update_data(client, {"id": ASSET}, {"a": 1}) == {"id": ASSET, "data": {"a": 1, "b": 2}}
    assert json.loads(responses.calls[0].request.body or b"") == {"id": ASSET, "data": {"a": 1}}
    responses.replace(responses.PUT, f"{HOST}/data/entities/{ASSET}", json=["not", "a", "record"])
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        _calls.update_data(client, ASSET, {"a": 1})  # a list where a record is due
    error = caught.value
    assert (error.method, error.path, error.status, error.problem) == ("", f"data/entities/{ASSET}", 200,
                                                                       "expected a dict")
    assert "'not', 'a', 'record'" in error.excerpt
    with pytest.raises(ValueError, match="entity"):
        _calls.update_data(client, "../x", {})


@pytest.mark.parametrize(("kind", "extension", "path"), [
    ("original", "png", f"pictures/originals/preview-files/{PREVIEW}.png"),
    ("original", "mp4", f"movies/originals/preview-files/{PREVIEW}.mp4"),
    ("movie", "mp4", f"movies/originals/preview-files/{PREVIEW}.mp4"),
    ("lowdef", "mp4", f"movies/low/preview-files/{PREVIEW}.mp4"),
])
def test_a_previews_file_path_follows_its_kind_and_extension(
    client: gazu.client.KitsuClient, kind: str, extension: str, path: str
) -> None:
    responses.get(f"{HOST}/data/preview-files/{PREVIEW}", json={"id": PREVIEW, "extension": extension})
    assert _calls.preview_path(client, PREVIEW, kind) == path
    responses.replace(responses.GET, f"{HOST}/data/preview-files/{PREVIEW}", json=[])
    with pytest.raises(errors.UnexpectedAnswerError):
        _calls.preview_path(client, PREVIEW, kind)


def test_a_web_page_url_is_under_its_episode_when_the_record_has_one(client: gazu.client.KitsuClient) -> None:
    shot = {"id": ASSET, "project_id": PROJECT, "episode_id": EPISODE}
    web = "http://kitsu.test"
    assert _calls.page_url(client, shot, "shots", "episode_id") == \
        f"{web}/productions/{PROJECT}/episodes/{EPISODE}/shots/{ASSET}/"
    assert _calls.page_url(client, shot, "shots") == f"{web}/productions/{PROJECT}/shots/{ASSET}/"


def test_batch_comments_are_one_form_field_of_json() -> None:
    when = dt.datetime(2026, 1, 2, 3, 4)
    form = _calls.comment_form([{"text": "ok", "created_at": when}])
    assert json.loads(form["comments"]) == [{"text": "ok", "created_at": "2026-01-02 03:04:00"}]
    assert _calls.comment_form(None) == {"comments": "[]"}


def test_files_go_both_ways_under_gazu_style_ids_with_their_query_and_checks(
    client: gazu.client.KitsuClient, tmp_path: Path
) -> None:
    source = tmp_path / "plate.png"
    source.write_bytes(b"\x89PNG" + b"\0" * 1000)
    told: list[tuple[int, int | None]] = []
    responses.post(f"{HOST}/pictures/preview-files/preview-01", json={"id": "preview-01"})
    answer = _calls.upload(client, api.PREVIEW_UPLOAD, {"preview_file_id": "preview-01"}, [source],
                           params={"normalize": "true", "skipped": None}, progress=lambda d, t: told.append((d, t)))
    assert answer == {"id": "preview-01"}
    sent = responses.calls[0].request
    assert str(sent.url).endswith("/pictures/preview-files/preview-01?normalize=true")
    assert told[-1] == (1004, 1004)  # in bytes of the file, as 1.3.1 tells it
    with pytest.raises(ValueError, match="file_path"):
        _calls.upload(client, api.PREVIEW_UPLOAD, {"preview_file_id": "preview-01"}, [tmp_path / "missing.png"])
    with pytest.raises(ValueError, match="file_path"):
        _calls.upload(client, api.PREVIEW_UPLOAD, {"preview_file_id": "preview-01"},
                      {"file": tmp_path / "missing.png"})
    responses.get(f"{HOST}/pictures/originals/preview-files/preview-01.png", body=b"picture")
    target = tmp_path / "back.png"
    response = _calls.download(client, api.PREVIEW_PICTURE, {"preview_file_id": "preview-01", "extension": "png"},
                               target, params={"size": "small"})
    assert target.read_bytes() == b"picture" and response.status_code == 200
    assert str(responses.calls[-1].request.url).endswith("preview-01.png?size=small")
    with pytest.raises(ValueError, match="^file_path must be a file path"):
        _calls.download(client, api.PREVIEW_PICTURE, {"preview_file_id": "preview-01", "extension": "png"},
                        42)  # type: ignore[arg-type]


def test_lists_of_ids_and_records_given_to_an_update_are_checked_by_name() -> None:
    model = Kitsu(HOST).assets.materialize([{"id": ASSET, "name": "Fox"}])[0]
    assert _calls.refs([{"id": ASSET}, PROJECT, model]) == [ASSET, PROJECT, ASSET] and _calls.refs(None) == []
    with pytest.raises(ValueError, match="^person_id must be an id"):
        _calls.refs(["a/b"], what="person_id")
    assert _calls.record(model)["name"] == "Fox" and _calls.record({"assignees": [model]}, ids=["assignees"]) == {
        "assignees": [ASSET]}
    with pytest.raises(ValueError, match="^expected a dict, got list$"):
        _calls.record([ASSET])  # type: ignore[arg-type]
