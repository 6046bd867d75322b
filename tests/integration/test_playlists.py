"""Playlist against the real server: create, read back, list per production
and per episode, entries with chosen previews (real previews, uploaded as
tiny PNGs made here), changes saved as one ``shots`` key, a name saved
alone, deletion, the JSON round trip, typed assignment and id checks."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from kitsu_models import errors
from kitsu_models.models import Episode, Playlist, PlaylistEntry, Project, Sequence, Shot, Task, TaskStatus
from kitsu_models.models.previews import PreviewFile
from kitsu_models.session import Kitsu

from .models_support import (
    JSONDict, RequestLog, assert_bad_ids_send_nothing, assert_deleted, assert_round_trip, assert_saves_only,
    assert_wrong_type_sends_nothing, clone, unique,
)

pytestmark = pytest.mark.server

NewSession = Callable[..., Kitsu]


# ------------------------------------------------------------ previews
def tiny_png(rgb: tuple[int, int, int], width: int = 4, height: int = 2) -> bytes:
    """A valid PNG of one colour, made with zlib and struct."""
    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    pixels = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b"")


def upload_preview(kitsu: Kitsu, task: Task, status: TaskStatus, folder: Path, rgb: tuple[int, int, int]) -> str:
    """A new preview revision on ``task``: a comment, a preview on it, then
    the picture uploaded. Returns the preview file's id."""
    comment = task.add_comment(status, "new take")
    preview = kitsu.transport.post(f"actions/tasks/{task.id}/comments/{comment.id}/add-preview", {})
    path = folder / f"take-{preview['id'][:8]}.png"
    path.write_bytes(tiny_png(rgb))
    uploaded = kitsu.transport.upload(f"pictures/preview-files/{preview['id']}", [("file", path)])
    assert uploaded["status"] == "ready" and uploaded["extension"] == "png"
    return str(preview["id"])


@dataclass
class Production:
    kitsu: Kitsu
    project: Project
    episode: Episode
    sequence: Sequence
    shot_a: Shot
    shot_b: Shot
    shot_c: Shot
    a1: str  # shot_a's previews, revisions 1 and 2
    a2: str
    b1: str  # shot_b's preview
    todo: TaskStatus


@pytest.fixture
def production(make_project: Callable[..., JSONDict], new_session: NewSession, tmp_path: Path) -> Production:
    """A production with an episode, three shots with an Animation task each,
    previews on two of them (two revisions on the first); the third has none."""
    pid = make_project(task_types=["Animation"], task_statuses=["Todo"], asset_types=[])["id"]
    kitsu = new_session()
    project = kitsu.projects.get(pid)
    episode = Episode(name="E01", project_id=pid).save(kitsu)
    sequence = Sequence(name="SQ01", project_id=pid, parent_id=episode.id).save(kitsu)
    shots = [Shot(name=f"SH0{n}0", project_id=pid, parent_id=sequence.id).save(kitsu) for n in (1, 2, 3)]
    animation = kitsu.task_types.first(name="Animation", for_entity="Shot")
    assert animation is not None
    todo = kitsu.task_statuses.get_by_name("Todo")
    task_a, task_b, _ = (
        Task(project_id=pid, entity_id=shot.id, task_type_id=animation.id, task_status_id=todo.id).save(kitsu)
        for shot in shots
    )
    a1 = upload_preview(kitsu, task_a, todo, tmp_path, (255, 0, 0))
    a2 = upload_preview(kitsu, task_a, todo, tmp_path, (0, 255, 0))
    b1 = upload_preview(kitsu, task_b, todo, tmp_path, (0, 0, 255))
    return Production(kitsu, project, episode, sequence, *shots, a1, a2, b1, todo)


def couples(playlist: Playlist) -> list[tuple[str, str | None]]:
    return [(entry.entity_id, entry.preview_file_id) for entry in playlist.entries]


def server_shots(kitsu: Kitsu, playlist: Playlist) -> list[JSONDict]:
    shots: list[JSONDict] = kitsu.transport.get(f"data/playlists/{playlist.id}")["shots"]
    return shots


