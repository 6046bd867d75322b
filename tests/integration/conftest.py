"""Fixtures of the integration tests, against the real local Kitsu
(``kitsu_server``, in tests/conftest.py, finds it or skips/fails).

* ``admin``: one logged-in admin session for the whole test session.
* ``new_session``: a factory of fresh logged-in sessions, logged out at the
  end of the test (for tests that log out, or tamper with their tokens).
* ``make_project``: a factory of isolated productions, one unique name each,
  set up like the Kitsu web UI does; closed and deleted at teardown.
* ``production_compared``: the gazu production script (tests/gazu_script.py)
  run through ours and through official gazu 1.3.1, once per test session.
* ``run_once``: ``run_once(key, compute)``, a JSON value computed once per
  test session even when pytest-xdist runs it in several workers (the first
  to ask computes it, the others wait and read it).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pytest

from kitsu_models import errors
from kitsu_models.session import Kitsu
from side_by_side import compare_script

from conftest import studio_since

if TYPE_CHECKING:  # the root conftest (tests/conftest.py) provides the fixture
    from conftest import KitsuServer

JSONDict = dict[str, Any]


@pytest.fixture(scope="session")
def run_once(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str, Callable[[], Any]], Any]:
    """``run_once(key, compute)``: ``compute()``'s value (JSON), computed
    once per test session. Under pytest-xdist each worker has its own
    session: the value is kept in a file of the folder the workers of a run
    share (their base temporary folders' parent), written by the first
    worker that asks for it while the others wait on its lock."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    shared = tmp_path_factory.getbasetemp().parent / "run-once" if worker else None
    values: dict[str, Any] = {}

    def once(key: str, compute: Callable[[], Any]) -> Any:
        if key in values:
            return values[key]
        if shared is None:
            values[key] = json.loads(json.dumps(compute()))
            return values[key]
        shared.mkdir(exist_ok=True)
        kept = shared / f"{key}.json"
        with (shared / f"{key}.lock").open("a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not kept.exists():
                partial = kept.with_name(f"{key}.{worker}.part")
                partial.write_text(json.dumps(compute()), encoding="utf-8")
                partial.replace(kept)
        values[key] = json.loads(kept.read_text(encoding="utf-8"))
        return values[key]

    return once


@pytest.fixture(scope="session")
def production_compared(
    kitsu_server: KitsuServer, run_once: Callable[[str, Callable[[], Any]], Any]
) -> tuple[list[list[Any]], list[list[Any]]]:
    """The production script's records, ours and official gazu's, normalized."""
    ours, theirs = run_once("production", lambda: compare_script(kitsu_server))
    return ours, theirs


@pytest.fixture(scope="session")
def admin(kitsu_server: KitsuServer) -> Iterator[Kitsu]:
    """A ``Kitsu`` logged in as the admin, once per test session."""
    kitsu = Kitsu.login(
        kitsu_server.api_url,
        kitsu_server.admin_email,
        kitsu_server.admin_password,
        event_host=kitsu_server.events_url,
    )
    yield kitsu
    try:
        kitsu.log_out()
    except errors.KitsuError:
        pass
    kitsu.close()


@pytest.fixture
def new_session(kitsu_server: KitsuServer) -> Iterator[Callable[..., Kitsu]]:
    """``new_session(**options)``: a new admin session, logged in."""
    sessions: list[Kitsu] = []

    def factory(**options: Any) -> Kitsu:
        options.setdefault("event_host", kitsu_server.events_url)
        kitsu = Kitsu.login(kitsu_server.api_url, kitsu_server.admin_email, kitsu_server.admin_password, **options)
        sessions.append(kitsu)
        return kitsu

    yield factory
    for kitsu in sessions:
        try:
            if kitsu.is_authenticated:
                kitsu.log_out()
        except errors.KitsuError:
            pass
        kitsu.close()


def from_before_the_run(record: JSONDict) -> bool:
    """Whether ``record`` (a task type, a status...) was on the server before
    this test run began (``studio_since``): the studio's own, not one that a
    test running meanwhile (in another pytest-xdist worker) made and will
    delete, which it could not once a project of another test is linked to it."""
    created = dt.datetime.fromisoformat(record["created_at"]).replace(tzinfo=dt.timezone.utc)
    return created.timestamp() <= studio_since() - 1  # created_at is to the second


def _ids(records: Sequence[JSONDict], wanted: Sequence[str] | None, label: str) -> list[str]:
    """The ids of ``records`` whose name (or id) is in ``wanted``; all those
    from before the run if None."""
    if wanted is None:
        return [record["id"] for record in records if from_before_the_run(record)]
    by_key = {key: record["id"] for record in records for key in (record["id"], record["name"])}
    missing = [name for name in wanted if name not in by_key]
    if missing:
        raise LookupError(f"no {label} named {missing}")
    return [by_key[name] for name in wanted]


@pytest.fixture
def make_project(admin: Kitsu) -> Iterator[Callable[..., JSONDict]]:
    """``make_project(**fields)``: a new production, unique to the test.

    Created like the Kitsu web UI does: ``POST data/projects``, then every
    task type linked (``POST data/projects/{id}/settings/task-types`` with a
    priority), every task status (``.../settings/task-status``) and asset
    type (``.../settings/asset-types``): every one the studio had before the
    run began (``from_before_the_run``). ``task_types``, ``task_statuses``
    and ``asset_types`` narrow the links to the given names or ids (``[]``
    links none). Other keyword arguments are fields of the project. Returns
    the project as ``GET data/projects/{id}`` sends it after the links.
    At teardown each project is closed, then deleted with ``force=true``.
    """
    created: list[str] = []
    transport = admin.transport

    def factory(
        name: str | None = None,
        *,
        production_type: str = "short",
        production_style: str = "2d3d",
        task_types: Sequence[str] | None = None,
        task_statuses: Sequence[str] | None = None,
        asset_types: Sequence[str] | None = None,
        **fields: Any,
    ) -> JSONDict:
        body = {
            "name": name or f"test-{uuid.uuid4().hex[:12]}",
            "production_type": production_type,
            "production_style": production_style,
            **fields,
        }
        project = transport.post("data/projects", body)
        project_id = project["id"]
        created.append(project_id)
        base = f"data/projects/{project_id}/settings"
        for priority, type_id in enumerate(_ids(transport.get("data/task-types"), task_types, "task type"), 1):
            transport.post(f"{base}/task-types", {"task_type_id": type_id, "priority": priority})
        for status_id in _ids(transport.get("data/task-status"), task_statuses, "task status"):
            transport.post(f"{base}/task-status", {"task_status_id": status_id})
        for type_id in _ids(transport.get("data/asset-types"), asset_types, "asset type"):
            transport.post(f"{base}/asset-types", {"asset_type_id": type_id})
        answer: JSONDict = transport.get(f"data/projects/{project_id}")
        return answer

    yield factory

    if not created:
        return
    closed = [s["id"] for s in transport.get("data/project-status") if s["name"].lower() == "closed"]
    for project_id in created:
        try:
            if closed:
                transport.put(f"data/projects/{project_id}", {"project_status_id": closed[0]})
            transport.delete(f"data/projects/{project_id}", params={"force": True})
        except errors.NotFoundError:
            pass  # the test deleted it itself
        except errors.KitsuError as exc:
            warnings.warn(f"test project {project_id} could not be removed: {exc}", stacklevel=1)
