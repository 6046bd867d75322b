"""``gazu.client``'s table-made functions. Generated from ``compat/functions/client.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api
from kitsu_models.ids import segment_of

from .._late import Late
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import client as gazu_client
else:
    gazu_client = Late("gazu.client")

__all__ = [
    "host_is_up", "host_is_valid", "get_host", "get_api_url_from_host", "get_event_host", "make_auth_header",
    "get_full_url", "fetch_one", "create", "update", "import_data", "get_current_user", "get_api_version",
]


def host_is_up(client: KitsuClient = default_client) -> bool:
    """Whether the host answers at all (a HEAD of the API root)."""
    return client.kitsu.host_is_up()


def host_is_valid(client: KitsuClient = default_client) -> bool:
    """Whether the host is a Kitsu API (it refuses an empty login as one does)."""
    return client.kitsu.host_is_valid()


def get_host(client: KitsuClient = default_client) -> str:
    """The API host the client sends to."""
    return client.host


def get_api_url_from_host(client: KitsuClient = default_client) -> str:
    """The Kitsu URL without its ``/api`` suffix (the web UI's)."""
    return client.host.removesuffix("/api")


def get_event_host(client: KitsuClient = default_client) -> str:
    """The event stream's host (the API host unless set)."""
    return client.event_host or client.host


def make_auth_header(client: KitsuClient = default_client) -> dict[str, str]:
    """The headers gazu sends to authenticate (they hold the token)."""
    return client.make_auth_header()


def get_full_url(path: str, client: KitsuClient = default_client) -> str:
    """The full URL of an API path on the client's host."""
    return gazu_client.url_path_join(gazu_client.get_host(client), path)


def fetch_one(
    model_name: str, id: str, params: Mapping[str, Any] | None = None, client: KitsuClient = default_client,
) -> Any:
    """The record ``data/<model_name>/<id>``."""
    return gazu_client.get(gazu_client.url_path_join("data", model_name, segment_of(id)), params=params, client=client)


def create(model_name: str, data: Any, client: KitsuClient = default_client) -> Any:
    """A new ``model_name`` record with ``data``: the record."""
    return gazu_client.post(gazu_client.url_path_join("data", model_name), data, client=client)


def update(model_name: str, model_id: str, data: Any, client: KitsuClient = default_client) -> Any:
    """The record ``data/<model_name>/<model_id>`` with ``data`` changed: the record."""
    return gazu_client.put(gazu_client.url_path_join("data", model_name, segment_of(model_id)), data, client=client)


def import_data(model_name: str, data: Any, client: KitsuClient = default_client) -> Any:
    """Create or update ``model_name`` records from ``data`` (a list)."""
    return gazu_client.post(gazu_client.url_path_join("import", "kitsu", model_name), data, client=client)


def get_current_user(client: KitsuClient = default_client) -> dict[str, Any]:
    """The logged-in user's record."""
    returned: dict[str, Any] = gazu_client.get(api.AUTHENTICATED.template, client=client)["user"]
    return returned


def get_api_version(client: KitsuClient = default_client) -> str:
    """The API's version (its root's ``version``)."""
    return str(gazu_client.get("", client=client)["version"])
