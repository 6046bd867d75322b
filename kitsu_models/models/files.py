"""Files: Software, OutputType, FileStatus, WorkingFile, OutputFile, and the
project file tree that names them.

A *working file* is a DCC scene saved while working on a task (revision 1,
2, ...); an *output file* is what an entity publishes (a cache, a render),
by output type and task type, optionally from a working file. The server
computes every path from the project's file tree (``project.file_tree``)::

    project.set_file_tree(tree)                  # PUT {"file_tree": tree}
    work = task.new_working_file("main", software=blender, comment="blocking")
    work.revision, work.path                     # 1, "/prod/..." (the server's)
    task.last_working_files()["main"]            # the last revision per name
    cache = asset.new_output_file(alembic, modeling, working_file=work)
    asset.find_output_files(output_type=alembic)
    asset.build_output_file_path(alembic, modeling).path

The operations live in mixins (``TaskFiles``, ``EntityFiles``,
``AssetInstanceFiles``, ``ProjectFiles``) that ``Task``, ``Entity``,
``AssetInstance`` and ``Project`` inherit. Every argument is checked before
any request (:class:`~kitsu_models.errors.InvalidArgumentError`), including
that the project's file tree has the template a call needs: the server
answers such calls with a 400 or a 500 and, for output files, leaves a row
without a path behind.

This module defines everything before importing its sibling modules (at the
bottom): ``tasks``, ``breakdown`` and ``production`` need the mixins while
they are being imported.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from pydantic import Field
from typing_extensions import Self

from .. import errors
from ..routes import Route
from ..streaming import ProgressCallback, StrPath
from .base import KitsuModel, computed
from .relations import MaybeToOne, ToMany, ToOne

if TYPE_CHECKING:
    from ..collection import ModelList
    from ..session import Kitsu

ValidationStatus = Literal["validated", "rejected", "neutral"]
Quality = Literal["low", "mid", "high"]

#: Column sizes of the server (longer values fail in the database).
NAME_MAX = 250
REPRESENTATION_MAX = 20
EXTENSION_MAX = 10
#: The parts of one mode of a file tree (``"working"``, ``"output"``...).
MODE_KEYS = ("mountpoint", "root", "folder_path", "file_name")


# ------------------------------------------------------------------ models
class Software(KitsuModel):
    """A DCC tool (Blender, Maya...): working files say which made them."""

    __route__ = Route("data/softwares")

    name: str
    short_name: str
    file_extension: str
    archived: bool | None = None
    version: str | None = None
    secondary_extensions: list[str] | None = None
    monthly_cost: int | None = None
    inventory_amount: int | None = None


class OutputType(KitsuModel):
    """A kind of output file (Cache, Geometry, Render...)."""

    __route__ = Route("data/output-types")

    name: str
    short_name: str


class FileStatus(KitsuModel):
    """The status of an output file. The server gives new output files its
    default status ("To review", created on first use) unless told."""

    __route__ = Route("data/file-status")

    name: str
    color: str


class WorkingFile(KitsuModel):
    """One revision of a file worked on for a task.

    Create them with :meth:`TaskFiles.new_working_file` (``task.new_working_file``):
    the server picks the next revision of the name and builds ``path`` from
    the project's file tree. ``save()`` of a new ``WorkingFile(task_id=...)``
    uses the same route.
    """

    __route__ = Route(
        "data/working-files",
        create="data/tasks/{task_id}/working-files/new",
        # (the route reads ``description`` but never stores it)
        create_fields=("name", "comment", "person_id", "software_id", "revision"),
        merges_data=False,
    )

    name: str = "main"
    description: str | None = None
    comment: str | None = None
    revision: int | None = None
    size: int | None = None
    checksum: int | None = None  # an Integer column for working files
    path: str | None = None
    data: dict[str, Any] | None = None
    validation_status: ValidationStatus | None = None
    shotgun_id: int | None = None
    task_id: str | None = None
    entity_id: str | None = None
    person_id: str | None = None
    software_id: str | None = None
    # On data/working-files/{id} only, and stale there (the server caches
    # that route): ``output_files`` asks the server instead.
    output_ids: list[str] | None = Field(default=None, alias="outputs", frozen=True)

    task = MaybeToOne(lambda: tasks.Task, "task_id")
    entity = MaybeToOne(lambda: breakdown.Entity, "entity_id")
    person = MaybeToOne(lambda: people.Person, "person_id")
    software = MaybeToOne(lambda: Software, "software_id")
    #: The output files published from this working file.
    output_files = ToMany(lambda: OutputFile, foreign_key="source_file_id")

    def save(self, session: Kitsu | None = None) -> Self:
        """As ``KitsuModel.save``; a new working file is checked first (its
        task, and the file tree template the server will need)."""
        if self.id:
            return super().save(session)
        if not self.task_id:
            raise errors.InvalidArgumentError("a new WorkingFile needs its task_id (or use task.new_working_file)")
        if self.revision is not None:
            _revision(self.revision)
        task = _session_of(self, session).repository(tasks.Task).get(_checked_id(self.task_id, "task"))
        require_template(task.project, "working", template_kind(task.entity))
        super().save(session)
        _working_file_created(task)
        return self

    def download(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Stream the stored content of this working file into the file
        ``target``; ``progress(bytes done, total)`` follows it.

        The file appears only once complete (a temporary file is renamed).
        Raises :class:`~kitsu_models.errors.NotFoundError` when no content
        was uploaded for it. Returns the path written.
        """
        self._check_alive()
        object_id = _id_of(self, "working file")
        path = _target_path(target)
        self.session.transport.download(f"data/working-files/{object_id}/file", path, progress=progress)
        return path

    def upload(self, source: StrPath, progress: ProgressCallback | None = None) -> Self:
        """Store the content of the file ``source`` for this working file
        (read from disk as it is sent; ``progress(bytes sent, total)``)."""
        self._check_alive()
        object_id = _id_of(self, "working file")
        path = Path(source)
        if not path.is_file():
            raise errors.InvalidArgumentError(f"{path} is not a file to upload")
        row = self.session.transport.upload(
            f"data/working-files/{object_id}/file", [("file", path)], progress=progress
        )
        if isinstance(row, dict):
            self.session.repository(WorkingFile).fetch_rows([row])
        return self

    def mark_modified(self) -> Self:
        """Tell the server the file changed now (its ``updated_at``)."""
        self._check_alive()
        object_id = _id_of(self, "working file")
        row = self.session.transport.put(f"actions/working-files/{object_id}/modified", {})
        if isinstance(row, dict):
            self.session.repository(WorkingFile).fetch_rows([row])
        return self


