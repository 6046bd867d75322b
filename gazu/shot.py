"""``gazu.shot``: episodes, sequences and shots, their asset instances, and importing shots from CSV or OTIO.

The one-call functions are generated (``gazu/_generated/shot.py``, from
``compat/functions/shot.py``); those below need code of their own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kitsu_models import catalogue as api
from kitsu_models.routes import Endpoint
from kitsu_models.streaming import ProgressCallback, StrPath

from ._calls import ROW, Ref, Row, call, field, fields, ref, upload
from ._generated import shot as _generated
from ._generated.shot import *  # noqa: F403 (the one-call functions)
from .cache import cache
from .client import KitsuClient, default_client, get_api_url_from_host


def new_episode(project: Ref, name: str, client: KitsuClient = default_client) -> Row:
    """The production's episode named ``name``, created when there is none."""
    return _got_or_created(client, api.PROJECT_EPISODES, project, {"name": name},
                           lambda: get_episode_by_name(project, name, client))


def new_sequence(project: Ref, name: str, episode: Ref | None = None, client: KitsuClient = default_client) -> Row:
    """The sequence named ``name`` (in ``episode`` when given, else in the production), created when there is none."""
    return _got_or_created(client, api.PROJECT_SEQUENCES, project, fields({"name": name}, episode_id=ref(episode)),
                           lambda: get_sequence_by_name(project, name, episode, client))


def new_shot(
    project: Ref,
    sequence: Ref,
    name: str,
    nb_frames: int | None = None,
    frame_in: int | None = None,
    frame_out: int | None = None,
    description: str | None = None,
    data: dict[str, Any] = {},  # noqa: B006 (the spec's default; never mutated)
    client: KitsuClient = default_client,
) -> Row:
    """The sequence's shot named ``name``, created when there is none
    (``frame_in`` and ``frame_out`` go into its ``data``)."""
    shot_data = fields(dict(data or {}), frame_in=frame_in, frame_out=frame_out)
    body = fields({"name": name, "data": shot_data, "sequence_id": ref(sequence)}, nb_frames=nb_frames,
                  description=description)
    return _got_or_created(client, api.PROJECT_SHOTS, project, body, lambda: get_shot_by_name(sequence, name, client))


def _got_or_created(
    client: KitsuClient, endpoint: Endpoint, project: Ref, body: Row, lookup: Callable[[], Row | None]
) -> Row:
    """What ``lookup`` finds, else the record ``body`` creates in the
    production (whose id is checked before the lookup is sent)."""
    ids = {"project_id": ref(project)}
    found = lookup()
    return found if found is not None else call(client, "POST", endpoint, ids, body=body, result=ROW)


@cache
def get_episode_from_sequence(sequence: Ref, client: KitsuClient = default_client) -> Row | None:
    """The sequence's episode, or None when it is in none (a dict with its ``parent_id`` is not read again)."""
    episode = field(client, sequence, "parent_id", api.SEQUENCE)
    return None if episode is None else get_episode(episode, client)


@cache
def get_sequence_from_shot(shot: Ref, client: KitsuClient = default_client) -> Row:
    """The shot's sequence (a dict with its ``parent_id`` is not read again)."""
    return get_sequence(field(client, shot, "parent_id", api.SHOT), client)


@cache
def get_episode_url(episode: Ref, client: KitsuClient = default_client) -> str:
    """The page of the episode's shots in Kitsu's web UI."""
    found = get_episode(episode, client)
    return f"{_production_url(found['project_id'], client)}/episodes/{found['id']}/shots"


@cache
def get_sequence_url(sequence: Ref, client: KitsuClient = default_client) -> str:
    """The sequence's page in Kitsu's web UI (under its episode when it has one)."""
    found = get_sequence(sequence, client)
    return f"{_production_url(found['project_id'], client, found.get('parent_id'))}/sequences/{found['id']}/"


@cache
def get_shot_url(shot: Ref, client: KitsuClient = default_client) -> str:
    """The shot's page in Kitsu's web UI (under its episode when it has one)."""
    found = get_shot(shot, client)
    return f"{_production_url(found['project_id'], client, found.get('episode_id'))}/shots/{found['id']}/"


@cache
def get_all_episodes_url(project: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's episodes in Kitsu's web UI (no request)."""
    return f"{_production_url(project, client)}/episodes/"


@cache
def get_all_sequences_url(project: Ref, client: KitsuClient = default_client) -> str:
    """The page of a production's sequences in Kitsu's web UI (no request)."""
    return f"{_production_url(project, client)}/sequences/"


def _production_url(project: Ref, client: KitsuClient, episode: str | None = None) -> str:
    """A production's web UI root, under ``episode`` when one is given."""
    base = f"{get_api_url_from_host(client)}/productions/{ref(project)}"
    return base if episode is None else f"{base}/episodes/{episode}"


def import_otio(
    project: Ref,
    otio_file_path: StrPath,
    episode: Ref | None = None,
    naming_convention: str | None = None,
    match_case: bool = True,
    client: KitsuClient = default_client,
    *,
    progress_callback: ProgressCallback | None = None,
) -> Any:
    """Create or update the production's shots (in ``episode`` when given)
    from an OpenTimelineIO file whose clip names follow ``naming_convention``
    (default: ``${project_name}_[${episode_name}-]${sequence_name}-${shot_name}``)."""
    if naming_convention is None:
        in_episode = "" if episode is None else "${episode_name}-"
        naming_convention = "${project_name}_" + in_episode + "${sequence_name}-${shot_name}"
    endpoint, ids = (api.IMPORT_OTIO, {}) if episode is None else (api.IMPORT_EPISODE_OTIO, {"episode_id": episode})
    form = {"naming_convention": naming_convention, "match_case": str(match_case)}
    return upload(client, endpoint, {"project_id": project, **ids}, [otio_file_path], fields=form,
                  progress=progress_callback)


__all__: list[str] = [
    "get_all_episodes_url", "get_all_sequences_url", "get_episode_from_sequence", "get_episode_url",
    "get_sequence_from_shot", "get_sequence_url", "get_shot_url", "import_otio", "new_episode", "new_sequence",
    "new_shot",
]
__all__ += _generated.__all__
