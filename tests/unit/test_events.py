"""The event classes against the spec (../shared/spec/events.txt), the
generated module against its table, and the listener's delivery rules
(subscriptions, failing callbacks, replay de-duplication) without a server."""

from __future__ import annotations

import logging
import threading
import time
import re
from pathlib import Path
from typing import Any

import pytest

from kitsu_models import errors, events
from kitsu_models.events import catalog
from kitsu_models.events.stream import EventStream

SPEC = Path(__file__).resolve().parents[3] / "shared" / "spec" / "events.txt"
COPY = Path(__file__).resolve().parents[1] / "fixtures" / "events.txt"
#: How the spec writes data that is a whole record, not ids.
_RECORDS = {"message data", "chat data", "link data"}


def _spec_events() -> dict[str, tuple[str, ...]]:
    """Each event of the spec with its data keys. The spec's table runs
    name and data together (``asset:newasset_id``); the data is the
    entity's id, or one of a few other forms."""
    found: dict[str, tuple[str, ...]] = {}
    for line in (SPEC if SPEC.exists() else COPY).read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"([a-z_-]+):([a-z_, -]+)", line)
        if not match:
            continue
        entity, rest = match.groups()
        own = entity.replace("-", "_") + "_id"
        for split in range(1, len(rest)):
            action, data = rest[:split], rest[split:]
            if data.startswith(own) or data in _RECORDS or data == "person_id":
                keys = () if data in _RECORDS else tuple(key.strip() for key in data.split(","))
                found[f"{entity}:{action}"] = keys
                break
    return found


def test_the_spec_copy_is_the_shared_one() -> None:
    if SPEC.exists():
        assert COPY.read_text(encoding="utf-8") == SPEC.read_text(encoding="utf-8")
    assert COPY.exists()


def test_every_event_of_the_spec_has_a_class_with_its_data_keys() -> None:
    spec = _spec_events()
    assert len(spec) == 104
    table = dict(catalog.events())
    assert list(table) == list(spec)
    for name, keys in spec.items():
        # After the spec's keys, the parent ids Zou 1.0.97 sends too (a
        # budget entry's budget_id): the subject's record route needs them.
        assert table[name][:len(keys)] == keys and all(key.endswith("_id") for key in table[name][len(keys):])
        cls = events.EVENT_CLASSES[name]
        assert cls.name == name and cls.keys == table[name]
        assert getattr(events, cls.__name__) is cls


def test_the_classes_module_is_generated_from_the_table() -> None:
    generated = Path(catalog.__file__).with_name("classes.py").read_text(encoding="utf-8")
    assert generated == catalog.render(), "run: python -m kitsu_models.events.catalog > kitsu_models/events/classes.py"


@pytest.mark.parametrize("name, cls", [
    ("task:status-changed", "TaskStatusChanged"), ("asset_instance:add-to-shot", "AssetInstanceAddToShot"),
    ("comment:acknowledge", "CommentAcknowledge"), ("playlist:add_entity", "PlaylistAddEntity"),
    ("production_schedule_version:update", "ProductionScheduleVersionUpdate"),
])
def test_class_names_break_words_at_colons_dashes_and_underscores(name: str, cls: str) -> None:
    assert catalog.class_name(name) == cls == events.EVENT_CLASSES[name].__name__


def test_an_event_carries_its_ids_project_and_raw_data() -> None:
    event = events.event_of("comment:acknowledge", {"comment_id": "c1", "person_id": "p1", "project_id": "pr"}, None)
    assert isinstance(event, events.CommentAcknowledge)
    assert (event.comment_id, event.person_id, event.project_id) == ("c1", "p1", "pr")
    assert event.event_name == "comment:acknowledge" and event.data["project_id"] == "pr"
    assert event.received_at.tzinfo is not None and not event.replayed
    with pytest.raises(errors.InvalidArgumentError, match="no session"):
        event.comment  # noqa: B018 (a subject needs a session to load from)


