"""The two distributions built from this repository, installed as a studio
would: the typed SDK (kitsu-models) beside official gazu leaves gazu
untouched; our gazu package (kitsu-models-gazu, from compat/) works alone,
and over official gazu's files it refuses to import, saying what to do."""

from __future__ import annotations

import email
import email.message
import hashlib
import json
import os
import re
import subprocess
import zipfile
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.packaging, pytest.mark.slow]  # (the gazu-cli test needs the server too)


def _run(*command: str | Path, check: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(part) for part in command], capture_output=True, text=True, timeout=600, cwd=cwd)
    if check:
        assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    return done


@pytest.fixture(scope="module")
def wheels(tmp_path_factory: pytest.TempPathFactory, run_once: Any) -> dict[str, Path]:
    """The two wheels built from the tree and official gazu's, once per
    session (the tests may run in several pytest-xdist workers)."""

    def build() -> dict[str, str]:
        out = tmp_path_factory.mktemp("wheels")
        for source in (ROOT, ROOT / "compat"):
            _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, source)
        _run(sys.executable, "-m", "pip", "download", "--no-deps", "--quiet", "-d", out, "gazu==1.3.1")
        return {path.name.split("-")[0]: str(path) for path in out.glob("*.whl")}

    found = {name: Path(path) for name, path in run_once("wheels", build).items()}
    assert set(found) == {"kitsu_models", "kitsu_models_gazu", "gazu"}, found
    return found


def _venv(where: Path) -> Path:
    _run(sys.executable, "-m", "venv", where)
    return where / "bin" / "python"


def _python(python: Path, code: str) -> subprocess.CompletedProcess[str]:
    return _run(python, "-P", "-c", code, check=False, cwd=Path("/"))


def _install(python: Path, *wheels: Path) -> None:
    _run(python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *wheels)


def test_our_gazu_alone_installs_and_imports(wheels: dict[str, Path], tmp_path: Path) -> None:
    python = _venv(tmp_path / "ours")
    _install(python, wheels["kitsu_models"], wheels["kitsu_models_gazu"])
    done = _python(python, "import gazu, gazu.asset; print(gazu.__file__); print(callable(gazu.asset.get_asset))")
    assert done.returncode == 0, done.stderr
    assert "site-packages/gazu/__init__.py" in done.stdout and done.stdout.split()[-1] == "True"
    assert _run(python, "-m", "pip", "check").returncode == 0


def test_the_sdk_leaves_official_gazu_alone_and_our_gazu_refuses_its_files(
    wheels: dict[str, Path], tmp_path: Path
) -> None:
    python = _venv(tmp_path / "studio")
    _install(python, wheels["gazu"])
    init = next((tmp_path / "studio").glob("lib/python*/site-packages/gazu/__init__.py"))
    before = hashlib.sha256(init.read_bytes()).hexdigest()
    _install(python, wheels["kitsu_models"])  # the typed SDK alone
    assert hashlib.sha256(init.read_bytes()).hexdigest() == before
    done = _python(python, "import gazu, kitsu_models; print(gazu.__version__)")
    assert done.returncode == 0 and done.stdout.strip() == "1.3.1", done.stderr

    _install(python, wheels["kitsu_models_gazu"])  # over official gazu's files
    done = _python(python, "import gazu")
    assert done.returncode != 0
    message = done.stderr.strip().splitlines()[-1]
    assert message.startswith("ImportError: gazu: kitsu-models-gazu")
    assert "gazu 1.3.1" in message and "pip uninstall -y gazu kitsu-models-gazu" in message



def _metadata(wheel: Path) -> tuple[list[str], email.message.Message]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        metadata = archive.read(next(n for n in names if n.endswith(".dist-info/METADATA")))
    return names, email.message_from_bytes(metadata)


