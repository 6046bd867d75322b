"""Render gazu's functions from their table (``compat/functions``) into
committed, typed source: ``gazu/_generated/<module>.py``.

    python compat/render.py           # write the files
    python compat/render.py --check   # exit 1 when a file is not what the table gives

Each row becomes a plain function with its 1.3.1 signature, annotations
and docstring, whose body is one call of ``gazu._calls`` (with a lookup
first, a choice of route, a part of the answer returned), or for a
``Composed`` row one expression: nothing is made at run time, so mypy,
pyright, IDEs and ``inspect.signature`` see it.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: the repository root on the path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compat.functions import MODULES, Composed, Fn, Row, rows  # noqa: E402
from kitsu_models import catalogue  # noqa: E402
from kitsu_models.routes import Answer, Endpoint  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "gazu" / "_generated"
WIDTH = 120

#: A parameter that takes "a dict or an id" (a model too): gazu's models.
REF_NAMES = frozenset("""
    project asset shot sequence episode scene edit concept task task_type task_status person department entity
    asset_type asset_instance playlist comment preview_file preview working_file output_file output_type software
    file_status attachment_file organisation day_off budget entry metadata_descriptor build_job studio
    project_template notification filter filter_group chat time_spent bot temporal_entity target_task
    background_file preview_background_file status_automation automation reply entity_link asset_to_instantiate
    assigner project_source project_target
""".split())

#: Annotations by parameter name (a name ending in ``_id`` is a Ref too).
TYPES = {
    "name": "str", "force": "bool", "relations": "bool", "data": "dict[str, Any]", "file_path": "StrPath",
    "csv_file_path": "StrPath", "progress_callback": "ProgressCallback | None", "page": "int", "limit": "int",
    "description": "str", "comment": "str", "text": "str", "color": "str", "short_name": "str", "year": "int",
    "month": "int", "week": "int", "date": "str", "start_date": "str", "end_date": "str", "role": "str",
    "priority": "int", "position": "int", "token": "str", "query": "str", "path": "str", "email": "str",
    "full_name": "str", "first_name": "str", "last_name": "str", "desktop_login": "str", "is_bot": "bool",
    "field_name": "str", "lowdef": "bool", "for_entity": "str", "frame_number": "int",
    "user_context": "bool", "persist": "bool", "label": "str", "nb_occurences": "int",
    "representation": "str", "mode": "str", "sep": "str", "revision": "int", "nb_elements": "int",
    "duration": "float", "entity_type": "str", "list_type": "str", "source_client": "KitsuClient",
    "target_client": "KitsuClient",
}

#: A row's result when it gives none: what its verb answers.
DERIVED = {
    Answer.ONE: "row", Answer.MANY: "list", Answer.ROW: "row", Answer.ROWS: "list", Answer.TEXT: "text",
    Answer.NOTHING: "text",
}

#: What each result returns, annotated.
RETURNS = {"json": "Any", "row": "Row", "list": "list[Row]", "by_name": "list[Row]", "first": "Row | None", "text": "str"}


def result(row: Fn) -> str:
    """The row's result: its own, else what its verb answers (JSON: as is)."""
    return row.result or DERIVED.get(row.endpoint.verb(row.method).answer, "json")


def endpoint_name(row: Fn, endpoint: Endpoint) -> str:
    """The catalogue's name of an endpoint of the row."""
    for name, value in vars(catalogue).items():
        if value is endpoint and name.isupper():
            return name
    raise ValueError(f"{row.name}: its endpoint is not a constant of kitsu_models.catalogue")


def endpoints(row: Fn) -> str:
    """The row's endpoint, as rendered (with ``when``: chosen by its condition)."""
    api = f"api.{endpoint_name(row, row.endpoint)}"
    if row.when is None:
        return api
    condition, other = row.when
    other.verb(row.method)  # declared in the catalogue
    return f"api.{endpoint_name(row, other)} if {condition} else {api}"


def annotation(row: Row, name: str, default: str | None) -> str:
    """A parameter's annotation: the row's, else by its name."""
    if name in row.types:
        return row.types[name]
    if name in TYPES:
        kind = TYPES[name]
    elif name in REF_NAMES or name.endswith("_id"):
        kind = "Ref"
    elif name.endswith("_ids") or name in ("task_types", "entities", "tasks", "persons"):
        kind = "Sequence[Ref]"
    else:
        raise ValueError(f"{row.name}: no type for parameter {name!r} (add it to render.TYPES or the row's types)")
    return f"{kind} | None" if default == "None" and "None" not in kind else kind


