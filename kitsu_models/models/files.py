"""Files: Software, OutputType, FileStatus, WorkingFile, OutputFile, and
FilePath, a path the server built.

A *working file* is a DCC scene saved while working on a task (revision 1,
2, ...); an *output file* is what an entity publishes (a cache, a render),
by output type and task type, optionally from a working file. The server
computes every path from the project's file tree (:mod:`.file_tree`)::

    project.set_file_tree(tree)                  # PUT {"file_tree": tree}
    work = task.new_working_file("main", software=blender, comment="blocking")
    work.revision, work.path                     # 1, "/prod/..." (the server's)
    task.last_working_files()["main"]            # the last revision per name
    cache = asset.new_output_file(alembic, modeling, working_file=work)
    asset.find_output_files(output_type=alembic)
    asset.build_output_file_path(alembic, modeling).path

Those operations live in :mod:`.file_operations`. Every argument is
checked before any request (:class:`~kitsu_models.errors.InvalidArgumentError`),
including that the project's file tree has the template a call needs.

"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field
from typing_extensions import Self

from .. import catalogue as api
from .. import errors
from ..checks import checked_revision
from ..ids import id_of
from ..orm.base import Id, KitsuModel, computed, server_filled
from ..orm.relations import MaybeToOne, ToMany, ToOne
from ..routes import Route
from ..streaming import ProgressCallback, StrPath
from . import breakdown, file_operations, people, tasks
from .file_tree import instance_template, require_template, template_kind

if TYPE_CHECKING:
    from ..orm.session_api import Session

ValidationStatus = Literal["validated", "rejected", "neutral"]
Quality = Literal["low", "mid", "high"]


# ------------------------------------------------------------------ models
class Software(KitsuModel):
    """A DCC tool (Blender, Maya...): working files say which made them."""

    __route__: ClassVar[Route] = Route(api.SOFTWARES, api.SOFTWARE, small_table=True)

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

    __route__: ClassVar[Route] = Route(api.OUTPUT_TYPES, api.OUTPUT_TYPE, small_table=True)

    name: str
    short_name: str


class FileStatus(KitsuModel):
    """The status of an output file. The server gives new output files its
    default status ("To review", created on first use) unless told."""

    __route__: ClassVar[Route] = Route(api.FILE_STATUSES, api.FILE_STATUS, small_table=True)

    name: str
    color: str


class WorkingFile(KitsuModel):
    """One revision of a file worked on for a task.

    Create them with ``task.new_working_file``
    (:meth:`~.file_operations.TaskFiles.new_working_file`): the server picks
    the next revision of the name and builds ``path`` from the project's
    file tree. ``save()`` of a new ``WorkingFile(task_id=...)`` uses the
    same route.
    """

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "revision")

    __route__: ClassVar[Route] = Route(
        api.WORKING_FILES,
        api.WORKING_FILE,
        create=api.NEW_WORKING_FILE,
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
    validation_status: ValidationStatus = server_filled("neutral")
    shotgun_id: int | None = None
    task_id: Id | None = None
    entity_id: Id | None = None
    person_id: Id | None = None
    software_id: Id | None = None
    # On data/working-files/{id} only, and stale there (the server caches
    # that route): ``output_files`` asks the server instead.
    output_ids: list[Id] | None = Field(default=None, alias="outputs", frozen=True)

    task: MaybeToOne[tasks.Task] = MaybeToOne(lambda: tasks.Task, "task_id", init=False)
    entity: MaybeToOne[breakdown.Entity] = MaybeToOne(lambda: breakdown.Entity, "entity_id", init=False)
    person: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "person_id", init=False)
    software: MaybeToOne[Software] = MaybeToOne(lambda: Software, "software_id", init=False)
    #: The output files published from this working file.
    output_files: ClassVar[ToMany[OutputFile]] = ToMany(lambda: OutputFile, foreign_key="source_file_id")

    def save(self, session: Session | None = None) -> Self:
        """As ``KitsuModel.save``; a new working file is checked first (its
        task, and the file tree template the server will need)."""
        if self.id:
            return super().save(session)
        if not self.task_id:
            raise errors.InvalidArgumentError("a new WorkingFile needs its task_id (or use task.new_working_file)")
        if self.revision is not None:
            checked_revision(self.revision)
        task = self._session_for_save(session).repository(tasks.Task).get(id_of(self.task_id, what="task id"))
        require_template(task.project, "working", template_kind(task.entity))
        super().save(session)
        file_operations.after_working_file_created(task)
        return self

    def download(self, target: StrPath, progress: ProgressCallback | None = None) -> Path:
        """Stream the stored content of this working file into the file
        ``target``; ``progress(bytes done, total)`` follows it.

        The file appears only once complete (a temporary file is renamed).
        Raises :class:`~kitsu_models.errors.NotFoundError` when no content
        was uploaded for it. Returns the path written.
        """
        self._check_alive()
        route = api.WORKING_FILE_CONTENT.fill(working_file_id=self)
        path = _target_path(target)
        self.session.transport.download(route, path, progress=progress)
        return path

    def upload(self, source: StrPath, progress: ProgressCallback | None = None) -> Self:
        """Store the content of the file ``source`` for this working file
        (read from disk as it is sent; ``progress(bytes sent, total)``)."""
        self._check_alive()
        route = api.WORKING_FILE_CONTENT.fill(working_file_id=self)
        path = Path(source)
        if not path.is_file():
            raise errors.InvalidArgumentError(f"{path} is not a file to upload")
        row = self.session.transport.upload(route, [("file", path)], progress=progress)
        if isinstance(row, dict):
            self.session.repository(WorkingFile).materialize([row], owned=True)
        return self

    def mark_modified(self) -> Self:
        """Tell the server the file changed now (its ``updated_at``)."""
        self._check_alive()
        row = self.session.transport.put(api.WORKING_FILE_MODIFIED.fill(working_file_id=self), {})
        if isinstance(row, dict):
            self.session.repository(WorkingFile).materialize([row], owned=True)
        return self


class OutputFile(KitsuModel):
    """One revision of a file an entity (or an asset instance in a shot or
    scene) publishes, by output type, task type, name and representation.

    Create them with ``asset.new_output_file`` or ``instance.new_output_file``
    (:mod:`.file_operations`): the server numbers the revision and builds
    ``path`` from the file tree.
    """

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "revision", "representation")

    __route__: ClassVar[Route] = Route(
        api.OUTPUT_FILES,
        api.OUTPUT_FILE,
        create=api.NEW_ENTITY_OUTPUT_FILE,
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
    canceled: bool = server_filled(False)
    size: int | None = None
    checksum: str | None = None
    source: str | None = None
    path: str | None = None
    data: dict[str, Any] | None = None
    quality: Quality | None = None
    shotgun_id: int | None = None
    file_status_id: Id = server_filled("")  # the server's default status if unset
    entity_id: Id | None = None
    asset_instance_id: Id | None = None
    temporal_entity_id: Id | None = None
    output_type_id: Id | None = None
    task_type_id: Id | None = None
    person_id: Id | None = None
    source_file_id: Id | None = None
    # In the answer of a creation only.
    folder_path: str | None = computed()
    file_name: str | None = computed()
    # Every row also carries ``source_file``, the working file as a dict:
    # kept as an extra, the ``source_file`` relation stands in front of it.

    output_type: MaybeToOne[OutputType] = MaybeToOne(lambda: OutputType, "output_type_id", init=False)
    file_status: ToOne[FileStatus] = ToOne(lambda: FileStatus, "file_status_id", init=False)
    entity: MaybeToOne[breakdown.Entity] = MaybeToOne(lambda: breakdown.Entity, "entity_id", init=False)
    asset_instance: MaybeToOne[breakdown.AssetInstance] = MaybeToOne(
        lambda: breakdown.AssetInstance, "asset_instance_id", init=False
    )
    temporal_entity: MaybeToOne[breakdown.Entity] = MaybeToOne(
        lambda: breakdown.Entity, "temporal_entity_id", init=False
    )
    task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "task_type_id", init=False)
    person: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "person_id", init=False)
    source_file: MaybeToOne[WorkingFile] = MaybeToOne(lambda: WorkingFile, "source_file_id", init=False)

    def _creation_route(self) -> Route:
        if self.asset_instance_id:
            return _INSTANCE_OUTPUT_ROUTE
        return type(self).__route__

    def save(self, session: Session | None = None) -> Self:
        """As ``KitsuModel.save``; a new output file is checked first (its
        links, and the file tree template the server will need)."""
        if not self.id:
            self._check_new(session)
        return super().save(session)

    def _check_new(self, session: Session | None) -> None:
        session = self._session_for_save(session)
        for field in ("entity_id", "output_type_id", "task_type_id"):
            if not getattr(self, field):
                raise errors.InvalidArgumentError(f"a new OutputFile needs its {field}")
        if self.revision != 0:  # 0: the server picks the next one
            checked_revision(self.revision)
        if self.asset_instance_id:
            if not self.temporal_entity_id:
                raise errors.InvalidArgumentError("an asset instance's OutputFile needs its temporal_entity_id")
            instance = session.repository(breakdown.AssetInstance).get(self.asset_instance_id)
            temporal = session.repository(breakdown.Entity).get(self.temporal_entity_id)
            require_template(temporal.project, "output", instance_template(instance))
        else:
            entity = session.repository(breakdown.Entity).get(id_of(self.entity_id, what="entity id"))
            require_template(entity.project, "output", template_kind(entity))


_INSTANCE_OUTPUT_ROUTE = Route(
    api.OUTPUT_FILES,
    api.OUTPUT_FILE,
    create=api.NEW_INSTANCE_OUTPUT_FILE,
    create_fields=OutputFile.__route__.create_fields,
    create_renames={"source_file_id": "working_file_id"},
)


# ------------------------------------------------------------------ helpers
def _target_path(target: StrPath) -> Path:
    if not isinstance(target, (str, Path)) and not hasattr(target, "__fspath__"):
        raise errors.InvalidArgumentError(f"target must be a file path, got {target!r}")
    path = Path(target)
    if not str(target) or path.is_dir():
        raise errors.InvalidArgumentError(f"target must be a file path, {str(target)!r} is not")
    return path
