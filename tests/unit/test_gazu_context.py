"""gazu.context: with ``user_context=True`` each read goes to the logged-in
user's route (``data/user/...``), else to the plain one, and every list
comes back sorted by name, as gazu's module functions it stands for."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
import responses

import gazu

from .models_rows import new_id

HOST = "http://kitsu.test/api"
Client = gazu.client.KitsuClient
P, T, A, S, SC, Q, E = (new_id() for _ in range(7))
ctx = gazu.context

#: function, its arguments, the user's route, the plain route.
PAIRS: list[tuple[Callable[..., Any], tuple[str, ...], str, str]] = [
    (ctx.all_open_projects, (), "user/projects/open", "projects/open"),
    (ctx.all_asset_types_for_project, (P,), f"user/projects/{P}/asset-types", f"projects/{P}/asset-types"),
    (ctx.all_assets_for_asset_type_and_project, (P, T), f"user/projects/{P}/asset-types/{T}/assets",
     f"projects/{P}/asset-types/{T}/assets"),
    (ctx.all_task_types_for_asset, (A,), f"user/assets/{A}/task-types", f"assets/{A}/task-types"),
    (ctx.all_task_types_for_shot, (S,), f"user/shots/{S}/task-types", f"shots/{S}/task-types"),
    (ctx.all_task_types_for_scene, (SC,), f"user/scenes/{SC}/task-types", f"scenes/{SC}/task-types"),
    (ctx.all_task_types_for_sequence, (Q,), f"user/sequences/{Q}/task-types", f"sequences/{Q}/task-types"),
    (ctx.all_sequences_for_project, (P,), f"user/projects/{P}/sequences", f"projects/{P}/sequences"),
    (ctx.all_shots_for_sequence, (Q,), f"user/sequences/{Q}/shots", f"sequences/{Q}/shots"),
    (ctx.all_scenes_for_sequence, (Q,), f"user/sequences/{Q}/scenes", f"sequences/{Q}/scenes"),
    (ctx.all_episodes_for_project, (P,), f"user/projects/{P}/episodes", f"projects/{P}/episodes"),
]
UNSORTED = [{"name": "b"}, {"name": "C"}, {"name": "a"}]


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


@pytest.fixture
def client() -> Client:
    made = gazu.client.create_client(HOST)
    made.tokens = {"access_token": "a.b.c", "refresh_token": None}
    return made


@pytest.mark.parametrize(("function", "args", "mine", "every"), PAIRS, ids=[p[0].__name__ for p in PAIRS])
@pytest.mark.parametrize("user_context", [True, False])
def test_the_user_context_chooses_the_route_and_lists_are_by_name(
    fake: responses.RequestsMock, client: Client, function: Callable[..., Any], args: tuple[str, ...], mine: str,
    every: str, user_context: bool,
) -> None:
    fake.get(f"{HOST}/data/{mine if user_context else every}", json=UNSORTED)
    assert function(*args, user_context=user_context, client=client) == [{"name": "a"}, {"name": "b"}, {"name": "C"}]


def test_the_user_context_is_the_second_positional_parameter(fake: responses.RequestsMock, client: Client) -> None:
    fake.get(f"{HOST}/data/user/projects/{P}/episodes", json=[])
    assert ctx.all_episodes_for_project({"id": P}, True, client) == []


BY_NAME = [
    (ctx.all_assets_for_project, f"projects/{P}/assets"),
    (ctx.all_scenes_for_project, f"projects/{P}/scenes"),
    (ctx.all_sequences_for_episode, f"episodes/{E}/sequences"),
]


# ids without the random ids (the same in every pytest-xdist worker)
@pytest.mark.parametrize(("function", "path"), BY_NAME, ids=[function.__name__ for function, _ in BY_NAME])
def test_the_reads_without_a_user_context_are_by_name(
    fake: responses.RequestsMock, client: Client, function: Callable[..., Any], path: str
) -> None:
    fake.get(f"{HOST}/data/{path}", json=UNSORTED)
    owner = E if "episodes" in path else P
    assert [r["name"] for r in function(owner, client=client)] == ["a", "b", "C"]
