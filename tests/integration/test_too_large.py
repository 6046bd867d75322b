"""A file larger than the server accepts, against a real Zou API.

The local Kitsu accepts 10 GiB bodies (Zou's default MAX_CONTENT_LENGTH), too
much to send in a test; a second API process on the same database, started
here with a 1 MiB limit, is the real server that refuses.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
import requests

import gazu
from kitsu_models import errors
from kitsu_models.models import Asset, Task
from kitsu_models.session import Kitsu

from .models_support import RequestLog

if TYPE_CHECKING:  # the root conftest (tests/conftest.py) provides the fixture
    from conftest import KitsuServer

# A second API started for the module: its tests in one pytest-xdist worker.
pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.xdist_group("too_large")]

JSONDict = dict[str, object]
LIMIT = 1024 * 1024


def _zou_environment() -> dict[str, str]:
    """The server's settings, as kitsu-up.sh wrote them (KEY=VALUE lines)."""
    env_file = Path(os.environ.get("KITSU_STATE_DIR", "/var/lib/kitsu")) / "zou.env"
    values: dict[str, str] = {}
    for line in env_file.read_text().splitlines():
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def small_limit_api(kitsu_server: KitsuServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    gunicorn = Path(os.environ.get("ZOU_VENV", "/opt/zou-venv")) / "bin" / "gunicorn"
    try:
        settings = _zou_environment()
    except OSError as error:
        # The root conftest fails (never skips) when the server is required,
        # and kitsu_server above already proved a local Kitsu runs here.
        pytest.fail(f"no server settings to start a second API from: {error}")
    port = _free_port()
    log = tmp_path_factory.mktemp("api") / "api.log"
    with log.open("w") as output:
        process = subprocess.Popen(
            [str(gunicorn), "--bind", f"127.0.0.1:{port}", "--workers", "1", "--worker-class", "gevent",
             "--no-control-socket", "zou.app:app"],
            cwd=settings.get("TMP_DIR", "/tmp"),
            env={**os.environ, **settings, "MAX_CONTENT_LENGTH": str(LIMIT)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if requests.get(url + "/", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the second API did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()


def test_a_file_over_the_servers_limit_raises_the_typed_too_big_error(
    small_limit_api: str, kitsu_server: KitsuServer, make_project: Callable[..., JSONDict], tmp_path: Path
) -> None:
    row = make_project(task_types=["Modeling"], task_statuses=["Todo"], asset_types=["Character"])
    kitsu = Kitsu.login(small_limit_api, kitsu_server.admin_email, kitsu_server.admin_password)
    try:
        character = kitsu.asset_types.get_by_name("Character")
        asset = Asset(name="Hero", project_id=str(row["id"]), entity_type_id=character.id).save(kitsu)
        modeling = kitsu.task_types.first(name="Modeling", for_entity="Asset")
        todo = kitsu.task_statuses.get_by_name("Todo")
        assert modeling is not None
        task = Task(project_id=asset.project_id, entity_id=asset.id, task_type_id=modeling.id,
                    task_status_id=todo.id).save(kitsu)
        big = tmp_path / "plate.png"
        big.write_bytes(os.urandom(3 * LIMIT))

        # An attachment: the comment is refused whole, nothing is created.
        with pytest.raises(errors.PayloadTooLargeError) as refused:
            task.comment(todo, "too big", attachments=[big])
        assert refused.value.status == 413 and refused.value.method == "POST"
        assert isinstance(refused.value, errors.HTTPStatusError)
        assert kitsu.transport.get(f"data/tasks/{task.id}/comments") == []

        # A preview: the comment stays, the empty preview record is removed,
        # and the error names the file and its size.
        comment = task.comment(todo, "a preview follows")
        with RequestLog(kitsu) as log:
            with pytest.raises(errors.PayloadTooLargeError, match=f"plate.png: {3 * LIMIT} bytes"):
                task.add_preview(comment, big)
        upload = next(s for s in log.sent if s.path.startswith("pictures/preview-files/"))
        preview_id = upload.path.rsplit("/", 1)[1]
        with pytest.raises(errors.NotFoundError):
            kitsu.transport.get(f"data/preview-files/{preview_id}")
    finally:
        kitsu.log_out()
        kitsu.close()


def test_gazu_uploads_over_the_limit_raise_too_big_file_exception(
    small_limit_api: str, kitsu_server: KitsuServer, make_project: Callable[..., JSONDict], tmp_path: Path
) -> None:
    """gazu.task's comment attachments and preview uploads, over the same
    server: gazu's TooBigFileException, and no comment left by the refused one."""
    row = make_project(task_types=["Modeling"], task_statuses=["Todo"], asset_types=["Character"])
    client = gazu.client.create_client(small_limit_api)
    gazu.log_in(kitsu_server.admin_email, kitsu_server.admin_password.reveal(), client=client)
    try:
        character = gazu.asset.get_asset_type_by_name("Character", client=client)
        asset = gazu.asset.new_asset(row["id"], character, "Gazu hero", client=client)
        modeling = gazu.task.get_task_type_by_name("Modeling", client=client)
        todo = gazu.task.get_task_status_by_name("Todo", client=client)
        task = gazu.task.new_task(asset, modeling, task_status=todo, client=client)
        big = tmp_path / "plate.png"
        big.write_bytes(os.urandom(3 * LIMIT))
        with pytest.raises(gazu.exception.TooBigFileException):
            gazu.task.add_comment(task, todo, "too big", attachments=[str(big)], client=client)
        assert gazu.task.all_comments_for_task(task, client=client) == []
        comment = gazu.task.add_comment(task, todo, "a preview follows", client=client)
        preview = gazu.task.create_preview(task, comment, client=client)
        with pytest.raises(gazu.exception.TooBigFileException):
            gazu.task.upload_preview_file(preview, str(big), client=client)
    finally:
        gazu.log_out(client=client)
