"""Behaviours of relation loading that the mutation run found reached but
not checked (docs/mutation-testing.md): the ``params`` a relation declares,
sent with its foreign-key, route and per-project reads; which owners a
whole project's children complete (only that project's, only those that
lack the relation, not when the query was narrowed); how a per-project
answer is cut among three owners; what a prefetch carries from level to
level (the list's scope, the session, every reached object); the role an
embedding's route needs and what it stores; and the relation descriptors
declared at run time (their options, names, and the links they forget)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest
import responses

from kitsu_models import catalogue as api
from kitsu_models.models import Asset, CastingEntry, Comment, Person, Project, Shot, Task
from kitsu_models.session import Kitsu
from kitsu_models.orm.collection import ModelList
from kitsu_models.orm.prefetch import steps_of
from kitsu_models.orm.embedding import Embedding
from kitsu_models.orm.relations import FirstOfIds, MaybeToOne, ToMany, ToOne, listed_ids

from .conftest import API
from .test_embedding import Board
from .models_rows import new_id, row


def query(call: Any) -> dict[str, list[str]]:
    return parse_qs(urlparse(str(call.request.url)).query)


def path(call: Any) -> str:
    return urlparse(str(call.request.url)).path


def ids(objects: Any) -> list[str]:
    return [obj.id for obj in objects]


def declared(relation: ToMany[Any], owner: type[Any], name: str) -> ToMany[Any]:
    """``relation`` as if declared on ``owner`` under ``name`` (not set on
    the class: no other test sees it)."""
    relation.__set_name__(owner, name)
    return relation


def project_assets(kitsu: Kitsu, mocked: responses.RequestsMock, pid: str, count: int = 2) -> list[Asset]:
    """``count`` assets read as one project's list (scope ``project_id``)."""
    rows = [row("Asset", id=new_id(), project_id=pid) for _ in range(count)]
    mocked.get(API + f"data/projects/{pid}/assets", json=rows)
    return list(kitsu.assets.filter(project=pid))


def lone_asset(kitsu: Kitsu, pid: str) -> Asset:
    """An asset of ``pid`` loaded on its own (a list of its own)."""
    asset: Asset = kitsu.assets.materialize([row("Asset", "get", id=new_id(), project_id=pid)])[0]
    return asset


def task_of(entity_id: str, pid: str) -> dict[str, Any]:
    return row("Task", "get", id=new_id(), entity_id=entity_id, project_id=pid)


