"""Software, OutputType, FileStatus, WorkingFile, OutputFile and the project
file tree against the real server: create, read back, relations, partial
updates, deletion; revisions numbered by the server, last revisions,
filters; paths built by the server from the project's file tree (the
server's own "default" and "simple" trees, read from its installation);
working file upload and download; every argument checked before any
request."""

from __future__ import annotations

import glob
import json
import os
import re
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kitsu_models import errors
from kitsu_models.models import (
    Asset, AssetInstance, FilePath, FileStatus, OutputFile, OutputType, Person, Project, Scene, Sequence, Shot,
    Software, Task, TaskType, WorkingFile,
)
from kitsu_models.session import Kitsu

from .models_support import (
    JSONDict, RequestLog, assert_bad_ids_send_nothing, assert_data_key_merge, assert_deleted, assert_round_trip,
    assert_saves_only, assert_wrong_type_sends_nothing, clone, unique,
)

pytestmark = pytest.mark.server

NewSession = Callable[..., Kitsu]
MakeProject = Callable[..., JSONDict]


# ------------------------------------------------------------ the trees
def _server_tree(name: str) -> dict[str, Any]:
    """A file tree the server ships (zou/app/file_trees/<name>.json), read
    from its installation: the server has no route that hands them out."""
    venv = os.environ.get("ZOU_VENV", "/opt/zou-venv")
    found = sorted(glob.glob(f"{venv}/lib/python3*/site-packages/zou/app/file_trees/{name}.json"))
    if not found:
        message = f"the server's {name!r} file tree is not under {venv} (set ZOU_VENV)"
        if os.environ.get("KITSU_REQUIRE_SERVER") == "1" or os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    tree: dict[str, Any] = json.loads(Path(found[-1]).read_text(encoding="utf-8"))
    return tree


@pytest.fixture(scope="module")
def default_tree() -> dict[str, Any]:
    return _server_tree("default")


@pytest.fixture(scope="module")
def simple_tree() -> dict[str, Any]:
    """The server's "simple" tree: software folders, ``_v<Version>`` names
    and asset instance templates."""
    return _server_tree("simple")


def render(tree: dict[str, Any], mode: str, kind: str, values: dict[str, str], sep: str = "/") -> tuple[str, str]:
    """(folder, file name) as the templates of ``tree`` give them: what the
    server must answer (values here are lowercase words already)."""
    section = tree[mode]

    def fill(part: str) -> str:
        text = re.sub(r"<([A-Za-z.]+)>", lambda m: values[m.group(1)], section[part][kind])
        return text.lower() if section[part].get("style") == "lowercase" else text

    folder = fill("folder_path").replace("/", sep)
    file_name = fill("file_name")
    root = f"{section['mountpoint']}{sep}{section['root']}{sep}" if section["root"] else f"{section['mountpoint']}{sep}"
    return root + folder, file_name


# ------------------------------------------------------------- fixtures
@dataclass
class Catalog:
    """Studio-wide records the tests share (deleted at the module's end)."""

    software_id: str
    software_name: str
    cache_id: str
    cache_name: str
    geometry_id: str
    geometry_name: str
    published_id: str


@pytest.fixture(scope="module")
def catalog(admin: Kitsu) -> Iterator[Catalog]:
    tag = uuid.uuid4().hex[:6]
    software = Software(name=f"Blender{tag}", short_name="bl", file_extension=".blend").save(admin)
    cache = OutputType(name=f"Cache{tag}", short_name="cch").save(admin)
    geometry = OutputType(name=f"Geometry{tag}", short_name="geo").save(admin)
    published = FileStatus(name=f"Published{tag}", color="#00FF00").save(admin)
    yield Catalog(software.id, software.name, cache.id, cache.name, geometry.id, geometry.name, published.id)
    # The projects (and their output files) are gone by now.
    for path in (f"data/softwares/{software.id}", f"data/output-types/{cache.id}",
                 f"data/output-types/{geometry.id}", f"data/file-status/{published.id}"):
        try:
            admin.transport.delete(path)
        except errors.NotFoundError:
            pass
        except errors.KitsuError as exc:
            warnings.warn(f"{path} could not be removed: {exc}", stacklevel=1)


@dataclass
class Studio:
    """One production (no file tree yet) in a new session."""

    kitsu: Kitsu
    project: Project
    pname: str  # the project's name, as the file tree writes it
    asset: Asset
    sequence: Sequence
    shot: Shot
    scene: Scene
    modeling: TaskType
    animation: TaskType
    asset_task: Task
    shot_task: Task
    software: Software
    cache: OutputType
    geometry: OutputType
    published: FileStatus
    me: Person

    def values(self, **more: str) -> dict[str, str]:
        """Template values of the asset (and its modeling task)."""
        return {"Project": self.pname, "AssetType": "character", "Asset": "hero", "TaskType": "modeling", **more}


