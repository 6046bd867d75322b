"""What tasks, entities, asset instances and projects do with files.

- :class:`TaskFiles` (mixed into ``Task``): working files.
- :class:`OutputFileOperations`: output files of one owner, through one
  set of routes (:class:`OutputRoutes`). An entity is one such owner
  (``Entity`` inherits it); an asset instance in a shot or scene (its
  "temporal entity") is another, reached through
  ``instance.output_files_in(shot)``. The server serves both sets alike.
- :class:`ProjectFiles` (mixed into ``Project``): the file tree, and the
  output files of a whole project.

The models these operations create are in :mod:`.files`; they are reached
through the model registry, so this module imports no model module and the
model modules may be imported in any order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from typing_extensions import Self, TypedDict, Unpack

from .. import catalogue as api
from .. import errors
from ..checks import EXTENSION_MAX, NAME_MAX, REPRESENTATION_MAX, checked_revision, checked_text, positive_int
from ..ids import id_of
from ..orm.base import KitsuModel
from ..orm.state import state_of
from ..orm.registry import ModelRef
from ..routes import Endpoint
from .file_tree import FilePath, check_file_tree, instance_template, merge_tree, require_template, template_kind

if TYPE_CHECKING:
    from ..orm.collection import ModelList
    from ..orm.session_api import Session
    from .breakdown import AssetInstance, Entity
    from .files import FileStatus, OutputFile, OutputType, Software, WorkingFile
    from .people import Person
    from .production import Project
    from .tasks import Task, TaskType

_ENTITY: ModelRef[Entity] = ModelRef("Entity")
_TASK: ModelRef[Task] = ModelRef("Task")
_TASK_TYPE: ModelRef[TaskType] = ModelRef("TaskType")
_PERSON: ModelRef[Person] = ModelRef("Person")
_SOFTWARE: ModelRef[Software] = ModelRef("Software")
_OUTPUT_TYPE: ModelRef[OutputType] = ModelRef("OutputType")
_FILE_STATUS: ModelRef[FileStatus] = ModelRef("FileStatus")
_WORKING_FILE: ModelRef[WorkingFile] = ModelRef("WorkingFile")
_OUTPUT_FILE: ModelRef[OutputFile] = ModelRef("OutputFile")


class OutputFileFilters(TypedDict, total=False):
    """The optional filters of the output file lists (exact matches)."""

    output_type: OutputType | str
    task_type: TaskType | str
    representation: str
    name: str
    file_status: FileStatus | str


# ----------------------------------------------------------- request bodies
def _filter_params(filters: OutputFileFilters) -> dict[str, str]:
    """The query of the output file list routes."""
    unknown = set(filters) - OutputFileFilters.__optional_keys__
    if unknown:
        raise errors.InvalidArgumentError(f"unknown output file filter(s): {', '.join(sorted(unknown))}")
    params: dict[str, str] = {}
    if (output_type := filters.get("output_type")) is not None:
        params["output_type_id"] = id_of(output_type, _OUTPUT_TYPE(), "output_type")
    if (task_type := filters.get("task_type")) is not None:
        params["task_type_id"] = id_of(task_type, _TASK_TYPE(), "task_type")
    for key, limit in (("representation", REPRESENTATION_MAX), ("name", NAME_MAX)):
        value = filters.get(key)
        if value is not None:
            params[key] = checked_text(value, key, max_length=limit, empty=False)
    if (file_status := filters.get("file_status")) is not None:
        params["file_status_id"] = id_of(file_status, _FILE_STATUS(), "file_status")
    return params


def _output_kind(output_type: OutputType | str, task_type: TaskType | str, name: str) -> dict[str, Any]:
    """What names a kind of output file (a revision counts within it)."""
    return {
        "output_type_id": id_of(output_type, _OUTPUT_TYPE(), "output_type"),
        "task_type_id": id_of(task_type, _TASK_TYPE(), "task_type"),
        "name": checked_text(name, "name", max_length=NAME_MAX, empty=False),
    }


def _optional_ids(**values: tuple[Any, ModelRef[Any]]) -> dict[str, str]:
    """``{key: id}`` for each given (value, model) pair whose value is set."""
    return {key: id_of(value, ref(), key) for key, (value, ref) in values.items() if value is not None}


# ----------------------------------------------------------- output files
@dataclass(frozen=True)
class OutputRoutes:
    """The routes of one kind of output file owner (catalogue endpoints)."""

    new: Endpoint
    listing: Endpoint
    last_revisions: Endpoint
    next_revision: Endpoint
    file_path: Endpoint
    output_types: Endpoint


ENTITY_OUTPUTS = OutputRoutes(
    api.NEW_ENTITY_OUTPUT_FILE, api.ENTITY_OUTPUT_FILES, api.ENTITY_LAST_OUTPUT_FILES, api.ENTITY_NEXT_REVISION,
    api.ENTITY_OUTPUT_PATH, api.ENTITY_OUTPUT_TYPES,
)
INSTANCE_OUTPUTS = OutputRoutes(
    api.NEW_INSTANCE_OUTPUT_FILE, api.INSTANCE_OUTPUT_FILES, api.INSTANCE_LAST_OUTPUT_FILES,
    api.INSTANCE_NEXT_REVISION, api.INSTANCE_OUTPUT_PATH, api.INSTANCE_OUTPUT_TYPES,
)


@dataclass(frozen=True)
class OutputScope:
    """Where one owner's output files live: ``routes`` filled with ``ids``;
    the listing takes ``listing_params`` too. ``project`` and ``template``
    are checked for the file tree; ``owners`` have ``output_files`` lists to
    drop after a creation."""

    session: Session
    routes: OutputRoutes
    ids: dict[str, KitsuModel]
    project: Project
    template: str
    owners: tuple[KitsuModel, ...] = ()
    listing_params: dict[str, str] = field(default_factory=dict)

    def path(self, endpoint: Endpoint) -> str:
        """``endpoint`` filled with this owner's ids."""
        return endpoint.fill(**{name: self.ids[name] for name in endpoint.placeholders})


