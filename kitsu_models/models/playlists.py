"""Review playlists: ``Playlist`` and its entries (``PlaylistEntry``).

The server keeps a playlist's entries in its ``shots`` JSON list, one dict
per entry: ``{"entity_id", "preview_file_id"}`` (the entity shown and the
preview chosen for it; an entity may appear once per preview). The list is
replaced whole by ``PUT data/playlists/{id}``, so changing the entries
changes one field, ``shots``: ``playlist.save()`` sends only that key (the
full new list) and leaves the other fields alone.

``playlist.entries`` reads that list as typed, read-only ``PlaylistEntry``
objects whose ``entity`` (a ``Shot``, an ``Asset``...) and ``preview_file``
load for all the entries at once. Change the entries with
:meth:`Playlist.add_entity`, :meth:`Playlist.remove_entity`,
:meth:`Playlist.set_entry_preview` (or by assigning ``playlist.entries``),
then ``save()``::

    playlist = Playlist(name="Daily", project_id=project.id, episode_id=episode.id).save(kitsu)
    playlist.add_entity(shot)                 # its latest preview
    playlist.add_entity(other, preview_file)  # a chosen one
    playlist.save()                           # PUT {"shots": [...]}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Literal, NoReturn, overload

from typing_extensions import Self

from .. import catalogue as api
from .. import errors
from ..ids import id_of
from ..orm.base import Id, KitsuModel, computed, server_filled
from ..orm.collection import ModelList
from ..orm.relations import MaybeToOne, Relation, ToMany, ToOne, reload_absent, settable
from ..orm.state import Origin, origin_of, rebind
from ..exchange import Plan
from ..routes import Route
from . import breakdown, people, previews, production, tasks

if TYPE_CHECKING:
    from ..orm.session_api import Session

#: What a playlist reviews (the server refuses other values).
PlaylistFor = Literal["shot", "asset", "sequence", "edit", "episode"]


class PlaylistEntry(KitsuModel):
    """One entity of a playlist with the preview chosen for it: an item of
    the playlist's ``shots`` list. It has no id of its own and is not in the
    session's identity map; it is read-only (change it through its
    playlist). Two entries are equal when they show the same entity with
    the same preview."""

    entity_id: Id
    preview_file_id: Id | None = None
    # Added by GET data/projects/{project_id}/playlists/{id} (read-only):
    # the entity's previews by task type and the chosen preview's details.
    preview_files: dict[str, list[dict[str, Any]]] | list[Any] | None = computed()
    preview_file_extension: str | None = computed()
    preview_file_revision: int | None = computed()
    preview_file_width: int | None = computed()
    preview_file_height: int | None = computed()
    preview_file_duration: float | None = computed()
    preview_file_status: str | None = computed()
    preview_file_task_id: Id | None = computed()
    preview_file_previews: list[dict[str, Any]] | None = computed()

    entity: ToOne[breakdown.Entity] = ToOne(lambda: breakdown.Entity, "entity_id", init=False)
    preview_file: MaybeToOne[previews.PreviewFile] = MaybeToOne(
        lambda: previews.PreviewFile, "preview_file_id", init=False
    )

    if not TYPE_CHECKING:

        def __setattr__(self, name: str, value: Any) -> None:
            if name.startswith("_"):
                super().__setattr__(name, value)
                return
            raise errors.InvalidArgumentError(
                f"a playlist entry is read-only ({name}): change it through its playlist "
                "(add_entity, remove_entity, set_entry_preview), then save the playlist"
            )

    def as_shot(self) -> dict[str, Any]:
        """The entry as the server stores it in the playlist's ``shots``."""
        return {"entity_id": self.entity_id, "preview_file_id": self.preview_file_id}

    def save(self, session: Session | None = None) -> NoReturn:
        """Refused: an entry is saved with its playlist."""
        raise errors.InvalidArgumentError("a playlist entry is saved with its playlist: call playlist.save()")

    def delete(self, *, force: bool = False) -> NoReturn:
        """Refused: an entry is removed through its playlist."""
        raise errors.InvalidArgumentError("remove an entry with playlist.remove_entity(), then playlist.save()")

    def refresh(self) -> NoReturn:
        """Refused: an entry is reloaded with its playlist."""
        raise errors.InvalidArgumentError("an entry is reloaded with its playlist: call playlist.refresh()")

    def __repr_args__(self) -> Any:
        yield "entity_id", self.entity_id
        yield "preview_file_id", self.preview_file_id

    def __eq__(self, other: object) -> bool:
        if isinstance(other, PlaylistEntry):
            return (self.entity_id, self.preview_file_id) == (other.entity_id, other.preview_file_id)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.entity_id, self.preview_file_id))