@pytest.fixture
def studio(make_project: MakeProject, new_session: NewSession, catalog: Catalog) -> Studio:
    pname = f"files{uuid.uuid4().hex[:8]}"
    row = make_project(
        pname, task_types=["Modeling", "Animation"], task_statuses=["Todo"], asset_types=["Character"]
    )
    kitsu = new_session()
    pid = row["id"]
    project = kitsu.projects.get(pid)
    character = kitsu.asset_types.get_by_name("Character")
    asset = Asset(name="Hero", project_id=pid, entity_type_id=character.id).save(kitsu)
    sequence = Sequence(name="SQ01", project_id=pid).save(kitsu)
    shot = Shot(name="SH010", project_id=pid, parent_id=sequence.id).save(kitsu)
    scene = Scene(name="SC01", project_id=pid, parent_id=sequence.id).save(kitsu)
    modeling = kitsu.task_types.first(name="Modeling", for_entity="Asset")
    animation = kitsu.task_types.first(name="Animation", for_entity="Shot")
    assert modeling is not None and animation is not None
    todo = kitsu.task_statuses.get_by_name("Todo")
    asset_task = Task(project_id=pid, entity_id=asset.id, task_type_id=modeling.id, task_status_id=todo.id).save(kitsu)
    shot_task = Task(project_id=pid, entity_id=shot.id, task_type_id=animation.id, task_status_id=todo.id).save(kitsu)
    return Studio(
        kitsu, project, pname, asset, sequence, shot, scene, modeling, animation, asset_task, shot_task,
        kitsu.softwares.get(catalog.software_id), kitsu.output_types.get(catalog.cache_id),
        kitsu.output_types.get(catalog.geometry_id), kitsu.file_statuses.get(catalog.published_id), kitsu.me,
    )


# --------------------------------------------- Software, OutputType, FileStatus
def test_software_output_type_file_status_create_read_update_delete(new_session: NewSession) -> None:
    kitsu = new_session()
    fresh = clone(kitsu)
    tag = uuid.uuid4().hex[:8]
    software = Software(name=f"Tool {tag}", short_name="tl", file_extension=".tl", secondary_extensions=[".tl1"])
    output_type = OutputType(name=f"Render {tag}", short_name="rdr")
    status = FileStatus(name=f"Approved {tag}", color="#123456")
    made: list[Software | OutputType | FileStatus] = []
    try:
        for obj, path, body in (
            (software, "data/softwares",
             {"name": f"Tool {tag}", "short_name": "tl", "file_extension": ".tl", "secondary_extensions": [".tl1"]}),
            (output_type, "data/output-types", {"name": f"Render {tag}", "short_name": "rdr"}),
            (status, "data/file-status", {"name": f"Approved {tag}", "color": "#123456"}),
        ):
            with RequestLog(kitsu) as log:
                obj.save(kitsu)
            made.append(obj)
            assert [(s.method, s.path, s.body) for s in log.writes()] == [("POST", path, body)]
            assert obj.id and obj.type == type(obj).__name__
            again = fresh.repository(type(obj)).get(obj.id)
            assert again.to_dict() == obj.to_dict()
            assert fresh.repository(type(obj)).get_by_name(obj.name) is again
            assert fresh.repository(type(obj)).filter(name=obj.name).ids() == [obj.id]
        assert software.archived is False and software.monthly_cost == 0 and software.version is None

        assert_saves_only(software, "version", "4.2", fresh)
        assert_saves_only(software, "secondary_extensions", [".tl1", ".tl2"], fresh)
        assert_saves_only(output_type, "short_name", "rnd", fresh)
        assert_saves_only(status, "color", "#654321", fresh)
        assert_wrong_type_sends_nothing(software, "monthly_cost", "a lot")
        assert_wrong_type_sends_nothing(status, "color", 7)

        for model, obj in ((Software, software), (OutputType, output_type), (FileStatus, status)):
            assert_round_trip(kitsu, model, lambda repo, i=obj.id: repo.get(i))
            assert_round_trip(kitsu, model, lambda repo, n=obj.name: repo.filter(name=n))
            assert_bad_ids_send_nothing(kitsu, model)
            assert_deleted(clone(kitsu).repository(model).get(obj.id))
    finally:
        for obj in made:
            try:
                kitsu.transport.delete(type(obj).__route__.item_endpoint(type(obj).__name__).at(obj.id))
            except errors.NotFoundError:
                pass


