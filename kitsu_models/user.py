"""The logged-in user's own views: what Kitsu's "My tasks" pages show.

Each view is one route of the server's ``data/user/...`` family, returning
typed models merged into the session's identity map.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, TypeVar

from . import catalogue as api
from . import answers, errors
from .models import (
    Asset, AssetType, Chat, DayOff, Department, DesktopLoginLog, Entity, Episode, KitsuModel, Notification, Person,
    Project, ProjectStatus, Scene, SearchFilter, SearchFilterGroup, Sequence, Shot, Subscription, Task, TaskStatus,
    TaskType, TimeSpent,
)
from .orm.collection import ModelList
from .orm.session_api import Session
from .routes import Endpoint, day_of

M = TypeVar("M", bound=KitsuModel)

#: The user's tasks and task types of one entity, by kind: the server has
#: these views for four kinds only.
_ENTITY_VIEWS: dict[type[Entity], tuple[Endpoint, Endpoint]] = {
    Asset: (api.USER_ASSET_TASKS, api.USER_ASSET_TASK_TYPES),
    Shot: (api.USER_SHOT_TASKS, api.USER_SHOT_TASK_TYPES),
    Sequence: (api.USER_SEQUENCE_TASKS, api.USER_SEQUENCE_TASK_TYPES),
    Scene: (api.USER_SCENE_TASKS, api.USER_SCENE_TASK_TYPES),
}


@dataclass(frozen=True)
class UserContext:
    """The studio's shared tables as the user sees them, typed, from the one
    request the Kitsu web app makes at start (``GET data/user/context``)."""

    task_types: ModelList[TaskType]
    task_statuses: ModelList[TaskStatus]
    asset_types: ModelList[AssetType]
    departments: ModelList[Department]
    persons: ModelList[Person]
    project_statuses: ModelList[ProjectStatus]


class UserActivity:
    """The logged-in user's notifications, subscriptions, saved searches,
    time, days off and chats (mixed into :class:`UserViews`)."""

    _session: Session

    def _fetch(self, model: type[M], endpoint: Endpoint, params: dict[str, Any] | None = None, **ids: Any) -> ModelList[M]:
        return self._session.repository(model).load_route(endpoint.fill(**ids), params)

    def notifications(
        self, *, read: bool | None = None, after: dt.datetime | None = None, before: dt.datetime | None = None
    ) -> ModelList[Notification]:
        """The user's last notifications (100 at most), newest first; only
        the read (or unread) ones with ``read``, within ``after``/``before``.
        Set ``read`` on one and ``save()`` it to mark it."""
        params = {key: value for key, value in (
            ("read", None if read is None else str(read).lower()),
            ("after", after.isoformat() if after else None), ("before", before.isoformat() if before else None),
        ) if value is not None}
        return self._fetch(Notification, api.USER_NOTIFICATIONS, params)

    def mark_all_notifications_read(self) -> None:
        """Mark every notification of the user read (the loaded ones are
        read again when next used)."""
        self._session.transport.post(api.USER_MARK_NOTIFICATIONS_READ.fill(), {})
        for notification in self._session.identity.alive(Notification):
            notification.expire()

    def is_subscribed(self, task: Task | str) -> bool:
        """Whether the user follows ``task``'s comments."""
        return bool(self._session.transport.get(api.USER_TASK_SUBSCRIBED.fill(task_id=task)))

    def subscribe(self, task: Task | str) -> Subscription:
        """Follow ``task``'s comments; returns the subscription."""
        row = self._session.transport.post(api.USER_TASK_SUBSCRIBE.fill(task_id=task), {})
        return self._session.repository(Subscription).materialize([row], owned=True)[0]

    def unsubscribe(self, task: Task | str) -> None:
        """Stop following ``task``'s comments."""
        self._session.transport.delete(api.USER_TASK_UNSUBSCRIBE.fill(task_id=task))

    def filters(self) -> ModelList[SearchFilter]:
        """The user's saved searches, of every list and production."""
        return self._session.repository(SearchFilter).materialize(_nested_rows(self._session, api.USER_FILTERS), owned=True)

    def filter_groups(self) -> ModelList[SearchFilterGroup]:
        """The user's groups of saved searches."""
        return self._session.repository(SearchFilterGroup).materialize(
            _nested_rows(self._session, api.USER_FILTER_GROUPS), owned=True
        )

    def time_spents(self, start: dt.date | str, end: dt.date | str | None = None) -> ModelList[TimeSpent]:
        """The time the user logged on ``start``, or from ``start`` to
        ``end`` (Zou answers its range route with nothing unless given both)."""
        if end is None:
            return self._fetch(TimeSpent, api.USER_DAY_TIME_SPENTS, date=start)
        dates = {"start_date": day_of(start), "end_date": day_of(end)}
        return self._fetch(TimeSpent, api.USER_TIME_SPENTS, dates)

    def day_off(self, day: dt.date | str) -> DayOff | None:
        """The user's day off covering ``day``, or None."""
        row = self._session.transport.get(api.USER_DAY_OFF.fill(date=day))
        if not row:
            return None
        return self._session.repository(DayOff).materialize([row], owned=True)[0]

    def desktop_login_logs(self) -> ModelList[DesktopLoginLog]:
        """The user's recorded log-ins to their workstation."""
        return self._fetch(DesktopLoginLog, api.USER_DESKTOP_LOGINS)

    def log_desktop_login(self, when: dt.datetime | None = None) -> DesktopLoginLog:
        """Record a log-in to the user's workstation (now by default)."""
        body = {"date": when.isoformat()} if when else {}
        row = self._session.transport.post(api.USER_DESKTOP_LOGINS.fill(), body)
        return self._session.repository(DesktopLoginLog).materialize([row], owned=True)[0]

    def chats(self) -> ModelList[Chat]:
        """The chats the user joined."""
        return self._fetch(Chat, api.USER_CHATS)

    def join_chat(self, entity: Entity | str) -> None:
        """Join ``entity``'s chat (created on first join)."""
        self._session.transport.post(api.USER_CHAT_JOIN.fill(entity_id=entity), {})

    def leave_chat(self, entity: Entity | str) -> None:
        """Leave ``entity``'s chat."""
        self._session.transport.delete(api.USER_CHAT_JOIN.fill(entity_id=entity))


