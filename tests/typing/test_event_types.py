# pyright: reportUnnecessaryTypeIgnoreComment=error
"""Static checks of the typed events, run by mypy (``files`` in mypy.ini
includes this directory): a subscription by class hands the callback that
class, a callback typed for another event is refused, subjects are models.

Never called (no ``test`` prefix): tests/unit/test_models_typing.py runs mypy on it.
"""

from __future__ import annotations

from typing_extensions import assert_type

from kitsu_models import Kitsu
from kitsu_models.events import Event, ShotNew, Subject, TaskStatusChanged
from kitsu_models.models import Task


def typed_subscriptions(kitsu: Kitsu) -> None:
    def on_status(event: TaskStatusChanged) -> None:
        assert_type(event.task, Task)
        assert_type(event.task_id, str)
        assert_type(event.project_id, str | None)

    def on_shot(event: ShotNew) -> None: ...

    def on_any(event: Event) -> None: ...

    kitsu.events.on(TaskStatusChanged, on_status)
    kitsu.events.on(TaskStatusChanged, on_any)  # a callback for any event takes this one too
    kitsu.events.on("task:*", on_any)
    kitsu.events.on(TaskStatusChanged, on_shot)  # type: ignore[arg-type]
    kitsu.events.on("shot:new", on_shot)  # type: ignore[arg-type]


def subjects(event: TaskStatusChanged) -> None:
    assert_type(TaskStatusChanged.task, Subject[Task])  # on the class: the descriptor
    assert_type(event.task, Task)  # on an event: the model