# ------------------------------------------------------------ file tree
def test_set_and_update_the_file_tree(studio: Studio, default_tree: dict[str, Any]) -> None:
    kitsu, project = studio.kitsu, studio.project
    assert project.file_tree is None  # a new project has none
    with RequestLog(kitsu) as log:
        assert project.set_file_tree(default_tree) is project
    assert [(s.method, s.path, s.body) for s in log.sent] == [
        ("PUT", f"data/projects/{project.id}", {"file_tree": default_tree})
    ]
    assert project.file_tree == default_tree and project.changes() == {}
    assert clone(kitsu).projects.get(project.id).file_tree == default_tree

    # A part changed: merged into the server's current tree.
    other = clone(kitsu).projects.get(project.id)
    with RequestLog(other.session) as log:
        other.update_file_tree({"working": {"root": "prod", "folder_path": {"style": None}}})
    assert [(s.method, s.path) for s in log.sent] == [
        ("GET", f"data/projects/{project.id}"), ("PUT", f"data/projects/{project.id}")
    ]
    assert list(log.sent[1].body) == ["file_tree"]
    expected = json.loads(json.dumps(default_tree))
    expected["working"]["root"] = "prod"
    del expected["working"]["folder_path"]["style"]
    assert other.file_tree == expected
    assert kitsu.transport.get(f"data/projects/{project.id}")["file_tree"] == expected

    # The tree reaches the paths: the root changed, not the style.
    path = clone(kitsu).tasks.get(studio.asset_task.id).build_working_file_path(software=studio.software)
    assert path.folder_path.startswith("/simple/prod/")

    # Malformed trees are refused before any request.
    with RequestLog(kitsu) as log:
        for bad in ({}, "default", [default_tree], {"working": "x"}, {"working": {"mountpoint": "/m"}},
                    {"working": {**default_tree["working"], "root": 3}},
                    {"working": {**default_tree["working"], "file_name": ["<Project>"]}},
                    {"working": {**default_tree["working"], "folder_path": {"shot": object()}}}):
            with pytest.raises(errors.InvalidArgumentError):
                project.set_file_tree(bad)  # type: ignore[arg-type]
        with pytest.raises(errors.InvalidArgumentError):
            project.update_file_tree({})
    assert log.sent == [], log.summary()
    assert project.file_tree == default_tree


def test_without_a_file_tree_nothing_is_sent_and_nothing_created(studio: Studio) -> None:
    """The server answers these with 400/500, and for an output file it
    creates the row anyway (without a path): the SDK refuses first."""
    kitsu, task, asset = studio.kitsu, studio.asset_task, studio.asset
    calls: list[Callable[[], object]] = [
        lambda: task.new_working_file(software=studio.software),
        lambda: task.build_working_file_path(software=studio.software),
        lambda: asset.new_output_file(studio.cache, studio.modeling),
        lambda: asset.build_output_file_path(studio.cache, studio.modeling),
    ]
    for call in calls:
        with RequestLog(kitsu) as log:
            with pytest.raises(errors.InvalidArgumentError, match="has no file tree"):
                call()
        # At most a fresh look at the project's tree: no write.
        assert all(s.method == "GET" for s in log.sent), log.summary()
    assert kitsu.transport.get(f"data/tasks/{task.id}/working-files") == []
    assert kitsu.transport.get(f"data/entities/{asset.id}/output-files") == []
    # Another session sets a tree: this one sees it without being told.
    clone(kitsu).projects.get(studio.project.id).set_file_tree(
        {"working": {"mountpoint": "/m", "root": "r", "folder_path": {"asset": "<Asset>"}, "file_name": {"asset": "<Asset>"}}}
    )
    assert task.build_working_file_path(software=studio.software).path == "/m/r/hero/hero"
    with pytest.raises(errors.InvalidArgumentError, match="no 'output' mode"):
        asset.new_output_file(studio.cache, studio.modeling)
    with pytest.raises(errors.InvalidArgumentError, match="working.folder_path.shot"):
        studio.shot_task.new_working_file(software=studio.software)
    assert kitsu.transport.get(f"data/entities/{asset.id}/output-files") == []


