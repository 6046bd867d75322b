"""``gazu.files``'s table-made functions. Generated from ``compat/functions/files.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models.streaming import ProgressCallback, StrPath

from .._calls import (
    Downloaded, FIRST, LIST, ROW, Record, Ref, Row, TEXT, call, download, fields, flag, joined_path, preview_path,
    preview_source, record, ref, upload,
)
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import files as gazu_files
else:
    gazu_files = Late("gazu.files")

__all__ = [
    "get_preview_file_url", "get_preview_movie_url", "get_preview_lowdef_movie_url", "get_last_working_file_revision",
    "download_preview_file", "download_preview_movie", "download_preview_lowdef_movie", "build_working_file_path",
    "build_entity_output_file_path", "build_asset_instance_output_file_path", "new_output_type", "new_software",
    "new_file_status", "get_next_entity_output_revision", "get_next_asset_instance_output_revision",
    "get_last_entity_output_revision", "get_last_asset_instance_output_revision", "get_attachment_thumbnail_url",
    "extract_frame_from_preview", "extract_tile_from_preview", "all_output_types", "all_output_types_for_entity",
    "all_output_types_for_asset_instance", "get_output_type", "get_output_type_by_name", "get_output_file",
    "get_output_file_by_path", "all_output_files_for_entity", "all_output_files_for_asset_instance",
    "all_output_files_for_project", "get_last_output_files_for_entity", "get_last_output_files_for_asset_instance",
    "new_entity_output_file", "new_asset_instance_output_file", "update_output_file", "get_working_file",
    "get_working_files_for_task", "get_all_working_files_for_entity", "get_last_working_files", "new_working_file",
    "update_comment", "update_modification_date", "upload_working_file", "all_softwares", "get_software",
    "get_software_by_name", "update_software", "get_file_status", "get_file_status_by_name", "get_preview_file",
    "remove_preview_file", "get_all_preview_files_for_task", "get_running_preview_files", "update_preview",
    "update_preview_position", "update_preview_annotations", "download_preview_file_thumbnail",
    "download_preview_file_cover", "get_attachment_file", "get_all_attachment_files_for_task",
    "get_all_attachment_files_for_project", "download_attachment_thumbnail", "download_person_avatar",
    "upload_person_avatar", "download_project_avatar", "upload_project_avatar", "download_organisation_avatar",
    "upload_organisation_avatar", "update_project_file_tree",
]


def get_preview_file_url(preview_file: Ref, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of a preview's original file."""
    return preview_path(client, preview_file, "original")


