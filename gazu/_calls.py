"""The mechanism every gazu function is a short translation onto.

- ids enter paths only through ``kitsu_models.routes.path`` (a dict, an id
  or a model; anything else is refused before a request is sent);
- reads return the server's JSON as sent, parsed afresh on every call and
  revalidated by ETag where the server sends one (no model is built);
- writes send the caller's values (never mutated) and merge the answer into
  the objects the client's session has loaded, so typed models and gazu
  calls can be mixed in one tool; deletes forget the deleted object;
- reads made under :func:`recording_reads` are noted, so ``gazu.cache``
  knows whether a cached answer can be revalidated.

No HTTP client of its own: everything goes through the session's transport.
"""

from __future__ import annotations

import contextvars
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar, Union

from kitsu_models import answers, checks, errors
from kitsu_models.ids import id_of
from kitsu_models.orm.base import KitsuModel
from kitsu_models.policy import Timeout
from kitsu_models.routes import path
from kitsu_models.streaming import ProgressCallback, StrPath, file_parts

from . import paths
from .client import KitsuClient, delete

Row = dict[str, Any]
#: What the spec calls "dict or ID": a dict with an "id", an id, or a model.
Ref = Union[str, Mapping[str, Any], KitsuModel]
#: A record to save: a dict (with its "id") or a model.
Record = Union[Mapping[str, Any], KitsuModel]
T = TypeVar("T")
Read = tuple[KitsuClient, str, "dict[str, Any] | None"]

_reads: contextvars.ContextVar[list[Read] | None] = contextvars.ContextVar("gazu_reads", default=None)