# ------------------------------------------------------------ working files
@pytest.mark.slow
def test_working_files_revisions_last_revisions_and_paths(studio: Studio, default_tree: dict[str, Any]) -> None:
    kitsu, task, asset, software = studio.kitsu, studio.asset_task, studio.asset, studio.software
    studio.project.set_file_tree(default_tree)
    folder, file_name = render(default_tree, "working", "asset", studio.values())

    predicted = task.build_working_file_path(software=software)
    assert isinstance(predicted, FilePath)
    assert (predicted.folder_path, predicted.file_name) == (folder, file_name)
    assert predicted.path == str(predicted) == os.fspath(predicted) == f"{folder}/{file_name}"

    with RequestLog(kitsu) as log:
        first = task.new_working_file("main", software=software, comment="blocking")
    posts = [s for s in log.sent if s.method == "POST"]
    assert [(s.path, s.body) for s in posts] == [(
        f"data/tasks/{task.id}/working-files/new",
        {"name": "main", "comment": "blocking", "mode": "working", "sep": "/", "software_id": software.id},
    )]
    assert len(log.writes()) == 1, log.summary()
    assert isinstance(first, WorkingFile) and first.id
    assert (first.name, first.revision, first.comment, first.path) == ("main", 1, "blocking", predicted.path)
    assert first.validation_status == "neutral"
    # The server assigned the logged-in user to the task: the task knows.
    assert studio.me.id in (task.assignee_ids or [])

    second = task.new_working_file("main", software=software, comment="splines")
    fifth = task.new_working_file("main", software=software, revision=5)
    other = task.new_working_file("other", software=software, person=studio.me)
    assert [second.revision, fifth.revision, other.revision] == [2, 5, 1]
    with pytest.raises(errors.BadRequestError, match="already exists"):
        task.new_working_file("main", software=software, revision=5)

    # Last revision per name: the session's objects.
    last = task.last_working_files()
    assert set(last) == {"main", "other"}
    assert last["main"] is fifth and last["other"] is other
    assert task.last_working_file("other") is other and task.last_working_file("nope") is None

    # Relations, both ways.
    assert first.task is task and first.entity is asset
    assert first.software is software and first.person is studio.me
    fresh = clone(kitsu)
    again = fresh.working_files.get(first.id)
    assert isinstance(again.task, Task) and again.task.id == task.id
    assert isinstance(again.software, Software) and again.software.name == software.name
    assert sorted(w.revision or 0 for w in fresh.tasks.get(task.id).working_files) == [1, 1, 2, 5]
    assert sorted(fresh.entities.get(asset.id).working_files.ids()) == sorted([first.id, second.id, fifth.id, other.id])
    assert again.output_files == []
    # A new file drops the loaded lists: they are read again.
    assert len(task.working_files) == 4
    sixth = task.new_working_file("main", software=software)
    assert sixth.revision == 6 and sixth in task.working_files and len(task.working_files) == 5
    # The working files of many tasks: one request.
    shot_file = studio.shot_task.new_working_file(software=software)
    other_session = clone(kitsu)
    loaded = other_session.tasks.filter(project=studio.project.id)
    with RequestLog(other_session) as log:
        files_by_task = {t.id: t.working_files.ids() for t in loaded}
    assert len(log.sent) == 1, log.summary()
    assert files_by_task[studio.shot_task.id] == [shot_file.id]
    shot_folder, shot_name = render(default_tree, "working", "shot", {
        "Project": studio.pname, "Sequence": "sq01", "Shot": "sh010", "TaskType": "animation"})
    assert shot_file.path == f"{shot_folder}/{shot_name}"

    # Filters of the repository.
    assert sorted(fresh.working_files.filter(task=task.id, name="other").ids()) == [other.id]
    assert fresh.working_files.first(task=task.id, revision=5) is fresh.working_files.get(fifth.id)

    # One field saved, data merged, round trips, deletion.
    assert_saves_only(first, "description", "the first pass", fresh)
    assert_saves_only(first, "validation_status", "validated", fresh)
    assert_wrong_type_sends_nothing(first, "validation_status", "approved")
    assert_data_key_merge(second, clone(kitsu))
    assert_round_trip(kitsu, WorkingFile, lambda repo: repo.get(first.id))
    assert_round_trip(kitsu, WorkingFile, lambda repo: repo.filter(task=task.id))
    assert_bad_ids_send_nothing(kitsu, WorkingFile)
    assert_deleted(clone(kitsu).working_files.get(other.id), relation="software")
    assert set(task.last_working_files()) == {"main"}


