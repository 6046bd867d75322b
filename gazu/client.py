"""``gazu.client``: gazu's generic HTTP functions, sent through a ``KitsuClient``'s session (``client.kitsu``,
the default client unless given; the client objects are in ``gazu._clients``), their errors raised as 1.3.1
raises them.

A path given to these functions may carry a query (``fetch_all("tasks?project_id=...")``): it is split
off and sent as parameters, so the transport can check the path itself."""

from __future__ import annotations

import io
import json
import os
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import requests

from kitsu_models import errors
from kitsu_models.answers import Answer
from kitsu_models.streaming import ProgressCallback, StrPath, file_parts

from . import exception
from ._clients import KitsuClient, _secret_tokens, create_client, default_client
from ._generated import client as _generated
from ._generated.client import *  # noqa: F403 (the table's functions)
from .exception import translated

#: 1.3.1's wait between two tries of a download the server still prepares (202 without Retry-After).
DEFAULT_RETRY_AFTER = 5.0
#: The statuses 1.3.1's ``check_status`` raises for (others pass).
_RAISED = frozenset({400, 401, 403, 404, 405, 413, 422, 500, 502})


def set_host(new_host: str, client: KitsuClient = default_client) -> str:
    client.host = new_host
    return client.host


def set_event_host(new_host: str, client: KitsuClient = default_client) -> str:
    client.event_host = new_host
    return client.event_host


def set_tokens(new_tokens: Mapping[str, Any], client: KitsuClient = default_client) -> dict[str, Any]:
    """Use these tokens (a dict with ``access_token``...); returns them as set."""
    new_tokens = _secret_tokens(new_tokens)
    client.tokens = new_tokens
    return client.tokens


def url_path_join(*items: str) -> str:
    return "/".join(item.strip("/") for item in items)


def build_path_with_params(path: str, params: Mapping[str, Any] | None) -> str:
    """``path`` with ``params`` url-encoded after it (lists as repeated keys)."""
    query = urlencode(params or {}, doseq=True)
    if not query:
        return path
    return path + ("&" if "?" in path else "?") + query


def get_message_from_data(message_json: Any, default_message: str = exception.NO_MESSAGE) -> str:
    """The server's message in an answer's JSON (``message`` or ``error``, with the fields a validation refused)."""
    message = default_message
    if not isinstance(message_json, dict):
        return message
    message = next(
        (value for value in (message_json.get("message"), message_json.get("error")) if isinstance(value, str) and value),
        message,
    )
    data = message_json.get("data")
    refused = data.get("errors") if isinstance(data, dict) else None
    details = ", ".join(
        f"{item.get('field')}: {item.get('message')}" for item in refused or [] if isinstance(item, dict)
    ) if isinstance(refused, list) else ""
    return f"{message} ({details})" if details else message


def get_message_from_response(response: Any, default_message: str = exception.NO_MESSAGE) -> str:
    """:func:`get_message_from_data` of a response's JSON body."""
    return get_message_from_data(_json(response), default_message)


def _json(response: Any, default: Any = None) -> Any:
    """A response's JSON body, else ``default``."""
    try:
        return response.json()
    except ValueError:
        return default


def check_status(request: Any, path: str, client: KitsuClient | None = None) -> tuple[int, bool]:
    """A response's status and whether to send it again (401: once the token is refreshed), or gazu's exception."""
    status = int(request.status_code)
    if status in (401, 422) and _refreshed(request, client):
        return status, True
    if status not in _RAISED:
        return status, False
    raise exception.for_status(status, path, get_message_from_response(request, ""))


def _refreshed(response: Any, client: KitsuClient | None) -> bool:
    """For a 401 (or 422 "Signature has expired"): whether the token was refreshed or the callback asks again."""
    body = _json(response)
    expired = isinstance(body, dict) and body.get("message") == "Signature has expired"
    if int(response.status_code) == 422 and not expired:
        return False
    if client is not None and expired and client.refresh_token and client.use_refresh_token:
        client.refresh_access_token()
        return True
    return client is not None and client.callback_not_authenticated is not None and bool(
        client.callback_not_authenticated(client, "")
    )


