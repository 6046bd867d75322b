"""Kitsu's event stream, typed: one class per event of the spec (built from
one table, :mod:`.catalog`), subjects that load through the session, and a
listener that reconnects and replays what it missed (:mod:`.stream`)::

    from kitsu_models.events import TaskStatusChanged

    def on_status(event: TaskStatusChanged) -> None:
        print(event.task.entity.name, event.task.task_status.short_name)

    kitsu.events.on(TaskStatusChanged, on_status)
    kitsu.events.run()
"""

from . import classes
from .base import Event, GenericEvent, Subject
from .catalog import NOT_LOGGED, class_name
from .classes import *  # noqa: F403 (the 104 generated event classes)
from .classes import EVENT_CLASSES
from .stream import EventStream, event_of

__all__ = ["EVENT_CLASSES", "NOT_LOGGED", "Event", "EventStream", "GenericEvent", "Subject", "class_name", "event_of"]
__all__ += classes.__all__
