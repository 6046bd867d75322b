"""The route catalogue (``kitsu_models.catalogue``) is the one place routes
are spelled: it covers every request official gazu 1.3.1 sends, names
only models the SDK has (or will have), and no other module of the SDK or
of gazu writes a route's path."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gazu_spec import BUILT, routes
from kitsu_models import catalogue
from kitsu_models.orm import registry
from kitsu_models.routes import _SEGMENTS, Endpoint, model_named_by

import kitsu_models.models  # noqa: F401 (registers the models)

ROOT = Path(__file__).resolve().parents[2]
ENDPOINTS = {name: value for name, value in vars(catalogue).items() if isinstance(value, Endpoint)}
#: Models the catalogue names that the SDK does not type yet (issue 24).
_ROUTE_WORDS = ("data/", "actions/", "auth/", "pictures/", "movies/", "import/", "export/")


def _shape(template: str) -> str:
    """A path with its placeholders (whatever their names) as ``{}``."""
    return re.sub(r"\{[^}]*\}", "{}", template)


def _declared(method: str, path: str) -> bool:
    """Whether the catalogue has ``method`` on a path ``path`` fills (its
    placeholders given a sample value)."""
    sample = re.sub(r"\{[^}]*\}", "x", path)
    return any(
        method in endpoint.verbs and re.fullmatch(re.sub(r"\\\{[^}]*\\\}", "[^/]+", re.escape(endpoint.template)), sample)
        for endpoint in ENDPOINTS.values()
    )


def test_every_request_of_official_gazu_is_an_endpoint_of_the_catalogue() -> None:
    missing = sorted({
        f"{request['method']} {request['path']}"
        for name, entry in routes().items() if entry["module"] in BUILT
        for request in entry["requests"]
        if not request["path"].startswith("{") and "{model_name}" not in request["path"]
        and "{path}" not in request["path"] and not _declared(request["method"], request["path"])
    })
    assert missing == []


@pytest.mark.parametrize("name", sorted(ENDPOINTS))
def test_an_endpoint_names_known_models_and_placeholders(name: str) -> None:
    endpoint = ENDPOINTS[name]
    for model in {endpoint.model, *(verb.model for verb in endpoint.verbs.values())} - {None}:
        assert registry.find(model) is not None, model
    for placeholder in endpoint.placeholders:
        assert placeholder.endswith("_id") or placeholder in _SEGMENTS, placeholder
    for verb in endpoint.verbs.values():
        for placeholder in verb.expires:
            model = model_named_by(placeholder)
            assert model is not None and (registry.find(model) is not None), placeholder


def test_each_path_is_declared_once() -> None:
    shapes = [_shape(endpoint.template) for endpoint in ENDPOINTS.values()]
    assert len(shapes) == len(set(shapes))


def test_no_module_but_the_catalogue_spells_a_route() -> None:
    spelled = []
    for package in ("kitsu_models", "gazu"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if path.name == "catalogue.py":
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value.startswith(_ROUTE_WORDS):
                    spelled.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.value!r}")
    assert spelled == []
