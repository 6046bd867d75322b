"""The fault suite against the real local Kitsu: an API restart under load,
lost updates between sessions, one session shared by threads, a corrupted
token. Each test prints its figures (run with ``-s`` to see them)."""

from __future__ import annotations

import os
import random
import signal
import socket
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from kitsu_models import errors
from kitsu_models.credentials import Tokens
from kitsu_models.models import Shot, Task
from kitsu_models.policy import RetryPolicy
from kitsu_models.session import Kitsu

from tracebacks import everything_reachable, failure_of
from .models_support import World, artist, clone, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.server


# ------------------------------------------------------------ restart
@dataclass
class ApiProcess:
    """The API's gunicorn master as kitsu-up.sh started it (pid file), and
    what it takes to start it again: its command line, environment, folder."""

    pid_file: Path
    command: list[str]
    environment: dict[str, str]
    folder: str
    port: int

    @classmethod
    def running(cls, api_url: str, name: str = "api") -> ApiProcess:
        """The server ``name`` (``api`` or ``events``) listening at ``api_url``."""
        pid_file = Path(os.environ.get("KITSU_LOG_DIR", "/tmp/kitsu-logs")) / f"{name}.pid"
        pid = int(pid_file.read_text().strip())
        proc = Path(f"/proc/{pid}")
        command = [part.decode() for part in (proc / "cmdline").read_bytes().split(b"\0") if part]
        environment = dict(
            item.decode().split("=", 1) for item in (proc / "environ").read_bytes().split(b"\0") if b"=" in item
        )
        return cls(pid_file, command, environment, os.readlink(proc / "cwd"), int(api_url.rsplit(":", 1)[1]))

    def port_open(self) -> bool:
        with socket.socket() as probe:
            probe.settimeout(0.2)
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def stop(self) -> float:
        """SIGTERM the master; the time its port closed. Returns once the
        master is gone (a new one refuses to start before)."""
        pid = int(self.pid_file.read_text().strip())
        os.kill(pid, signal.SIGTERM)
        closed = None
        deadline = time.monotonic() + 30
        while Path(f"/proc/{pid}").exists():
            if closed is None and not self.port_open():
                closed = time.monotonic()
            assert time.monotonic() < deadline, "the API did not stop"
            time.sleep(0.05)
        return closed or time.monotonic()

    def start(self) -> float:
        """Start it as before (daemonised); the time its port opened."""
        subprocess.run(self.command, env=self.environment, cwd=self.folder, check=True)
        deadline = time.monotonic() + 60
        while not self.port_open():
            assert time.monotonic() < deadline, "the API did not come back"
            time.sleep(0.05)
        return time.monotonic()


@pytest.fixture
def api_process(kitsu_server: Any, server_alone: None) -> Iterator[ApiProcess]:
    process = ApiProcess.running(kitsu_server.api_url)
    yield process
    if not process.port_open():  # a failed test must not leave the server down
        process.start()


@dataclass
class Tally:
    attempted: int = 0
    succeeded: int = 0
    failed: list[str] = field(default_factory=list)

    def run(self, operation: Callable[[], object]) -> None:
        self.attempted += 1
        try:
            operation()
            self.succeeded += 1
        except errors.KitsuError as exc:
            self.failed.append(f"{type(exc).__name__}: {exc}")


