"""What tasks, entities, asset instances and projects do with files: the
mixins ``TaskFiles`` (working files), ``EntityFiles`` and
``AssetInstanceFiles`` (output files) and ``ProjectFiles`` (the file tree,
a project's output files) that ``Task``, ``Entity``, ``AssetInstance`` and
``Project`` inherit. The models they create are in :mod:`.files`.

An entity's output files and an asset instance's output files in a shot
or scene (its "temporal entity") are served by the same routes under two
prefixes: one :class:`_OutputFileRoutes` serves both mixins.

This module defines everything before importing its sibling modules (at the
bottom): ``tasks``, ``breakdown`` and ``production`` need the mixins while
they are being imported.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar, cast

from typing_extensions import Self

from .. import errors
from .base import KitsuModel
from .file_checks import (
    EXTENSION_MAX,
    NAME_MAX,
    REPRESENTATION_MAX,
    checked_revision,
    checked_text,
    id_of,
    model_ref,
    positive_int,
)
from .file_tree import check_file_tree, instance_template, merge_tree, require_template, template_kind
from .files import FilePath, FileStatus, OutputFile, OutputType, Software, WorkingFile, after_working_file_created
from .relations import ToMany

if TYPE_CHECKING:
    from ..collection import ModelList
    from ..session import Kitsu

_Owner = TypeVar("_Owner", bound=KitsuModel)


# ----------------------------------------------------------- request bodies
def _output_filters(
    output_type: OutputType | str | None,
    task_type: tasks.TaskType | str | None,
    representation: str | None,
    name: str | None,
    file_status: FileStatus | str | None,
) -> dict[str, str]:
    """The query of the output file list routes (all optional, equality)."""
    params: dict[str, str] = {}
    if output_type is not None:
        params["output_type_id"] = model_ref(output_type, OutputType, "output_type")
    if task_type is not None:
        params["task_type_id"] = model_ref(task_type, tasks.TaskType, "task_type")
    if representation is not None:
        params["representation"] = checked_text(
            representation, "representation", max_length=REPRESENTATION_MAX, empty=False
        )
    if name is not None:
        params["name"] = checked_text(name, "name", max_length=NAME_MAX, empty=False)
    if file_status is not None:
        params["file_status_id"] = model_ref(file_status, FileStatus, "file_status")
    return params


def _output_kind(output_type: OutputType | str, task_type: tasks.TaskType | str, name: str) -> dict[str, Any]:
    """What names a kind of output file (a revision counts within it)."""
    return {
        "output_type_id": model_ref(output_type, OutputType, "output_type"),
        "task_type_id": model_ref(task_type, tasks.TaskType, "task_type"),
        "name": checked_text(name, "name", max_length=NAME_MAX, empty=False),
    }


def _new_output_body(
    output_type: OutputType | str,
    task_type: tasks.TaskType | str,
    name: str,
    comment: str,
    working_file: WorkingFile | str | None,
    person: people.Person | str | None,
    representation: str,
    extension: str,
    revision: int | None,
    nb_elements: int,
    file_status: FileStatus | str | None,
    sep: str,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        **_output_kind(output_type, task_type, name),
        "comment": checked_text(comment, "comment"),
        "representation": checked_text(representation, "representation", max_length=REPRESENTATION_MAX),
        "extension": checked_text(extension, "extension", max_length=EXTENSION_MAX),
        "nb_elements": positive_int(nb_elements, "nb_elements"),
        "sep": checked_text(sep, "sep", empty=False),
    }
    if revision is not None:
        body["revision"] = checked_revision(revision)
    if working_file is not None:
        body["working_file_id"] = model_ref(working_file, WorkingFile, "working_file")
    if person is not None:
        body["person_id"] = model_ref(person, people.Person, "person")
    if file_status is not None:
        body["file_status_id"] = model_ref(file_status, FileStatus, "file_status")
    return body


def _path_body(
    output_type: OutputType | str,
    task_type: tasks.TaskType | str,
    name: str,
    mode: str,
    representation: str,
    revision: int | None,
    sep: str,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        **_output_kind(output_type, task_type, name),
        "mode": checked_text(mode, "mode", empty=False),
        "representation": checked_text(representation, "representation", max_length=REPRESENTATION_MAX),
        "separator": checked_text(sep, "sep", empty=False),  # this route's name for it
    }
    if revision is not None:
        body["revision"] = checked_revision(revision)
    return body


def _source_owners(session: Kitsu, working_file: WorkingFile | str | None) -> list[KitsuModel]:
    """The source working file of a new output file, if loaded."""
    if working_file is None:
        return []
    if isinstance(working_file, WorkingFile):
        return [working_file]
    known = session.identity.get(WorkingFile, working_file)
    return [known] if known is not None else []



def _alive(owner: _Owner) -> _Owner:
    """``owner``, once checked not deleted."""
    owner._check_alive()
    return owner


# ----------------------------------------------------------- output routes
@dataclass(frozen=True)
class _OutputFileRoutes:
    """The output file routes of one owner, under ``base``: an entity's
    (``data/entities/{id}``) or an asset instance's in a temporal entity
    (``data/asset-instances/{id}/entities/{temporal id}``), which the server
    serves alike; the lists of an instance in every temporal entity and of
    a project (``data/asset-instances/{id}``, ``data/projects/{id}``) too."""

    base: str
    session: Kitsu

    def create(
        self, body: dict[str, Any], owners: list[KitsuModel], working_file: WorkingFile | str | None
    ) -> OutputFile:
        """Create the output file ``body`` describes. The output file lists
        loaded on ``owners`` and on the source working file are dropped, so
        they are read again."""
        row = self.session.transport.post(f"{self.base}/output-files/new", body)
        owners = [*owners, *_source_owners(self.session, working_file)]
        output_file = self.session.repository(OutputFile).fetch_rows([row])[0]
        for owner in owners:
            relation = getattr(type(owner), "output_files", None)
            if isinstance(relation, ToMany):
                relation.forget(owner)
        return output_file

    def files(self, params: dict[str, str]) -> ModelList[OutputFile]:
        """The output files matching ``params``, highest revision first."""
        return self.session.repository(OutputFile).fetch(f"{self.base}/output-files", params)

    def last_files(self, params: dict[str, str]) -> ModelList[OutputFile]:
        """The last revision of each kind of output file matching ``params``."""
        return self.session.repository(OutputFile).fetch(f"{self.base}/output-files/last-revisions", params)

    def next_revision(self, body: dict[str, Any]) -> int:
        """The next revision of the kind of output file ``body`` names."""
        path = f"{self.base}/output-files/next-revision"
        return int(self.session.transport.post(path, body)["next_revision"])

    def used_types(self) -> ModelList[OutputType]:
        """The output types of the owner's output files."""
        return self.session.repository(OutputType).fetch(f"{self.base}/output-types")

    def file_path(self, body: dict[str, Any], sep: str) -> FilePath:
        """The path the file tree gives the output file ``body`` describes.
        Without a revision the next one is asked first: the server's path
        route would use revision 0 for the folder and the next one for the
        file name."""
        if "revision" not in body:
            kind = {key: body[key] for key in ("output_type_id", "task_type_id", "name")}
            body["revision"] = self.next_revision(kind)
        answer = self.session.transport.post(f"{self.base}/output-file-path", body)
        return FilePath(answer["folder_path"], answer["file_name"], sep)