class PlaylistEntries(ModelList[PlaylistEntry]):
    """A playlist's entries, in playlist order. Read-only: a change made
    here would not reach the playlist (use its methods, or assign a new
    list to ``playlist.entries``)."""

    def _read_only(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise errors.InvalidArgumentError(
            "playlist.entries is read-only: use playlist.add_entity / remove_entity / set_entry_preview, "
            "or assign a new list to playlist.entries"
        )

    def for_entity(self, entity: breakdown.Entity | str) -> list[PlaylistEntry]:
        """The entries showing ``entity`` (several when it is shown with
        several previews)."""
        entity_id = _entity_id(entity)
        return [entry for entry in self if entry.entity_id == entity_id]


# The list's mutators raise. Set after the class, so that type checkers keep
# list's own signatures for them instead of inferring overrides.
for _mutator in (
    "append", "extend", "insert", "remove", "clear", "sort", "reverse", "pop",
    "__setitem__", "__delitem__", "__iadd__", "__imul__",
):
    setattr(PlaylistEntries, _mutator, PlaylistEntries._read_only)


def _has_shots(playlist: KitsuModel) -> bool:
    """The playlist's ``shots`` are known: loaded from a route that sends
    them (the production's playlist list does not), or it is new."""
    return "shots" in playlist.__pydantic_fields_set__ or not playlist.id


class _Entries(Relation):
    """``playlist.entries``: the ``shots`` list as typed entries.

    No request when the playlist came with its ``shots``; otherwise (rows of
    ``data/projects/{id}/playlists``) the playlists of its cohort lacking
    them are fetched together. The entries of all the playlists built
    together form one cohort, so ``entry.entity`` loads the entities of
    every one of them at once. Cached until ``shots`` changes.
    """

    #: Assigning ``shots``, or a reload bringing other ``shots``, drops the
    #: cached entries (see ``forget_changed_links``).
    ids_field = "shots"

    def needs_request(self, obj: KitsuModel) -> bool:
        """Only when the playlist came without its ``shots``."""
        return not _has_shots(obj)

    @overload
    def __get__(self, obj: None, owner: type[Any]) -> Self: ...
    @overload
    def __get__(self, obj: Playlist, owner: type[Any]) -> PlaylistEntries: ...
    def __get__(self, obj: Playlist | None, owner: type[Any]) -> Self | PlaylistEntries:
        if obj is None:
            return self
        if origin_of(obj) is None:
            # A new playlist of no session yet: nothing to cache (its
            # entries get the session once it is saved).
            obj._check_alive()
            return _entries_of(obj, ModelList(), None)
        result: PlaylistEntries = self._resolve(obj)
        return result

    def __set__(self, obj: Playlist, value: Iterable[PlaylistEntry]) -> None:
        """Replace the entries (to reorder or filter them): ``shots`` changes."""
        entries = list(value)
        for entry in entries:
            if not isinstance(entry, PlaylistEntry):
                raise errors.InvalidArgumentError(f"playlist.entries takes PlaylistEntry objects, got {entry!r}")
        obj.shots = [entry.as_shot() for entry in entries]

    def plan_load(self, owners: Sequence[KitsuModel]) -> Plan[None]:
        """Build the entries of ``owners``, fetching the ``shots`` they lack in one batch."""
        playlists = [owner for owner in owners if isinstance(owner, Playlist)]
        if playlists[0].session.strict:
            # Strict mode let this load happen because the playlist asked
            # has its shots: members lacking theirs stay unloaded.
            playlists = [owner for owner in playlists if _has_shots(owner)]
        yield from reload_absent(playlists, "shots")
        for owner in playlists:
            if not _has_shots(owner):  # deleted meanwhile
                raise errors.ModelNotFoundError("Playlist", owner.id, "/" + api.PLAYLISTS.template)
        self._build(playlists)

    def _build(self, owners: list[Playlist]) -> None:
        """Entries for ``owners`` (session-bound playlists), all in one cohort."""
        session = owners[0].session
        cohort: ModelList[PlaylistEntry] = ModelList(session=session)
        origin = Origin(session, cohort)
        for owner in owners:
            self.store(owner, _entries_of(owner, cohort, origin))


def _entries_of(playlist: Playlist, cohort: ModelList[PlaylistEntry], origin: Origin | None) -> PlaylistEntries:
    """The entries of ``playlist``'s ``shots``, appended to ``cohort`` too."""
    entries = PlaylistEntries(session=cohort.session)
    for shot in playlist.shots or ():
        entry = _entry_from_shot(shot)
        if entry is None:
            continue
        if origin is not None:
            rebind(entry, origin)
        list.append(entries, entry)
        list.append(cohort, entry)
    return entries


def _entry_from_shot(shot: Any) -> PlaylistEntry | None:
    """An entry for one item of ``shots``; None for an item the server
    would drop too (not a dict, no entity)."""
    if not isinstance(shot, dict):
        return None
    values = dict(shot)
    if not values.get("entity_id"):
        if not values.get("id"):
            return None
        values["entity_id"] = values["id"]  # the older form, still accepted by the server
    values["preview_file_id"] = values.get("preview_file_id") or None  # "" is sent for none
    return PlaylistEntry.model_validate(values)


def _entity_id(entity: KitsuModel | str) -> str:
    return id_of(entity, breakdown.Entity, "entity id")


def _preview_id(preview_file: KitsuModel | str) -> str:
    return id_of(preview_file, previews.PreviewFile, "preview file id")


class Playlist(KitsuModel):
    """A review playlist of a production (or of one of its episodes)."""

    __route__: ClassVar[Route] = Route(
        api.PLAYLISTS,
        api.PLAYLIST,
        create_fields=(
            "name", "project_id", "episode_id", "task_type_id", "for_entity", "for_client", "is_for_all", "shots",
        ),
    )

    name: str
    project_id: Id
    episode_id: Id | None = None
    task_type_id: Id | None = None
    for_entity: PlaylistFor | None = None
    for_client: bool | None = None
    is_for_all: bool | None = None
    #: The entries as the server stores them; read them through ``entries``.
    #: Assign a new list to change it (a change made inside the list is not seen).
    shots: list[dict[str, Any]] | None = None
    created_by: Id | None = None
    # Computed by some routes (read-only).
    build_jobs: list[dict[str, Any]] | None = computed()
    first_preview_file_id: Id | None = computed()

    project: ToOne[production.Project] = ToOne(lambda: production.Project, "project_id", init=False)
    episode: MaybeToOne[breakdown.Episode] = MaybeToOne(lambda: breakdown.Episode, "episode_id", init=False)
    task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "task_type_id", init=False)
    creator: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "created_by", init=False)
    entries: _Entries = settable(_Entries(), init=False)
    share_links: ClassVar[ToMany[PlaylistShareLink]] = ToMany(lambda: PlaylistShareLink, route=api.PLAYLIST_SHARE_LINKS)

    # ------------------------------------------------------------ entries
    def add_entity(
        self, entity: breakdown.Entity | str, preview_file: previews.PreviewFile | str | None = None
    ) -> PlaylistEntry:
        """Add ``entity`` to the playlist, showing ``preview_file``; returns
        its entry. Saved by the next ``save()``.

        Without ``preview_file``, the entity's latest preview is chosen as
        gazu does: the last revision of each of its task types, then the most
        recently created of those (of the playlist's task type only, when it
        has one, as the server does); no preview when it has none. A given
        preview must be one of the entity's: the server would silently drop
        another's, so :class:`errors.InvalidArgumentError` is raised. Either
        way one request reads the entity's previews.

        An entity already shown with that preview is not added twice (its
        entry is returned); shown with another preview, it gets one more entry.
        """
        self._check_alive()
        entity_id = _entity_id(entity)
        chosen = None if preview_file is None else _preview_id(preview_file)
        self._check_project(entity)
        available = _previews_by_task_type(self._session_for(entity), entity_id)
        if chosen is None:
            preview_id = _latest_preview_id(available, self.task_type_id)
        else:
            _check_preview_of(available, chosen, entity_id)
            preview_id = chosen
        entries = list(self.entries)
        for entry in entries:
            if (entry.entity_id, entry.preview_file_id) == (entity_id, preview_id):
                return entry
        shots = [entry.as_shot() for entry in entries]
        shots.append({"entity_id": entity_id, "preview_file_id": preview_id})
        self.shots = shots
        return self.entries[-1]

    def remove_entity(self, entity: breakdown.Entity | str) -> int:
        """Remove every entry of ``entity``; returns how many there were
        (0: nothing changes). Saved by the next ``save()``."""
        self._check_alive()
        entity_id = _entity_id(entity)
        entries = list(self.entries)
        kept = [entry for entry in entries if entry.entity_id != entity_id]
        if len(kept) != len(entries):
            self.shots = [entry.as_shot() for entry in kept]
        return len(entries) - len(kept)

    def set_entry_preview(
        self, entity: breakdown.Entity | str, preview_file: previews.PreviewFile | str
    ) -> PlaylistEntry:
        """Show ``preview_file`` for ``entity`` (which must be in the
        playlist, and the preview one of its own: else
        :class:`errors.InvalidArgumentError`); returns its entry. When the
        entity was shown several times, the entries become one, at the first
        one's place. One request reads the entity's previews; saved by the
        next ``save()``."""
        self._check_alive()
        entity_id = _entity_id(entity)
        preview_id = _preview_id(preview_file)
        entries = list(self.entries)
        if not any(entry.entity_id == entity_id for entry in entries):
            raise errors.InvalidArgumentError(f"entity {entity_id} is not in playlist {self.name!r}")
        _check_preview_of(_previews_by_task_type(self._session_for(entity), entity_id), preview_id, entity_id)
        shots: list[dict[str, Any]] = []
        position = -1
        for entry in entries:
            if entry.entity_id != entity_id:
                shots.append(entry.as_shot())
            elif position < 0:
                position = len(shots)
                shots.append({"entity_id": entity_id, "preview_file_id": preview_id})
        if shots != [entry.as_shot() for entry in entries]:
            self.shots = shots
        return self.entries[position]

    # ------------------------------------------------------------ helpers
    def _session_for(self, *related: Any) -> Session:
        """This playlist's session; for a new one, that of a related model."""
        if origin_of(self) is None:
            for model in related:
                if isinstance(model, KitsuModel) and origin_of(model) is not None:
                    return model.session
        return self.session

    def _check_project(self, entity: KitsuModel | str) -> None:
        project_id = getattr(entity, "project_id", None) if isinstance(entity, KitsuModel) else None
        if project_id and self.project_id and project_id != self.project_id:
            raise errors.InvalidArgumentError(
                f"{type(entity).__name__} {entity.id if isinstance(entity, KitsuModel) else entity} belongs to "
                f"another production than playlist {self.name!r}"
            )


