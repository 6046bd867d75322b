"""Every Zou route the SDK sends a request to, declared once.

Each constant is an :class:`~kitsu_models.routes.Endpoint`: a path with
named placeholders, the model its records are (by registry name), and per
method what it answers and does (:mod:`kitsu_models.routes`). The typed
models' ``Route``, their relations and operations, the repository, the
session, the event listener and the ``gazu`` package all name their routes
here; ``tests/unit/test_catalogue.py`` holds the catalogue to official gazu
1.3.1's requests and ``tests/integration/test_openapi.py`` to the running
server's OpenAPI document.

Verbs: ``ONE``/``MANY`` (a record, a list of records of the model),
``ROW``/``ROWS``/``JSON``/``BYTES``/``TEXT`` (no model), ``CREATES``,
``UPDATES``, ``DELETES`` (a record of the model, named by the path's last
placeholder; ``DELETES_OR_CANCELS``: which the server only cancels when
it has tasks, unless ``force`` is sent), ``acts(answer, *placeholders)``
(changes the objects those placeholders name), ``creates(model, *placeholders)``.
"""

from __future__ import annotations

from .routes import (
    BYTES, CREATES, DELETES, DELETES_OR_CANCELS, JSON, MANY, ONE, ROW, ROWS, TEXT, UPDATES, Answer, Endpoint, acts,
    creates,
)

E = Endpoint
NOTHING = Answer.NOTHING

# ------------------------------------------------------------------ auth
API_ROOT: Endpoint = E("", GET=ROW, HEAD=TEXT)
LOGIN: Endpoint = E("auth/login", POST=ROW)
LOGOUT: Endpoint = E("auth/logout", GET=JSON)
REFRESH_TOKEN: Endpoint = E("auth/refresh-token", GET=ROW)
AUTHENTICATED: Endpoint = E("auth/authenticated", GET=ROW)
EMAIL_OTP: Endpoint = E("auth/email-otp", GET=JSON)