class OutputFileOperations:
    """Output files of one owner (see :class:`OutputScope`): an entity's
    own, or an asset instance's in one shot or scene."""

    def _output_scope(self) -> OutputScope:
        raise NotImplementedError

    def new_output_file(
        self,
        output_type: OutputType | str,
        task_type: TaskType | str,
        *,
        name: str = "main",
        comment: str = "",
        working_file: WorkingFile | str | None = None,
        person: Person | str | None = None,
        representation: str = "",
        extension: str = "",
        revision: int | None = None,
        nb_elements: int = 1,
        file_status: FileStatus | str | None = None,
        sep: str = "/",
    ) -> OutputFile:
        """Publish a new output file.

        With ``revision=None`` the server numbers it (last revision for this
        output type, task type and name + 1). ``path`` is built from the
        project's "output" templates (``extension`` appended); the answer
        also carries ``folder_path`` and ``file_name``. ``working_file`` is
        its source; without ``person`` the author is the logged-in user,
        without ``file_status`` the server's default status is set. The
        ``output_files`` lists loaded on the owner and the source are dropped.
        """
        body: dict[str, Any] = {
            **_output_kind(output_type, task_type, name),
            "comment": checked_text(comment, "comment"),
            "representation": checked_text(representation, "representation", max_length=REPRESENTATION_MAX),
            "extension": checked_text(extension, "extension", max_length=EXTENSION_MAX),
            "nb_elements": positive_int(nb_elements, "nb_elements"),
            "sep": checked_text(sep, "sep", empty=False),
            **_optional_ids(
                working_file_id=(working_file, _WORKING_FILE),
                person_id=(person, _PERSON),
                file_status_id=(file_status, _FILE_STATUS),
            ),
        }
        if revision is not None:
            body["revision"] = checked_revision(revision)
        scope = self._output_scope()
        require_template(scope.project, "output", scope.template)
        row = scope.session.transport.post(scope.path(scope.routes.new), body)
        output_file = scope.session.repository(_OUTPUT_FILE()).materialize([row], owned=True)[0]
        source = scope.session.identity.get(_WORKING_FILE(), body.get("working_file_id", ""))
        for owner in (*scope.owners, *([source] if source is not None else [])):
            relation = getattr(type(owner), "output_files", None)
            if relation is not None:
                relation.forget(owner)
        return output_file

    def find_output_files(self, **filters: Unpack[OutputFileFilters]) -> ModelList[OutputFile]:
        """The output files matching every filter given, highest revision first."""
        scope = self._output_scope()
        params = {**scope.listing_params, **_filter_params(filters)}
        return scope.session.repository(_OUTPUT_FILE()).load_route(scope.path(scope.routes.listing), params)

    def last_output_files(self, **filters: Unpack[OutputFileFilters]) -> ModelList[OutputFile]:
        """The last revision of each (task type, output type, name,
        representation) of the output files matching the filters."""
        scope = self._output_scope()
        route = scope.path(scope.routes.last_revisions)
        return scope.session.repository(_OUTPUT_FILE()).load_route(route, _filter_params(filters))

    def next_output_revision(self, output_type: OutputType | str, task_type: TaskType | str, name: str = "main") -> int:
        """The revision the next output file of this kind will get."""
        return self._next_revision(self._output_scope(), _output_kind(output_type, task_type, name))

    def last_output_revision(self, output_type: OutputType | str, task_type: TaskType | str, name: str = "main") -> int:
        """The last revision of this kind of output file (0 when none)."""
        return self.next_output_revision(output_type, task_type, name) - 1

    def used_output_types(self) -> ModelList[OutputType]:
        """The output types of these output files."""
        scope = self._output_scope()
        return scope.session.repository(_OUTPUT_TYPE()).load_route(scope.path(scope.routes.output_types))

    def build_output_file_path(
        self,
        output_type: OutputType | str,
        task_type: TaskType | str,
        *,
        name: str = "main",
        mode: str = "output",
        representation: str = "",
        revision: int | None = None,
        sep: str = "/",
    ) -> FilePath:
        """The path the file tree gives such an output file, without
        creating anything (``sep`` separates the folders too).

        ``revision=None`` is the next revision, asked first: the server's
        path route would use revision 0 for the folder and the next one for
        the file name.
        """
        body: dict[str, Any] = {
            **_output_kind(output_type, task_type, name),
            "mode": checked_text(mode, "mode", empty=False),
            "representation": checked_text(representation, "representation", max_length=REPRESENTATION_MAX),
            "separator": checked_text(sep, "sep", empty=False),  # this route's name for it
        }
        if revision is not None:
            body["revision"] = checked_revision(revision)
        scope = self._output_scope()
        require_template(scope.project, body["mode"], scope.template)
        if "revision" not in body:
            kind = {key: body[key] for key in ("output_type_id", "task_type_id", "name")}
            body["revision"] = self._next_revision(scope, kind)
        answer = scope.session.transport.post(scope.path(scope.routes.file_path), body)
        return FilePath(answer["folder_path"], answer["file_name"], sep)

    @staticmethod
    def _next_revision(scope: OutputScope, kind: dict[str, Any]) -> int:
        return int(scope.session.transport.post(scope.path(scope.routes.next_revision), kind)["next_revision"])