class OutputFile(KitsuModel):
    """One revision of a file an entity (or an asset instance in a shot or
    scene) publishes, by output type, task type, name and representation.

    Create them with :meth:`EntityFiles.new_output_file`
    (``asset.new_output_file``) or :meth:`AssetInstanceFiles.new_output_file`:
    the server numbers the revision and builds ``path`` from the file tree.
    """

    __route__ = Route(
        "data/output-files",
        create="data/entities/{entity_id}/output-files/new",
        create_fields=(
            "name", "comment", "revision", "representation", "extension", "nb_elements",
            "output_type_id", "task_type_id", "person_id", "file_status_id", "source_file_id",
        ),
        create_renames={"source_file_id": "working_file_id"},
        merges_data=False,
    )

    name: str = "main"
    revision: int = 0  # 0 on a new object: the server picks the next one
    comment: str | None = None
    description: str | None = None
    representation: str | None = None
    extension: str | None = None
    nb_elements: int | None = None
    canceled: bool | None = None
    size: int | None = None
    checksum: str | None = None
    source: str | None = None
    path: str | None = None
    data: dict[str, Any] | None = None
    quality: Quality | None = None
    shotgun_id: int | None = None
    file_status_id: str | None = None  # the server's default status if unset
    entity_id: str | None = None
    asset_instance_id: str | None = None
    temporal_entity_id: str | None = None
    output_type_id: str | None = None
    task_type_id: str | None = None
    person_id: str | None = None
    source_file_id: str | None = None
    # In the answer of a creation only.
    folder_path: str | None = computed()
    file_name: str | None = computed()
    # Every row also carries ``source_file``, the working file as a dict:
    # kept as an extra, the ``source_file`` relation stands in front of it.

    output_type = MaybeToOne(lambda: OutputType, "output_type_id")
    file_status = ToOne(lambda: FileStatus, "file_status_id")
    entity = MaybeToOne(lambda: breakdown.Entity, "entity_id")
    asset_instance = MaybeToOne(lambda: breakdown.AssetInstance, "asset_instance_id")
    temporal_entity = MaybeToOne(lambda: breakdown.Entity, "temporal_entity_id")
    task_type = MaybeToOne(lambda: tasks.TaskType, "task_type_id")
    person = MaybeToOne(lambda: people.Person, "person_id")
    source_file = MaybeToOne(lambda: WorkingFile, "source_file_id")

    def _creation_route(self) -> Route:
        if self.asset_instance_id:
            return _INSTANCE_OUTPUT_ROUTE
        return type(self).__route__

    def save(self, session: Kitsu | None = None) -> Self:
        """As ``KitsuModel.save``; a new output file is checked first (its
        links, and the file tree template the server will need)."""
        if not self.id:
            self._check_new(session)
        return super().save(session)

    def _check_new(self, session: Kitsu | None) -> None:
        session = _session_of(self, session)
        for field in ("entity_id", "output_type_id", "task_type_id"):
            if not getattr(self, field):
                raise errors.InvalidArgumentError(f"a new OutputFile needs its {field}")
        if self.revision != 0:  # 0: the server picks the next one
            _revision(self.revision)
        if self.asset_instance_id:
            if not self.temporal_entity_id:
                raise errors.InvalidArgumentError("an asset instance's OutputFile needs its temporal_entity_id")
            instance = session.repository(breakdown.AssetInstance).get(self.asset_instance_id)
            temporal = session.repository(breakdown.Entity).get(self.temporal_entity_id)
            require_template(temporal.project, "output", instance_template(instance))
        else:
            entity = session.repository(breakdown.Entity).get(_checked_id(self.entity_id, "entity"))
            require_template(entity.project, "output", template_kind(entity))