# ------------------------------------------------------------------ mixins
class TaskFiles:
    """Working files of a task (mixed into :class:`~.tasks.Task`)."""

    def new_working_file(
        self,
        name: str = "main",
        *,
        software: Software | str | None = None,
        comment: str = "",
        person: people.Person | str | None = None,
        revision: int | None = None,
        mode: str = "working",
        sep: str = "/",
    ) -> WorkingFile:
        """Create the next revision of working file ``name`` for this task.

        With ``revision=None`` the server numbers it (last revision of
        that name + 1, or 1); an explicit revision that exists already is
        refused (BadRequestError). ``path`` is built by the server from the
        ``mode`` templates of the project's file tree; ``sep`` only joins
        its folder and file name. Without ``software`` the server uses its
        "Blender" software, without ``person`` the logged-in user.

        The server also assigns the logged-in user to the task: the task's
        assignees are reloaded when that changed them.
        """
        task = _alive(cast("tasks.Task", self))
        task_id = id_of(task, "task")
        body: dict[str, Any] = {
            "name": checked_text(name, "name", max_length=NAME_MAX, empty=False),
            "comment": checked_text(comment, "comment"),
            "mode": checked_text(mode, "mode", empty=False),
            "sep": checked_text(sep, "sep", empty=False),
        }
        if software is not None:
            body["software_id"] = model_ref(software, Software, "software")
        if person is not None:
            body["person_id"] = model_ref(person, people.Person, "person")
        if revision is not None:
            body["revision"] = checked_revision(revision)
        require_template(task.project, body["mode"], template_kind(task.entity))
        row = task.session.transport.post(f"data/tasks/{task_id}/working-files/new", body)
        working_file = task.session.repository(WorkingFile).fetch_rows([row])[0]
        after_working_file_created(task)
        return working_file

    def last_working_files(self) -> dict[str, WorkingFile]:
        """The last revision of each working file name of this task."""
        task = _alive(cast("tasks.Task", self))
        answer = task.session.transport.get(f"data/tasks/{id_of(task, 'task')}/working-files/last-revisions")
        names = list(answer)
        found = task.session.repository(WorkingFile).fetch_rows([answer[name] for name in names])
        return dict(zip(names, found))

    def last_working_file(self, name: str = "main") -> WorkingFile | None:
        """The last revision of working file ``name``, or None."""
        checked_text(name, "name", empty=False)
        return self.last_working_files().get(name)

    def build_working_file_path(
        self,
        name: str = "main",
        *,
        mode: str = "working",
        software: Software | str | None = None,
        revision: int | None = None,
        sep: str = "/",
    ) -> FilePath:
        """The path the server's file tree gives a working file of this task,
        without creating anything. ``revision=None``: the next revision of
        ``name``. ``sep`` separates the folders too.

        Pass the ``software`` the file will be made with: without one the
        server builds the path for its "3ds Max" software, while
        ``new_working_file`` defaults to "Blender". (This route of the
        server creates a "3ds Max" software if there is none, whatever is
        passed.)
        """
        task = _alive(cast("tasks.Task", self))
        task_id = id_of(task, "task")
        body: dict[str, Any] = {
            "name": checked_text(name, "name", max_length=NAME_MAX, empty=False),
            "mode": checked_text(mode, "mode", empty=False),
            "sep": checked_text(sep, "sep", empty=False),  # (gazu sends ``separator``, which this route ignores)
        }
        if software is not None:
            body["software_id"] = model_ref(software, Software, "software")
        if revision is not None:
            body["revision"] = checked_revision(revision)
        require_template(task.project, body["mode"], template_kind(task.entity))
        answer = task.session.transport.post(f"data/tasks/{task_id}/working-file-path", body)
        return FilePath(answer["path"], answer["name"], sep)