def test_working_file_paths_from_a_versioned_tree(studio: Studio, simple_tree: dict[str, Any]) -> None:
    task, software = studio.asset_task, studio.software
    studio.project.set_file_tree(simple_tree)
    values = studio.values(Software=software.name.lower(), Name="main")

    predicted = task.build_working_file_path(software=software)  # the next revision: 1
    folder, name = render(simple_tree, "working", "asset", {**values, "Version": "001"})
    assert (predicted.folder_path, predicted.file_name) == (folder, name)
    first = task.new_working_file(software=software)
    assert first.path == predicted.path

    assert task.build_working_file_path(software=software).file_name.endswith("_main_v002")
    assert task.build_working_file_path(software=software, revision=42).file_name.endswith("_main_v042")
    assert task.build_working_file_path("layout", software=software).file_name.endswith("_layout_v001")
    windows = task.build_working_file_path(software=software, sep="\\")
    folder_w, name_w = render(simple_tree, "working", "asset", {**values, "Version": "002"}, sep="\\")
    assert (windows.folder_path, windows.file_name) == (folder_w, name_w)
    assert windows.path == folder_w + "\\" + name_w
    second = task.new_working_file(software=software)
    assert second.revision == 2 and second.path is not None and second.path.endswith("_main_v002")
    # A mode the tree lacks: refused before any write.
    with RequestLog(studio.kitsu) as log:
        with pytest.raises(errors.InvalidArgumentError, match="'review' mode"):
            task.build_working_file_path(mode="review", software=software)
    assert all(s.method == "GET" for s in log.sent), log.summary()


@pytest.mark.slow
def test_working_file_upload_and_download(studio: Studio, default_tree: dict[str, Any], tmp_path: Path) -> None:
    studio.project.set_file_tree(default_tree)
    working_file = studio.asset_task.new_working_file(software=studio.software)
    target = tmp_path / "out" / "scene.blend"
    # Nothing stored yet: a typed 404, and no file left behind.
    with pytest.raises(errors.NotFoundError):
        working_file.download(target)
    assert not target.exists() and not list(tmp_path.rglob("*.part"))

    content = os.urandom(2 * 1024 * 1024 + 12345)  # several chunks
    source = tmp_path / "scene.blend"
    source.write_bytes(content)
    sent: list[tuple[int, int | None]] = []
    with RequestLog(studio.kitsu) as log:
        assert working_file.upload(source, progress=lambda done, total: sent.append((done, total))) is working_file
    assert [(s.method, s.path) for s in log.sent] == [("POST", f"data/working-files/{working_file.id}/file")]
    assert sent and sent[-1][0] == sent[-1][1] and sent[-1][1] is not None and sent[-1][1] > len(content)
    assert [done for done, _ in sent] == sorted(done for done, _ in sent)

    received: list[tuple[int, int | None]] = []
    other = clone(studio.kitsu).working_files.get(working_file.id)
    with RequestLog(other.session) as log:
        written = other.download(target, progress=lambda done, total: received.append((done, total)))
    assert [(s.method, s.path) for s in log.sent] == [("GET", f"data/working-files/{working_file.id}/file")]
    assert written == target and target.read_bytes() == content
    assert len(received) >= 3 and received[-1] == (len(content), len(content))
    assert [done for done, _ in received] == sorted(done for done, _ in received)
    assert all(total == len(content) for _, total in received)
    assert sorted(p.name for p in target.parent.iterdir()) == ["scene.blend"]  # no temporary file left

    # Bad targets and sources: refused before any request.
    with RequestLog(studio.kitsu) as log:
        with pytest.raises(errors.InvalidArgumentError):
            working_file.download(tmp_path)  # a folder
        with pytest.raises(errors.InvalidArgumentError):
            working_file.download("")
        with pytest.raises(errors.InvalidArgumentError):
            working_file.upload(tmp_path / "missing.blend")
        with pytest.raises(errors.InvalidArgumentError):
            working_file.upload(tmp_path)
    assert log.sent == [], log.summary()
    # The server's modification date.
    before = working_file.updated_at
    assert working_file.mark_modified() is working_file
    assert working_file.updated_at is not None and before is not None and working_file.updated_at >= before