class EntityFiles(OutputFileOperations):
    """An entity's own output files (mixed into :class:`~.breakdown.Entity`;
    its asset instances' files are not among them)."""

    def _output_scope(self) -> OutputScope:
        entity = cast("Entity", self)
        entity._check_alive()
        return OutputScope(
            entity.session, ENTITY_OUTPUTS, {"entity_id": entity}, entity.project, template_kind(entity), (entity,)
        )


class InstanceOutputFiles(OutputFileOperations):
    """The output files of an asset instance in one shot or scene: what
    ``instance.output_files_in(temporal_entity)`` returns. The project's
    file tree needs ``instance`` templates (``instance_asset`` for an
    instance inside an asset): the server's "default" tree has none."""

    def __init__(self, instance: AssetInstance, temporal_entity: Entity | str) -> None:
        instance._check_alive()
        self.instance = instance
        entity_id = id_of(temporal_entity, _ENTITY(), "temporal_entity")
        self.temporal_entity: Entity = (
            temporal_entity
            if isinstance(temporal_entity, KitsuModel)
            else instance.session.repository(_ENTITY()).get(entity_id)
        )

    def _output_scope(self) -> OutputScope:
        instance, temporal = self.instance, self.temporal_entity
        instance._check_alive()
        asset = instance.session.identity.get(_ENTITY(), instance.asset_id)
        return OutputScope(
            instance.session,
            INSTANCE_OUTPUTS,
            {"asset_instance_id": instance, "temporal_entity_id": temporal},
            temporal.project,
            instance_template(instance),
            (asset,) if asset is not None else (),
            {"temporal_entity_id": temporal.id},
        )


class InstanceFiles:
    """Output files of an asset instance (mixed into
    :class:`~.breakdown.AssetInstance`)."""

    def output_files_in(self, temporal_entity: Entity | str) -> InstanceOutputFiles:
        """This instance's output files in ``temporal_entity`` (a shot or a
        scene, or its id): ``instance.output_files_in(shot).new_output_file(...)``."""
        return InstanceOutputFiles(cast("AssetInstance", self), temporal_entity)

    def find_output_files(self, **filters: Unpack[OutputFileFilters]) -> ModelList[OutputFile]:
        """This instance's output files in every shot or scene, matching
        every filter given, highest revision first."""
        instance = cast("AssetInstance", self)
        instance._check_alive()
        route = api.INSTANCE_OUTPUT_FILES.fill(asset_instance_id=instance)
        return instance.session.repository(_OUTPUT_FILE()).load_route(route, _filter_params(filters))


