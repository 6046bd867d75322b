"""gazu-cli through click's runner, HTTP faked: 1.3.1's commands and
options, the configuration file (owner-only from its first byte, never the
password, written whole), ``--json`` everywhere, and exit statuses that tell
"not logged in", "not found" and "unreachable" apart."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import pytest
import responses
from click.testing import CliRunner, Result
from responses import matchers

import gazu
from gazu import cli

from tracebacks import everything_reachable, failure_of

from .models_rows import new_id

HOST = "http://kitsu.test/api"
PASSWORD = "never-stored-pw"
PROJECT = {"id": new_id(), "name": "Hero", "production_type": "tvshow", "production_style": "2d3d"}
USER = {"id": new_id(), "first_name": "Ada", "last_name": "Lovelace", "email": "ada@studio.test"}


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home of its own; gazu's default client as it was afterwards."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("GAZU_PROJECT", raising=False)
    client = gazu.client.default_client
    host, tokens = client.host, client.tokens
    yield tmp_path
    client.host, client.tokens = host, tokens


@pytest.fixture
def fake() -> Iterator[responses.RequestsMock]:
    with responses.RequestsMock() as mock:
        yield mock


def run(*arguments: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli.cli, list(arguments), input=input)


def logged_in(access: str = "a.b.c") -> None:
    cli.save_config({"host": HOST, "tokens": {"access_token": access, "refresh_token": "r.e.f"}})


def answer_login(fake: responses.RequestsMock, status: int = 200) -> None:
    body = {"login": True, "user": USER, "access_token": "a.b.c", "refresh_token": "r.e.f"}
    fake.post(f"{HOST}/auth/login", status=status, json=body if status == 200 else {"login": False},
              match=[matchers.json_params_matcher({"email": USER["email"], "password": PASSWORD}, strict_match=False)])


# ------------------------------------------------------------ commands
def test_the_commands_and_options_are_those_of_1_3_1() -> None:
    options = {name: sorted(o for p in command.params for o in p.opts) for name, command in cli.cli.commands.items()}
    assert options == {
        "login": ["--email", "--host", "--json", "--password"], "logout": ["--json"], "status": ["--json"],
        "projects": ["--all", "--json"], "project": ["--json", "name_or_id"],
        "assets": ["--json", "--project", "--type", "-p", "-t"], "asset": ["--json", "--project", "-p", "name_or_id"],
        "shots": ["--episode", "--json", "--project", "--sequence", "-e", "-p", "-s"],
        "sequences": ["--episode", "--json", "--project", "-e", "-p"], "episodes": ["--json", "--project", "-p"],
        "tasks": ["--json", "--project", "--status", "--type", "-p", "-s", "-t"], "task": ["--json", "task_id"],
        "comment": ["--json", "--message", "--status", "--task", "-m", "-s", "-t"], "persons": ["--json"],
        "my-tasks": ["--done", "--json"], "search": ["--json", "--project", "-p", "query"],
        "shot-casting": ["--json", "shot_id"], "asset-types": ["--json", "--project", "-p"],
        "task-types": ["--json", "--project", "-p"], "task-statuses": ["--json", "--project", "-p"],
    }


# ------------------------------------------------------------ the configuration file
def test_login_keeps_the_host_and_tokens_owner_only_and_never_the_password(
    fake: responses.RequestsMock, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer_login(fake)
    modes: list[int] = []
    replace = os.replace

    def noting_the_mode(source: str, target: str) -> None:  # the file as it was before it took the name
        modes.append(stat.S_IMODE(os.stat(source).st_mode))
        replace(source, target)

    monkeypatch.setattr(os, "replace", noting_the_mode)
    old_umask = os.umask(0)  # the most permissive: the modes below are the code's own
    try:
        result = run("login", "--host", "http://kitsu.test/", "--email", USER["email"], input=PASSWORD + "\n")
    finally:
        os.umask(old_umask)
    assert result.exit_code == 0, result.output
    assert "Logged in to http://kitsu.test/api" in result.output
    config = home / ".gazu" / "config.json"
    assert modes == [0o600] and stat.S_IMODE(config.stat().st_mode) == 0o600
    assert stat.S_IMODE(config.parent.stat().st_mode) == 0o700
    assert json.loads(config.read_text()) == {"host": HOST, "tokens": {"access_token": "a.b.c", "refresh_token": "r.e.f"}}
    assert PASSWORD not in config.read_text() and PASSWORD not in result.output
    assert [p for p in config.parent.iterdir()] == [config]  # no temporary file left


def test_a_wrong_password_says_so_and_exits_not_logged_in(fake: responses.RequestsMock, home: Path) -> None:
    answer_login(fake, status=400)
    result = run("login", "--host", HOST, "--email", USER["email"], "--password", PASSWORD)
    assert (result.exit_code, result.stderr.strip()) == (cli.Status.NOT_LOGGED_IN, "Authentication failed.")
    assert not (home / ".gazu").exists()


def test_a_refused_login_leaves_the_password_nowhere(fake: responses.RequestsMock) -> None:
    """Prompted, the password is a Secret from the moment click reads it:
    not in the failure, its chain, nor the locals of any frame."""
    answer_login(fake, status=400)
    with CliRunner().isolation(input=PASSWORD + "\n"):
        context = cli.cli.make_context("gazu-cli", ["login", "--host", HOST, "--email", USER["email"]])
        with context:
            failure = failure_of(lambda: cli.cli.invoke(context))
    assert isinstance(failure, click.exceptions.Exit) and failure.exit_code == cli.Status.NOT_LOGGED_IN
    assert PASSWORD not in everything_reachable(failure)


def test_a_file_others_may_read_is_made_owner_only(fake: responses.RequestsMock, home: Path) -> None:
    logged_in()
    config = home / ".gazu" / "config.json"
    config.chmod(0o644)
    fake.get(f"{HOST}/data/projects/open", json=[PROJECT])
    result = run("projects")
    assert result.exit_code == 0 and "made owner-only" in result.stderr
    assert stat.S_IMODE(config.stat().st_mode) == 0o600


def test_a_config_written_by_official_gazu_is_read(fake: responses.RequestsMock) -> None:
    """1.3.1 keeps the whole login answer as the tokens."""
    cli.save_config({"host": HOST, "tokens": {"login": True, "user": USER, "access_token": "x.y.z"}})
    fake.get(f"{HOST}/data/projects/open", json=[PROJECT],
             match=[matchers.header_matcher({"Authorization": "Bearer x.y.z"})])
    assert run("projects").exit_code == 0


def test_tokens_refreshed_during_a_command_are_kept(fake: responses.RequestsMock, home: Path) -> None:
    logged_in("old.access.token")
    fake.get(f"{HOST}/data/projects/open", status=401, json={"msg": "Token has expired"})
    fake.get(f"{HOST}/auth/refresh-token", json={"access_token": "new.access.token"})
    fake.get(f"{HOST}/data/projects/open", json=[PROJECT])
    assert run("projects").exit_code == 0
    stored = json.loads((home / ".gazu" / "config.json").read_text())["tokens"]
    assert stored == {"access_token": "new.access.token", "refresh_token": "r.e.f"}


def test_logout_forgets_the_session_even_when_the_server_refuses(fake: responses.RequestsMock, home: Path) -> None:
    logged_in()
    fake.get(f"{HOST}/auth/logout", status=500)
    result = run("logout")
    assert (result.exit_code, result.output.strip()) == (0, "Logged out.")
    assert not (home / ".gazu" / "config.json").exists()


# ------------------------------------------------------------ exit statuses
@pytest.mark.parametrize(("config", "message"), [
    (None, "Not logged in. Run: gazu-cli login --host <URL>"),
    ("{not json", "is not JSON: run gazu-cli login again."),
])
def test_without_a_session_every_command_exits_not_logged_in(home: Path, config: str | None, message: str) -> None:
    if config is not None:
        (home / ".gazu").mkdir(mode=0o700)
        (home / ".gazu" / "config.json").write_text(config)
        (home / ".gazu" / "config.json").chmod(0o600)
    for command in (["projects"], ["status"], ["my-tasks"], ["persons"]):
        result = run(*command)
        assert result.exit_code == cli.Status.NOT_LOGGED_IN and message in result.stderr


@pytest.mark.parametrize(("status", "exit_status", "message"), [
    (401, cli.Status.NOT_LOGGED_IN, "Session expired. Run: gazu-cli login"),
    (403, cli.Status.NOT_ALLOWED, "Permission denied."),
    (404, cli.Status.NOT_FOUND, "Not found: data/tasks/"),
    (500, cli.Status.FAILED, "Server error. Check your Kitsu instance."),
])
def test_the_servers_refusals_exit_with_their_own_status(
    fake: responses.RequestsMock, status: int, exit_status: cli.Status, message: str
) -> None:
    cli.save_config({"host": HOST, "tokens": {"access_token": "a.b.c"}})  # no refresh token: a 401 stays
    task_id = new_id()
    fake.get(f"{HOST}/data/tasks/{task_id}/full", status=status, json={"message": "no"})
    result = run("task", task_id)
    assert result.exit_code == exit_status and message in result.stderr


def test_a_name_that_matches_nothing_exits_not_found(fake: responses.RequestsMock) -> None:
    logged_in()
    fake.get(f"{HOST}/data/projects", json=[], match=[matchers.query_param_matcher({"name": "Nope"})])
    result = run("assets", "--project", "Nope")
    assert (result.exit_code, result.stderr.strip()) == (cli.Status.NOT_FOUND, "Project not found: Nope")


def test_an_unreachable_host_exits_unreachable(closed_port_url: str) -> None:
    cli.save_config({"host": closed_port_url, "tokens": {"access_token": "a.b.c"}})
    result = run("--json", "projects")
    assert result.exit_code == cli.Status.UNREACHABLE
    assert json.loads(result.stderr)["status"] == "unreachable"


def test_a_project_is_required(fake: responses.RequestsMock) -> None:
    logged_in()
    result = run("episodes")
    assert result.exit_code == cli.Status.USAGE and "use --project or set GAZU_PROJECT" in result.stderr


# ------------------------------------------------------------ output
def test_lists_are_aligned_tables_and_json_with_json_before_or_after(fake: responses.RequestsMock) -> None:
    logged_in()
    other = {"id": new_id(), "name": "A" * 70, "production_type": "short", "production_style": None}
    fake.get(f"{HOST}/data/projects", json=[PROJECT, other])
    table = run("projects", "--all").output.splitlines()
    assert table[0].split() == ["NAME", "TYPE", "STYLE", "ID"]
    assert table[2].startswith("A" * 57 + "...  ") and table[3].startswith("Hero ")  # by name, as gazu sorts
    assert table[0].index("TYPE") == table[2].index("short") == table[3].index("tvshow")
    assert json.loads(run("--json", "projects", "--all").output) == [other, PROJECT]
    assert json.loads(run("projects", "--all", "--json").output) == [other, PROJECT]


def test_a_record_is_shown_field_by_field_and_an_empty_list_says_so(fake: responses.RequestsMock) -> None:
    logged_in()
    fake.get(f"{HOST}/data/projects", json=[PROJECT], match=[matchers.query_param_matcher({"name": "Hero"})])
    assert run("project", "Hero").output.splitlines()[:2] == ["NAME: Hero", "TYPE: tvshow"]
    fake.get(f"{HOST}/data/persons", json=[])
    assert run("persons").output.strip() == "No results."


def test_tasks_of_a_status_are_the_projects_tasks_in_it(fake: responses.RequestsMock, monkeypatch: pytest.MonkeyPatch) -> None:
    logged_in()
    monkeypatch.setenv("GAZU_PROJECT", PROJECT["id"])
    wip = {"id": new_id(), "short_name": "wip", "name": "WIP"}
    fake.get(f"{HOST}/data/projects/{PROJECT['id']}", json=PROJECT)
    fake.get(f"{HOST}/data/task-status", json=[wip], match=[matchers.query_param_matcher({"short_name": "wip"})])
    rows = [{"id": new_id(), "task_status_id": wip["id"]}, {"id": new_id(), "task_status_id": new_id()}]
    fake.get(f"{HOST}/data/tasks", json=rows, match=[matchers.query_param_matcher({"project_id": PROJECT["id"]})])
    assert json.loads(run("--json", "tasks", "--status", "wip").output) == rows[:1]


def test_comment_posts_with_the_status_and_answers_json_too(fake: responses.RequestsMock) -> None:
    logged_in()
    task_id, wip = new_id(), {"id": new_id(), "short_name": "wip"}
    fake.get(f"{HOST}/data/task-status", json=[wip], match=[matchers.query_param_matcher({"short_name": "wip"})])
    posted = {"id": new_id(), "text": "on it"}
    fake.post(f"{HOST}/actions/tasks/{task_id}/comment", json=posted,
              match=[matchers.json_params_matcher({"task_status_id": wip["id"], "comment": "on it"}, strict_match=False)])
    result = run("comment", "-t", task_id, "-s", "wip", "-m", "on it")
    assert result.output.strip() == f"Comment posted (ID: {posted['id']})"
    fake.post(f"{HOST}/actions/tasks/{task_id}/comment", json=posted)
    assert json.loads(run("comment", "-t", task_id, "-s", "wip", "--json").output) == posted


def test_an_unknown_status_is_not_found_before_any_write(fake: responses.RequestsMock) -> None:
    logged_in()
    fake.get(f"{HOST}/data/task-status", json=[])
    result = run("comment", "-t", new_id(), "-s", "nope")
    assert (result.exit_code, result.stderr.strip()) == (cli.Status.NOT_FOUND, "Task status not found: nope")


def test_the_help_names_the_exit_statuses() -> None:
    text = " ".join(run("--help").output.split())
    assert "3 not_logged_in, 4 not_found, 5 unreachable" in text