# -------------------------------------------------------------- projects
PROJECTS: Endpoint = E("data/projects", "Project", GET=MANY, POST=CREATES)
OPEN_PROJECTS: Endpoint = E("data/projects/open", "Project", GET=MANY)
PROJECT: Endpoint = E("data/projects/{project_id}", "Project", GET=ONE, PUT=UPDATES, DELETE=DELETES)
PROJECT_STATUSES: Endpoint = E("data/project-status", "ProjectStatus", GET=MANY)
PROJECT_STATUS: Endpoint = E("data/project-status/{project_status_id}", "ProjectStatus", GET=ONE)
PROJECT_TEAM: Endpoint = E(
    "data/projects/{project_id}/team", "Person", GET=MANY, POST=acts(Answer.ONE, "project_id", model="Project"),
)
TEAM_MEMBER: Endpoint = E(
    "data/projects/{project_id}/team/{person_id}", "Person",
    PUT=acts(Answer.JSON, "project_id"), DELETE=acts(NOTHING, "project_id"),
)
METADATA_DESCRIPTORS: Endpoint = E("data/metadata-descriptors", "MetadataDescriptor", GET=MANY)
METADATA_DESCRIPTOR: Endpoint = E(
    "data/metadata-descriptors/{metadata_descriptor_id}", "MetadataDescriptor", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
PROJECT_DESCRIPTORS: Endpoint = E(
    "data/projects/{project_id}/metadata-descriptors", "MetadataDescriptor", GET=MANY, POST=CREATES
)
PROJECT_DESCRIPTOR: Endpoint = E(
    "data/projects/{project_id}/metadata-descriptors/{metadata_descriptor_id}", "MetadataDescriptor",
    GET=ONE, PUT=UPDATES, DELETE=DELETES,
)
REORDER_DESCRIPTORS: Endpoint = E(
    "data/projects/{project_id}/metadata-descriptors/reorder", "MetadataDescriptor", POST=ROWS,
)
PROJECT_SETTINGS_ASSET_TYPES: Endpoint = E(
    "data/projects/{project_id}/settings/asset-types", "Project", POST=acts(Answer.ONE, "project_id", model="Project")
)
PROJECT_SETTINGS_ASSET_TYPE: Endpoint = E(
    "data/projects/{project_id}/settings/asset-types/{asset_type_id}", "Project", DELETE=acts(NOTHING, "project_id")
)
PROJECT_SETTINGS_TASK_TYPES: Endpoint = E(
    "data/projects/{project_id}/settings/task-types", "TaskType", GET=MANY,
    POST=acts(Answer.ONE, "project_id", model="Project"),
)
PROJECT_SETTINGS_TASK_TYPE: Endpoint = E(
    "data/projects/{project_id}/settings/task-types/{task_type_id}", "TaskType", DELETE=acts(NOTHING, "project_id")
)
PROJECT_SETTINGS_TASK_STATUSES: Endpoint = E(
    "data/projects/{project_id}/settings/task-status", "TaskStatus", GET=MANY,
    POST=acts(Answer.ONE, "project_id", model="Project"),
)
PROJECT_SETTINGS_TASK_STATUS: Endpoint = E(
    "data/projects/{project_id}/settings/task-status/{task_status_id}", "TaskStatus", DELETE=acts(NOTHING, "project_id")
)
PROJECT_STATUS_AUTOMATIONS: Endpoint = E(
    "data/projects/{project_id}/settings/status-automations", "StatusAutomation", GET=MANY,
    POST=acts(Answer.ONE, "project_id", model="Project"),
)
PROJECT_STATUS_AUTOMATION: Endpoint = E(
    "data/projects/{project_id}/settings/status-automations/{status_automation_id}", "StatusAutomation",
    DELETE=acts(NOTHING, "project_id"),
)
PROJECT_BACKGROUNDS: Endpoint = E(
    "data/projects/{project_id}/settings/preview-background-files", "PreviewBackgroundFile", GET=MANY,
    POST=acts(Answer.ONE, "project_id", model="Project"),
)
PROJECT_BACKGROUND: Endpoint = E(
    "data/projects/{project_id}/settings/preview-background-files/{preview_background_file_id}",
    "PreviewBackgroundFile", DELETE=acts(NOTHING, "project_id"),
)
PROJECT_MILESTONES: Endpoint = E("data/projects/{project_id}/milestones", "Milestone", GET=MANY)
PROJECT_BUDGETS: Endpoint = E("data/projects/{project_id}/budgets", "Budget", GET=MANY, POST=CREATES)
PROJECT_BUDGET: Endpoint = E(
    "data/projects/{project_id}/budgets/{budget_id}", "Budget", GET=ONE, PUT=UPDATES, DELETE=DELETES,
)
BUDGET_ENTRIES: Endpoint = E(
    "data/projects/{project_id}/budgets/{budget_id}/entries", "BudgetEntry", GET=MANY, POST=CREATES,
)
BUDGET_ENTRY: Endpoint = E(
    "data/projects/{project_id}/budgets/{budget_id}/entries/{budget_entry_id}", "BudgetEntry",
    GET=ONE, PUT=UPDATES, DELETE=DELETES,
)
PROJECT_PERSON_QUOTAS: Endpoint = E("data/projects/{project_id}/quotas/persons/{person_id}", GET=JSON)
PROJECT_TASK_TYPE_QUOTAS: Endpoint = E("data/projects/{project_id}/quotas/{task_type_id}", GET=JSON)
PROJECT_AVATAR: Endpoint = E(
    "pictures/thumbnails/projects/{project_id}", "Project", POST=acts(Answer.JSON, "project_id"),
)
PROJECT_AVATAR_FILE: Endpoint = E("pictures/thumbnails/projects/{project_id}.png", GET=BYTES)

# ---------------------------------------------------------------- people
PERSONS: Endpoint = E("data/persons", "Person", GET=MANY, POST=CREATES)
PERSON: Endpoint = E("data/persons/{person_id}", "Person", GET=ONE, PUT=UPDATES, DELETE=DELETES)
PRESENCE_LOG: Endpoint = E("data/persons/presence-logs/{year}-{month:02}", GET=TEXT)
PERSONS_TASK_DATES: Endpoint = E("data/persons/task-dates", GET=ROWS)
PERSON_CHANGE_PASSWORD: Endpoint = E("actions/persons/{person_id}/change-password", "Person", POST=ROW)
PERSON_CLEAR_AVATAR: Endpoint = E(
    "actions/persons/{person_id}/clear-avatar", "Person", DELETE=acts(NOTHING, "person_id"),
)
PERSON_DISABLE_2FA: Endpoint = E(
    "actions/persons/{person_id}/disable-two-factor-authentication", "Person", DELETE=acts(NOTHING, "person_id")
)
PERSON_INVITE: Endpoint = E("actions/persons/{person_id}/invite", "Person", GET=JSON)
PERSON_ADD_DEPARTMENT: Endpoint = E(
    "actions/persons/{person_id}/departments/add", "Person", POST=acts(Answer.JSON, "person_id")
)
PERSON_DEPARTMENT: Endpoint = E(
    "actions/persons/{person_id}/departments/{department_id}", "Person", DELETE=acts(NOTHING, "person_id")
)
PERSON_AVATAR: Endpoint = E("pictures/thumbnails/persons/{person_id}", "Person", POST=acts(Answer.JSON, "person_id"))
PERSON_AVATAR_FILE: Endpoint = E("pictures/thumbnails/persons/{person_id}.png", GET=BYTES)
DEPARTMENTS: Endpoint = E("data/departments", "Department", GET=MANY, POST=CREATES)
DEPARTMENT: Endpoint = E("data/departments/{department_id}", "Department", GET=ONE, PUT=UPDATES, DELETE=DELETES)
ORGANISATIONS: Endpoint = E("data/organisations", "Organisation", GET=MANY)
ORGANISATION: Endpoint = E("data/organisations/{organisation_id}", "Organisation", GET=ONE, PUT=UPDATES)
ORGANISATION_AVATAR: Endpoint = E("pictures/thumbnails/organisations/{organisation_id}", POST=JSON)
ORGANISATION_AVATAR_FILE: Endpoint = E("pictures/thumbnails/organisations/{organisation_id}.png", GET=BYTES)
DAY_OFFS: Endpoint = E("data/day-offs", "DayOff", GET=MANY, POST=CREATES)
DAY_OFF: Endpoint = E("data/day-offs/{day_off_id}", "DayOff", GET=ONE, PUT=UPDATES, DELETE=DELETES)
PERSON_DAY_OFFS: Endpoint = E("data/persons/{person_id}/day-offs", "DayOff", GET=MANY)
PERSON_WEEK_DAY_OFFS: Endpoint = E("data/persons/{person_id}/day-offs/week/{year}/{week}", "DayOff", GET=MANY)
PERSON_MONTH_DAY_OFFS: Endpoint = E("data/persons/{person_id}/day-offs/month/{year}/{month:02}", "DayOff", GET=MANY)
PERSON_YEAR_DAY_OFFS: Endpoint = E("data/persons/{person_id}/day-offs/year/{year}", "DayOff", GET=MANY)
PERSON_TIME_SPENTS: Endpoint = E("data/persons/{person_id}/time-spents", "TimeSpent", GET=MANY)
PERSON_DAY_TIME_SPENTS: Endpoint = E("data/persons/{person_id}/time-spents/{date}", "TimeSpent", GET=MANY)
PERSON_WEEK_TIME_SPENTS: Endpoint = E("data/persons/{person_id}/time-spents/week/{year}/{week}", GET=JSON)
PERSON_MONTH_TIME_SPENTS: Endpoint = E(
    "data/persons/{person_id}/time-spents/month/all/{year}/{month:02}", "TimeSpent", GET=MANY,
)
PERSON_YEAR_TIME_SPENTS: Endpoint = E("data/persons/{person_id}/time-spents/year/{year}", GET=JSON)
PERSON_TASKS: Endpoint = E("data/persons/{person_id}/tasks", "Task", GET=MANY)
PERSON_DONE_TASKS: Endpoint = E("data/persons/{person_id}/done-tasks", "Task", GET=MANY)
PERSON_RELATED_TASKS: Endpoint = E("data/persons/{person_id}/related-tasks/{task_type_id}", "Task", GET=MANY)
PERSON_ASSIGN: Endpoint = E("actions/persons/{person_id}/assign", "Task", PUT=acts(Answer.JSON))
TIME_SPENT: Endpoint = E("data/time-spents/{time_spent_id}", "TimeSpent", GET=ONE, PUT=UPDATES, DELETE=DELETES)
TIME_SPENTS: Endpoint = E("data/time-spents", "TimeSpent", GET=MANY)

# ------------------------------------------------------ entities, types
ENTITIES: Endpoint = E("data/entities", "Entity", GET=MANY)
ENTITY: Endpoint = E("data/entities/{entity_id}", "Entity", GET=ONE, PUT=UPDATES, DELETE=DELETES_OR_CANCELS)
ENTITY_TASKS: Endpoint = E(  # creates its tasks
    "data/entities/{entity_id}/tasks", "Task", POST=acts(Answer.MANY, "entity_id"),
)
ENTITY_LINKED_WITH_TASKS: Endpoint = E("data/entities/{entity_id}/entities-linked/with-tasks", GET=ROWS)
ENTITY_TASK_TYPE_TASKS: Endpoint = E("data/entities/{entity_id}/task-types/{task_type_id}/tasks", "Task", GET=MANY)
GUESS_FROM_PATH: Endpoint = E("data/entities/guess_from_path", POST=JSON)
DELETE_ENTITIES: Endpoint = E("actions/projects/{project_id}/delete-entities", "Entity", POST=JSON)
ENTITY_TYPES: Endpoint = E("data/entity-types", "EntityType", GET=MANY, POST=CREATES)
ENTITY_TYPE: Endpoint = E("data/entity-types/{entity_type_id}", "EntityType", GET=ONE, PUT=UPDATES, DELETE=DELETES)
ASSET_TYPES: Endpoint = E("data/asset-types", "AssetType", GET=MANY)
ASSET_TYPE: Endpoint = E("data/asset-types/{asset_type_id}", "AssetType", GET=ONE)
PROJECT_ASSET_TYPES: Endpoint = E("data/projects/{project_id}/asset-types", "AssetType", GET=MANY)
SHOT_ASSET_TYPES: Endpoint = E("data/shots/{shot_id}/asset-types", "AssetType", GET=MANY)

# ---------------------------------------------------------------- assets
ASSETS: Endpoint = E("data/assets", "Asset", GET=MANY)
ALL_ASSETS: Endpoint = E("data/assets/all", "Asset", GET=MANY)
ASSETS_WITH_TASKS: Endpoint = E("data/assets/with-tasks", "Asset", GET=ROWS)
ASSET: Endpoint = E("data/assets/{asset_id}", "Asset", GET=ONE, DELETE=DELETES_OR_CANCELS)
PROJECT_ASSETS: Endpoint = E("data/projects/{project_id}/assets", "Asset", GET=MANY)
PROJECT_TYPE_ASSETS: Endpoint = E("data/projects/{project_id}/asset-types/{asset_type_id}/assets", "Asset", GET=MANY)
NEW_ASSET: Endpoint = E("data/projects/{project_id}/asset-types/{asset_type_id}/assets/new", "Asset", POST=CREATES)
SHOT_ASSETS: Endpoint = E("data/shots/{shot_id}/assets", "Asset", GET=MANY)
ASSET_CAST_IN: Endpoint = E("data/assets/{asset_id}/cast-in", "CastInEntry", GET=MANY)
EXPORT_ASSETS_CSV: Endpoint = E("export/csv/projects/{project_id}/assets.csv", GET=BYTES)
IMPORT_ASSETS_CSV: Endpoint = E("import/csv/projects/{project_id}/assets", "Asset", POST=JSON)

# --------------------------------------------------------- asset instances
ASSET_INSTANCES: Endpoint = E("data/asset-instances", "AssetInstance", GET=MANY)
ASSET_INSTANCE: Endpoint = E(
    "data/asset-instances/{asset_instance_id}", "AssetInstance", GET=ONE, PUT=UPDATES, DELETE=DELETES,
)
ASSET_ASSET_INSTANCES: Endpoint = E(  # the instances grouped by the asset they instantiate
    "data/assets/{asset_id}/asset-asset-instances", "AssetInstance", GET=JSON, POST=CREATES,
)
ASSET_SCENE_INSTANCES: Endpoint = E("data/assets/{asset_id}/scene-asset-instances", "AssetInstance", GET=JSON)
ASSET_SHOT_INSTANCES: Endpoint = E("data/assets/{asset_id}/shot-asset-instances", "AssetInstance", GET=JSON)
SHOT_ASSET_INSTANCES: Endpoint = E(
    "data/shots/{shot_id}/asset-instances", "AssetInstance", GET=JSON,
    POST=acts(Answer.ONE, "shot_id", model="Shot"),
)
SHOT_ASSET_INSTANCE: Endpoint = E(
    "data/shots/{shot_id}/asset-instances/{asset_instance_id}", "AssetInstance",
    DELETE=acts(NOTHING, "shot_id", "asset_instance_id"),
)
SCENE_ASSET_INSTANCES: Endpoint = E("data/scenes/{scene_id}/asset-instances", "AssetInstance", GET=JSON, POST=CREATES)
SCENE_CAMERA_INSTANCES: Endpoint = E("data/scenes/{scene_id}/camera-instances", "AssetInstance", GET=JSON)

# --------------------------------------------- episodes, sequences, shots
EPISODES: Endpoint = E("data/episodes", "Episode", GET=MANY)
EPISODE: Endpoint = E("data/episodes/{episode_id}", "Episode", GET=ONE, DELETE=DELETES_OR_CANCELS)
PROJECT_EPISODES: Endpoint = E("data/projects/{project_id}/episodes", "Episode", GET=MANY, POST=CREATES)
SEQUENCES: Endpoint = E("data/sequences", "Sequence", GET=MANY)
SEQUENCE: Endpoint = E("data/sequences/{sequence_id}", "Sequence", GET=ONE, DELETE=DELETES_OR_CANCELS)
PROJECT_SEQUENCES: Endpoint = E("data/projects/{project_id}/sequences", "Sequence", GET=MANY, POST=CREATES)
EPISODE_SEQUENCES: Endpoint = E("data/episodes/{episode_id}/sequences", "Sequence", GET=MANY)
SHOTS: Endpoint = E("data/shots", "Shot", GET=MANY)
ALL_SHOTS: Endpoint = E("data/shots/all", "Shot", GET=MANY)
SHOTS_WITH_TASKS: Endpoint = E("data/shots/with-tasks", "Shot", GET=ROWS)
SHOT: Endpoint = E("data/shots/{shot_id}", "Shot", GET=ONE, PUT=UPDATES, DELETE=DELETES_OR_CANCELS)
PROJECT_SHOTS: Endpoint = E("data/projects/{project_id}/shots", "Shot", GET=MANY, POST=CREATES)
EPISODE_SHOTS: Endpoint = E("data/episodes/{episode_id}/shots", "Shot", GET=MANY)
SEQUENCE_SHOTS: Endpoint = E("data/sequences/{sequence_id}/shots", "Shot", GET=MANY)
SHOT_PREVIEWS: Endpoint = E("data/shots/{shot_id}/preview-files", "PreviewFile", GET=JSON)
EXPORT_SHOTS_CSV: Endpoint = E("export/csv/projects/{project_id}/shots.csv", GET=BYTES)
IMPORT_SHOTS_CSV: Endpoint = E("import/csv/projects/{project_id}/shots", "Shot", POST=JSON)
IMPORT_OTIO: Endpoint = E("import/otio/projects/{project_id}", "Shot", POST=JSON)
IMPORT_EPISODE_OTIO: Endpoint = E("import/otio/projects/{project_id}/episodes/{episode_id}", "Shot", POST=JSON)

# ------------------------------------------------ scenes, edits, concepts
SCENES: Endpoint = E("data/scenes/all", "Scene", GET=MANY)
SCENE: Endpoint = E("data/scenes/{scene_id}", "Scene", GET=ONE, DELETE=DELETES_OR_CANCELS)
PROJECT_SCENES: Endpoint = E("data/projects/{project_id}/scenes", "Scene", GET=MANY, POST=CREATES)
SEQUENCE_SCENES: Endpoint = E("data/sequences/{sequence_id}/scenes", "Scene", GET=MANY)
SCENE_SHOTS: Endpoint = E(  # answers the shot, its source set
    "data/scenes/{scene_id}/shots", "Shot", GET=MANY, POST=UPDATES,
)
SCENE_SHOT: Endpoint = E("data/scenes/{scene_id}/shots/{shot_id}", "Shot", DELETE=acts(NOTHING, "shot_id"))
EDITS: Endpoint = E("data/edits", "Edit", GET=MANY)
ALL_EDITS: Endpoint = E("data/edits/all", "Edit", GET=MANY)
EDIT: Endpoint = E("data/edits/{edit_id}", "Edit", GET=ONE, DELETE=DELETES_OR_CANCELS)
PROJECT_EDITS: Endpoint = E("data/projects/{project_id}/edits", "Edit", GET=MANY, POST=CREATES)
EDIT_PREVIEWS: Endpoint = E("data/edits/{edit_id}/preview-files", "PreviewFile", GET=JSON)
CONCEPTS: Endpoint = E("data/concepts", "Concept", GET=MANY)
CONCEPT: Endpoint = E("data/concepts/{concept_id}", "Concept", GET=ONE, DELETE=DELETES_OR_CANCELS)
PROJECT_CONCEPTS: Endpoint = E("data/projects/{project_id}/concepts", "Concept", GET=MANY, POST=CREATES)
CONCEPT_PREVIEWS: Endpoint = E("data/concepts/{concept_id}/preview-files", "PreviewFile", GET=JSON)

# --------------------------------------------------------------- casting
ENTITY_LINKS: Endpoint = E("data/entity-links", "EntityLink", GET=MANY, POST=CREATES)
ENTITY_LINK: Endpoint = E("data/entity-links/{entity_link_id}", "EntityLink", GET=ONE, PUT=UPDATES, DELETE=DELETES)
PROJECT_ENTITY_LINKS: Endpoint = E("data/projects/{project_id}/entity-links", "EntityLink", GET=JSON)
CASTING: Endpoint = E(
    "data/projects/{project_id}/entities/{entity_id}/casting", "CastingEntry",
    GET=MANY, PUT=acts(Answer.JSON, "entity_id"),
)
CAST_ASSET: Endpoint = E(
    "data/projects/{project_id}/entities/casting/assets/{asset_id}", "CastingEntry",
    PUT=acts(Answer.JSON, "asset_id"),
)
SEQUENCE_CASTING: Endpoint = E("data/projects/{project_id}/sequences/{sequence_id}/casting", "CastingEntry", GET=ROW)
PROJECT_SHOTS_CASTING: Endpoint = E("data/projects/{project_id}/sequences/all/casting", "CastingEntry", GET=ROW)
EPISODE_SHOTS_CASTING: Endpoint = E(
    "data/projects/{project_id}/episodes/{episode_id}/sequences/all/casting", "CastingEntry", GET=ROW
)
EPISODES_CASTING: Endpoint = E("data/projects/{project_id}/episodes/casting", "CastingEntry", GET=ROW)
ASSET_TYPE_CASTING: Endpoint = E(
    "data/projects/{project_id}/asset-types/{asset_type_id}/casting", "CastingEntry", GET=ROW,
)

# ------------------------------------------------------------- playlists
PLAYLISTS: Endpoint = E("data/playlists", "Playlist", GET=MANY, POST=CREATES)
PLAYLIST: Endpoint = E("data/playlists/{playlist_id}", "Playlist", GET=ONE, PUT=UPDATES, DELETE=DELETES)
PROJECT_PLAYLISTS: Endpoint = E("data/projects/{project_id}/playlists", "Playlist", GET=MANY)
EPISODE_PLAYLISTS: Endpoint = E("data/projects/{project_id}/episodes/{episode_id}/playlists", "Playlist", GET=MANY)
TEMP_PLAYLIST: Endpoint = E("data/projects/{project_id}/playlists/temp", POST=JSON)
PLAYLIST_ADD_ENTITY: Endpoint = E("actions/playlists/{playlist_id}/add-entity", "Playlist", POST=UPDATES)
ENTITY_PLAYLIST_PREVIEWS: Endpoint = E("data/playlists/entities/{entity_id}/preview-files", "PreviewFile", GET=ROW)
RUNNING_PREVIEW_FILES: Endpoint = E("data/playlists/preview-files/running", "PreviewFile", GET=MANY)
PLAYLIST_BUILD: Endpoint = E("data/playlists/{playlist_id}/build/mp4", "BuildJob", GET=ROW)
PLAYLIST_ZIP: Endpoint = E("data/playlists/{playlist_id}/download/zip", GET=BYTES)
PROJECT_BUILD_JOBS: Endpoint = E("data/projects/{project_id}/build-jobs", "BuildJob", GET=MANY)
BUILD_JOB: Endpoint = E("data/playlists/{playlist_id}/jobs/{build_job_id}", "BuildJob", GET=ONE, DELETE=DELETES)
BUILD_JOB_MOVIE: Endpoint = E("data/playlists/{playlist_id}/jobs/{build_job_id}/build/mp4", GET=BYTES)
PLAYLIST_NOTIFY_CLIENTS: Endpoint = E("data/playlists/{playlist_id}/notify-clients", POST=JSON)
PLAYLIST_SHARE_LINKS: Endpoint = E("data/playlists/{playlist_id}/share", "PlaylistShareLink", GET=MANY, POST=CREATES)
PLAYLIST_SHARE_LINK: Endpoint = E(
    "data/playlists/{playlist_id}/share/{token}", "PlaylistShareLink", DELETE=acts(NOTHING),
)

# ------------------------------------------------------------- sync, events
LAST_EVENTS: Endpoint = E("data/events/last", "LoggedEvent", GET=ROWS)
LAST_LOGIN_LOGS: Endpoint = E("data/events/login-logs/last", "LoginLog", GET=ROWS)
IMPORT_ENTITIES: Endpoint = E("import/kitsu/entities", "Entity", POST=JSON)
IMPORT_ENTITY_LINKS: Endpoint = E("import/kitsu/entity-links", "EntityLink", POST=JSON)
IMPORT_TASKS: Endpoint = E("import/kitsu/tasks", "Task", POST=JSON)

# ----------------------------------------------------------------- tasks
TASKS: Endpoint = E("data/tasks", "Task", GET=MANY, POST=CREATES)
OPEN_TASKS: Endpoint = E("data/tasks/open-tasks", GET=ROW)
OPEN_TASKS_STATS: Endpoint = E("data/tasks/open-tasks/stats", GET=ROW)
TASK: Endpoint = E("data/tasks/{task_id}", "Task", GET=ONE, PUT=UPDATES, DELETE=DELETES)
TASK_FULL: Endpoint = E("data/tasks/{task_id}/full", "Task", GET=ONE)
TASK_TYPES: Endpoint = E("data/task-types", "TaskType", GET=MANY, POST=CREATES)
TASK_TYPE: Endpoint = E("data/task-types/{task_type_id}", "TaskType", GET=ONE, PUT=UPDATES, DELETE=DELETES)
TASK_STATUSES: Endpoint = E("data/task-status", "TaskStatus", GET=MANY, POST=CREATES)
TASK_STATUS: Endpoint = E("data/task-status/{task_status_id}", "TaskStatus", GET=ONE, PUT=UPDATES, DELETE=DELETES)
PROJECT_TASK_TYPES: Endpoint = E("data/projects/{project_id}/task-types", "TaskType", GET=MANY)
PROJECT_TASKS: Endpoint = E("data/projects/{project_id}/tasks", "Task", GET=MANY)
PROJECT_COMMENTS: Endpoint = E("data/projects/{project_id}/comments", "Comment", GET=MANY)
PROJECT_NOTIFICATIONS: Endpoint = E("data/projects/{project_id}/notifications", "Notification", GET=MANY)
PROJECT_PREVIEW_FILES: Endpoint = E("data/projects/{project_id}/preview-files", "PreviewFile", GET=MANY)
PROJECT_SUBSCRIPTIONS: Endpoint = E("data/projects/{project_id}/subscriptions", "Subscription", GET=MANY)
ASSET_TASKS: Endpoint = E("data/assets/{asset_id}/tasks", "Task", GET=MANY)
SHOT_TASKS: Endpoint = E("data/shots/{shot_id}/tasks", "Task", GET=MANY)
SCENE_TASKS: Endpoint = E("data/scenes/{scene_id}/tasks", "Task", GET=MANY)
SEQUENCE_TASKS: Endpoint = E("data/sequences/{sequence_id}/tasks", "Task", GET=MANY)
EPISODE_TASKS: Endpoint = E("data/episodes/{episode_id}/tasks", "Task", GET=MANY)
EDIT_TASKS: Endpoint = E("data/edits/{edit_id}/tasks", "Task", GET=MANY)
CONCEPT_TASKS: Endpoint = E("data/concepts/{concept_id}/tasks", "Task", GET=MANY)
SEQUENCE_SHOT_TASKS: Endpoint = E("data/sequences/{sequence_id}/shot-tasks", "Task", GET=MANY)
EPISODE_SHOT_TASKS: Endpoint = E("data/episodes/{episode_id}/shot-tasks", "Task", GET=MANY)
EPISODE_ASSET_TASKS: Endpoint = E("data/episodes/{episode_id}/asset-tasks", "Task", GET=MANY)
ASSET_TASK_TYPES: Endpoint = E("data/assets/{asset_id}/task-types", "TaskType", GET=MANY)
SHOT_TASK_TYPES: Endpoint = E("data/shots/{shot_id}/task-types", "TaskType", GET=MANY)
SCENE_TASK_TYPES: Endpoint = E("data/scenes/{scene_id}/task-types", "TaskType", GET=MANY)
SEQUENCE_TASK_TYPES: Endpoint = E("data/sequences/{sequence_id}/task-types", "TaskType", GET=MANY)
EPISODE_TASK_TYPES: Endpoint = E("data/episodes/{episode_id}/task-types", "TaskType", GET=MANY)
CONCEPT_TASK_TYPES: Endpoint = E("data/concepts/{concept_id}/task-types", "TaskType", GET=MANY)
CLEAR_ASSIGNATION: Endpoint = E("actions/tasks/clear-assignation", "Task", PUT=acts(Answer.JSON))
DELETE_TASKS: Endpoint = E("actions/projects/{project_id}/delete-tasks", "Task", POST=JSON)
DELETE_TASKS_OF_TYPE: Endpoint = E(
    "actions/projects/{project_id}/task-types/{task_type_id}/delete-tasks", "Task", DELETE=acts(NOTHING),
)
TASK_TIME_SPENTS: Endpoint = E("actions/tasks/{task_id}/time-spents", "TimeSpent", GET=JSON)
TASK_DAY_TIME_SPENTS: Endpoint = E("actions/tasks/{task_id}/time-spents/{date}", "TimeSpent", GET=JSON)
SET_TIME_SPENT: Endpoint = E(
    "actions/tasks/{task_id}/time-spents/{date}/persons/{person_id}", "TimeSpent", POST=creates("TimeSpent", "task_id")
)
ADD_TIME_SPENT: Endpoint = E(
    "actions/tasks/{task_id}/time-spents/{date}/persons/{person_id}/add", "TimeSpent",
    POST=creates("TimeSpent", "task_id"),
)
TASK_PREVIEWS: Endpoint = E("data/tasks/{task_id}/previews", "PreviewFile", GET=MANY)
TASK_ATTACHMENTS: Endpoint = E("data/tasks/{task_id}/attachment-files", "AttachmentFile", GET=MANY)

# ------------------------------------------------------------- comments
COMMENTS: Endpoint = E("data/comments", "Comment", GET=MANY)
COMMENT: Endpoint = E("data/comments/{comment_id}", "Comment", GET=ONE, PUT=UPDATES, DELETE=DELETES)
TASK_COMMENTS: Endpoint = E("data/tasks/{task_id}/comments", "Comment", GET=MANY)
ADD_COMMENT: Endpoint = E("actions/tasks/{task_id}/comment", "Comment", POST=creates("Comment", "task_id"))
BATCH_COMMENT: Endpoint = E("actions/tasks/batch-comment", "Comment", POST=MANY)
TASK_BATCH_COMMENT: Endpoint = E("actions/tasks/{task_id}/batch-comment", "Comment", POST=acts(Answer.MANY, "task_id"))
PROJECT_COMMENT_MANY: Endpoint = E("actions/projects/{project_id}/tasks/comment-many", "Comment", POST=MANY)
COMMENT_ACK: Endpoint = E(
    "data/tasks/{task_id}/comments/{comment_id}/ack", "Comment", POST=acts(Answer.JSON, "comment_id"),
)
COMMENT_REPLY: Endpoint = E(
    "data/tasks/{task_id}/comments/{comment_id}/reply", "Comment", POST=acts(Answer.JSON, "comment_id"),
)
COMMENT_REPLY_ITEM: Endpoint = E(
    "data/tasks/{task_id}/comments/{comment_id}/reply/{reply_id}", "Comment", DELETE=acts(Answer.JSON, "comment_id")
)
COMMENT_ATTACHMENT: Endpoint = E(
    "data/tasks/{task_id}/comments/{comment_id}/attachments/{attachment_file_id}", "AttachmentFile",
    DELETE=acts(NOTHING, "comment_id", "attachment_file_id"),
)
MOVE_COMMENT: Endpoint = E(
    "actions/tasks/{task_id}/comments/{comment_id}/move", "Comment",
    POST=acts(Answer.JSON, "task_id", "comment_id"),
)
ADD_ATTACHMENTS: Endpoint = E(
    "actions/tasks/{task_id}/comments/{comment_id}/add-attachment", "AttachmentFile",
    POST=acts(Answer.ROWS, "comment_id"),
)
ADD_PREVIEW: Endpoint = E(
    "actions/tasks/{task_id}/comments/{comment_id}/add-preview", "PreviewFile",
    POST=creates("PreviewFile", "task_id", "comment_id"),
)
COMMENT_PREVIEW: Endpoint = E(
    "actions/tasks/{task_id}/comments/{comment_id}/preview-files/{preview_file_id}", "PreviewFile",
    POST=creates("PreviewFile", "comment_id"), DELETE=acts(Answer.JSON, "comment_id", "preview_file_id"),
)

# ------------------------------------------------------------- previews
PREVIEW_FILES: Endpoint = E("data/preview-files", "PreviewFile", GET=MANY)
PREVIEW_FILE: Endpoint = E("data/preview-files/{preview_file_id}", "PreviewFile", GET=ONE, PUT=UPDATES, DELETE=DELETES)
PREVIEW_UPLOAD: Endpoint = E("pictures/preview-files/{preview_file_id}", "PreviewFile", POST=UPDATES)
SET_MAIN_PREVIEW: Endpoint = E("actions/preview-files/{preview_file_id}/set-main-preview", "Entity", PUT=UPDATES)
UPDATE_ANNOTATIONS: Endpoint = E(
    "actions/preview-files/{preview_file_id}/update-annotations", "PreviewFile", PUT=UPDATES,
)
UPDATE_POSITION: Endpoint = E(
    "actions/preview-files/{preview_file_id}/update-position", "PreviewFile", PUT=acts(Answer.JSON),
)
EXTRACT_FRAME: Endpoint = E("actions/preview-files/{preview_file_id}/extract-frame", GET=BYTES)
EXTRACT_TILE: Endpoint = E("actions/preview-files/{preview_file_id}/extract-tile", GET=BYTES)
PREVIEW_MOVIE: Endpoint = E("movies/originals/preview-files/{preview_file_id}.{extension}", GET=BYTES)
PREVIEW_LOW_MOVIE: Endpoint = E("movies/low/preview-files/{preview_file_id}.mp4", GET=BYTES)
PREVIEW_PICTURE: Endpoint = E("pictures/originals/preview-files/{preview_file_id}.{extension}", GET=BYTES)
PREVIEW_THUMBNAIL: Endpoint = E("pictures/thumbnails/preview-files/{preview_file_id}.png", GET=BYTES)
ATTACHMENT_FILE: Endpoint = E(
    "data/attachment-files/{attachment_file_id}", "AttachmentFile", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
ATTACHMENT_FILES: Endpoint = E("data/attachment-files", "AttachmentFile", GET=MANY)
ATTACHMENT_DOWNLOAD: Endpoint = E("data/attachment-files/{attachment_file_id}/file/{file_name}", GET=BYTES)
ATTACHMENT_THUMBNAIL: Endpoint = E("pictures/thumbnails/attachment-files/{attachment_file_id}.png", GET=BYTES)
PROJECT_ATTACHMENTS: Endpoint = E("data/projects/{project_id}/attachment-files", "AttachmentFile", GET=MANY)

# ----------------------------------------------------------------- files
OUTPUT_TYPES: Endpoint = E("data/output-types", "OutputType", GET=MANY, POST=CREATES)
OUTPUT_TYPE: Endpoint = E("data/output-types/{output_type_id}", "OutputType", GET=ONE, PUT=UPDATES, DELETE=DELETES)
ENTITY_OUTPUT_TYPES: Endpoint = E("data/entities/{entity_id}/output-types", "OutputType", GET=MANY)
INSTANCE_OUTPUT_TYPES: Endpoint = E(
    "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-types", "OutputType", GET=MANY
)
OUTPUT_FILES: Endpoint = E("data/output-files", "OutputFile", GET=MANY)
OUTPUT_FILE: Endpoint = E("data/output-files/{output_file_id}", "OutputFile", GET=ONE, PUT=UPDATES, DELETE=DELETES)
ENTITY_OUTPUT_FILES: Endpoint = E("data/entities/{entity_id}/output-files", "OutputFile", GET=MANY)
INSTANCE_OUTPUT_FILES: Endpoint = E("data/asset-instances/{asset_instance_id}/output-files", "OutputFile", GET=MANY)
PROJECT_OUTPUT_FILES: Endpoint = E("data/projects/{project_id}/output-files", "OutputFile", GET=MANY)
ENTITY_LAST_OUTPUT_FILES: Endpoint = E("data/entities/{entity_id}/output-files/last-revisions", "OutputFile", GET=MANY)
INSTANCE_LAST_OUTPUT_FILES: Endpoint = E(
    "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-files/last-revisions",
    "OutputFile", GET=MANY,
)
ENTITY_NEXT_REVISION: Endpoint = E("data/entities/{entity_id}/output-files/next-revision", POST=ROW)
INSTANCE_NEXT_REVISION: Endpoint = E(
    "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-files/next-revision", POST=ROW
)
NEW_ENTITY_OUTPUT_FILE: Endpoint = E("data/entities/{entity_id}/output-files/new", "OutputFile", POST=CREATES)
NEW_INSTANCE_OUTPUT_FILE: Endpoint = E(
    "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-files/new", "OutputFile",
    POST=CREATES,
)
ENTITY_OUTPUT_PATH: Endpoint = E("data/entities/{entity_id}/output-file-path", POST=ROW)
INSTANCE_OUTPUT_PATH: Endpoint = E(
    "data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}/output-file-path", POST=ROW
)
WORKING_FILES: Endpoint = E("data/working-files", "WorkingFile", GET=MANY)
WORKING_FILE: Endpoint = E("data/working-files/{working_file_id}", "WorkingFile", GET=ONE, PUT=UPDATES, DELETE=DELETES)
WORKING_FILE_CONTENT: Endpoint = E(
    "data/working-files/{working_file_id}/file", "WorkingFile", GET=BYTES, POST=acts(Answer.JSON, "working_file_id")
)
WORKING_FILE_COMMENT: Endpoint = E("actions/working-files/{working_file_id}/comment", "WorkingFile", PUT=UPDATES)
WORKING_FILE_MODIFIED: Endpoint = E("actions/working-files/{working_file_id}/modified", "WorkingFile", PUT=UPDATES)
ENTITY_WORKING_FILES: Endpoint = E("data/entities/{entity_id}/working-files", "WorkingFile", GET=MANY)
TASK_WORKING_FILES: Endpoint = E("data/tasks/{task_id}/working-files", "WorkingFile", GET=MANY)
TASK_LAST_WORKING_FILES: Endpoint = E("data/tasks/{task_id}/working-files/last-revisions", "WorkingFile", GET=ROW)
NEW_WORKING_FILE: Endpoint = E("data/tasks/{task_id}/working-files/new", "WorkingFile", POST=CREATES)
WORKING_FILE_PATH: Endpoint = E("data/tasks/{task_id}/working-file-path", POST=ROW)
SOFTWARES: Endpoint = E("data/softwares", "Software", GET=MANY, POST=CREATES)
SOFTWARE: Endpoint = E("data/softwares/{software_id}", "Software", GET=ONE, PUT=UPDATES, DELETE=DELETES)
FILE_STATUSES: Endpoint = E("data/file-status", "FileStatus", GET=MANY, POST=CREATES)
FILE_STATUS: Endpoint = E("data/file-status/{file_status_id}", "FileStatus", GET=ONE, PUT=UPDATES, DELETE=DELETES)

# -------------------------------------------------------------- studios
STUDIOS: Endpoint = E("data/studios", "Studio", GET=MANY, POST=CREATES)
STUDIO: Endpoint = E("data/studios/{studio_id}", "Studio", GET=ONE, PUT=UPDATES, DELETE=DELETES)
SEARCH: Endpoint = E("data/search", POST=ROW)

# ----------------------------------------------------- project templates
PROJECT_TEMPLATES: Endpoint = E("data/project-templates", "ProjectTemplate", GET=MANY, POST=CREATES)
PROJECT_TEMPLATE: Endpoint = E(
    "data/project-templates/{project_template_id}", "ProjectTemplate", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
TEMPLATE_FROM_PROJECT: Endpoint = E("data/project-templates/from-project/{project_id}", "ProjectTemplate", POST=CREATES)
APPLY_TEMPLATE: Endpoint = E(
    "data/projects/{project_id}/apply-template/{project_template_id}", "Project", POST=acts(Answer.ONE, "project_id")
)
TEMPLATE_ASSET_TYPES: Endpoint = E(
    "data/project-templates/{project_template_id}/asset-types", "AssetType",
    GET=MANY, POST=acts(Answer.JSON, "project_template_id"),
)
TEMPLATE_ASSET_TYPE: Endpoint = E(
    "data/project-templates/{project_template_id}/asset-types/{asset_type_id}", "AssetType",
    DELETE=acts(NOTHING, "project_template_id"),
)
TEMPLATE_TASK_TYPES: Endpoint = E(
    "data/project-templates/{project_template_id}/task-types", "TaskType",
    GET=MANY, POST=acts(Answer.JSON, "project_template_id"),
)
TEMPLATE_TASK_TYPE: Endpoint = E(
    "data/project-templates/{project_template_id}/task-types/{task_type_id}", "TaskType",
    DELETE=acts(NOTHING, "project_template_id"),
)
TEMPLATE_TASK_STATUSES: Endpoint = E(
    "data/project-templates/{project_template_id}/task-statuses", "TaskStatus",
    GET=MANY, POST=acts(Answer.JSON, "project_template_id"),
)
TEMPLATE_TASK_STATUS: Endpoint = E(
    "data/project-templates/{project_template_id}/task-statuses/{task_status_id}", "TaskStatus",
    DELETE=acts(NOTHING, "project_template_id"),
)
TEMPLATE_STATUS_AUTOMATIONS: Endpoint = E(
    "data/project-templates/{project_template_id}/status-automations", "StatusAutomation",
    GET=MANY, POST=acts(Answer.JSON, "project_template_id"),
)
TEMPLATE_STATUS_AUTOMATION: Endpoint = E(
    "data/project-templates/{project_template_id}/status-automations/{status_automation_id}", "StatusAutomation",
    DELETE=acts(NOTHING, "project_template_id"),
)
TEMPLATE_BACKGROUNDS: Endpoint = E(
    "data/project-templates/{project_template_id}/preview-background-files", "PreviewBackgroundFile",
    GET=MANY, POST=acts(Answer.JSON, "project_template_id"),
)
TEMPLATE_BACKGROUND: Endpoint = E(
    "data/project-templates/{project_template_id}/preview-background-files/{preview_background_file_id}",
    "PreviewBackgroundFile", DELETE=acts(NOTHING, "project_template_id"),
)
TEMPLATE_DEFAULT_BACKGROUND: Endpoint = E(
    "data/project-templates/{project_template_id}/default-preview-background-file", "ProjectTemplate", PUT=UPDATES
)
TEMPLATE_DESCRIPTORS: Endpoint = E(
    "data/project-templates/{project_template_id}/metadata-descriptors", "ProjectTemplate", PUT=UPDATES
)

# ----------------------------------------------- the logged-in user's views
USER_CONTEXT: Endpoint = E("data/user/context", GET=ROW)
USER_OPEN_PROJECTS: Endpoint = E("data/user/projects/open", "Project", GET=MANY)
USER_ASSET_TYPES: Endpoint = E("data/user/projects/{project_id}/asset-types", "AssetType", GET=MANY)
USER_TYPE_ASSETS: Endpoint = E("data/user/projects/{project_id}/asset-types/{asset_type_id}/assets", "Asset", GET=MANY)
USER_SEQUENCES: Endpoint = E("data/user/projects/{project_id}/sequences", "Sequence", GET=MANY)
USER_EPISODES: Endpoint = E("data/user/projects/{project_id}/episodes", "Episode", GET=MANY)
USER_SEQUENCE_SHOTS: Endpoint = E("data/user/sequences/{sequence_id}/shots", "Shot", GET=MANY)
USER_SEQUENCE_SCENES: Endpoint = E("data/user/sequences/{sequence_id}/scenes", "Scene", GET=MANY)
USER_ASSET_TASKS: Endpoint = E("data/user/assets/{asset_id}/tasks", "Task", GET=MANY)
USER_SHOT_TASKS: Endpoint = E("data/user/shots/{shot_id}/tasks", "Task", GET=MANY)
USER_SCENE_TASKS: Endpoint = E("data/user/scenes/{scene_id}/tasks", "Task", GET=MANY)
USER_SEQUENCE_TASKS: Endpoint = E("data/user/sequences/{sequence_id}/tasks", "Task", GET=MANY)
USER_ASSET_TASK_TYPES: Endpoint = E("data/user/assets/{asset_id}/task-types", "TaskType", GET=MANY)
USER_SHOT_TASK_TYPES: Endpoint = E("data/user/shots/{shot_id}/task-types", "TaskType", GET=MANY)
USER_SCENE_TASK_TYPES: Endpoint = E("data/user/scenes/{scene_id}/task-types", "TaskType", GET=MANY)
USER_SEQUENCE_TASK_TYPES: Endpoint = E("data/user/sequences/{sequence_id}/task-types", "TaskType", GET=MANY)
USER_TASKS: Endpoint = E("data/user/tasks", "Task", GET=MANY)
USER_DONE_TASKS: Endpoint = E("data/user/done-tasks", "Task", GET=MANY)
USER_TASKS_TO_CHECK: Endpoint = E("data/user/tasks-to-check", "Task", GET=MANY)
USER_TASK_SUBSCRIBED: Endpoint = E("data/user/tasks/{task_id}/subscribed", GET=JSON)
USER_TASK_SUBSCRIBE: Endpoint = E("actions/user/tasks/{task_id}/subscribe", "Subscription", POST=JSON)
USER_TASK_UNSUBSCRIBE: Endpoint = E(
    "actions/user/tasks/{task_id}/unsubscribe", "Subscription", DELETE=acts(NOTHING)
)
USER_TASK_TIME_SPENT: Endpoint = E("data/user/tasks/{task_id}/time-spents/{date}", "TimeSpent", GET=JSON)
USER_TIME_SPENTS: Endpoint = E("data/user/time-spents", "TimeSpent", GET=MANY)
USER_DAY_TIME_SPENTS: Endpoint = E("data/user/time-spents/{date}", "TimeSpent", GET=MANY)
USER_DAY_OFF: Endpoint = E("data/user/day-offs/{date}", "DayOff", GET=JSON)
USER_DESKTOP_LOGINS: Endpoint = E("data/user/desktop-login-logs", "DesktopLoginLog", GET=MANY, POST=CREATES)
USER_NOTIFICATIONS: Endpoint = E("data/user/notifications", "Notification", GET=MANY)
USER_NOTIFICATION: Endpoint = E("data/user/notifications/{notification_id}", "Notification", GET=ONE, PUT=UPDATES)
USER_MARK_NOTIFICATIONS_READ: Endpoint = E(
    "actions/user/notifications/mark-all-as-read", "Notification", POST=acts(Answer.JSON),
)
USER_FILTERS: Endpoint = E("data/user/filters", "SearchFilter", GET=ROW, POST=CREATES)
USER_FILTER: Endpoint = E("data/user/filters/{filter_id}", "SearchFilter", PUT=UPDATES, DELETE=DELETES)
USER_FILTER_GROUPS: Endpoint = E("data/user/filter-groups", "SearchFilterGroup", GET=ROW, POST=CREATES)
USER_FILTER_GROUP: Endpoint = E(
    "data/user/filter-groups/{filter_group_id}", "SearchFilterGroup", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
USER_CHATS: Endpoint = E("data/user/chats", "Chat", GET=MANY)
USER_CHAT_JOIN: Endpoint = E("actions/user/chats/{entity_id}/join", "Chat", POST=JSON, DELETE=acts(NOTHING))
USER_CLEAR_AVATAR: Endpoint = E("actions/user/clear-avatar", "Person", DELETE=acts(NOTHING))

# ------------------------------------- the models of the server's other tables
CUSTOM_ACTIONS: Endpoint = E("data/custom-actions", "CustomAction", GET=MANY, POST=CREATES)
CUSTOM_ACTION: Endpoint = E(
    "data/custom-actions/{custom_action_id}", "CustomAction", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
STATUS_AUTOMATIONS: Endpoint = E("data/status-automations", "StatusAutomation", GET=MANY, POST=CREATES)
STATUS_AUTOMATION: Endpoint = E(
    "data/status-automations/{status_automation_id}", "StatusAutomation", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
PREVIEW_BACKGROUNDS: Endpoint = E("data/preview-background-files", "PreviewBackgroundFile", GET=MANY, POST=CREATES)
PREVIEW_BACKGROUND: Endpoint = E(
    "data/preview-background-files/{preview_background_file_id}", "PreviewBackgroundFile",
    GET=ONE, PUT=UPDATES, DELETE=DELETES,
)
HARDWARE_ITEMS: Endpoint = E("data/hardware-items", "HardwareItem", GET=MANY, POST=CREATES)
HARDWARE_ITEM: Endpoint = E(
    "data/hardware-items/{hardware_item_id}", "HardwareItem", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
SALARY_SCALES: Endpoint = E("data/salary-scales", "SalaryScale", GET=MANY, POST=CREATES)
SALARY_SCALE: Endpoint = E(
    "data/salary-scales/{salary_scale_id}", "SalaryScale", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
PLUGINS: Endpoint = E("data/plugins", "Plugin", GET=MANY, POST=CREATES)
PLUGIN: Endpoint = E("data/plugins/{plugin_id}", "Plugin", GET=ONE, PUT=UPDATES, DELETE=DELETES)
MILESTONES: Endpoint = E("data/milestones", "Milestone", GET=MANY, POST=CREATES)
MILESTONE: Endpoint = E("data/milestones/{milestone_id}", "Milestone", GET=ONE, PUT=UPDATES, DELETE=DELETES)
SCHEDULE_ITEMS: Endpoint = E("data/schedule-items", "ScheduleItem", GET=MANY, POST=CREATES)
SCHEDULE_ITEM: Endpoint = E(
    "data/schedule-items/{schedule_item_id}", "ScheduleItem", GET=ONE, PUT=UPDATES, DELETE=DELETES
)
PROJECT_SCHEDULE_ITEMS: Endpoint = E("data/projects/{project_id}/schedule-items", "ScheduleItem", GET=MANY)
SCHEDULE_VERSIONS: Endpoint = E(
    "data/production-schedule-versions", "ProductionScheduleVersion", GET=MANY, POST=CREATES
)
SCHEDULE_VERSION: Endpoint = E(
    "data/production-schedule-versions/{production_schedule_version_id}", "ProductionScheduleVersion",
    GET=ONE, PUT=UPDATES, DELETE=DELETES,
)
BUDGETS: Endpoint = E("data/budgets", "Budget", GET=MANY)
ALL_BUDGET_ENTRIES: Endpoint = E("data/budget-entries", "BudgetEntry", GET=MANY)
NOTIFICATIONS: Endpoint = E("data/notifications", "Notification", GET=MANY)
NOTIFICATION: Endpoint = E("data/notifications/{notification_id}", "Notification", GET=ONE, DELETE=DELETES)
NEWS_LIST: Endpoint = E("data/news", "News", GET=MANY)
NEWS: Endpoint = E("data/news/{news_id}", "News", GET=ONE, DELETE=DELETES)
PROJECT_NEWS: Endpoint = E("data/projects/{project_id}/news", GET=ROW)  # a page: {data, stats}
SUBSCRIPTIONS: Endpoint = E("data/subscriptions", "Subscription", GET=MANY)
SUBSCRIPTION: Endpoint = E("data/subscriptions/{subscription_id}", "Subscription", GET=ONE, DELETE=DELETES)
CHATS: Endpoint = E("data/chats", "Chat", GET=MANY)
CHAT: Endpoint = E("data/chats/{chat_id}", "Chat", GET=ONE)
ENTITY_CHAT: Endpoint = E("data/entities/{entity_id}/chat", "Chat", GET=ONE)
CHAT_MESSAGES: Endpoint = E("data/chat-messages", "ChatMessage", GET=MANY)
ENTITY_CHAT_MESSAGES: Endpoint = E("data/entities/{entity_id}/chat/messages", "ChatMessage", GET=MANY, POST=CREATES)
ENTITY_CHAT_MESSAGE: Endpoint = E(
    "data/entities/{entity_id}/chat/messages/{chat_message_id}", "ChatMessage", GET=ONE, DELETE=DELETES
)
SEARCH_FILTERS: Endpoint = E("data/search-filters", "SearchFilter", GET=MANY)
SEARCH_FILTER: Endpoint = E("data/search-filters/{search_filter_id}", "SearchFilter", GET=ONE)
SEARCH_FILTER_GROUPS: Endpoint = E("data/search-filter-groups", "SearchFilterGroup", GET=MANY)
SEARCH_FILTER_GROUP: Endpoint = E("data/search-filter-groups/{search_filter_group_id}", "SearchFilterGroup", GET=ONE)
LOGGED_EVENTS: Endpoint = E("data/events", "LoggedEvent", GET=MANY)
LOGGED_EVENT: Endpoint = E("data/events/{logged_event_id}", "LoggedEvent", GET=ONE)
PERSON_DESKTOP_LOGINS: Endpoint = E(
    "data/persons/{person_id}/desktop-login-logs", "DesktopLoginLog", GET=MANY, POST=CREATES
)
IMPORT_ERRORS: Endpoint = E("import/shotgun/errors", "DataImportError", GET=MANY, POST=CREATES)
IMPORT_ERROR: Endpoint = E("import/shotgun/errors/{data_import_error_id}", "DataImportError", DELETE=DELETES)
