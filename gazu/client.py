"""``gazu.client``: the ``KitsuClient`` (one ``kitsu_models.Kitsu`` session,
exposed as ``client.kitsu``) and gazu's generic HTTP functions, sent through
that session's transport (timeouts, retries, token refresh, typed errors).

Paths given to these functions may carry a query string
(``fetch_all("tasks?project_id=...")``): it is split off and sent as
parameters, so the transport can check the path itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any
from urllib.parse import parse_qsl, urlencode

from kitsu_models import answers, errors
from kitsu_models.credentials import Tokens
from kitsu_models.ids import id_of
from kitsu_models.session import Kitsu
from kitsu_models.streaming import StrPath, file_parts

#: gazu's placeholder host: a client must be pointed at a real one (set_host).
DEFAULT_HOST = "http://gazu.change.serverhost/api"
JSON = Any


class KitsuClient:
    """A connection to one Kitsu API, as gazu scripts know it. ``kitsu`` is
    the typed session behind it, for switching one call at a time to models."""

    def __init__(
        self,
        host: str,
        ssl_verify: bool = True,
        cert: str | None = None,
        use_refresh_token: bool = True,
        callback_not_authenticated: Callable[..., Any] | None = None,
        tokens: Mapping[str, str | None] | None = None,
        access_token: str | None = None,
        refresh_token: str | None = None,
    ) -> None:
        self.ssl_verify = ssl_verify
        self.cert = cert
        self.use_refresh_token = use_refresh_token
        self.callback_not_authenticated = callback_not_authenticated
        self._host = host
        self.kitsu = Kitsu(host, verify=ssl_verify, cert=cert)
        self.event_host = host
        given = dict(tokens or {})
        self.tokens = {
            "access_token": access_token or given.get("access_token"),
            "refresh_token": refresh_token or given.get("refresh_token"),
        }

    def __repr__(self) -> str:
        return f"<KitsuClient {self._host}>"

    @property
    def host(self) -> str:
        return self._host

    @host.setter
    def host(self, host: str) -> None:
        """Point the client at another API: a new session, the same tokens."""
        tokens = self.kitsu.tokens
        self.kitsu.close()
        self.kitsu = Kitsu(host, verify=self.ssl_verify, cert=self.cert, tokens=tokens)
        self._host = host

    @property
    def tokens(self) -> dict[str, str | None]:
        """``{"access_token": ..., "refresh_token": ...}`` (a copy)."""
        tokens = self.kitsu.tokens
        if tokens is None:
            return {"access_token": None, "refresh_token": None}
        return {"access_token": tokens.access.reveal(), "refresh_token": tokens.refresh_text()}

    @tokens.setter
    def tokens(self, tokens: Mapping[str, str | None]) -> None:
        access = tokens.get("access_token")
        self.kitsu.set_tokens(Tokens.from_strings(access, tokens.get("refresh_token")) if access else None)

    @property
    def access_token(self) -> str | None:
        return self.tokens["access_token"]

    @property
    def refresh_token(self) -> str | None:
        return self.tokens["refresh_token"]

    def refresh_access_token(self) -> dict[str, str | None]:
        """Get a new access token now; returns the tokens."""
        if not self.refresh_token:
            raise errors.AuthenticationError("GET", "/auth/refresh-token", 401, "no refresh token")
        self.kitsu.refresh_token()
        return self.tokens

    def make_auth_header(self) -> dict[str, str]:
        """The headers gazu sends to authenticate (they hold the token)."""
        headers = {"User-Agent": "kitsu-models gazu"}
        if self.access_token:
            headers["Authorization"] = "Bearer " + self.access_token
        return headers

    def __enter__(self) -> KitsuClient:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.kitsu.is_authenticated:
                self.kitsu.log_out()
        finally:
            self.kitsu.close()


def create_client(
    host: str,
    ssl_verify: bool = True,
    cert: str | None = None,
    use_refresh_token: bool = False,
    callback_not_authenticated: Callable[..., Any] | None = None,
    **kwargs: Any,
) -> KitsuClient:
    """A new client on ``host`` (not logged in)."""
    return KitsuClient(host, ssl_verify, cert, use_refresh_token, callback_not_authenticated, **kwargs)


default_client = create_client(DEFAULT_HOST)


# ------------------------------------------------------------ the host
def host_is_up(client: KitsuClient = default_client) -> bool:
    return client.kitsu.host_is_up()


def host_is_valid(client: KitsuClient = default_client) -> bool:
    return client.kitsu.host_is_valid()


def get_host(client: KitsuClient = default_client) -> str:
    return client.host


def set_host(new_host: str, client: KitsuClient = default_client) -> str:
    client.host = new_host
    return client.host


def get_api_url_from_host(client: KitsuClient = default_client) -> str:
    """The Kitsu URL without its ``/api`` suffix (the web UI's)."""
    host = client.host.rstrip("/")
    return host[: -len("/api")] if host.endswith("/api") else host


def get_event_host(client: KitsuClient = default_client) -> str:
    return client.event_host


def set_event_host(new_host: str, client: KitsuClient = default_client) -> str:
    client.event_host = new_host
    return new_host


def set_tokens(new_tokens: Mapping[str, str | None], client: KitsuClient = default_client) -> dict[str, str | None]:
    client.tokens = new_tokens
    return client.tokens


def make_auth_header(client: KitsuClient = default_client) -> dict[str, str]:
    return client.make_auth_header()


def url_path_join(*items: str) -> str:
    return "/".join(item.strip("/") for item in items)


def get_full_url(path: str, client: KitsuClient = default_client) -> str:
    return url_path_join(client.host, path)


def build_path_with_params(path: str, params: Mapping[str, Any] | None) -> str:
    """``path`` with ``params`` url-encoded after it (lists as repeated keys)."""
    query = urlencode(params or {}, doseq=True)
    if not query:
        return path
    return path + ("&" if "?" in path else "?") + query


def check_status(request: Any, path: str) -> int:
    """The status of a ``requests`` response, or gazu's exception for it
    (the transport's own mapping of error answers)."""
    status = int(request.status_code)
    if status >= 400:
        raise answers.error_from_response("", path.lstrip("/"), status, request.reason or "", request.content or b"")
    return status


# ------------------------------------------------------------- requests
def _split(path: str, params: Mapping[str, Any] | None) -> tuple[str, dict[str, Any]]:
    """A gazu path may carry its query: split off, merged with ``params``."""
    route, _, query = path.partition("?")
    merged: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        merged.setdefault(key, []).append(value)
    flat = {key: values[0] if len(values) == 1 else values for key, values in merged.items()}
    return route.lstrip("/"), {**flat, **dict(params or {})}


def get(
    path: str, json_response: bool = True, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client
) -> Any:
    route, query = _split(path, params)
    if json_response:
        return client.kitsu.transport.get(route, query)
    return client.kitsu.transport.request("GET", route, params=query).content.decode("utf-8", "replace")


def post(path: str, data: Any, client: KitsuClient = default_client) -> Any:
    route, query = _split(path, None)
    return client.kitsu.transport.post(route, data, params=query or None)


def put(path: str, data: Any, client: KitsuClient = default_client) -> Any:
    route, query = _split(path, None)
    return client.kitsu.transport.put(route, data, params=query or None)


def delete(path: str, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client) -> str:
    route, query = _split(path, params)
    return client.kitsu.transport.request("DELETE", route, params=query).content.decode("utf-8", "replace")


def fetch_all(path: str, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client) -> list[Any]:
    found: list[Any] = get(url_path_join("data", path), params=params, client=client)
    return found


def fetch_first(path: str, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client) -> Any:
    entries = fetch_all(path, params, client=client)
    return entries[0] if entries else None


def fetch_one(model_name: str, id: str, client: KitsuClient = default_client) -> Any:  # noqa: A002 (gazu's name)
    return get(url_path_join("data", model_name, id_of(id)), client=client)


def create(model_name: str, data: Any, client: KitsuClient = default_client) -> Any:
    return post(url_path_join("data", model_name), data, client=client)


def update(model_name: str, model_id: str, data: Any, client: KitsuClient = default_client) -> Any:
    return put(url_path_join("data", model_name, id_of(model_id)), data, client=client)


def import_data(model_name: str, data: Any, client: KitsuClient = default_client) -> Any:
    return post(url_path_join("import", "kitsu", model_name), data, client=client)


def upload(
    path: str,
    file_path: StrPath,
    data: Mapping[str, Any] = {},  # noqa: B006 (gazu's signature; never mutated)
    extra_files: Sequence[StrPath] = [],  # noqa: B006
    client: KitsuClient = default_client,
) -> Any:
    """A multipart POST: ``file_path`` as part ``file``, the extra files as
    ``file-1``, ``file-2``..., ``data`` as form fields."""
    route, query = _split(path, None)
    parts = file_parts([file_path, *extra_files])
    fields = {key: value if isinstance(value, str) else json.dumps(value) for key, value in data.items()}
    return client.kitsu.transport.upload(route, parts, fields=fields, params=query or None)


def download(
    path: str, file_path: StrPath, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client
) -> int:
    """Stream ``path`` into ``file_path`` (atomic: complete or absent);
    returns the bytes written."""
    route, query = _split(path, params)
    return client.kitsu.transport.download(route, file_path, params=query or None)


def get_file_data_from_url(url: str, full: bool = False, client: KitsuClient = default_client) -> bytes:
    """The bytes at ``url``: a path of the API, or (``full``) one of its full URLs."""
    if full:
        base = client.host.rstrip("/") + "/"
        if not url.startswith(base):
            raise errors.InvalidArgumentError(f"{url!r} is not a URL of the client's host {client.host}")
        url = url[len(base):]
    route, query = _split(url, None)
    return client.kitsu.transport.request("GET", route, params=query).content


def get_api_version(client: KitsuClient = default_client) -> str:
    return client.kitsu.api_version()


def get_current_user(client: KitsuClient = default_client) -> dict[str, Any]:
    return client.kitsu.current_user()


__all__ = [
    "KitsuClient", "build_path_with_params", "check_status", "create", "create_client", "default_client",
    "delete", "download", "fetch_all", "fetch_first", "fetch_one", "get", "get_api_url_from_host", "get_api_version",
    "get_current_user", "get_event_host", "get_file_data_from_url", "get_full_url", "get_host", "host_is_up",
    "host_is_valid", "import_data", "make_auth_header", "post", "put", "set_event_host", "set_host", "set_tokens",
    "update", "upload", "url_path_join",
]
