"""Every function of official gazu 1.3.1 (``shared/spec/gazu-routes.json``)
exists in ours with 1.3.1's parameters: the same names at the same
positions, the same defaults, ``client`` after them (1.3.1's parameters
after ``client`` keyword-only here). The spec (``shared/spec/gazu-api.txt``)
wins where it differs: its defaults, and its order in three functions,
which take 1.3.1's names as keywords too."""

from __future__ import annotations

import ast
import importlib
import inspect
from typing import Any

import pytest

import gazu
from gazu_spec import (
    BUILT, CLIENT_DEFAULT, COPY, ROUTES_COPY, SHARED_ROUTES, SHARED_SPEC, default_value, functions, routes,
)

#: Where the spec's order wins: the spec's parameters, then 1.3.1's names
#: taken as keywords only.
SPEC_ORDER = {"project.add_metadata_descriptor", "sync.get_last_events", "task.upload_preview_file"}
#: Required in 1.3.1, None by default here: the first parameter is renamed
#: (the spec's name or 1.3.1's keyword may be given, so it and the ones
#: after it take a default); a call missing one is refused before sending
#: (tests/unit/test_gazu_task.py). ``limit`` (the spec's ``page_size``):
#: None unless given, when it wins (tests/unit/test_gazu_sync.py).
NONE_WHEN_RENAMED = {"task.upload_preview_file": {"preview_file", "file_path"}, "sync.get_last_events": {"limit"}}
_DEFAULT = object()


def _official(signature: str) -> list[tuple[str, inspect._ParameterKind, Any]]:
    """1.3.1's parameters: (name, kind, default text or _DEFAULT)."""
    tree = ast.parse(f"def f{signature}: pass").body[0]
    assert isinstance(tree, ast.FunctionDef)
    args = tree.args
    positional = args.posonlyargs + args.args
    defaults = [_DEFAULT] * (len(positional) - len(args.defaults)) + [ast.unparse(d) for d in args.defaults]
    found: list[tuple[str, inspect._ParameterKind, Any]] = [
        (arg.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD, default) for arg, default in zip(positional, defaults)
    ]
    if args.vararg:
        found.append((args.vararg.arg, inspect.Parameter.VAR_POSITIONAL, _DEFAULT))
    for arg, default in zip(args.kwonlyargs, args.kw_defaults):
        found.append((arg.arg, inspect.Parameter.KEYWORD_ONLY, _DEFAULT if default is None else ast.unparse(default)))
    if args.kwarg:
        found.append((args.kwarg.arg, inspect.Parameter.VAR_KEYWORD, _DEFAULT))
    return found


def _spec_defaults(name: str) -> dict[str, str | None]:
    return {
        p.name: p.default for f in functions() if f"{f.module}.{f.name}" == name for p in f.params
    }


def _value(text: str) -> Any:
    return text if text == "default" else ast.literal_eval(text)


def _target(name: str) -> Any:
    module, _, function = name.rpartition(".")
    return getattr(gazu if module in ("", "gazu") else importlib.import_module(f"gazu.{module}"), function, None)


CASES = sorted(name for name, entry in routes().items() if entry["module"] in BUILT)


@pytest.mark.parametrize("name", CASES)
def test_a_function_has_the_signature_of_official_gazu(name: str) -> None:
    ours = _target(name)
    assert callable(ours), f"gazu.{name} is missing"
    params = inspect.signature(ours).parameters
    official = _official(routes()[name]["signature"])
    spec = _spec_defaults(name)
    names = [p[0] for p in official]
    ordered = [p[0] for p in official if p[1] in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.VAR_POSITIONAL)]
    before_client = ordered[: ordered.index("client")] if "client" in ordered else ordered
    positional = [p.name for p in params.values() if p.kind in (p.POSITIONAL_OR_KEYWORD, p.VAR_POSITIONAL)]
    if name in SPEC_ORDER:
        expected = [p for p in spec if p != "client"]
        assert positional[: len(expected)] == expected, "the spec's order"
    else:
        assert positional[: len(before_client)] == before_client, "1.3.1's positional parameters, in order"
        if "client" in names:
            assert positional[len(before_client)] == "client", "client after 1.3.1's positional parameters"
    for param_name, kind, default in official:
        param = params.get(param_name)
        assert param is not None, f"{param_name} is missing"
        if kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            assert param.kind is kind
            continue
        if param_name == "client":
            wanted = gazu.client.default_client if default == "default" else None
            assert param.default is wanted, "client's default"
            continue
        spec_default = spec.get(param_name)
        if spec_default is not None and spec_default != CLIENT_DEFAULT:
            assert param.default == default_value(spec_default), f"{param_name}: the spec's default"
        elif param_name in NONE_WHEN_RENAMED.get(name, ()):
            assert param.default is None, f"{param_name}: None (either name of a renamed parameter may be given)"
        elif default is _DEFAULT:
            assert param.default is param.empty, f"{param_name} is required"
        else:
            assert param.default == _value(default), f"default of {param_name}"
    extras = [p for p in params.values() if p.name not in names and p.name not in spec]
    assert all(p.kind is p.KEYWORD_ONLY and p.default is not p.empty for p in extras), "extras are keyword-only"


def test_every_spec_function_is_built() -> None:
    missing = [f"{f.module}.{f.name}" for f in functions() if not callable(_target(f"{f.module}.{f.name}"))]
    assert missing == []


def test_the_copies_of_the_spec_are_the_shared_ones() -> None:
    for shared, copy in ((SHARED_SPEC, COPY), (SHARED_ROUTES, ROUTES_COPY)):
        if shared.exists():  # a clone with shared/ beside it (CI): the copy must not drift
            assert copy.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
        assert copy.exists()


def test_the_top_level_has_what_official_gazu_has() -> None:
    assert gazu.__version__ == "1.3.1"
    assert importlib.import_module("gazu.__version__").__version__ == "1.3.1"
    for name in ("AuthFailedException", "NotAuthenticatedException", "ParameterException", "raw", "client", "cache",
                 "exception", *BUILT[1:]):
        assert hasattr(gazu, name), name
    assert gazu.raw is gazu.client
    assert gazu.ParameterException is gazu.exception.ParameterException
