"""Where gazu reads and writes, as data: the routes official gazu 1.3.1 uses
(``shared/spec/gazu-routes.md``), by name. Several differ from the routes
the typed models use (gazu reads an asset at ``data/assets/<id>``, ``Asset``
at ``data/entities/<id>``); the functions name a route here instead of
spelling a path. Placeholders are ids, filled in by
``kitsu_models.routes.path``.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from kitsu_models import errors
from kitsu_models.ids import is_id
from kitsu_models.models import (
    Asset, AssetInstance, AttachmentFile, Comment, Department, Entity, EntityType, Episode, FileStatus,
    MetadataDescriptor, OutputFile, OutputType, Person, Playlist, PreviewFile, Project, Sequence, Shot, Software,
    Task, TaskStatus, TaskType, WorkingFile,
)
from kitsu_models.orm.base import KitsuModel

# ------------------------------------------------------------- projects
PROJECTS = "data/projects"
OPEN_PROJECTS = "data/projects/open"
PROJECT = "data/projects/{project_id}"
PROJECT_STATUSES = "data/project-status"
DESCRIPTORS = "data/projects/{project_id}/metadata-descriptors"
DESCRIPTOR = "data/projects/{project_id}/metadata-descriptors/{descriptor_id}"

# --------------------------------------------------------------- people
PERSONS = "data/persons"
PERSON = "data/persons/{person_id}"
DEPARTMENTS = "data/departments"
ORGANISATIONS = "data/organisations"
AUTHENTICATED = "auth/authenticated"
PERSON_AVATAR = "pictures/thumbnails/persons/{person_id}"

# ----------------------------------------------------- entities, types
ENTITIES = "data/entities"
ENTITY = "data/entities/{entity_id}"
ENTITY_TYPES = "data/entity-types"
ENTITY_TYPE = "data/entity-types/{entity_type_id}"
ASSET_TYPES = "data/asset-types"
ASSET_TYPE = "data/asset-types/{asset_type_id}"
PROJECT_ASSET_TYPES = "data/projects/{project_id}/asset-types"
SHOT_ASSET_TYPES = "data/shots/{shot_id}/asset-types"

# --------------------------------------------------------------- assets
ASSETS = "data/assets"
ALL_ASSETS = "data/assets/all"
ASSET = "data/assets/{asset_id}"
PROJECT_ASSETS = "data/projects/{project_id}/assets"
PROJECT_TYPE_ASSETS = "data/projects/{project_id}/asset-types/{asset_type_id}/assets"
NEW_ASSET = "data/projects/{project_id}/asset-types/{asset_type_id}/assets/new"
SHOT_ASSETS = "data/shots/{shot_id}/assets"
ASSET_INSTANCE = "data/asset-instances/{asset_instance_id}"
ASSET_ASSET_INSTANCES = "data/assets/{asset_id}/asset-asset-instances"
ASSET_SCENE_INSTANCES = "data/assets/{asset_id}/scene-asset-instances"
ASSET_SHOT_INSTANCES = "data/assets/{asset_id}/shot-asset-instances"
SHOT_ASSET_INSTANCES = "data/shots/{shot_id}/asset-instances"
SHOT_ASSET_INSTANCE = "data/shots/{shot_id}/asset-instances/{asset_instance_id}"

# ------------------------------------------- episodes, sequences, shots
EPISODES = "data/episodes"
EPISODE = "data/episodes/{episode_id}"
PROJECT_EPISODES = "data/projects/{project_id}/episodes"
SEQUENCES = "data/sequences"
SEQUENCE = "data/sequences/{sequence_id}"
PROJECT_SEQUENCES = "data/projects/{project_id}/sequences"
EPISODE_SEQUENCES = "data/episodes/{episode_id}/sequences"
ALL_SHOTS = "data/shots/all"
SHOT = "data/shots/{shot_id}"
PROJECT_SHOTS = "data/projects/{project_id}/shots"
EPISODE_SHOTS = "data/episodes/{episode_id}/shots"
SEQUENCE_SHOTS = "data/sequences/{sequence_id}/shots"
SHOT_PREVIEWS = "data/shots/{shot_id}/preview-files"

# -------------------------------------------------------------- casting
CASTING = "data/projects/{project_id}/entities/{entity_id}/casting"
SEQUENCE_CASTING = "data/projects/{project_id}/sequences/{sequence_id}/casting"
PROJECT_SHOTS_CASTING = "data/projects/{project_id}/sequences/all/casting"
ASSET_TYPE_CASTING = "data/projects/{project_id}/asset-types/{asset_type_id}/casting"
CAST_IN = "data/assets/{asset_id}/cast-in"

# ------------------------------------------------------------ playlists
PLAYLISTS = "data/playlists"
PLAYLIST = "data/playlists/{playlist_id}"
PROJECT_PLAYLISTS = "data/projects/{project_id}/playlists"
EPISODE_PLAYLISTS = "data/projects/{project_id}/episodes/{episode_id}/playlists"

# ----------------------------------------------------------------- sync
LAST_EVENTS = "data/events/last"
IMPORT_ENTITIES = "import/kitsu/entities"
IMPORT_TASKS = "import/kitsu/tasks"

# ---------------------------------------------------------------- tasks
TASKS = "data/tasks"
TASK = "data/tasks/{task_id}"
TASK_FULL = "data/tasks/{task_id}/full"
TASK_TYPES = "data/task-types"
TASK_TYPE = "data/task-types/{task_type_id}"
TASK_STATUSES = "data/task-status"
TASK_STATUS = "data/task-status/{task_status_id}"
PROJECT_TASK_TYPES = "data/projects/{project_id}/task-types"
PROJECT_TASK_STATUSES = "data/projects/{project_id}/settings/task-status"
PROJECT_TASKS = "data/projects/{project_id}/tasks"
ASSET_TASKS = "data/assets/{asset_id}/tasks"
SHOT_TASKS = "data/shots/{shot_id}/tasks"
SCENE_TASKS = "data/scenes/{scene_id}/tasks"
SEQUENCE_TASKS = "data/sequences/{sequence_id}/tasks"
EPISODE_TASKS = "data/episodes/{episode_id}/tasks"
SEQUENCE_SHOT_TASKS = "data/sequences/{sequence_id}/shot-tasks"
EPISODE_SHOT_TASKS = "data/episodes/{episode_id}/shot-tasks"
EPISODE_ASSET_TASKS = "data/episodes/{episode_id}/asset-tasks"
ENTITY_TYPE_TASKS = "data/entities/{entity_id}/task-types/{task_type_id}/tasks"
PERSON_TASKS = "data/persons/{person_id}/tasks"
PERSON_DONE_TASKS = "data/persons/{person_id}/done-tasks"
ASSET_TASK_TYPES = "data/assets/{asset_id}/task-types"
SHOT_TASK_TYPES = "data/shots/{shot_id}/task-types"
SCENE_TASK_TYPES = "data/scenes/{scene_id}/task-types"
SEQUENCE_TASK_TYPES = "data/sequences/{sequence_id}/task-types"
EPISODE_TASK_TYPES = "data/episodes/{episode_id}/task-types"
ASSIGN = "actions/persons/{person_id}/assign"
TIME_SPENTS = "actions/tasks/{task_id}/time-spents/{date}"
SET_TIME_SPENT = "actions/tasks/{task_id}/time-spents/{date}/persons/{person_id}"
ADD_TIME_SPENT = "actions/tasks/{task_id}/time-spents/{date}/persons/{person_id}/add"
GUESS_FROM_PATH = "data/entities/guess-from-path"

# ------------------------------------------------- comments and previews
COMMENTS = "data/comments"
COMMENT = "data/comments/{comment_id}"
TASK_COMMENTS = "data/tasks/{task_id}/comments"
ADD_COMMENT = "actions/tasks/{task_id}/comment"
ADD_ATTACHMENTS = "actions/tasks/{task_id}/comments/{comment_id}/add-attachment"
ADD_PREVIEW = "actions/tasks/{task_id}/comments/{comment_id}/add-preview"
PREVIEW_FILES = "data/preview-files"
PREVIEW_FILE = "data/preview-files/{preview_file_id}"
PREVIEW_UPLOAD = "pictures/preview-files/{preview_file_id}"
SET_MAIN_PREVIEW = "actions/preview-files/{preview_file_id}/set-main-preview"
PREVIEW_MOVIE = "movies/originals/preview-files/{preview_file_id}.mp4"
PREVIEW_PICTURE = "pictures/originals/preview-files/{preview_file_id}.{extension}"
PREVIEW_COVER = "pictures/originals/preview-files/{preview_file_id}.png"
PREVIEW_THUMBNAIL = "pictures/thumbnails/preview-files/{preview_file_id}.png"
TASK_ATTACHMENTS = "data/tasks/{task_id}/attachment-files"
ATTACHMENT_FILE = "data/attachment-files/{attachment_file_id}"
ATTACHMENT_DOWNLOAD = "data/attachment-files/{attachment_file_id}/file/{file_name}"
PERSON_AVATAR_FILE = "pictures/thumbnails/persons/{person_id}.png"
PROJECT_AVATAR_FILE = "pictures/thumbnails/projects/{project_id}.png"

# ---------------------------------------------------------------- files
OUTPUT_TYPES = "data/output-types"
OUTPUT_TYPE = "data/output-types/{output_type_id}"
ENTITY_OUTPUT_TYPES = "data/entities/{entity_id}/output-types"
INSTANCE_OUTPUT_TYPES = "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-types"
OUTPUT_FILES = "data/output-files"
OUTPUT_FILE = "data/output-files/{output_file_id}"
ENTITY_OUTPUT_FILES = "data/entities/{entity_id}/output-files"
INSTANCE_OUTPUT_FILES = "data/asset-instances/{asset_instance_id}/output-files"
ENTITY_LAST_OUTPUT_FILES = "data/entities/{entity_id}/output-files/last-revisions"
INSTANCE_LAST_OUTPUT_FILES = (
    "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-files/last-revisions"
)
ENTITY_NEXT_REVISION = "data/entities/{entity_id}/output-files/next-revision"
INSTANCE_NEXT_REVISION = (
    "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-files/next-revision"
)
NEW_ENTITY_OUTPUT_FILE = "data/entities/{entity_id}/output-files/new"
NEW_INSTANCE_OUTPUT_FILE = "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-files/new"
ENTITY_OUTPUT_PATH = "data/entities/{entity_id}/output-file-path"
INSTANCE_OUTPUT_PATH = "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-file-path"
WORKING_FILE = "data/working-files/{working_file_id}"
WORKING_FILE_CONTENT = "data/working-files/{working_file_id}/file"
WORKING_FILE_COMMENT = "actions/working-files/{working_file_id}/comment"
WORKING_FILE_MODIFIED = "actions/working-files/{working_file_id}/modified"
ENTITY_WORKING_FILES = "data/entities/{entity_id}/working-files"
TASK_WORKING_FILES = "data/tasks/{task_id}/working-files"
TASK_LAST_WORKING_FILES = "data/tasks/{task_id}/working-files/last-revisions"
NEW_WORKING_FILE = "data/tasks/{task_id}/working-files/new"
WORKING_FILE_PATH = "data/tasks/{task_id}/working-file-path"
SOFTWARES = "data/softwares"
SOFTWARE = "data/softwares/{software_id}"
FILE_STATUSES = "data/file-status"
FILE_STATUS = "data/file-status/{file_status_id}"

# --------------------------------------------- the logged-in user's views
USER_OPEN_PROJECTS = "data/user/projects/open"
USER_ASSET_TYPES = "data/user/projects/{project_id}/asset-types"
USER_TYPE_ASSETS = "data/user/projects/{project_id}/asset-types/{asset_type_id}/assets"
USER_SEQUENCES = "data/user/projects/{project_id}/sequences"
USER_EPISODES = "data/user/projects/{project_id}/episodes"
USER_SEQUENCE_SHOTS = "data/user/sequences/{sequence_id}/shots"
USER_SEQUENCE_SCENES = "data/user/sequences/{sequence_id}/scenes"
USER_ASSET_TASKS = "data/user/assets/{asset_id}/tasks"
USER_SHOT_TASKS = "data/user/shots/{shot_id}/tasks"
USER_SCENE_TASKS = "data/user/scenes/{scene_id}/tasks"
USER_SEQUENCE_TASKS = "data/user/sequences/{sequence_id}/tasks"
USER_ASSET_TASK_TYPES = "data/user/assets/{asset_id}/task-types"
USER_SHOT_TASK_TYPES = "data/user/shots/{shot_id}/task-types"
USER_SCENE_TASK_TYPES = "data/user/scenes/{scene_id}/task-types"
USER_SEQUENCE_TASK_TYPES = "data/user/sequences/{sequence_id}/task-types"
USER_TASKS = "data/user/tasks"
USER_DONE_TASKS = "data/user/done-tasks"
USER_DESKTOP_LOGINS = "data/user/desktop-login-logs"

#: The model a write's answer describes, by the collection its path ends
#: in (``.../<collection>/<id>``): merged into the session's loaded objects.
_MODEL_OF_COLLECTION: dict[str, type[KitsuModel]] = {
    "projects": Project,
    "metadata-descriptors": MetadataDescriptor,
    "persons": Person,
    "departments": Department,
    "entities": Entity,
    "entity-types": EntityType,
    "assets": Asset,
    "shots": Shot,
    "sequences": Sequence,
    "episodes": Episode,
    "asset-instances": AssetInstance,
    "playlists": Playlist,
    "tasks": Task,
    "task-types": TaskType,
    "task-status": TaskStatus,
    "comments": Comment,
    "preview-files": PreviewFile,
    "attachment-files": AttachmentFile,
    "output-types": OutputType,
    "output-files": OutputFile,
    "working-files": WorkingFile,
    "softwares": Software,
    "file-status": FileStatus,
}


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


def with_segment(template: str, name: str, value: object) -> str:
    """``template`` with ``{name}`` replaced by ``value``, a segment that is
    not an id (a file name, an extension): escaped, and never empty or a dot
    segment, so it cannot lead to another route."""
    if not isinstance(value, str) or value.strip(".") == "":
        raise errors.InvalidArgumentError(f"{name} must be a non-empty name, got {value!r}")
    return template.replace("{" + name + "}", quote(value, safe=""))


def with_date(template: str, value: object) -> str:
    """``template`` with ``{date}`` replaced by ``value``, a YYYY-MM-DD date."""
    if not isinstance(value, str) or not _DATE.match(value):
        raise errors.InvalidArgumentError(f"date must be a YYYY-MM-DD string, got {value!r}")
    return template.replace("{date}", value)


def model_of(route: str) -> type[KitsuModel] | None:
    """The model of the object at ``route`` (a filled path ending in an id)."""
    segments = route.split("/")
    if len(segments) < 3 or not is_id(segments[-1]):
        return None
    return _MODEL_OF_COLLECTION.get(segments[-2])
