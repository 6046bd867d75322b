"""``gazu.files``: working and output files, their revisions and paths
(built by the server from the production's file tree), output types,
software, file statuses, and the downloads of previews, attachments and
avatars (streamed to disk; a cut download leaves no file)."""

from __future__ import annotations

from typing import Any

from kitsu_models import checks, errors
from kitsu_models.ids import id_of
from kitsu_models.routes import path
from kitsu_models.streaming import ProgressCallback, StrPath

from . import paths
from ._calls import Ref, Row, first, get_or_create, read_list, read_row, save_file, send_files, shaped, write_row
from ._file_trees import FILE_TREES
from .cache import cache
from .client import KitsuClient, default_client

#: An optional "dict or ID".
MaybeRef = Ref | None


def _filters(
    output_type: MaybeRef = None, task_type: MaybeRef = None, name: str | None = None,
    representation: str | None = None, file_status: MaybeRef = None, temporal_entity: MaybeRef = None,
) -> dict[str, Any]:
    """The query of the output file lists: only the filters given."""
    ids = {"temporal_entity_id": temporal_entity, "output_type_id": output_type, "task_type_id": task_type,
           "file_status_id": file_status}
    criteria = {key: id_of(value, what=key[:-3]) for key, value in ids.items() if value is not None}
    criteria.update({key: value for key, value in (("representation", representation), ("name", name)) if value})
    return criteria


def _joined(folder: Any, name: Any, sep: str) -> str:
    """A path the server built, as gazu gives it: folder, ``sep``, file
    name, spaces turned into underscores."""
    return f"{str(folder).replace(' ', '_')}{sep}{str(name).replace(' ', '_')}"


def _output_body(output_type: Ref, task_type: Ref, **fields: Any) -> dict[str, Any]:
    return {"output_type_id": id_of(output_type, what="output_type"), "task_type_id": id_of(task_type, what="task_type"),
            **fields}


# --------------------------------------------------------- output types
@cache
def all_output_types(client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.OUTPUT_TYPES)


