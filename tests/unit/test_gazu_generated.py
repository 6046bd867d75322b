"""gazu's one-call functions are generated from their table
(``compat/functions``) into committed source; the two never drift, and no
gazu function is made at run time."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

from gazu_spec import BUILT, routes

ROOT = Path(__file__).resolve().parents[2]
from compat import render
from compat.functions import rows


@pytest.mark.parametrize("module", render.modules())
def test_the_generated_module_is_what_its_table_renders(module: str) -> None:
    committed = (render.OUT / f"{module}.py").read_text(encoding="utf-8")
    assert committed == render.render(module), "run: python compat/render.py"


def test_no_generated_module_is_left_without_its_table() -> None:
    generated = {path.stem for path in render.OUT.glob("*.py") if path.stem != "__init__"}
    assert generated == set(render.modules())


@pytest.mark.parametrize("module", render.modules())
def test_a_row_is_a_function_of_official_gazu_or_of_the_spec(module: str) -> None:
    official = {name for name in routes() if name.startswith(f"{module}.")}
    for row in rows(module):
        assert f"{module}.{row.name}" in official, f"{module}.{row.name} is not a function of gazu 1.3.1"


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