# ------------------------------------------------------------ working files
class TaskFiles:
    """Working files of a task (mixed into :class:`~.tasks.Task`)."""

    def _working_body(
        self, name: str, mode: str, sep: str, software: Software | str | None, revision: int | None
    ) -> tuple[Task, dict[str, Any]]:
        """This task (alive, its file tree checked for ``mode``) and the
        keys both working file routes take."""
        task = cast("Task", self)
        task._check_alive()
        body: dict[str, Any] = {
            "name": checked_text(name, "name", max_length=NAME_MAX, empty=False),
            "mode": checked_text(mode, "mode", empty=False),
            "sep": checked_text(sep, "sep", empty=False),
            **_optional_ids(software_id=(software, _SOFTWARE)),
        }
        if revision is not None:
            body["revision"] = checked_revision(revision)
        require_template(task.project, body["mode"], template_kind(task.entity))
        return task, body

    def new_working_file(
        self,
        name: str = "main",
        *,
        software: Software | str | None = None,
        comment: str = "",
        person: Person | str | None = None,
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
        comment = checked_text(comment, "comment")
        person_id = _optional_ids(person_id=(person, _PERSON))
        task, body = self._working_body(name, mode, sep, software, revision)
        route = api.NEW_WORKING_FILE.fill(task_id=task)
        row = task.session.transport.post(route, {**body, "comment": comment, **person_id})
        working_file = task.session.repository(_WORKING_FILE()).materialize([row], owned=True)[0]
        after_working_file_created(task)
        return working_file

    def last_working_files(self) -> dict[str, WorkingFile]:
        """The last revision of each working file name of this task."""
        task = cast("Task", self)
        task._check_alive()
        answer = task.session.transport.get(api.TASK_LAST_WORKING_FILES.fill(task_id=task))
        names = list(answer)
        found = task.session.repository(_WORKING_FILE()).materialize([answer[name] for name in names], owned=True)
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
        passed; gazu sends ``separator``, which this route ignores.)
        """
        task, body = self._working_body(name, mode, sep, software, revision)
        answer = task.session.transport.post(api.WORKING_FILE_PATH.fill(task_id=task), body)
        return FilePath(answer["path"], answer["name"], sep)


def after_working_file_created(task: Task) -> None:
    """After a working file was created for ``task``: the working file lists
    loaded on the task and its entity are dropped (read again on next use),
    and the task is reloaded if the server assigned the logged-in user to
    it (it does on every creation)."""
    session = task.session
    type(task).working_files.forget(task)
    entity = session.identity.get(_ENTITY(), task.entity_id)
    if entity is not None:
        type(entity).working_files.forget(entity)
    if session.me.id not in (task.assignee_ids or []):
        session.repository(type(task)).load(id_of(task, what="task id"))


# ------------------------------------------------------------------ projects
class ProjectFiles:
    """The file tree and output files of a project (mixed into
    :class:`~.production.Project`)."""

    def set_file_tree(self, tree: Mapping[str, Any]) -> Self:
        """Replace this project's file tree: one PUT carrying only
        ``file_tree``, after :func:`~.file_tree.check_file_tree`. Returns
        the project."""
        cast("Project", self)._check_alive()
        self._put_file_tree(check_file_tree(tree))
        return self

    def update_file_tree(self, changes: Mapping[str, Any]) -> Self:
        """Change part of this project's file tree: ``changes`` is merged
        key by key into the tree the server has now (nested dicts merge, a
        ``None`` value removes its key), then the result is checked and put
        back. ``{"working": {"root": "prod"}}`` changes one value."""
        project = cast("Project", self)
        project._check_alive()
        if not isinstance(changes, Mapping) or not changes:
            raise errors.InvalidArgumentError(f"file tree changes must be a non-empty dict, got {changes!r}")
        item = api.PROJECT.fill(project_id=project)
        current = project.session.transport.get(item, {"relations": "false"}).get("file_tree")
        merged = merge_tree(current if isinstance(current, dict) else {}, changes)
        self._put_file_tree(check_file_tree(merged))
        return self

    def _put_file_tree(self, tree: dict[str, Any]) -> None:
        project = cast("Project", self)
        row = project.session.transport.put(api.PROJECT.fill(project_id=project), {"file_tree": tree})
        state_of(project).mark_unchanged("file_tree")
        if isinstance(row, dict) and "file_tree" in row:
            project.session.repository(type(project)).materialize([row], owned=True)
        else:
            project._set_synced("file_tree", tree)

    def find_output_files(self, **filters: Unpack[OutputFileFilters]) -> ModelList[OutputFile]:
        """The output files of this project's entities (not of asset
        instances) matching every filter given, newest first. The server
        serves this list to managers of the project only."""
        project = cast("Project", self)
        project._check_alive()
        route = api.PROJECT_OUTPUT_FILES.fill(project_id=project)
        return project.session.repository(_OUTPUT_FILE()).load_route(route, _filter_params(filters))
