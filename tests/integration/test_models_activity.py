"""What people are told, follow, save and say, typed, against the real
server: an artist's notifications (read, marked), subscriptions, saved
searches, chats, time and days off; playlist share links; the server's
event and login logs; events whose subject is one of these models."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from kitsu_models import Kitsu, errors
from kitsu_models.events import BudgetCreate, ChatNewMessage
from kitsu_models.models import (
    Budget, Chat, ChatMessage, DayOff, DesktopLoginLog, LoggedEvent, LoginLog, Notification, Person, Playlist,
    PlaylistShareLink, SearchFilter, SearchFilterGroup, Subscription, Task, TimeSpent,
)

from .models_support import RequestLog, World, artist, clone, world

pytestmark = pytest.mark.server
__all__ = ["artist", "world"]  # fixtures


@pytest.fixture
def artist_session(kitsu_server: Any, admin: Kitsu, world: World) -> Iterator[Kitsu]:
    """The world's artist, logged in with a password of their own."""
    password = f"Pw-{uuid.uuid4().hex}"
    admin.transport.post(f"actions/persons/{world.artist.id}/change-password",
                         {"password": password, "password_2": password})
    kitsu = Kitsu.login(kitsu_server.api_url, world.artist.email or "", password)
    yield kitsu
    kitsu.log_out()
    kitsu.close()


def test_an_artist_reads_marks_and_clears_their_notifications(world: World, artist_session: Kitsu) -> None:
    comment = world.asset_task.add_comment(world.wip, "please look")  # the comment action notifies
    unread = artist_session.user.notifications(read=False)
    mine = [n for n in unread if n.comment_id == comment.id]
    assert len(mine) == 1 and isinstance(mine[0], Notification)
    notification = mine[0]
    assert (notification.read, notification.notification_type, notification.task_id) == (
        False, "comment", world.asset_task.id)
    assert notification.comment_text == "please look" and notification.author is artist_session.persons.get(world.me.id)
    with RequestLog(artist_session) as log:
        notification.read = True
        notification.save()
    assert [(s.method, s.path, s.body) for s in log.writes()] == [
        ("PUT", f"data/user/notifications/{notification.id}", {"read": True})
    ]
    assert all(n.id != notification.id for n in artist_session.user.notifications(read=False))
    world.asset_task.add_comment(world.wip, "again")
    assert artist_session.user.notifications(read=False)
    artist_session.user.mark_all_notifications_read()
    assert artist_session.user.notifications(read=False) == []


def test_subscribing_to_a_task_is_typed_and_seen_from_the_task(world: World) -> None:
    kitsu = world.kitsu
    assert kitsu.user.is_subscribed(world.asset_task) is False
    subscription = kitsu.user.subscribe(world.asset_task)
    assert isinstance(subscription, Subscription) and subscription.task is world.asset_task
    assert kitsu.user.is_subscribed(world.asset_task) is True
    assert [s.id for s in clone(kitsu).tasks.get(world.asset_task.id).subscriptions] == [subscription.id]
    assert subscription.id in [s.id for s in world.project.subscriptions]
    kitsu.user.unsubscribe(world.asset_task)
    assert kitsu.user.is_subscribed(world.asset_task) is False


def test_saved_searches_and_their_groups_are_created_listed_saved_and_deleted(world: World) -> None:
    kitsu = world.kitsu
    group = SearchFilterGroup(name=f"group {uuid.uuid4().hex[:6]}", color="#ff0000", list_type="asset",
                              project_id=world.project.id).save(kitsu)
    with RequestLog(kitsu) as log:
        saved = SearchFilter(name="heroes", search_query="hero", list_type="asset", project_id=world.project.id,
                             search_filter_group_id=group.id).save(kitsu)
    assert log.writes()[0].path == "data/user/filters" and log.writes()[0].body["query"] == "hero"
    assert saved.search_query == "hero" and saved.group is group
    assert saved.id in kitsu.user.filters().ids() and group.id in kitsu.user.filter_groups().ids()
    saved.search_query = "villain"
    saved.save()
    assert next(f for f in clone(kitsu).user.filters() if f.id == saved.id).search_query == "villain"
    assert [f.id for f in clone(kitsu).search_filter_groups.get(group.id).filters] == [saved.id]
    saved.delete()
    group.delete()
    assert saved.id not in kitsu.user.filters().ids() and group.id not in kitsu.user.filter_groups().ids()


def test_a_chat_is_joined_posted_to_read_and_left(world: World) -> None:
    kitsu = world.kitsu
    kitsu.user.join_chat(world.asset)
    chat = next(c for c in kitsu.user.chats() if c.object_id == world.asset.id)
    assert isinstance(chat, Chat) and chat.entity is world.asset and kitsu.me in chat.participants
    message = chat.post("first take is up")
    assert isinstance(message, ChatMessage) and message.chat is chat and message.person is kitsu.me
    assert [m.text for m in clone(kitsu).chats.get(chat.id).messages] == ["first take is up"]
    message.delete()
    assert clone(kitsu).chats.get(chat.id).messages == []
    kitsu.user.leave_chat(world.asset)
    assert all(c.object_id != world.asset.id for c in kitsu.user.chats())