@pytest.mark.slow
@pytest.mark.parametrize("pause", [3.0, 10.0])
def test_a_tool_rides_through_an_api_restart(world: World, api_process: ApiProcess, pause: float) -> None:
    """500 reads, 200 PUTs and 50 POSTs while the API is stopped, kept down
    for ``pause`` seconds and started again, with the default policy."""
    kitsu = clone(world.kitsu)
    shot = kitsu.shots.get(world.shot.id)
    reads, writes, creates = Tally(), Tally(), Tally()
    names = [f"R{uuid.uuid4().hex[:6]}-{n:02d}" for n in range(50)]
    created: list[str] = []
    outage: list[float] = []

    def restart() -> None:
        time.sleep(0.5)
        down = api_process.stop()
        time.sleep(pause)
        outage.append(api_process.start() - down)

    restarter = threading.Thread(target=restart)
    restarter.start()
    for n in range(500):
        if not restarter.is_alive() and not outage:
            pytest.fail("the API could not be restarted")
        reads.run(lambda: kitsu.shots.load(shot.id))
        if n % 5 == 0:
            shot.description = f"write {n}"
            writes.run(shot.save)
            writes.run(lambda: kitsu.transport.put(f"data/entities/{shot.id}", {"nb_frames": n}))
        if n % 10 == 0:
            name = names[n // 10]
            creates.run(lambda: created.append(Shot(name=name, project_id=shot.project_id, parent_id=shot.parent_id)
                                               .save(kitsu).name))
    restarter.join()
    on_server = [s.name for s in clone(world.kitsu).shots.filter(project_id=shot.project_id) if s.name in names]
    duplicated = len(on_server) - len(set(on_server))
    print(f"\nrestart, {pause:g} s pause (outage {outage[0]:.1f} s): reads {reads.succeeded}/{reads.attempted}, "
          f"writes {writes.succeeded}/{writes.attempted}, creates {creates.succeeded}/{creates.attempted}, "
          f"on the server {len(set(on_server))}, duplicated {duplicated}, failures {reads.failed + writes.failed + creates.failed}")
    assert reads.failed == [] and writes.failed == [] and creates.failed == []
    assert (reads.attempted, writes.attempted, creates.attempted) == (500, 200, 50)
    assert duplicated == 0 and sorted(on_server) == sorted(created) == sorted(names)
    assert clone(world.kitsu).shots.load(shot.id).description == "write 495"


@pytest.mark.slow
def test_past_its_budget_a_request_fails_typed_not_hung(world: World, api_process: ApiProcess) -> None:
    kitsu = Kitsu(world.kitsu.host, tokens=world.kitsu.tokens, retry=RetryPolicy(max_elapsed=2.0))
    api_process.stop()
    try:
        started = time.monotonic()
        with pytest.raises(errors.ConnectError):
            kitsu.projects.all()
        waited = time.monotonic() - started
    finally:
        api_process.start()
    print(f"\nserver down, max_elapsed 2 s: ConnectError after {waited:.2f} s")
    assert waited < 4.0


# ------------------------------------------------------- lost updates
def test_two_sessions_editing_different_fields_lose_nothing(world: World) -> None:
    """Each round both sessions load the shot and the task, change their own
    field and ``data`` key of each, and save in a random order."""
    ours, theirs = clone(world.kitsu), clone(world.kitsu)
    rounds, lost = 20, []
    for n in range(rounds):
        mine_shot, their_shot = ours.shots.get(world.shot.id), theirs.shots.get(world.shot.id)
        mine_task, their_task = ours.tasks.get(world.shot_task.id), theirs.tasks.get(world.shot_task.id)
        mine_shot.description = f"ours {n}"
        mine_shot.data = {**(mine_shot.data or {}), "ours": n}
        their_shot.nb_frames = 100 + n
        their_shot.data = {**(their_shot.data or {}), "theirs": n}
        mine_task.priority = n % 4
        mine_task.data = {**(mine_task.data or {}), "ours": n}
        their_task.description = f"theirs {n}"
        their_task.data = {**(their_task.data or {}), "theirs": n}
        # Both sessions loaded before either saved: the second save is made
        # from a stale object. (Saves sent at the same instant are not
        # tested: Zou merges ``data`` by read-modify-write without a lock,
        # so two PUTs racing on the server can lose a key; see README.)
        order = [mine_shot, their_shot, mine_task, their_task]
        random.shuffle(order)
        for obj in order:
            obj.save()
        fresh = clone(world.kitsu)
        shot, task = fresh.shots.load(world.shot.id), fresh.tasks.load(world.shot_task.id)
        expected = [
            (shot.description, f"ours {n}"), (shot.nb_frames, 100 + n), ((shot.data or {}).get("ours"), n),
            ((shot.data or {}).get("theirs"), n), (task.priority, n % 4), (task.description, f"theirs {n}"),
            ((task.data or {}).get("ours"), n), ((task.data or {}).get("theirs"), n),
        ]
        lost += [(n, index, got, wanted) for index, (got, wanted) in enumerate(expected) if got != wanted]
    print(f"\nlost updates: {rounds} rounds x 8 edits, lost {len(lost)}")
    assert lost == [], lost


# ---------------------------------------------------------- concurrency
@pytest.mark.slow
def test_eight_threads_share_one_session(world: World) -> None:
    """Mixed reads and saves on shared objects, each thread owning one data
    key of each, for KITSU_CONCURRENCY_SECONDS (60 by default)."""
    kitsu = clone(world.kitsu)
    seconds = float(os.environ.get("KITSU_CONCURRENCY_SECONDS", "60"))
    shared = {"shot": kitsu.shots.get(world.shot.id), "task": kitsu.tasks.get(world.shot_task.id)}
    errors_seen: list[str] = []
    last_written: dict[tuple[str, str], int] = {}
    operations = [0] * 8
    stop_at = time.monotonic() + seconds

    def work(index: int) -> None:
        key, n = f"thread{index}", 0
        while time.monotonic() < stop_at:
            n += 1
            try:
                for name, obj in shared.items():
                    if n % 3 == 0:
                        with obj.lock:  # the documented way to edit a shared object
                            obj.data = {**(obj.data or {}), key: n}
                        obj.save()
                        last_written[(name, key)] = n
                    elif n % 3 == 1:
                        obj.refresh()
                    else:
                        _ = [t.task_status.name for t in kitsu.tasks.filter(entity_id=world.shot.id)]
                    operations[index] += 1
            except errors.KitsuError as exc:
                errors_seen.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=work, args=(index,)) for index in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    fresh = clone(world.kitsu)
    server = {"shot": fresh.shots.load(world.shot.id), "task": fresh.tasks.load(world.shot_task.id)}
    lost = [(name, key, n) for (name, key), n in last_written.items() if (server[name].data or {}).get(key) != n]
    for name, obj in shared.items():
        obj.refresh()
    memory_equal = all(shared[name].to_dict() == server[name].to_dict() for name in shared)
    print(f"\n8 threads x {seconds:g} s: {sum(operations)} operations, {len(errors_seen)} errors, "
          f"{len(lost)} lost edits, memory equal to the server: {memory_equal}")
    assert errors_seen == [] and lost == [] and memory_equal
    assert all(count > 0 for count in operations)


# --------------------------------------------------------------- tokens
@pytest.mark.slow
def test_a_corrupted_access_token_is_refreshed_against_the_real_server(world: World) -> None:
    tokens = world.kitsu.tokens
    assert tokens is not None and tokens.refresh is not None
    access = tokens.access.reveal()
    corrupted = access[:-6] + ("AAAAAA" if not access.endswith("AAAAAA") else "BBBBBB")
    kitsu = Kitsu(world.kitsu.host, tokens=Tokens.from_strings(corrupted, tokens.refresh_text()))
    assert kitsu.projects.get(world.project.id).id == world.project.id
    assert kitsu.tokens is not None and kitsu.tokens.access.reveal() not in (corrupted, access)


def test_a_refused_real_login_leaves_no_password_anywhere(kitsu_server: Any) -> None:
    password = f"wrong-{uuid.uuid4().hex}"
    failure = failure_of(lambda: Kitsu.login(kitsu_server.api_url, f"nobody-{uuid.uuid4().hex[:6]}@x.test", password))
    assert isinstance(failure, errors.LoginFailedError)
    assert password not in everything_reachable(failure)
