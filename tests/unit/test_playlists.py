"""Playlist and its entries against ``responses``, on the rows a real Zou
1.0.97 sent (tests/fixtures/real_answers.json): every route's shape is
typed, entries are read-only typed objects whose entities load in one
request, and entry changes save as one ``shots`` key."""

from __future__ import annotations

import copy
import json
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses
from pydantic import ValidationError
from responses import matchers

from kitsu_models import errors
from kitsu_models.orm.collection import ModelList
from kitsu_models.models import Asset, Episode, Playlist, PlaylistEntries, PlaylistEntry, Project, Shot
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import _answers, new_id, row

ROUTES: dict[str, Any] = _answers()["Playlist"]["routes"]
ROW_ROUTES = sorted(key for key in ROUTES if key.startswith("GET "))


def route_row(key: str, **changes: Any) -> dict[str, Any]:
    found: dict[str, Any] = copy.deepcopy(ROUTES[key])
    found.update(changes)
    return found


def load(kitsu: Kitsu, shape: str = "list", **changes: Any) -> Playlist:
    return kitsu.playlists.materialize([row("Playlist", shape, **changes)])[0]


def body(call: Any) -> Any:
    return json.loads(call.request.body)


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(call.request.url).query)


def shot_rows(*ids: str, **changes: Any) -> list[dict[str, Any]]:
    return [row("Shot", "list", id=shot_id, **changes) for shot_id in ids]


def preview(preview_id: str, revision: int, created_at: str, task_type: str = "tt", **extra: Any) -> dict[str, Any]:
    return {"id": preview_id, "revision": revision, "created_at": created_at, "task_id": new_id(),
            "previews": [], **extra}


def mock_previews(mocked: responses.RequestsMock, entity_id: str, answer: dict[str, Any]) -> None:
    mocked.get(API + f"data/playlists/entities/{entity_id}/preview-files", json=answer)


# ------------------------------------------------------------- the rows
@pytest.mark.parametrize("key", ROW_ROUTES)
def test_every_route_row_is_typed_and_dumps_back(kitsu: Kitsu, key: str) -> None:
    raw = route_row(key)
    playlist = kitsu.playlists.materialize([copy.deepcopy(raw)])[0]
    assert type(playlist) is Playlist
    assert playlist.to_dict() == raw
    typed = {field.alias or name for name, field in Playlist.model_fields.items()}
    assert set(raw) - typed == set()
    entry_keys = {field.alias or name for name, field in PlaylistEntry.model_fields.items()}
    for shot in raw.get("shots") or ():
        assert set(shot) - entry_keys == set(), key


def test_the_richer_project_route_types_the_entries_previews(kitsu: Kitsu) -> None:
    raw = route_row("GET data/projects/{project_id}/playlists/{playlist_id}")
    playlist = kitsu.playlists.materialize([copy.deepcopy(raw)])[0]
    first, second = playlist.entries
    assert first.entity_id == raw["shots"][0]["entity_id"]
    assert first.preview_file_revision == 1 and first.preview_file_width == 64
    assert isinstance(first.preview_files, dict) and second.preview_files == []
    assert first.to_dict() == raw["shots"][0]
    assert first.__pydantic_extra__ == {}


def test_a_playlist_row_is_typed(kitsu: Kitsu) -> None:
    playlist = load(kitsu, "get")
    raw = row("Playlist", "get")
    assert playlist.name == raw["name"] and playlist.for_entity == "shot"
    assert playlist.shots == raw["shots"] and playlist.build_jobs == []
    assert playlist.created_at is not None and playlist.created_at.isoformat() == raw["created_at"]
    with pytest.raises(ValidationError):
        playlist.for_entity = "everything"  # type: ignore[assignment]
    with pytest.raises(ValidationError):
        playlist.build_jobs = []  # computed: read-only
    assert playlist.changes() == {}


