"""The mechanism every gazu function is a short translation onto.

- :func:`call`, :func:`upload`, :func:`download`: one request to an
  endpoint of the route catalogue (``kitsu_models.catalogue``), through the
  client's session: timeouts, retries, token refresh, typed errors (raised
  as gazu 1.3.1 raises them, :mod:`gazu.exception`).
- ids enter paths only through ``kitsu_models.routes.path``, leniently:
  a dict, a model or one path segment of letters, digits, ``-`` and ``_``
  (mocked tests use ids like ``"project-01"``); anything else is refused
  before a request is sent.
- reads return the server's JSON as sent, parsed afresh on every call and
  revalidated by ETag where the server sends one (no model is built);
- writes send the caller's values (never mutated) and keep the session's
  loaded models coherent with what the catalogue says the route did: the
  record created or updated is merged into its loaded object, the one
  deleted is evicted, the ones changed as a side effect are expired;
- reads made under :func:`recording_reads` are noted, so ``gazu.cache``
  knows whether a cached answer can be revalidated.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Final, Literal, Union, overload

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
from .client import KitsuClient
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
Result = Literal["json", "row", "list", "by_name", "first", "text"]
ROW: Final = "row"
LIST: Final = "list"
BY_NAME: Final = "by_name"
FIRST: Final = "first"
TEXT: Final = "text"

_reads: contextvars.ContextVar[list[Read] | None] = contextvars.ContextVar("gazu_reads", default=None)


# ------------------------------------------------------------ arguments
def ref(value: Ref | None, what: str = "id") -> str | None:
    """The id ``value`` holds (a dict, a model or an id), or None."""
    return None if value is None else segment_of(value, what=what)


def refs(values: Iterable[Ref] | None, what: str = "id") -> list[str]:
    """The ids of a list of dicts, ids or models (None: [])."""
    return [segment_of(value, what=what) for value in values or []]


def flag(value: bool) -> str | None:
    """gazu's ``x=True`` query flag: sent only when true."""
    return "True" if value else None


def fields(required: Mapping[str, Any], **optional: Any) -> dict[str, Any]:
    """A body: ``required`` keys always, ``optional`` ones when not None."""
    return {**required, **{key: value for key, value in optional.items() if value is not None}}


def record(value: Record) -> Row:
    """A record given to an update, as the JSON body to send (a copy)."""
    if isinstance(value, KitsuModel):
        return value.to_dict()
    if not isinstance(value, Mapping):
        raise errors.InvalidArgumentError(f"expected a dict, got {type(value).__name__}")
    return dict(value)