def _nested_rows(session: Session, endpoint: Endpoint) -> list[dict[str, Any]]:
    """The rows of an answer nesting them by list type and production
    (``{"asset": {"<project id>": [rows]}}``)."""
    answer = session.transport.get(endpoint.fill())
    if not isinstance(answer, dict):
        raise errors.UnexpectedAnswerError("GET", "/" + endpoint.template, 200, "expected an object",
                                           answers.excerpt(answer))
    return [row for by_project in answer.values() if isinstance(by_project, dict)
            for rows in by_project.values() if isinstance(rows, list) for row in rows if isinstance(row, dict)]


class UserViews(UserActivity):
    """``kitsu.user``: queries scoped to the logged-in user."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._context: UserContext | None = None

    def context(self) -> UserContext:
        """Task types, statuses, asset types, departments, people and project
        statuses in one request. The session keeps the last answer, so
        relations to these objects (``task.task_status``, ``task.assignees``...)
        then load without a request of their own; call again to read them
        afresh. (The answer's open projects are left out: loaded together,
        they would make one project's relations load for all of them;
        ``open_projects()`` lists them.)"""
        answer = self._session.transport.get(api.USER_CONTEXT.fill())
        if not isinstance(answer, dict):
            raise errors.UnexpectedAnswerError("GET", "/" + api.USER_CONTEXT.template, 200, "expected an object",
                                               answers.excerpt(answer))

        def table(model: type[M], key: str) -> ModelList[M]:
            rows = answer.get(key) or []
            if not isinstance(rows, list):
                raise errors.UnexpectedAnswerError("GET", "/" + api.USER_CONTEXT.template, 200,
                                                   f"expected a list of {key}", answers.excerpt(rows))
            return self._session.repository(model).materialize(rows, owned=True)

        self._context = UserContext(
            task_types=table(TaskType, "task_types"),
            task_statuses=table(TaskStatus, "task_status"),
            asset_types=table(AssetType, "asset_types"),
            departments=table(Department, "departments"),
            persons=table(Person, "persons"),
            project_statuses=table(ProjectStatus, "project_status"),
        )
        return self._context

    def open_projects(self) -> ModelList[Project]:
        """The open productions the user is in the team of."""
        return self._fetch(Project, api.USER_OPEN_PROJECTS)

    def tasks_to_do(self) -> ModelList[Task]:
        """Tasks assigned to the user whose status is not done."""
        return self._fetch(Task, api.USER_TASKS)

    def done_tasks(self) -> ModelList[Task]:
        """Tasks assigned to the user whose status is done."""
        return self._fetch(Task, api.USER_DONE_TASKS)

    def asset_types(self, project: Project | str) -> ModelList[AssetType]:
        """The asset types of ``project`` the user has tasks on."""
        return self._fetch(AssetType, api.USER_ASSET_TYPES, project_id=project)

    def assets(self, project: Project | str, asset_type: AssetType | str) -> ModelList[Asset]:
        """The assets of one type of ``project`` the user has tasks on."""
        return self._fetch(Asset, api.USER_TYPE_ASSETS, project_id=project, asset_type_id=asset_type)

    def episodes(self, project: Project | str) -> ModelList[Episode]:
        """The episodes of ``project`` the user has tasks in."""
        return self._fetch(Episode, api.USER_EPISODES, project_id=project)

    def sequences(self, project: Project | str) -> ModelList[Sequence]:
        """The sequences of ``project`` the user has tasks in."""
        return self._fetch(Sequence, api.USER_SEQUENCES, project_id=project)

    def shots(self, sequence: Sequence | str) -> ModelList[Shot]:
        """The shots of ``sequence`` the user has tasks on."""
        return self._fetch(Shot, api.USER_SEQUENCE_SHOTS, sequence_id=sequence)

    def scenes(self, sequence: Sequence | str) -> ModelList[Scene]:
        """The scenes of ``sequence`` the user has tasks on."""
        return self._fetch(Scene, api.USER_SEQUENCE_SCENES, sequence_id=sequence)

    def tasks_for(self, entity: Asset | Shot | Sequence | Scene) -> ModelList[Task]:
        """The user's tasks on one asset, shot, sequence or scene."""
        return self._session.repository(Task).load_route(_entity_view(entity)[0].fill_from(entity))

    def task_types_for(self, entity: Asset | Shot | Sequence | Scene) -> ModelList[TaskType]:
        """The types of the user's tasks on one asset, shot, sequence or scene."""
        return self._session.repository(TaskType).load_route(_entity_view(entity)[1].fill_from(entity))


def _entity_view(entity: Asset | Shot | Sequence | Scene) -> tuple[Endpoint, Endpoint]:
    """The views of ``entity``'s kind; another kind (an episode, an edit) is
    a typed error, not a KeyError."""
    views = next((views for cls, views in _ENTITY_VIEWS.items() if isinstance(entity, cls)), None)
    if views is None:
        raise errors.InvalidArgumentError(
            f"the user's views cover assets, shots, sequences and scenes, not {type(entity).__name__}"
        )
    return views