_INSTANCE_OUTPUT_ROUTE = Route(
    "data/output-files",
    create="data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-files/new",
    create_fields=OutputFile.__route__.create_fields,
    create_renames={"source_file_id": "working_file_id"},
)


# ------------------------------------------------------------------- paths
@dataclass(frozen=True)
class FilePath:
    """A path the server built from the file tree: a folder and a file
    name (without extension), joined with ``sep``.

    ``str(path)`` and ``os.fspath(path)`` give :attr:`path`.
    """

    folder_path: str
    file_name: str
    sep: str = "/"

    @property
    def path(self) -> str:
        """Folder and name joined as the server joins them (it stores
        ``folder_path + sep + file_name`` on the files it creates)."""
        return f"{self.folder_path}{self.sep}{self.file_name}"

    def __str__(self) -> str:
        return self.path

    def __fspath__(self) -> str:
        return self.path


# --------------------------------------------------------------- file tree
def check_file_tree(tree: Mapping[str, Any]) -> dict[str, Any]:
    """``tree`` as a JSON dict, or InvalidArgumentError if it is not shaped
    like a file tree: one section per mode (``"working"``, ``"output"``...),
    each with a ``mountpoint`` and a ``root`` (strings) and ``folder_path``
    and ``file_name`` templates by entity kind (``"shot"``, ``"asset"``...).

    (The server stores whatever it is sent, even a string; the mistake
    would only show when a path is built.)
    """
    if not isinstance(tree, Mapping) or not tree:
        raise errors.InvalidArgumentError(f"a file tree is a non-empty dict of modes, got {tree!r}")
    for mode, section in tree.items():
        if not isinstance(mode, str) or not mode:
            raise errors.InvalidArgumentError(f"file tree modes are names, got {mode!r}")
        if not isinstance(section, Mapping):
            raise errors.InvalidArgumentError(f"file tree mode {mode!r} must be a dict, got {section!r}")
        missing = [key for key in MODE_KEYS if key not in section]
        if missing:
            raise errors.InvalidArgumentError(f"file tree mode {mode!r} lacks {', '.join(missing)}")
        for key in ("mountpoint", "root"):
            if not isinstance(section[key], str):
                raise errors.InvalidArgumentError(f"file tree {mode}.{key} must be a string")
        for key in ("folder_path", "file_name"):
            templates = section[key]
            if not isinstance(templates, Mapping) or not all(
                isinstance(kind, str) and isinstance(template, str) for kind, template in templates.items()
            ):
                raise errors.InvalidArgumentError(f"file tree {mode}.{key} must map entity kinds to templates")
    try:
        copied: dict[str, Any] = json.loads(json.dumps(tree))
    except (TypeError, ValueError) as exc:
        raise errors.InvalidArgumentError(f"a file tree must be JSON: {exc}") from None
    return copied


