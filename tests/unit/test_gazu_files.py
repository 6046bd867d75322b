"""gazu.files' hand-written functions: what they return and how, beyond the
requests the contract test checks (get-or-create, paths joined client-side,
revisions, the sources of downloads, in-memory extractions, polling, file
trees), and loaded models kept coherent by its writes."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
import responses

import gazu
from gazu._file_trees import FILE_TREES

from .models_rows import row

HOST = "http://kitsu.test/api"
TASK, PREVIEW, WORKING, ENTITY, OUTPUT_TYPE, TASK_TYPE, SOFTWARE, ATTACHMENT, PROJECT = (
    f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 10)
)


@pytest.fixture
def client() -> Iterator[Any]:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    with responses.RequestsMock() as fake:
        made.fake = fake  # type: ignore[attr-defined]
        yield made


def _body(call: Any) -> Any:
    return json.loads(call.request.body)


# ------------------------------------------------------------ get-or-create
@pytest.mark.parametrize("function, route, args", [
    (gazu.files.new_output_type, "output-types", ("EXR", "exr")),
    (gazu.files.new_software, "softwares", ("Maya", "ma", "ma")),
    (gazu.files.new_file_status, "file-status", ("Approved", "#00FF00")),
])
def test_get_or_create_returns_the_record_found_by_name_without_creating(
    client: Any, function: Any, route: str, args: tuple[str, ...]
) -> None:
    existing = {"id": OUTPUT_TYPE, "name": args[0]}
    client.fake.add(responses.GET, f"{HOST}/data/{route}", json=[existing])
    assert function(*args, client=client) == existing
    assert [call.request.method for call in client.fake.calls] == ["GET"]
    assert parse_qs(urlsplit(client.fake.calls[0].request.url).query) == {"name": [args[0]]}


def test_new_software_creates_when_none_is_found_and_sends_secondary_extensions_only_when_given(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/softwares", json=[])
    client.fake.add(responses.POST, f"{HOST}/data/softwares", json={"id": SOFTWARE, "name": "Maya"})
    assert gazu.files.new_software("Maya", "ma", "ma", client=client)["id"] == SOFTWARE
    assert _body(client.fake.calls[1]) == {"name": "Maya", "short_name": "ma", "file_extension": "ma"}
    extensions = ["mb"]
    gazu.files.new_software("Maya", "ma", "ma", extensions, client=client)
    assert _body(client.fake.calls[3])["secondary_extensions"] == ["mb"] and extensions == ["mb"]


# --------------------------------------------------------- paths, revisions
def test_a_working_file_path_is_joined_client_side_with_spaces_as_underscores(client: Any) -> None:
    client.fake.add(responses.POST, f"{HOST}/data/tasks/{TASK}/working-file-path",
                    json={"path": "/mnt/work/my show/sh010", "name": "sh010 layout"})
    path = gazu.files.build_working_file_path(TASK, revision=3, sep="\\", client=client)
    assert path == "/mnt/work/my_show/sh010\\sh010_layout"
    assert _body(client.fake.calls[0]) == {"mode": "working", "name": "main", "revision": 3, "separator": "\\"}


def test_an_output_file_path_joins_the_folder_and_the_file_name(client: Any) -> None:
    client.fake.add(responses.POST, f"{HOST}/data/entities/{ENTITY}/output-file-path",
                    json={"folder_path": "/mnt/publish/sh010", "file_name": "sh010 exr v003"})
    path = gazu.files.build_entity_output_file_path({"id": ENTITY}, OUTPUT_TYPE, {"id": TASK_TYPE}, revision=3,
                                                    client=client)
    assert path == "/mnt/publish/sh010/sh010_exr_v003"
    assert _body(client.fake.calls[0]) == {
        "task_type_id": TASK_TYPE, "output_type_id": OUTPUT_TYPE, "mode": "output", "name": "main",
        "representation": "", "revision": 3, "nb_elements": 1, "separator": "/",
    }


def test_the_last_output_revision_is_the_next_one_minus_one(client: Any) -> None:
    url = f"{HOST}/data/entities/{ENTITY}/output-files/next-revision"
    client.fake.add(responses.POST, url, json={"next_revision": 4})
    assert gazu.files.get_next_entity_output_revision(ENTITY, OUTPUT_TYPE, TASK_TYPE, client=client) == 4
    assert gazu.files.get_last_entity_output_revision(ENTITY, OUTPUT_TYPE, TASK_TYPE, client=client) == 3
    # The spec's default name for the last revision is "master"; the next one's is "main".
    assert [_body(call)["name"] for call in client.fake.calls] == ["main", "master"]
    client.fake.replace(responses.POST, url, json={"next_revision": 1})
    assert gazu.files.get_last_entity_output_revision(ENTITY, OUTPUT_TYPE, TASK_TYPE, client=client) == 0


def test_the_last_working_file_revision_is_the_one_of_that_name(client: Any) -> None:
    newest = {"id": WORKING, "name": "layout", "revision": 7}
    client.fake.add(responses.GET, f"{HOST}/data/tasks/{TASK}/working-files/last-revisions", json={"layout": newest})
    assert gazu.files.get_last_working_file_revision(TASK, "layout", client=client) == newest
    assert gazu.files.get_last_working_file_revision(TASK, client=client) is None  # none named "main"


# ---------------------------------------------------------------- downloads
@pytest.mark.parametrize("extension, route", [
    ("png", "pictures/originals/preview-files/{id}.png"), ("mp4", "movies/originals/preview-files/{id}.mp4"),
])
def test_a_previews_original_is_at_the_route_of_its_extension(
    client: Any, tmp_path: Path, extension: str, route: str
) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/preview-files/{PREVIEW}", json={"id": PREVIEW, "extension": extension})
    client.fake.add(responses.GET, f"{HOST}/{route.format(id=PREVIEW)}", body=b"original")
    assert gazu.files.get_preview_file_url(PREVIEW, client=client) == route.format(id=PREVIEW)
    response = gazu.files.download_preview_file(PREVIEW, tmp_path / "original", client=client)
    assert isinstance(response, requests.Response) and (tmp_path / "original").read_bytes() == b"original"


def test_movie_urls_read_the_record_and_the_low_definition_is_always_mp4(client: Any, tmp_path: Path) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/preview-files/{PREVIEW}", json={"id": PREVIEW, "extension": "mov"})
    assert gazu.files.get_preview_movie_url(PREVIEW, client=client) == f"movies/originals/preview-files/{PREVIEW}.mov"
    assert gazu.files.get_preview_lowdef_movie_url(PREVIEW, client=client) == f"movies/low/preview-files/{PREVIEW}.mp4"
    client.fake.add(responses.GET, f"{HOST}/movies/low/preview-files/{PREVIEW}.mp4", body=b"low")
    gazu.files.download_preview_lowdef_movie({"id": PREVIEW}, tmp_path / "low.mp4", client=client)
    assert (tmp_path / "low.mp4").read_bytes() == b"low" and len(client.fake.calls) == 4


def test_an_attachment_thumbnail_url_needs_no_request(client: Any) -> None:
    url = gazu.files.get_attachment_thumbnail_url({"id": ATTACHMENT}, client=client)
    assert url == f"pictures/thumbnails/attachment-files/{ATTACHMENT}.png" and len(client.fake.calls) == 0
    with pytest.raises(ValueError):
        gazu.files.get_attachment_thumbnail_url("../../auth/logout", client=client)


def test_a_working_file_without_a_target_goes_to_its_records_path(client: Any, tmp_path: Path) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/working-files/{WORKING}",
                    json={"id": WORKING, "path": str(tmp_path / "sh010.ma")})
    client.fake.add(responses.GET, f"{HOST}/data/working-files/{WORKING}/file", body=b"scene")
    assert gazu.files.download_working_file(WORKING, client=client).status_code == 200
    assert (tmp_path / "sh010.ma").read_bytes() == b"scene"
    seen: list[int] = []
    gazu.files.download_working_file(WORKING, tmp_path / "copy.ma", client=client,
                                     progress_callback=lambda done, _total: seen.append(done))
    assert (tmp_path / "copy.ma").read_bytes() == b"scene" and seen[-1] == 5
    paths = [urlsplit(call.request.url).path for call in client.fake.calls]
    assert paths[2:] == [f"/api/data/working-files/{WORKING}/file"]  # a target given: no record read


def test_an_extracted_frame_without_a_target_is_in_the_responses_content(client: Any, tmp_path: Path) -> None:
    url = f"{HOST}/actions/preview-files/{PREVIEW}/extract-frame"
    client.fake.add(responses.GET, url, body=b"frame 12")
    response = gazu.files.extract_frame_from_preview(PREVIEW, 12, client=client)
    assert response.content == b"frame 12" and response.status_code == 200
    assert parse_qs(urlsplit(client.fake.calls[0].request.url).query) == {"frame_number": ["12"]}
    gazu.files.extract_frame_from_preview(PREVIEW, 12, tmp_path / "f.png", client=client)
    assert (tmp_path / "f.png").read_bytes() == b"frame 12"


def test_an_extracted_tile_without_a_target_is_in_the_responses_content(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/actions/preview-files/{PREVIEW}/extract-tile", body=b"tile")
    assert gazu.files.extract_tile_from_preview({"id": PREVIEW}, client=client).content == b"tile"


# ------------------------------------------------------------------ uploads
def test_a_working_file_upload_is_streamed_with_its_progress(client: Any, tmp_path: Path) -> None:
    scene = tmp_path / "sh010.ma"
    scene.write_bytes(b"m" * 5000)
    client.fake.add(responses.POST, f"{HOST}/data/working-files/{WORKING}/file", json={"id": WORKING})
    seen: list[tuple[int, int | None]] = []
    answer = gazu.files.upload_working_file(WORKING, str(scene), client=client,
                                            progress_callback=lambda done, total: seen.append((done, total)))
    assert answer == {"id": WORKING} and seen and seen[-1][0] == seen[-1][1]
    request = client.fake.calls[0].request
    body = request.body.read() if hasattr(request.body, "read") else request.body
    assert re.search(rb'name="file"; filename="sh010.ma"', body) and b"m" * 5000 in body


def test_an_avatar_upload_answers_its_thumbnail_path(client: Any, tmp_path: Path) -> None:
    picture = tmp_path / "me.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    client.fake.add(responses.POST, f"{HOST}/pictures/thumbnails/persons/{TASK}", json={"thumbnail_path": "/x.png"})
    assert gazu.files.upload_person_avatar(TASK, picture, client=client) == {"thumbnail_path": "/x.png"}
    with pytest.raises(FileNotFoundError):  # a missing file: nothing sent
        gazu.files.upload_person_avatar(TASK, tmp_path / "missing.png", client=client)
    assert len(client.fake.calls) == 1


# ------------------------------------------------------------------ polling
def test_waiting_for_a_preview_polls_until_it_is_no_longer_processing(client: Any) -> None:
    url = f"{HOST}/data/preview-files/{PREVIEW}"
    client.fake.add(responses.GET, url, json={"id": PREVIEW, "status": "processing"})
    client.fake.add(responses.GET, url, json={"id": PREVIEW, "status": "processing"})
    client.fake.add(responses.GET, url, json={"id": PREVIEW, "status": "ready"})
    assert gazu.files.wait_for_preview_file(PREVIEW, poll_interval=0, client=client)["status"] == "ready"
    assert len(client.fake.calls) == 3


def test_waiting_for_a_preview_gives_up_after_the_timeout(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/preview-files/{PREVIEW}", json={"id": PREVIEW, "status": "processing"})
    with pytest.raises(gazu.exception.PreviewFileProcessingException, match=PREVIEW):
        gazu.files.wait_for_preview_file({"id": PREVIEW}, timeout=0, poll_interval=0, client=client)
    assert len(client.fake.calls) == 1


# --------------------------------------------------------------- file trees
def test_a_file_tree_given_by_name_is_sent_whole(client: Any) -> None:
    before = copy.deepcopy(FILE_TREES)
    client.fake.add(responses.PUT, f"{HOST}/data/projects/{PROJECT}", json={"id": PROJECT})
    gazu.files.set_project_file_tree(PROJECT, "simple", client=client)
    assert _body(client.fake.calls[0]) == {"file_tree": FILE_TREES["simple"]} and FILE_TREES == before


_NOT_A_TREE: Any = ["not", "a", "dict"]


@pytest.mark.parametrize("call", [
    lambda client: gazu.files.set_project_file_tree(PROJECT, "no such tree", client=client),
    lambda client: gazu.files.update_project_file_tree(PROJECT, _NOT_A_TREE, client=client),
])
def test_a_bad_file_tree_is_refused_before_sending(client: Any, call: Any) -> None:
    with pytest.raises(ValueError):
        call(client)
    assert len(client.fake.calls) == 0


# --------------------------------------------------------------- coherence
def test_a_write_is_merged_into_the_loaded_model(client: Any) -> None:
    loaded = client.kitsu.working_files.materialize([row("WorkingFile", id=WORKING, comment="old")])[0]
    client.fake.add(responses.PUT, f"{HOST}/actions/working-files/{WORKING}/comment",
                    json=row("WorkingFile", id=WORKING, comment="new"))
    gazu.files.update_comment(loaded, "new", client=client)
    assert loaded.comment == "new"
    preview = client.kitsu.preview_files.materialize([row("PreviewFile", id=PREVIEW)])[0]
    client.fake.add(responses.DELETE, f"{HOST}/data/preview-files/{PREVIEW}", status=204)
    gazu.files.remove_preview_file(PREVIEW, client=client)
    assert client.kitsu.identity.get(type(preview), PREVIEW) is None
