"""The typing promise, checked from pytest: mypy (with the project's
mypy.ini, strict) infers the declared types through relations, and reports
a misspelt relation as an error."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")

ROOT = Path(__file__).resolve().parents[2]


def run_mypy(*paths: Path) -> tuple[str, int]:
    stdout, stderr, status = mypy_api.run(
        [*map(str, paths), "--config-file", str(ROOT / "mypy.ini"), "--show-error-codes", "--no-pretty"]
    )
    return stdout + stderr, status


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # mypy.ini's mypy_path is relative to it


def write(tmp_path: Path, code: str) -> Path:
    path = tmp_path / "navigation_sample.py"
    path.write_text(textwrap.dedent(code))
    return path


def test_a_misspelt_relation_is_a_type_error(tmp_path: Path) -> None:
    sample = write(tmp_path, """
        from kitsu_models.models import Shot, Task

        def walk(task: Task, shot: Shot) -> None:
            print(task.task_stauts.name)
            print(shot.sequense)
    """)
    output, status = run_mypy(sample)
    assert status == 1, output
    assert 'error: "Task" has no attribute "task_stauts"' in output
    assert 'error: "Shot" has no attribute "sequense"' in output
    assert output.count("[attr-defined]") == 2


def test_relations_have_their_declared_types(tmp_path: Path) -> None:
    sample = write(tmp_path, """
        from typing_extensions import assert_type

        from kitsu_models.orm.collection import ModelList
        from kitsu_models.models import Entity, Episode, Person, Project, Shot, Task

        def walk(project: Project, task: Task) -> None:
            assert_type(project.assets[0].tasks[0].task_status.name, str)
            assert_type(task.entity, Entity)
            assert_type(task.assignees, ModelList[Person])
            assert_type(project.shots[0].sequence.episode, Episode | None)
            assert_type(task.entity, Shot)  # wrong on purpose: an Entity
            reveal_type(project.shots[0].sequence.episode)
    """)
    output, status = run_mypy(sample)
    assert status == 1, output
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert len(errors) == 1, output
    assert '"Entity", not "Shot"' in errors[0] and "[assert-type]" in errors[0]
    assert 'Revealed type is "kitsu_models.models.breakdown.Episode | None"' in output or (
        'Revealed type is "Union[kitsu_models.models.breakdown.Episode, None]"' in output
    ), output


def test_relations_are_no_constructor_arguments_and_to_many_ones_are_read_only(tmp_path: Path) -> None:
    """Relations are declared with their types (``ToOne[...]`` fields that
    are not ``__init__`` arguments, ``ClassVar[ToMany[...]]``): a checker
    sees the constructor take fields only, and refuses assigning a list."""
    sample = write(tmp_path, """
        from kitsu_models.models import Person, Shot, Task, TaskStatus

        def build(status: TaskStatus, person: Person) -> None:
            Task(name="Layout", project_id="p", task_type_id="t", task_status_id="s", entity_id="e")
            Task(
                name="Layout", project_id="p", task_type_id="t", task_status_id="s", entity_id="e",
                task_status=status,
            )
            Shot(name="SH010", project_id="p", tasks=[])
            task = Task(name="Layout", project_id="p", task_type_id="t", task_status_id="s", entity_id="e")
            task.task_status = status
            task.assignees = [person]
    """)
    output, status = run_mypy(sample)
    assert status == 1, output
    errors = [line for line in output.splitlines() if ": error:" in line]
    assert len(errors) == 4, output
    assert 'Unexpected keyword argument "task_status" for "Task"' in errors[0]
    assert 'Unexpected keyword argument "tasks" for "Shot"' in errors[1]
    assert 'Cannot assign to class variable "assignees" via instance' in errors[2]
    assert 'Incompatible types in assignment (expression has type "list[Person]", variable has type "Never")' in errors[3]


def test_an_absent_link_must_be_checked_before_use(tmp_path: Path) -> None:
    sample = write(tmp_path, """
        from kitsu_models.models import Shot

        def episode_name(shot: Shot) -> str:
            return shot.sequence.episode.name
    """)
    output, status = run_mypy(sample)
    assert status == 1
    assert "[union-attr]" in output


def test_the_navigation_checks_pass_mypy() -> None:
    """tests/typing/test_navigation.py (every relation, the repositories,
    and typos that must stay errors) type-checks cleanly."""
    output, status = run_mypy(ROOT / "tests" / "typing" / "test_navigation.py")
    assert status == 0, output
    assert "Success" in output


def test_the_gazu_type_checks_pass_mypy() -> None:
    """tests/typing/test_gazu_types.py (gazu's answers typed as JSON dicts,
    models accepted as "dict or ID", wrong arguments refused) type-checks."""
    output, status = run_mypy(ROOT / "tests" / "typing" / "test_gazu_types.py")
    assert status == 0, output
    assert "Success" in output


def test_the_event_type_checks_pass_mypy() -> None:
    """tests/typing/test_event_types.py (a callback gets the class it
    subscribed to; one typed for another event is refused) type-checks."""
    output, status = run_mypy(ROOT / "tests" / "typing" / "test_event_types.py")
    assert status == 0, output
    assert "Success" in output


@pytest.mark.slow
def test_the_package_and_the_typing_files_pass_pyright_too() -> None:
    """pyright (the checker behind VS Code's Pylance) reads the package and
    the typing files as mypy does: no error (``[tool.pyright]`` of
    pyproject.toml), and every ``type: ignore`` of the typing files needed."""
    pyright = Path(sys.executable).with_name("pyright")
    done = subprocess.run(
        [str(pyright), "--project", str(ROOT / "pyproject.toml"), "--pythonpath", sys.executable, "--outputjson"],
        capture_output=True, text=True, cwd=ROOT,
        timeout=300,
    )
    report = json.loads(done.stdout)
    problems = [f"{d['file']}:{d['range']['start']['line'] + 1}: {d['message']}" for d in report["generalDiagnostics"]]
    checked = [*(ROOT / "kitsu_models").rglob("*.py"), *(ROOT / "gazu").rglob("*.py"), *(ROOT / "tests" / "typing").glob("*.py")]
    assert report["summary"]["filesAnalyzed"] >= len(checked)
    assert problems == [], "\n".join(problems)


def test_annotated_relations_stay_descriptors_and_no_field() -> None:
    """At run time the annotation of a settable link is kept from Pydantic:
    every relation is a descriptor on its class, none a model field."""
    import kitsu_models.models  # noqa: F401  (defines and registers every model)
    from kitsu_models.orm import registry
    from kitsu_models.orm.relations import Relation

    relations = 0
    for cls in registry._classes.values():
        declared = {name for name, value in vars(cls).items() if isinstance(value, Relation)}
        relations += len(declared)
        assert not declared & set(cls.model_fields), cls
    assert relations > 90, relations
