"""Behaviours of the sans-I/O exchange core that the mutation run found
reached but not checked (docs/mutation-testing.md): the message of a body
that is not JSON, what the one-POST plan sends and how it names a bad
answer, what a token refresh answer gives, the elapsed-time bound of a
retry measured on the clock passed in, and which request bodies allow a
token refresh and replay."""

from __future__ import annotations

import asyncio
import io
import json

import pytest
import responses

from kitsu_models import errors
from kitsu_models.aio.transport import AsyncTransport
from kitsu_models.answers import Answer
from kitsu_models.credentials import Secret, Tokens
from kitsu_models.etag_cache import CachedAnswer, EtagCache
from kitsu_models.exchange import (
    REFRESH_PATH, Attempts, Request, after_conditional, checked_path, conditional, drive, get, normalize_host, post,
    tokens_from, wire,
)
from kitsu_models.policy import RetryPolicy
from kitsu_models.transport import Transport

from .conftest import API, record_sleeps

#: A start far from any real ``time.monotonic()``: a clock read in place of
#: the one passed in gives an elapsed time nowhere near the expected one.
FAR = 1e9


class Widget:
    """A value ``json.dumps`` does not know."""


class Rewindable(io.BytesIO):
    """A streamed body the transport can rewind before a replay."""

    def rewind(self) -> None:
        self.seek(0)


# ------------------------------------------------------------ the JSON body
def test_a_body_that_is_not_json_names_the_type_that_is_not() -> None:
    request = Request("POST", "data/tasks", json={"what": Widget()})
    with pytest.raises(errors.InvalidArgumentError) as caught:
        wire(request, API, None)
    assert str(caught.value) == "POST /data/tasks: the body is not JSON (Widget is not JSON serializable)"


# ----------------------------------------------------------- the GET plan
def test_the_get_plan_yields_an_upper_case_get_not_revalidated_unless_asked() -> None:
    plain = next(get("data/projects", {"name": "Fox"}))
    assert (plain.method, plain.path, plain.params, plain.revalidate) == ("GET", "data/projects", {"name": "Fox"}, False)
    assert next(get("data/projects", revalidate=True)).revalidate is True


def test_the_get_plan_names_get_when_the_answer_is_not_json() -> None:
    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        drive(get("data/projects"), lambda request: Answer(200, {"content-type": "text/html"}, b"<html>proxy</html>"))
    assert caught.value.method == "GET"
    assert str(caught.value).startswith("GET /data/projects -> 200: the answer (text/html) is not JSON")


# --------------------------------------------------- a conditional read
def test_a_not_modified_answer_is_the_kept_body_with_status_200_and_the_new_headers() -> None:
    kept = CachedAnswer('"v1"', b'[{"id": "p1"}]')
    answer = after_conditional(EtagCache(), "key", kept, Answer(304, {"etag": '"v1"', "date": "today"}, b""))
    assert (answer.status, dict(answer.headers), answer.content) == (200, {"etag": '"v1"', "date": "today"}, kept.body)


def test_both_transports_send_refuses_a_streamed_request_before_any_io() -> None:
    """``send`` reads answers whole (a streamed body would be lost): the
    sans-I/O step both drivers start with refuses it."""
    streamed = Request("GET", "movies/originals/preview-files/p1.mp4", stream=True)
    with pytest.raises(errors.InvalidArgumentError) as caught:
        conditional(EtagCache(), streamed)
    assert str(caught.value) == ("GET /movies/originals/preview-files/p1.mp4: send() reads answers whole, "
                                 "it does not stream them (download with fetch())")
    with pytest.raises(errors.InvalidArgumentError, match="does not stream"):
        asyncio.run(AsyncTransport(API).send(streamed))


# ------------------------------------------------------ a request checked
def test_a_checked_request_has_its_method_upper_case_and_its_path_relative() -> None:
    checked = Request("get", "/data/projects").checked()
    assert (checked.method, checked.path) == ("GET", "data/projects")


@pytest.mark.parametrize(("host", "root"), [
    ("https://kitsu.test/api//", "https://kitsu.test/api/"),
    ("http://RENDER-BOX", "http://RENDER-BOX/"),  # only slashes are taken off its end
])
def test_an_api_root_ends_with_one_slash(host: str, root: str) -> None:
    assert normalize_host(host) == root


def test_a_refused_path_is_named_in_the_error_cut_at_80_characters() -> None:
    path = "data/projects/" + "a" * 70 + "/../x"
    with pytest.raises(errors.InvalidArgumentError) as caught:
        checked_path(path)
    assert str(caught.value) == f"not a Kitsu API path: {path[:80]!r}"


def test_a_request_with_a_streamed_body_is_tried_once_whatever_the_policy() -> None:
    """Its body cannot be sent twice (a refresh may replay it rewound)."""
    streamed = Request("PUT", "data/files/f1", data=io.BytesIO(b"frames"))
    assert Attempts(streamed, RetryPolicy(attempts=5)).policy.attempts == 1
    assert Attempts(Request("PUT", "data/files/f1", json={}), RetryPolicy(attempts=5)).policy.attempts == 5


# ---------------------------------------------------------- the POST plan
def test_the_post_plan_yields_an_upper_case_post_authenticated_by_default() -> None:
    request = next(post("data/tasks", {"name": "x"}))
    assert request.method == "POST"
    assert request.authenticate is True
    assert request.json == {"name": "x"}


