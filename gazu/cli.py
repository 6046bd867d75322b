"""``gazu-cli``: Kitsu from a shell, with official gazu 1.3.1's commands,
options and configuration file (``~/.gazu/config.json``: the host and the
tokens, never the password, owner-only from its first byte).

Beyond 1.3.1, for scripts: ``--json`` on every command (before or after its
name) prints the answer as JSON, errors included (on stderr), and the exit
status tells failures apart (:class:`Status`). Needs click: ``pip install
"kitsu-models-gazu[cli]"``.
"""

from __future__ import annotations

import enum
import json
import os
import tempfile
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

try:
    import click
except ImportError:  # pragma: no cover - depends on the installed extra
    raise ImportError('gazu-cli needs click: pip install "kitsu-models-gazu[cli]"') from None

import gazu
from gazu import asset, casting, person, project, search, shot, task, user
from gazu import client as raw
from kitsu_models import errors
from kitsu_models.credentials import Secret

Row = dict[str, Any]
Columns = Sequence[tuple[str, str]]
Command = TypeVar("Command", bound=Callable[..., Any])


class Status(enum.IntEnum):
    """The exit statuses of ``gazu-cli`` (1.3.1 exits 1 on every failure)."""

    OK = 0
    FAILED = 1  # the server refused or failed (a bad request, a server error)
    USAGE = 2  # a wrong command line (click's own status)
    NOT_LOGGED_IN = 3  # no stored session, an expired one, or a refused login
    NOT_FOUND = 4  # the project, entity, type or status asked for does not exist
    UNREACHABLE = 5  # no answer from the host (connection, TLS, timeout)
    NOT_ALLOWED = 6  # the user may not do this


class Failure(Exception):
    """A failure the user is told about (on stderr), with its exit status."""

    def __init__(self, message: str, status: Status) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def show(self, context: click.Context) -> None:
        if _wants_json(context):
            click.echo(json.dumps({"error": self.message, "status": self.status.name.lower()}), err=True)
        else:
            click.echo(self.message, err=True)


# ------------------------------------------------------------ configuration
def config_file() -> Path:
    """Where the session is kept: ``~/.gazu/config.json``, as 1.3.1."""
    return Path.home() / ".gazu" / "config.json"


def load_config() -> dict[str, Any]:
    """The stored session, or ``{}``. A file others may read is tightened."""
    path = config_file()
    try:
        mode = path.stat().st_mode
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    if mode & 0o077:
        path.chmod(0o600)
        click.echo(f"{path} was readable by others: it holds tokens, made owner-only.", err=True)
    try:
        config = json.loads(text)
    except ValueError:
        raise Failure(f"{path} is not JSON: run gazu-cli login again.", Status.NOT_LOGGED_IN) from None
    return config if isinstance(config, dict) else {}


def save_config(config: Mapping[str, Any]) -> None:
    """Write ``config`` whole or not at all: a new owner-only file in an
    owner-only folder, renamed over the old one."""
    path = config_file()
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.parent.chmod(0o700)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".config-", suffix=".json")  # mode 0600
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            json.dump(config, file, indent=2)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def clear_config() -> None:
    config_file().unlink(missing_ok=True)


# ------------------------------------------------------------ output
def _wants_json(context: click.Context) -> bool:
    return bool(context.find_root().meta.get("gazu-cli.json"))


def _truncated(value: Any, width: int = 60) -> str:
    text = ("" if value is None else str(value)).replace("\n", " ").strip()
    return text if len(text) <= width else text[: width - 3] + "..."


def print_table(rows: Sequence[Mapping[str, Any]], columns: Columns) -> None:
    """``rows`` as aligned columns (``columns``: header and key pairs)."""
    if not rows:
        click.echo("No results.")
        return
    cells = [[_truncated(row.get(key)) for _, key in columns] for row in rows]
    widths = [max(len(header), *(len(line[i]) for line in cells)) for i, (header, _) in enumerate(columns)]
    for line in ([header for header, _ in columns], ["-" * width for width in widths], *cells):
        click.echo("  ".join(cell.ljust(width) for cell, width in zip(line, widths)).rstrip())


def show(data: Any, columns: Columns = (), text: str | None = None) -> None:
    """``data`` as JSON with ``--json``; else a table (a list), ``text``, or
    one ``HEADER: value`` line per column (a record)."""
    context = click.get_current_context()
    if _wants_json(context):
        click.echo(json.dumps(data, indent=2, default=str))
    elif text is not None:
        click.echo(text)
    elif isinstance(data, list):
        print_table(data, columns)
    else:
        for header, key in columns:
            click.echo(f"{header}: {data.get(key, '')}")