def template_problem(tree: Any, mode: str, kind: str) -> str | None:
    """Why ``tree`` cannot build a ``mode`` path for an entity ``kind``
    (``"shot"``, ``"asset"``, ``"instance"``...), or None if it can."""
    if not isinstance(tree, Mapping) or not tree:
        return "has no file tree"
    section = tree.get(mode)
    if not isinstance(section, Mapping):
        return f"has no {mode!r} mode in its file tree"
    for key in ("mountpoint", "root"):
        if key not in section:
            return f"has no {mode}.{key} in its file tree"
    for key in ("folder_path", "file_name"):
        templates = section.get(key)
        if not isinstance(templates, Mapping) or kind not in templates:
            return f"has no {mode}.{key}.{kind} template in its file tree"
    return None


def require_template(project: production.Project, mode: str, kind: str) -> None:
    """Raise InvalidArgumentError unless the project's file tree has the
    ``mode`` templates for ``kind``. The project's tree is read again from
    the server first when the loaded one lacks them (another session may
    have set it since)."""
    problem = template_problem(project.file_tree, mode, kind)
    if problem is not None and project.id and not project.is_deleted:
        row = project.session.transport.get(f"data/projects/{project.id}", {"relations": "false"})
        project.session.repository(production.Project).fetch_rows([row])
        problem = template_problem(project.file_tree, mode, kind)
    if problem is not None:
        raise errors.InvalidArgumentError(
            f"project {project.name!r} {problem}: set one with project.set_file_tree(...)"
        )


def template_kind(entity: breakdown.Entity) -> str:
    """The file tree templates the server uses for ``entity``: those of its
    kind for shots, sequences, scenes and episodes, the asset ones else."""
    for cls, kind in (
        (breakdown.Shot, "shot"),
        (breakdown.Sequence, "sequence"),
        (breakdown.Scene, "scene"),
        (breakdown.Episode, "episode"),
    ):
        if isinstance(entity, cls):
            return kind
    return "asset"


def instance_template(instance: breakdown.AssetInstance) -> str:
    """The templates of an asset instance: ``instance_asset`` for an instance
    inside an asset, ``instance`` for one in a scene."""
    return "instance_asset" if instance.target_asset_id else "instance"


# ------------------------------------------------------------------ checks
def _session_of(obj: KitsuModel, session: Kitsu | None) -> Kitsu:
    """The session a new object is saved in (as ``KitsuModel.save`` picks it)."""
    if session is not None:
        return session
    if getattr(obj, "_kitsu_origin", None) is not None:
        return obj.session
    from ..session import default_session

    return default_session()


def _checked_id(value: Any, what: str) -> str:
    from ..repository import check_id

    return check_id(value, f"{what} id")