def query(params: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """Query parameters without the ``None`` ones (gazu leaves them out)."""
    kept = {key: value for key, value in (params or {}).items() if value is not None}
    return kept or None


def read(client: KitsuClient, template: str, params: Mapping[str, Any] | None = None, **ids: Any) -> Any:
    """GET ``template`` with its ids filled in: the server's JSON."""
    route, sent = path(template, **ids), query(params)
    reads = _reads.get()
    if reads is not None:
        reads.append((client, route, sent))
    return client.kitsu.transport.conditional_get(route, sent)


def read_list(client: KitsuClient, template: str, params: Mapping[str, Any] | None = None, **ids: Any) -> list[Row]:
    """A list answer (:class:`errors.UnexpectedAnswerError` if it is not one)."""
    return shaped(list, read(client, template, params, **ids), template)


def by_name(rows: list[Row]) -> list[Row]:
    """``rows`` in the order gazu gives its lists: by name, case aside."""
    return sorted(rows, key=lambda row: str(row.get("name") or "").lower())


def read_by_name(client: KitsuClient, template: str, params: Mapping[str, Any] | None = None, **ids: Any) -> list[Row]:
    """A list answer, by name, as gazu's ``all_*`` functions give it."""
    return by_name(read_list(client, template, params, **ids))


def read_row(client: KitsuClient, template: str, params: Mapping[str, Any] | None = None, **ids: Any) -> Row:
    """An object answer (:class:`errors.UnexpectedAnswerError` if it is not one)."""
    return shaped(dict, read(client, template, params, **ids), template)


def first(client: KitsuClient, template: str, params: Mapping[str, Any] | None = None, **ids: Any) -> Row | None:
    """The first row of a list query, or None: gazu's ``fetch_first``."""
    found = read_list(client, template, params, **ids)
    return found[0] if found else None


def write(
    client: KitsuClient, method: str, template: str, body: Any = None, params: Mapping[str, Any] | None = None,
    **ids: Any,
) -> Any:
    """POST or PUT ``body``; the answer is merged into loaded models."""
    route = path(template, **ids)
    answer = client.kitsu.transport.request(method, route, json=body, params=query(params))
    return _merged(client, route, answers.json_or_none(method, route, answer))


def send_files(
    client: KitsuClient,
    template: str,
    files: Sequence[Path],
    fields: Mapping[str, str] | None = None,
    params: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    timeout: Timeout | None = None,
    **ids: Any,
) -> Any:
    """POST ``files`` as multipart parts ``file``, ``file-1``..., streamed
    from disk (``progress(done, total)`` in bytes over all of them); the
    answer is merged into loaded models. A 413 raises ``TooBigFileException``."""
    route = path(template, **ids)
    answer = client.kitsu.transport.upload(
        route, file_parts(files), fields=fields, progress=checks.progress(progress), params=query(params), timeout=timeout
    )
    return _merged(client, route, answer)


def save_file(client: KitsuClient, route: str, file_path: StrPath, progress: ProgressCallback | None = None) -> int:
    """Stream the server's ``route`` (a filled path) into ``file_path``;
    the file appears only once complete. Returns the bytes written."""
    target = checks.local_path(file_path, "file_path")
    return client.kitsu.transport.download(route, target, progress=checks.progress(progress))


def _merged(client: KitsuClient, route: str, value: Any) -> Any:
    """``value``, the answer of a write at ``route``, once merged into the
    session's loaded object it describes."""
    if isinstance(value, dict):
        model = paths.model_of(route)
        if model is not None:
            client.kitsu.identity.merge_known(model, value)
    return value


def write_row(
    client: KitsuClient, method: str, template: str, body: Any = None, params: Mapping[str, Any] | None = None,
    **ids: Any,
) -> Row:
    """:func:`write` of a route that answers the record written."""
    return shaped(dict, write(client, method, template, body, params, **ids), template)


def update_data(client: KitsuClient, entity: Ref, data: Mapping[str, Any], what: str) -> Row:
    """Merge ``data`` into an entity's ``data``. The entity route merges
    key by key on the server, so only these keys are sent (gazu reads the
    entity and sends back its whole ``data``, undoing keys set meanwhile)."""
    body = {"id": id_of(entity, what=what), "data": dict(data)}
    return write_row(client, "PUT", paths.ENTITY, body, entity_id=entity)


def get_or_create(
    client: KitsuClient, lookup: Callable[[], Row | None], template: str, body: Mapping[str, Any], **ids: Any
) -> Row:
    """gazu's ``new_*``: the record ``lookup`` finds, as it is, else the one
    created at ``template``. Every id is checked before the lookup is sent."""
    route = path(template, **ids)
    found = lookup()
    if found is not None:
        return found
    return write_row(client, "POST", route, dict(body))


def remove(client: KitsuClient, template: str, force: bool = False, force_value: str = "True", **ids: Any) -> str:
    """DELETE, with ``?force=...`` when ``force``; the answer's text, as gazu
    returns it. The deleted object is forgotten by the session, so a later
    ``get`` reads the server again."""
    route = path(template, **ids)
    answer = delete(route, {"force": force_value} if force else None, client=client)
    model = paths.model_of(route)
    if model is not None:
        known = client.kitsu.identity.get(model, route.rsplit("/", 1)[-1])
        if known is not None:
            client.kitsu.identity.evict(known)
    return answer


def field(client: KitsuClient, value: Ref, key: str, template: str, name: str) -> Any:
    """``value[key]`` when ``value`` carries it (a dict or a model), else
    read from its record at ``template``, whose one placeholder is ``name``:
    gazu needs a dict there, ours also takes an id."""
    if isinstance(value, KitsuModel) and hasattr(value, key):
        return getattr(value, key)
    if isinstance(value, Mapping) and key in value:
        return value[key]
    return read_row(client, template, None, **{name: value}).get(key)


def ids_of(values: Any, what: str) -> list[str]:
    """A list of ids from a list of dicts, ids or models (None: [])."""
    return [id_of(value, what=what) for value in values or []]


def body_of(value: Record) -> Row:
    """A record given to an update, as the JSON body to send (a copy)."""
    if isinstance(value, KitsuModel):
        return value.to_dict()
    if not isinstance(value, Mapping):
        raise errors.InvalidArgumentError(f"expected a dict, got {type(value).__name__}")
    return dict(value)


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


def shaped(kind: type[T], value: Any, template: str) -> T:
    """``value``, the answer of ``template``, if it is a ``kind``
    (:class:`errors.UnexpectedAnswerError` if not)."""
    if not isinstance(value, kind):
        raise errors.UnexpectedAnswerError("", template, 200, f"expected a {kind.__name__}", answers.excerpt(value))
    return value
