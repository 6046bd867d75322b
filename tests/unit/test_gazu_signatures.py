"""Our gazu functions have the spec's names, parameters, order and defaults
(../shared/spec/gazu-api.txt), module by module as they are built."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

import gazu
from gazu_spec import (
    COPY, ROUTES_COPY, SHARED_ROUTES, SHARED_SPEC, CLIENT_DEFAULT, SpecFunction, default_value, functions, of_module,
    routes,
)

#: Every module of the spec.
BUILT = (
    "client", "project", "person", "asset", "shot", "casting", "entity", "task", "files", "playlist", "sync", "user",
)


@pytest.mark.parametrize(
    "function", [f for module in BUILT for f in of_module(module)], ids=lambda f: f"{f.module}.{f.name}"
)
def test_a_spec_function_has_the_spec_signature(function: SpecFunction) -> None:
    module = importlib.import_module(f"gazu.{function.module}")
    ours = getattr(module, function.name, None)
    assert callable(ours), f"gazu.{function.module}.{function.name} is missing"
    every = list(inspect.signature(ours).parameters.values())
    params = [p for p in every if p.kind is not p.KEYWORD_ONLY]
    assert [("*" if p.kind is p.VAR_POSITIONAL else "") + p.name for p in params] == [p.name for p in function.params]
    # Beyond the spec, only keyword-only parameters with a default that
    # official gazu 1.3.1 takes too (progress callbacks): a call written
    # for the spec or for official gazu by keyword works unchanged.
    extras = [p for p in every if p.kind is p.KEYWORD_ONLY]
    official = routes().get(f"{function.module}.{function.name}", {}).get("signature", "")
    for extra in extras:
        assert extra.default is not inspect.Parameter.empty, f"{extra.name} must have a default"
        assert re.search(rf"\b{extra.name}=", official), f"{extra.name} is not a parameter of official gazu"
    for param, spec in zip(params, function.params):
        if spec.default is None:
            assert param.default is inspect.Parameter.empty or spec.star, f"{param.name} must be required"
        elif spec.default == CLIENT_DEFAULT:
            assert param.default is gazu.client.default_client
        else:
            assert param.default == default_value(spec.default), f"default of {param.name}"


def test_the_spec_has_281_functions_in_12_modules_all_built() -> None:
    assert len(functions()) == 281
    assert {f.module for f in functions()} == set(BUILT)


def test_the_copies_of_the_spec_are_the_shared_ones() -> None:
    for shared, copy in ((SHARED_SPEC, COPY), (SHARED_ROUTES, ROUTES_COPY)):
        if shared.exists():  # a clone with shared/ beside it (CI): the copy must not drift
            assert copy.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
        assert copy.exists()


#: What official gazu 1.3.1 has at its top level (read off it with dir()),
#: besides its modules.
TOP_LEVEL = (
    "AuthFailedException", "NotAuthenticatedException", "ParameterException", "create_session", "get_event_host",
    "get_host", "log_in", "log_out", "refresh_access_token", "send_email_otp", "set_event_host", "set_host",
    "set_token",
)


def test_the_top_level_has_what_official_gazu_has() -> None:
    missing = [name for name in (*TOP_LEVEL, "raw", "client", "cache", "exception") if not hasattr(gazu, name)]
    assert missing == []
    assert gazu.raw is gazu.client
    assert gazu.ParameterException is gazu.exception.ParameterException
