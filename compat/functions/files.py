"""``gazu.files``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Composed, Fn

#: The filters of the output file lists (1.3.1 leaves out an empty name or representation).
_OUTPUT_FILTERS = {
    "output_type_id": "ref(output_type)", "task_type_id": "ref(task_type)", "file_status_id": "ref(file_status)",
    "representation": "representation or None", "name": "name or None",
}
#: What a new output file is sent (its optional links only when given).
_NEW_OUTPUT = {
    "output_type_id": "ref(output_type)", "task_type_id": "ref(task_type)", "comment": "comment",
    "revision": "revision", "representation": "representation", "name": "name", "nb_elements": "nb_elements",
    "sep": "sep", "working_file_id?": "ref(working_file)", "person_id?": "ref(person)",
    "file_status_id?": "ref(file_status_id)",
}
_PROGRESS = "progress_callback=None"
#: What the next output revision is asked for.
_REVISION = {"task_type_id": "ref(task_type)", "output_type_id": "ref(output_type)", "name": "name"}
#: What an output file's path is asked for.
_OUTPUT_PATH = {
    "task_type_id": "ref(task_type)", "output_type_id": "ref(output_type)", "mode": "mode", "name": "name",
    "representation": "representation", "revision": "revision", "nb_elements": "nb_elements", "separator": "sep",
}

FUNCTIONS: tuple[Fn | Composed, ...] = (
    Composed("get_preview_file_url(preview_file)", "str", "The path, relative to the API, of a preview's original file.",
             'preview_path(client, preview_file, "original")'),
    Composed("get_preview_movie_url(preview_file, lowdef=False)", "str",
             "The path, relative to the API, of a preview's movie (low definition with ``lowdef``).",
             'preview_path(client, preview_file, "lowdef" if lowdef else "movie")'),
    Composed("get_preview_lowdef_movie_url(preview_file)", "str",
             "The path, relative to the API, of a preview's low-definition movie.",
             "get_preview_movie_url(preview_file, True, client=client)"),
    Fn("get_last_working_file_revision(task, name='main')", "GET", api.TASK_LAST_WORKING_FILES,
       "A task's newest working file named ``name``, or None.", cached=True, result="row", then="answer.get(name)",
       returns="Row | None"),
    # ------------------------------------------------- previews' files
    Composed("download_preview_file(preview_file, file_path)", "Downloaded",
             "Save a preview's original file (its movie for an mp4) at ``file_path``.",
             'download(client, *preview_source(client, preview_file, "original"), file_path, progress=progress_callback)',
             after_client=_PROGRESS),
    Composed("download_preview_movie(preview_file, file_path)", "Downloaded", "Save a preview's movie at ``file_path``.",
             'download(client, *preview_source(client, preview_file, "movie"), file_path, progress=progress_callback)',
             after_client=_PROGRESS),
    Composed("download_preview_lowdef_movie(preview_file, file_path)", "Downloaded",
             "Save a preview's low-definition movie at ``file_path``.",
             'download(client, *preview_source(client, preview_file, "lowdef"), file_path, progress=progress_callback)',
             after_client=_PROGRESS),
    # ------------------------------------------------------------ paths
    Fn("build_working_file_path(task, name='main', mode='working', software=None, revision=1, sep='/')", "POST",
       api.WORKING_FILE_PATH, "Where a task's working file goes by the production's file tree (no extension).",
       cached=True, body={"mode": "mode", "name": "name", "revision": "revision", "separator": "sep",
                          "software_id?": "ref(software)"},
       then='joined_path(answer, "path", "name", sep)', returns="str"),
    Fn("build_entity_output_file_path(entity, output_type, task_type, name='main', mode='output', representation='', "
       "revision=0, nb_elements=1, sep='/')", "POST", api.ENTITY_OUTPUT_PATH,
       "Where an entity's output file goes by the production's file tree (no extension).", cached=True,
       body=_OUTPUT_PATH, then='joined_path(answer, "folder_path", "file_name", sep)', returns="str"),
    Fn("build_asset_instance_output_file_path(asset_instance, temporal_entity, output_type, task_type, name='main', "
       "representation='', mode='output', revision=0, nb_elements=1, sep='/')", "POST", api.INSTANCE_OUTPUT_PATH,
       "Where an asset instance's output file in a shot or scene goes (no extension).", cached=True,
       body=_OUTPUT_PATH, then='joined_path(answer, "folder_path", "file_name", sep)', returns="str"),
    # ------------------------------------------------- get-or-create
    Fn("new_output_type(name, short_name)", "POST", api.OUTPUT_TYPES,
       "The output type named ``name``, created when there is none.", body={"name": "name", "short_name": "short_name"},
       lookup="get_output_type_by_name(name, client=client)"),
    Fn("new_software(name, short_name, file_extension, secondary_extensions=None)", "POST", api.SOFTWARES,
       "The software named ``name``, created when there is none.",
       body={"name": "name", "short_name": "short_name", "file_extension": "file_extension",
             "secondary_extensions?": "secondary_extensions"},
       lookup="get_software_by_name(name, client=client)",
       types={"file_extension": "str", "secondary_extensions": "list[str] | None"}),
    Fn("new_file_status(name, color)", "POST", api.FILE_STATUSES,
       "The file status named ``name``, created when there is none.", body={"name": "name", "color": "color"},
       lookup="get_file_status_by_name(name, client=client)"),
    # ------------------------------------------------------ revisions
    Fn("get_next_entity_output_revision(entity, output_type, task_type, name='main')", "POST",
       api.ENTITY_NEXT_REVISION, "The revision an entity's next output file of this kind gets.",
       body=_REVISION, then='int(answer["next_revision"])', returns="int"),
    Fn("get_next_asset_instance_output_revision(asset_instance, temporal_entity, output_type, task_type, "
       "name='master')", "POST", api.INSTANCE_NEXT_REVISION,
       "The revision an asset instance's next output file of this kind gets.",
       body=_REVISION, then='int(answer["next_revision"])', returns="int"),
    Composed("get_last_entity_output_revision(entity, output_type, task_type, name='master')", "int",
             "An entity's newest output revision of this kind (0: none yet).",
             "get_next_entity_output_revision(entity, output_type, task_type, name, client=client) - 1"),
    Composed("get_last_asset_instance_output_revision(asset_instance, temporal_entity, output_type, task_type, "
             "name='master')", "int", "An asset instance's newest output revision of this kind (0: none yet).",
             "get_next_asset_instance_output_revision(\n"
             "asset_instance, temporal_entity, output_type, task_type, name, client=client) - 1"),
    # ------------------------------------------------- previews' files
    Composed("get_attachment_thumbnail_url(attachment_file)", "str",
             "The path, relative to the API, of an attachment's thumbnail (no request).",
             "api.ATTACHMENT_THUMBNAIL.fill(True, attachment_file_id=attachment_file)"),
    Fn("extract_frame_from_preview(preview_file, frame_number, file_path=None)", "GET", api.EXTRACT_FRAME,
       "One frame of a preview's movie, saved at ``file_path`` (without one: in the response's ``content``).",
       kind="download", target="file_path", query={"frame_number": "frame_number"}, after_client=_PROGRESS),
    Fn("extract_tile_from_preview(preview_file, file_path=None)", "GET", api.EXTRACT_TILE,
       "A preview's tile of frames, saved at ``file_path`` (without one: in the response's ``content``).",
       kind="download", target="file_path", after_client=_PROGRESS),
    # ------------------------------------------------------ output types
    Fn("all_output_types()", "GET", api.OUTPUT_TYPES, "Every output type.", cached=True),
    Fn("all_output_types_for_entity(entity)", "GET", api.ENTITY_OUTPUT_TYPES,
       "The output types of an entity's output files.", cached=True),
    Fn("all_output_types_for_asset_instance(asset_instance, temporal_entity)", "GET", api.INSTANCE_OUTPUT_TYPES,
       "The output types of an asset instance's output files in a shot or scene.", cached=True),
    Fn("get_output_type(output_type_id)", "GET", api.OUTPUT_TYPE, "An output type's record.", cached=True),
    Fn("get_output_type_by_name(output_type_name)", "GET", api.OUTPUT_TYPES, "The output type named so, or None.",
       result="first", cached=True, query={"name": "output_type_name"}, types={"output_type_name": "str"}),
    # ------------------------------------------------------ output files
    Fn("get_output_file(output_file_id)", "GET", api.OUTPUT_FILE, "An output file's record.", cached=True),
    Fn("get_output_file_by_path(path)", "GET", api.OUTPUT_FILES, "The output file stored at ``path``, or None.",
       result="first", cached=True, query={"path": "path"}),
    Fn("all_output_files_for_entity(entity, output_type=None, task_type=None, name=None, representation=None, "
       "file_status=None)", "GET", api.ENTITY_OUTPUT_FILES, "An entity's output files, filtered by what is given.",
       query=_OUTPUT_FILTERS),
    Fn("all_output_files_for_asset_instance(asset_instance, temporal_entity=None, task_type=None, output_type=None, "
       "name=None, representation=None, file_status=None)", "GET", api.INSTANCE_OUTPUT_FILES,
       "An asset instance's output files, filtered by what is given.", cached=True,
       query={"temporal_entity_id": "ref(temporal_entity)", **_OUTPUT_FILTERS}),
    Fn("all_output_files_for_project(project, output_type=None, task_type=None, name=None, representation=None, "
       "file_status=None)", "GET", api.PROJECT_OUTPUT_FILES, "A production's output files, filtered by what is given.",
       query=_OUTPUT_FILTERS),
    Fn("get_last_output_files_for_entity(entity, output_type=None, task_type=None, name=None, representation=None, "
       "file_status=None)", "GET", api.ENTITY_LAST_OUTPUT_FILES,
       "The newest revision of each of an entity's output files, filtered by what is given.", cached=True,
       query=_OUTPUT_FILTERS),
    Fn("get_last_output_files_for_asset_instance(asset_instance, temporal_entity, task_type=None, output_type=None, "
       "name=None, representation=None, file_status=None)", "GET", api.INSTANCE_LAST_OUTPUT_FILES,
       "The newest revision of each of an asset instance's output files in a shot or scene.", cached=True,
       query=_OUTPUT_FILTERS),
    Fn("new_entity_output_file(entity, output_type, task_type, comment, working_file=None, person=None, name='main', "
       "mode='output', revision=0, nb_elements=1, representation='', sep='/', file_status_id=None)", "POST",
       api.NEW_ENTITY_OUTPUT_FILE, "A new output file of an entity, its path built from the production's file tree.",
       body=_NEW_OUTPUT),
    Fn("new_asset_instance_output_file(asset_instance, temporal_entity, output_type, task_type, comment, "
       "name='master', mode='output', working_file=None, person=None, revision=0, nb_elements=1, representation='', "
       "sep='/', file_status_id=None)", "POST", api.NEW_INSTANCE_OUTPUT_FILE,
       "A new output file of an asset instance in a shot or scene, its path built from the file tree.",
       body=_NEW_OUTPUT),
    Fn("update_output_file(output_file, data)", "PUT", api.OUTPUT_FILE, "Save ``data``'s fields on an output file.",
       body="dict(data)"),
    # ----------------------------------------------------- working files
    Fn("get_working_file(working_file_id)", "GET", api.WORKING_FILE, "A working file's record.", cached=True),
    Fn("get_working_files_for_task(task)", "GET", api.TASK_WORKING_FILES, "A task's working files.", cached=True),
    Fn("get_all_working_files_for_entity(entity, task=None, name=None)", "GET", api.ENTITY_WORKING_FILES,
       "An entity's working files (of one task, of one name).", cached=True,
       query={"task_id": "ref(task)", "name": "name"}),
    Fn("get_last_working_files(task)", "GET", api.TASK_LAST_WORKING_FILES,
       "A task's newest working file of each name, by name.", cached=True),
    Fn("new_working_file(task, name='main', mode='working', software=None, comment='', person=None, revision=0, "
       "sep='/')", "POST", api.NEW_WORKING_FILE,
       "A new working file of a task, its path built from the production's file tree.",
       body={"name": "name", "comment": "comment", "task_id": "ref(task)", "revision": "revision", "mode": "mode",
             "person_id?": "ref(person)", "software_id?": "ref(software)"}),
    Fn("update_comment(working_file, comment)", "PUT", api.WORKING_FILE_COMMENT, "Set a working file's comment.",
       body={"comment": "comment"}),
    Fn("update_modification_date(working_file)", "PUT", api.WORKING_FILE_MODIFIED,
       "Stamp a working file as modified now (server time).", body={}),
    Fn("upload_working_file(working_file, file_path)", "POST", api.WORKING_FILE_CONTENT,
       "Store a file's content as the working file's (streamed from disk).", kind="upload", files="[file_path]",
       after_client=_PROGRESS),
    # ---------------------------------------------- softwares, statuses
    Fn("all_softwares()", "GET", api.SOFTWARES, "Every software.", cached=True),
    Fn("get_software(software_id)", "GET", api.SOFTWARE, "A software's record.", cached=True),
    Fn("get_software_by_name(software_name)", "GET", api.SOFTWARES, "The software named so, or None.",
       result="first", cached=True, query={"name": "software_name"}, types={"software_name": "str"}),
    Fn("update_software(software)", "PUT", api.SOFTWARE, "Save the fields of ``software`` (a dict with its id).",
       body="record(software)", types={"software": "Record"}),
    Fn("get_file_status(status_id)", "GET", api.FILE_STATUS, "A file status's record.", cached=True,
       ids={"file_status_id": "status_id"}),
    Fn("get_file_status_by_name(name)", "GET", api.FILE_STATUSES, "The file status named so, or None.",
       result="first", cached=True, query={"name": "name"}),
    # ---------------------------------------------------------- previews
    Fn("get_preview_file(preview_file_id)", "GET", api.PREVIEW_FILE,
       "A preview's record (its ``status``: processing, ready or broken).", cached=True),
    Fn("remove_preview_file(preview_file, force=False)", "DELETE", api.PREVIEW_FILE,
       "Delete a preview (``force``: its stored files too, whatever the server's setting).",
       query={"force": "flag(force)"}),
    Fn("get_all_preview_files_for_task(task)", "GET", api.PREVIEW_FILES, "A task's previews.", cached=True,
       query={"task_id": "ref(task)"}),
    Fn("get_running_preview_files()", "GET", api.RUNNING_PREVIEW_FILES, "The previews the server is processing.",
       cached=True),
    Fn("update_preview(preview_file, data)", "PUT", api.PREVIEW_FILE, "Save ``data``'s fields on a preview.",
       body="dict(data)"),
    Fn("update_preview_position(preview_file, position)", "PUT", api.UPDATE_POSITION,
       "Move a preview within its revision.", body={"position": "position"}, types={"position": "float"}),
    Fn("update_preview_annotations(preview_file, additions=None, updates=None, deletions=None)", "PUT",
       api.UPDATE_ANNOTATIONS, "Add, change and remove a preview's annotations (those given).",
       body={"additions?": "additions", "updates?": "updates", "deletions?": "deletions"},
       types={"additions": "list[dict[str, Any]] | None", "updates": "list[dict[str, Any]] | None",
              "deletions": "list[str] | None"}),
    Fn("download_preview_file_thumbnail(preview_file, file_path)", "GET", api.PREVIEW_THUMBNAIL,
       "Save a preview's thumbnail at ``file_path``.", kind="download", target="file_path", after_client=_PROGRESS),
    Fn("download_preview_file_cover(preview_file, file_path)", "GET", api.PREVIEW_PICTURE,
       "Save a preview's full-size picture (a movie's first frame) at ``file_path``.", kind="download",
       target="file_path", ids={"extension": '"png"'}, after_client=_PROGRESS),
    # ------------------------------------------------------- attachments
    Fn("get_attachment_file(attachment_file_id)", "GET", api.ATTACHMENT_FILE, "An attachment's record."),
    Fn("get_all_attachment_files_for_task(task)", "GET", api.TASK_ATTACHMENTS, "The attachments of a task's comments.",
       cached=True),
    Fn("get_all_attachment_files_for_project(project)", "GET", api.PROJECT_ATTACHMENTS,
       "The attachments of a production's comments."),
    Fn("download_attachment_thumbnail(attachment_file, file_path)", "GET", api.ATTACHMENT_THUMBNAIL,
       "Save an attachment's thumbnail at ``file_path``.", kind="download", target="file_path",
       after_client=_PROGRESS),
    # ----------------------------------------------------------- avatars
    Fn("download_person_avatar(person, file_path)", "GET", api.PERSON_AVATAR_FILE,
       "Save a person's avatar at ``file_path``.", kind="download", target="file_path", after_client=_PROGRESS),
    Fn("upload_person_avatar(person, file_path)", "POST", api.PERSON_AVATAR,
       "Make a picture a person's avatar (its ``thumbnail_path`` answered).", kind="upload", files="[file_path]",
       after_client=_PROGRESS),
    Fn("download_project_avatar(project, file_path)", "GET", api.PROJECT_AVATAR_FILE,
       "Save a production's avatar at ``file_path``.", kind="download", target="file_path", after_client=_PROGRESS),
    Fn("upload_project_avatar(project, file_path)", "POST", api.PROJECT_AVATAR,
       "Make a picture a production's avatar (its ``thumbnail_path`` answered).", kind="upload",
       files="[file_path]", after_client=_PROGRESS),
    Fn("download_organisation_avatar(organisation, file_path)", "GET", api.ORGANISATION_AVATAR_FILE,
       "Save the studio's avatar at ``file_path``.", kind="download", target="file_path", after_client=_PROGRESS),
    Fn("upload_organisation_avatar(organisation, file_path)", "POST", api.ORGANISATION_AVATAR,
       "Make a picture the studio's avatar (its ``thumbnail_path`` answered).", kind="upload", files="[file_path]",
       after_client=_PROGRESS),
    # -------------------------------------------------------- file trees
    Fn("update_project_file_tree(project, file_tree)", "PUT", api.PROJECT,
       "Make ``file_tree`` the production's path templates.", body={"file_tree": "record(file_tree)"},
       types={"file_tree": "dict[str, Any]"}),
)
