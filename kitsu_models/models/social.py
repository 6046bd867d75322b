"""What people are told and say: Notification, News, Subscription, Chat,
ChatMessage, and their saved searches, SearchFilter and SearchFilterGroup."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar, Literal

from pydantic import Field

from .. import catalogue as api
from ..orm.base import Id, KitsuModel, computed, server_filled
from ..orm.relations import MaybeToOne, ToMany, ToOne
from ..routes import Route
from . import breakdown, people, playlists, production, tasks
from . import previews as reviews

NotificationType = Literal["comment", "mention", "assignation", "reply", "reply-mention", "playlist-ready"]


class Notification(KitsuModel):
    """Something a person is told about: a comment, a mention, an
    assignment, a reply, a playlist ready. ``read`` is theirs to set."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("notification_type", "read")
    __route__: ClassVar[Route] = Route(api.NOTIFICATIONS, api.NOTIFICATION, update=api.USER_NOTIFICATION)

    read: bool = server_filled(False)
    change: bool = server_filled(False)
    notification_type: NotificationType | None = computed()  # the table's ``type``, renamed by the server
    person_id: Id
    author_id: Id
    comment_id: Id | None = None
    task_id: Id | None = None
    playlist_id: Id | None = None
    reply_id: Id | None = None
    # What the user's own list (data/user/notifications) joins into a row.
    project_id: Id | None = computed()
    project_name: str | None = computed()
    full_entity_name: str | None = computed()
    episode_id: Id | None = computed()
    entity_preview_file_id: Id | None = computed()
    task_type_id: Id | None = computed()
    task_status_id: Id | None = computed()
    preview_file_id: Id | None = computed()
    subscription_id: Id | None = computed()
    comment_text: str | None = computed()
    reply_text: str | None = computed()
    mentions: list[Id] | None = computed()
    department_mentions: list[Id] | None = computed()
    reply_mentions: list[Id] | None = computed()
    reply_department_mentions: list[Id] | None = computed()
    playlist_name: str | None = computed()
    playlist_for_entity: str | None = computed()
    playlist_is_for_all: bool | None = computed()

    person: ToOne[people.Person] = ToOne(lambda: people.Person, "person_id", init=False)
    author: ToOne[people.Person] = ToOne(lambda: people.Person, "author_id", init=False)
    comment: MaybeToOne[tasks.Comment] = MaybeToOne(lambda: tasks.Comment, "comment_id", init=False)
    task: MaybeToOne[tasks.Task] = MaybeToOne(lambda: tasks.Task, "task_id", init=False)
    playlist: MaybeToOne[playlists.Playlist] = MaybeToOne(lambda: playlists.Playlist, "playlist_id", init=False)


class News(KitsuModel):
    """An item of a production's news feed: a comment posted on a task
    (``change``: it changed the task's status)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("change",)
    __route__: ClassVar[Route] = Route(api.NEWS_LIST, api.NEWS)

    change: bool = server_filled(False)
    author_id: Id
    comment_id: Id | None = None
    task_id: Id
    preview_file_id: Id | None = None

    author: ToOne[people.Person] = ToOne(lambda: people.Person, "author_id", init=False)
    comment: MaybeToOne[tasks.Comment] = MaybeToOne(lambda: tasks.Comment, "comment_id", init=False)
    task: ToOne[tasks.Task] = ToOne(lambda: tasks.Task, "task_id", init=False)
    preview_file: MaybeToOne[reviews.PreviewFile] = MaybeToOne(
        lambda: reviews.PreviewFile, "preview_file_id", init=False
    )


class Subscription(KitsuModel):
    """A person following a task (or a task type of an entity) to be
    notified of its comments."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("task_id", "entity_id")
    __route__: ClassVar[Route] = Route(api.SUBSCRIPTIONS, api.SUBSCRIPTION)

    person_id: Id
    task_id: Id | None = None
    entity_id: Id | None = None
    task_type_id: Id | None = None

    person: ToOne[people.Person] = ToOne(lambda: people.Person, "person_id", init=False)
    task: MaybeToOne[tasks.Task] = MaybeToOne(lambda: tasks.Task, "task_id", init=False)
    entity: MaybeToOne[breakdown.Entity] = MaybeToOne(lambda: breakdown.Entity, "entity_id", init=False)
    task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "task_type_id", init=False)