def get_preview_movie_url(preview_file: Ref, lowdef: bool = False, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of a preview's movie (low definition with ``lowdef``)."""
    return preview_path(client, preview_file, "lowdef" if lowdef else "movie")


def get_preview_lowdef_movie_url(preview_file: Ref, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of a preview's low-definition movie."""
    return gazu_files.get_preview_movie_url(preview_file, True, client=client)


@cache
def get_last_working_file_revision(task: Ref, name: str = "main", client: KitsuClient = default_client) -> Row | None:
    """A task's newest working file named ``name``, or None."""
    answer = call(client, "GET", api.TASK_LAST_WORKING_FILES, {"task_id": task}, result=ROW)
    returned: Row | None = answer.get(name)
    return returned


def download_preview_file(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a preview's original file (its movie for an mp4) at ``file_path``."""
    return download(client, *preview_source(client, preview_file, "original"), file_path, progress=progress_callback)


def download_preview_movie(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a preview's movie at ``file_path``."""
    return download(client, *preview_source(client, preview_file, "movie"), file_path, progress=progress_callback)


def download_preview_lowdef_movie(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a preview's low-definition movie at ``file_path``."""
    return download(client, *preview_source(client, preview_file, "lowdef"), file_path, progress=progress_callback)


@cache
def build_working_file_path(
    task: Ref, name: str = "main", mode: str = "working", software: Ref | None = None, revision: int = 1,
    sep: str = "/", client: KitsuClient = default_client,
) -> str:
    """Where a task's working file goes by the production's file tree (no extension)."""
    answer = call(
        client, "POST", api.WORKING_FILE_PATH, {"task_id": task},
        body=fields({"mode": mode, "name": name, "revision": revision, "separator": sep}, software_id=ref(software)),
        result=ROW,
    )
    return joined_path(answer, "path", "name", sep)


@cache
def build_entity_output_file_path(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "main", mode: str = "output", representation: str = "",
    revision: int = 0, nb_elements: int = 1, sep: str = "/", client: KitsuClient = default_client,
) -> str:
    """Where an entity's output file goes by the production's file tree (no extension)."""
    answer = call(
        client, "POST", api.ENTITY_OUTPUT_PATH, {"entity_id": entity},
        body={
            "task_type_id": ref(task_type), "output_type_id": ref(output_type), "mode": mode, "name": name,
            "representation": representation, "revision": revision, "nb_elements": nb_elements, "separator": sep,
        },
        result=ROW,
    )
    return joined_path(answer, "folder_path", "file_name", sep)


@cache
def build_asset_instance_output_file_path(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "main",
    representation: str = "", mode: str = "output", revision: int = 0, nb_elements: int = 1, sep: str = "/",
    client: KitsuClient = default_client,
) -> str:
    """Where an asset instance's output file in a shot or scene goes (no extension)."""
    answer = call(
        client, "POST", api.INSTANCE_OUTPUT_PATH,
        {"asset_instance_id": asset_instance, "temporal_entity_id": temporal_entity},
        body={
            "task_type_id": ref(task_type), "output_type_id": ref(output_type), "mode": mode, "name": name,
            "representation": representation, "revision": revision, "nb_elements": nb_elements, "separator": sep,
        },
        result=ROW,
    )
    return joined_path(answer, "folder_path", "file_name", sep)


def new_output_type(name: str, short_name: str, client: KitsuClient = default_client) -> Row:
    """The output type named ``name``, created when there is none."""
    body = {"name": name, "short_name": short_name}
    found = gazu_files.get_output_type_by_name(name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.OUTPUT_TYPES, body=body, result=ROW)


def new_software(
    name: str, short_name: str, file_extension: str, secondary_extensions: list[str] | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """The software named ``name``, created when there is none."""
    body = fields(
        {"name": name, "short_name": short_name, "file_extension": file_extension},
        secondary_extensions=secondary_extensions,
    )
    found = gazu_files.get_software_by_name(name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.SOFTWARES, body=body, result=ROW)


def new_file_status(name: str, color: str, client: KitsuClient = default_client) -> Row:
    """The file status named ``name``, created when there is none."""
    body = {"name": name, "color": color}
    found = gazu_files.get_file_status_by_name(name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.FILE_STATUSES, body=body, result=ROW)


def get_next_entity_output_revision(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "main", client: KitsuClient = default_client,
) -> int:
    """The revision an entity's next output file of this kind gets."""
    answer = call(
        client, "POST", api.ENTITY_NEXT_REVISION, {"entity_id": entity},
        body={"task_type_id": ref(task_type), "output_type_id": ref(output_type), "name": name}, result=ROW,
    )
    return int(answer["next_revision"])


def get_next_asset_instance_output_revision(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "master",
    client: KitsuClient = default_client,
) -> int:
    """The revision an asset instance's next output file of this kind gets."""
    answer = call(
        client, "POST", api.INSTANCE_NEXT_REVISION,
        {"asset_instance_id": asset_instance, "temporal_entity_id": temporal_entity},
        body={"task_type_id": ref(task_type), "output_type_id": ref(output_type), "name": name}, result=ROW,
    )
    return int(answer["next_revision"])


def get_last_entity_output_revision(
    entity: Ref, output_type: Ref, task_type: Ref, name: str = "master", client: KitsuClient = default_client,
) -> int:
    """An entity's newest output revision of this kind (0: none yet)."""
    return gazu_files.get_next_entity_output_revision(entity, output_type, task_type, name, client=client) - 1


def get_last_asset_instance_output_revision(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, name: str = "master",
    client: KitsuClient = default_client,
) -> int:
    """An asset instance's newest output revision of this kind (0: none yet)."""
    return gazu_files.get_next_asset_instance_output_revision(
        asset_instance, temporal_entity, output_type, task_type, name, client=client,
    ) - 1


def get_attachment_thumbnail_url(attachment_file: Ref, client: KitsuClient = default_client) -> str:
    """The path, relative to the API, of an attachment's thumbnail (no request)."""
    return api.ATTACHMENT_THUMBNAIL.fill(True, attachment_file_id=attachment_file)


def extract_frame_from_preview(
    preview_file: Ref, frame_number: int, file_path: StrPath | None = None, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """One frame of a preview's movie, saved at ``file_path`` (without one: in the response's ``content``)."""
    return download(
        client, api.EXTRACT_FRAME, {"preview_file_id": preview_file}, file_path, params={"frame_number": frame_number},
        progress=progress_callback,
    )


def extract_tile_from_preview(
    preview_file: Ref, file_path: StrPath | None = None, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """A preview's tile of frames, saved at ``file_path`` (without one: in the response's ``content``)."""
    return download(client, api.EXTRACT_TILE, {"preview_file_id": preview_file}, file_path, progress=progress_callback)


@cache
def all_output_types(client: KitsuClient = default_client) -> list[Row]:
    """Every output type."""
    return call(client, "GET", api.OUTPUT_TYPES, result=LIST)


@cache
def all_output_types_for_entity(entity: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The output types of an entity's output files."""
    return call(client, "GET", api.ENTITY_OUTPUT_TYPES, {"entity_id": entity}, result=LIST)


@cache
def all_output_types_for_asset_instance(
    asset_instance: Ref, temporal_entity: Ref, client: KitsuClient = default_client,
) -> list[Row]:
    """The output types of an asset instance's output files in a shot or scene."""
    return call(
        client, "GET", api.INSTANCE_OUTPUT_TYPES,
        {"asset_instance_id": asset_instance, "temporal_entity_id": temporal_entity}, result=LIST,
    )


@cache
def get_output_type(output_type_id: Ref, client: KitsuClient = default_client) -> Row:
    """An output type's record."""
    return call(client, "GET", api.OUTPUT_TYPE, {"output_type_id": output_type_id}, result=ROW)


@cache
def get_output_type_by_name(output_type_name: str, client: KitsuClient = default_client) -> Row | None:
    """The output type named so, or None."""
    return call(client, "GET", api.OUTPUT_TYPES, params={"name": output_type_name}, result=FIRST)


@cache
def get_output_file(output_file_id: Ref, client: KitsuClient = default_client) -> Row:
    """An output file's record."""
    return call(client, "GET", api.OUTPUT_FILE, {"output_file_id": output_file_id}, result=ROW)


@cache
def get_output_file_by_path(path: str, client: KitsuClient = default_client) -> Row | None:
    """The output file stored at ``path``, or None."""
    return call(client, "GET", api.OUTPUT_FILES, params={"path": path}, result=FIRST)


def all_output_files_for_entity(
    entity: Ref, output_type: Ref | None = None, task_type: Ref | None = None, name: str | None = None,
    representation: str | None = None, file_status: Ref | None = None, client: KitsuClient = default_client,
) -> list[Row]:
    """An entity's output files, filtered by what is given."""
    return call(
        client, "GET", api.ENTITY_OUTPUT_FILES, {"entity_id": entity},
        params={
            "output_type_id": ref(output_type), "task_type_id": ref(task_type), "file_status_id": ref(file_status),
            "representation": representation or None, "name": name or None,
        },
        result=LIST,
    )


@cache
def all_output_files_for_asset_instance(
    asset_instance: Ref, temporal_entity: Ref | None = None, task_type: Ref | None = None,
    output_type: Ref | None = None, name: str | None = None, representation: str | None = None,
    file_status: Ref | None = None, client: KitsuClient = default_client,
) -> list[Row]:
    """An asset instance's output files, filtered by what is given."""
    return call(
        client, "GET", api.INSTANCE_OUTPUT_FILES, {"asset_instance_id": asset_instance},
        params={
            "temporal_entity_id": ref(temporal_entity), "output_type_id": ref(output_type),
            "task_type_id": ref(task_type), "file_status_id": ref(file_status),
            "representation": representation or None, "name": name or None,
        },
        result=LIST,
    )


def all_output_files_for_project(
    project: Ref, output_type: Ref | None = None, task_type: Ref | None = None, name: str | None = None,
    representation: str | None = None, file_status: Ref | None = None, client: KitsuClient = default_client,
) -> list[Row]:
    """A production's output files, filtered by what is given."""
    return call(
        client, "GET", api.PROJECT_OUTPUT_FILES, {"project_id": project},
        params={
            "output_type_id": ref(output_type), "task_type_id": ref(task_type), "file_status_id": ref(file_status),
            "representation": representation or None, "name": name or None,
        },
        result=LIST,
    )


@cache
def get_last_output_files_for_entity(
    entity: Ref, output_type: Ref | None = None, task_type: Ref | None = None, name: str | None = None,
    representation: str | None = None, file_status: Ref | None = None, client: KitsuClient = default_client,
) -> list[Row]:
    """The newest revision of each of an entity's output files, filtered by what is given."""
    return call(
        client, "GET", api.ENTITY_LAST_OUTPUT_FILES, {"entity_id": entity},
        params={
            "output_type_id": ref(output_type), "task_type_id": ref(task_type), "file_status_id": ref(file_status),
            "representation": representation or None, "name": name or None,
        },
        result=LIST,
    )


@cache
def get_last_output_files_for_asset_instance(
    asset_instance: Ref, temporal_entity: Ref, task_type: Ref | None = None, output_type: Ref | None = None,
    name: str | None = None, representation: str | None = None, file_status: Ref | None = None,
    client: KitsuClient = default_client,
) -> list[Row]:
    """The newest revision of each of an asset instance's output files in a shot or scene."""
    return call(
        client, "GET", api.INSTANCE_LAST_OUTPUT_FILES,
        {"asset_instance_id": asset_instance, "temporal_entity_id": temporal_entity},
        params={
            "output_type_id": ref(output_type), "task_type_id": ref(task_type), "file_status_id": ref(file_status),
            "representation": representation or None, "name": name or None,
        },
        result=LIST,
    )


def new_entity_output_file(
    entity: Ref, output_type: Ref, task_type: Ref, comment: str, working_file: Ref | None = None,
    person: Ref | None = None, name: str = "main", mode: str = "output", revision: int = 0, nb_elements: int = 1,
    representation: str = "", sep: str = "/", file_status_id: Ref | None = None, client: KitsuClient = default_client,
) -> Row:
    """A new output file of an entity, its path built from the production's file tree."""
    return call(
        client, "POST", api.NEW_ENTITY_OUTPUT_FILE, {"entity_id": entity},
        body=fields(
            {
                "output_type_id": ref(output_type), "task_type_id": ref(task_type), "comment": comment,
                "revision": revision, "representation": representation, "name": name, "nb_elements": nb_elements,
                "sep": sep,
            },
            working_file_id=ref(working_file), person_id=ref(person), file_status_id=ref(file_status_id),
        ),
        result=ROW,
    )


def new_asset_instance_output_file(
    asset_instance: Ref, temporal_entity: Ref, output_type: Ref, task_type: Ref, comment: str, name: str = "master",
    mode: str = "output", working_file: Ref | None = None, person: Ref | None = None, revision: int = 0,
    nb_elements: int = 1, representation: str = "", sep: str = "/", file_status_id: Ref | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """A new output file of an asset instance in a shot or scene, its path built from the file tree."""
    return call(
        client, "POST", api.NEW_INSTANCE_OUTPUT_FILE,
        {"asset_instance_id": asset_instance, "temporal_entity_id": temporal_entity},
        body=fields(
            {
                "output_type_id": ref(output_type), "task_type_id": ref(task_type), "comment": comment,
                "revision": revision, "representation": representation, "name": name, "nb_elements": nb_elements,
                "sep": sep,
            },
            working_file_id=ref(working_file), person_id=ref(person), file_status_id=ref(file_status_id),
        ),
        result=ROW,
    )


def update_output_file(output_file: Ref, data: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Save ``data``'s fields on an output file."""
    return call(client, "PUT", api.OUTPUT_FILE, {"output_file_id": output_file}, body=dict(data), result=ROW)


@cache
def get_working_file(working_file_id: Ref, client: KitsuClient = default_client) -> Row:
    """A working file's record."""
    return call(client, "GET", api.WORKING_FILE, {"working_file_id": working_file_id}, result=ROW)


@cache
def get_working_files_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A task's working files."""
    return call(client, "GET", api.TASK_WORKING_FILES, {"task_id": task}, result=LIST)


@cache
def get_all_working_files_for_entity(
    entity: Ref, task: Ref | None = None, name: str | None = None, client: KitsuClient = default_client,
) -> list[Row]:
    """An entity's working files (of one task, of one name)."""
    return call(
        client, "GET", api.ENTITY_WORKING_FILES, {"entity_id": entity}, params={"task_id": ref(task), "name": name},
        result=LIST,
    )


@cache
def get_last_working_files(task: Ref, client: KitsuClient = default_client) -> Row:
    """A task's newest working file of each name, by name."""
    return call(client, "GET", api.TASK_LAST_WORKING_FILES, {"task_id": task}, result=ROW)


def new_working_file(
    task: Ref, name: str = "main", mode: str = "working", software: Ref | None = None, comment: str = "",
    person: Ref | None = None, revision: int = 0, sep: str = "/", client: KitsuClient = default_client,
) -> Row:
    """A new working file of a task, its path built from the production's file tree."""
    return call(
        client, "POST", api.NEW_WORKING_FILE, {"task_id": task},
        body=fields(
            {"name": name, "comment": comment, "task_id": ref(task), "revision": revision, "mode": mode},
            person_id=ref(person), software_id=ref(software),
        ),
        result=ROW,
    )


def update_comment(working_file: Ref, comment: str, client: KitsuClient = default_client) -> Row:
    """Set a working file's comment."""
    return call(
        client, "PUT", api.WORKING_FILE_COMMENT, {"working_file_id": working_file}, body={"comment": comment},
        result=ROW,
    )


def update_modification_date(working_file: Ref, client: KitsuClient = default_client) -> Row:
    """Stamp a working file as modified now (server time)."""
    return call(client, "PUT", api.WORKING_FILE_MODIFIED, {"working_file_id": working_file}, body={}, result=ROW)


def upload_working_file(
    working_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Store a file's content as the working file's (streamed from disk)."""
    return upload(
        client, api.WORKING_FILE_CONTENT, {"working_file_id": working_file}, [file_path], progress=progress_callback,
    )


@cache
def all_softwares(client: KitsuClient = default_client) -> list[Row]:
    """Every software."""
    return call(client, "GET", api.SOFTWARES, result=LIST)


@cache
def get_software(software_id: Ref, client: KitsuClient = default_client) -> Row:
    """A software's record."""
    return call(client, "GET", api.SOFTWARE, {"software_id": software_id}, result=ROW)


@cache
def get_software_by_name(software_name: str, client: KitsuClient = default_client) -> Row | None:
    """The software named so, or None."""
    return call(client, "GET", api.SOFTWARES, params={"name": software_name}, result=FIRST)


def update_software(software: Record, client: KitsuClient = default_client) -> Row:
    """Save the fields of ``software`` (a dict with its id)."""
    return call(client, "PUT", api.SOFTWARE, {"software_id": software}, body=record(software), result=ROW)


@cache
def get_file_status(status_id: Ref, client: KitsuClient = default_client) -> Row:
    """A file status's record."""
    return call(client, "GET", api.FILE_STATUS, {"file_status_id": status_id}, result=ROW)


@cache
def get_file_status_by_name(name: str, client: KitsuClient = default_client) -> Row | None:
    """The file status named so, or None."""
    return call(client, "GET", api.FILE_STATUSES, params={"name": name}, result=FIRST)


@cache
def get_preview_file(preview_file_id: Ref, client: KitsuClient = default_client) -> Row:
    """A preview's record (its ``status``: processing, ready or broken)."""
    return call(client, "GET", api.PREVIEW_FILE, {"preview_file_id": preview_file_id}, result=ROW)


def remove_preview_file(preview_file: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete a preview (``force``: its stored files too, whatever the server's setting)."""
    return call(
        client, "DELETE", api.PREVIEW_FILE, {"preview_file_id": preview_file}, params={"force": flag(force)},
        result=TEXT,
    )


@cache
def get_all_preview_files_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A task's previews."""
    return call(client, "GET", api.PREVIEW_FILES, params={"task_id": ref(task)}, result=LIST)


@cache
def get_running_preview_files(client: KitsuClient = default_client) -> list[Row]:
    """The previews the server is processing."""
    return call(client, "GET", api.RUNNING_PREVIEW_FILES, result=LIST)


def update_preview(preview_file: Ref, data: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Save ``data``'s fields on a preview."""
    return call(client, "PUT", api.PREVIEW_FILE, {"preview_file_id": preview_file}, body=dict(data), result=ROW)


def update_preview_position(preview_file: Ref, position: float, client: KitsuClient = default_client) -> Any:
    """Move a preview within its revision."""
    return call(client, "PUT", api.UPDATE_POSITION, {"preview_file_id": preview_file}, body={"position": position})


def update_preview_annotations(
    preview_file: Ref, additions: list[dict[str, Any]] | None = None, updates: list[dict[str, Any]] | None = None,
    deletions: list[str] | None = None, client: KitsuClient = default_client,
) -> Row:
    """Add, change and remove a preview's annotations (those given)."""
    return call(
        client, "PUT", api.UPDATE_ANNOTATIONS, {"preview_file_id": preview_file},
        body=fields({}, additions=additions, updates=updates, deletions=deletions), result=ROW,
    )


def download_preview_file_thumbnail(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a preview's thumbnail at ``file_path``."""
    return download(
        client, api.PREVIEW_THUMBNAIL, {"preview_file_id": preview_file}, file_path, progress=progress_callback,
    )


def download_preview_file_cover(
    preview_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a preview's full-size picture (a movie's first frame) at ``file_path``."""
    return download(
        client, api.PREVIEW_PICTURE, {"preview_file_id": preview_file, "extension": "png"}, file_path,
        progress=progress_callback,
    )


def get_attachment_file(attachment_file_id: Ref, client: KitsuClient = default_client) -> Row:
    """An attachment's record."""
    return call(client, "GET", api.ATTACHMENT_FILE, {"attachment_file_id": attachment_file_id}, result=ROW)


@cache
def get_all_attachment_files_for_task(task: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The attachments of a task's comments."""
    return call(client, "GET", api.TASK_ATTACHMENTS, {"task_id": task}, result=LIST)


def get_all_attachment_files_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """The attachments of a production's comments."""
    return call(client, "GET", api.PROJECT_ATTACHMENTS, {"project_id": project}, result=LIST)


def download_attachment_thumbnail(
    attachment_file: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save an attachment's thumbnail at ``file_path``."""
    return download(
        client, api.ATTACHMENT_THUMBNAIL, {"attachment_file_id": attachment_file}, file_path,
        progress=progress_callback,
    )


def download_person_avatar(
    person: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a person's avatar at ``file_path``."""
    return download(client, api.PERSON_AVATAR_FILE, {"person_id": person}, file_path, progress=progress_callback)


def upload_person_avatar(
    person: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Make a picture a person's avatar (its ``thumbnail_path`` answered)."""
    return upload(client, api.PERSON_AVATAR, {"person_id": person}, [file_path], progress=progress_callback)


def download_project_avatar(
    project: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save a production's avatar at ``file_path``."""
    return download(client, api.PROJECT_AVATAR_FILE, {"project_id": project}, file_path, progress=progress_callback)


def upload_project_avatar(
    project: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Make a picture a production's avatar (its ``thumbnail_path`` answered)."""
    return upload(client, api.PROJECT_AVATAR, {"project_id": project}, [file_path], progress=progress_callback)


def download_organisation_avatar(
    organisation: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Downloaded:
    """Save the studio's avatar at ``file_path``."""
    return download(
        client, api.ORGANISATION_AVATAR_FILE, {"organisation_id": organisation}, file_path, progress=progress_callback,
    )


def upload_organisation_avatar(
    organisation: Ref, file_path: StrPath, client: KitsuClient = default_client, *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Make a picture the studio's avatar (its ``thumbnail_path`` answered)."""
    return upload(
        client, api.ORGANISATION_AVATAR, {"organisation_id": organisation}, [file_path], progress=progress_callback,
    )


def update_project_file_tree(project: Ref, file_tree: dict[str, Any], client: KitsuClient = default_client) -> Row:
    """Make ``file_tree`` the production's path templates."""
    return call(client, "PUT", api.PROJECT, {"project_id": project}, body={"file_tree": record(file_tree)}, result=ROW)