# ------------------------------------------------------------- output files
def test_output_files_revisions_filters_and_paths(studio: Studio, default_tree: dict[str, Any]) -> None:
    kitsu, asset, cache, geometry, modeling = studio.kitsu, studio.asset, studio.cache, studio.geometry, studio.modeling
    studio.project.set_file_tree(default_tree)
    source = studio.asset_task.new_working_file(software=studio.software)
    assert asset.next_output_revision(cache, modeling) == 1
    assert asset.last_output_revision(cache, modeling) == 0
    cache_values = studio.values(OutputType=cache.name.lower(), OutputFile="main")
    folder, file_name = render(default_tree, "output", "asset", cache_values)
    predicted = asset.build_output_file_path(cache, modeling)
    assert (predicted.folder_path, predicted.file_name) == (folder, file_name)

    with RequestLog(kitsu) as log:
        first = asset.new_output_file(cache, modeling, working_file=source, representation="abc", comment="publish")
    assert [(s.method, s.path, s.body) for s in log.writes()] == [(
        "POST", f"data/entities/{asset.id}/output-files/new",
        {"output_type_id": cache.id, "task_type_id": modeling.id, "name": "main", "comment": "publish",
         "representation": "abc", "extension": "", "nb_elements": 1, "sep": "/", "working_file_id": source.id},
    )]
    assert isinstance(first, OutputFile) and first.id
    assert (first.revision, first.representation, first.comment) == (1, "abc", "publish")
    assert (first.folder_path, first.file_name, first.path) == (folder, file_name, predicted.path)

    second = asset.new_output_file(
        cache, modeling, representation="abc", file_status=studio.published, extension=".abc", comment="fix"
    )
    assert second.revision == 2 and second.path == f"{folder}/{file_name}.abc"
    lod = asset.new_output_file(
        geometry, modeling.id, name="lod", representation="obj", revision=7, nb_elements=10, comment="lods"
    )
    assert lod.revision == 7 and lod.nb_elements == 10
    assert lod.file_name is not None and lod.file_name.endswith("_lod_[1-10]")
    assert asset.next_output_revision(cache, modeling) == 3
    assert asset.last_output_revision(cache, modeling) == 2
    assert asset.next_output_revision(geometry, modeling, name="lod") == 8
    with pytest.raises(errors.BadRequestError, match="already exists"):
        asset.new_output_file(geometry, modeling, name="lod", representation="obj", revision=7)

    # Relations.
    assert first.output_type is cache and first.task_type is modeling and first.entity is asset
    assert first.source_file is source and first.person is studio.me
    assert first.asset_instance is None and first.temporal_entity is None
    assert second.file_status is studio.published
    assert first.file_status.name == "To review"  # the server's default status
    assert source.output_files == [first]
    fresh = clone(kitsu)
    again = fresh.output_files.get(first.id)
    assert isinstance(again.source_file, WorkingFile) and again.source_file.id == source.id
    assert isinstance(again.output_type, OutputType) and again.output_type.name == cache.name
    assert again.to_dict()["source_file"]["id"] == source.id  # the server's dict, kept

    # Lists and filters (exact matches, highest revision first).
    assert asset.output_files.ids() == [lod.id, second.id, first.id]
    assert asset.find_output_files().ids() == [lod.id, second.id, first.id]
    assert asset.find_output_files(output_type=cache).ids() == [second.id, first.id]
    assert asset.find_output_files(task_type=modeling, representation="obj").ids() == [lod.id]
    assert asset.find_output_files(name="lod").ids() == [lod.id]
    assert asset.find_output_files(name="LOD").ids() == []
    assert asset.find_output_files(file_status=studio.published).ids() == [second.id]
    assert asset.find_output_files(output_type=cache, representation="obj").ids() == []
    assert sorted(asset.last_output_files().ids()) == sorted([second.id, lod.id])
    assert asset.last_output_files(output_type=geometry).ids() == [lod.id]
    assert sorted(studio.project.find_output_files().ids()) == sorted([first.id, second.id, lod.id])
    assert sorted(studio.project.find_output_files(representation="abc", name="main").ids()) == sorted(
        [first.id, second.id]
    )
    assert sorted(t.id for t in asset.used_output_types()) == sorted([cache.id, geometry.id])
    assert studio.shot.output_files == [] and studio.shot.used_output_types() == []
    # A new file drops the loaded lists.
    third = asset.new_output_file(cache, modeling, representation="abc")
    assert third.revision == 3 and asset.output_files.ids() == [lod.id, third.id, second.id, first.id]
    assert sorted(fresh.output_files.filter(entity=asset.id).ids()) == sorted([first.id, second.id, third.id, lod.id])

    # One field saved, data merged, round trips, deletion.
    assert_saves_only(first, "comment", "published again", fresh)
    assert_saves_only(first, "quality", "high", fresh)
    assert_wrong_type_sends_nothing(first, "quality", "best")
    assert_data_key_merge(second, clone(kitsu))
    assert_round_trip(kitsu, OutputFile, lambda repo: repo.get(first.id))
    assert_round_trip(kitsu, OutputFile, lambda repo: repo.filter(entity=asset.id))
    assert_bad_ids_send_nothing(kitsu, OutputFile)
    assert_deleted(clone(kitsu).output_files.get(third.id), relation="output_type")
    assert asset.next_output_revision(cache, modeling) == 3