# ------------------------------------------------------------ session and errors
#: The server's errors, most specific first, and how the user is told.
_FAILURES: tuple[tuple[type[Exception], str, Status], ...] = (
    (gazu.exception.AuthFailedException, "Authentication failed.", Status.NOT_LOGGED_IN),
    (gazu.exception.NotAuthenticatedException, "Session expired. Run: gazu-cli login", Status.NOT_LOGGED_IN),
    (gazu.exception.NotAllowedException, "Permission denied.", Status.NOT_ALLOWED),
    (gazu.exception.RouteNotFoundException, "Not found: {error}", Status.NOT_FOUND),
    (errors.TransportError, "Kitsu is unreachable: {error}", Status.UNREACHABLE),
    (gazu.exception.ServerErrorException, "Server error. Check your Kitsu instance.", Status.FAILED),
    (errors.KitsuError, "Failed: {error}", Status.FAILED),
)


@contextmanager
def _reported() -> Iterator[None]:
    """Turn the SDK's and gazu's errors into a :class:`Failure`."""
    try:
        yield
    except Failure:
        raise
    except Exception as error:
        for kind, message, status in _FAILURES:
            if isinstance(error, kind):
                raise Failure(message.format(error=error), status) from None
        raise


@contextmanager
def _session() -> Iterator[dict[str, Any]]:
    """The default client logged in from the stored session; tokens the
    client refreshed meanwhile are stored again."""
    config = load_config()
    if not config.get("host") or not config.get("tokens"):
        raise Failure("Not logged in. Run: gazu-cli login --host <URL>", Status.NOT_LOGGED_IN)
    gazu.set_host(config["host"])
    gazu.set_token(config["tokens"])
    try:
        yield config
    finally:
        tokens = raw.default_client.tokens
        if tokens.get("access_token") and tokens != {key: config["tokens"].get(key) for key in tokens}:
            save_config({**config, "tokens": {**config["tokens"], **tokens}})


def _json_flag(context: click.Context, _: click.Parameter, value: bool) -> None:
    if value:
        context.find_root().meta["gazu-cli.json"] = True


def _json_option(command: Command) -> Command:
    return click.option("--json", "use_json", is_flag=True, expose_value=False, callback=_json_flag,
                        is_eager=True, help="Output as JSON.")(command)


class _Group(click.Group):
    """Every command takes ``--json`` and reports errors the same way."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        _json_option(cmd)
        super().add_command(cmd, name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with _reported():
                return super().invoke(ctx)
        except Failure as failure:
            failure.show(ctx)
            ctx.exit(failure.status)


def _secret(context: click.Context, parameter: click.Parameter, value: str | Secret) -> Secret:
    """A password, kept as a :class:`Secret` from the moment it is read
    (click passes a prompted value through here twice: unprocessed, the
    Secret stays one)."""
    return Secret.of(value)


@click.group(cls=_Group, epilog="Exit status: " + ", ".join(f"{s.value} {s.name.lower()}" for s in Status))
@_json_option
@click.version_option(version=gazu.__version__, prog_name="gazu-cli")
def cli() -> None:
    """Gazu CLI - command-line client for the Kitsu API."""


# ------------------------------------------------------------ resolution
def _found(value: Row | None, what: str, name: str) -> Row:
    """``value``, the ``what`` named ``name``; a failure (not found) when there is none."""
    if not value:
        raise Failure(f"{what} not found: {name}", Status.NOT_FOUND)
    return value


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def resolve_project(name_or_id: str) -> Row:
    """A project by id or by name."""
    if _is_uuid(name_or_id):
        return project.get_project(name_or_id)
    return _found(project.get_project_by_name(name_or_id), "Project", name_or_id)


def project_from_option(name_or_id: str | None) -> Row:
    """The project of ``--project``, else of ``$GAZU_PROJECT``."""
    name_or_id = name_or_id or os.environ.get("GAZU_PROJECT")
    if not name_or_id:
        raise Failure("Project required: use --project or set GAZU_PROJECT.", Status.USAGE)
    return resolve_project(name_or_id)


_project_option = click.option("--project", "-p", "project_name", help="Project name or id.")


# ------------------------------------------------------------ authentication
@cli.command()
@click.option("--host", prompt=True, help="Kitsu API URL.")
@click.option("--email", prompt=True, help="User email.")
@click.option("--password", prompt=True, hide_input=True, type=click.UNPROCESSED,
              callback=_secret, help="User password.")
def login(host: str, email: str, password: Secret) -> None:
    """Log in to a Kitsu instance and keep the session (not the password)."""
    host = host.rstrip("/")
    # The API is at /api behind Kitsu's web server; a bare Zou serves it at the root.
    for host in dict.fromkeys((host if host.endswith("/api") else host + "/api", host)):
        gazu.set_host(host)
        try:
            answer = gazu.log_in(email, password)
            break
        except errors.HostError:
            continue
    else:
        raise Failure(f"No Kitsu API at {host} (nor at its /api).", Status.UNREACHABLE)
    save_config({"host": host, "tokens": {key: answer.get(key) for key in ("access_token", "refresh_token")}})
    show({"host": host, "user": answer.get("user")}, text=f"Logged in to {host}")


@cli.command()
def logout() -> None:
    """Log out and forget the stored session."""
    config = load_config()
    if config.get("host") and config.get("tokens"):
        try:
            with _session():
                gazu.log_out()
        except (errors.KitsuError, Failure):
            pass  # the session is forgotten here whatever the server says
    clear_config()
    show({"logged_out": True}, text="Logged out.")


@cli.command()
def status() -> None:
    """Show the host, its API version and who is logged in."""
    with _session() as config:
        me, version = raw.get_current_user(), raw.get_api_version()
    text = (f"Host:    {config['host']}\nAPI:     {version}\n"
            f"User:    {me.get('first_name')} {me.get('last_name')} ({me.get('email')})")
    show({"host": config["host"], "api_version": version, "user": me}, text=text)


# ------------------------------------------------------------ productions
_PROJECT = (("NAME", "name"), ("TYPE", "production_type"), ("STYLE", "production_style"))


@cli.command()
@click.option("--all", "show_all", is_flag=True, help="Include closed projects.")
def projects(show_all: bool) -> None:
    """List the open projects (all with --all)."""
    with _session():
        show(project.all_projects() if show_all else project.all_open_projects(), (*_PROJECT, ("ID", "id")))


@cli.command("project")
@click.argument("name_or_id")
def project_command(name_or_id: str) -> None:
    """Show a project."""
    with _session():
        show(resolve_project(name_or_id), (*_PROJECT, ("STATUS", "project_status_name"), ("ID", "id")))


_ASSET = (("NAME", "name"), ("TYPE", "asset_type_name"), ("DESCRIPTION", "description"))


@cli.command()
@_project_option
@click.option("--type", "-t", "type_name", help="Only assets of this type.")
def assets(project_name: str | None, type_name: str | None) -> None:
    """List a project's assets."""
    with _session():
        production = project_from_option(project_name)
        if type_name:
            kind = _found(asset.get_asset_type_by_name(type_name), "Asset type", type_name)
            found = asset.all_assets_for_project_and_type(production, kind)
        else:
            found = asset.all_assets_for_project(production)
        show(found, (*_ASSET, ("ID", "id")))