# --------------------------------------------------------- _by_foreign_key
def test_one_owners_children_are_asked_with_the_relations_params(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    status = new_id()
    open_tasks = declared(ToMany(lambda: Task, foreign_key="entity_id", params={"task_status_id": status}),
                          Asset, "open_tasks")
    asset = lone_asset(kitsu, new_id())
    task = task_of(asset.id, asset.project_id)
    mocked.get(API + "data/tasks", json=[task])
    kitsu.load_relation(open_tasks, [asset])
    assert ids(open_tasks.cached(asset)) == [task["id"]]
    (call,) = mocked.calls
    assert query(call)["entity_id"] == [asset.id] and query(call)["task_status_id"] == [status]


def test_two_relations_of_one_class_keep_their_own_lists_and_survive_a_changed_field(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Each relation has its own slot (its name); one that is not an
    attribute of the class does not break an edit of the object."""
    wip, done = new_id(), new_id()
    wip_tasks = declared(ToMany(lambda: Task, foreign_key="entity_id", params={"task_status_id": wip}),
                         Asset, "wip_tasks")
    done_tasks = declared(ToMany(lambda: Task, foreign_key="entity_id", params={"task_status_id": done}),
                          Asset, "done_tasks")
    asset = lone_asset(kitsu, new_id())
    rows = [task_of(asset.id, asset.project_id) for _ in range(2)]
    mocked.get(API + "data/tasks", json=[rows[0]])
    mocked.get(API + "data/tasks", json=[rows[1]])
    kitsu.load_relation(wip_tasks, [asset])
    kitsu.load_relation(done_tasks, [asset])
    assert [query(call)["task_status_id"] for call in mocked.calls] == [[wip], [done]]
    assert ids(wip_tasks.cached(asset)) == [rows[0]["id"]] and ids(done_tasks.cached(asset)) == [rows[1]["id"]]
    asset.name = "renamed"
    assert asset.name == "renamed" and ids(wip_tasks.cached(asset)) == [rows[0]["id"]]


def test_a_projects_children_narrowed_by_params_complete_only_the_owners_asked(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """A whole project's owners read their children in one query with the
    relation's params; that answer is no project's complete list, so an
    owner of the project loaded elsewhere is left to load its own."""
    pid, status = new_id(), new_id()
    open_tasks = declared(ToMany(lambda: Task, foreign_key="entity_id", params={"task_status_id": status}),
                          Asset, "open_tasks")
    assets = project_assets(kitsu, mocked, pid)
    loner = lone_asset(kitsu, pid)
    tasks = [task_of(assets[0].id, pid), task_of(loner.id, pid)]
    mocked.get(API + "data/tasks", json=tasks)
    kitsu.load_relation(open_tasks, [assets[0]])
    assert ids(open_tasks.cached(assets[0])) == [tasks[0]["id"]] and open_tasks.cached(assets[1]) == []
    assert open_tasks.cached(loner) is None
    sent = query(mocked.calls[-1])
    assert path(mocked.calls[-1]) == "/api/data/tasks"
    assert (sent["project_id"], sent["task_status_id"]) == ([pid], [status])


def test_a_whole_projects_children_leave_the_owners_of_other_projects_unloaded(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    pid, other_pid = new_id(), new_id()
    assets = project_assets(kitsu, mocked, pid)
    elsewhere = lone_asset(kitsu, other_pid)
    mocked.get(API + f"data/projects/{pid}/tasks", json=[task_of(assets[0].id, pid)])
    assert len(assets[0].tasks) == 1
    assert Asset.tasks.cached(elsewhere) is None
    own = task_of(elsewhere.id, other_pid)
    mocked.get(API + "data/tasks", json=[own])
    assert ids(elsewhere.tasks) == [own["id"]]
    assert query(mocked.calls[-1])["entity_id"] == [elsewhere.id]


def test_a_whole_projects_children_keep_the_list_an_owner_had_loaded_before(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    pid = new_id()
    assets = project_assets(kitsu, mocked, pid)
    early = lone_asset(kitsu, pid)
    first = task_of(early.id, pid)
    mocked.get(API + "data/tasks", json=[first])
    before = early.tasks
    later = task_of(early.id, pid)
    mocked.get(API + f"data/projects/{pid}/tasks", json=[task_of(assets[0].id, pid), first, later])
    assert len(assets[0].tasks) == 1
    assert early.tasks is before and ids(early.tasks) == [first["id"]]


# ---------------------------------------------------------------- _per_owner
def test_a_route_relation_sends_its_params_for_each_owner(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    pid = new_id()
    project_tasks = declared(ToMany(lambda: Task, route=api.PERSON_TASKS, params={"project_id": pid}),
                             Person, "project_tasks")
    person = kitsu.persons.materialize([row("Person", id=new_id())])[0]
    task = task_of(new_id(), pid)
    mocked.get(API + f"data/persons/{person.id}/tasks", json=[task])
    kitsu.load_relation(project_tasks, [person])
    assert ids(project_tasks.cached(person)) == [task["id"]]
    assert query(mocked.calls[0])["project_id"] == [pid]


# -------------------------------------------------------------- _per_project
def cast(asset_id: str, name: str) -> dict[str, Any]:
    return {"asset_id": asset_id, "asset_name": name, "nb_occurences": 1}


def test_a_projects_casting_is_cut_among_three_shots_by_their_counts(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    pid = new_id()
    shots = kitsu.shots.materialize([row("Shot", "get", id=new_id(), project_id=pid) for _ in range(3)])
    mocked.get(API + f"data/projects/{pid}/sequences/all/casting", json={
        shots[0].id: [cast(new_id(), "Fox")],
        shots[1].id: [cast(new_id(), "Hen"), cast(new_id(), "Owl")],
        shots[2].id: [cast(new_id(), "Cat")],
    })
    assert [[entry.asset_name for entry in shot.casting] for shot in shots] == [["Fox"], ["Hen", "Owl"], ["Cat"]]
    assert all(shot.casting.session is kitsu for shot in shots)
    assert len(mocked.calls) == 1


def test_a_per_project_relation_sends_its_params(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    pid, episode = new_id(), new_id()
    casting = declared(ToMany(lambda: CastingEntry, route=api.CASTING, batch_route=api.PROJECT_SHOTS_CASTING,
                              params={"episode_id": episode}), Shot, "episode_casting")
    shots = kitsu.shots.materialize([row("Shot", "get", id=new_id(), project_id=pid) for _ in range(2)])
    mocked.get(API + f"data/projects/{pid}/sequences/all/casting", json={shots[1].id: [cast(new_id(), "Fox")]})
    kitsu.load_relation(casting, list(shots))
    assert casting.cached(shots[0]) == [] and [e.asset_name for e in casting.cached(shots[1])] == ["Fox"]
    (call,) = mocked.calls
    assert query(call) == {"episode_id": [episode]}


# ------------------------------------------------------------------ prefetch
def test_a_prefetch_on_a_list_scoped_to_a_project_reads_its_childrens_list_once(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """Assets loaded apart, gathered in a list that says it is a project's:
    their tasks come by the project's list, not by lists of ids."""
    pid = new_id()
    assets = [lone_asset(kitsu, pid), lone_asset(kitsu, pid)]
    tasks = [task_of(asset.id, pid) for asset in assets]
    mocked.get(API + f"data/projects/{pid}/tasks", json=tasks)
    ModelList(assets, kitsu, {"project_id": pid}).prefetch("tasks")
    assert [ids(asset.tasks) for asset in assets] == [[tasks[0]["id"]], [tasks[1]["id"]]]
    assert [path(call) for call in mocked.calls] == [f"/api/data/projects/{pid}/tasks"]


def test_a_prefetch_goes_below_every_object_reached_by_each_relation_of_a_step(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """``assigner`` and ``assignees`` load persons in one step; the
    departments of every person either reached load, though each person
    came with a list of its own (so no list carries the others along)."""
    departments = kitsu.departments.materialize([row("Department", id=new_id()) for _ in range(4)])
    persons = [kitsu.persons.materialize([row("Person", id=new_id(), departments=[d.id])])[0] for d in departments]
    kitsu.tasks.materialize([
        row("Task", "get", id=new_id(), assigner_id=persons[0].id, assignees=[persons[2].id]),
        row("Task", "get", id=new_id(), assigner_id=persons[1].id, assignees=[persons[3].id]),
    ]).prefetch("assigner.departments", "assignees.departments")
    with kitsu.strict_mode():
        assert [ids(person.departments) for person in persons] == [[d.id] for d in departments]
    assert len(mocked.calls) == 0


def test_the_relations_of_a_class_loading_one_class_make_one_step(kitsu: Kitsu) -> None:
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id())])
    (step,) = steps_of(tasks, ["assigner", "assignees.departments"])
    assert step.target is Person and step.relations == [Task.assigner, Task.assignees]
    assert step.below == {"assigner": {}, "assignees": {"departments": {}}}


