"""The table gazu's one-call functions are generated from: one module here
per gazu module, each a ``FUNCTIONS`` tuple of :class:`Fn` rows.

A row is a function of official gazu 1.3.1 whose body is one call of the
shared mechanism (``gazu._calls``): its 1.3.1 signature, the catalogue
endpoint and method it sends, what fills the path, the query and the body,
what it returns, whether gazu caches it, and a one-line docstring.
``python compat/render.py`` writes ``gazu/_generated/<module>.py`` from it;
``tests/unit/test_gazu_generated.py`` fails when the two drift.

Expressions (``ids``, ``query``, ``body`` values) are Python, evaluated in
the generated function: its parameters, and the mechanism's helpers
``ref`` (an id, or None), ``refs`` (a list of ids), ``flag`` (``"True"``
when true, else left out) and ``record`` (a dict or model, as a body).
A body key ending in ``?`` is sent only when its value is not None.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from kitsu_models.routes import Endpoint

#: What a generated function returns: the JSON as answered (``json``), an
#: object (``row``), a list (``list``), a list sorted by name as gazu's
#: ``all_*`` are (``by_name``), the first of a list or None (``first``),
#: the text of the answer (``text``).
Result = Literal["json", "row", "list", "by_name", "first", "text"]
Method = Literal["GET", "POST", "PUT", "DELETE"]
#: ``call``: one request; ``upload``: a multipart POST of ``files``;
#: ``download``: a GET streamed into the file ``target``.
Kind = Literal["call", "upload", "download"]

#: The gazu modules, in the order gazu 1.3.1 lists them.
MODULES = (
    "asset", "casting", "client", "concept", "context", "edit", "entity", "files", "person", "playlist",
    "project", "project_template", "scene", "search", "shot", "studio", "sync", "task", "user",
)


@dataclass(frozen=True)
class Fn:
    """One generated function (see the module's docstring)."""

    signature: str
    method: Method
    endpoint: Endpoint
    doc: str
    #: None: what the endpoint's verb answers (``row`` for a record, ``list``
    #: for a list, ``text`` for a delete), else as is.
    result: Result | None = None
    cached: bool = False
    ids: Mapping[str, str] = field(default_factory=dict)
    query: Mapping[str, str] = field(default_factory=dict)
    body: Mapping[str, str] | str | None = None
    kind: Kind = "call"
    files: str | None = None
    target: str | None = None
    #: Parameter annotations where the name does not say (render.TYPES).
    types: Mapping[str, str] = field(default_factory=dict)
    #: 1.3.1's parameters after ``client`` (keyword-only here).
    after_client: str = ""

    @property
    def name(self) -> str:
        return self.signature.partition("(")[0]


def rows(module: str) -> tuple[Fn, ...]:
    """The rows of one gazu module (an empty tuple for a module without any)."""
    try:
        table = importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module}":
            raise
        return ()
    functions: tuple[Fn, ...] = table.FUNCTIONS
    return functions