def _id_of(obj: KitsuModel, what: str) -> str:
    return _checked_id(obj.id, what)


def _ref(value: Any, model: type[KitsuModel], what: str) -> str:
    """The id of ``value``, a ``model`` object or an id string."""
    if isinstance(value, KitsuModel):
        if not isinstance(value, model):
            raise errors.InvalidArgumentError(
                f"{what} must be a {model.__name__} or its id, got a {type(value).__name__}"
            )
        value._check_alive()
    return _checked_id(value, what)


def _text(value: Any, what: str, *, max_length: int | None = None, empty: bool = True) -> str:
    if not isinstance(value, str):
        raise errors.InvalidArgumentError(f"{what} must be a string, got {value!r}")
    if not empty and not value:
        raise errors.InvalidArgumentError(f"{what} must not be empty")
    if max_length is not None and len(value) > max_length:
        raise errors.InvalidArgumentError(f"{what} is limited to {max_length} characters, got {len(value)}")
    return value


def _positive(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.InvalidArgumentError(f"{what} must be a positive integer, got {value!r}")
    return value


def _revision(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise errors.InvalidArgumentError(
            f"revision must be a positive integer (or None: the server picks the next one), got {value!r}"
        )
    return value


def _target_path(target: StrPath) -> Path:
    if not isinstance(target, (str, Path)) and not hasattr(target, "__fspath__"):
        raise errors.InvalidArgumentError(f"target must be a file path, got {target!r}")
    path = Path(target)
    if not str(target) or path.is_dir():
        raise errors.InvalidArgumentError(f"target must be a file path, {str(target)!r} is not")
    return path


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
        params["output_type_id"] = _ref(output_type, OutputType, "output_type")
    if task_type is not None:
        params["task_type_id"] = _ref(task_type, tasks.TaskType, "task_type")
    if representation is not None:
        params["representation"] = _text(representation, "representation", max_length=REPRESENTATION_MAX, empty=False)
    if name is not None:
        params["name"] = _text(name, "name", max_length=NAME_MAX, empty=False)
    if file_status is not None:
        params["file_status_id"] = _ref(file_status, FileStatus, "file_status")
    return params


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
        "output_type_id": _ref(output_type, OutputType, "output_type"),
        "task_type_id": _ref(task_type, tasks.TaskType, "task_type"),
        "name": _text(name, "name", max_length=NAME_MAX, empty=False),
        "comment": _text(comment, "comment"),
        "representation": _text(representation, "representation", max_length=REPRESENTATION_MAX),
        "extension": _text(extension, "extension", max_length=EXTENSION_MAX),
        "nb_elements": _positive(nb_elements, "nb_elements"),
        "sep": _text(sep, "sep", empty=False),
    }
    if revision is not None:
        body["revision"] = _revision(revision)
    if working_file is not None:
        body["working_file_id"] = _ref(working_file, WorkingFile, "working_file")
    if person is not None:
        body["person_id"] = _ref(person, people.Person, "person")
    if file_status is not None:
        body["file_status_id"] = _ref(file_status, FileStatus, "file_status")
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
        "output_type_id": _ref(output_type, OutputType, "output_type"),
        "task_type_id": _ref(task_type, tasks.TaskType, "task_type"),
        "name": _text(name, "name", max_length=NAME_MAX, empty=False),
        "mode": _text(mode, "mode", empty=False),
        "representation": _text(representation, "representation", max_length=REPRESENTATION_MAX),
        "separator": _text(sep, "sep", empty=False),  # this route's name for it
    }
    if revision is not None:
        body["revision"] = _revision(revision)
    return body


def _next_revision_body(output_type: OutputType | str, task_type: tasks.TaskType | str, name: str) -> dict[str, Any]:
    return {
        "output_type_id": _ref(output_type, OutputType, "output_type"),
        "task_type_id": _ref(task_type, tasks.TaskType, "task_type"),
        "name": _text(name, "name", max_length=NAME_MAX, empty=False),
    }