def _split(path: str, params: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """A gazu path may carry its query: split off, merged with ``params``."""
    route, _, query = path.partition("?")
    merged: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        merged.setdefault(key, []).append(value)
    flat = {key: values[0] if len(values) == 1 else values for key, values in merged.items()}
    return route.lstrip("/"), {**flat, **dict(params or {})}


def _send(method: str, path: str, params: Mapping[str, Any] | None, body: Any, client: KitsuClient) -> Any:
    route, query = _split(path, params)
    with translated(route, query):
        return client.kitsu.transport.request(method, route, params=query or None, json=body)


def get(
    path: str, json_response: bool = True, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client
) -> Any:
    """GET ``path``: its JSON, or (``json_response=False``) its text."""
    answer = _send("GET", path, params, None, client)
    return answer.json() if json_response else answer.content.decode("utf-8", "replace")


def post(path: str, data: Any, client: KitsuClient = default_client) -> Any:
    """POST ``data`` as JSON to ``path``: the answer's JSON, or its text when it is not JSON."""
    return _json_or_text(_send("POST", path, None, data, client))


def put(path: str, data: Any, client: KitsuClient = default_client) -> Any:
    """PUT ``data`` as JSON to ``path``: the answer's JSON."""
    return _json_or_text(_send("PUT", path, None, data, client))


def _json_or_text(answer: Any) -> Any:
    try:
        return answer.json()
    except ValueError:
        return answer.content.decode("utf-8", "replace")


def delete(path: str, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client) -> str:
    """DELETE ``path``: the answer's text."""
    return str(_send("DELETE", path, params, None, client).content.decode("utf-8", "replace"))


def fetch_all(
    path: str, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client,
    paginated: bool = False, limit: int | None = None, fields: Sequence[str] | str | None = None,
) -> list[Any]:
    """Every entry of ``data/<path>``: page by page (``limit`` each) when ``paginated``, with ``fields`` only."""
    query = _listing_query(params, paginated, limit, fields)
    url = url_path_join("data", path)
    answer = get(url, params=query, client=client)
    if not paginated:
        return answer  # type: ignore[no-any-return]
    found = list(answer.get("data", []))
    for page in range(2, int(answer.get("nb_pages", 1)) + 1):
        found.extend(get(url, params={**query, "page": page}, client=client).get("data", []))
    return found


def _listing_query(
    params: Mapping[str, Any] | None, paginated: bool, limit: int | None, fields: Sequence[str] | str | None
) -> dict[str, Any]:
    """``fetch_all``'s query (the blocking and the async one's): ``fields`` joined, the first page when paginated."""
    query = dict(params or {})
    if fields is not None:
        query["fields"] = fields if isinstance(fields, str) else ",".join(fields)
    if paginated:
        query["page"] = 1
        if limit is not None:
            query["limit"] = limit
    return query


def fetch_first(path: str, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client) -> Any:
    """The first entry of ``data/<path>``, or None."""
    entries = get(url_path_join("data", path), params=params, client=client)
    return entries[0] if entries else None


def upload(
    path: str, file_path: StrPath | None = None, data: Mapping[str, Any] = {},  # noqa: B006 (the spec's; not mutated)
    extra_files: Sequence[StrPath] = [], files: Mapping[str, Any] | None = None,  # noqa: B006
    client: KitsuClient = default_client, progress_callback: ProgressCallback | None = None,
) -> Any:
    """A multipart POST streamed from disk: ``file_path`` as part ``file``, the extra files as ``file-1``... (or
    ``files`` as requests takes them), ``data`` as form fields; an answer with a message raises, as in gazu."""
    route, query = _split(path, None)
    fields = {key: _form_value(value) for key, value in (data or {}).items() if value is not None}
    parts: Sequence[tuple[str, StrPath]]
    with tempfile.TemporaryDirectory(prefix="gazu-upload-") as folder:
        if files:
            parts, form = _parts_on_disk(files, folder)
            fields.update(form)
        else:
            parts = file_parts([p for p in (file_path, *extra_files) if p is not None])
        with translated(route, query):
            answer = client.kitsu.transport.upload(route, parts, fields=fields, progress=progress_callback,
                                                   params=query or None)
    message = get_message_from_data(answer, "")
    if message:
        raise exception.UploadFailedException(message)
    return answer


def _form_value(value: Any) -> str:
    """A form field's text, as requests writes it (a list or dict: its JSON)."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return value if isinstance(value, str) else json.dumps(value) if isinstance(value, (list, tuple, dict)) else str(value)


def _parts_on_disk(files: Mapping[str, Any], folder: str) -> tuple[list[tuple[str, StrPath]], dict[str, str]]:
    """requests' ``files`` as parts streamed from disk: a path object as it is; an open file, bytes or text
    written into ``folder`` under its file name. As in requests, a tuple whose file name is None is a form
    field, a content of None is left out."""
    parts: list[tuple[str, StrPath]] = []
    fields: dict[str, str] = {}
    for index, (name, value) in enumerate(files.items()):
        if isinstance(value, os.PathLike):
            parts.append((name, value))
            continue
        if isinstance(value, (tuple, list)):
            file_name, content = value[0], value[1]
        else:
            own = getattr(value, "name", None)
            file_name, content = own if isinstance(own, str) and not own.startswith("<") else name, value
        if content is None:
            continue
        if file_name is None:
            fields[name] = _form_value(content.read() if hasattr(content, "read") else content)
            continue
        target = Path(folder, str(index), Path(str(file_name)).name or name)
        target.parent.mkdir()
        with target.open("wb") as out:
            for chunk in _chunks(content):
                out.write(chunk.encode("utf-8") if isinstance(chunk, str) else bytes(chunk))
        parts.append((name, target))
    return parts, fields


def _chunks(content: Any) -> Iterator[Any]:
    """An open file's content piece by piece (bytes or text), or ``content`` itself."""
    if not hasattr(content, "read"):
        yield content
        return
    while chunk := content.read(1 << 20):
        yield chunk


def download(
    path: str, file_path: StrPath, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client,
    progress_callback: ProgressCallback | None = None, processing_timeout: float = 60,
) -> requests.Response:
    """Stream ``path`` into ``file_path``; returns the closed response, as 1.3.1. A file the server still prepares
    (202) is asked again, as ``Retry-After`` says, for ``processing_timeout`` seconds."""
    route, query = _split(path, params)
    deadline = time.monotonic() + processing_timeout
    while True:
        try:
            with translated(route, query):
                answer = client.kitsu.transport.fetch(route, file_path, query or None, progress_callback)[1]
            return _closed_response(answer, client.kitsu.transport.url(route))
        except errors.StillProcessingError as exc:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise exception.PreviewFileProcessingException(exception.as_sent(route, query)) from None
            time.sleep(min(exc.retry_after or DEFAULT_RETRY_AFTER, remaining))


def _closed_response(answer: Answer, url: str) -> requests.Response:
    """A download's response as 1.3.1 returns it, closed: its status, headers and URL (the body is in the file)."""
    response = requests.Response()
    response.status_code, response.url = answer.status, url
    response.headers.update(answer.headers)
    response._content = b""
    response.raw = io.BytesIO()
    response.raw.close()
    return response


def get_file_data_from_url(url: str, full: bool = False, client: KitsuClient = default_client) -> bytes:
    """The bytes at ``url``: a path of the API, or (``full``) one of its full URLs."""
    if full:
        base = client.host.rstrip("/") + "/"
        if not url.startswith(base):
            raise errors.InvalidArgumentError(f"{url!r} is not a URL of the client's host {client.host}")
        url = url[len(base):]
    return bytes(_send("GET", url, None, None, client).content)


__all__ = [
    "KitsuClient", "build_path_with_params", "check_status", "create_client", "default_client", "delete", "download",
    "fetch_all", "fetch_first", "get", "get_file_data_from_url", "get_message_from_data", "get_message_from_response",
    "post", "put", "set_event_host", "set_host", "set_tokens", "upload", "url_path_join",
]
__all__ += _generated.__all__
