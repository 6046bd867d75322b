"""AsyncKitsu against the real server: the walk of a production sees the
same rows as the blocking SDK's; objects are created, saved, refreshed
and deleted awaited; a prefetch makes attributes readable with no I/O and
a relation not prefetched says so; paged reads with ``async for``; files
streamed both ways with progress; events as an async iterator."""

from __future__ import annotations

import asyncio
import struct
import uuid
import zlib
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest

from kitsu_models import AsyncKitsu, Kitsu, errors
from kitsu_models.events import AssetNew
from kitsu_models.models import Asset, Episode, Project, Sequence, Shot, Task

WALK = (
    "assets.asset_type", "assets.tasks.task_type", "assets.tasks.task_status", "assets.tasks.assignees",
    "shots.sequence.episode", "shots.tasks.task_type", "shots.tasks.task_status", "shots.tasks.assignees",
)


def run(test: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(test())


async def login(server: Any) -> AsyncKitsu:
    return await AsyncKitsu.login(server.api_url, server.admin_email, server.admin_password,
                                  event_host=server.events_url)


def walked(project: Project) -> list[tuple[Any, ...]]:
    """What the walk reads: every asset's and shot's tasks, with names (attributes only)."""
    rows: list[tuple[Any, ...]] = []
    for asset in project.assets:
        rows += [("A", asset.asset_type.name, asset.name, t.task_type.name, t.task_status.short_name,
                  tuple(sorted(p.full_name for p in t.assignees))) for t in asset.tasks]
    for shot in project.shots:
        episode = shot.sequence.episode
        rows += [("S", episode.name if episode else "", shot.sequence.name, shot.name, t.task_type.name,
                  t.task_status.short_name) for t in shot.tasks]
    return sorted(rows)


@pytest.fixture
def production(admin: Kitsu, make_project: Any) -> Project:
    """A small production with assets, shots and tasks, made through the blocking SDK."""
    row = make_project(production_type="tvshow", task_types=["Modeling", "Animation"], task_statuses=["Todo"],
                       asset_types=["Character"])
    project = admin.projects.get(row["id"])
    todo = admin.task_statuses.get_by_name("Todo")
    modeling, animation = (admin.task_types.get_by_name(name) for name in ("Modeling", "Animation"))
    character = admin.asset_types.get_by_name("Character")
    for name in ("Fox", "Hen"):
        asset = Asset(name=name, project_id=project.id, entity_type_id=character.id).save(admin)
        Task(project_id=project.id, entity_id=asset.id, task_type_id=modeling.id, task_status_id=todo.id,
             assignees=[admin.me.id]).save(admin)
    episode = Episode(name="E01", project_id=project.id).save(admin)
    sequence = Sequence(name="SQ010", project_id=project.id, parent_id=episode.id).save(admin)
    for name in ("SH010", "SH020"):
        shot = Shot(name=name, project_id=project.id, parent_id=sequence.id, nb_frames=24).save(admin)
        Task(project_id=project.id, entity_id=shot.id, task_type_id=animation.id, task_status_id=todo.id).save(admin)
    return project


def test_the_walk_sees_what_the_blocking_sdk_sees(kitsu_server: Any, admin: Kitsu, production: Project) -> None:
    expected = walked(Kitsu(admin.host, tokens=admin.tokens).projects.get(production.id).prefetch(*WALK))

    async def test() -> None:
        async with await login(kitsu_server) as kitsu:
            project = await kitsu.projects.get(production.id)
            await project.aprefetch(*WALK)
            sent = kitsu.http.requests_sent
            assert walked(project) == expected and len(expected) > 0
            assert kitsu.http.requests_sent == sent  # the walk itself: no I/O
            with pytest.raises(errors.LazyLoadError, match="aprefetch"):
                project.playlists  # noqa: B018 (a relation not prefetched)

    run(test)


def test_create_save_refresh_delete_awaited(kitsu_server: Any, production: Project) -> None:
    async def test() -> None:
        async with await login(kitsu_server) as kitsu:
            project = await kitsu.projects.get(production.id)
            character = await kitsu.asset_types.get_by_name("Character")
            asset = await Asset(name=f"async {uuid.uuid4().hex[:6]}", project_id=project.id,
                                entity_type_id=character.id).asave(kitsu)
            assert asset.id and (await kitsu.assets.get(asset.id)) is asset
            asset.description = "made awaited"
            await asset.asave()
            other = await AsyncKitsu.login(kitsu_server.api_url, kitsu_server.admin_email, kitsu_server.admin_password)
            try:
                assert (await other.assets.load(asset.id)).description == "made awaited"
            finally:
                await other.aclose()
            assert (await asset.arefresh()).description == "made awaited"
            assert await asset.adelete(force=True) is True and asset.is_deleted
            with pytest.raises(errors.ModelNotFoundError):
                await kitsu.assets.load(asset.id)

    run(test)


def test_paged_reads_and_concurrent_gets_share_the_pool(kitsu_server: Any, production: Project) -> None:
    async def test() -> None:
        async with await login(kitsu_server) as kitsu:
            tasks = [task async for task in kitsu.tasks.iter(page_size=3, project_id=production.id)]
            assert {task.id for task in tasks} == {task.id for task in await kitsu.tasks.filter(project_id=production.id)}
            got = await asyncio.gather(*(kitsu.tasks.load(task.id) for task in tasks for _ in range(10)))
            assert len(got) == 10 * len(tasks) and {id(task) for task in got} == {id(task) for task in tasks}

    run(test)


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" + b"\xff" * 6 * 2)) \
        + chunk(b"IEND", b"")


def test_files_stream_both_ways_with_progress(kitsu_server: Any, production: Project, tmp_path: Path) -> None:
    source = tmp_path / "logo.png"
    source.write_bytes(_png())

    async def test() -> None:
        async with await login(kitsu_server) as kitsu:
            sent: list[tuple[int, int | None]] = []
            await kitsu.http.upload(f"pictures/thumbnails/projects/{production.id}", [("file", source)],
                                    progress=lambda done, total: sent.append((done, total)))
            assert sent and sent[-1][0] == sent[-1][1]
            target = tmp_path / "back" / "logo.png"
            received: list[tuple[int, int | None]] = []
            written = await kitsu.http.download(f"pictures/thumbnails/projects/{production.id}.png", target,
                                                progress=lambda done, total: received.append((done, total)))
            assert written == target.stat().st_size > 0 and received[-1][0] == written

    run(test)


def test_events_come_as_an_async_iterator(kitsu_server: Any, admin: Kitsu, production: Project) -> None:
    character = admin.asset_types.get_by_name("Character")

    async def test() -> None:
        async with await login(kitsu_server) as kitsu:
            events = kitsu.events("asset:new")
            first = asyncio.ensure_future(events.__anext__())
            await asyncio.sleep(1.0)  # the listener connects
            name = f"evented {uuid.uuid4().hex[:6]}"
            created = await asyncio.to_thread(
                lambda: Asset(name=name, project_id=production.id, entity_type_id=character.id).save(admin)
            )
            event = await asyncio.wait_for(first, 30)
            while not (isinstance(event, AssetNew) and event.asset_id == created.id):
                event = await asyncio.wait_for(events.__anext__(), 30)
            assert event.session is kitsu and event.project_id == production.id
            await events.aclose()

    run(test)


def test_the_blocking_operations_of_the_models_say_what_to_await(kitsu_server: Any, production: Project) -> None:
    async def test() -> None:
        async with await login(kitsu_server) as kitsu:
            task = (await kitsu.tasks.filter(project_id=production.id))[0]
            status = await kitsu.task_statuses.get_by_name("Todo")
            with pytest.raises(errors.InvalidArgumentError, match="async session"):
                task.add_comment(status, "blocking")
            with pytest.raises(errors.LazyLoadError):
                task.refresh()
            assert isinstance(task, Task) and isinstance(await kitsu.shots.all(), list)
            assert all(isinstance(shot, Shot) for shot in await kitsu.shots.filter(project_id=production.id))

    run(test)
