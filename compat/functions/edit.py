"""``gazu.edit``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Composed, Fn

FUNCTIONS: tuple[Fn | Composed, ...] = (
    Composed("get_edit_url(edit)", "str", "The edit's page in Kitsu's web UI (under its episode when it has one).",
             'page_url(client, get_edit(edit, client=client), "edits", "episode_id")', cached=True),
    # Departure: the episode is sent as ``episode_id``, which the server reads (1.3.1 sends ``parent_id``,
    # which it ignores).
    Fn("new_edit(project, name, description=None, data=None, episode=None)", "POST", api.PROJECT_EDITS,
       "The production's edit named ``name``, created when there is none (in ``episode``: sent as ``episode_id``).",
       body={"name": "name", "data": "dict(data or {})", "episode_id?": "ref(episode)", "description?": "description"},
       lookup="get_edit_by_name(project, name, client=client)",
       types={"description": "str | None", "data": "dict[str, Any] | None"}),
    Composed("update_edit_data(edit, data=None)", "Row", "Merge ``data`` into the edit's ``data`` (only these keys are sent).",
             "update_data(client, edit, data or {})", types={"data": "dict[str, Any] | None"}),
    Fn("get_edit(edit_id)", "GET", api.EDIT, "An edit's record.", cached=True),
    Fn("get_edit_by_name(project, edit_name)", "GET", api.ALL_EDITS,
       "The production's edit named ``edit_name``, or None.", result="first", cached=True,
       query={"project_id": "ref(project)", "name": "edit_name"}, types={"edit_name": "str"}),
    Fn("all_edits_for_project(project)", "GET", api.PROJECT_EDITS, "A production's edits, by name.",
       result="by_name", cached=True),
    Fn("all_previews_for_edit(edit)", "GET", api.EDIT_PREVIEWS, "The preview files of an edit.", cached=True),
    Fn("remove_edit(edit, force=False)", "DELETE", api.EDIT,
       "Delete an edit; without ``force`` the server only cancels one that has tasks.",
       query={"force": "flag(force)"}),
    Fn("update_edit(edit)", "PUT", api.ENTITY, "Save an edit (its dict is sent as given).",
       ids={"entity_id": "edit"}, body="record(edit)", types={"edit": "Record"}),
)
