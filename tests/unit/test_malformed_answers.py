"""Whatever a server answers, the SDK ends in a value or a typed error: fed
arbitrary JSON (and rows of the right keys holding anything), every
repository read, the login, the user's views and the events' subjects
raise nothing but ``KitsuError`` subclasses."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
import responses
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kitsu_models import Kitsu, errors, events
from kitsu_models.credentials import Tokens
from kitsu_models.orm import registry
from kitsu_models.policy import NO_RETRY

import kitsu_models.models  # noqa: F401 (registers the models)

API = "http://kitsu.test/api/"
ID = "00000000-0000-4000-8000-000000000001"
MODELS = sorted(
    name for name in ("Project", "Asset", "Shot", "Sequence", "Episode", "Scene", "Edit", "Concept", "Entity", "Task",
                      "TaskType", "TaskStatus", "Comment", "TimeSpent", "Person", "Department", "Organisation",
                      "Software", "OutputType", "FileStatus", "WorkingFile", "OutputFile", "PreviewFile",
                      "AttachmentFile", "Playlist", "AssetInstance", "EntityLink", "MetadataDescriptor",
                      "AssetType", "EntityType", "ProjectStatus", "CastingEntry")
    if registry.find(name) is not None
)

scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
json_values = st.recursive(
    scalars, lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


def _rows_of(model: str) -> st.SearchStrategy[Any]:
    """Rows with the model's own keys (and its id), holding anything."""
    fields = sorted(registry.model_class(model).model_fields)
    row = st.fixed_dictionaries(
        {"id": st.just(ID) | scalars}, optional={name: json_values for name in fields if name != "id"}
    )
    return st.lists(row, max_size=3) | row | st.fixed_dictionaries({"data": st.lists(row, max_size=2)})


def _answers(model: str) -> st.SearchStrategy[str]:
    deep = st.integers(min_value=1, max_value=200_000).map(lambda depth: "[" * depth + "]" * depth)
    return st.one_of(json_values.map(json.dumps), _rows_of(model).map(json.dumps), deep, st.text(max_size=30))


def _serve(body: str) -> responses.RequestsMock:
    fake = responses.RequestsMock(assert_all_requests_are_fired=False)
    for method in (responses.GET, responses.POST, responses.PUT):
        fake.add_callback(method, re.compile(".*"), callback=lambda request: (200, {}, body))
    return fake


def _only_typed_errors(call: Callable[[], Any]) -> None:
    try:
        value = call()
        for obj in value if isinstance(value, list) else [value]:
            for name in getattr(type(obj), "model_fields", {}):
                getattr(obj, name)  # a field the row lacked loads: more of the same answer
    except errors.KitsuError:
        pass


READS: dict[str, Callable[[Any], Any]] = {
    "get": lambda repo: repo.get(ID),
    "load": lambda repo: repo.load(ID),
    "row": lambda repo: repo.row(ID),
    "get_many": lambda repo: list(repo.get_many([ID]).values()),
    "all": lambda repo: list(repo.all()),
    "first": lambda repo: repo.first(),
    "rows": lambda repo: repo.rows(),
    "iter": lambda repo: list(repo.iter(page_size=2)),
}
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Fewer per read: there are many of them (models x reads), and they share the code below.
PER_READ = settings(SETTINGS, max_examples=6)


def _session() -> Kitsu:
    return Kitsu(API, retry=NO_RETRY, tokens=Tokens.from_strings("a.b.c"))


@pytest.mark.parametrize("model", MODELS)
@pytest.mark.parametrize("read", sorted(READS))
def test_a_repository_read_of_any_answer_ends_in_a_value_or_a_kitsu_error(model: str, read: str) -> None:
    @PER_READ
    @given(body=_answers(model))
    def check(body: str) -> None:
        kitsu = _session()
        with _serve(body):
            _only_typed_errors(lambda: READS[read](kitsu.repository(registry.model_class(model))))

    check()


@SETTINGS
@given(body=_answers("Person"))
def test_a_login_of_any_answer_ends_in_a_session_or_a_kitsu_error(body: str) -> None:
    with _serve(body):
        _only_typed_errors(lambda: Kitsu(API, retry=NO_RETRY).log_in("td@example.com", "pw"))


VIEWS: dict[str, Callable[[Kitsu], Any]] = {
    "me": lambda kitsu: kitsu.me,
    "current_user": lambda kitsu: kitsu.current_user(),
    "context": lambda kitsu: kitsu.user.context().task_types,
    "open_projects": lambda kitsu: list(kitsu.user.open_projects()),
    "tasks_to_do": lambda kitsu: [task.entity for task in kitsu.user.tasks_to_do()],
    "done_tasks": lambda kitsu: list(kitsu.user.done_tasks()),
    "asset_types": lambda kitsu: list(kitsu.user.asset_types(ID)),
}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_a_user_view_of_any_answer_ends_in_a_value_or_a_kitsu_error(view: str) -> None:
    @SETTINGS
    @given(body=_answers("Task"))
    def check(body: str) -> None:
        kitsu = _session()
        with _serve(body):
            _only_typed_errors(lambda: VIEWS[view](kitsu))

    check()


@SETTINGS
@given(name=st.sampled_from(sorted(events.EVENT_CLASSES)), data=st.dictionaries(st.text(max_size=12), json_values),
       body=_answers("Task"))
def test_an_event_of_any_payload_and_its_subjects_end_in_values_or_kitsu_errors(
    name: str, data: dict[str, Any], body: str
) -> None:
    kitsu = _session()
    cls = events.EVENT_CLASSES[name]
    payload = {**{key: ID for key in cls.keys}, **data}
    with _serve(body):
        def subjects() -> list[Any]:
            event = events.event_of(name, payload, kitsu)
            return [getattr(event, key[:-3]) for key in cls.keys if hasattr(cls, key[:-3])]

        _only_typed_errors(subjects)