# ----------------------------------------------------------- round trip
def test_playlist_round_trip(production: Production) -> None:
    kitsu, project, episode = production.kitsu, production.project, production.episode
    shot_a, shot_b = production.shot_a, production.shot_b
    fresh = clone(kitsu)
    name = unique("Daily")

    # Create.
    playlist = Playlist(name=name, project_id=project.id, episode_id=episode.id, for_entity="shot")
    with RequestLog(kitsu) as log:
        assert playlist.save(kitsu) is playlist
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("POST", "data/playlists", {"name": name, "project_id": project.id, "episode_id": episode.id,
                                    "for_entity": "shot"})
    ]
    assert playlist.id and playlist.changes() == {}
    assert playlist.shots is None and list(playlist.entries) == []
    assert playlist.created_by == kitsu.me.id and playlist.creator is kitsu.me
    assert kitsu.playlists.get(playlist.id) is playlist

    # Read back in another session, by id, by name, in lists.
    again = fresh.playlists.get(playlist.id)
    assert (again.name, again.project_id, again.episode_id, again.for_entity) == (name, project.id, episode.id, "shot")
    assert again.for_client is False and again.is_for_all is False
    assert again.project is fresh.projects.get(project.id)
    assert again.episode is fresh.episodes.get(episode.id)
    assert fresh.playlists.get_by_name(name, project=project.id) is again
    assert fresh.playlists.filter(project=project.id).ids() == [playlist.id]
    assert fresh.playlists.filter(project=project.id, episode=episode.id).ids() == [playlist.id]
    assert fresh.projects.get(project.id).playlists == [again]
    assert fresh.episodes.get(episode.id).playlists[0] is again

    # Two shots with chosen previews: an older revision of A, B's latest.
    with RequestLog(kitsu) as log:
        entry_a = playlist.add_entity(shot_a, production.a1)
        entry_b = playlist.add_entity(shot_b)
        assert (entry_a.entity_id, entry_a.preview_file_id) == (shot_a.id, production.a1)
        assert (entry_b.entity_id, entry_b.preview_file_id) == (shot_b.id, production.b1)
        expected = [{"entity_id": shot_a.id, "preview_file_id": production.a1},
                    {"entity_id": shot_b.id, "preview_file_id": production.b1}]
        assert playlist.changes() == {"shots": expected}
        playlist.save()
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("PUT", f"data/playlists/{playlist.id}", {"shots": expected})
    ], log.summary()
    assert all(s.method == "GET" and s.path.endswith("/preview-files") for s in log.sent[:-1]), log.summary()
    assert playlist.changes() == {} and server_shots(kitsu, playlist) == expected
    assert couples(again.refresh()) == [(shot_a.id, production.a1), (shot_b.id, production.b1)]
    # The entries' entities: the shots themselves, loaded in one request.
    with RequestLog(fresh) as log:
        entities = [entry.entity for entry in again.entries]
    assert entities == [fresh.shots.get(shot_a.id), fresh.shots.get(shot_b.id)]
    assert all(type(entity) is Shot for entity in entities)
    assert len([s for s in log.sent if s.path == "data/entities"]) == 1, log.summary()
    # And their previews: real preview files of those shots, in one request.
    with RequestLog(fresh) as log:
        previews = [entry.preview_file for entry in again.entries]
    assert [p.id if p else None for p in previews] == [production.a1, production.b1]
    assert all(type(p) is PreviewFile and p.extension == "png" and p.status == "ready" for p in previews)
    assert [p.revision for p in previews if p] == [1, 1]
    assert len(log.sent) == 1, log.summary()
    assert [p.task.entity for p in previews if p] == entities

    # Remove one.
    with RequestLog(kitsu) as log:
        assert playlist.remove_entity(shot_b) == 1
        playlist.save()
    expected = [{"entity_id": shot_a.id, "preview_file_id": production.a1}]
    assert [(s.method, s.body) for s in log.sent] == [("PUT", {"shots": expected})], log.summary()
    assert server_shots(kitsu, playlist) == expected
    assert couples(again.refresh()) == [(shot_a.id, production.a1)]

    # Change a preview.
    with RequestLog(kitsu) as log:
        entry = playlist.set_entry_preview(shot_a, production.a2)
        assert entry.preview_file_id == production.a2
        playlist.save()
    expected = [{"entity_id": shot_a.id, "preview_file_id": production.a2}]
    assert [(s.method, s.body) for s in log.writes()] == [("PUT", {"shots": expected})], log.summary()
    assert server_shots(kitsu, playlist) == expected
    assert couples(again.refresh()) == [(shot_a.id, production.a2)]

    # Update the name: the PUT carries only that field; the entries stay.
    assert_saves_only(playlist, "name", unique("Dailies"), fresh)
    assert server_shots(kitsu, playlist) == expected
    assert_saves_only(playlist, "for_client", True, fresh)

    # The JSON round trip, then deletion (from a session that never
    # loaded its entries).
    assert_round_trip(kitsu, Playlist, lambda repo: repo.get(playlist.id))
    assert_round_trip(kitsu, Playlist, lambda repo: repo.filter(project=project.id))
    assert_round_trip(kitsu, Playlist, lambda repo: repo.filter(project=project.id, episode=episode.id))
    other = clone(kitsu).playlists.get(playlist.id)
    assert_deleted(other, relation="entries")
    assert fresh.playlists.filter(project=project.id) == []


