"""The mechanism every gazu function is a short translation onto: :func:`call`, :func:`upload`,
:func:`download` send one request to an endpoint of the route catalogue through the client's session, its
errors raised as gazu 1.3.1 raises them. Ids enter paths only through ``kitsu_models.routes.path``,
leniently (a dict, a model or one segment of letters, digits, ``-``, ``_``: mocked tests use "project-01").
Reads return the server's JSON as sent (revalidated by ETag; noted under :func:`recording_reads` for
``gazu.cache``); writes send the caller's values (never mutated) and keep the session's loaded models
coherent with what the catalogue says the route did."""

from __future__ import annotations

import contextvars
import json
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final, Literal, Optional, Union, overload

import requests

from kitsu_models import answers, checks, errors
from kitsu_models import catalogue as api
from kitsu_models.ids import segment_of
from kitsu_models.orm import registry
from kitsu_models.orm.base import KitsuModel
from kitsu_models.policy import Timeout
from kitsu_models.routes import Effect, Endpoint, model_named_by
from kitsu_models.streaming import ProgressCallback, StrPath, file_parts

from . import client as raw
from ._clients import KitsuClient
from .exception import translated
from .sorting import sort_by_name

Row = dict[str, Any]
#: What gazu calls "dict or ID": a dict with an "id", an id, or a model.
Ref = Union[str, Mapping[str, Any], KitsuModel]
#: A record to save: a dict (with its "id") or a model.
Record = Union[Mapping[str, Any], KitsuModel]
#: What a download returns, as in gazu 1.3.1: the (closed) streamed response.
Downloaded = requests.Response
Read = tuple[KitsuClient, str, "dict[str, Any] | None"]
Ids = Optional[Mapping[str, Any]]
Params = Optional[Mapping[str, Any]]
Result = Literal["json", "row", "list", "by_name", "first", "text"]
ROW: Final = "row"
LIST: Final = "list"
BY_NAME: Final = "by_name"
FIRST: Final = "first"
TEXT: Final = "text"

_reads: contextvars.ContextVar[list[Read] | None] = contextvars.ContextVar("gazu_reads", default=None)


def ref(value: Ref | None, what: str = "id") -> str | None:
    """The id ``value`` holds (a dict, a model or an id), or None."""
    return None if value is None else segment_of(value, what=what)


def refs(values: Iterable[Ref] | None, what: str = "id") -> list[str]:
    """The ids of a list of dicts, ids or models (None: [])."""
    return [segment_of(value, what=what) for value in values or []]


def refs_of(values: Any) -> list[str]:
    """The ids of a list of dicts, ids or models, or of one of them (None: [])."""
    one = isinstance(values, (str, Mapping, KitsuModel)) or not isinstance(values, Iterable)
    return refs([values] if one and values is not None else values)


def flag(value: bool) -> str | None:
    """gazu's ``x=True`` query flag: sent only when true."""
    return "True" if value else None


def fields(required: Mapping[str, Any], **optional: Any) -> dict[str, Any]:
    """A body: ``required`` keys always, ``optional`` ones when not None."""
    return {**required, **{key: value for key, value in optional.items() if value is not None}}


def record(value: Record, ids: Sequence[str] = ()) -> Row:
    """A record given to an update, as the JSON body to send (a copy; its lists under ``ids`` as ids)."""
    if not isinstance(value, (Mapping, KitsuModel)):
        raise errors.InvalidArgumentError(f"expected a dict, got {type(value).__name__}")
    body = value.to_dict() if isinstance(value, KitsuModel) else dict(value)
    return {key: refs_of(item) if key in ids else item for key, item in body.items()}


