"""One import for everything public: every model, error, option and the
session's parts are exported from ``kitsu_models`` and documented."""

from __future__ import annotations

import importlib
import importlib.metadata
import inspect
import subprocess
import sys
import typing

import pytest

import kitsu_models
from kitsu_models import errors
from kitsu_models import Kitsu, RepositoryOf
from kitsu_models.orm import registry

from .models_rows import MODEL_NAMES, model, new_id, row
from .test_joined_seeds import _todo


def _public_models() -> list[type]:
    return [cls for cls in registry._classes.values() if cls.__module__.startswith("kitsu_models.models.")]


def _own_doc(value: object) -> str:
    """The docstring written on ``value`` itself (inspect.getdoc would
    hand a class its base's)."""
    doc = vars(value).get("__doc__") if inspect.isclass(value) else value.__doc__
    return (doc or "").strip()


def _errors() -> list[type]:
    return [
        cls for cls in vars(errors).values()
        if inspect.isclass(cls) and issubclass(cls, errors.KitsuError) and cls.__module__ == errors.__name__
    ]


def test_the_readme_import_works() -> None:
    from kitsu_models import Comment, Project, Shot, Task

    models = importlib.import_module("kitsu_models.models")
    assert (Comment, Project, Shot, Task) == (models.Comment, models.Project, models.Shot, models.Task)


@pytest.mark.parametrize("cls", _public_models(), ids=lambda cls: cls.__name__)
def test_every_model_is_exported(cls: type) -> None:
    assert cls.__name__ in kitsu_models.__all__
    assert getattr(kitsu_models, cls.__name__) is cls


@pytest.mark.parametrize("cls", _errors(), ids=lambda cls: cls.__name__)
def test_every_error_is_exported(cls: type) -> None:
    assert cls.__name__ in kitsu_models.__all__
    assert getattr(kitsu_models, cls.__name__) is cls


def test_the_errors_models_raise_are_exported() -> None:
    exported = set(kitsu_models.__all__)
    models = importlib.import_module("kitsu_models.models")
    for name in ("PreviewProcessingError", "PreviewProcessingTimeoutError"):
        assert name in exported and getattr(kitsu_models, name) is getattr(models, name)


def test_all_names_exist_once_and_are_documented() -> None:
    names = kitsu_models.__all__
    assert len(names) == len(set(names))
    undocumented = []
    for name in names:
        value = getattr(kitsu_models, name)  # AttributeError: exported but missing
        if (inspect.isclass(value) or inspect.isfunction(value)) and not _own_doc(value):
            undocumented.append(name)
    assert undocumented == []


def test_models_document_themselves_not_only_inherit() -> None:
    """Each model's own docstring, not KitsuModel's: ``help(Shot)`` says what a shot is."""
    assert [cls.__name__ for cls in _public_models() if not _own_doc(cls)] == []


def test_version_comes_from_the_package_metadata() -> None:
    assert kitsu_models.__version__ == importlib.metadata.version("kitsu-models")


def test_submodules_stay_importable() -> None:
    from kitsu_models.models import Shot
    from kitsu_models.session import Kitsu

    assert Shot is kitsu_models.Shot and Kitsu is kitsu_models.Kitsu


# ---------------------------------------------------------------- in a REPL
def test_a_long_list_prints_its_first_items_and_a_count() -> None:
    kitsu = Kitsu("https://kitsu.test/api")
    rows = [row("Shot", id=new_id()) for _ in range(300)]
    for number, shot_row in enumerate(rows):
        shot_row["name"] = f"SH{number:03}"
    shots = kitsu.shots.materialize(rows)
    text = repr(shots)
    assert text.startswith("ModelList(300 items: [Shot(id=") and text.endswith(", ... +295 more])")
    assert text.count("Shot(") == 5 and "SH004" in text and "SH005" not in text
    assert repr(kitsu.shots.materialize([])) == "ModelList(0 items: [])"


def test_every_model_repr_names_the_object_not_only_its_id() -> None:
    kitsu = Kitsu("https://kitsu.test/api")
    for name in MODEL_NAMES:
        obj = kitsu.repository(model(name)).materialize([row(name)])[0]
        shown = dict(obj.__repr_args__())
        assert set(shown) - {"id"}, f"{name}'s repr shows only its id: {obj!r}"
        assert "…" in repr(obj) or len(repr(obj)) < 240


def test_a_tasks_repr_shows_its_loaded_relations_without_a_request() -> None:
    kitsu = Kitsu("https://kitsu.test/api")
    task = kitsu.tasks.materialize([_todo()])[0]
    assert repr(task) == f"Task(id='{task.id}', name='main', entity.name='SH010', task_type.name='Animation', task_status.short_name='todo')"


# ------------------------------------------------------------------ startup
def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd="/")
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_importing_the_sdk_and_making_a_session_import_no_model_nor_socketio() -> None:
    """What only some programs need waits for first use: Pydantic (even its
    validation error, which FieldValidationError derives from) and the
    models, the event stream and socket.io."""
    loaded = _fresh(
        "import sys, kitsu_models\n"
        "from kitsu_models import Kitsu, KitsuError, RetryPolicy\n"
        "kitsu = Kitsu('http://127.0.0.1:9/api')\n"
        "print(sorted(m for m in ('pydantic', 'pydantic_core', 'kitsu_models.models', 'kitsu_models.repository',"
        " 'kitsu_models.events', 'socketio') if m in sys.modules))"
    )
    assert loaded == "[]"


def test_the_models_load_on_first_use() -> None:
    assert _fresh(
        "from kitsu_models import Kitsu\n"
        "kitsu = Kitsu('http://127.0.0.1:9/api')\n"
        "print(kitsu.shots.model.__name__, type(kitsu.user).__name__)\n"
        "from kitsu_models import Shot\n"
        "print(Shot is kitsu.shots.model)"
    ).splitlines() == ["Shot UserViews", "True"]


def test_each_session_repository_is_of_the_model_it_is_declared_with() -> None:
    hints = typing.get_type_hints(Kitsu, localns=vars(importlib.import_module("kitsu_models.models")))
    declared = {name: typing.get_args(hint)[0] for name, hint in hints.items() if typing.get_origin(hint) is RepositoryOf}
    assert len(declared) > 30
    for name, model in declared.items():
        assert getattr(Kitsu, name).model is model, name