def _output_files(session: Kitsu, path: str, params: dict[str, str]) -> ModelList[OutputFile]:
    return session.repository(OutputFile).fetch(path, params)


def _created_output(session: Kitsu, row: dict[str, Any], owners: list[KitsuModel]) -> OutputFile:
    """The created output file; the output file lists loaded on ``owners``
    (entity, working file) are dropped so they are read again."""
    output_file = session.repository(OutputFile).fetch_rows([row])[0]
    for owner in owners:
        relation = getattr(type(owner), "output_files", None)
        if isinstance(relation, ToMany):
            relation.forget(owner)
    return output_file


def _source_owners(session: Kitsu, working_file: WorkingFile | str | None) -> list[KitsuModel]:
    if working_file is None:
        return []
    if isinstance(working_file, WorkingFile):
        return [working_file]
    known = session.identity.get(WorkingFile, working_file)
    return [known] if known is not None else []


def _working_file_created(task: tasks.Task) -> None:
    """After a working file was created for ``task``: the working file lists
    loaded on the task and its entity are dropped (read again on next use),
    and the task is reloaded if the server assigned the logged-in user to
    it (it does on every creation)."""
    session = task.session
    tasks.Task.working_files.forget(task)
    entity = session.identity.get(breakdown.Entity, task.entity_id)
    if entity is not None:
        breakdown.Entity.working_files.forget(entity)
    if session.me.id not in (task.assignee_ids or []):
        session.repository(tasks.Task).fetch_rows([session.transport.get(f"data/tasks/{_id_of(task, 'task')}")])


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
        task = cast("tasks.Task", self)
        task._check_alive()
        task_id = _id_of(task, "task")
        body: dict[str, Any] = {
            "name": _text(name, "name", max_length=NAME_MAX, empty=False),
            "comment": _text(comment, "comment"),
            "mode": _text(mode, "mode", empty=False),
            "sep": _text(sep, "sep", empty=False),
        }
        if software is not None:
            body["software_id"] = _ref(software, Software, "software")
        if person is not None:
            body["person_id"] = _ref(person, people.Person, "person")
        if revision is not None:
            body["revision"] = _revision(revision)
        require_template(task.project, body["mode"], template_kind(task.entity))
        row = task.session.transport.post(f"data/tasks/{task_id}/working-files/new", body)
        working_file = task.session.repository(WorkingFile).fetch_rows([row])[0]
        _working_file_created(task)
        return working_file

    def last_working_files(self) -> dict[str, WorkingFile]:
        """The last revision of each working file name of this task."""
        task = cast("tasks.Task", self)
        task._check_alive()
        answer = task.session.transport.get(f"data/tasks/{_id_of(task, 'task')}/working-files/last-revisions")
        names = list(answer)
        found = task.session.repository(WorkingFile).fetch_rows([answer[name] for name in names])
        return dict(zip(names, found))

    def last_working_file(self, name: str = "main") -> WorkingFile | None:
        """The last revision of working file ``name``, or None."""
        _text(name, "name", empty=False)
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
        task = cast("tasks.Task", self)
        task._check_alive()
        task_id = _id_of(task, "task")
        body: dict[str, Any] = {
            "name": _text(name, "name", max_length=NAME_MAX, empty=False),
            "mode": _text(mode, "mode", empty=False),
            "sep": _text(sep, "sep", empty=False),  # (gazu sends ``separator``, which this route ignores)
        }
        if software is not None:
            body["software_id"] = _ref(software, Software, "software")
        if revision is not None:
            body["revision"] = _revision(revision)
        require_template(task.project, body["mode"], template_kind(task.entity))
        answer = task.session.transport.post(f"data/tasks/{task_id}/working-file-path", body)
        return FilePath(answer["path"], answer["name"], sep)