@cache
def all_output_types_for_entity(entity: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The output types of the entity's output files."""
    return read_list(client, paths.ENTITY_OUTPUT_TYPES, entity_id=entity)


@cache
def all_output_types_for_asset_instance(
    asset_instance: Ref, temporal_entity: Ref, client: KitsuClient = default_client
) -> list[Row]:
    return read_list(client, paths.INSTANCE_OUTPUT_TYPES, asset_instance_id=asset_instance,
                     temporal_entity_id=temporal_entity)


@cache
def get_output_type(output_type_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.OUTPUT_TYPE, output_type_id=output_type_id)


@cache
def get_output_type_by_name(output_type_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.OUTPUT_TYPES, {"name": output_type_name})


def new_output_type(name: str, short_name: str, client: KitsuClient = default_client) -> Row:
    """The output type named ``name``, created when there is none."""
    lookup = lambda: get_output_type_by_name(name, client)  # noqa: E731 (as in every new_*)
    return get_or_create(client, lookup, paths.OUTPUT_TYPES, {"name": name, "short_name": short_name})


# --------------------------------------------------------- output files
@cache
def get_output_file(output_file_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.OUTPUT_FILE, output_file_id=output_file_id)


@cache
def get_output_file_by_path(path: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.OUTPUT_FILES, {"path": path})


def all_output_files_for_entity(
    entity: Ref, output_type: MaybeRef = None, task_type: MaybeRef = None, name: str | None = None,
    representation: str | None = None, file_status: MaybeRef = None, client: KitsuClient = default_client,
) -> list[Row]:
    criteria = _filters(output_type, task_type, name, representation, file_status)
    return read_list(client, paths.ENTITY_OUTPUT_FILES, criteria, entity_id=entity)


@cache
def all_output_files_for_asset_instance(
    asset_instance: Ref, temporal_entity: MaybeRef = None, task_type: MaybeRef = None, output_type: MaybeRef = None,
    name: str | None = None, representation: str | None = None, file_status: MaybeRef = None,
    client: KitsuClient = default_client,
) -> list[Row]:
    criteria = _filters(output_type, task_type, name, representation, file_status, temporal_entity)
    return read_list(client, paths.INSTANCE_OUTPUT_FILES, criteria, asset_instance_id=asset_instance)


@cache
def get_last_output_files_for_entity(
    entity: Ref, output_type: MaybeRef = None, task_type: MaybeRef = None, name: str | None = None,
    representation: str | None = None, file_status: MaybeRef = None, client: KitsuClient = default_client,
) -> list[Row]:
    """The newest revision of each of the entity's output files."""
    criteria = _filters(output_type, task_type, name, representation, file_status)
    return read_list(client, paths.ENTITY_LAST_OUTPUT_FILES, criteria, entity_id=entity)


@cache
def get_last_output_files_for_asset_instance(
    asset_instance: Ref, temporal_entity: Ref, task_type: MaybeRef = None, output_type: MaybeRef = None,
    name: str | None = None, representation: str | None = None, file_status: MaybeRef = None,
    client: KitsuClient = default_client,
) -> list[Row]:
    criteria = _filters(output_type, task_type, name, representation, file_status)
    return read_list(client, paths.INSTANCE_LAST_OUTPUT_FILES, criteria, asset_instance_id=asset_instance,
                     temporal_entity_id=temporal_entity)


def get_next_entity_output_revision(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "main", client: KitsuClient = default_client
) -> int:
    """The revision the entity's next output file of this type will get."""
    answer = write_row(client, "POST", paths.ENTITY_NEXT_REVISION, _output_body(output_type, task_type, name=name),
                       entity_id=entity)
    return int(answer["next_revision"])


def get_next_asset_instance_output_revision(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "master",
    client: KitsuClient = default_client,
) -> int:
    answer = write_row(client, "POST", paths.INSTANCE_NEXT_REVISION, _output_body(output_type, task_type, name=name),
                       asset_instance_id=asset_instance, temporal_entity_id=temporal_entity)
    return int(answer["next_revision"])


def get_last_entity_output_revision(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "master", client: KitsuClient = default_client
) -> int:
    """The entity's newest output revision (0: none yet)."""
    return get_next_entity_output_revision(entity, output_type, task_type, name, client) - 1


def get_last_asset_instance_output_revision(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "master",
    client: KitsuClient = default_client,
) -> int:
    return get_next_asset_instance_output_revision(asset_instance, temporal_entity, output_type, task_type, name,
                                                   client) - 1


def new_entity_output_file(
    entity: Ref, output_type: Ref, task_type: Ref, comment: str, working_file: MaybeRef = None,
    person: MaybeRef = None, name: str = "main", mode: str = "output", revision: int = 0, nb_elements: int = 1,
    representation: str = "", sep: str = "/", file_status_id: MaybeRef = None, client: KitsuClient = default_client,
) -> Row:
    """A new output file of the entity, its path built from the file tree
    and its revision the next one (unless ``revision`` is given)."""
    body = _output_body(output_type, task_type, comment=comment, revision=revision, representation=representation,
                        name=name, nb_elements=nb_elements, sep=sep, **_links(working_file, person, file_status_id))
    return write_row(client, "POST", paths.NEW_ENTITY_OUTPUT_FILE, body, entity_id=entity)


def new_asset_instance_output_file(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, comment: str, name: str = "master",
    mode: str = "output", working_file: MaybeRef = None, person: MaybeRef = None, revision: int = 0,
    nb_elements: int = 1, representation: str = "", sep: str = "/", file_status_id: MaybeRef = None,
    client: KitsuClient = default_client,
) -> Row:
    body = _output_body(output_type, task_type, comment=comment, name=name, revision=revision,
                        representation=representation, nb_elements=nb_elements, sep=sep,
                        **_links(working_file, person, file_status_id))
    return write_row(client, "POST", paths.NEW_INSTANCE_OUTPUT_FILE, body, asset_instance_id=asset_instance,
                     temporal_entity_id=temporal_entity)


def _links(working_file: MaybeRef, person: MaybeRef, file_status: MaybeRef) -> dict[str, str]:
    """The optional links of a new output file, as ids."""
    given = {"working_file_id": working_file, "person_id": person, "file_status_id": file_status}
    return {key: id_of(value, what=key[:-3]) for key, value in given.items() if value is not None}


def update_output_file(output_file: Ref, data: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Save ``data``'s fields on the output file."""
    return write_row(client, "PUT", paths.OUTPUT_FILE, dict(data), output_file_id=output_file)


@cache
def build_entity_output_file_path(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "main", mode: str = "output", representation: str = "",
    revision: int = 0, nb_elements: int = 1, sep: str = "/", client: KitsuClient = default_client,
) -> str:
    """Where the entity's output file goes, by the production's file tree
    (without extension)."""
    body = _output_body(output_type, task_type, mode=mode, name=name, representation=representation,
                        revision=revision, nb_elements=nb_elements, separator=sep)
    answer = write_row(client, "POST", paths.ENTITY_OUTPUT_PATH, body, entity_id=entity)
    return _joined(answer.get("folder_path"), answer.get("file_name"), sep)


@cache
def build_asset_instance_output_file_path(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "main",
    representation: str = "", mode: str = "output", revision: int = 0, nb_elements: int = 1, sep: str = "/",
    client: KitsuClient = default_client,
) -> str:
    body = _output_body(output_type, task_type, mode=mode, name=name, representation=representation,
                        revision=revision, nb_elements=nb_elements, separator=sep)
    answer = write_row(client, "POST", paths.INSTANCE_OUTPUT_PATH, body, asset_instance_id=asset_instance,
                       temporal_entity_id=temporal_entity)
    return _joined(answer.get("folder_path"), answer.get("file_name"), sep)


# -------------------------------------------------------- working files
@cache
def get_working_file(working_file_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.WORKING_FILE, working_file_id=working_file_id)


@cache
def get_working_files_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.TASK_WORKING_FILES, task_id=task)


@cache
def get_all_working_files_for_entity(
    entity: Ref, task: MaybeRef = None, name: str | None = None, client: KitsuClient = default_client
) -> list[Row]:
    criteria = {"task_id": None if task is None else id_of(task, what="task"), "name": name}
    return read_list(client, paths.ENTITY_WORKING_FILES, criteria, entity_id=entity)


@cache
def get_last_working_files(task: Ref, client: KitsuClient = default_client) -> Row:
    """The task's newest working file of each name, by name."""
    return read_row(client, paths.TASK_LAST_WORKING_FILES, task_id=task)


@cache
def get_last_working_file_revision(task: Ref, name: str = "main", client: KitsuClient = default_client) -> Row | None:
    """The task's newest working file named ``name`` (None: none yet)."""
    found = get_last_working_files(task, client).get(name)
    return found if isinstance(found, dict) else None


@cache
def build_working_file_path(
    task: Ref, name: str = "main", mode: str = "working", software: MaybeRef = None, revision: int = 1,
    sep: str = "/", client: KitsuClient = default_client,
) -> str:
    """Where the task's working file goes, by the production's file tree
    (without extension)."""
    body: dict[str, Any] = {"mode": mode, "name": name, "revision": revision, "separator": sep}
    if software is not None:
        body["software_id"] = id_of(software, what="software")
    answer = write_row(client, "POST", paths.WORKING_FILE_PATH, body, task_id=task)
    return _joined(answer.get("path"), answer.get("name"), sep)


def new_working_file(
    task: Ref, name: str = "main", mode: str = "working", software: MaybeRef = None, comment: str = "",
    person: MaybeRef = None, revision: int = 0, sep: str = "/", client: KitsuClient = default_client,
) -> Row:
    """A new working file of the task, its path built from the file tree and
    its revision the next one (unless ``revision`` is given)."""
    body: dict[str, Any] = {
        "name": name, "comment": comment, "task_id": id_of(task, what="task"), "revision": revision, "mode": mode,
    }
    if person is not None:
        body["person_id"] = id_of(person, what="person")
    if software is not None:
        body["software_id"] = id_of(software, what="software")
    return write_row(client, "POST", paths.NEW_WORKING_FILE, body, task_id=task)


def update_comment(working_file: Ref, comment: str, client: KitsuClient = default_client) -> Row:
    return write_row(client, "PUT", paths.WORKING_FILE_COMMENT, {"comment": comment}, working_file_id=working_file)


def update_modification_date(working_file: Ref, client: KitsuClient = default_client) -> Row:
    """Stamp the working file as modified now (server time)."""
    return write_row(client, "PUT", paths.WORKING_FILE_MODIFIED, {}, working_file_id=working_file)


def upload_working_file(
    working_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None
) -> Row:
    """Store the file's content on the server (streamed from disk)."""
    source = checks.source_file(file_path, "file_path")
    answer = send_files(client, paths.WORKING_FILE_CONTENT, [source], progress=progress_callback,
                        working_file_id=working_file)
    return shaped(dict, answer, paths.WORKING_FILE_CONTENT)


def download_working_file(
    working_file: Ref, file_path: StrPath | None = None, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> int:
    """Save the stored content at ``file_path`` (default: the working file's
    own path); returns the bytes written."""
    target: StrPath = get_working_file(working_file, client)["path"] if file_path is None else file_path
    route = path(paths.WORKING_FILE_CONTENT, working_file_id=working_file)
    return save_file(client, route, target, progress_callback)


# ------------------------------------------------------------- software
@cache
def all_softwares(client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.SOFTWARES)


@cache
def get_software(software_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.SOFTWARE, software_id=software_id)


@cache
def get_software_by_name(software_name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.SOFTWARES, {"name": software_name})


def new_software(name: str, short_name: str, file_extension: str, client: KitsuClient = default_client) -> Row:
    """The software named ``name``, created when there is none."""
    body = {"name": name, "short_name": short_name, "file_extension": file_extension}
    return get_or_create(client, lambda: get_software_by_name(name, client), paths.SOFTWARES, body)


# -------------------------------------------------------- file statuses
@cache
def get_file_status(status_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.FILE_STATUS, file_status_id=status_id)


@cache
def get_file_status_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    return first(client, paths.FILE_STATUSES, {"name": name})


def new_file_status(name: str, color: str, client: KitsuClient = default_client) -> Row:
    """The file status named ``name``, created when there is none."""
    lookup = lambda: get_file_status_by_name(name, client)  # noqa: E731
    return get_or_create(client, lookup, paths.FILE_STATUSES, {"name": name, "color": color})


# ----------------------------------------------- previews, attachments
@cache
def get_preview_file(preview_file_id: Ref, client: KitsuClient = default_client) -> Row:
    """The preview's record; its ``status`` says whether the server has
    processed the file ("processing", "ready", "broken")."""
    return read_row(client, paths.PREVIEW_FILE, preview_file_id=preview_file_id)


@cache
def get_all_preview_files_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.PREVIEW_FILES, {"task_id": id_of(task, what="task")})


def get_preview_file_url(preview_file: Ref, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of the preview's original file (its
    movie for a movie)."""
    record = read_row(client, paths.PREVIEW_FILE, preview_file_id=preview_file)
    if record.get("extension") == "mp4":
        return path(paths.PREVIEW_MOVIE, preview_file_id=record["id"])
    return path(paths.with_segment(paths.PREVIEW_PICTURE, "extension", record.get("extension")),
                preview_file_id=record["id"])


def update_preview(preview_file: Ref, data: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Save ``data``'s fields on the preview."""
    return write_row(client, "PUT", paths.PREVIEW_FILE, dict(data), preview_file_id=preview_file)


def download_preview_file(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None
) -> int:
    """Save the preview's original file (its movie for a movie); returns the
    bytes written."""
    return save_file(client, get_preview_file_url(preview_file, client), file_path, progress_callback)


def download_preview_file_thumbnail(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None
) -> int:
    route = path(paths.PREVIEW_THUMBNAIL, preview_file_id=preview_file)
    return save_file(client, route, file_path, progress_callback)


def download_preview_file_cover(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None
) -> int:
    """Save the preview's full-size picture (a movie's first frame)."""
    return save_file(client, path(paths.PREVIEW_COVER, preview_file_id=preview_file), file_path, progress_callback)


@cache
def get_all_attachment_files_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    return read_list(client, paths.TASK_ATTACHMENTS, task_id=task)


def get_attachment_file(attachment_file_id: Ref, client: KitsuClient = default_client) -> Row:
    return read_row(client, paths.ATTACHMENT_FILE, attachment_file_id=attachment_file_id)


def download_attachment_file(
    attachment_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None
) -> int:
    """Save the attachment; returns the bytes written."""
    record = get_attachment_file(attachment_file, client)
    route = path(paths.with_segment(paths.ATTACHMENT_DOWNLOAD, "file_name", _url_name(record.get("name"))),
                 attachment_file_id=record["id"])
    return save_file(client, route, file_path, progress_callback)


def _url_name(name: Any) -> str:
    """The attachment's name for its download path (as gazu puts it there;
    the server serves by id and ignores it), or "attachment" for a name no
    path segment can carry (a slash, ``?``, ``#``, a control character)."""
    if isinstance(name, str) and name.strip(".") and name.isprintable() and not any(c in name for c in "/\\?#%"):
        return name
    return "attachment"


def download_person_avatar(
    person: Ref, file_path: StrPath, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None
) -> int:
    return save_file(client, path(paths.PERSON_AVATAR_FILE, person_id=person), file_path, progress_callback)


def download_project_avatar(
    project: Ref, file_path: StrPath, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None
) -> int:
    return save_file(client, path(paths.PROJECT_AVATAR_FILE, project_id=project), file_path, progress_callback)


# ------------------------------------------------------------ file trees
def update_project_file_tree(project: Ref, file_tree: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Make ``file_tree`` the production's path templates."""
    if not isinstance(file_tree, dict):
        raise errors.InvalidArgumentError(f"file_tree must be a dict, got {type(file_tree).__name__}")
    return write_row(client, "PUT", paths.PROJECT, {"file_tree": file_tree}, project_id=project)


def set_project_file_tree(project: Ref, file_tree_name: str, client: KitsuClient = default_client) -> Row:
    """Give the production one of the file trees shipped with this package
    (``gazu._file_trees.FILE_TREES``: "default", "simple"), by name. Zou
    1.0.97 has no route that loads a tree by name, so the tree is sent whole."""
    if file_tree_name not in FILE_TREES:
        raise errors.InvalidArgumentError(f"no file tree named {file_tree_name!r}: one of {sorted(FILE_TREES)}")
    return update_project_file_tree(project, FILE_TREES[file_tree_name], client)