@cli.command("asset")
@click.argument("name_or_id")
@_project_option
def asset_command(name_or_id: str, project_name: str | None) -> None:
    """Show an asset, by id or by name in a project."""
    with _session():
        if _is_uuid(name_or_id):
            found = asset.get_asset(name_or_id)
        else:
            found = _found(asset.get_asset_by_name(project_from_option(project_name), name_or_id), "Asset", name_or_id)
        show(found, (*_ASSET, ("PROJECT", "project_name"), ("ID", "id")))


def _episode(production: Row, name: str) -> Row:
    return _found(shot.get_episode_by_name(production, name), "Episode", name)


@cli.command()
@_project_option
@click.option("--sequence", "-s", help="Only the shots of this sequence.")
@click.option("--episode", "-e", help="Only the shots of this episode.")
def shots(project_name: str | None, sequence: str | None, episode: str | None) -> None:
    """List a project's shots."""
    with _session():
        production = project_from_option(project_name)
        if sequence:
            found = shot.all_shots_for_sequence(
                _found(shot.get_sequence_by_name(production, sequence), "Sequence", sequence))
        elif episode:
            found = shot.all_shots_for_episode(_episode(production, episode))
        else:
            found = shot.all_shots_for_project(production)
        show(found, (("SEQUENCE", "sequence_name"), ("NAME", "name"), ("FRAMES", "nb_frames"),
                     ("DESCRIPTION", "description"), ("ID", "id")))


@cli.command()
@_project_option
@click.option("--episode", "-e", help="Only the sequences of this episode.")
def sequences(project_name: str | None, episode: str | None) -> None:
    """List a project's sequences."""
    with _session():
        production = project_from_option(project_name)
        found = (shot.all_sequences_for_episode(_episode(production, episode)) if episode
                 else shot.all_sequences_for_project(production))
        show(found, (("NAME", "name"), ("EPISODE", "episode_name"), ("ID", "id")))


@cli.command()
@_project_option
def episodes(project_name: str | None) -> None:
    """List a project's episodes."""
    with _session():
        show(shot.all_episodes_for_project(project_from_option(project_name)), (("NAME", "name"), ("ID", "id")))


# ------------------------------------------------------------ tasks
_TASK = (("ENTITY", "entity_name"), ("TYPE", "task_type_name"), ("STATUS", "task_status_name"),
         ("ASSIGNEES", "assignees"))


def _task_status(short_name: str) -> Row:
    return _found(task.get_task_status_by_short_name(short_name), "Task status", short_name)


