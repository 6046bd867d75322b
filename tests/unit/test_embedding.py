"""A project's prefetch of assets/shots and their tasks reads the routes
that embed the tasks in the entity rows (``data/assets/with-tasks``), one
request per list; the objects are partial, their missing fields load in
one request; users whose board is cut down (vendors) or blanked (clients),
and users the route refuses, take the objects' own routes."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models.models import Asset, Project, Shot, Task
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row

PATHS = ("tasks.task_status", "tasks.assignees", "asset_type")


def board_task(entity_id: str, status_id: str, type_id: str, assignees: list[str]) -> dict[str, Any]:
    """A task as the with-tasks routes send it: no name, no project."""
    return {
        "id": new_id(), "entity_id": entity_id, "task_status_id": status_id, "task_type_id": type_id,
        "assignees": assignees, "priority": 0, "estimation": 0, "duration": 0, "retake_count": 0,
        "difficulty": 3, "start_date": None, "due_date": "2026-12-24T00:00:00", "end_date": None,
        "done_date": None, "real_start_date": None, "last_comment_date": None, "last_preview_file_id": None,
        "is_subscribed": False, "data": {"note": "kept"},
    }


def board_asset(type_id: str, tasks: int, status_id: str, task_type_id: str, person: str) -> dict[str, Any]:
    """An asset as ``data/assets/with-tasks`` sends it, with ``tasks`` tasks."""
    asset_id = new_id()
    return {
        "id": asset_id, "name": f"A-{asset_id[:6]}", "preview_file_id": "", "description": None,
        "asset_type_name": "Character", "asset_type_id": type_id, "canceled": False, "ready_for": "None",
        "episode_id": "", "casting_episode_ids": [], "is_casting_standby": False, "is_shared": False,
        "data": {}, "tasks": [board_task(asset_id, status_id, task_type_id, [person]) for _ in range(tasks)],
    }


def board_shot(pid: str, sequence_id: str, status_id: str, task_type_id: str) -> dict[str, Any]:
    """A shot as ``data/shots/with-tasks`` sends it, with one task."""
    shot_id = new_id()
    return {
        "id": shot_id, "name": f"SH-{shot_id[:6]}", "canceled": False, "data": {}, "description": None,
        "entity_type_id": new_id(), "episode_id": None, "episode_name": "", "fps": None, "frame_in": None,
        "frame_out": None, "nb_frames": 24, "parent_id": sequence_id, "preview_file_id": None, "project_id": pid,
        "project_name": "P", "sequence_id": sequence_id, "sequence_name": "SQ01", "source_id": None,
        "nb_entities_out": 0, "is_casting_standby": False, "type": "Shot",
        "tasks": [board_task(shot_id, status_id, task_type_id, [])],
    }


def named(model: str, name: str, **changes: Any) -> dict[str, Any]:
    """The fixture's row of ``model`` with this name (``row`` takes the
    model's name as its first argument)."""
    return {**row(model, "get" if model == "Task" else "list", **changes), "name": name}


class Board:
    """A fake server holding one project's board: a user of ``role``, task
    statuses, types and people the tasks point at, assets and shots."""

    def __init__(
        self, kitsu: Kitsu, mocked: responses.RequestsMock, role: str, assets: int = 3,
        project_role: str | None = None, in_team: bool = True,
    ) -> None:
        self.pid = new_id()
        self.status, self.task_type, self.person, self.asset_type = new_id(), new_id(), new_id(), new_id()
        self.sequence = new_id()
        self.assets = [board_asset(self.asset_type, 2, self.status, self.task_type, self.person) for _ in range(assets)]
        self.shots = [board_shot(self.pid, self.sequence, self.status, self.task_type) for _ in range(2)]
        self.mocked = mocked
        me = new_id()
        mocked.get(API + "auth/authenticated", json={"user": row("Person", id=me, role=role)})
        team = [{"id": new_id(), "project_role": None}]
        if in_team:
            team.append({"id": me, "project_role": project_role})
        mocked.get(API + f"data/projects/{self.pid}/team", json=team)
        mocked.get(API + "data/task-status", json=[row("TaskStatus", id=self.status, short_name="wip")])
        mocked.get(API + "data/persons", json=[row("Person", id=self.person, first_name="Anna")])
        mocked.get(API + "data/asset-types", json=[named("AssetType", "Character", id=self.asset_type)])
        mocked.get(API + "data/assets/with-tasks", json=self.assets)
        mocked.get(API + "data/shots/with-tasks", json=self.shots)
        self.project: Project = kitsu.projects.materialize([row("Project", id=self.pid)])[0]

    def full_assets(self) -> list[dict[str, Any]]:
        """The assets as their own route sends them (every column)."""
        return [
            named("Asset", a["name"], id=a["id"], project_id=self.pid, entity_type_id=self.asset_type,
                  status="running", source_id=None, ready_for=None)
            for a in self.assets
        ]

    def full_tasks(self) -> list[dict[str, Any]]:
        """The tasks as the project's task list sends them."""
        return [
            named("Task", "main", id=t["id"], project_id=self.pid, entity_id=t["entity_id"],
                  task_status_id=self.status, task_type_id=self.task_type, assignees=t["assignees"])
            for a in self.assets for t in a["tasks"]
        ]

    def sent(self) -> list[tuple[str, dict[str, list[str]]]]:
        return [
            (urlparse(str(c.request.url)).path.removeprefix("/api/"), parse_qs(urlparse(str(c.request.url)).query))
            for c in self.mocked.calls
        ]