def test_an_unknown_event_arrives_generic_never_dropped() -> None:
    event = events.event_of("render-farm:done", {"job": 3}, None)
    assert isinstance(event, events.GenericEvent) and event.event_name == "render-farm:done"
    assert event.data == {"job": 3}


class _Session:
    """Enough of a session for the listener's delivery code."""

    def __init__(self, log: list[dict[str, Any]] | None = None) -> None:
        self.log = log or []
        self.transport = self

    def get(self, path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """The server's answer: newest first, after ``after`` (to the second)."""
        assert path == "data/events/last"
        after = params.get("after", "")
        return [entry for entry in reversed(self.log) if entry["created_at"] > after][: params["limit"]]


def _delivered(stream: EventStream) -> list[events.Event]:
    out = []
    while not stream._queue.empty():
        item = stream._queue.get()
        stream._dispatch(item)
        out.append(item)
    return out


def test_subscriptions_by_class_name_entity_and_all() -> None:
    stream = EventStream(_Session())  # type: ignore[arg-type]
    seen: dict[str, list[str]] = {"class": [], "name": [], "entity": [], "all": []}
    stream.on(events.TaskNew, lambda e: seen["class"].append(e.task_id))
    stream.on("task:update", lambda e: seen["name"].append(e.event_name))
    stream.on("task:*", lambda e: seen["entity"].append(e.event_name))
    unsubscribe = stream.on("*", lambda e: seen["all"].append(e.event_name))
    for name in ("task:new", "task:update", "shot:new"):
        stream._received(name, {"task_id": "t1", "shot_id": "s1"})
    stream._replaying = False
    _delivered(stream)
    unsubscribe()
    stream._received("shot:new", {"shot_id": "s2"})
    _delivered(stream)
    assert seen == {"class": ["t1"], "name": ["task:update"], "entity": ["task:new", "task:update"],
                    "all": ["task:new", "task:update", "shot:new"]}
    with pytest.raises(errors.InvalidArgumentError):
        stream.on("task", print)


def test_a_callback_that_raises_is_logged_and_the_others_still_run(caplog: pytest.LogCaptureFixture) -> None:
    stream = EventStream(_Session())  # type: ignore[arg-type]
    after: list[str] = []

    def broken(event: events.Event) -> None:
        raise RuntimeError("a bug in the callback")

    stream.on("*", broken)
    stream.on("*", lambda e: after.append(e.event_name))
    with caplog.at_level(logging.ERROR, logger="kitsu_models.events"):
        stream._received("asset:new", {"asset_id": "a"})
        stream._received("asset:new", {"asset_id": "b"})
        _delivered(stream)
    assert after == ["asset:new", "asset:new"] and stream.stats["callback_errors"] == 2
    assert "a bug in the callback" in caplog.text


def _assets_log(count: int) -> list[dict[str, Any]]:
    return [{"id": f"e{n}", "created_at": f"2026-12-02T10:00:0{n}", "name": "asset:new", "data": {"asset_id": f"a{n}"}}
            for n in range(1, count + 1)]


def test_replay_delivers_the_missed_events_once_in_order_then_the_held_live_ones() -> None:
    session = _Session(_assets_log(5))
    stream = EventStream(session)  # type: ignore[arg-type]
    stream._cursor = "2026-12-02T10:00:01"
    stream._seen_ids = {"e1": "2026-12-02T10:00:01"}
    stream._replaying = False
    stream._received("asset:new", {"asset_id": "a2"})  # delivered live before the drop
    stream._replaying = True
    stream._received("asset:new", {"asset_id": "a6"})  # arrives during the replay: held
    stream._catch_up()
    names = [(e.data["asset_id"], e.replayed) for e in _delivered(stream)]
    assert names == [("a2", False), ("a3", True), ("a4", True), ("a5", True), ("a6", False)]
    assert stream._cursor == "2026-12-02T10:00:05"
    stream._catch_up()  # the same log again: nothing new
    assert _delivered(stream) == []


class _ArrivingDuringRead(_Session):
    """A log read during which the socket brings live events: the last of
    the log (published a moment before it was logged) and a newer one."""

    def __init__(self, log: list[dict[str, Any]], stream_arrivals: list[tuple[str, dict[str, Any]]]) -> None:
        super().__init__(log)
        self.arrivals = stream_arrivals
        self.stream: EventStream | None = None

    def get(self, path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        answer = super().get(path, params)
        assert self.stream is not None
        for name, data in self.arrivals:
            self.stream._received(name, data)
        self.arrivals = []
        return answer


def _replay_after_drop(session: _Session, settle: float = 0.0) -> EventStream:
    stream = EventStream(session, settle=settle)  # type: ignore[arg-type]
    stream._cursor = "2026-12-02T10:00:01"
    stream._seen_ids = {"e1": "2026-12-02T10:00:01"}
    stream._replaying = False
    stream._received("asset:new", {"asset_id": "a2"})  # delivered live before the drop
    return stream


def test_a_live_event_held_during_the_read_that_the_log_holds_is_delivered_once_at_its_place() -> None:
    arriving = [("asset:new", {"asset_id": "a5"}), ("asset:new", {"asset_id": "a6"})]
    session = _ArrivingDuringRead(_assets_log(5), arriving)
    stream = session.stream = _replay_after_drop(session)
    stream._catch_up()
    delivered = [(e.data["asset_id"], e.replayed) for e in _delivered(stream)]
    assert delivered == [("a2", False), ("a3", True), ("a4", True), ("a5", False), ("a6", False)]
    session.log.append(
        {"id": "e6", "created_at": "2026-12-02T10:00:06", "name": "asset:new", "data": {"asset_id": "a6"}}
    )
    stream._catch_up()  # the log now holds a6 too: delivered already
    assert _delivered(stream) == [] and stream.stats["replayed"] == 2


def test_an_event_still_on_its_way_when_the_log_is_read_arrives_within_the_settle_time() -> None:
    session = _Session(_assets_log(5))
    stream = _replay_after_drop(session, settle=0.5)
    arrival = threading.Timer(0.1, stream._received, ("asset:new", {"asset_id": "a5"}))
    stream._replaying = True  # the drop: live events are held from now on
    arrival.start()
    stream._catch_up()
    arrival.join()
    delivered = [(e.data["asset_id"], e.replayed) for e in _delivered(stream)]
    assert delivered == [("a2", False), ("a3", True), ("a4", True), ("a5", False)]


def test_the_settle_wait_is_skipped_when_the_socket_delivered_the_whole_log() -> None:
    session = _Session(_assets_log(2))
    stream = _replay_after_drop(session, settle=5.0)
    started = time.monotonic()
    stream._catch_up()
    assert time.monotonic() - started < 1.0
    assert [e.data["asset_id"] for e in _delivered(stream)] == ["a2"]


def test_two_events_with_the_same_data_around_a_read_are_each_delivered_once() -> None:
    update = {"task_id": "t1", "project_id": "p1"}
    log = [{"id": f"e{n}", "created_at": f"2026-12-02T10:00:0{n}", "name": "task:update", "data": update}
           for n in (2, 3)]
    session = _ArrivingDuringRead(log, [("task:update", update)])  # e3 arrives live during the read
    stream = session.stream = EventStream(session, settle=0.0)  # type: ignore[arg-type]
    stream._cursor = "2026-12-02T10:00:01"
    stream._catch_up()
    assert [e.replayed for e in _delivered(stream)] == [False, True]  # the held one at e2's place, e3 replayed
    session.log.append({"id": "e4", "created_at": "2026-12-02T10:00:04", "name": "task:update", "data": update})
    stream._catch_up()
    assert len(_delivered(stream)) == 1  # a third update, once


def _burst(count: int) -> list[dict[str, Any]]:
    """``count`` writes made in a burst before a listener starts: several
    log entries share each second."""
    return [{"id": f"b{n}", "created_at": f"2026-12-02T10:00:0{n // 6}", "name": "asset:update",
             "data": {"asset_id": f"a{n}"}} for n in range(count)]


def test_a_new_listener_delivers_nothing_logged_before_it_started() -> None:
    session = _Session(_burst(15))
    stream = EventStream(session, settle=0.0)  # type: ignore[arg-type]
    stream._begin_now()
    stream._catch_up()  # the first checkpoint
    assert _delivered(stream) == [] and stream.stats["replayed"] == 0
    session.log.append({"id": "n1", "created_at": "2026-12-02T10:00:02", "name": "asset:new", "data": {"asset_id": "x"}})
    stream._catch_up()  # written after the start, lost by the socket: replayed
    assert [(e.data["asset_id"], e.replayed) for e in _delivered(stream)] == [("x", True)]


def test_a_live_event_of_the_start_window_is_delivered_once_and_leaves_no_stale_count() -> None:
    update = {"asset_id": "a14"}
    session = _ArrivingDuringRead(_burst(15), [("asset:update", update)])  # b14 arrives live while the start reads
    stream = session.stream = EventStream(session, settle=0.0)  # type: ignore[arg-type]
    stream._replaying = True  # as after _open()
    stream._begin_now()
    assert [(e.data["asset_id"], e.replayed) for e in _delivered(stream)] == [("a14", False)]
    session.log.append({"id": "b15", "created_at": "2026-12-02T10:00:03", "name": "asset:update", "data": update})
    stream._catch_up()  # the same update again, lost by the socket: replayed, not taken for the first
    assert [(e.data["asset_id"], e.replayed) for e in _delivered(stream)] == [("a14", True)]


def test_a_listener_resumes_since_a_time_or_exactly_after_a_cursor() -> None:
    log = _assets_log(5)
    since_time = EventStream(_Session(log), settle=0.0, since="2026-12-02T10:00:03")  # type: ignore[arg-type]
    since_time._catch_up()
    assert [e.data["asset_id"] for e in _delivered(since_time)] == ["a3", "a4", "a5"]
    first = EventStream(_Session(log[:3]), settle=0.0, since="2026-12-02T10:00:01")  # type: ignore[arg-type]
    first._catch_up()
    assert [e.data["asset_id"] for e in _delivered(first)] == ["a1", "a2", "a3"]
    later = EventStream(_Session(log), settle=0.0, since=first.cursor)  # type: ignore[arg-type]
    later._catch_up()
    assert [e.data["asset_id"] for e in _delivered(later)] == ["a4", "a5"]
    with pytest.raises(errors.InvalidArgumentError):
        EventStream(_Session(), since="yesterday")  # type: ignore[arg-type]


class _Transport:
    def __init__(self, verify: bool | str) -> None:
        self.verify = verify
        self.cert = None


@pytest.mark.parametrize("verify, environment, expected", [
    ("/etc/studio-ca.pem", "/etc/other.pem", "/etc/studio-ca.pem"),
    (False, "/etc/other.pem", False),
    (True, "/etc/other.pem", "/etc/other.pem"),
    (True, None, True),
])
def test_the_listener_verifies_tls_as_the_transport_does(
    monkeypatch: pytest.MonkeyPatch, verify: bool | str, environment: str | None, expected: bool | str
) -> None:
    from kitsu_models.events.stream import _http_session

    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    if environment:
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", environment)
    else:
        monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    session = _Session()
    session.transport = _Transport(verify)  # type: ignore[assignment]
    http = _http_session(session, "https://kitsu.test")  # type: ignore[arg-type]
    assert http.verify == expected and http.trust_env is False


def test_a_stream_that_cannot_connect_raises_the_sdks_error() -> None:
    from kitsu_models import Kitsu
    from kitsu_models.credentials import Tokens

    kitsu = Kitsu("http://127.0.0.1:9", tokens=Tokens.from_strings("a.b.c", None))
    stream = EventStream(kitsu, url="http://127.0.0.1:9", replay=False)
    with pytest.raises(errors.ConnectError):
        stream.start()
    assert stream._threads == []
