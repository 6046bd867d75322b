"""Where gazu reads and writes, as data: the routes official gazu 1.3.1 uses
(``shared/spec/gazu-routes.md``), by name. Several differ from the routes
the typed models use (gazu reads an asset at ``data/assets/<id>``, ``Asset``
at ``data/entities/<id>``); the functions name a route here instead of
spelling a path. Placeholders are ids, filled in by
``kitsu_models.routes.path``.
"""

from __future__ import annotations

from kitsu_models.ids import is_id
from kitsu_models.models import (
    Asset, AssetInstance, Department, Entity, EntityType, Episode, MetadataDescriptor, Person, Playlist, Project,
    Sequence, Shot,
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
}


def model_of(route: str) -> type[KitsuModel] | None:
    """The model of the object at ``route`` (a filled path ending in an id)."""
    segments = route.split("/")
    if len(segments) < 3 or not is_id(segments[-1]):
        return None
    return _MODEL_OF_COLLECTION.get(segments[-2])