def parameters(row: Row) -> tuple[list[str], list[str]]:
    """The rendered parameters and the names of the row's parameters."""
    tree = ast.parse(f"def {row.signature}: pass").body[0]
    assert isinstance(tree, ast.FunctionDef)
    args = tree.args.args
    defaults = [None] * (len(args) - len(tree.args.defaults)) + [ast.unparse(d) for d in tree.args.defaults]
    rendered, names = [], []
    for arg, default in zip(args, (_quoted(text) for text in defaults)):
        text = f"{arg.arg}: {annotation(row, arg.arg, default)}"
        rendered.append(text if default is None else f"{text} = {default}")
        names.append(arg.arg)
    if not isinstance(row, Composed) or row.takes_client:
        rendered.append("client: KitsuClient = default_client")
    if row.after_client:
        rendered.append("*")
        for part in row.after_client.split(","):
            name, _, default = (item.strip() for item in part.partition("="))
            rendered.append(f"{name}: {annotation(row, name, default)} = {default}")
            names.append(name)
    return rendered, names


def _quoted(default: str | None) -> str | None:
    """A default as the code base writes it: strings in double quotes."""
    if default is None or not default.startswith("'"):
        return default
    return json.dumps(ast.literal_eval(default))


def ids(row: Fn, names: list[str], checked: bool = False) -> str:
    """The placeholders of the row's paths, each with what fills it (an id
    checked by ``ref`` first when ``checked``)."""
    filled = []
    for placeholder in placeholders(row):
        if placeholder in row.ids:
            value = row.ids[placeholder]
        elif placeholder in names:
            value = placeholder
        elif placeholder.endswith("_id") and placeholder[:-3] in names:
            value = placeholder[:-3]
        else:
            raise ValueError(f"{row.name}: nothing fills {{{placeholder}}} of {row.endpoint.template}")
        value = f"ref({value})" if checked and placeholder.endswith("_id") else value
        filled.append(f'"{placeholder}": {value}')
    return "{" + ", ".join(filled) + "}"


def placeholders(row: Fn) -> tuple[str, ...]:
    """The placeholders of the row's endpoint (and of its ``when`` one)."""
    other = row.when[1].placeholders if row.when else ()
    return tuple(dict.fromkeys((*row.endpoint.placeholders, *other)))


@dataclass(frozen=True)
class Group:
    """Code made of items between a head and a tail (a dict, a call): one
    line when it fits, else its items on lines of their own (:func:`wrap`)."""

    head: str
    items: Sequence[str | Group]
    tail: str

    def __str__(self) -> str:
        return f"{self.head}{', '.join(str(item) for item in self.items)}{self.tail}"

    def named(self, name: str) -> Group:
        return Group(f"{name}={self.head}", self.items, self.tail)


def mapping(values: dict[str, str]) -> Group:
    return Group("{", [f'"{key}": {value}' for key, value in values.items()], "}")


def body(row: Fn) -> str | Group | None:
    if row.body is None or isinstance(row.body, str):
        return row.body
    required = {key: value for key, value in row.body.items() if not key.endswith("?")}
    optional = {key[:-1]: value for key, value in row.body.items() if key.endswith("?")}
    if not optional:
        return mapping(required)
    return Group("fields(", [mapping(required), *(f"{key}={value}" for key, value in optional.items())], ")")


def call(row: Fn, names: list[str]) -> list[str | Group]:
    """The arguments of the mechanism's call."""
    api = endpoints(row)
    row.endpoint.verb(row.method)  # declared in the catalogue
    path_ids = "ids" if row.lookup and placeholders(row) else ids(row, names)
    args: list[str | Group]
    if row.kind == "call":
        args = ["client", f'"{row.method}"', api, *([path_ids] if placeholders(row) else [])]
    elif row.kind == "upload":
        args = ["client", api, path_ids, str(row.files)]
    else:
        args = ["client", api, path_ids, str(row.target)]
    if row.query:
        args.append(mapping(dict(row.query)).named("params"))
    rendered_body = "body" if row.lookup and row.body is not None else body(row)
    keyword = "fields" if row.kind == "upload" else "body"
    if isinstance(rendered_body, Group):
        args.append(rendered_body.named(keyword))
    elif rendered_body is not None:
        args.append(f"{keyword}={rendered_body}")
    if row.kind == "call" and result(row) != "json":
        args.append(f"result={result(row).upper()}")
    if row.kind != "call":
        args.append("progress=progress_callback")
    return args


def returns(row: Row) -> str:
    if isinstance(row, Composed) or row.returns:
        return str(row.returns)
    return {"call": RETURNS[result(row)], "upload": "Any", "download": "Downloaded"}[row.kind]