class EntityFiles:
    """Output files of an entity (mixed into :class:`~.breakdown.Entity`)."""

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
        entity = cast("breakdown.Entity", self)
        entity._check_alive()
        entity_id = _id_of(entity, "entity")
        body = _new_output_body(
            output_type, task_type, name, comment, working_file, person, representation, extension,
            revision, nb_elements, file_status, sep,
        )
        require_template(entity.project, "output", template_kind(entity))
        session = entity.session
        row = session.transport.post(f"data/entities/{entity_id}/output-files/new", body)
        return _created_output(session, row, [entity, *_source_owners(session, working_file)])

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
        entity = cast("breakdown.Entity", self)
        entity._check_alive()
        params = _output_filters(output_type, task_type, representation, name, file_status)
        return _output_files(entity.session, f"data/entities/{_id_of(entity, 'entity')}/output-files", params)

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
        entity = cast("breakdown.Entity", self)
        entity._check_alive()
        params = _output_filters(output_type, task_type, representation, name, file_status)
        path = f"data/entities/{_id_of(entity, 'entity')}/output-files/last-revisions"
        return _output_files(entity.session, path, params)

    def next_output_revision(
        self, output_type: OutputType | str, task_type: tasks.TaskType | str, name: str = "main"
    ) -> int:
        """The revision the next output file of this kind will get."""
        entity = cast("breakdown.Entity", self)
        entity._check_alive()
        body = _next_revision_body(output_type, task_type, name)
        path = f"data/entities/{_id_of(entity, 'entity')}/output-files/next-revision"
        return int(entity.session.transport.post(path, body)["next_revision"])

    def last_output_revision(
        self, output_type: OutputType | str, task_type: tasks.TaskType | str, name: str = "main"
    ) -> int:
        """The last revision of this kind of output file (0 when none)."""
        return self.next_output_revision(output_type, task_type, name) - 1

    def used_output_types(self) -> ModelList[OutputType]:
        """The output types of this entity's output files."""
        entity = cast("breakdown.Entity", self)
        entity._check_alive()
        path = f"data/entities/{_id_of(entity, 'entity')}/output-types"
        return entity.session.repository(OutputType).fetch(path)

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
        entity = cast("breakdown.Entity", self)
        entity._check_alive()
        entity_id = _id_of(entity, "entity")
        body = _path_body(output_type, task_type, name, mode, representation, revision, sep)
        require_template(entity.project, body["mode"], template_kind(entity))
        if revision is None:
            body["revision"] = self.next_output_revision(output_type, task_type, name)
        answer = entity.session.transport.post(f"data/entities/{entity_id}/output-file-path", body)
        return FilePath(answer["folder_path"], answer["file_name"], sep)