class EntityFiles:
    """Output files of an entity (mixed into :class:`~.breakdown.Entity`)."""

    def _output_routes(self) -> _OutputFileRoutes:
        entity = cast("breakdown.Entity", self)
        return _OutputFileRoutes(f"data/entities/{id_of(entity, 'entity')}", entity.session)

    def new_output_file(
        self,
        output_type: OutputType | str,
        task_type: tasks.TaskType | str,
        *,
        name: str = "main",
        comment: str = "",
        working_file: WorkingFile | str | None = None,
        person: people.Person | str | None = None,
        representation: str = "",
        extension: str = "",
        revision: int | None = None,
        nb_elements: int = 1,
        file_status: FileStatus | str | None = None,
        sep: str = "/",
    ) -> OutputFile:
        """Publish a new output file of this entity.

        With ``revision=None`` the server numbers it (last revision for this
        output type, task type and name + 1). ``path`` is built from the
        project's "output" templates (``extension`` appended); the answer
        also carries ``folder_path`` and ``file_name``. ``working_file`` is
        its source; without ``person`` the author is the logged-in user,
        without ``file_status`` the server's default status is set.
        """
        entity = _alive(cast("breakdown.Entity", self))
        routes = self._output_routes()
        body = _new_output_body(
            output_type, task_type, name, comment, working_file, person, representation, extension,
            revision, nb_elements, file_status, sep,
        )
        require_template(entity.project, "output", template_kind(entity))
        return routes.create(body, [entity], working_file)

    def find_output_files(
        self,
        *,
        output_type: OutputType | str | None = None,
        task_type: tasks.TaskType | str | None = None,
        representation: str | None = None,
        name: str | None = None,
        file_status: FileStatus | str | None = None,
    ) -> ModelList[OutputFile]:
        """This entity's output files matching every criterion given (exact
        matches), highest revision first. Asset instance files excluded."""
        _alive(cast("breakdown.Entity", self))
        params = _output_filters(output_type, task_type, representation, name, file_status)
        return self._output_routes().files(params)

    def last_output_files(
        self,
        *,
        output_type: OutputType | str | None = None,
        task_type: tasks.TaskType | str | None = None,
        representation: str | None = None,
        name: str | None = None,
        file_status: FileStatus | str | None = None,
    ) -> ModelList[OutputFile]:
        """The last revision of each (task type, output type, name,
        representation) of this entity's output files, filtered."""
        _alive(cast("breakdown.Entity", self))
        params = _output_filters(output_type, task_type, representation, name, file_status)
        return self._output_routes().last_files(params)

    def next_output_revision(
        self, output_type: OutputType | str, task_type: tasks.TaskType | str, name: str = "main"
    ) -> int:
        """The revision the next output file of this kind will get."""
        _alive(cast("breakdown.Entity", self))
        body = _output_kind(output_type, task_type, name)
        return self._output_routes().next_revision(body)

    def last_output_revision(
        self, output_type: OutputType | str, task_type: tasks.TaskType | str, name: str = "main"
    ) -> int:
        """The last revision of this kind of output file (0 when none)."""
        return self.next_output_revision(output_type, task_type, name) - 1

    def used_output_types(self) -> ModelList[OutputType]:
        """The output types of this entity's output files."""
        _alive(cast("breakdown.Entity", self))
        return self._output_routes().used_types()

    def build_output_file_path(
        self,
        output_type: OutputType | str,
        task_type: tasks.TaskType | str,
        *,
        name: str = "main",
        mode: str = "output",
        representation: str = "",
        revision: int | None = None,
        sep: str = "/",
    ) -> FilePath:
        """The path the file tree gives an output file of this entity,
        without creating anything (``sep`` separates the folders too).

        ``revision=None`` is the next revision, asked first: the server's
        path route would use revision 0 for the folder and the next one for
        the file name.
        """
        entity = _alive(cast("breakdown.Entity", self))
        routes = self._output_routes()
        body = _path_body(output_type, task_type, name, mode, representation, revision, sep)
        require_template(entity.project, body["mode"], template_kind(entity))
        return routes.file_path(body, sep)


