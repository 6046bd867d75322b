"""``gazu.edit``'s one-call functions (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS: tuple[Fn, ...] = (
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
