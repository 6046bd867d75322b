"""The transport's verbs: each sends its method with what it was given
(parameters, body, headers) and names its method in the error of an answer
it cannot read; conditional reads are remembered per path and parameters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import responses

from kitsu_models import errors
from kitsu_models.credentials import Tokens
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


def test_a_download_without_a_file_says_why_and_leaves_nothing(
    transport: Transport, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    target = tmp_path / "movie.mp4"
    mocked.get(API + "movies/originals/preview-files/p1.mp4", status=204)
    with pytest.raises(errors.DownloadError) as nothing:
        transport.download("/movies/originals/preview-files/p1.mp4", target)
    assert str(nothing.value) == "GET /movies/originals/preview-files/p1.mp4: the server sent no file (204)"
    mocked.replace(responses.GET, API + "movies/originals/preview-files/p1.mp4", status=202,
                   headers={"Retry-After": "7"})
    with pytest.raises(errors.StillProcessingError) as processing:
        transport.download("movies/originals/preview-files/p1.mp4", target)
    assert str(processing.value) == \
        "GET /movies/originals/preview-files/p1.mp4: the server sent no file (202, still processing)"
    assert processing.value.retry_after == 7
    assert list(tmp_path.iterdir()) == []


def test_a_download_sends_its_query_writes_the_file_and_answers_its_headers(
    transport: Transport, mocked: responses.RequestsMock, tmp_path: Path
) -> None:
    target = tmp_path / "movie.mp4"
    mocked.get(API + "movies/originals/preview-files/p1.mp4", body=b"frames", headers={"X-Kind": "movie"})
    written, answer = transport.fetch("movies/originals/preview-files/p1.mp4", target, {"lowdef": "true"})
    assert (written, target.read_bytes()) == (6, b"frames")
    assert (answer.status, answer.headers["x-kind"], answer.content) == (200, "movie", b"")
    assert str(mocked.calls[0].request.url).endswith("p1.mp4?lowdef=true")
    assert transport.download("movies/originals/preview-files/p1.mp4", target, {"lowdef": "true"}) == 6
    assert str(mocked.calls[1].request.url).endswith("p1.mp4?lowdef=true")


def test_a_transports_repr_names_its_host_and_whether_it_holds_tokens(transport: Transport) -> None:
    assert repr(transport) == f"<Transport {API} anonymous>"
    transport.tokens = Tokens.from_strings("a.b.c")
    assert repr(transport) == f"<Transport {API} authenticated>" and "a.b.c" not in repr(transport)
