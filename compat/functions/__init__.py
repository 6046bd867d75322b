"""The tables gazu's generated functions are made from: one module here
per gazu module, each a ``FUNCTIONS`` tuple of :class:`Fn` rows.

A row is a function of official gazu 1.3.1 (or of the spec) whose body is one call of the
shared mechanism (``gazu._calls``): its 1.3.1 signature, the catalogue
endpoint and method it sends, what fills the path, the query and the body,
what it returns, whether gazu caches it, and a one-line docstring.
``python compat/render.py`` writes ``gazu/_generated/<module>.py`` from it;
``tests/unit/test_gazu_generated.py`` fails when the two drift.

Expressions (``ids``, ``query``, ``body`` values) are Python, evaluated in
the generated function: its parameters, and the mechanism's helpers
``ref`` (an id, or None), ``refs`` (a list of ids), ``flag`` (``"True"``
when true, else left out) and ``record`` (a dict or model, as a body; its
lists under ``ids`` sent as ids).
A body key ending in ``?`` is sent only when its value is not None.
Expressions may also use ``field`` (a record's key, read when not given),
``refs_of`` (the ids of one record or a list), the helpers of ``gazu._calls``
the renderer imports (``render.HELPERS``: web UI pages, joined file paths...),
the module's own functions by name (generated ones: importing the module
itself would be an import cycle) and other gazu modules' functions through
their module, ``gazu_<module>.<name>`` (a patch of ``gazu.<module>.<name>``
is seen).

A row may go beyond one request in a few set ways: ``lookup`` (get-or-create),
``when`` (another route when a condition holds), ``then`` (a part of the
answer returned). A :class:`Composed` row is a function whose body returns
one expression: a delegation, a composition of two calls, a web UI address.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal, Union

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
    "asset", "casting", "client", "concept", "context", "edit", "entity", "events", "files", "person", "playlist",
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
    #: Get-or-create: an expression of the record to return instead of
    #: sending (a lookup by name); the request is sent only when it is None.
    #: The path's ids are checked and the body built first: a bad argument is
    #: refused before any request.
    lookup: str | None = None
    #: ``(condition, endpoint)``: the endpoint sent to instead when the
    #: condition holds (``"user_context"``: the user's own route).
    when: tuple[str, Endpoint] | None = None
    #: An expression of the ``answer`` to return instead of it (a key of it,
    #: a filter, a sort), annotated ``returns`` (a bare part of the answer,
    #: JSON, is assigned to an annotated name first, for mypy).
    then: str | None = None
    returns: str | None = None

    @property
    def name(self) -> str:
        return self.signature.partition("(")[0]


@dataclass(frozen=True)
class Composed:
    """A function whose body returns ``expression``, annotated ``returns``:
    a delegation to another gazu function, a composition of two calls, a
    web UI address (see the module's docstring for what it may use)."""

    signature: str
    returns: str
    doc: str
    expression: str
    cached: bool = False
    types: Mapping[str, str] = field(default_factory=dict)
    after_client: str = ""
    #: False: 1.3.1's function has no ``client`` parameter (it is given clients).
    takes_client: bool = True

    @property
    def name(self) -> str:
        return self.signature.partition("(")[0]


#: A row of a table.
Row = Union[Fn, Composed]


def rows(module: str) -> tuple[Row, ...]:
    """The rows of one gazu module (an empty tuple for a module without any)."""
    try:
        table = importlib.import_module(f"{__name__}.{module}")
    except ModuleNotFoundError as exc:
        if exc.name != f"{__name__}.{module}":
            raise
        return ()
    functions: tuple[Row, ...] = table.FUNCTIONS
    return functions
