# pyright: reportUnnecessaryTypeIgnoreComment=error
"""Static checks of the gazu package's types, run by mypy (``files`` in
mypy.ini includes this directory): gazu's answers are the server's JSON,
typed as dicts and lists of dicts; "dict or ID" parameters take a dict, an
id or one of our models; a wrong argument type is an error (the ``type:
ignore`` lines would be unused, and fail ``warn_unused_ignores``, if not).

Never called (no ``test`` prefix): tests/unit/test_models_typing.py runs mypy on it.
"""

from __future__ import annotations

from typing import Any

import requests
from typing_extensions import assert_type

import gazu
from kitsu_models.models import Task


def gazu_answers(task: Task, task_id: str) -> None:
    assert_type(gazu.task.get_task(task_id), dict[str, Any])
    assert_type(gazu.task.get_task(task), dict[str, Any])  # a model where the spec says "dict or ID"
    assert_type(gazu.task.get_task({"id": task_id}), dict[str, Any])
    assert_type(gazu.task.all_tasks_for_shot(task.entity_id, relations=True), list[dict[str, Any]])
    assert_type(gazu.task.get_task_by_name(task.entity_id, task.task_type_id), dict[str, Any] | None)
    assert_type(gazu.task.get_task_url(task), str)
    assert_type(gazu.files.get_next_entity_output_revision(task.entity_id, task_id, task.task_type_id), int)
    assert_type(gazu.files.build_working_file_path(task), str)
    assert_type(gazu.files.download_preview_file(task_id, "take.mp4", progress_callback=print), requests.Response)
    assert_type(gazu.files.get_last_working_file_revision(task), dict[str, Any] | None)
    assert_type(gazu.task.all_tasks_for_shot.get_cache_infos(), dict[str, Any])


def gazu_refuses_wrong_types(task_id: str) -> None:
    gazu.task.get_task(42)  # type: ignore[arg-type]
    gazu.task.add_comment(task_id, task_id, comment=["not", "text"])  # type: ignore[arg-type]
    gazu.files.download_preview_file(task_id, "take.mp4", progress=print)  # type: ignore[call-arg]
