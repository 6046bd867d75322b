"""``gazu.studio``'s table (see ``compat/functions/__init__.py``)."""

from __future__ import annotations

from kitsu_models import catalogue as api

from . import Fn

FUNCTIONS: tuple[Fn, ...] = (
    Fn("all_studios()", "GET", api.STUDIOS, "Every studio, by name.", result="by_name", cached=True),
    Fn("get_studio(studio_id)", "GET", api.STUDIO, "A studio's record.", cached=True),
    Fn("get_studio_by_name(studio_name)", "GET", api.STUDIOS, "The studio named ``studio_name``, or None.",
       result="first", cached=True, query={"name": "studio_name"}, types={"studio_name": "str"}),
    Fn("update_studio(studio)", "PUT", api.STUDIO, "Save a studio (its dict is sent as given).",
       body="record(studio)", types={"studio": "Record"}),
    Fn("remove_studio(studio, force=False)", "DELETE", api.STUDIO,
       "Delete a studio (``force`` is sent as gazu sends it; the server ignores it).", query={"force": "flag(force)"}),
)
