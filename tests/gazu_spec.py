"""The gazu API spec (../shared/spec/gazu-api.txt) as data: every function
with its parameters and their defaults, as the spec writes them. A clone
without ``shared/`` beside it reads the copy in tests/fixtures, which a test
keeps equal to the shared one whenever both are there."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

SHARED_SPEC = Path(__file__).resolve().parents[2] / "shared" / "spec" / "gazu-api.txt"
COPY = Path(__file__).resolve().parent / "fixtures" / "gazu-api.txt"
SPEC = SHARED_SPEC if SHARED_SPEC.exists() else COPY
SHARED_ROUTES = SHARED_SPEC.with_name("gazu-routes.json")
ROUTES_COPY = COPY.with_name("gazu-routes.json")
ROUTES = SHARED_ROUTES if SHARED_ROUTES.exists() else ROUTES_COPY
_LINE = re.compile(r"^gazu\.(?P<module>[a-z_]+)\.(?P<name>[a-z_0-9]+)\((?P<params>.*)\)\[source\]$")
#: The spec writes the default client as its repr.
CLIENT_DEFAULT = "<gazu.client.KitsuClient object>"


@dataclass(frozen=True)
class Param:
    name: str
    default: str | None  # the spec's text of the default; None: required

    @property
    def star(self) -> bool:
        return self.name.startswith("*")


@dataclass(frozen=True)
class SpecFunction:
    module: str
    name: str
    params: tuple[Param, ...]


def _split(params: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in params:
        if char in "([{<":
            depth += 1
        elif char in ")]}>":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    return parts


@lru_cache(maxsize=1)
def functions() -> tuple[SpecFunction, ...]:
    found = []
    for line in SPEC.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line.strip())
        if not match:
            continue
        params = []
        for part in _split(match["params"]):
            name, _, default = part.partition("=")
            params.append(Param(name.strip(), default.strip() if default else None))
        found.append(SpecFunction(match["module"], match["name"], tuple(params)))
    return tuple(found)


@lru_cache(maxsize=1)
def routes() -> dict[str, dict[str, Any]]:
    """The routes table (gazu-routes.json): each function of official gazu
    1.3.1, by ``module.name``, with the requests it sends."""
    entries = json.loads(ROUTES.read_text(encoding="utf-8"))
    return {entry["function"].removeprefix("gazu."): entry for entry in entries}


def of_module(module: str) -> list[SpecFunction]:
    return [function for function in functions() if function.module == module]


def default_value(text: str) -> object:
    """A spec default as a Python value (the client default stays text)."""
    return text if text == CLIENT_DEFAULT else ast.literal_eval(text)


#: The gazu modules built, with the top level ("gazu"): every function of
#: official gazu 1.3.1 in them is held to its signature and requests.
BUILT = (
    "gazu", "asset", "cache", "casting", "client", "concept", "context", "edit", "entity", "events", "files", "helpers",
    "person", "playlist", "project", "project_template", "scene", "search", "shot", "sorting", "studio", "sync", "task",
    "user",
)
