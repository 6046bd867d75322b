"""gazu.shot's hand-written behaviours the contract test cannot see:
get-or-create returning what exists, reads saved when a dict already says
enough, the web UI's URLs, OTIO imports, and the session's loaded models
kept coherent by shot writes."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import responses

import gazu
from kitsu_models.models import AssetInstance, Shot

HOST = "http://kitsu.test/api"
PROJECT, SEQUENCE, SHOT, EPISODE, INSTANCE, ASSET = (f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 7))


@pytest.fixture
def client() -> Iterator[gazu.client.KitsuClient]:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    with responses.RequestsMock() as fake:
        made.fake = fake  # type: ignore[attr-defined]
        yield made


def _sent(client: Any) -> list[tuple[str, str]]:
    return [(call.request.method, call.request.url.removeprefix(HOST + "/")) for call in client.fake.calls]


def _body(client: Any, index: int = -1) -> Any:
    return json.loads(client.fake.calls[index].request.body)


def test_new_shot_returns_the_shot_found_without_creating_one(client: Any) -> None:
    found = {"id": SHOT, "name": "SH010"}
    client.fake.add(responses.GET, f"{HOST}/data/shots/all", json=[found])
    assert gazu.shot.new_shot(PROJECT, SEQUENCE, "SH010", frame_in=1, client=client) == found
    assert _sent(client) == [("GET", f"data/shots/all?sequence_id={SEQUENCE}&name=SH010")]


def test_new_shot_puts_the_frames_in_its_data_without_touching_the_callers_dict(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/shots/all", json=[])
    client.fake.add(responses.POST, f"{HOST}/data/projects/{PROJECT}/shots", json={"id": SHOT})
    data = {"lens": 35}
    gazu.shot.new_shot({"id": PROJECT}, {"id": SEQUENCE}, "SH010", nb_frames=24, frame_in=1, frame_out=24,
                       data=data, client=client)
    assert _body(client) == {"name": "SH010", "sequence_id": SEQUENCE, "nb_frames": 24,
                             "data": {"lens": 35, "frame_in": 1, "frame_out": 24}}
    assert data == {"lens": 35}
    gazu.shot.new_shot(PROJECT, SEQUENCE, "SH020", frame_in=5, client=client)
    gazu.shot.new_shot(PROJECT, SEQUENCE, "SH030", client=client)
    assert _body(client)["data"] == {}  # the spec's default data={} kept nothing of the call before


def test_new_sequence_looks_in_the_episode_and_creates_it_there(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/sequences", json=[])
    client.fake.add(responses.POST, f"{HOST}/data/projects/{PROJECT}/sequences", json={"id": SEQUENCE})
    assert gazu.shot.new_sequence(PROJECT, "SQ01", episode=EPISODE, client=client) == {"id": SEQUENCE}
    assert _sent(client)[0] == ("GET", f"data/sequences?episode_id={EPISODE}&name=SQ01")  # no project_id, as gazu
    assert _body(client) == {"name": "SQ01", "episode_id": EPISODE}


def test_a_get_or_create_refuses_a_bad_production_before_its_lookup(client: Any) -> None:
    with pytest.raises(ValueError):
        gazu.shot.new_sequence("../../auth/logout", "SQ01", episode=EPISODE, client=client)
    with pytest.raises(ValueError):
        gazu.shot.new_episode("a b", "E01", client=client)
    assert len(client.fake.calls) == 0


def test_new_episode_returns_the_episode_found(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/episodes", json=[{"id": EPISODE, "name": "E01"}])
    assert gazu.shot.new_episode(PROJECT, "E01", client=client)["id"] == EPISODE
    assert [method for method, _ in _sent(client)] == ["GET"]


def test_the_sequence_of_a_shot_is_read_directly_when_the_dict_names_it(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/sequences/{SEQUENCE}", json={"id": SEQUENCE})
    client.fake.add(responses.GET, f"{HOST}/data/shots/{SHOT}", json={"id": SHOT, "parent_id": SEQUENCE})
    assert gazu.shot.get_sequence_from_shot({"id": SHOT, "parent_id": SEQUENCE}, client=client)["id"] == SEQUENCE
    assert _sent(client) == [("GET", f"data/sequences/{SEQUENCE}")]
    gazu.shot.get_sequence_from_shot(SHOT, client=client)  # an id: the shot is read first
    assert _sent(client)[1:] == [("GET", f"data/shots/{SHOT}"), ("GET", f"data/sequences/{SEQUENCE}")]


def test_a_sequence_in_no_episode_has_none_without_a_request(client: Any) -> None:
    assert gazu.shot.get_episode_from_sequence({"id": SEQUENCE, "parent_id": None}, client=client) is None
    client.fake.add(responses.GET, f"{HOST}/data/episodes/{EPISODE}", json={"id": EPISODE})
    assert gazu.shot.get_episode_from_sequence({"id": SEQUENCE, "parent_id": EPISODE}, client=client) == {"id": EPISODE}
    assert _sent(client) == [("GET", f"data/episodes/{EPISODE}")]


def test_the_web_urls_follow_the_episode_when_there_is_one(client: Any) -> None:
    web = "http://kitsu.test/productions"
    client.fake.add(responses.GET, f"{HOST}/data/shots/{SHOT}",
                    json={"id": SHOT, "project_id": PROJECT, "episode_id": EPISODE})
    client.fake.add(responses.GET, f"{HOST}/data/sequences/{SEQUENCE}",
                    json={"id": SEQUENCE, "project_id": PROJECT, "parent_id": None})
    client.fake.add(responses.GET, f"{HOST}/data/episodes/{EPISODE}", json={"id": EPISODE, "project_id": PROJECT})
    assert gazu.shot.get_shot_url(SHOT, client=client) == f"{web}/{PROJECT}/episodes/{EPISODE}/shots/{SHOT}/"
    assert gazu.shot.get_sequence_url(SEQUENCE, client=client) == f"{web}/{PROJECT}/sequences/{SEQUENCE}/"
    assert gazu.shot.get_episode_url(EPISODE, client=client) == f"{web}/{PROJECT}/episodes/{EPISODE}/shots"
    calls = len(client.fake.calls)
    assert gazu.shot.get_all_episodes_url({"id": PROJECT}, client=client) == f"{web}/{PROJECT}/episodes/"
    assert gazu.shot.get_all_sequences_url(PROJECT, client=client) == f"{web}/{PROJECT}/sequences/"
    assert len(client.fake.calls) == calls  # no request
    client.fake.replace(responses.GET, f"{HOST}/data/shots/{SHOT}",
                        json={"id": SHOT, "project_id": PROJECT, "episode_id": None})
    assert gazu.shot.get_shot_url(SHOT, client=client) == f"{web}/{PROJECT}/shots/{SHOT}/"


def _form(request: Any) -> dict[str, str]:
    body = request.body.read() if hasattr(request.body, "read") else request.body
    return {name.decode(): value.decode() for name, value in
            re.findall(rb'name="([^"]+)"\r\n\r\n(.*?)\r\n--', body, re.S)}


def test_import_otio_names_clips_by_the_default_convention_and_the_episode(client: Any, tmp_path: Path) -> None:
    timeline = tmp_path / "edit.otio"
    timeline.write_text("{}")
    client.fake.add(responses.POST, f"{HOST}/import/otio/projects/{PROJECT}", json={})
    client.fake.add(responses.POST, f"{HOST}/import/otio/projects/{PROJECT}/episodes/{EPISODE}", json={})
    gazu.shot.import_otio(PROJECT, str(timeline), client=client)
    gazu.shot.import_otio(PROJECT, str(timeline), episode={"id": EPISODE}, match_case=False, client=client)
    first, second = (_form(call.request) for call in client.fake.calls)
    assert first == {"naming_convention": "${project_name}_${sequence_name}-${shot_name}", "match_case": "True"}
    assert second == {"naming_convention": "${project_name}_${episode_name}-${sequence_name}-${shot_name}",
                      "match_case": "False"}


def test_update_shot_data_sends_only_the_new_keys_and_merges_the_answer_into_the_loaded_shot(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/entities/{SHOT}",  # where the SDK loads a shot
                    json={"id": SHOT, "name": "SH010", "project_id": PROJECT, "data": {"lens": 35}})
    shot = client.kitsu.shots.get(SHOT)
    client.fake.add(responses.PUT, f"{HOST}/data/entities/{SHOT}",
                    json={"id": SHOT, "name": "SH010", "data": {"lens": 35, "fps": 24}})
    data = {"fps": 24}
    gazu.shot.update_shot_data(shot, data, client=client)
    assert _body(client) == {"id": SHOT, "data": {"fps": 24}} and data == {"fps": 24}
    assert [method for method, _ in _sent(client)] == ["GET", "PUT"]  # no read before the write
    assert shot.data == {"lens": 35, "fps": 24}


def test_removing_an_asset_instance_from_a_shot_keeps_the_instance_loaded(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/asset-instances/{INSTANCE}",
                    json={"id": INSTANCE, "asset_id": ASSET, "name": "hero_0001", "active": True})
    client.fake.add(responses.GET, f"{HOST}/data/entities/{SHOT}", json={"id": SHOT, "name": "SH010"})
    instance = client.kitsu.asset_instances.get(INSTANCE)
    shot = client.kitsu.shots.get(SHOT)
    client.fake.add(responses.DELETE, f"{HOST}/data/shots/{SHOT}/asset-instances/{INSTANCE}", status=204)
    gazu.shot.remove_asset_instance_from_shot(SHOT, INSTANCE, client=client)
    assert client.kitsu.identity.get(AssetInstance, INSTANCE) is instance and not instance.is_deleted
    assert client.kitsu.identity.get(Shot, SHOT) is shot and not shot.is_deleted
    client.fake.add(responses.GET, f"{HOST}/data/asset-instances",  # expired objects load again in one batch
                    json=[{"id": INSTANCE, "asset_id": ASSET, "name": "hero_0001", "active": False}])
    assert instance.active is False  # expired: its next read loads it again
    method, route = _sent(client)[-1]
    assert method == "GET" and route.startswith("data/asset-instances?") and INSTANCE in route


def test_update_shot_sends_the_dict_as_given_and_removing_with_force_says_so(client: Any) -> None:
    client.fake.add(responses.PUT, f"{HOST}/data/entities/{SHOT}", json={"id": SHOT})
    client.fake.add(responses.DELETE, f"{HOST}/data/shots/{SHOT}", status=204)
    shot = {"id": SHOT, "name": "SH010", "data": {"lens": 35}, "nb_frames": 12}
    gazu.shot.update_shot(shot, client=client)
    assert _body(client) == shot
    gazu.shot.remove_shot(shot, force=True, client=client)
    gazu.shot.remove_shot(shot, client=client)
    assert _sent(client)[1:] == [("DELETE", f"data/shots/{SHOT}?force=True"), ("DELETE", f"data/shots/{SHOT}")]


def test_a_shot_removed_without_force_may_be_only_cancelled_so_it_stays_loaded_and_expired(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/entities/{SHOT}", json={"id": SHOT, "name": "SH010", "canceled": False})
    shot = client.kitsu.shots.get(SHOT)
    client.fake.add(responses.DELETE, f"{HOST}/data/shots/{SHOT}", status=204)
    gazu.shot.remove_shot(SHOT, client=client)  # the server cancels a shot that has tasks
    assert client.kitsu.identity.get(Shot, SHOT) is shot and not shot.is_deleted
    client.fake.add(responses.GET, re.compile(f"{HOST}/data/shots.*"),
                    json=[{"id": SHOT, "name": "SH010", "canceled": True}])
    assert shot.canceled is True  # read again
    gazu.shot.remove_shot(SHOT, force=True, client=client)
    assert shot.is_deleted and client.kitsu.identity.get(Shot, SHOT) is None


def test_an_import_tells_its_progress_in_bytes_of_the_file_as_gazu_does(client: Any, tmp_path: Path) -> None:
    sheet = tmp_path / "shots.csv"
    sheet.write_text("Sequence,Name,Nb Frames\nsq01,sh010,48\nsq01,sh020,24\n")

    def answer(request: Any) -> tuple[int, dict[str, str], str]:
        if hasattr(request.body, "read"):
            request.body.read()  # the streamed body is read as it is sent
        return 201, {}, "[]"

    client.fake.add_callback(responses.POST, f"{HOST}/import/csv/projects/{PROJECT}/shots", callback=answer)
    told: list[tuple[int, int | None]] = []
    gazu.shot.import_shots_with_csv(PROJECT, str(sheet), client=client,
                                    progress_callback=lambda done, total: told.append((done, total)))
    size = sheet.stat().st_size  # gazu 1.3.1: the files' bytes, not the multipart body's
    assert told and told[-1] == (size, size)
    assert all(total == size for _, total in told)