@cli.command()
@_project_option
@click.option("--type", "-t", "type_name", help="Only tasks of this type.")
@click.option("--status", "-s", "status_name", help="Only tasks in this status (its short name).")
def tasks(project_name: str | None, type_name: str | None, status_name: str | None) -> None:
    """List a project's tasks."""
    with _session():
        production = project_from_option(project_name)
        kind = _found(task.get_task_type_by_name(type_name), "Task type", type_name) if type_name else None
        state = _task_status(status_name) if status_name else None
        if kind and state:
            found = task.all_tasks_for_task_status(production, kind, state)
        elif kind:
            found = task.all_tasks_for_task_type(production, kind)
        else:
            found = [row for row in raw.fetch_all("tasks", {"project_id": production["id"]})
                     if state is None or row.get("task_status_id") == state["id"]]
        show(found, (*_TASK, ("ID", "id")))


@cli.command("task")
@click.argument("task_id")
def task_command(task_id: str) -> None:
    """Show a task (by id)."""
    with _session():
        show(task.get_task(task_id), (*_TASK, ("PROJECT", "project_name"), ("DESCRIPTION", "description"),
                                      ("ID", "id")))


@cli.command()
@click.option("--task", "-t", "task_id", required=True, help="Task id.")
@click.option("--status", "-s", "status_name", required=True, help="Task status short name (wip, done, todo...).")
@click.option("--message", "-m", default="", help="Comment text.")
def comment(task_id: str, status_name: str, message: str) -> None:
    """Comment a task, setting its status."""
    with _session():
        posted = task.add_comment(task_id, _task_status(status_name), comment=message)
    show(posted, text=f"Comment posted (ID: {posted.get('id')})")


@cli.command("my-tasks")
@click.option("--done", is_flag=True, help="Show the done tasks instead.")
def my_tasks(done: bool) -> None:
    """List the tasks assigned to the logged-in user."""
    with _session():
        found = user.all_done_tasks() if done else user.all_tasks_to_do()
        show(found, (("PROJECT", "project_name"), ("ENTITY", "entity_name"), ("TYPE", "task_type_name"),
                     ("STATUS", "task_status_name"), ("ID", "id")))


# ------------------------------------------------------------ people, search, casting
@cli.command()
def persons() -> None:
    """List the studio's people."""
    with _session():
        show(person.all_persons(), (("FIRST NAME", "first_name"), ("LAST NAME", "last_name"), ("EMAIL", "email"),
                                    ("ROLE", "role"), ("ID", "id")))


@cli.command("search")
@click.argument("query")
@_project_option
def search_command(query: str, project_name: str | None) -> None:
    """Search people, assets and shots by name."""
    with _session():
        found = search.search_entities(query, project=resolve_project(project_name) if project_name else None)
    lines = [f"\n{kind.upper()} ({len(rows)})\n{'-' * 40}\n"
             + "\n".join(f"  {row.get('name', row.get('full_name', ''))}  ({row.get('id', '')})" for row in rows)
             for kind, rows in found.items() if rows]
    show(found, text="\n".join(lines))


@cli.command("shot-casting")
@click.argument("shot_id")
def shot_casting(shot_id: str) -> None:
    """Show the assets cast in a shot."""
    with _session():
        cast = casting.get_shot_casting(shot.get_shot(shot_id))
    lines = [f"  {link.get('asset_name', link.get('name', link))} (x{link.get('nb_occurences', 1)})" for link in cast]
    show(cast, text="\n".join(lines) or "No casting for this shot.")


def _of_project(project_name: str | None, everywhere: Callable[[], Any], in_project: Callable[[Row], Any]) -> Any:
    return in_project(resolve_project(project_name)) if project_name else everywhere()


@cli.command("asset-types")
@_project_option
def asset_types(project_name: str | None) -> None:
    """List asset types (a project's with --project)."""
    with _session():
        show(_of_project(project_name, asset.all_asset_types, asset.all_asset_types_for_project),
             (("NAME", "name"), ("ID", "id")))


@cli.command("task-types")
@_project_option
def task_types(project_name: str | None) -> None:
    """List task types (a project's with --project)."""
    with _session():
        show(_of_project(project_name, task.all_task_types, task.all_task_types_for_project),
             (("NAME", "name"), ("FOR", "for_entity"), ("ID", "id")))


@cli.command("task-statuses")
@_project_option
def task_statuses(project_name: str | None) -> None:
    """List task statuses (a project's with --project)."""
    with _session():
        show(_of_project(project_name, task.all_task_statuses, task.all_task_statuses_for_project),
             (("NAME", "name"), ("SHORT", "short_name"), ("ID", "id")))


def main() -> None:
    """The ``gazu-cli`` command."""
    cli()


if __name__ == "__main__":
    main()
