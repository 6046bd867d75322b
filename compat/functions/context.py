"""``gazu.context``'s functions (see ``compat/functions/__init__.py``): with
``user_context=True`` most read the user's own route (``data/user/...``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Composed, Fn

_MINE = "(of the user's with ``user_context``), by name."

FUNCTIONS: tuple[Fn | Composed, ...] = (
    Fn("all_sequences_for_episode(episode)", "GET", api.EPISODE_SEQUENCES, "The sequences of an episode, by name.",
       result="by_name"),
    Fn("all_open_projects(user_context=False)", "GET", api.OPEN_PROJECTS, f"The open productions {_MINE}",
       result="by_name", when=("user_context", api.USER_OPEN_PROJECTS)),
    Composed("all_assets_for_project(project)", "list[Row]", "A production's assets (as ``gazu.asset``'s).",
             "gazu_asset.all_assets_for_project(project, client=client)"),
    Fn("all_asset_types_for_project(project, user_context=False)", "GET", api.PROJECT_ASSET_TYPES,
       f"The asset types a production's assets use {_MINE}", result="by_name",
       when=("user_context", api.USER_ASSET_TYPES)),
    Fn("all_assets_for_asset_type_and_project(project, asset_type, user_context=False)", "GET",
       api.PROJECT_TYPE_ASSETS, f"A production's assets of one type {_MINE}", result="by_name",
       when=("user_context", api.USER_TYPE_ASSETS)),
    Fn("all_task_types_for_asset(asset, user_context=False)", "GET", api.ASSET_TASK_TYPES,
       f"The task types of an asset's tasks {_MINE}", result="by_name",
       when=("user_context", api.USER_ASSET_TASK_TYPES)),
    Fn("all_task_types_for_shot(shot, user_context=False)", "GET", api.SHOT_TASK_TYPES,
       f"The task types of a shot's tasks {_MINE}", result="by_name",
       when=("user_context", api.USER_SHOT_TASK_TYPES)),
    Fn("all_task_types_for_scene(scene, user_context=False)", "GET", api.SCENE_TASK_TYPES,
       f"The task types of a scene's tasks {_MINE}", result="by_name",
       when=("user_context", api.USER_SCENE_TASK_TYPES)),
    Fn("all_task_types_for_sequence(sequence, user_context=False)", "GET", api.SEQUENCE_TASK_TYPES,
       f"The task types of a sequence's tasks {_MINE}", result="by_name",
       when=("user_context", api.USER_SEQUENCE_TASK_TYPES)),
    Fn("all_sequences_for_project(project, user_context=False)", "GET", api.PROJECT_SEQUENCES,
       f"A production's sequences {_MINE}", result="by_name", when=("user_context", api.USER_SEQUENCES)),
    Composed("all_scenes_for_project(project)", "list[Row]", "A production's scenes (as ``gazu.scene``'s).",
             "gazu_scene.all_scenes(project, client=client)"),
    Fn("all_shots_for_sequence(sequence, user_context=False)", "GET", api.SEQUENCE_SHOTS,
       f"A sequence's shots {_MINE}", result="by_name", when=("user_context", api.USER_SEQUENCE_SHOTS)),
    Fn("all_scenes_for_sequence(sequence, user_context=False)", "GET", api.SEQUENCE_SCENES,
       f"A sequence's scenes {_MINE}", result="by_name", when=("user_context", api.USER_SEQUENCE_SCENES)),
    Fn("all_episodes_for_project(project, user_context=False)", "GET", api.PROJECT_EPISODES,
       f"A production's episodes {_MINE}", result="by_name", when=("user_context", api.USER_EPISODES)),
)
