"""gazu.playlist's hand-written functions: entries edited on a copy of the
caller's playlist (saved whole, or not at all), the newest preview picked
for a new entry, get-or-create, the episode read only when needed, sorting,
and the loaded playlist kept coherent."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

import gazu

from .models_rows import row

HOST = "http://kitsu.test/api"
PLAYLIST, SHOT_A, SHOT_B, PREVIEW_OLD, PREVIEW_NEW, PROJECT, EPISODE, OTHER = (
    f"00000000-0000-4000-8000-{n:012d}" for n in range(1, 9)
)


@pytest.fixture
def client() -> Iterator[Any]:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    with responses.RequestsMock() as fake:
        made.fake = fake  # type: ignore[attr-defined]
        yield made


def _playlist() -> dict[str, Any]:
    return {"id": PLAYLIST, "name": "Daily", "shots": [
        {"entity_id": SHOT_A, "preview_file_id": PREVIEW_OLD}, {"entity_id": SHOT_B}, {"entity_id": SHOT_A},
    ]}


def _body(call: Any) -> Any:
    return json.loads(call.request.body)


# ----------------------------------------------------------------- entries
def test_a_new_entry_shows_the_entitys_newest_preview_of_any_task_type(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/playlists/entities/{SHOT_A}/preview-files", json={
        "layout": [{"id": PREVIEW_OLD, "created_at": "2026-01-05T10:00:00"}],
        "empty": [],
        "anim": [{"id": PREVIEW_NEW, "created_at": "2026-01-06T09:00:00"}, {"id": OTHER, "created_at": "2026-01-01"}],
    })
    client.fake.add(responses.POST, f"{HOST}/actions/playlists/{PLAYLIST}/add-entity", json={"id": PLAYLIST})
    given = _playlist()
    assert gazu.playlist.add_entity_to_playlist(given, SHOT_A, client=client) == {"id": PLAYLIST}
    assert _body(client.fake.calls[1]) == {"entity_id": SHOT_A, "preview_file_id": PREVIEW_NEW}
    assert given == _playlist()


def test_an_entry_without_any_preview_sends_the_entity_only(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/playlists/entities/{SHOT_B}/preview-files", json={})
    client.fake.add(responses.POST, f"{HOST}/actions/playlists/{PLAYLIST}/add-entity", json={"id": PLAYLIST})
    gazu.playlist.add_entity_to_playlist({"id": PLAYLIST}, {"id": SHOT_B}, client=client)
    assert _body(client.fake.calls[1]) == {"entity_id": SHOT_B}


def test_an_entry_not_persisted_is_appended_to_a_copy_and_nothing_is_sent(client: Any) -> None:
    given = _playlist()
    updated = gazu.playlist.add_entity_to_playlist(given, SHOT_B, {"id": PREVIEW_NEW}, persist=False, client=client)
    assert updated["shots"][-1] == {"entity_id": SHOT_B, "preview_file_id": PREVIEW_NEW}
    assert updated["shots"][:3] == _playlist()["shots"] and updated["name"] == "Daily"
    assert given == _playlist() and len(client.fake.calls) == 0


def test_removing_an_entity_drops_all_its_entries_and_saves_the_whole_playlist(client: Any) -> None:
    client.fake.add(responses.PUT, f"{HOST}/data/playlists/{PLAYLIST}", json={"id": PLAYLIST})
    given = _playlist()
    updated = gazu.playlist.remove_entity_from_playlist(given, {"id": SHOT_A}, client=client)
    assert updated["shots"] == [{"entity_id": SHOT_B}]
    assert _body(client.fake.calls[0]) == {"id": PLAYLIST, "name": "Daily", "shots": [{"entity_id": SHOT_B}]}
    assert given == _playlist()
    assert gazu.playlist.remove_entity_from_playlist(given, SHOT_B, persist=False, client=client)["shots"] == [
        {"entity_id": SHOT_A, "preview_file_id": PREVIEW_OLD}, {"entity_id": SHOT_A},
    ]
    assert len(client.fake.calls) == 1


def test_changing_an_entitys_preview_edits_its_entries_on_a_copy(client: Any) -> None:
    client.fake.add(responses.PUT, f"{HOST}/data/playlists/{PLAYLIST}", json={"id": PLAYLIST})
    given = _playlist()
    updated = gazu.playlist.update_entity_preview(given, SHOT_A, {"id": PREVIEW_NEW}, client=client)
    expected = [{"entity_id": SHOT_A, "preview_file_id": PREVIEW_NEW}, {"entity_id": SHOT_B},
                {"entity_id": SHOT_A, "preview_file_id": PREVIEW_NEW}]
    assert updated["shots"] == expected and _body(client.fake.calls[0])["shots"] == expected
    assert given == _playlist()
    gazu.playlist.update_entity_preview(given, SHOT_B, PREVIEW_OLD, persist=False, client=client)
    assert len(client.fake.calls) == 1


def test_an_entry_edit_refuses_a_playlist_that_is_not_a_dict(client: Any) -> None:
    with pytest.raises(ValueError):
        gazu.playlist.remove_entity_from_playlist(PLAYLIST, SHOT_A, client=client)  # type: ignore[arg-type]
    assert len(client.fake.calls) == 0


# ------------------------------------------------------------------- reads
def test_a_playlists_shots_are_read_afresh_and_sorted_by_name(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/playlists/{PLAYLIST}", json={"id": PLAYLIST, "shots": [
        {"entity_id": SHOT_A, "name": "sh020"}, {"entity_id": SHOT_B, "name": "SH010"},
    ]})
    assert [entry["entity_id"] for entry in gazu.playlist.all_shots_for_playlist({"id": PLAYLIST}, client=client)] == [
        SHOT_B, SHOT_A,
    ]


def test_an_episodes_playlists_read_the_episode_only_without_its_project(client: Any) -> None:
    route = f"{HOST}/data/projects/{PROJECT}/episodes/{EPISODE}/playlists"
    client.fake.add(responses.GET, route, json=[{"name": "b"}, {"name": "A"}])
    assert gazu.playlist.all_playlists_for_episode({"id": EPISODE, "project_id": PROJECT}, client=client) == [
        {"name": "A"}, {"name": "b"},
    ]
    assert len(client.fake.calls) == 1
    client.fake.add(responses.GET, f"{HOST}/data/episodes/{EPISODE}", json={"id": EPISODE, "project_id": PROJECT})
    gazu.playlist.all_playlists_for_episode(EPISODE, client=client)
    assert [urlsplit(call.request.url).path for call in client.fake.calls[1:]] == [
        f"/api/data/episodes/{EPISODE}", f"/api/data/projects/{PROJECT}/episodes/{EPISODE}/playlists",
    ]


def test_a_projects_playlists_always_send_the_page(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/projects/{PROJECT}/playlists", json=[])
    gazu.playlist.all_playlists_for_project(PROJECT, client=client)
    gazu.playlist.all_playlists_for_project(PROJECT, client=client, page=3)
    sent = [parse_qs(urlsplit(call.request.url).query) for call in client.fake.calls]
    assert sent == [{"page": ["1"]}, {"page": ["3"]}]


# ------------------------------------------------------------ get-or-create
def test_new_playlist_returns_the_one_of_that_name_without_creating(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/playlists", json=[{"id": PLAYLIST, "name": "Daily"}])
    assert gazu.playlist.new_playlist(PROJECT, "Daily", client=client)["id"] == PLAYLIST
    assert parse_qs(urlsplit(client.fake.calls[0].request.url).query) == {"project_id": [PROJECT], "name": ["Daily"]}
    assert len(client.fake.calls) == 1


def test_new_playlist_creates_when_none_has_that_name(client: Any) -> None:
    client.fake.add(responses.GET, f"{HOST}/data/playlists", json=[])
    client.fake.add(responses.POST, f"{HOST}/data/playlists", json={"id": PLAYLIST})
    gazu.playlist.new_playlist({"id": PROJECT}, "Daily", {"id": EPISODE}, "asset", True, client=client)
    assert _body(client.fake.calls[1]) == {
        "name": "Daily", "project_id": PROJECT, "for_entity": "asset", "for_client": True, "is_for_all": False,
        "episode_id": EPISODE,
    }


def test_a_share_link_sends_its_expiry_and_password_only_when_given(client: Any) -> None:
    client.fake.add(responses.POST, f"{HOST}/data/playlists/{PLAYLIST}/share", json={"token": "t"})
    gazu.playlist.new_share_link(PLAYLIST, client=client)
    gazu.playlist.new_share_link(PLAYLIST, "2026-02-01", False, "pw", client=client)
    assert [_body(call) for call in client.fake.calls] == [
        {"can_comment": True}, {"can_comment": False, "expiration_date": "2026-02-01", "password": "pw"},
    ]


# --------------------------------------------------------------- coherence
def test_a_saved_playlist_is_merged_into_the_loaded_one(client: Any) -> None:
    loaded = client.kitsu.playlists.materialize([row("Playlist", id=PLAYLIST)])[0]
    given = {"id": PLAYLIST, "name": "Daily", "shots": [{"entity_id": SHOT_A}, {"entity_id": SHOT_B}]}
    kept = copy.deepcopy(given)
    client.fake.add(responses.PUT, f"{HOST}/data/playlists/{PLAYLIST}",
                    json=row("Playlist", id=PLAYLIST, shots=[{"entity_id": SHOT_B}]))
    gazu.playlist.remove_entity_from_playlist(given, SHOT_A, client=client)
    assert [entry["entity_id"] for entry in loaded.shots] == [SHOT_B] and given == kept
