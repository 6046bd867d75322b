"""``gazu.client``'s table (see ``compat/functions/__init__.py``): its functions
that are one expression over the client or over its generic requests (``get``,
``post``, ``put``, written by hand in ``gazu/client.py`` and called through
the module, so that a patch of ``gazu.client.get`` reaches them, as in 1.3.1)."""

from __future__ import annotations

from . import Composed

_PARAMS = {"params": "Mapping[str, Any] | None"}
_RECORD = {"model_name": "str", "model_id": "str", "id": "str", "data": "Any"}

FUNCTIONS: tuple[Composed, ...] = (
    Composed("host_is_up()", "bool", "Whether the host answers at all (a HEAD of the API root).",
             "client.kitsu.host_is_up()"),
    Composed("host_is_valid()", "bool", "Whether the host is a Kitsu API (it refuses an empty login as one does).",
             "client.kitsu.host_is_valid()"),
    Composed("get_host()", "str", "The API host the client sends to.", "client.host"),
    Composed("get_api_url_from_host()", "str", "The Kitsu URL without its ``/api`` suffix (the web UI's).",
             'client.host.removesuffix("/api")'),
    Composed("get_event_host()", "str", "The event stream's host (the API host unless set).",
             "client.event_host or client.host"),
    Composed("make_auth_header()", "dict[str, str]", "The headers gazu sends to authenticate (they hold the token).",
             "client.make_auth_header()"),
    Composed("get_full_url(path)", "str", "The full URL of an API path on the client's host.",
             "gazu_client.url_path_join(gazu_client.get_host(client), path)"),
    Composed("fetch_one(model_name, id, params=None)", "Any", "The record ``data/<model_name>/<id>``.",
             'gazu_client.get(gazu_client.url_path_join("data", model_name, segment_of(id)), params=params, '
             'client=client)', types={**_PARAMS, **_RECORD}),
    Composed("create(model_name, data)", "Any", "A new ``model_name`` record with ``data``: the record.",
             'gazu_client.post(gazu_client.url_path_join("data", model_name), data, client=client)', types=_RECORD),
    Composed("update(model_name, model_id, data)", "Any",
             "The record ``data/<model_name>/<model_id>`` with ``data`` changed: the record.",
             'gazu_client.put(gazu_client.url_path_join("data", model_name, segment_of(model_id)), data, '
             'client=client)', types=_RECORD),
    Composed("import_data(model_name, data)", "Any", "Create or update ``model_name`` records from ``data`` (a list).",
             'gazu_client.post(gazu_client.url_path_join("import", "kitsu", model_name), data, client=client)',
             types=_RECORD),
    Composed("get_current_user()", "dict[str, Any]", "The logged-in user's record.",
             'gazu_client.get(api.AUTHENTICATED.template, client=client)["user"]'),
    Composed("get_api_version()", "str", "The API's version (its root's ``version``).",
             'str(gazu_client.get("", client=client)["version"])'),
)
