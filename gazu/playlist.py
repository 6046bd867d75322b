"""``gazu.playlist``: review playlists, their entries, builds and share links.
Entries are edited on a copy of the caller's playlist: their dict is never changed.
The table's functions are generated (``gazu/_generated/playlist.py``); the functions below are written by hand."""

from __future__ import annotations

from typing import Any

from kitsu_models import catalogue as api
from kitsu_models.credentials import Secret

from ._calls import ROW, Record, Ref, Row, call, fields, record, ref
from ._generated import playlist as _generated
from ._generated.playlist import *  # noqa: F403 (the table's functions)
from .client import KitsuClient, default_client


def add_entity_to_playlist(
    playlist: Record, entity: Ref, preview_file: Ref | None = None, persist: bool = True,
    client: KitsuClient = default_client,
) -> Row:
    """The playlist with ``entity`` added (showing ``preview_file``, else its newest), saved with ``persist``."""
    target = ref(playlist) if persist else None  # checked before any request
    if preview_file is None:
        newest = [files[0] for files in get_entity_preview_files(entity, client).values() if files]
        preview_file = max(newest, key=lambda found: found["created_at"], default=None)
    entry = fields({"entity_id": ref(entity)}, preview_file_id=ref(preview_file))
    if target is not None:
        return call(client, "POST", api.PLAYLIST_ADD_ENTITY, {"playlist_id": target}, body=entry, result=ROW)
    return _with_shots(client, playlist, [*_shots(playlist), entry], False)


def remove_entity_from_playlist(
    playlist: Record, entity: Ref, persist: bool = True, client: KitsuClient = default_client
) -> Row:
    """The playlist without ``entity``'s entries; saved whole with ``persist``."""
    removed = ref(entity)
    kept = [entry for entry in _shots(playlist) if entry["entity_id"] != removed]
    return _with_shots(client, playlist, kept, persist)


def update_entity_preview(
    playlist: Record, entity: Ref, preview_file: Ref, persist: bool = True, client: KitsuClient = default_client
) -> Row:
    """The playlist showing ``preview_file`` for ``entity``; saved whole with ``persist``."""
    changed, shown = ref(entity), ref(preview_file)
    shots = [
        {**entry, "preview_file_id": shown} if entry["entity_id"] == changed else entry for entry in _shots(playlist)
    ]
    return _with_shots(client, playlist, shots, persist)


def new_share_link(
    playlist: Ref, expiration_date: str | None = None, can_comment: bool = True, password: str | Secret | None = None,
    client: KitsuClient = default_client,
) -> Row:
    """A new link sharing a playlist with guests (an expiry date and a password sent only when given)."""
    password = Secret.of(password) if password else None  # from here on, never a plain str in a traceback
    body = fields({"can_comment": can_comment}, expiration_date=expiration_date or None, password=password)
    return call(client, "POST", api.PLAYLIST_SHARE_LINKS, {"playlist_id": playlist}, body=body, result=ROW)


def _shots(playlist: Record) -> list[dict[str, Any]]:
    return list(record(playlist).get("shots") or [])


def _with_shots(client: KitsuClient, playlist: Record, shots: list[dict[str, Any]], persist: bool) -> Row:
    """A copy of ``playlist`` with these entries, PUT whole when ``persist``."""
    updated = {**record(playlist), "shots": shots}
    if persist:
        update_playlist(updated, client)
    return updated


__all__: list[str] = [
    "add_entity_to_playlist", "new_share_link", "remove_entity_from_playlist", "update_entity_preview",
]
__all__ += _generated.__all__