class AssetInstanceFiles:
    """Output files of an asset instance in a shot or scene (its "temporal
    entity"); mixed into :class:`~.breakdown.AssetInstance`. The project's
    file tree needs ``instance`` templates (``instance_asset`` for an
    instance inside an asset): the server's "default" tree has none."""

    def _temporal(self, temporal_entity: breakdown.Entity | str) -> tuple[breakdown.AssetInstance, breakdown.Entity]:
        """This instance (alive, saved) and ``temporal_entity`` as an object
        (read from the server when given as an id)."""
        instance = _alive(cast("breakdown.AssetInstance", self))
        id_of(instance, "asset instance")
        entity_id = model_ref(temporal_entity, breakdown.Entity, "temporal_entity")
        if isinstance(temporal_entity, breakdown.Entity):
            return instance, temporal_entity
        return instance, instance.session.repository(breakdown.Entity).get(entity_id)

    def _instance_route(self) -> str:
        return f"data/asset-instances/{id_of(cast('breakdown.AssetInstance', self), 'asset instance')}"

    def _output_routes(self, temporal_entity: breakdown.Entity | str) -> _OutputFileRoutes:
        """The routes of this instance's output files in ``temporal_entity``."""
        instance = cast("breakdown.AssetInstance", self)
        temporal_id = model_ref(temporal_entity, breakdown.Entity, "temporal_entity")
        return _OutputFileRoutes(f"{self._instance_route()}/entities/{temporal_id}", instance.session)

    def new_output_file(
        self,
        temporal_entity: breakdown.Entity | str,
        output_type: OutputType | str,
        task_type: tasks.TaskType | str,
        *,
        name: str = "main",
        comment: str = "",
        working_file: WorkingFile | str | None = None,
        person: people.Person | str | None = None,
        representation: str = "",
        extension: str = "",
        revision: int | None = None,
        nb_elements: int = 1,
        file_status: FileStatus | str | None = None,
        sep: str = "/",
    ) -> OutputFile:
        """Publish a new output file of this instance in ``temporal_entity``
        (a shot or scene); as :meth:`EntityFiles.new_output_file`. Its
        ``entity`` is the instance's asset."""
        instance, temporal = self._temporal(temporal_entity)
        body = _new_output_body(
            output_type, task_type, name, comment, working_file, person, representation, extension,
            revision, nb_elements, file_status, sep,
        )
        require_template(temporal.project, "output", instance_template(instance))
        asset = instance.session.identity.get(breakdown.Entity, instance.asset_id)
        return self._output_routes(temporal).create(body, [asset] if asset else [], working_file)

    def find_output_files(
        self,
        temporal_entity: breakdown.Entity | str | None = None,
        *,
        output_type: OutputType | str | None = None,
        task_type: tasks.TaskType | str | None = None,
        representation: str | None = None,
        name: str | None = None,
        file_status: FileStatus | str | None = None,
    ) -> ModelList[OutputFile]:
        """This instance's output files (in ``temporal_entity`` if given)
        matching every criterion given, highest revision first."""
        instance = _alive(cast("breakdown.AssetInstance", self))
        params = _output_filters(output_type, task_type, representation, name, file_status)
        if temporal_entity is not None:
            params["temporal_entity_id"] = model_ref(temporal_entity, breakdown.Entity, "temporal_entity")
        return _OutputFileRoutes(self._instance_route(), instance.session).files(params)

    def last_output_files(
        self,
        temporal_entity: breakdown.Entity | str,
        *,
        output_type: OutputType | str | None = None,
        task_type: tasks.TaskType | str | None = None,
        representation: str | None = None,
        name: str | None = None,
        file_status: FileStatus | str | None = None,
    ) -> ModelList[OutputFile]:
        """The last revision of each kind of this instance's output files
        in ``temporal_entity``, filtered."""
        _alive(cast("breakdown.AssetInstance", self))
        params = _output_filters(output_type, task_type, representation, name, file_status)
        return self._output_routes(temporal_entity).last_files(params)

    def next_output_revision(
        self,
        temporal_entity: breakdown.Entity | str,
        output_type: OutputType | str,
        task_type: tasks.TaskType | str,
        name: str = "main",
    ) -> int:
        """The revision the next output file of this kind will get."""
        _alive(cast("breakdown.AssetInstance", self))
        body = _output_kind(output_type, task_type, name)
        return self._output_routes(temporal_entity).next_revision(body)

    def last_output_revision(
        self,
        temporal_entity: breakdown.Entity | str,
        output_type: OutputType | str,
        task_type: tasks.TaskType | str,
        name: str = "main",
    ) -> int:
        """The last revision of this kind of output file (0 when none)."""
        return self.next_output_revision(temporal_entity, output_type, task_type, name) - 1

    def used_output_types(self, temporal_entity: breakdown.Entity | str) -> ModelList[OutputType]:
        """The output types of this instance's output files in ``temporal_entity``."""
        _alive(cast("breakdown.AssetInstance", self))
        return self._output_routes(temporal_entity).used_types()

    def build_output_file_path(
        self,
        temporal_entity: breakdown.Entity | str,
        output_type: OutputType | str,
        task_type: tasks.TaskType | str,
        *,
        name: str = "main",
        mode: str = "output",
        representation: str = "",
        revision: int | None = None,
        sep: str = "/",
    ) -> FilePath:
        """The path the file tree gives an output file of this instance in
        ``temporal_entity``, without creating anything. ``revision=None`` is
        the next revision (asked first: this route uses 0 otherwise)."""
        instance, temporal = self._temporal(temporal_entity)
        body = _path_body(output_type, task_type, name, mode, representation, revision, sep)
        require_template(temporal.project, body["mode"], instance_template(instance))
        return self._output_routes(temporal).file_path(body, sep)