def query(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Query parameters without the ``None`` ones (gazu leaves them out)."""
    kept = {key: value for key, value in (params or {}).items() if value is not None}
    return kept or None


# ------------------------------------------------------------- requests
@overload
def call(
    client: KitsuClient, method: str, endpoint: Endpoint, ids: Mapping[str, Any] | None = None, *,
    params: Mapping[str, Any] | None = None, body: Any = None, result: Literal["json"] = "json",
) -> Any: ...
@overload
def call(
    client: KitsuClient, method: str, endpoint: Endpoint, ids: Mapping[str, Any] | None = None, *,
    params: Mapping[str, Any] | None = None, body: Any = None, result: Literal["row"],
) -> Row: ...
@overload
def call(
    client: KitsuClient, method: str, endpoint: Endpoint, ids: Mapping[str, Any] | None = None, *,
    params: Mapping[str, Any] | None = None, body: Any = None, result: Literal["list", "by_name"],
) -> list[Row]: ...
@overload
def call(
    client: KitsuClient, method: str, endpoint: Endpoint, ids: Mapping[str, Any] | None = None, *,
    params: Mapping[str, Any] | None = None, body: Any = None, result: Literal["first"],
) -> Row | None: ...
@overload
def call(
    client: KitsuClient, method: str, endpoint: Endpoint, ids: Mapping[str, Any] | None = None, *,
    params: Mapping[str, Any] | None = None, body: Any = None, result: Literal["text"],
) -> str: ...
def call(
    client: KitsuClient,
    method: str,
    endpoint: Endpoint,
    ids: Mapping[str, Any] | None = None,
    *,
    params: Mapping[str, Any] | None = None,
    body: Any = None,
    result: Result = "json",
) -> Any:
    """Send ``method`` to ``endpoint`` (its placeholders filled from ``ids``)
    and return the answer as ``result`` says: the JSON as answered, an
    object, a list (by name), its first item or None, or the text."""
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
    client: KitsuClient,
    endpoint: Endpoint,
    ids: Mapping[str, Any],
    files: Sequence[StrPath] | Mapping[str, StrPath],
    *,
    fields: Mapping[str, str] | None = None,
    params: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    timeout: Timeout | None = None,
) -> Any:
    """POST ``files`` (paths) as multipart parts ``file``, ``file-1``...
    (a mapping: each path in the part its key names), streamed from disk
    (``progress(done, total)`` in bytes over all of them), with ``fields``
    as form fields. A 413 raises ``TooBigFileException``."""
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
    """``progress`` told in bytes of the files (``total``: their sizes), as
    gazu 1.3.1 tells it, from the body's bytes (the parts' headers too)."""
    if progress is None:
        return None
    return lambda done, total: progress(done * size // total if total else done, size)


def download(
    client: KitsuClient,
    endpoint: Endpoint,
    ids: Mapping[str, Any],
    target: StrPath,
    *,
    params: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
) -> Downloaded:
    """Stream ``endpoint`` into the file ``target``, which appears only once
    complete; returns the (closed) response, as gazu 1.3.1 does (a file the
    server still prepares is waited for: :func:`gazu.client.download`)."""
    route = endpoint.fill(True, **ids)
    path = checks.local_path(target, "file_path")
    return raw.download(route, path, params=query(params), client=client, progress_callback=checks.progress(progress))


def field(client: KitsuClient, value: Ref, key: str, endpoint: Endpoint, also: str | None = None) -> Any:
    """``value[key]`` (else ``value[also]``) when ``value`` is a dict or a
    model that carries it, else read from its record at ``endpoint`` (a
    path of one record): gazu needs a dict there, ours also takes an id."""
    known = value.__dict__ if isinstance(value, KitsuModel) else value if isinstance(value, Mapping) else None
    if known is not None and (key in known or (also is not None and also in known)):
        return known.get(key) or (known.get(also) if also else None)
    found = call(client, "GET", endpoint, {str(endpoint.subject): value}, result="row")
    return found.get(key) or (found.get(also) if also else None)


def update_data(client: KitsuClient, entity: Ref, data: Mapping[str, Any]) -> Row:
    """Merge ``data`` into an entity's ``data``. The entity route merges key
    by key on the server, so only these keys are sent (gazu reads the entity
    and sends back its whole ``data``, undoing keys set meanwhile)."""
    body = {"id": segment_of(entity, what="entity"), "data": dict(data or {})}
    return call(client, "PUT", api.ENTITY, {"entity_id": entity}, body=body, result="row")


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
    """``value``, the answer of ``route``, if it is a ``kind``
    (:class:`errors.UnexpectedAnswerError` if not)."""
    if not isinstance(value, kind):
        raise errors.UnexpectedAnswerError("", route, 200, f"expected a {kind.__name__}", answers.excerpt(value))
    return value


# ------------------------------------------------------------ coherence
def _keep_coherent(
    client: KitsuClient, endpoint: Endpoint, method: str, ids: Mapping[str, Any], answer: Any, forced: bool = False
) -> None:
    """What the catalogue says ``method`` did to ``endpoint``, applied to the
    objects the client's session has loaded: the record it created or
    updated merged in, the one it deleted evicted (expired when, not
    ``forced``, the server may have cancelled it instead), those it changed
    on the side expired (their next read loads them again)."""
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
    """Note every read made inside the block (nested blocks note theirs in
    the enclosing ones too)."""
    outer = _reads.get()
    mine: list[Read] = []
    token = _reads.set(mine)
    try:
        yield mine
    finally:
        _reads.reset(token)
        if outer is not None:
            outer.extend(mine)