def test_the_users_time_days_off_and_desktop_logins(world: World) -> None:
    kitsu = world.kitsu
    spent = kitsu.user.time_spents(dt.date(2024, 3, 4))
    # Other tests' productions (another pytest-xdist worker's world) may log the user's time that day too.
    assert all(isinstance(t, TimeSpent) and t.person_id == kitsu.me.id and t.date == dt.date(2024, 3, 4) for t in spent)
    in_world = [(t.id, t.duration) for t in spent if t.task_id in (world.shot_task.id, world.asset_task.id)]
    assert in_world == [(world.time_spent.id, 90)]
    assert world.time_spent.id in kitsu.user.time_spents(dt.date(2024, 3, 1), "2024-03-31").ids()
    day = dt.date(2032, 2, 2) + dt.timedelta(days=uuid.uuid4().int % 300)
    assert kitsu.user.day_off(day) is None
    away = DayOff(date=day, end_date=day, person_id=kitsu.me.id).save(kitsu)
    try:
        found = kitsu.user.day_off(day)
        assert found is away and isinstance(found, DayOff)
        assert away.id in [d.id for d in clone(kitsu).persons.get(kitsu.me.id).day_offs]
    finally:
        away.delete()
    logged = kitsu.user.log_desktop_login(dt.datetime(2031, 3, 3, 9, 30))
    assert isinstance(logged, DesktopLoginLog) and logged.date == dt.datetime(2031, 3, 3, 9, 30)
    assert logged.id in kitsu.user.desktop_login_logs().ids()
    assert logged.id in [log.id for log in clone(kitsu).persons.get(kitsu.me.id).desktop_login_logs]


def test_a_playlists_share_links_are_typed_and_keep_no_password(world: World) -> None:
    kitsu = world.kitsu
    playlist = Playlist(name=f"review {uuid.uuid4().hex[:6]}", project_id=world.project.id).save(kitsu)
    kitsu.transport.post(f"data/playlists/{playlist.id}/share", {"password": "secret-pw-1", "can_comment": True})
    links = clone(kitsu).playlists.get(playlist.id).share_links
    assert len(links) == 1 and isinstance(links[0], PlaylistShareLink)
    link = links[0]
    assert (link.has_password, link.can_comment, link.is_active) == (True, True, True)
    assert "password" not in link.model_dump() and "secret-pw-1" not in repr(link.model_dump())
    assert link.token not in repr(link)
    assert link.playlist.id == playlist.id


def test_the_servers_event_and_login_logs_are_typed(world: World) -> None:
    kitsu = world.kitsu
    last = kitsu.repository(LoggedEvent).load_route("data/events/last", {"limit": 5})
    assert last and all(isinstance(event, LoggedEvent) and event.name for event in last)
    assert kitsu.logged_events.get(last[0].id) is last[0]
    logins = kitsu.login_logs.all()
    assert logins and isinstance(logins[0], LoginLog) and logins[0].person_id


def test_events_about_the_new_models_resolve_to_them(world: World) -> None:
    """A budget's event loads the budget from its production's route; a
    chat message's event is the message."""
    kitsu = world.kitsu
    budget = Budget(name="plan", project_id=world.project.id).save(kitsu)
    fresh = clone(kitsu)
    event = BudgetCreate({"budget_id": budget.id, "project_id": world.project.id}, fresh)
    with RequestLog(fresh) as log:
        loaded = event.budget
    assert isinstance(loaded, Budget) and loaded.name == "plan"
    assert [s.path for s in log.sent] == [f"data/projects/{world.project.id}/budgets/{budget.id}"]
    message = {"id": str(uuid.uuid4()), "chat_id": str(uuid.uuid4()), "person_id": world.me.id, "text": "hi"}
    posted = ChatNewMessage(message, fresh).message
    assert isinstance(posted, ChatMessage) and posted.text == "hi" and fresh.chat_messages.get(posted.id) is posted
    budget.delete()
    with pytest.raises(errors.ModelNotFoundError):
        BudgetCreate({"budget_id": budget.id, "project_id": world.project.id}, clone(kitsu)).budget


def test_an_unknown_person_has_no_notifications_route_of_its_own(admin: Kitsu, world: World) -> None:
    """A person's notifications load through the studio's list, filtered."""
    assert isinstance(world.artist, Person)
    loaded = clone(admin).persons.filter(id=[world.artist.id, world.me.id])
    with RequestLog(loaded[0].session) as log:
        loaded.prefetch("notifications")
    assert [s.path for s in log.sent] == ["data/notifications"]
    assert isinstance(world.asset_task, Task)