def test_unknown_keys_are_kept(kitsu: Kitsu) -> None:
    playlist = load(kitsu, brand_new={"from": "a newer server"})
    assert playlist.brand_new == {"from": "a newer server"}
    assert playlist.to_dict()["brand_new"] == {"from": "a newer server"}
    shots = row("Playlist")["shots"]
    shots[0]["brand_new"] = 1
    entry = load(kitsu, id=new_id(), shots=shots).entries[0]
    assert entry.brand_new == 1 and entry.to_dict() == shots[0]


# ------------------------------------------------------------- entries
def test_entries_are_typed_from_shots_without_a_request(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    playlist = load(kitsu)
    entries = playlist.entries
    assert isinstance(entries, PlaylistEntries) and isinstance(entries, ModelList)
    assert [(e.entity_id, e.preview_file_id) for e in entries] == [
        (shot["entity_id"], shot.get("preview_file_id")) for shot in row("Playlist")["shots"]
    ]
    assert all(type(e) is PlaylistEntry and e.id == "" for e in entries)
    assert playlist.entries is entries  # cached
    assert kitsu.identity.get(PlaylistEntry, "") is None
    assert len(mocked.calls) == 0
    with kitsu.strict_mode():
        assert load(kitsu, id=new_id()).entries  # nothing to fetch: no LazyLoadError


def test_entry_entities_load_for_every_playlist_of_a_list_in_one_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    shot_ids = [new_id() for _ in range(4)]
    playlists = kitsu.playlists.materialize([
        row("Playlist", id=new_id(), shots=[{"entity_id": shot_ids[0]}, {"entity_id": shot_ids[1]}]),
        row("Playlist", id=new_id(), shots=[{"entity_id": shot_ids[2], "preview_file_id": None}]),
        row("Playlist", id=new_id(), shots=[{"entity_id": shot_ids[3]}]),
    ])
    rows = shot_rows(*shot_ids)
    mocked.get(API + "data/entities", json=rows)
    mocked.get(API + "data/entity-types", json=[{"id": rows[0]["entity_type_id"], "name": "Shot"}])
    entity = playlists[1].entries[0].entity
    assert type(entity) is Shot and entity.id == shot_ids[2]
    entities_calls = [c for c in mocked.calls if "data/entities" in c.request.url]
    assert len(entities_calls) == 1
    assert sorted(json.loads(query(entities_calls[0])["id"][0])) == sorted(shot_ids)
    assert [e.entity.id for p in playlists for e in p.entries] == shot_ids
    assert len(mocked.calls) == 2  # the entities and the entity type names, once


def test_prefetch_entries_then_a_strict_walk_sends_nothing(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    shot_ids = [new_id(), new_id()]
    playlists = kitsu.playlists.materialize(
        [row("Playlist", id=new_id(), shots=[{"entity_id": shot_id}]) for shot_id in shot_ids]
    )
    rows = shot_rows(*shot_ids)
    mocked.get(API + "data/entities", json=rows)
    mocked.get(API + "data/entity-types", json=[{"id": rows[0]["entity_type_id"], "name": "Shot"}])
    playlists.prefetch("entries.entity")
    sent = len(mocked.calls)
    with kitsu.strict_mode():
        assert [p.entries[0].entity.id for p in playlists] == shot_ids
    assert len(mocked.calls) == sent == 2


def test_rows_without_shots_fetch_their_entries_for_the_whole_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """data/projects/{id}/playlists leaves ``shots`` out: the entries are
    read from the generic route, for every such playlist of the list."""
    listed = route_row("GET data/projects/{project_id}/playlists [row]")
    ids = [new_id(), new_id()]
    playlists = kitsu.playlists.materialize([dict(listed, id=i) for i in ids])
    assert playlists[0].shots is None and "shots" not in playlists[0].to_dict()
    with kitsu.strict_mode(), pytest.raises(errors.LazyLoadError):
        playlists[0].entries
    full = [row("Playlist", id=i, shots=[{"entity_id": i, "preview_file_id": None}]) for i in ids]
    mocked.get(API + "data/playlists", json=full)
    assert [e.entity_id for e in playlists[1].entries] == [ids[1]]
    assert [e.entity_id for e in playlists[0].entries] == [ids[0]]
    assert len(mocked.calls) == 1
    assert sorted(json.loads(query(mocked.calls[0])["id"][0])) == sorted(ids)
    assert playlists[0].first_preview_file_id == listed["first_preview_file_id"]  # kept


def test_a_row_without_shots_keeps_the_known_shots(kitsu: Kitsu) -> None:
    playlist = load(kitsu, "get")
    entries = playlist.entries
    again = kitsu.playlists.materialize([route_row("GET data/projects/{project_id}/playlists [row]")])[0]
    assert again is playlist and playlist.shots == row("Playlist", "get")["shots"]
    assert playlist.entries is entries


def test_a_reload_with_other_shots_rebuilds_the_entries(kitsu: Kitsu) -> None:
    playlist = load(kitsu)
    entries = playlist.entries
    load(kitsu)  # same shots: kept
    assert playlist.entries is entries
    other = new_id()
    load(kitsu, shots=[{"entity_id": other, "preview_file_id": None}])
    assert [e.entity_id for e in playlist.entries] == [other]


def test_entries_are_read_only(kitsu: Kitsu) -> None:
    playlist = load(kitsu)
    entries = playlist.entries
    entry = entries[0]
    for attempt in (
        lambda: entries.append(entry), lambda: entries.extend([entry]), lambda: entries.insert(0, entry),
        lambda: entries.remove(entry), lambda: entries.pop(), lambda: entries.clear(), lambda: entries.sort(),
        lambda: entries.reverse(), lambda: entries.__setitem__(0, entry), lambda: entries.__delitem__(0),
    ):
        with pytest.raises(errors.InvalidArgumentError):
            attempt()
    with pytest.raises(errors.InvalidArgumentError):
        entry.preview_file_id = None
    with pytest.raises(errors.InvalidArgumentError):
        entry.entity = kitsu.shots.materialize(shot_rows(new_id()))[0]
    for method in (entry.save, entry.delete, entry.refresh):
        with pytest.raises(errors.InvalidArgumentError):
            method()
    assert len(playlist.entries) == 2 and playlist.changes() == {}


def test_entries_compare_by_entity_and_preview(kitsu: Kitsu) -> None:
    a, b = load(kitsu).entries
    again = load(kitsu, id=new_id()).entries[0]
    assert a == again and hash(a) == hash(again) and a != b
    assert load(kitsu).entries.for_entity(a.entity_id) == [a]


# --------------------------------------------------- changing entries
def test_add_entity_picks_the_latest_preview_and_saves_only_shots(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    playlist = load(kitsu, "get")
    before = [dict(s) for s in playlist.shots or []]
    shot = kitsu.shots.materialize(shot_rows(new_id(), project_id=playlist.project_id))[0]
    older_type, newer_type = new_id(), new_id()
    chosen = new_id()
    mock_previews(mocked, shot.id, {
        # each task type's list: newest revision first; gazu takes each
        # list's first, then the one created last
        older_type: [preview(new_id(), 3, "2026-01-02T10:00:00"), preview(new_id(), 2, "2026-01-03T10:00:00")],
        newer_type: [preview(chosen, 1, "2026-01-02T11:00:00")],
    })
    entry = playlist.add_entity(shot)
    assert (entry.entity_id, entry.preview_file_id) == (shot.id, chosen)
    expected = [*[{"entity_id": s["entity_id"], "preview_file_id": s.get("preview_file_id")} for s in before],
                {"entity_id": shot.id, "preview_file_id": chosen}]
    assert playlist.changes() == {"shots": expected}
    assert playlist.entries[-1] is entry and len(playlist.entries) == 3
    answer = row("Playlist", "list", shots=expected)
    mocked.put(API + f"data/playlists/{playlist.id}", json=answer,
               match=[matchers.json_params_matcher({"shots": expected})])
    playlist.save()
    assert playlist.changes() == {}
    assert [c.request.method for c in mocked.calls] == ["GET", "PUT"]


def test_add_entity_keeps_to_the_playlists_task_type(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    anim, light = new_id(), new_id()
    playlist = load(kitsu, task_type_id=anim)
    entity_id = new_id()
    anim_preview = new_id()
    mock_previews(mocked, entity_id, {
        anim: [preview(anim_preview, 2, "2026-01-01T00:00:00")],
        light: [preview(new_id(), 1, "2026-02-01T00:00:00")],
    })
    assert playlist.add_entity(entity_id).preview_file_id == anim_preview


def test_add_entity_without_any_preview_adds_an_entry_without_one(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    playlist = load(kitsu, shots=None)
    entity_id = new_id()
    mock_previews(mocked, entity_id, {})
    entry = playlist.add_entity(entity_id)
    assert entry.preview_file_id is None
    assert playlist.changes() == {"shots": [{"entity_id": entity_id, "preview_file_id": None}]}


def test_add_entity_with_a_chosen_preview(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    playlist = load(kitsu, shots=[])
    entity_id, latest, older, grouped = new_id(), new_id(), new_id(), new_id()
    mock_previews(mocked, entity_id, {"tt": [
        preview(latest, 2, "2026-01-02T00:00:00"),
        preview(older, 1, "2026-01-01T00:00:00", previews=[preview(grouped, 1, "2026-01-01T00:00:01")]),
    ]})
    assert playlist.add_entity(entity_id, older).preview_file_id == older
    assert playlist.add_entity(entity_id, grouped).preview_file_id == grouped  # a second file of a revision
    # The same couple again: nothing more.
    assert playlist.add_entity(entity_id, older) is playlist.entries[0]
    assert [(e.entity_id, e.preview_file_id) for e in playlist.entries] == [(entity_id, older), (entity_id, grouped)]


def test_a_preview_of_another_entity_is_refused(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    playlist = load(kitsu)
    entity_id = new_id()
    mock_previews(mocked, entity_id, {"tt": [preview(new_id(), 1, "2026-01-01T00:00:00")]})
    with pytest.raises(errors.InvalidArgumentError, match="not a preview of entity"):
        playlist.add_entity(entity_id, new_id())
    in_playlist = playlist.entries[0].entity_id
    mock_previews(mocked, in_playlist, {"tt": [preview(new_id(), 1, "2026-01-01T00:00:00")]})
    with pytest.raises(errors.InvalidArgumentError, match="not a preview of entity"):
        playlist.set_entry_preview(in_playlist, new_id())
    assert playlist.changes() == {}


def test_an_entity_of_another_production_is_refused_before_any_request(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    playlist = load(kitsu)
    elsewhere = kitsu.shots.materialize(shot_rows(new_id(), project_id=new_id()))[0]
    with pytest.raises(errors.InvalidArgumentError, match="another production"):
        playlist.add_entity(elsewhere)
    for bad in ("nope", "", None, 42):
        with pytest.raises(errors.InvalidArgumentError):
            playlist.add_entity(bad)  # type: ignore[arg-type]
        with pytest.raises(errors.InvalidArgumentError):
            playlist.remove_entity(bad)  # type: ignore[arg-type]
    with pytest.raises(errors.InvalidArgumentError):
        playlist.add_entity(new_id(), "not-an-id")
    assert len(mocked.calls) == 0 and playlist.changes() == {}


def test_an_unknown_entity_is_a_model_not_found_error(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    playlist = load(kitsu)
    entity_id = new_id()
    mocked.get(API + f"data/playlists/entities/{entity_id}/preview-files", status=404, json={"message": "no"})
    with pytest.raises(errors.ModelNotFoundError) as info:
        playlist.add_entity(entity_id)
    assert info.value.model == "Entity" and info.value.key == entity_id


def test_remove_entity_removes_all_its_entries(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    a, b = new_id(), new_id()
    shots = [{"entity_id": a, "preview_file_id": new_id()}, {"entity_id": b},
             {"entity_id": a, "preview_file_id": None}]
    playlist = load(kitsu, shots=shots)
    assert playlist.remove_entity(new_id()) == 0 and playlist.changes() == {}
    assert playlist.remove_entity(a) == 2
    assert playlist.changes() == {"shots": [{"entity_id": b, "preview_file_id": None}]}
    assert [e.entity_id for e in playlist.entries] == [b]
    assert len(mocked.calls) == 0


def test_set_entry_preview(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    a, b = new_id(), new_id()
    first, second, chosen = new_id(), new_id(), new_id()
    playlist = load(kitsu, shots=[{"entity_id": a, "preview_file_id": first}, {"entity_id": b},
                                  {"entity_id": a, "preview_file_id": second}])
    mock_previews(mocked, a, {"tt": [preview(chosen, 3, "x"), preview(second, 2, "x"), preview(first, 1, "x")]})
    with pytest.raises(errors.InvalidArgumentError, match="not in playlist"):
        playlist.set_entry_preview(new_id(), chosen)
    entry = playlist.set_entry_preview(a, chosen)
    assert (entry.entity_id, entry.preview_file_id) == (a, chosen)
    # The entity's entries become one, at the first one's place.
    assert playlist.changes() == {"shots": [
        {"entity_id": a, "preview_file_id": chosen}, {"entity_id": b, "preview_file_id": None},
    ]}
    assert playlist.entries[0] is entry


def test_assigning_entries_reorders_them(kitsu: Kitsu) -> None:
    playlist = load(kitsu)
    first, second = playlist.entries
    playlist.entries = [second, first]
    assert playlist.changes() == {"shots": [second.as_shot(), first.as_shot()]}
    assert list(playlist.entries) == [second, first]
    with pytest.raises(errors.InvalidArgumentError):
        playlist.entries = [{"entity_id": new_id()}]  # type: ignore[list-item]


def test_a_changed_name_saves_alone(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    playlist = load(kitsu)
    mocked.put(API + f"data/playlists/{playlist.id}", json=dict(row("Playlist"), name="Dailies"),
               match=[matchers.json_params_matcher({"name": "Dailies"})])
    playlist.name = "Dailies"
    playlist.save()
    assert len(mocked.calls) == 1 and body(mocked.calls[0]) == {"name": "Dailies"}


# ------------------------------------------------ create, list, delete
def test_create_sends_what_the_create_route_takes(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    created = row("Playlist", "create")
    mocked.post(API + "data/playlists", json=created, status=201)
    playlist = Playlist(name=created["name"], project_id=created["project_id"], episode_id=created["episode_id"],
                        for_client=True)
    assert playlist.entries == [] and playlist.add_entity  # a new playlist has no entries yet
    playlist.save(kitsu)
    assert body(mocked.calls[0]) == {
        "name": created["name"], "project_id": created["project_id"], "episode_id": created["episode_id"],
        "for_client": True,
    }
    assert playlist.id == created["id"] and kitsu.playlists.get(playlist.id) is playlist
    assert playlist.shots is None and playlist.entries == []


def test_a_new_playlist_may_take_entries_before_it_is_created(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    created = row("Playlist", "create")
    shot = kitsu.shots.materialize(shot_rows(new_id(), project_id=created["project_id"]))[0]
    chosen = new_id()
    mock_previews(mocked, shot.id, {"tt": [preview(chosen, 1, "x")]})
    playlist = Playlist(name=created["name"], project_id=created["project_id"])
    playlist.add_entity(shot)  # the shot's session reads its previews
    shots = [{"entity_id": shot.id, "preview_file_id": chosen}]
    mocked.post(API + "data/playlists", json=dict(created, shots=shots), status=201,
                match=[matchers.json_params_matcher(
                    {"name": created["name"], "project_id": created["project_id"], "shots": shots})])
    playlist.save(kitsu)
    assert [(e.entity_id, e.preview_file_id) for e in playlist.entries] == [(shot.id, chosen)]
    assert playlist.entries[0].entity is shot  # the entries now have the session
    assert playlist.entries is playlist.entries


def test_lists_per_project_and_episode(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    listed = row("Playlist")
    pid, eid = listed["project_id"], listed["episode_id"]
    mocked.get(API + "data/playlists", json=[row("Playlist")])
    found = kitsu.playlists.filter(project=pid, episode=eid)
    assert [p.id for p in found] == [listed["id"]]
    assert query(mocked.calls[0]) == {"project_id": [pid], "episode_id": [eid]}
    project = kitsu.projects.materialize([row("Project", id=pid)])[0]
    assert isinstance(project, Project)
    assert project.playlists == found and project.playlists[0] is found[0]
    assert query(mocked.calls[1]) == {"project_id": [pid]}
    episode = kitsu.episodes.materialize([row("Episode", id=eid, project_id=pid)])[0]
    assert isinstance(episode, Episode)
    assert episode.playlists[0] is found[0]
    assert query(mocked.calls[2]) == {"episode_id": [eid]}
    assert len(mocked.calls) == 3
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.playlists.filter(build_jobs=[])
    with pytest.raises(errors.InvalidArgumentError):
        kitsu.playlists.filter(for_entity="everything")


def test_playlist_links(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    playlist = load(kitsu)
    listed = row("Playlist")
    mocked.get(API + "data/projects", json=[row("Project", id=listed["project_id"])])
    mocked.get(API + "data/episodes", json=[row("Episode", id=listed["episode_id"])])
    mocked.get(API + "data/persons", json=[row("Person", id=listed["created_by"])])
    assert playlist.project.id == listed["project_id"]
    episode = playlist.episode
    assert isinstance(episode, Episode) and episode.id == listed["episode_id"]
    creator = playlist.creator
    assert creator is not None and creator.id == listed["created_by"]
    assert playlist.task_type is None  # no task type: no request
    assert len(mocked.calls) == 3


def test_delete_uses_the_generic_route(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    playlist = load(kitsu)
    mocked.delete(API + f"data/playlists/{playlist.id}", status=204)
    assert playlist.delete() is True and playlist.is_deleted
    with pytest.raises(errors.DeletedObjectError):
        playlist.add_entity(new_id())
    with pytest.raises(errors.DeletedObjectError):
        playlist.remove_entity(new_id())
    assert len(mocked.calls) == 1


def test_entries_of_an_asset_playlist_are_assets(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    asset_row = row("Asset", "list", id=new_id())
    playlist = load(kitsu, id=new_id(), for_entity="asset", shots=[{"entity_id": asset_row["id"]}])
    mocked.get(API + "data/entities", json=[asset_row])
    mocked.get(API + "data/entity-types", json=[{"id": asset_row["entity_type_id"], "name": "Character"}])
    assert type(playlist.entries[0].entity) is Asset


def test_entry_previews_load_for_all_entries_in_one_request(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    from kitsu_models.models.previews import PreviewFile

    ids = [new_id(), new_id()]
    playlists = kitsu.playlists.materialize([
        row("Playlist", id=new_id(), shots=[{"entity_id": new_id(), "preview_file_id": ids[0]},
                                            {"entity_id": new_id(), "preview_file_id": None}]),
        row("Playlist", id=new_id(), shots=[{"entity_id": new_id(), "preview_file_id": ids[1]}]),
    ])
    mocked.get(API + "data/preview-files", json=[row("PreviewFile", id=i) for i in ids])
    first = playlists[1].entries[0].preview_file
    assert isinstance(first, PreviewFile) and first.id == ids[1]
    assert playlists[0].entries[1].preview_file is None
    assert [e.preview_file.id for e in playlists[0].entries[:1] if e.preview_file] == [ids[0]]
    assert len(mocked.calls) == 1
    assert sorted(json.loads(query(mocked.calls[0])["id"][0])) == sorted(ids)
