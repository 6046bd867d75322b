"""``gazu.edit``: edits (cuts made of shots) and their previews.

The one-call functions are generated (``gazu/_generated/edit.py``, from
``compat/functions/edit.py``); those below need code of their own.
"""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api

from ._calls import ROW, Ref, Row, call, fields, ref, update_data
from ._generated import edit as _generated
from ._generated.edit import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host


@cache
def get_edit_url(edit: Ref, client: KitsuClient = default_client) -> str:
    """The edit's page in Kitsu's web UI (under its episode when it has one)."""
    found = get_edit(edit, client)
    episode = "" if found.get("episode_id") is None else f"episodes/{found['episode_id']}/"
    return f"{get_api_url_from_host(client)}/productions/{found['project_id']}/{episode}edits/{found['id']}/"


def new_edit(
    project: Ref,
    name: str,
    description: str | None = None,
    data: dict[str, Any] | None = None,
    episode: Ref | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """The production's edit named ``name``, created when there is none (in
    ``episode`` when given: sent as ``episode_id``, which the server reads;
    gazu 1.3.1 sends ``parent_id``, which it ignores)."""
    body = fields({"name": name, "data": dict(data or {})}, episode_id=ref(episode), description=description)
    found = get_edit_by_name(project, name, client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECT_EDITS, {"project_id": project}, body=body, result=ROW)


def update_edit_data(edit: Ref, data: dict[str, Any] | None = None, client: KitsuClient = default_client) -> Row:
    """Merge ``data`` into the edit's ``data`` (only these keys are sent)."""
    return update_data(client, edit, data or {})


__all__: list[str] = ["get_edit_url", "new_edit", "update_edit_data"]
__all__ += _generated.__all__
