"""The layers of docs/architecture.md, checked: import-linter's contract,
the import graph's cycles, and where imports may stand."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kitsu_models", "gazu")
#: The modules the rest is built on: they must sit in no import cycle.
CORE = ("kitsu_models.session", "kitsu_models.repository", "kitsu_models.orm.identity", "kitsu_models.orm.collection")


def _cycles(graph: grimp.ImportGraph) -> list[set[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(component)

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return found


def test_the_layers_contract_is_kept() -> None:
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_at_run_time_only_the_model_modules_import_each_other_in_a_circle() -> None:
    """Model modules reach each other in relation lambdas (``lambda: tasks.Task``):
    that circle is by design; any other would make import order matter."""
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)
    for cycle in _cycles(graph):
        assert all(module.startswith("kitsu_models.models.") for module in cycle), sorted(cycle)


def test_the_core_modules_sit_in_no_cycle_even_counting_type_only_imports() -> None:
    graph = grimp.build_graph(*PACKAGES)
    in_cycles = set().union(*_cycles(graph))
    assert in_cycles.isdisjoint(CORE), sorted(in_cycles & set(CORE))


def _module_files() -> list[Path]:
    return sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))


@pytest.mark.parametrize("path", _module_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_imports_stand_at_the_top_of_the_module_and_nowhere_else(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    code_started = False
    for statement in tree.body:
        # (a guarded import, ``try: import click`` / ``except ImportError: raise ...``, is an import too)
        is_import = isinstance(statement, (ast.Import, ast.ImportFrom)) or (
            isinstance(statement, ast.Try) and all(isinstance(s, (ast.Import, ast.ImportFrom)) for s in statement.body)
        )
        is_docstring = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
        is_type_checking = isinstance(statement, ast.If) and ast.unparse(statement.test) == "TYPE_CHECKING"
        if is_import or is_type_checking:
            assert not code_started, f"{path.name}:{statement.lineno}: import below code"
        elif not is_docstring:
            code_started = True
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            nested = [inner for inner in ast.walk(node) if isinstance(inner, (ast.Import, ast.ImportFrom))]
            assert not nested, f"{path.name}:{node.lineno}: import deferred into {node.name}()"


#: Modules the model classes inherit from or call into: they reach model
#: classes through the registry, so any import order of the models works.
SHARED_BY_MODELS = ("file_operations", "publishing", "file_tree", "avatars", "transfers", "processing")
MODEL_MODULES = (
    "breakdown", "files", "logs", "people", "planning", "playlists", "previews", "production", "social", "studio", "tasks",
)


@pytest.mark.parametrize("shared", SHARED_BY_MODELS)
def test_modules_shared_by_the_models_import_no_model_module_at_run_time(shared: str) -> None:
    graph = grimp.build_graph(*PACKAGES, exclude_type_checking_imports=True)
    imported = graph.find_modules_directly_imported_by(f"kitsu_models.models.{shared}")
    assert imported.isdisjoint(f"kitsu_models.models.{name}" for name in MODEL_MODULES), sorted(imported)