def test_the_post_plan_yields_an_anonymous_request_when_asked() -> None:
    request = next(post("auth/login", {"email": "a@b.c"}, authenticate=False))
    assert request.authenticate is False


def test_the_post_plan_carries_the_token_unless_anonymous(mocked: responses.RequestsMock) -> None:
    mocked.post(API + "data/tasks", json={"id": "t1"})
    transport = Transport(API, tokens=Tokens.from_strings("an-access-token"))
    record_sleeps(transport)
    try:
        assert drive(post("data/tasks", {"name": "x"}), transport.send) == {"id": "t1"}
        assert drive(post("data/tasks", {"name": "y"}, authenticate=True), transport.send) == {"id": "t1"}
        assert drive(post("data/tasks", {"name": "z"}, authenticate=False), transport.send) == {"id": "t1"}
    finally:
        transport.close()
    carried = ["Authorization" in call.request.headers for call in mocked.calls]
    assert carried == [True, True, False]


def test_the_post_plan_names_post_when_the_answer_is_not_json() -> None:
    def send(request: Request) -> Answer:
        return Answer(200, {"content-type": "text/html"}, b"<html>proxy</html>")

    with pytest.raises(errors.UnexpectedAnswerError) as caught:
        drive(post("data/tasks", {"name": "x"}), send)
    assert caught.value.method == "POST"
    assert str(caught.value).startswith("POST /data/tasks -> 200: the answer (text/html) is not JSON")


def test_the_post_plan_gives_none_for_an_empty_answer() -> None:
    assert drive(post("data/tasks"), lambda request: Answer(201, {}, b"")) is None


# ------------------------------------------------------- a refresh answer
CURRENT = Tokens.from_strings("old-access", "old-refresh")


@pytest.mark.parametrize("content", [b"Bad Gateway", b'["access_token"]', b'"access_token"'])
def test_a_refresh_answer_that_is_not_an_object_is_an_error_naming_no_keys(content: bytes) -> None:
    result = tokens_from(content, 200, CURRENT)
    assert isinstance(result, errors.UnexpectedAnswerError)
    assert (result.method, result.path, result.status) == ("GET", "/" + REFRESH_PATH, 200)
    assert result.problem == "no access_token in the answer"
    assert result.excerpt == "keys []"


@pytest.mark.parametrize("access", ["", 42, None])
def test_a_refresh_answer_without_a_usable_access_token_is_an_error(access: object) -> None:
    content = json.dumps({"access_token": access, "refresh_token": "r"}).encode()
    result = tokens_from(content, 200, CURRENT)
    assert isinstance(result, errors.UnexpectedAnswerError)
    assert result.excerpt == "keys ['access_token', 'refresh_token']"


def test_a_refresh_answer_with_an_empty_refresh_token_keeps_the_current_one() -> None:
    result = tokens_from(b'{"access_token": "new-access", "refresh_token": ""}', 200, CURRENT)
    assert isinstance(result, Tokens)
    assert result.access == Secret("new-access")
    assert result.refresh == CURRENT.refresh


def test_a_refresh_answer_with_a_refresh_token_replaces_the_current_one() -> None:
    result = tokens_from(b'{"access_token": "new-access", "refresh_token": "new-refresh"}', 200, CURRENT)
    assert isinstance(result, Tokens)
    assert result.refresh == Secret("new-refresh")


# ------------------------------------------------ retries and elapsed time
def attempts_from(start: float, max_elapsed: float = 60.0) -> Attempts:
    """The tries of a GET begun at ``start`` (a monotonic time), one sent."""
    attempts = Attempts(Request("GET", "data/tasks"), RetryPolicy(max_elapsed=max_elapsed), now=start)
    attempts.sent()
    return attempts


def test_a_retry_that_would_end_past_max_elapsed_is_not_made() -> None:
    attempts = attempts_from(FAR)
    assert attempts.after_answer(503, "20", now=FAR + 10.0) == 20.0
    assert attempts.after_answer(503, "20", now=FAR + 50.0) is None


def test_a_retry_ending_exactly_at_max_elapsed_is_made() -> None:
    attempts = attempts_from(FAR)
    assert attempts.after_answer(503, "20", now=FAR + 40.0) == 20.0


def test_elapsed_time_is_measured_on_the_clock_passed_in() -> None:
    attempts = attempts_from(FAR)
    assert attempts.after_answer(503, "1", now=FAR + 100.0) is None
    lost = errors.TransportError("GET", "/data/tasks", "connection lost")
    assert attempts.after_failure(lost, reached=True, now=FAR + 100.0) is None
    delay = attempts.after_failure(lost, reached=True, now=FAR + 1.0)
    assert delay is not None and 0.0 < delay <= 0.25


# ------------------------------------------------- refresh and replayable bodies
TOKENS = Tokens.from_strings("an-access-token")


def may_refresh(data: object) -> bool:
    """Whether a POST carrying ``data`` that got a 401 may refresh and replay."""
    return Attempts(Request("POST", "data/files", data=data), RetryPolicy()).may_refresh(401, b"{}", TOKENS)


def test_a_stream_that_cannot_be_rewound_is_not_refreshed_and_replayed() -> None:
    assert may_refresh(io.BytesIO(b"multipart body")) is False


def test_a_rewindable_stream_is_refreshed_and_replayed() -> None:
    assert may_refresh(Rewindable(b"multipart body")) is True


def test_an_encoded_body_is_refreshed_and_replayed() -> None:
    assert may_refresh(b"encoded body") is True
    assert may_refresh(None) is True
