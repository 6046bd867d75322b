# pyright: reportUnnecessaryTypeIgnoreComment=error
"""Static checks of the async SDK's types, run by mypy (and pyright by
tests/unit/test_models_typing.py): an ``AsyncKitsu``'s repositories are
awaited and give the same models as a ``Kitsu``'s; ``await
obj.aprefetch(...)`` gives the object back, typed, and the attributes read
after it are the models' own types. Never called (no ``test`` name)."""

from __future__ import annotations

from collections.abc import AsyncIterator

from typing_extensions import assert_type

from kitsu_models import AsyncKitsu, AsyncRepository, Kitsu, Repository
from kitsu_models.events import Event
from kitsu_models.models import Asset, Person, Project, Shot, Task, TaskStatus
from kitsu_models.orm.collection import ModelList


async def check_the_repositories_of_each_session(kitsu: AsyncKitsu, blocking: Kitsu) -> None:
    assert_type(kitsu.projects, AsyncRepository[Project])
    assert_type(blocking.projects, Repository[Project])
    assert_type(await kitsu.projects.get("id"), Project)
    assert_type(await kitsu.shots.filter(project_id="id"), ModelList[Shot])
    assert_type(await kitsu.tasks.first(entity_id="id"), Task | None)
    assert_type(await kitsu.task_statuses.get_by_name("WIP"), TaskStatus)
    assert_type(await kitsu.persons.all(), ModelList[Person])
    assert_type(kitsu.assets.iter(page_size=50), AsyncIterator[Asset])
    kitsu.projects.nope  # type: ignore[attr-defined]


async def check_awaited_loads_and_plain_reads_after(kitsu: AsyncKitsu) -> None:
    project = await kitsu.projects.get("id")
    assert_type(await project.aprefetch("assets.tasks.task_status"), Project)
    assert_type(project.assets[0].tasks[0].task_status.name, str)
    assets = await project.assets.aprefetch("tasks")
    assert_type(assets, ModelList[Asset])
    assert_type(await project.asave(), Project)
    assert_type(await project.adelete(), bool)
    assert_type(kitsu.me, Person)
    assert_type(await kitsu.fetch_me(), Person)


async def check_events_are_an_async_iterator(kitsu: AsyncKitsu) -> None:
    async for event in kitsu.events("task:*"):
        assert_type(event, Event)