def test_assets_and_shots_come_with_their_tasks_in_one_request_each(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    board = Board(kitsu, mocked, "manager")
    board.project.prefetch(*(f"assets.{p}" for p in PATHS), "shots.tasks.task_status")
    sent = board.sent()
    team = f"data/projects/{board.pid}/team"  # the role held on the project, read by each list
    assert sorted(path for path, _ in sent) == sorted([
        "auth/authenticated", team, team, "data/assets/with-tasks", "data/shots/with-tasks",
        "data/task-status", "data/persons", "data/asset-types",
    ]), sent
    assert all(query == {"project_id": [board.pid]} for path, query in sent if path.endswith("with-tasks"))
    with kitsu.strict_mode():
        assets, shots = board.project.assets, board.project.shots
        assert [a.id for a in assets] == [a["id"] for a in board.assets]
        for asset in assets:
            assert asset.project_id == board.pid and asset.asset_type.name == "Character"
            assert asset.source_id is None and asset.ready_for is None and asset.preview_file_id is None
            assert [t.entity_id for t in asset.tasks] == [asset.id, asset.id]
            for task in asset.tasks:
                assert task.project_id == board.pid and task.task_status.short_name == "wip"
                assert [p.first_name for p in task.assignees] == ["Anna"] and task.data == {"note": "kept"}
                assert task.due_date is not None and task.due_date.year == 2026
        assert [len(s.tasks) for s in shots] == [1, 1] and shots[0].sequence_id == board.sequence
    assert all(isinstance(a, Asset) and a.is_partial for a in assets) and all(isinstance(s, Shot) for s in shots)
    assert assets[0].tasks[0].is_partial  # the rows lack the task's name


def test_an_admin_reads_the_board_without_asking_the_team(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    board = Board(kitsu, mocked, "admin", project_role="client")
    board.project.prefetch("assets.tasks")
    assert [path for path, _ in board.sent()] == ["auth/authenticated", "data/assets/with-tasks"]


def test_a_project_role_that_sees_the_whole_board_reads_it(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    board = Board(kitsu, mocked, "user", project_role="supervisor")
    board.project.prefetch("assets.tasks")
    assert [path for path, _ in board.sent()][-1] == "data/assets/with-tasks"
    assert [len(a.tasks) for a in board.project.assets] == [2, 2, 2]


def test_a_missing_field_of_a_few_embedded_objects_loads_them_by_ids(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    board = Board(kitsu, mocked, "admin")
    board.project.prefetch("assets.tasks")
    mocked.get(API + "data/tasks", json=board.full_tasks())
    before = len(mocked.calls)
    task: Task = board.project.assets[0].tasks[0]
    assert task.name == "main"
    (path, query), = board.sent()[before:]
    assert path == "data/tasks" and "id" in query  # one batch: the asset's two tasks
    assert not task.is_partial and all(not t.is_partial for t in board.project.assets[0].tasks)


def test_a_missing_field_of_many_embedded_objects_reads_their_list_once(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """60 assets, more than one batch of ids: their scope's list is read
    again (one request), not two batches."""
    board = Board(kitsu, mocked, "supervisor", assets=60)
    board.project.prefetch("assets.tasks")
    mocked.get(API + f"data/projects/{board.pid}/assets", json=board.full_assets())
    before = len(mocked.calls)
    assets = board.project.assets
    assert assets[59].status == "running"
    assert [path for path, _ in board.sent()[before:]] == [f"data/projects/{board.pid}/assets"]
    assert not any(a.is_partial for a in assets) and assets[0].tasks == board.project.assets[0].tasks


@pytest.mark.parametrize(("role", "project_role", "in_team"), [
    ("vendor", None, True), ("client", None, True), ("user", "vendor", True), ("manager", "client", True),
    ("user", None, False),
])
def test_a_user_whose_board_is_cut_down_reads_the_objects_own_routes(
    kitsu: Kitsu, mocked: responses.RequestsMock, role: str, project_role: str | None, in_team: bool
) -> None:
    """Cut down or blanked: a vendor's or client's board, whether the role
    is the user's own or the one a team link sets on the project."""
    board = Board(kitsu, mocked, role, project_role=project_role, in_team=in_team)
    mocked.get(API + f"data/projects/{board.pid}/assets", json=board.full_assets())
    mocked.get(API + f"data/projects/{board.pid}/tasks", json=board.full_tasks())
    board.project.prefetch("assets.tasks")
    paths = [path for path, _ in board.sent()]
    assert "data/assets/with-tasks" not in paths
    assert paths[-2:] == [f"data/projects/{board.pid}/assets", f"data/projects/{board.pid}/tasks"]
    assert [len(a.tasks) for a in board.project.assets] == [2, 2, 2]
    assert not board.project.assets[0].is_partial


def test_a_refused_board_falls_back_to_the_objects_own_routes(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    board = Board(kitsu, mocked, "user")
    mocked.replace(responses.GET, API + "data/assets/with-tasks", status=403, json={"message": "denied"})
    mocked.get(API + f"data/projects/{board.pid}/assets", json=board.full_assets())
    mocked.get(API + f"data/projects/{board.pid}/tasks", json=board.full_tasks())
    board.project.prefetch("assets.tasks")
    paths = [path for path, _ in board.sent()]
    assert paths[-4:] == [
        f"data/projects/{board.pid}/team", "data/assets/with-tasks",
        f"data/projects/{board.pid}/assets", f"data/projects/{board.pid}/tasks",
    ]
    assert [len(a.tasks) for a in board.project.assets] == [2, 2, 2]


def test_without_the_embedded_relation_a_prefetch_reads_the_plain_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    board = Board(kitsu, mocked, "admin")
    mocked.get(API + f"data/projects/{board.pid}/assets", json=board.full_assets())
    board.project.prefetch("assets.asset_type")
    assert [path for path, _ in board.sent()] == [f"data/projects/{board.pid}/assets", "data/asset-types"]


@pytest.mark.parametrize("answer", [{"assets": []}, [["not", "a", "row"]]])
def test_a_board_of_another_shape_falls_back_to_the_objects_own_routes(
    kitsu: Kitsu, mocked: responses.RequestsMock, answer: Any
) -> None:
    board = Board(kitsu, mocked, "admin")
    mocked.replace(responses.GET, API + "data/assets/with-tasks", json=answer)
    mocked.get(API + f"data/projects/{board.pid}/assets", json=board.full_assets())
    mocked.get(API + f"data/projects/{board.pid}/tasks", json=board.full_tasks())
    board.project.prefetch("assets.tasks")
    assert [path for path, _ in board.sent()][-2:] == [
        f"data/projects/{board.pid}/assets", f"data/projects/{board.pid}/tasks"
    ]
    assert [len(a.tasks) for a in board.project.assets] == [2, 2, 2]


def test_a_board_read_again_is_revalidated_and_its_lists_keep_their_scopes(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    board = Board(kitsu, mocked, "admin")
    mocked.replace(responses.GET, API + "data/assets/with-tasks", json=board.assets, headers={"ETag": '"b1"'})
    board.project.prefetch("assets.tasks")
    asset = board.project.assets[0]
    assert asset.tasks.scope == {"entity_id": asset.id} and asset.tasks.session is kitsu
    assert board.project.assets.scope == {"project_id": board.pid}
    board.project.expire()  # its lists forgotten: read again
    board.project.prefetch("assets.tasks")
    board_reads = [call for call in mocked.calls if "with-tasks" in str(call.request.url)]
    assert board_reads[-1].request.headers.get("If-None-Match") == '"b1"'