class ProjectFiles:
    """The file tree and output files of a project (mixed into
    :class:`~.production.Project`)."""

    def set_file_tree(self, tree: Mapping[str, Any]) -> Self:
        """Replace this project's file tree: one PUT carrying only
        ``file_tree``, after :func:`~.file_tree.check_file_tree`. Returns
        the project."""
        _alive(cast("production.Project", self))
        checked = check_file_tree(tree)
        self._put_file_tree(checked)
        return self

    def update_file_tree(self, changes: Mapping[str, Any]) -> Self:
        """Change part of this project's file tree: ``changes`` is merged
        key by key into the tree the server has now (nested dicts merge, a
        ``None`` value removes its key), then the result is checked and put
        back. ``{"working": {"root": "prod"}}`` changes one value."""
        project = _alive(cast("production.Project", self))
        if not isinstance(changes, Mapping) or not changes:
            raise errors.InvalidArgumentError(f"file tree changes must be a non-empty dict, got {changes!r}")
        project_id = id_of(project, "project")
        current = project.session.transport.get(f"data/projects/{project_id}", {"relations": "false"}).get("file_tree")
        merged = merge_tree(current if isinstance(current, dict) else {}, changes)
        self._put_file_tree(check_file_tree(merged))
        return self

    def _put_file_tree(self, tree: dict[str, Any]) -> None:
        project = cast("production.Project", self)
        project_id = id_of(project, "project")
        row = project.session.transport.put(f"data/projects/{project_id}", {"file_tree": tree})
        project._dirty_fields().discard("file_tree")
        if isinstance(row, dict) and "file_tree" in row:
            project.session.repository(production.Project).fetch_rows([row])
        else:
            project.__dict__["file_tree"] = tree

    def find_output_files(
        self,
        *,
        output_type: OutputType | str | None = None,
        task_type: tasks.TaskType | str | None = None,
        representation: str | None = None,
        name: str | None = None,
        file_status: FileStatus | str | None = None,
    ) -> ModelList[OutputFile]:
        """The output files of this project's entities (not of asset
        instances) matching every criterion given, newest first. The server
        serves this list to managers of the project only."""
        project = _alive(cast("production.Project", self))
        params = _output_filters(output_type, task_type, representation, name, file_status)
        return _OutputFileRoutes(f"data/projects/{id_of(project, 'project')}", project.session).files(params)


# The sibling modules import this one for its mixins: imported last.
from . import breakdown, people, production, tasks  # noqa: E402