def _previews_by_task_type(session: Session, entity_id: str) -> dict[str, list[dict[str, Any]]]:
    """The entity's previews, ``{task_type_id: [newest revision first]}``
    (the route the web UI and gazu use to pick a playlist's preview)."""
    path = api.ENTITY_PLAYLIST_PREVIEWS.fill(entity_id=entity_id)
    try:
        answer = session.transport.get(path)
    except errors.NotFoundError:
        raise errors.ModelNotFoundError("Entity", entity_id, "/" + path) from None
    return answer if isinstance(answer, dict) else {}


def _latest_preview_id(by_task_type: dict[str, list[dict[str, Any]]], task_type_id: str | None) -> str | None:
    """gazu's pick: the first (newest revision) of each task type's list,
    then the one created last; restricted to ``task_type_id`` when given."""
    best: dict[str, Any] | None = None
    for type_id, files in by_task_type.items():
        if task_type_id and type_id != task_type_id:
            continue
        if files and (best is None or str(best.get("created_at")) < str(files[0].get("created_at"))):
            best = files[0]
    return str(best["id"]) if best is not None else None


def _check_preview_of(by_task_type: dict[str, list[dict[str, Any]]], preview_id: str, entity_id: str) -> None:
    known = {
        str(item.get("id")).lower()
        for files in by_task_type.values()
        for top in files
        for item in (top, *(top.get("previews") or ()))
    }
    if preview_id.lower() not in known:
        raise errors.InvalidArgumentError(
            f"preview file {preview_id} is not a preview of entity {entity_id} "
            "(the server would drop it from the playlist)"
        )


class BuildJob(KitsuModel):
    """A movie of a playlist the server builds (``status``: running,
    succeeded, failed); read through ``project.build_jobs``."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("status", "job_type")
    __route__: ClassVar[Route] = Route(item=api.BUILD_JOB)

    status: str
    job_type: str
    ended_at: dt.datetime | None = None
    message: str | None = None
    playlist_id: Id

    playlist: ToOne[Playlist] = ToOne(lambda: Playlist, "playlist_id", init=False)


class PlaylistShareLink(KitsuModel):
    """A link that shows a playlist to people without an account. The
    server keeps its password hashed and never sends it; ``has_password``
    says whether there is one. The token grants access: it is not shown in
    the repr."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("is_active", "expiration_date")
    __route__: ClassVar[Route] = Route(create=api.PLAYLIST_SHARE_LINKS)

    token: str
    playlist_id: Id
    created_by: Id
    expiration_date: dt.datetime | None = None
    is_active: bool = server_filled(True)
    can_comment: bool = server_filled(False)
    has_password: bool | None = computed()

    playlist: ToOne[Playlist] = ToOne(lambda: Playlist, "playlist_id", init=False)
    creator: ToOne[people.Person] = ToOne(lambda: people.Person, "created_by", init=False)