def test_the_wheels_carry_what_a_studio_checks_before_adopting(wheels: dict[str, Path]) -> None:
    """Licence file, typing marker, classifiers, and every package imported
    directly declared (urllib3 is, beside requests)."""
    assert (ROOT / "compat" / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()  # compat/ builds its own
    for name in ("kitsu_models", "kitsu_models_gazu"):
        names, metadata = _metadata(wheels[name])
        assert any(n.endswith("LICENSE") and ".dist-info/" in n for n in names), names
        assert any(n.endswith("/py.typed") for n in names)
        classifiers = metadata.get_all("Classifier") or []
        assert "Typing :: Typed" in classifiers and "Programming Language :: Python :: 3.11" in classifiers
    requires = _metadata(wheels["kitsu_models"])[1].get_all("Requires-Dist") or []
    declared = {re.split(r"[<>=\[ ;]", requirement, maxsplit=1)[0] for requirement in requires}
    assert declared >= {"pydantic", "requests", "urllib3", "python-socketio", "typing-extensions"}, declared


def test_the_installed_sdk_is_typed_to_the_last_symbol(wheels: dict[str, Path], tmp_path: Path) -> None:
    """``pyright --verifytypes`` (the completeness check for ``py.typed``
    libraries) on the wheel installed as a studio would, with its ``async``
    extra (``AsyncKitsu`` is checked too): every exported
    symbol of a known type, every public function and class documented."""
    python = _venv(tmp_path / "typed")
    _install(python, f"{wheels['kitsu_models']}[async]")  # AsyncKitsu's modules import aiohttp
    # pyright finds the environment to check as an activated venv
    # (its --pythonpath alone does not lead it to the package).
    venv = python.parent.parent
    done = subprocess.run(
        [str(Path(sys.executable).with_name("pyright")), "--verifytypes", "kitsu_models", "--ignoreexternal", "--outputjson"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
        env={**os.environ, "VIRTUAL_ENV": str(venv), "PATH": f"{venv / 'bin'}{os.pathsep}{os.environ['PATH']}"},
    )
    report = json.loads(done.stdout)["typeCompleteness"]
    flagged = [
        f"{symbol['name']}: {diagnostic['message'].splitlines()[0]}"
        for symbol in report["symbols"] for diagnostic in symbol.get("diagnostics", ())
    ]
    counts = report["exportedSymbolCounts"]
    assert counts["withKnownType"] > 2000, counts  # the package was found and read
    assert any(symbol["name"].startswith("kitsu_models.aio.session.AsyncKitsu.") for symbol in report["symbols"])
    assert report["completenessScore"] == 1, "\n".join(flagged[:40])
    assert (report["missingFunctionDocStringCount"], report["missingClassDocStringCount"]) == (0, 0), flagged[:40]


def test_gazu_cli_from_the_wheel_with_its_extra_against_the_server(
    wheels: dict[str, Path], tmp_path: Path, kitsu_server: Any, make_project: Any
) -> None:
    """``pip install "kitsu-models-gazu[cli]"`` gives ``gazu-cli``: a wrong
    password refused (exit 3, nothing kept), a login kept owner-only without
    the password, the projects and my tasks listed, a comment posted, a
    name that matches nothing (exit 4), a log-out that forgets the session."""
    python = _venv(tmp_path / "cli")
    _install(python, wheels["kitsu_models"], f"{wheels['kitsu_models_gazu']}[cli]")
    home = tmp_path / "home"
    home.mkdir()
    password = kitsu_server.admin_password.reveal()

    def gazu_cli(*arguments: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(python.parent / "gazu-cli"), *arguments], input=stdin, capture_output=True,
                              text=True, timeout=120, cwd=tmp_path, env={**os.environ, "HOME": str(home)})

    project = make_project(asset_types=["Prop"], task_types=["Modeling"])
    task = _an_admin_task(kitsu_server, project)
    login = ("login", "--host", kitsu_server.api_url, "--email", kitsu_server.admin_email)

    refused = gazu_cli(*login, "--password", "not-the-password")
    assert (refused.returncode, refused.stderr.strip()) == (3, "Authentication failed."), refused.stderr
    assert not (home / ".gazu").exists()

    logged_in = gazu_cli(*login, stdin=password + "\n")  # prompted, as a TD types it
    assert logged_in.returncode == 0, logged_in.stderr
    config = home / ".gazu" / "config.json"
    assert (config.stat().st_mode & 0o777, config.parent.stat().st_mode & 0o777) == (0o600, 0o700)
    assert password not in config.read_text() and set(json.loads(config.read_text())) == {"host", "tokens"}

    assert project["name"] in [row["name"] for row in json.loads(gazu_cli("--json", "projects").stdout)]
    assert task["id"] in gazu_cli("my-tasks").stdout
    posted = gazu_cli("comment", "--task", task["id"], "--status", "wip", "--message", "from the shell", "--json")
    assert posted.returncode == 0, posted.stderr
    assert json.loads(posted.stdout)["text"] == "from the shell"
    missing = gazu_cli("assets", "--project", f"no such project {task['id']}")
    assert (missing.returncode, missing.stderr.strip()) == (4, f"Project not found: no such project {task['id']}")

    assert gazu_cli("logout").returncode == 0 and not config.exists()
    assert gazu_cli("status").returncode == 3


def _an_admin_task(server: Any, project: dict[str, Any]) -> dict[str, Any]:
    """A task of ``project`` assigned to the admin (in its team: the to-do
    list shows only those), made through our gazu."""
    import gazu

    with gazu.create_session(server.api_url, server.admin_email, server.admin_password.reveal()) as client:
        me = gazu.client.get_current_user(client=client)
        gazu.project.add_person_to_team(project, me, client=client)
        props = gazu.asset.get_asset_type_by_name("Prop", client=client)  # made by zou init-data
        prop = gazu.asset.new_asset(project, props, "lamp", client=client)
        modeling = gazu.task.get_task_type_by_name("Modeling", client=client)
        task: dict[str, Any] = gazu.task.new_task(prop, modeling, assignees=[me], client=client)
    return task