def test_output_paths_use_the_revision_they_will_have(studio: Studio, simple_tree: dict[str, Any]) -> None:
    """The server's path route puts revision 0 in the folder when not given
    one: the SDK asks the next revision first, so a predicted path is the
    one the next output file gets."""
    asset, cache, modeling = studio.asset, studio.cache, studio.modeling
    studio.project.set_file_tree(simple_tree)
    studio.project.update_file_tree(
        {"output": {"folder_path": {"asset": "<Project>/assets/<Asset>/<OutputType>/v<Version>"}}}
    )
    for revision in (1, 2):
        predicted = asset.build_output_file_path(cache, modeling, representation="abc")
        folder, name = render(studio.project.file_tree or {}, "output", "asset", studio.values(
            OutputType=cache.name.lower(), Name="main", Version=f"{revision:03d}"))
        assert (predicted.folder_path, predicted.file_name) == (folder, name)
        created = asset.new_output_file(cache, modeling, representation="abc")
        assert (created.revision, created.folder_path, created.file_name) == (revision, folder, name)
        assert created.path == predicted.path
    explicit = asset.build_output_file_path(cache, modeling, revision=9, sep="\\")
    assert explicit.folder_path.endswith("\\v009") and explicit.file_name.endswith("_main_v009")


@pytest.mark.slow
def test_asset_instance_output_files(studio: Studio, default_tree: dict[str, Any], simple_tree: dict[str, Any]) -> None:
    kitsu, asset, shot, cache, modeling = studio.kitsu, studio.asset, studio.shot, studio.cache, studio.modeling
    row = kitsu.transport.post(f"data/scenes/{studio.scene.id}/asset-instances", {"asset_id": asset.id})
    instance = kitsu.asset_instances.get(row["id"])
    try:
        assert isinstance(instance, AssetInstance)
        # The "default" tree has no instance templates: the server would answer
        # 500 and keep a row without a path. Refused before any write.
        studio.project.set_file_tree(default_tree)
        with RequestLog(kitsu) as log:
            with pytest.raises(errors.InvalidArgumentError, match="output.folder_path.instance"):
                instance.output_files_in(shot).new_output_file(cache, modeling)
            with pytest.raises(errors.InvalidArgumentError, match="instance"):
                instance.output_files_in(shot).build_output_file_path(cache, modeling)
        assert not log.writes(), log.summary()
        assert instance.find_output_files() == []

        studio.project.set_file_tree(simple_tree)
        assert instance.output_files_in(shot).next_output_revision(cache, modeling) == 1
        predicted = instance.output_files_in(shot).build_output_file_path(cache, modeling)
        created = instance.output_files_in(shot).new_output_file(cache, modeling, comment="instance cache")
        assert created.revision == 1 and created.path == predicted.path
        assert created.file_name == predicted.file_name and created.file_name is not None
        assert created.file_name.endswith(f"_{instance.name.lower() if instance.name else ''}_v001")
        assert created.asset_instance is instance and created.temporal_entity is shot and created.entity is asset
        second = instance.output_files_in(shot.id).new_output_file(cache.id, modeling.id)
        assert second.revision == 2 and instance.output_files_in(shot).last_output_revision(cache, modeling) == 2
        assert instance.find_output_files().ids() == [second.id, created.id]
        assert instance.output_files_in(shot).find_output_files(output_type=cache).ids() == [second.id, created.id]
        assert instance.output_files_in(studio.scene).find_output_files().ids() == []
        assert instance.output_files_in(shot).last_output_files().ids() == [second.id]
        assert [t.id for t in instance.output_files_in(shot).used_output_types()] == [cache.id]
        # An entity's own list leaves its instances' files out.
        assert asset.find_output_files() == [] and asset.output_files == []
        # save() of a new OutputFile takes the instance route, checked too.
        third = OutputFile(
            entity_id=asset.id, asset_instance_id=instance.id, temporal_entity_id=shot.id,
            output_type_id=cache.id, task_type_id=modeling.id, comment="saved",
        )
        with RequestLog(kitsu) as log:
            third.save(kitsu)
        assert [(s.method, s.path) for s in log.writes()] == [
            ("POST", f"data/asset-instances/{instance.id}/entities/{shot.id}/output-files/new")
        ]
        assert third.revision == 3 and third.asset_instance_id == instance.id
    finally:
        # The server cannot delete a project whose assets have instances.
        for row in kitsu.transport.get("data/output-files", {"asset_instance_id": instance.id}):
            kitsu.transport.delete(f"data/output-files/{row['id']}")
        kitsu.transport.delete(f"data/asset-instances/{instance.id}")


