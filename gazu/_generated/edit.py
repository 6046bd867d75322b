"""``gazu.edit``'s table-made functions. Generated from ``compat/functions/edit.py``
by ``python compat/render.py``: do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kitsu_models import catalogue as api

from .._calls import BY_NAME, FIRST, ROW, Record, Ref, Row, TEXT, call, fields, flag, page_url, record, ref, update_data
from .._late import Late
from ..cache import cache
from .._clients import KitsuClient, default_client

if TYPE_CHECKING:
    from .. import edit as gazu_edit
else:
    gazu_edit = Late("gazu.edit")

__all__ = [
    "get_edit_url", "new_edit", "update_edit_data", "get_edit", "get_edit_by_name", "all_edits_for_project",
    "all_previews_for_edit", "remove_edit", "update_edit",
]


@cache
def get_edit_url(edit: Ref, client: KitsuClient = default_client) -> str:
    """The edit's page in Kitsu's web UI (under its episode when it has one)."""
    return page_url(client, gazu_edit.get_edit(edit, client=client), "edits", "episode_id")


def new_edit(
    project: Ref, name: str, description: str | None = None, data: dict[str, Any] | None = None,
    episode: Ref | None = None, client: KitsuClient = default_client,
) -> Row:
    """The production's edit named ``name``, created when there is none (in ``episode``: sent as ``episode_id``)."""
    ids = {"project_id": ref(project)}
    body = fields({"name": name, "data": dict(data or {})}, episode_id=ref(episode), description=description)
    found = gazu_edit.get_edit_by_name(project, name, client=client)
    if found is not None:
        return found
    return call(client, "POST", api.PROJECT_EDITS, ids, body=body, result=ROW)


def update_edit_data(edit: Ref, data: dict[str, Any] | None = None, client: KitsuClient = default_client) -> Row:
    """Merge ``data`` into the edit's ``data`` (only these keys are sent)."""
    return update_data(client, edit, data or {})


@cache
def get_edit(edit_id: Ref, client: KitsuClient = default_client) -> Row:
    """An edit's record."""
    return call(client, "GET", api.EDIT, {"edit_id": edit_id}, result=ROW)


@cache
def get_edit_by_name(project: Ref, edit_name: str, client: KitsuClient = default_client) -> Row | None:
    """The production's edit named ``edit_name``, or None."""
    return call(client, "GET", api.ALL_EDITS, params={"project_id": ref(project), "name": edit_name}, result=FIRST)


@cache
def all_edits_for_project(project: Ref, client: KitsuClient = default_client) -> list[Row]:
    """A production's edits, by name."""
    return call(client, "GET", api.PROJECT_EDITS, {"project_id": project}, result=BY_NAME)


@cache
def all_previews_for_edit(edit: Ref, client: KitsuClient = default_client) -> Any:
    """The preview files of an edit."""
    return call(client, "GET", api.EDIT_PREVIEWS, {"edit_id": edit})


def remove_edit(edit: Ref, force: bool = False, client: KitsuClient = default_client) -> str:
    """Delete an edit; without ``force`` the server only cancels one that has tasks."""
    return call(client, "DELETE", api.EDIT, {"edit_id": edit}, params={"force": flag(force)}, result=TEXT)


def update_edit(edit: Record, client: KitsuClient = default_client) -> Row:
    """Save an edit (its dict is sent as given)."""
    return call(client, "PUT", api.ENTITY, {"entity_id": edit}, body=record(edit), result=ROW)
