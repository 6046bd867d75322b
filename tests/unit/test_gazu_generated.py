"""gazu's one-call functions are generated from their table
(``compat/functions``) into committed source; the two never drift, and no
gazu function is made at run time."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from unittest import mock

import pytest

import gazu.client
import gazu.shot

from gazu_spec import BUILT, of_module, routes

ROOT = Path(__file__).resolve().parents[2]
from compat import render
from compat.functions import Composed, Fn, rows
from kitsu_models import catalogue as api
from kitsu_models import errors


@pytest.mark.parametrize("module", render.modules())
def test_the_generated_module_is_what_its_table_renders(module: str) -> None:
    committed = (render.OUT / f"{module}.py").read_text(encoding="utf-8")
    assert committed == render.render(module), "run: python compat/render.py"


def test_no_generated_module_is_left_without_its_table() -> None:
    generated = {path.stem for path in render.OUT.glob("*.py") if path.stem != "__init__"}
    assert generated == set(render.modules())


@pytest.mark.parametrize("module", render.modules())
def test_a_row_is_a_function_of_official_gazu_or_of_the_spec(module: str) -> None:
    known = {name for name in routes() if name.startswith(f"{module}.")}
    known |= {f"{module}.{function.name}" for function in of_module(module)}
    for row in rows(module):
        assert f"{module}.{row.name}" in known, f"{module}.{row.name} is a function of neither gazu 1.3.1 nor the spec"


@pytest.mark.parametrize("module", [m for m in BUILT if m != "gazu"])
def test_every_public_function_is_written_in_source(module: str) -> None:
    """Each function is a plain ``def`` (or gazu's cache around one) whose
    source a reader, an IDE and ``inspect`` find: none is made at run time."""
    loaded = importlib.import_module(f"gazu.{module}")
    for name in loaded.__all__:
        value = getattr(loaded, name)
        if inspect.isclass(value) or not callable(value):
            continue
        function = inspect.unwrap(value)
        assert inspect.isfunction(function), f"gazu.{module}.{name}"
        assert f"def {function.__name__}(" in inspect.getsource(function), f"gazu.{module}.{name}"


def test_a_lookup_row_checks_its_ids_and_builds_its_body_before_the_lookup() -> None:
    """Get-or-create: a bad argument is refused before the lookup is sent."""
    row = Fn("new_episode(project, name)", "POST", api.PROJECT_EPISODES, "Doc.", body={"name": "name"},
             lookup="get_episode_by_name(project, name, client=client)")
    lines = render.function(row)
    ids, body = lines.index('    ids = {"project_id": ref(project)}'), lines.index('    body = {"name": name}')
    lookup = lines.index("    found = get_episode_by_name(project, name, client=client)")
    assert ids < body < lookup and lines[-1].endswith("ids, body=body, result=ROW)")


def test_when_chooses_the_endpoint_and_fills_the_placeholders_of_both() -> None:
    row = Fn("get_time_spent(task, date=None)", "GET", api.TASK_DAY_TIME_SPENTS, "Doc.",
             when=("date is None", api.TASK_TIME_SPENTS))
    code = " ".join(line.strip() for line in render.function(row))
    assert 'api.TASK_TIME_SPENTS if date is None else api.TASK_DAY_TIME_SPENTS, {"task_id": task, "date": date}' in code


def test_a_part_of_the_answer_is_annotated_so_that_mypy_checks_it() -> None:
    row = Fn("get_organisation()", "GET", api.AUTHENTICATED, "Doc.", result="row", then='answer["organisation"]',
             returns="Row")
    assert render.function(row)[-2:] == ['    returned: Row = answer["organisation"]', "    return returned"]


def test_a_row_calls_other_modules_through_them_and_its_own_through_itself_read_when_called() -> None:
    assert "from .. import shot as gazu_shot" in render.imports("scene", "gazu_shot.get_sequence(x)")
    lines = render.imports("shot", "gazu_shot.get_sequence(x)")
    assert "from .. import shot as gazu_shot" not in lines  # (at import time: a cycle)
    assert lines[-4:] == ["if TYPE_CHECKING:", "    from .. import shot as gazu_shot", "else:",
                          '    gazu_shot = Late("gazu.shot")']
    rendered = render.through_module(['def f(x: Ref) -> Row:', '    """get_sequence(x)."""', "    return get_sequence(x)",
                                      "    return gazu_other.get_sequence(x) or my_get_sequence(x)"], "shot",
                                     {"get_sequence"})
    assert rendered[1:] == ['    """get_sequence(x)."""', "    return gazu_shot.get_sequence(x)",
                            "    return gazu_other.get_sequence(x) or my_get_sequence(x)"]


def test_patching_a_function_of_gazu_reaches_the_functions_of_its_module_that_call_it() -> None:
    """As in 1.3.1: ``new_shot`` looks the shot up with ``gazu.shot.get_shot_by_name``."""
    found = {"id": "a-shot", "name": "SH010"}
    with mock.patch("gazu.shot.get_shot_by_name", return_value=found) as patched:
        assert gazu.shot.new_shot("a-project", "a-sequence", "SH010") is found
    patched.assert_called_once()


def test_an_expression_too_long_for_a_line_is_split_only_at_a_call() -> None:
    call = Composed("f(name)", "int", "Doc.", "gazu_shot.g(" + ", ".join(["name"] * 30) + ") - 1")
    assert render.function(call)[-1] == "    ) - 1" and all(len(line) <= render.WIDTH for line in render.function(call))
    with pytest.raises(ValueError, match="not a call"):
        render.function(Composed("f(name)", "int", "Doc.", " + ".join(["name"] * 30)))


def test_a_composed_part_of_an_answer_is_annotated_so_that_mypy_checks_it() -> None:
    part = Composed("get_current_user()", "dict[str, Any]", "Doc.", 'gazu_client.get("x", client=client)["user"]')
    assert render.function(part)[-2:] == ['    returned: dict[str, Any] = gazu_client.get("x", client=client)["user"]',
                                          "    return returned"]
    whole = Composed("get_host()", "str", "Doc.", "client.host")
    assert render.function(whole)[-1] == "    return client.host"


def test_patching_gazu_client_get_reaches_the_client_functions_made_from_the_table() -> None:
    """As in 1.3.1: ``fetch_one``, ``create``, ``get_current_user``... send through ``gazu.client.get``/``post``."""
    record = {"id": "a-task"}
    with mock.patch("gazu.client.get", return_value=record) as get:
        assert gazu.client.fetch_one("tasks", "a-task") is record
    assert get.call_args.args == ("data/tasks/a-task",)
    with mock.patch("gazu.client.post", return_value=record) as post:
        assert gazu.client.create("tasks", {"name": "x"}) is record
    assert post.call_args.args == ("data/tasks", {"name": "x"})
    with mock.patch("gazu.client.get", return_value={"user": record}):
        assert gazu.client.get_current_user() is record


def test_the_client_table_imports_neither_gazu_client_nor_the_call_mechanism() -> None:
    """``gazu.client`` imports its table's functions at its top: their module may not import it back (a cycle)."""
    lines = render.render("client").splitlines()
    imports = [line for line in lines if line.startswith(("from ", "import "))]
    assert "from .._clients import KitsuClient, default_client" in imports
    assert not [line for line in imports if "_calls" in line or line.startswith("from ..client ")]
    with pytest.raises(errors.InvalidArgumentError):
        gazu.client.fetch_one("tasks", "a/b")  # the id is still checked before any request