@pytest.mark.slow
def test_output_file_save_checks_and_routes(studio: Studio, default_tree: dict[str, Any]) -> None:
    kitsu, asset = studio.kitsu, studio.asset
    new = OutputFile(entity_id=asset.id, output_type_id=studio.cache.id, task_type_id=studio.modeling.id)
    with RequestLog(kitsu) as log:
        with pytest.raises(errors.InvalidArgumentError, match="has no file tree"):
            new.save(kitsu)
        with pytest.raises(errors.InvalidArgumentError, match="task_type_id"):
            OutputFile(entity_id=asset.id, output_type_id=studio.cache.id).save(kitsu)
        with pytest.raises(errors.InvalidArgumentError, match="task_id"):
            WorkingFile(name="main").save(kitsu)
    assert not log.writes(), log.summary()
    studio.project.set_file_tree(default_tree)
    with RequestLog(kitsu) as log:
        new.save(kitsu)
    assert [(s.method, s.path, s.body) for s in log.writes()] == [(
        "POST", f"data/entities/{asset.id}/output-files/new",
        {"name": "main", "revision": 0, "output_type_id": studio.cache.id, "task_type_id": studio.modeling.id},
    )]
    assert new.revision == 1 and new.path and kitsu.output_files.get(new.id) is new
    work = WorkingFile(task_id=studio.asset_task.id, name="sculpt", software_id=studio.software.id).save(kitsu)
    assert work.revision == 1 and work.entity_id == asset.id and work.path


# ------------------------------------------------------------- arguments
@pytest.mark.slow
def test_arguments_are_checked_before_any_request(studio: Studio, default_tree: dict[str, Any]) -> None:
    kitsu, task, asset, cache, modeling = studio.kitsu, studio.asset_task, studio.asset, studio.cache, studio.modeling
    studio.project.set_file_tree(default_tree)
    working_file = task.new_working_file(software=studio.software)
    bad_calls: list[Callable[[], object]] = [
        lambda: task.new_working_file(""),
        lambda: task.new_working_file(3),  # type: ignore[arg-type]
        lambda: task.new_working_file("x" * 251),
        lambda: task.new_working_file(revision=0),
        lambda: task.new_working_file(revision=-2),
        lambda: task.new_working_file(revision=True),
        lambda: task.new_working_file(revision="2"),  # type: ignore[arg-type]
        lambda: task.new_working_file(software=modeling),  # type: ignore[arg-type]
        lambda: task.new_working_file(software="nope"),
        lambda: task.new_working_file(person=studio.software),  # type: ignore[arg-type]
        lambda: task.new_working_file(mode=""),
        lambda: task.new_working_file(sep=""),
        lambda: task.new_working_file(comment=None),  # type: ignore[arg-type]
        lambda: task.build_working_file_path(revision=0),
        lambda: task.build_working_file_path(software=Software(name="new", short_name="n", file_extension=".n")),
        lambda: asset.new_output_file(modeling, modeling),  # type: ignore[arg-type]
        lambda: asset.new_output_file(cache, cache),  # type: ignore[arg-type]
        lambda: asset.new_output_file(cache, modeling, representation="r" * 21),
        lambda: asset.new_output_file(cache, modeling, extension=".toolong123"),
        lambda: asset.new_output_file(cache, modeling, nb_elements=0),
        lambda: asset.new_output_file(cache, modeling, working_file=cache),  # type: ignore[arg-type]
        lambda: asset.new_output_file(cache, modeling, file_status="../x"),
        lambda: asset.new_output_file(cache, modeling, name=""),
        lambda: asset.find_output_files(output_type=modeling),  # type: ignore[arg-type]
        lambda: asset.find_output_files(name=""),
        lambda: asset.last_output_files(file_status=cache),  # type: ignore[arg-type]
        lambda: asset.next_output_revision(cache, "nope"),
        lambda: asset.build_output_file_path(cache, modeling, revision=-1),
        lambda: asset.build_output_file_path(cache, modeling, mode=""),
        lambda: studio.project.find_output_files(task_type=cache),  # type: ignore[arg-type]
    ]
    with RequestLog(kitsu) as log:
        for call in bad_calls:
            with pytest.raises(errors.InvalidArgumentError):
                call()
    assert log.sent == [], log.summary()
    # A deleted object cannot be used.
    victim = task.new_working_file("victim", software=studio.software)
    victim.delete()
    with RequestLog(kitsu) as log:
        with pytest.raises(errors.DeletedObjectError):
            victim.download("x.bin")
        with pytest.raises(errors.DeletedObjectError):
            asset.new_output_file(cache, modeling, working_file=victim)
    assert log.sent == [], log.summary()
    assert working_file.revision == 1
