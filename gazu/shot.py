"""``gazu.shot``: episodes, sequences and shots, their asset instances, and importing shots from CSV or OTIO.
The table's functions are generated (``gazu/_generated/shot.py``); the functions below are written by hand."""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api
from kitsu_models.streaming import ProgressCallback, StrPath

from ._calls import Ref, upload
from ._generated import shot as _generated
from ._generated.shot import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client


def import_otio(
    project: Ref, otio_file_path: StrPath, episode: Ref | None = None, naming_convention: str | None = None,
    match_case: bool = True, client: KitsuClient = default_client, *, progress_callback: ProgressCallback | None = None,
) -> Any:
    """Create or update the production's shots (in ``episode`` when given) from an OpenTimelineIO file, its
    clip names following ``naming_convention`` (``${project_name}_[${episode_name}-]${sequence_name}-${shot_name}``)."""
    if naming_convention is None:
        in_episode = "" if episode is None else "${episode_name}-"
        naming_convention = "${project_name}_" + in_episode + "${sequence_name}-${shot_name}"
    endpoint, ids = (api.IMPORT_OTIO, {}) if episode is None else (api.IMPORT_EPISODE_OTIO, {"episode_id": episode})
    form = {"naming_convention": naming_convention, "match_case": str(match_case)}
    return upload(client, endpoint, {"project_id": project, **ids}, [otio_file_path], fields=form,
                  progress=progress_callback)


__all__: list[str] = ["import_otio"]
__all__ += _generated.__all__
