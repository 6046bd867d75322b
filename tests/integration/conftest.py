"""Fixtures of the integration tests, against the real local Kitsu
(``kitsu_server``, in tests/conftest.py, finds it or skips/fails).

* ``admin``: one logged-in admin session for the whole test session.
* ``new_session``: a factory of fresh logged-in sessions, logged out at the
  end of the test (for tests that log out, or tamper with their tokens).
* ``make_project``: a factory of isolated productions, one unique name each,
  set up like the Kitsu web UI does; closed and deleted at teardown.
* ``production_compared``: the gazu production script (tests/gazu_script.py)
  run through ours and through official gazu 1.3.1, once per test session.
"""

from __future__ import annotations

import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import pytest

from kitsu_models import errors
from kitsu_models.session import Kitsu
from side_by_side import compare_script

if TYPE_CHECKING:  # the root conftest (tests/conftest.py) provides the fixture
    from conftest import KitsuServer

JSONDict = dict[str, Any]


@pytest.fixture(scope="session")
def production_compared(kitsu_server: KitsuServer) -> tuple[list[list[Any]], list[list[Any]]]:
    """The production script's records, ours and official gazu's, normalized."""
    return compare_script(kitsu_server)


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


def _ids(records: Sequence[JSONDict], wanted: Sequence[str] | None, label: str) -> list[str]:
    """The ids of ``records`` whose name (or id) is in ``wanted``; all if None."""
    if wanted is None:
        return [record["id"] for record in records]
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
    type (``.../settings/asset-types``). ``task_types``, ``task_statuses``
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