def wrap(head: str, items: Sequence[str | Group], tail: str, indent: str) -> list[str]:
    """``head(items)tail`` on one line when it fits, else the items packed
    into lines below ``head`` (an item too long for a line, itself a group,
    opened in turn), then ``tail`` on a line of its own."""
    line = f"{indent}{head}{', '.join(str(item) for item in items)}{tail}"
    if len(line) <= WIDTH:
        return [line]
    inner, lines, current = indent + "    ", [f"{indent}{head}"], ""
    for item in items:
        text = str(item)
        if isinstance(item, Group) and len(f"{inner}{text},") > WIDTH:
            lines += [current] if current else []
            lines += wrap(item.head, item.items, item.tail + ",", inner)
            current = ""
            continue
        candidate = f"{current} {text}," if current else f"{inner}{text},"
        if current and len(candidate) > WIDTH:
            lines.append(current)
            candidate = f"{inner}{text},"
        current = candidate
    return [*lines, *([current] if current else []), f"{indent}{tail.lstrip()}"]


def function(row: Row) -> list[str]:
    params, names = parameters(row)
    lines = ["@cache"] if row.cached else []
    lines += wrap(f"def {row.name}(", params, f") -> {returns(row)}:", "")
    lines += statement("", f'"""{row.doc}"""', row)
    if isinstance(row, Composed):
        if row.returns != "Any" and isinstance(ast.parse(row.expression, mode="eval").body, ast.Subscript):
            # A part of a JSON answer (Any): annotated, so that mypy checks what is returned.
            return lines + statement(f"returned: {row.returns} = ", row.expression, row) + ["    return returned"]
        return lines + statement("return ", row.expression, row)
    if row.lookup:  # ids and body first: a bad argument is refused before the lookup is sent
        if placeholders(row):
            lines += statement("ids = ", ids(row, names, checked=True), row)
        rendered_body = body(row)
        if isinstance(rendered_body, Group):
            lines += wrap(f"body = {rendered_body.head}", rendered_body.items, rendered_body.tail, "    ")
        elif rendered_body is not None:
            lines += statement("body = ", rendered_body, row)
        lines += [*statement("found = ", row.lookup, row), "    if found is not None:", "        return found"]
    entry = {"call": "call", "upload": "upload", "download": "download"}[row.kind]
    if row.then is None:
        return lines + wrap(f"return {entry}(", call(row, names), ")", "    ")
    answer = "answer = " if re.search(r"\banswer\b", row.then) else ""
    lines += wrap(f"{answer}{entry}(", call(row, names), ")", "    ")
    if returns(row) == "Any" or not re.match(r"answer\b", row.then):
        return lines + statement("return ", row.then, row)
    # A part of the answer is JSON (Any): annotated, so that mypy checks what is returned.
    return lines + statement(f"returned: {returns(row)} = ", row.then, row) + ["    return returned"]


def statement(head: str, source: str, row: Row) -> list[str]:
    """``head`` and an expression of the row, as lines of the function's
    body: one line, else the arguments of its call (which may be followed
    by an operation: ``f(...) - 1``) packed on lines of their own."""
    if len(f"    {head}{source}") <= WIDTH:
        return [f"    {head}{source}"]
    tree = ast.parse(source, mode="eval").body
    called = tree.left if isinstance(tree, ast.BinOp) else tree
    text = str(ast.get_source_segment(source, called))
    if not isinstance(called, ast.Call) or not source.startswith(text):
        raise ValueError(f"{row.name}: {source!r} is longer than {WIDTH} columns and not a call: shorten it")
    items: list[str | Group] = [str(ast.get_source_segment(source, arg)) for arg in called.args]
    items += [f"{keyword.arg}={ast.get_source_segment(source, keyword.value)}" for keyword in called.keywords]
    return wrap(f"{head}{ast.get_source_segment(source, called.func)}(", items, ")" + source[len(text):], "    ")


#: The mechanism's names a generated module may use: functions (called),
#: then constants and types.
HELPERS = (
    "call", "upload", "download", "comment_files", "comment_form", "field", "fields", "id_map", "ref", "refs", "refs_of", "flag", "record", "update_data",
    "joined_path", "linked", "preview_path", "preview_source", "production_url",
    "page_url",
)
#: Functions of other modules a generated module may call, and their module
#: (relative: of gazu).
FUNCTIONS = {"validate_date_format": "..helpers", "sort_by_name": "..sorting", "segment_of": "kitsu_models.ids"}
NAMES = ("BY_NAME", "Downloaded", "FIRST", "LIST", "ROW", "Record", "Ref", "Row", "TEXT")


