"""The transport's verbs: each sends its method with what it was given
(parameters, body, headers) and names its method in the error of an answer
it cannot read; conditional reads are remembered per path and parameters."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import responses

from kitsu_models import errors
from kitsu_models.transport import Transport

from .conftest import API


@pytest.mark.parametrize(("method", "send"), [
    ("PUT", lambda t: t.put("data/tasks/t1", {"a": 1}, headers={"X-Probe": "yes"})),
    ("DELETE", lambda t: t.delete("data/tasks/t1", {"force": "true"}, headers={"X-Probe": "yes"})),
    ("POST", lambda t: t.post("data/tasks", {"a": 1}, headers={"X-Probe": "yes"})),
])
def test_a_verb_sends_its_method_and_options_and_names_it_when_the_answer_is_unreadable(
    transport: Transport, mocked: responses.RequestsMock, method: str, send: Callable[[Transport], Any]
) -> None:
    url = API + ("data/tasks" if method == "POST" else "data/tasks/t1")
    mocked.add(method, url, body="<html>busy</html>", status=200)
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        send(transport)
    assert caught.value.method == method
    sent = mocked.calls[0].request
    assert (sent.method, sent.headers["X-Probe"]) == (method, "yes")
    assert str(sent.url).endswith("?force=true") == (method == "DELETE")
    mocked.replace(method, url, json={"id": "t1"})
    assert send(transport) == {"id": "t1"}


def test_a_conditional_read_is_remembered_for_its_path_and_parameters(
    transport: Transport, mocked: responses.RequestsMock
) -> None:
    mocked.get(API + "data/tasks", json=[], headers={"ETag": '"v1"'})
    transport.conditional_get("data/tasks", {"project_id": "p1"})
    assert transport.revalidates("data/tasks", {"project_id": "p1"})
    assert not transport.revalidates("data/tasks", {"project_id": "p2"})
    assert not transport.revalidates("data/tasks")