def query(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Query parameters without the ``None`` ones (gazu leaves them out)."""
    kept = {key: value for key, value in (params or {}).items() if value is not None}
    return kept or None


@overload
def call(client: KitsuClient, method: str, endpoint: Endpoint, ids: Ids = None, *, params: Params = None,
         body: Any = None, result: Literal["json"] = "json") -> Any: ...
@overload
def call(client: KitsuClient, method: str, endpoint: Endpoint, ids: Ids = None, *, params: Params = None,
         body: Any = None, result: Literal["row"]) -> Row: ...
@overload
def call(client: KitsuClient, method: str, endpoint: Endpoint, ids: Ids = None, *, params: Params = None,
         body: Any = None, result: Literal["list", "by_name"]) -> list[Row]: ...
@overload
def call(client: KitsuClient, method: str, endpoint: Endpoint, ids: Ids = None, *, params: Params = None,
         body: Any = None, result: Literal["first"]) -> Row | None: ...
@overload
def call(client: KitsuClient, method: str, endpoint: Endpoint, ids: Ids = None, *, params: Params = None,
         body: Any = None, result: Literal["text"]) -> str: ...
def call(client: KitsuClient, method: str, endpoint: Endpoint, ids: Ids = None, *, params: Params = None,
         body: Any = None, result: Result = "json") -> Any:
    """Send ``method`` to ``endpoint`` (placeholders from ``ids``); the answer as ``result`` says (JSON, row...)."""
    route = endpoint.fill(True, **(ids or {}))
    sent = query(params)
    endpoint.verb(method)
    with translated(route, sent):
        if method == "GET" and result != "text":
            reads = _reads.get()
            if reads is not None:
                reads.append((client, route, sent))
            answer = client.kitsu.transport.conditional_get(route, sent)
        else:
            raw = client.kitsu.transport.request(method, route, params=sent, json=body)
            answer = raw.content.decode("utf-8", "replace") if result == "text" else answers.json_or_none(method, route, raw)
    _keep_coherent(client, endpoint, method, ids or {}, answer, forced=bool(sent and sent.get("force")))
    return _shaped(answer, result, route)


def upload(
    client: KitsuClient, endpoint: Endpoint, ids: Mapping[str, Any], files: Sequence[StrPath] | Mapping[str, StrPath],
    *, fields: Mapping[str, str] | None = None, params: Params = None, progress: ProgressCallback | None = None,
    timeout: Timeout | None = None,
) -> Any:
    """POST ``files`` (paths, streamed) as parts ``file``, ``file-1``... (a mapping: as named), with ``fields``."""
    route = endpoint.fill(True, **ids)
    if isinstance(files, Mapping):
        parts = [(name, checks.source_file(path, "file_path")) for name, path in files.items()]
    else:
        parts = file_parts([checks.source_file(path, "file_path") for path in files])
    sent = query(params)
    told = _over_files(checks.progress(progress), sum(path.stat().st_size for _, path in parts))
    with translated(route, sent):
        answer = client.kitsu.transport.upload(route, parts, fields=fields, progress=told, params=sent, timeout=timeout)
    _keep_coherent(client, endpoint, "POST", ids, answer)
    return answer


def _over_files(progress: ProgressCallback | None, size: int) -> ProgressCallback | None:
    """``progress`` told in bytes of the files, as 1.3.1 tells it, from the body's bytes (headers too)."""
    if progress is None:
        return None
    return lambda done, total: progress(done * size // total if total else done, size)


def download(
    client: KitsuClient, endpoint: Endpoint, ids: Mapping[str, Any], target: StrPath | None, *,
    params: Params = None, progress: ProgressCallback | None = None,
) -> Downloaded:
    """Stream ``endpoint`` into ``target``; the closed response, as 1.3.1 (no target: the body in ``content``)."""
    route = endpoint.fill(True, **ids)
    if target is None:
        with tempfile.TemporaryDirectory(prefix="gazu_") as folder:
            response = download(client, endpoint, ids, Path(folder, "body"), params=params, progress=progress)
            response._content = Path(folder, "body").read_bytes()
        return response
    path = checks.local_path(target, "file_path")
    return raw.download(route, path, params=query(params), client=client, progress_callback=checks.progress(progress))


# ------------------ pieces of functions beyond one request (the tables' rows use them too)
def field(client: KitsuClient, value: Ref, key: str, endpoint: Endpoint, also: str | None = None) -> Any:
    """``value[key]`` (else ``value[also]``) when a dict or model carries it, else read from its ``endpoint``."""
    known = value.__dict__ if isinstance(value, KitsuModel) else value if isinstance(value, Mapping) else None
    if known is not None and (key in known or (also is not None and also in known)):
        return known.get(key) or (known.get(also) if also else None)
    found = call(client, "GET", endpoint, {str(endpoint.subject): value}, result="row")
    return found.get(key) or (found.get(also) if also else None)


def id_map(source: Sequence[Row], target: Sequence[Row], field: str, key: str) -> dict[str, str]:
    """Each source record's ``key`` -> the id of the target record of the same ``field`` (case aside; the
    records without a match left out; of equal values, the last target record wins)."""
    targets = {row[field].lower(): row["id"] for row in target}
    return {row[key]: targets[row[field].lower()] for row in source if row[field].lower() in targets}


def linked(read: Callable[..., Row], value: Any, client: KitsuClient) -> Row | None:
    """The record the id ``value`` names, read by ``read``; None when it names none (no request)."""
    return None if value is None else read(value, client=client)


def update_data(client: KitsuClient, entity: Ref, data: Mapping[str, Any]) -> Row:
    """Merge ``data`` into an entity's ``data``: the server merges key by key, so only these keys are sent
    (gazu reads the entity and sends back its whole ``data``, undoing keys set meanwhile)."""
    body = {"id": segment_of(entity, what="entity"), "data": dict(data or {})}
    return call(client, "PUT", api.ENTITY, {"entity_id": entity}, body=body, result="row")


def preview_source(client: KitsuClient, preview_file: Ref, kind: str) -> tuple[Endpoint, dict[str, Any]]:
    """A preview's file (record read first): ``original`` (an mp4's movie, else the picture), ``movie``, ``lowdef``."""
    found = call(client, "GET", api.PREVIEW_FILE, {"preview_file_id": preview_file}, result="row")
    ids = {"preview_file_id": found["id"], "extension": found.get("extension")}
    if kind == "lowdef":
        return api.PREVIEW_LOW_MOVIE, {"preview_file_id": found["id"]}
    return (api.PREVIEW_MOVIE if kind == "movie" or ids["extension"] == "mp4" else api.PREVIEW_PICTURE), ids


def preview_path(client: KitsuClient, preview_file: Ref, kind: str) -> str:
    """The path, relative to the API, of a preview's file (see :func:`preview_source`)."""
    endpoint, ids = preview_source(client, preview_file, kind)
    return endpoint.fill(True, **ids)


def joined_path(answer: Row, folder: str, name: str, sep: str) -> str:
    """A path the server built, joined as gazu joins it: folder, ``sep``, name, spaces as underscores."""
    return f"{str(answer[folder]).replace(' ', '_')}{sep}{str(answer[name]).replace(' ', '_')}"


def production_url(client: KitsuClient, project: Ref, episode: str | None = None) -> str:
    """A production's root in Kitsu's web UI, under ``episode`` when given."""
    base = f"{raw.get_api_url_from_host(client)}/productions/{ref(project)}"
    return base if episode is None else f"{base}/episodes/{episode}"


def page_url(client: KitsuClient, found: Row, section: str, episode_key: str = "") -> str:
    """The web UI page of a record of ``section`` (under its episode, ``found[episode_key]``, when it has one)."""
    return f"{production_url(client, found['project_id'], found.get(episode_key))}/{section}/{found['id']}/"


def comment_files(comments: Sequence[Mapping[str, Any]] | None) -> dict[str, StrPath]:
    """The file parts of batch comments: ``attachment_file-<i>-<j>``, ``preview_file-<i>-<j>``."""
    files: dict[str, StrPath] = {}
    for x, comment in enumerate(comments or []):
        for kind in ("attachment_files", "preview_files"):
            for y, path in enumerate(comment.get(kind) or []):
                files[f"{kind[:-1]}-{x}-{y}"] = path
    return files


def comment_form(comments: Sequence[Mapping[str, Any]] | None) -> dict[str, str]:
    """The form field of batch comments: ``comments``, as JSON."""
    return {"comments": json.dumps(list(comments or []), default=str)}


def _shaped(answer: Any, result: Result, route: str) -> Any:
    if result in ("json", "text"):
        return answer
    if result == "row":
        return shaped(dict, answer, route)
    rows = shaped(list, answer, route)
    if result == "by_name":
        return sort_by_name(rows)
    if result == "first":
        return rows[0] if rows else None
    return rows


def shaped(kind: type[Any], value: Any, route: str) -> Any:
    """``value``, the answer of ``route``, if it is a ``kind`` (else :class:`errors.UnexpectedAnswerError`)."""
    if not isinstance(value, kind):
        raise errors.UnexpectedAnswerError("", route, 200, f"expected a {kind.__name__}", answers.excerpt(value))
    return value


def _keep_coherent(
    client: KitsuClient, endpoint: Endpoint, method: str, ids: Mapping[str, Any], answer: Any, forced: bool = False
) -> None:
    """What the catalogue says ``method`` did to ``endpoint``, applied to the session's loaded objects: merged,
    evicted (expired when, not ``forced``, the server may have only cancelled it) or expired."""
    verb = endpoint.verb(method)
    identity = client.kitsu.identity
    model = registry.find(endpoint.model_of(method))
    if model is not None and isinstance(answer, dict) and verb.effect in (Effect.CREATE, Effect.UPDATE):
        identity.merge_known(model, answer)
    if model is not None and verb.effect is Effect.DELETE and endpoint.subject is not None:
        known = identity.get(model, segment_of(ids[endpoint.subject]))
        if known is not None and verb.cancels and not forced:
            known.expire()
        elif known is not None:
            identity.evict(known)
            known.mark_deleted()
    for placeholder in verb.expires:
        changed = registry.find(model_named_by(placeholder))
        if changed is not None:
            identity.expire_known(changed, segment_of(ids[placeholder]))


@contextmanager
def recording_reads() -> Iterator[list[Read]]:
    """Note every read made inside the block (nested blocks note theirs in the enclosing ones too)."""
    outer = _reads.get()
    mine: list[Read] = []
    token = _reads.set(mine)
    try:
        yield mine
    finally:
        _reads.reset(token)
        if outer is not None:
            outer.extend(mine)
