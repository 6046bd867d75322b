"""The models' awaited verbs on an ``AsyncKitsu`` (``aprefetch``, ``asave``,
``arefresh``, ``adelete``), against the scripted local server of
test_drivers: what each one sends, and that attributes never do I/O."""

from __future__ import annotations

import json

import pytest

from kitsu_models import AsyncKitsu, errors

from .models_rows import new_id, row
from .test_drivers import Reply, Script, close, run, script, session  # noqa: F401 (script: the fixture)


def _async(host: str) -> AsyncKitsu:
    kitsu = session("async", host)
    assert isinstance(kitsu, AsyncKitsu)
    return kitsu


def test_an_awaited_prefetch_loads_each_path_once_then_attributes_read_what_was_loaded(
    script: tuple[Script, str],
) -> None:
    scripted, host = script
    modeling, todo, ada = row("TaskType", id=new_id()), row("TaskStatus", id=new_id()), row("Person", id=new_id())
    tasks = [row("Task", id=new_id(), task_type_id=modeling["id"], task_status_id=todo["id"], assignees=[ada["id"]])
             for _ in range(3)]
    project_id = new_id()
    scripted.on("GET", f"/data/projects/{project_id}/tasks", Reply(body=tasks))
    scripted.on("GET", "/data/task-types", Reply(body=[modeling]))
    scripted.on("GET", "/data/task-status", Reply(body=[todo]))
    scripted.on("GET", "/data/persons", Reply(body=[ada]))

    async def test() -> None:
        kitsu = _async(host)
        try:
            found = await kitsu.tasks.filter(project_id=project_id)
            assert await found.aprefetch("task_type", "task_status") is found
            assert [(t.task_type.id, t.task_status.id) for t in found] == [(modeling["id"], todo["id"])] * 3
            assert await found[0].aprefetch("assignees") is found[0]  # the object's cohort: all three
            assert [[p.id for p in t.assignees] for t in found] == [[ada["id"]]] * 3
            assert [scripted.count("GET", path) for path in ("/data/task-types", "/data/task-status", "/data/persons")] \
                == [1, 1, 1]
            with pytest.raises(errors.LazyLoadError, match=r"aprefetch\('entity'\)"):
                found[1].entity  # noqa: B018 (not prefetched: no I/O from an attribute)
            assert len(scripted.seen) == 4
        finally:
            await close(kitsu)

    run(test)


def test_asave_sends_only_the_changes_arefresh_reads_again_adelete_deletes(script: tuple[Script, str]) -> None:
    scripted, host = script
    task = row("Task", "get", id=new_id(), description="first")
    path = f"/data/tasks/{task['id']}"
    again = {**task, "description": "edited elsewhere"}
    scripted.on("GET", path, Reply(body=task), Reply(body=again))
    scripted.on("PUT", path, Reply(body={**task, "description": "second"}))
    scripted.on("DELETE", path, Reply(204))

    async def test() -> None:
        kitsu = _async(host)
        try:
            loaded = await kitsu.tasks.get(task["id"])
            loaded.description = "second"
            assert await loaded.asave() is loaded and loaded.description == "second"
            put = next(body for method, _, _, body in scripted.seen if method == "PUT")
            assert json.loads(put) == {"description": "second"}
            assert (await loaded.arefresh()).description == "edited elsewhere"
            # A plain delete of a task with linked data only cancels it: still there, reloaded.
            assert await loaded.adelete() is False and not loaded.is_deleted
            assert await loaded.adelete(force=True) is True and loaded.is_deleted
            deletes = [query for method, query, _, _ in scripted.seen if method == "DELETE"]
            assert deletes == [path, f"{path}?force=true"]
            with pytest.raises(errors.DeletedObjectError):
                await loaded.asave()
            assert len(scripted.seen) == 6  # get, put, get, delete, get (the reload), delete: the refused save sent nothing
        finally:
            await close(kitsu)

    run(test)