def imports(module: str, code: str) -> list[str]:
    """The import lines of a generated module whose code (docstrings
    aside) is ``code``."""
    used = [name for name in HELPERS if re.search(rf"\b{name}\(", code)]
    used += [name for name in NAMES if re.search(rf"\b{name}\b", code)]
    typing = ["TYPE_CHECKING"] if re.search(rf"\bgazu_{module}\.", code) else []
    typing += [name for name in ("Any",) if re.search(rf"\b{name}\b", code)]
    abc = [name for name in ("Mapping", "Sequence") if re.search(rf"\b{name}\b", code)]
    streaming = [name for name in ("ProgressCallback", "StrPath") if re.search(rf"\b{name}\b", code)]
    lines = ["from __future__ import annotations", ""]
    if re.search(r"\bdatetime\.", code):
        lines += ["import datetime", *([""] if not abc and not typing else [])]
    if abc:
        lines.append(f"from collections.abc import {', '.join(abc)}")
    if typing:
        lines.append(f"from typing import {', '.join(typing)}")
    sdk = ["from kitsu_models import catalogue as api"] if re.search(r"\bapi\.", code) else []
    sdk += [f"from {source} import {name}" for name, source in FUNCTIONS.items()
            if not source.startswith(".") and re.search(rf"\b{name}\(", code)]
    if streaming:
        sdk.append(f"from kitsu_models.streaming import {', '.join(streaming)}")
    lines += ["", *sdk] if abc or typing else sdk
    modules = sorted(set(re.findall(r"\bgazu_(\w+)\.", code)))
    itself = module in modules  # its own module: read at call time (importing it now would be a cycle)
    one_line = f"from .._calls import {', '.join(sorted(used))}"
    lines += ["", *(f"from .. import {other} as gazu_{other}" for other in modules if other != module)]
    if used:
        lines += [one_line] if len(one_line) <= WIDTH else wrap("from .._calls import (", sorted(used), ")", "")
    if itself:
        lines.append("from .._late import Late")
    if "@cache" in code:
        lines.append("from ..cache import cache")
    lines.append("from .._clients import KitsuClient, default_client")
    lines += [f"from {source} import {name}" for name, source in FUNCTIONS.items()
              if source.startswith(".") and re.search(rf"\b{name}\(", code)]
    if itself:
        lines += ["", "if TYPE_CHECKING:", f"    from .. import {module} as gazu_{module}",
                  "else:", f'    gazu_{module} = Late("gazu.{module}")']
    return lines


def render(module: str) -> str:
    """The generated module of one gazu module."""
    functions = rows(module)
    code_lines: list[str] = []
    for row in functions:
        code_lines += ["", "", *through_module(function(row), module, {other.name for other in functions})]
    code = "\n".join(line for line in code_lines if not line.lstrip().startswith('"""'))
    names = [f'"{row.name}"' for row in functions]
    head = [
        f'"""``gazu.{module}``\'s table-made functions. Generated from ``compat/functions/{module}.py``',
        'by ``python compat/render.py``: do not edit."""',
        *(["", *imports(module, code)] if functions else []),
        "",
        *(wrap("__all__ = [", names, "]", "") if names else ["__all__: list[str] = []"]),
    ]
    return "\n".join(head + code_lines) + "\n"


def through_module(lines: list[str], module: str, own: set[str]) -> list[str]:
    """A function's lines with the calls of its module's other table-made
    functions made through the public module (``get_shot_by_name(...)`` ->
    ``gazu_shot.get_shot_by_name(...)``), read when called: a test patching
    ``gazu.shot.get_shot_by_name`` reaches ``gazu.shot.new_shot``, as in 1.3.1.
    The signature and the docstring are left as they are."""
    called = re.compile(rf"(?<![\w.])({'|'.join(sorted(own))})\(")
    body_starts = next(index for index, line in enumerate(lines) if line.lstrip().startswith('"""')) + 1
    return lines[:body_starts] + [called.sub(rf"gazu_{module}.\1(", line) for line in lines[body_starts:]]


def modules() -> list[str]:
    """The gazu modules that have a table (maybe still empty)."""
    return [module for module in MODULES if (ROOT / "compat" / "functions" / f"{module}.py").exists()]


def main(argv: list[str]) -> int:
    stale = []
    for module in modules():
        target = OUT / f"{module}.py"
        text = render(module)
        if "--check" in argv:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(str(target.relative_to(ROOT)))
        else:
            target.parent.mkdir(exist_ok=True)
            target.write_text(text, encoding="utf-8")
    if stale:
        print("stale (run python compat/render.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