class AssetInstanceFiles:
    """Output files of an asset instance in a shot or scene (its "temporal
    entity"); mixed into :class:`~.breakdown.AssetInstance`. The project's
    file tree needs ``instance`` templates (``instance_asset`` for an
    instance inside an asset): the server's "default" tree has none."""

    def _temporal(self, temporal_entity: breakdown.Entity | str) -> tuple[breakdown.AssetInstance, breakdown.Entity]:
        instance = cast("breakdown.AssetInstance", self)
        instance._check_alive()
        _id_of(instance, "asset instance")
        if isinstance(temporal_entity, KitsuModel):
            _ref(temporal_entity, breakdown.Entity, "temporal_entity")
            return instance, temporal_entity
        entity_id = _ref(temporal_entity, breakdown.Entity, "temporal_entity")
        return instance, instance.session.repository(breakdown.Entity).get(entity_id)

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
        session = instance.session
        row = session.transport.post(f"{_instance_base(instance, temporal)}/output-files/new", body)
        asset = session.identity.get(breakdown.Entity, instance.asset_id)
        return _created_output(session, row, [*([asset] if asset else []), *_source_owners(session, working_file)])

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
        instance = cast("breakdown.AssetInstance", self)
        instance._check_alive()
        params = _output_filters(output_type, task_type, representation, name, file_status)
        if temporal_entity is not None:
            params["temporal_entity_id"] = _ref(temporal_entity, breakdown.Entity, "temporal_entity")
        path = f"data/asset-instances/{_id_of(instance, 'asset instance')}/output-files"
        return _output_files(instance.session, path, params)

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
        instance = cast("breakdown.AssetInstance", self)
        instance._check_alive()
        params = _output_filters(output_type, task_type, representation, name, file_status)
        temporal_id = _ref(temporal_entity, breakdown.Entity, "temporal_entity")
        path = f"data/asset-instances/{_id_of(instance, 'asset instance')}/entities/{temporal_id}"
        return _output_files(instance.session, path + "/output-files/last-revisions", params)

    def next_output_revision(
        self,
        temporal_entity: breakdown.Entity | str,
        output_type: OutputType | str,
        task_type: tasks.TaskType | str,
        name: str = "main",
    ) -> int:
        """The revision the next output file of this kind will get."""
        instance = cast("breakdown.AssetInstance", self)
        instance._check_alive()
        body = _next_revision_body(output_type, task_type, name)
        temporal_id = _ref(temporal_entity, breakdown.Entity, "temporal_entity")
        path = f"data/asset-instances/{_id_of(instance, 'asset instance')}/entities/{temporal_id}"
        return int(instance.session.transport.post(path + "/output-files/next-revision", body)["next_revision"])

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
        instance = cast("breakdown.AssetInstance", self)
        instance._check_alive()
        temporal_id = _ref(temporal_entity, breakdown.Entity, "temporal_entity")
        path = f"data/asset-instances/{_id_of(instance, 'asset instance')}/entities/{temporal_id}/output-types"
        return instance.session.repository(OutputType).fetch(path)

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
        if revision is None:
            body["revision"] = self.next_output_revision(temporal, output_type, task_type, name)
        answer = instance.session.transport.post(f"{_instance_base(instance, temporal)}/output-file-path", body)
        return FilePath(answer["folder_path"], answer["file_name"], sep)


def _instance_base(instance: breakdown.AssetInstance, temporal: breakdown.Entity) -> str:
    return f"data/asset-instances/{_id_of(instance, 'asset instance')}/entities/{_id_of(temporal, 'temporal entity')}"


class ProjectFiles:
    """The file tree and output files of a project (mixed into
    :class:`~.production.Project`)."""

    def set_file_tree(self, tree: Mapping[str, Any]) -> Self:
        """Replace this project's file tree: one PUT carrying only
        ``file_tree``, after :func:`check_file_tree`. Returns the project."""
        project = cast("production.Project", self)
        project._check_alive()
        checked = check_file_tree(tree)
        self._put_file_tree(checked)
        return self

    def update_file_tree(self, changes: Mapping[str, Any]) -> Self:
        """Change part of this project's file tree: ``changes`` is merged
        key by key into the tree the server has now (nested dicts merge, a
        ``None`` value removes its key), then the result is checked and put
        back. ``{"working": {"root": "prod"}}`` changes one value."""
        project = cast("production.Project", self)
        project._check_alive()
        if not isinstance(changes, Mapping) or not changes:
            raise errors.InvalidArgumentError(f"file tree changes must be a non-empty dict, got {changes!r}")
        project_id = _id_of(project, "project")
        current = project.session.transport.get(f"data/projects/{project_id}", {"relations": "false"}).get("file_tree")
        merged = _merge_tree(current if isinstance(current, dict) else {}, changes)
        self._put_file_tree(check_file_tree(merged))
        return self

    def _put_file_tree(self, tree: dict[str, Any]) -> None:
        project = cast("production.Project", self)
        project_id = _id_of(project, "project")
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
        project = cast("production.Project", self)
        project._check_alive()
        params = _output_filters(output_type, task_type, representation, name, file_status)
        return _output_files(project.session, f"data/projects/{_id_of(project, 'project')}/output-files", params)


def _merge_tree(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(current)
    for key, value in changes.items():
        if value is None:
            merged.pop(key, None)
        elif isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge_tree(merged[key], value)
        else:
            merged[key] = value
    return merged


# The sibling modules import this one for its mixins: imported last.
from . import breakdown, people, production, tasks  # noqa: E402