@pytest.mark.parametrize("name", ["nothing_so_named", "name"])
def test_a_prefetch_of_what_is_no_relation_names_the_class_and_sends_nothing(
    kitsu: Kitsu, mocked: responses.RequestsMock, name: str
) -> None:
    tasks = kitsu.tasks.materialize([row("Task", "get", id=new_id())])
    with pytest.raises(AttributeError) as caught:
        tasks.prefetch(f"assignees.{name}", name)
    assert str(caught.value) == f"Task has no relation {name!r}"
    assert len(mocked.calls) == 0


# ----------------------------------------------------------------- embedding
def test_a_user_the_team_read_refuses_takes_the_objects_own_routes(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    board = Board(kitsu, mocked, "user")
    mocked.replace(responses.GET, API + f"data/projects/{board.pid}/team", status=403, json={"message": "denied"})
    mocked.get(API + f"data/projects/{board.pid}/assets", json=board.full_assets())
    mocked.get(API + f"data/projects/{board.pid}/tasks", json=board.full_tasks())
    board.project.prefetch("assets.tasks")
    assert [p for p, _ in board.sent()][-2:] == [f"data/projects/{board.pid}/assets", f"data/projects/{board.pid}/tasks"]
    assert "data/assets/with-tasks" not in [p for p, _ in board.sent()]
    assert [len(a.tasks) for a in board.project.assets] == [2, 2, 2]


def test_a_board_loads_the_one_project_asked_not_the_others_of_its_list(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    board = Board(kitsu, mocked, "admin")
    project, other = kitsu.projects.materialize([row("Project", id=new_id()), row("Project", id=new_id())])
    ModelList([project], kitsu).prefetch("assets.tasks")
    assert [p for p, _ in board.sent()] == ["auth/authenticated", "data/assets/with-tasks"]
    assert board.sent()[-1][1] == {"project_id": [project.id]}
    assert [len(a.tasks) for a in project.assets] == [2, 2, 2]
    assert Project.assets.cached(other) is None


def test_a_board_row_without_its_tasks_holds_none(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    board = Board(kitsu, mocked, "admin")
    del board.assets[1]["tasks"]
    mocked.replace(responses.GET, API + "data/assets/with-tasks", json=board.assets)
    board.project.prefetch("assets.tasks")
    with kitsu.strict_mode():
        assert [len(a.tasks) for a in board.project.assets] == [2, 0, 2]


def test_a_missing_field_of_many_embedded_tasks_reads_the_projects_task_list_once(
    kitsu: Kitsu, mocked: responses.RequestsMock
) -> None:
    """The embedded tasks are one list of the project (their scope): 120
    partial tasks complete from that list, not by batches of ids."""
    board = Board(kitsu, mocked, "admin", assets=60)
    board.project.prefetch("assets.tasks")
    mocked.get(API + f"data/projects/{board.pid}/tasks", json=board.full_tasks())
    before = len(mocked.calls)
    task: Task = board.project.assets[59].tasks[1]
    assert task.name == "main"
    assert [p for p, _ in board.sent()[before:]] == [f"data/projects/{board.pid}/tasks"]


# ----------------------------------------------------------------- relations
def test_a_link_keeps_its_target_key_joined_columns_and_kind() -> None:
    joined = {"project_name": "name"}
    link: MaybeToOne[Project] = MaybeToOne(lambda: Project, "project_id", joined=joined, kind="project_type")
    assert (link.target(), link.key, link.joined, link.kind) == (Project, "project_id", joined, "project_type")
    assert link.joined is not joined
    plain: ToOne[Project] = ToOne(lambda: Project, "project_id")
    assert (plain.joined, plain.kind) == ({}, None)


def test_a_first_of_ids_relation_keeps_its_target_and_id_list() -> None:
    comment: FirstOfIds[Comment] = FirstOfIds(lambda: Comment, "comment_ids")
    assert (comment.target(), comment.ids_field) == (Comment, "comment_ids")


def test_a_to_many_relation_keeps_its_batch_route_and_embedding() -> None:
    embedding = Embedding(api.ASSETS_WITH_TASKS, "tasks")
    relation: ToMany[Asset] = ToMany(lambda: Asset, foreign_key="project_id", embedding=embedding,
                                     batch_route=api.PROJECT_SHOTS_CASTING)
    assert (relation.batch_route, relation.embedding) == (api.PROJECT_SHOTS_CASTING, embedding)


def test_listed_ids_keep_only_non_empty_strings() -> None:
    assert listed_ids(["a", "", None, 5, ["b"], {"id": "c"}, {"id": ""}, {"id": 7}, {}]) == ["a", "c"]