def test_the_latest_preview_is_the_one_the_server_picks(production: Production) -> None:
    """``add_entity`` without a preview picks what the server's own
    add-entity route picks (the last revision), and an entity without any
    preview gets an entry without one."""
    kitsu = production.kitsu
    ours = Playlist(name=unique("Ours"), project_id=production.project.id).save(kitsu)
    theirs = Playlist(name=unique("Theirs"), project_id=production.project.id).save(kitsu)
    for shot in (production.shot_a, production.shot_b, production.shot_c):
        ours.add_entity(shot)
        kitsu.transport.post(f"actions/playlists/{theirs.id}/add-entity", {"entity_id": shot.id})
    ours.save()
    assert couples(ours) == [
        (production.shot_a.id, production.a2), (production.shot_b.id, production.b1), (production.shot_c.id, None),
    ]
    assert couples(theirs.refresh()) == couples(ours)
    # The same shot with the same preview is not added twice; with another
    # preview it is (the server keys entries by entity and preview too).
    assert ours.add_entity(production.shot_a) is ours.entries[0] and ours.changes() == {}
    ours.add_entity(production.shot_a, production.a1)
    ours.save()
    assert [s["entity_id"] for s in server_shots(kitsu, ours)].count(production.shot_a.id) == 2


def test_a_preview_of_another_shot_is_refused(production: Production) -> None:
    """The server would silently drop it from the entry: refused first."""
    kitsu = production.kitsu
    playlist = Playlist(name=unique("Daily"), project_id=production.project.id).save(kitsu)
    with RequestLog(kitsu) as log:
        with pytest.raises(errors.InvalidArgumentError, match="not a preview of entity"):
            playlist.add_entity(production.shot_a, production.b1)
    assert log.writes() == [] and playlist.changes() == {}
    # What the server does with it.
    foreign = {"entity_id": production.shot_a.id, "preview_file_id": production.b1}
    answer = kitsu.transport.put(f"data/playlists/{playlist.id}", {"shots": [foreign]})
    assert answer["shots"] == [{"entity_id": production.shot_a.id, "preview_file_id": None}]
    with pytest.raises(errors.ModelNotFoundError):
        playlist.add_entity(production.project.id)  # not an entity


def test_entries_of_the_production_list_are_fetched_once(production: Production) -> None:
    """``data/projects/{id}/playlists`` rows lack ``shots``: the entries of
    every playlist of such a list come in one request, then all their
    entities in one more."""
    kitsu = production.kitsu
    pid = production.project.id
    for n, shot in enumerate((production.shot_a, production.shot_b)):
        playlist = Playlist(name=f"P{n}-{unique('x')}", project_id=pid).save(kitsu)
        playlist.add_entity(shot)
        playlist.save()
    fresh = clone(kitsu)
    listed = fresh.playlists.load_route(f"data/projects/{pid}/playlists")
    assert len(listed) == 2 and all(p.shots is None for p in listed)
    with RequestLog(fresh) as log:
        entities = {entry.entity.name for p in listed for entry in p.entries}
    assert entities == {production.shot_a.name, production.shot_b.name}
    assert [s.path for s in log.sent if s.path != "data/entity-types"] == ["data/playlists", "data/entities"], (
        log.summary()
    )
    # A whole production's playlists, their entries and entities, prefetched:
    # then a strict walk sends nothing.
    other = clone(kitsu)
    playlists = other.projects.get(pid).playlists.prefetch("entries.entity")
    with RequestLog(other) as log, other.strict_mode():
        assert {e.entity.name for p in playlists for e in p.entries} == entities
    assert log.sent == []


def test_playlist_wrong_types_and_bad_ids(production: Production, admin: Kitsu) -> None:
    playlist = Playlist(name=unique("Daily"), project_id=production.project.id).save(production.kitsu)
    assert_wrong_type_sends_nothing(playlist, "for_entity", "everything")
    assert_wrong_type_sends_nothing(playlist, "for_client", "maybe")
    assert_wrong_type_sends_nothing(playlist, "shots", "SH010")
    assert_wrong_type_sends_nothing(playlist, "name", None)
    assert_bad_ids_send_nothing(admin, Playlist)
    with RequestLog(production.kitsu) as log:
        with pytest.raises(errors.InvalidArgumentError):
            playlist.add_entity("SH010")
        with pytest.raises(errors.InvalidArgumentError):
            playlist.set_entry_preview(production.shot_a, "take 2")
        with pytest.raises(errors.InvalidArgumentError):
            PlaylistEntry(entity_id=production.shot_a.id).save()
    assert log.sent == []
    # A rename the server refuses is a typed error.
    playlist.name = "x" * 200  # the column holds 80 characters
    with pytest.raises(errors.BadRequestError):
        playlist.save()