class Chat(KitsuModel):
    """The chat room of an entity, with the people who joined it."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("object_type", "last_message")
    __route__: ClassVar[Route] = Route(api.CHATS, api.CHAT, params={"relations": "true"})  # lists name participants then

    object_id: Id
    object_type: str = server_filled("entity")
    last_message: dt.datetime | None = None
    participant_ids: list[Id] | None = Field(default=None, alias="participants")

    entity: ToOne[breakdown.Entity] = ToOne(lambda: breakdown.Entity, "object_id", init=False)
    participants: ClassVar[ToMany[people.Person]] = ToMany(
        lambda: people.Person, ids_field="participant_ids", reload_when_absent=True
    )
    messages: ClassVar[ToMany[ChatMessage]] = ToMany(lambda: ChatMessage, foreign_key="chat_id")

    def post(self, text: str) -> ChatMessage:
        """Post ``text`` to this chat (the user must have joined it); returns the message."""
        self._check_alive()
        row = self.session.transport.post(api.ENTITY_CHAT_MESSAGES.fill(entity_id=self.object_id), {"message": text})
        return self.session.repository(ChatMessage).materialize([row], owned=True)[0]


class ChatMessage(KitsuModel):
    """A message of an entity's chat."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("text",)
    __route__: ClassVar[Route] = Route(api.CHAT_MESSAGES, api.ENTITY_CHAT_MESSAGE, renames={"entity_id": "chat.object_id"})

    chat_id: Id
    person_id: Id
    text: str | None = None
    attachment_file_ids: list[Id] | list[dict[str, Any]] | None = Field(default=None, alias="attachment_files")

    chat: ToOne[Chat] = ToOne(lambda: Chat, "chat_id", init=False)
    person: ToOne[people.Person] = ToOne(lambda: people.Person, "person_id", init=False)


class SearchFilter(KitsuModel):
    """A search a person saved on one of the web app's lists."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "search_query")
    __route__: ClassVar[Route] = Route(
        api.SEARCH_FILTERS, api.SEARCH_FILTER, create=api.USER_FILTERS, update=api.USER_FILTER, delete=api.USER_FILTER,
        renames={"filter_id": "id"}, create_renames={"search_query": "query"},
        create_fields=(
            "list_type", "name", "search_query", "project_id", "entity_type", "is_shared", "search_filter_group_id",
            "department_id",
        ),
    )

    list_type: str
    entity_type: str | None = None
    name: str = ""
    search_query: str = ""
    is_shared: bool = server_filled(False)
    department_id: Id | None = None
    search_filter_group_id: Id | None = None
    person_id: Id | None = None
    project_id: Id | None = None

    group: MaybeToOne[SearchFilterGroup] = MaybeToOne(lambda: SearchFilterGroup, "search_filter_group_id", init=False)
    person: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "person_id", init=False)
    project: MaybeToOne[production.Project] = MaybeToOne(lambda: production.Project, "project_id", init=False)
    department: MaybeToOne[people.Department] = MaybeToOne(lambda: people.Department, "department_id", init=False)


class SearchFilterGroup(KitsuModel):
    """A coloured group of saved searches on one of the web app's lists."""

    __route__: ClassVar[Route] = Route(
        api.SEARCH_FILTER_GROUPS, api.SEARCH_FILTER_GROUP, create=api.USER_FILTER_GROUPS,
        update=api.USER_FILTER_GROUP, delete=api.USER_FILTER_GROUP, renames={"filter_group_id": "id"},
        create_fields=("name", "color", "list_type", "project_id", "is_shared", "entity_type", "department_id"),
    )

    list_type: str
    entity_type: str | None = None
    name: str = ""
    color: str = ""
    is_shared: bool = server_filled(False)
    person_id: Id | None = None
    project_id: Id | None = None
    department_id: Id | None = None

    person: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "person_id", init=False)
    project: MaybeToOne[production.Project] = MaybeToOne(lambda: production.Project, "project_id", init=False)
    department: MaybeToOne[people.Department] = MaybeToOne(lambda: people.Department, "department_id", init=False)
    filters: ClassVar[ToMany[SearchFilter]] = ToMany(lambda: SearchFilter, foreign_key="search_filter_group_id")
