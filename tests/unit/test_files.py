"""The files models without a server (``responses``): file tree checks and
merges, the request each operation sends (route, body keys: ``sep`` or
``separator`` as each route reads it), the template check before any write,
what is reloaded or forgotten after a creation, and downloads."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import responses

from kitsu_models import errors, models
from kitsu_models.models import Asset, AssetInstance, FilePath, OutputFile, Project, Shot, Task, WorkingFile
from kitsu_models.models.file_tree import check_file_tree, instance_template, template_kind, template_problem
from kitsu_models.models.file_tree import merge_tree as _merge_tree
from kitsu_models.session import Kitsu

from .conftest import API
from .models_rows import new_id, row

TREE: dict[str, Any] = row("Project", "list")["file_tree"]  # the server's "default" tree


def body_of(call: Any) -> Any:
    return json.loads(call.request.body)


class Setup:
    """A project (with ``tree``), an asset, a modeling task and a person
    known to the session: operations need no read to find them."""

    def __init__(self, kitsu: Kitsu, mocked: responses.RequestsMock, tree: dict[str, Any] | None = TREE) -> None:
        self.kitsu = kitsu
        self.pid, self.asset_id, self.task_id, self.me_id = new_id(), new_id(), new_id(), new_id()
        self.project: Project = kitsu.projects.materialize([row("Project", "get", id=self.pid, file_tree=tree)])[0]
        self.asset: Asset = kitsu.assets.materialize([row("Asset", id=self.asset_id, project_id=self.pid)])[0]
        self.task: Task = kitsu.tasks.materialize([row(
            "Task", "get", id=self.task_id, project_id=self.pid, entity_id=self.asset_id, assignees=[self.me_id]
        )])[0]
        kitsu._user = row("Person", "get", id=self.me_id)
        self.mocked = mocked


@pytest.fixture
def setup(kitsu: Kitsu, mocked: responses.RequestsMock) -> Setup:
    return Setup(kitsu, mocked)


# -------------------------------------------------------------- file tree
@pytest.mark.parametrize("bad", [
    {}, [], "default", None, {"working": "x"}, {"": TREE["working"]},
    {"working": {k: v for k, v in TREE["working"].items() if k != "root"}},
    {"working": {**TREE["working"], "mountpoint": None}},
    {"working": {**TREE["working"], "folder_path": "<Project>"}},
    {"working": {**TREE["working"], "file_name": {"asset": 3}}},
    {"working": {**TREE["working"], "file_name": {"asset": float("nan"), "shot": object()}}},
])
def test_malformed_file_trees_are_refused(bad: Any) -> None:
    with pytest.raises(errors.InvalidArgumentError):
        check_file_tree(bad)


def test_a_file_tree_is_copied_as_json() -> None:
    checked = check_file_tree(TREE)
    assert checked == TREE and checked is not TREE and checked["working"] is not TREE["working"]
    minimal = {"work": {"mountpoint": "/m", "root": "", "folder_path": {}, "file_name": {}}}
    assert check_file_tree(minimal) == minimal


def test_template_problems_name_what_is_missing() -> None:
    assert template_problem(TREE, "working", "asset") is None
    assert template_problem(None, "working", "asset") == "has no file tree"
    assert template_problem({}, "working", "asset") == "has no file tree"
    assert template_problem(TREE, "review", "asset") == "has no 'review' mode in its file tree"
    assert template_problem(TREE, "output", "instance") == "has no output.folder_path.instance template in its file tree"
    no_root = {"working": {k: v for k, v in TREE["working"].items() if k != "root"}}
    assert template_problem(no_root, "working", "asset") == "has no working.root in its file tree"


def test_merging_tree_changes() -> None:
    merged = _merge_tree(TREE, {"working": {"root": "prod", "folder_path": {"style": None, "edit": "<Edit>"}}, "extra": 1})
    assert merged["working"]["root"] == "prod"
    assert "style" not in merged["working"]["folder_path"] and merged["working"]["folder_path"]["edit"] == "<Edit>"
    assert merged["working"]["file_name"] == TREE["working"]["file_name"] and merged["output"] == TREE["output"]
    assert merged["extra"] == 1 and "extra" not in TREE and "edit" not in TREE["working"]["folder_path"]
    assert _merge_tree(TREE, {"preview": None}).keys() == {"working", "output"}


def test_set_file_tree_puts_only_the_tree_and_keeps_other_changes(setup: Setup) -> None:
    project, mocked = setup.project, setup.mocked
    project.description = "not saved yet"
    new_tree = {"working": {**TREE["working"], "root": "prod"}}
    answer = {**row("Project", "list", id=setup.pid), "file_tree": new_tree}
    mocked.put(API + f"data/projects/{setup.pid}", json=answer)
    assert project.set_file_tree(new_tree) is project
    assert [body_of(call) for call in mocked.calls] == [{"file_tree": new_tree}]
    assert project.file_tree == new_tree
    assert project.changes() == {"description": "not saved yet"}


def test_set_file_tree_replaces_a_tree_assigned_and_not_saved(setup: Setup) -> None:
    """The tree put is what the project holds afterwards: an earlier
    assignment of ``file_tree`` is no change left to send."""
    project, mocked = setup.project, setup.mocked
    project.file_tree = {"working": {**TREE["working"], "root": "assigned"}}
    new_tree = {"working": {**TREE["working"], "root": "prod"}}
    mocked.put(API + f"data/projects/{setup.pid}", json={**row("Project", "list", id=setup.pid), "file_tree": new_tree})
    project.set_file_tree(new_tree)
    assert project.file_tree == new_tree and project.changes() == {}


def test_update_file_tree_merges_into_the_servers_tree(setup: Setup) -> None:
    mocked = setup.mocked
    theirs = {**TREE, "working": {**TREE["working"], "root": "theirs"}}
    mocked.get(API + f"data/projects/{setup.pid}", json={**row("Project", "list", id=setup.pid), "file_tree": theirs})
    mocked.put(API + f"data/projects/{setup.pid}", json=row("Project", "list", id=setup.pid))
    setup.project.update_file_tree({"output": {"root": "export"}})
    sent = body_of(mocked.calls[1])
    assert list(sent) == ["file_tree"]
    assert sent["file_tree"]["working"]["root"] == "theirs" and sent["file_tree"]["output"]["root"] == "export"
    assert "relations=false" in (mocked.calls[0].request.url or "")


# ----------------------------------------------------------------- paths
def test_a_file_path_joins_folder_and_name() -> None:
    path = FilePath("/prod/hero", "hero_main", "/")
    assert path.path == str(path) == os.fspath(path) == "/prod/hero/hero_main"
    assert Path(path) == Path("/prod/hero/hero_main")
    windows = FilePath("C:\\prod\\hero", "hero_main", "\\")
    assert windows.path == "C:\\prod\\hero\\hero_main"
    with pytest.raises(AttributeError):
        windows.sep = "/"  # type: ignore[misc]


def test_template_kinds(kitsu: Kitsu) -> None:
    shot = kitsu.shots.materialize([row("Shot", id=new_id())])[0]
    asset = kitsu.assets.materialize([row("Asset", id=new_id())])[0]
    assert template_kind(shot) == "shot" and template_kind(asset) == "asset"
    for name, kind in (("Sequence", "sequence"), ("Scene", "scene"), ("Episode", "episode"), ("Edit", "asset"),
                       ("Concept", "asset")):
        entity = kitsu.repository(getattr(models, name)).materialize([row(name, id=new_id())])[0]
        assert template_kind(entity) == kind
    in_scene = kitsu.asset_instances.materialize([row("AssetInstance", id=new_id(), target_asset_id=None)])[0]
    in_asset = kitsu.asset_instances.materialize([row("AssetInstance", id=new_id(), target_asset_id=new_id())])[0]
    assert isinstance(in_scene, AssetInstance)
    assert instance_template(in_scene) == "instance" and instance_template(in_asset) == "instance_asset"


def test_working_file_path_sends_sep_and_output_path_sends_separator(setup: Setup) -> None:
    mocked, task, asset = setup.mocked, setup.task, setup.asset
    software, output_type, task_type = new_id(), new_id(), new_id()
    mocked.post(API + f"data/tasks/{setup.task_id}/working-file-path", json={"path": "/a\\b", "name": "n"})
    path = task.build_working_file_path("main", software=software, sep="\\")
    assert path == FilePath("/a\\b", "n", "\\") and path.path == "/a\\b\\n"
    assert body_of(mocked.calls[0]) == {"name": "main", "mode": "working", "sep": "\\", "software_id": software}

    mocked.post(API + f"data/entities/{setup.asset_id}/output-files/next-revision", json={"next_revision": 4})
    mocked.post(API + f"data/entities/{setup.asset_id}/output-file-path", json={"folder_path": "/o", "file_name": "f"})
    built = asset.build_output_file_path(output_type, task_type, representation="abc")
    assert built.path == "/o/f"
    assert body_of(mocked.calls[1]) == {"name": "main", "output_type_id": output_type, "task_type_id": task_type}
    assert body_of(mocked.calls[2]) == {
        "output_type_id": output_type, "task_type_id": task_type, "name": "main", "mode": "output",
        "representation": "abc", "separator": "/", "revision": 4,
    }
    asset.build_output_file_path(output_type, task_type, revision=2)  # given: no next-revision request
    assert len(mocked.calls) == 4 and body_of(mocked.calls[3])["revision"] == 2


# -------------------------------------------------------------- creations
def test_new_working_file_body_and_what_it_refreshes(setup: Setup) -> None:
    mocked, task, kitsu = setup.mocked, setup.task, setup.kitsu
    created = row("WorkingFile", "create", id=new_id(), task_id=setup.task_id, entity_id=setup.asset_id, revision=3)
    mocked.get(API + "data/working-files", json=[])
    assert task.working_files == [] and setup.asset.working_files == []
    mocked.post(API + f"data/tasks/{setup.task_id}/working-files/new", json=created)
    software = new_id()
    with_calls = len(mocked.calls)
    working_file = task.new_working_file("main", software=software, comment="c", revision=3)
    posts = mocked.calls[with_calls:]
    assert [c.request.method for c in posts] == ["POST"]  # the user is assigned already: no reload
    assert body_of(posts[0]) == {"name": "main", "comment": "c", "mode": "working", "sep": "/",
                                 "software_id": software, "revision": 3}
    assert isinstance(working_file, WorkingFile) and working_file.revision == 3
    assert kitsu.working_files.get(working_file.id) is working_file
    # The loaded lists are dropped: read again on next use.
    mocked.replace(responses.GET, API + "data/working-files", json=[created])
    assert task.working_files == [working_file] and setup.asset.working_files == [working_file]


def test_new_working_file_reloads_the_task_the_server_assigned(setup: Setup) -> None:
    mocked, task = setup.mocked, setup.task
    task.__dict__["assignee_ids"] = []  # as loaded before the server assigned anyone
    mocked.post(API + f"data/tasks/{setup.task_id}/working-files/new",
                json=row("WorkingFile", "create", id=new_id(), task_id=setup.task_id))
    mocked.get(API + f"data/tasks/{setup.task_id}",
               json=row("Task", "get", id=setup.task_id, project_id=setup.pid, entity_id=setup.asset_id,
                        assignees=[setup.me_id]))
    task.new_working_file()
    assert [c.request.method for c in mocked.calls] == ["POST", "GET"]
    assert task.assignee_ids == [setup.me_id]


def test_without_the_template_one_fresh_look_then_a_typed_error(kitsu: Kitsu, mocked: responses.RequestsMock) -> None:
    setup = Setup(kitsu, mocked, tree=None)
    mocked.get(API + f"data/projects/{setup.pid}", json=row("Project", "list", id=setup.pid, file_tree=None))
    with pytest.raises(errors.InvalidArgumentError, match="has no file tree"):
        setup.task.new_working_file()
    with pytest.raises(errors.InvalidArgumentError, match="has no file tree"):
        setup.asset.new_output_file(new_id(), new_id())
    assert [c.request.method for c in mocked.calls] == ["GET", "GET"]
    # Set meanwhile by someone else: the fresh look finds it.
    mocked.replace(responses.GET, API + f"data/projects/{setup.pid}", json=row("Project", "list", id=setup.pid))
    mocked.post(API + f"data/tasks/{setup.task_id}/working-files/new",
                json=row("WorkingFile", "create", id=new_id(), task_id=setup.task_id))
    setup.task.new_working_file()
    assert setup.project.file_tree == TREE
    assert [c.request.method for c in mocked.calls][2:] == ["GET", "POST"]


def test_new_output_file_body(setup: Setup) -> None:
    mocked, asset = setup.mocked, setup.asset
    output_type, task_type, working, status = new_id(), new_id(), new_id(), new_id()
    answer = row("OutputFile", "create", id=new_id(), entity_id=setup.asset_id, revision=2)
    mocked.post(API + f"data/entities/{setup.asset_id}/output-files/new", json=answer)
    created = asset.new_output_file(
        output_type, task_type, working_file=working, representation="abc", extension=".abc",
        nb_elements=3, file_status=status, comment="publish",
    )
    assert body_of(mocked.calls[0]) == {
        "output_type_id": output_type, "task_type_id": task_type, "name": "main", "comment": "publish",
        "representation": "abc", "extension": ".abc", "nb_elements": 3, "sep": "/",
        "working_file_id": working, "file_status_id": status,
    }
    assert isinstance(created, OutputFile) and created.revision == 2
    assert created.folder_path == answer["folder_path"] and created.file_name == answer["file_name"]
    assert created.to_dict()["source_file"] == answer["source_file"]  # the embedded dict, kept


def test_output_file_save_routes(setup: Setup) -> None:
    mocked, kitsu = setup.mocked, setup.kitsu
    instance_id, shot_id = new_id(), new_id()
    # Held here: the identity map keeps objects weakly.
    loaded = [
        kitsu.asset_instances.materialize([row("AssetInstance", id=instance_id, asset_id=setup.asset_id, target_asset_id=None)]),
        kitsu.shots.materialize([row("Shot", id=shot_id, project_id=setup.pid)]),
    ]
    tree = {**TREE, "output": {**TREE["output"], "folder_path": {"instance": "<Asset>"}, "file_name": {"instance": "<Asset>"}}}
    setup.project.__dict__["file_tree"] = tree
    path = f"data/asset-instances/{instance_id}/entities/{shot_id}/output-files/new"
    mocked.post(API + path, json=row("OutputFile", "create", id=new_id(), asset_instance_id=instance_id))
    new = OutputFile(entity_id=setup.asset_id, asset_instance_id=instance_id, temporal_entity_id=shot_id,
                     output_type_id=new_id(), task_type_id=new_id(), source_file_id=new_id())
    new.save(kitsu)
    assert mocked.calls[0].request.url == API + path
    sent = body_of(mocked.calls[0])
    assert set(sent) == {"name", "revision", "output_type_id", "task_type_id", "working_file_id"}
    with pytest.raises(errors.InvalidArgumentError, match="temporal_entity_id"):
        OutputFile(entity_id=setup.asset_id, asset_instance_id=instance_id, output_type_id=new_id(),
                   task_type_id=new_id()).save(kitsu)
    assert len(mocked.calls) == 1


def test_last_working_files_are_session_objects(setup: Setup) -> None:
    mocked = setup.mocked
    main, other = (row("WorkingFile", id=new_id(), task_id=setup.task_id) for _ in range(2))
    other["name"] = "other"
    mocked.get(API + f"data/tasks/{setup.task_id}/working-files/last-revisions", json={"main": main, "other": other})
    last = setup.task.last_working_files()
    assert list(last) == ["main", "other"] and last["main"].id == main["id"]
    assert setup.kitsu.working_files.get(main["id"]) is last["main"]
    assert setup.task.last_working_file("other") is last["other"] and setup.task.last_working_file("x") is None


# ------------------------------------------------------------- downloads
def test_download_streams_to_the_target_with_progress(setup: Setup, tmp_path: Path) -> None:
    mocked = setup.mocked
    working_file = setup.kitsu.working_files.materialize([row("WorkingFile", id=new_id())])[0]
    content = os.urandom(3 * 1024 * 1024 + 7)
    mocked.get(API + f"data/working-files/{working_file.id}/file", body=content, auto_calculate_content_length=True)
    seen: list[tuple[int, int | None]] = []
    target = tmp_path / "deep" / "scene.blend"
    assert working_file.download(target, progress=lambda done, total: seen.append((done, total))) == target
    assert target.read_bytes() == content
    assert seen[-1] == (len(content), len(content)) and len(seen) == 4
    assert os.listdir(target.parent) == ["scene.blend"]


def test_a_missing_content_is_a_typed_404_and_no_file(setup: Setup, tmp_path: Path) -> None:
    working_file = setup.kitsu.working_files.materialize([row("WorkingFile", id=new_id())])[0]
    setup.mocked.get(API + f"data/working-files/{working_file.id}/file", status=404,
                     json={"error": True, "message": f"Working file not found for: {working_file.id}"})
    with pytest.raises(errors.NotFoundError, match="not found"):
        working_file.download(tmp_path / "x.blend")
    assert os.listdir(tmp_path) == []


def test_upload_posts_the_file_and_merges_the_answer(setup: Setup, tmp_path: Path) -> None:
    working_file = setup.kitsu.working_files.materialize([row("WorkingFile", id=new_id())])[0]
    source = tmp_path / "scene.blend"
    source.write_bytes(b"blend" * 1000)
    answer = row("WorkingFile", "get", id=working_file.id, comment="uploaded")
    setup.mocked.post(API + f"data/working-files/{working_file.id}/file", json=answer)
    sent: list[int] = []
    assert working_file.upload(source, progress=lambda done, total: sent.append(done)) is working_file
    request = setup.mocked.calls[0].request
    assert (request.headers["Content-Type"] or "").startswith("multipart/form-data")
    assert working_file.comment == "uploaded" and sent and sent[-1] > 5000


def test_new_objects_are_checked_before_save(setup: Setup) -> None:
    kitsu, ids = setup.kitsu, {"output_type_id": new_id(), "task_type_id": new_id()}
    for bad in (
        lambda: WorkingFile(name="main"),
        lambda: WorkingFile(task_id=setup.task_id, revision=-1),
        lambda: WorkingFile(task_id="nope"),  # refused on construction already
        lambda: OutputFile(entity_id=setup.asset_id, revision=-2, **ids),
        lambda: OutputFile(entity_id=setup.asset_id, output_type_id=new_id()),
        lambda: OutputFile(entity_id="../x", **ids),
    ):
        with pytest.raises(errors.InvalidArgumentError):
            bad().save(kitsu)
    assert len(setup.mocked.calls) == 0
