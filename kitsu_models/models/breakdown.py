"""What a production is made of: entity types and entities (assets, shots,
sequences, episodes, scenes, edits, concepts), asset instances and casting.

Every entity kind lives in the server's one entity table: a shot's sequence
is its ``parent_id``, an asset's type its ``entity_type_id``. ``Entity`` is
their common base, so ``task.entity`` becomes the right class.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from pydantic import Field

from .. import catalogue as api
from .. import errors
from ..ids import id_of
from ..orm.base import Id, KitsuModel, computed, server_filled
from ..orm.relations import MaybeToOne, ToMany, ToOne
from ..routes import Endpoint, Route
from . import file_operations, files, people, playlists, production, tasks
from . import previews as reviews

if TYPE_CHECKING:
    from ..orm.session_api import Session

EntityStatus = Literal["running", "complete", "standby", "canceled"]


class EntityType(KitsuModel):
    """A kind of entity: "Shot", "Sequence"... and every asset type."""

    __route__: ClassVar[Route] = Route(api.ENTITY_TYPES, api.ENTITY_TYPE, paged=False, small_table=True)

    name: str
    short_name: str | None = None
    description: str | None = None
    archived: bool | None = None
    task_types: list[str] | None = None


class AssetType(EntityType):
    """An asset type (Character, Prop...): the entity types assets use."""

    __route__: ClassVar[Route] = Route(
        api.ASSET_TYPES,
        api.ASSET_TYPE,
        create=api.ENTITY_TYPES,  # data/asset-types only reads
        update=api.ENTITY_TYPE,
        delete=api.ENTITY_TYPE,
        paged=False,
        small_table=True,
    )


class Entity(KitsuModel, file_operations.EntityFiles):
    """Fields and relations every entity kind shares."""

    __route__: ClassVar[Route] = Route(api.ENTITIES, api.ENTITY, paged=False)

    name: str
    code: str | None = None
    description: str | None = None
    shotgun_id: int | None = None
    canceled: bool | None = None
    nb_frames: int | None = None
    nb_entities_out: int | None = None
    is_casting_standby: bool | None = None
    is_shared: bool = server_filled(False)
    status: EntityStatus = server_filled("running")
    project_id: Id
    entity_type_id: Id = server_filled("")  # the kind: set by the route it is created through
    parent_id: Id | None = None
    source_id: Id | None = None
    preview_file_id: Id | None = None
    data: dict[str, Any] | None = None
    ready_for: str | None = None
    created_by: Id | None = None
    entities_in: list[str] | None = None
    entities_out: list[str] | None = None
    entity_concept_links: list[str] | None = None
    instance_casting: list[str] | None = None
    # Computed by some routes only (read-only, not filterable).
    project_name: str | None = computed()

    project: ToOne[production.Project] = ToOne(lambda: production.Project, "project_id", init=False)
    entity_type: MaybeToOne[EntityType] = MaybeToOne(lambda: EntityType, "entity_type_id", init=False)
    creator: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "created_by", init=False)
    tasks: ClassVar[ToMany[tasks.Task]] = ToMany(lambda: tasks.Task, foreign_key="entity_id")
    preview_file: MaybeToOne[reviews.PreviewFile] = MaybeToOne(
        lambda: reviews.PreviewFile, "preview_file_id", init=False
    )
    working_files: ClassVar[ToMany[files.WorkingFile]] = ToMany(lambda: files.WorkingFile, foreign_key="entity_id")
    #: Its own output files (not its asset instances'), highest revision first.
    output_files: ClassVar[ToMany[files.OutputFile]] = ToMany(
        lambda: files.OutputFile, route=api.ENTITY_OUTPUT_FILES
    )

    @classmethod
    def class_for_kind(cls, kind: Any) -> builtins.type[Any] | None:
        """The entity class a task's ``task_type_for_entity`` names (Asset, Shot...)."""
        if cls is not Entity:
            return cls
        return Asset if kind == "Asset" else _KINDS.get(kind) if isinstance(kind, str) else None

    @classmethod
    def class_for_row(cls, row: dict[str, Any], session: Session) -> builtins.type[Any]:
        """The entity class of a row, by the name of its entity type (else Asset)."""
        if cls is not Entity:
            return cls
        name = session.entity_type_name(row.get("entity_type_id") or "")
        return _KINDS.get(name or "", Asset)


def _entity_route(
    collection: Endpoint, item: Endpoint, project_collection: Endpoint, create: Endpoint | None = None, **options: Any
) -> Route:
    """An entity kind's route: its own list and delete routes, its project's
    list (where it is created, unless ``create`` says otherwise); the shared
    entity route to read and update one."""
    return Route(
        collection,
        api.ENTITY,
        delete=item,
        update=api.ENTITY,
        project_collection=project_collection,
        create=create or project_collection,
        force_delete=True,
        paged=False,
        **options,
    )


class CastingEntry(KitsuModel):
    """One asset cast in a shot (or episode): a link with a count and label."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("asset_name", "nb_occurences")

    __route__: ClassVar[Route] = Route(api.ENTITY_LINKS)

    asset_id: Id
    asset_name: str | None = None
    asset_type_name: str | None = None
    name: str | None = None
    sequence_name: str | None = None
    ready_for: str | None = None
    episode_id: Id | None = None
    preview_file_id: Id | None = None
    nb_occurences: int = 1
    label: str | None = None
    is_shared: bool | None = None
    project_id: Id | None = None

    asset: ToOne[Asset] = ToOne(lambda: Asset, "asset_id", init=False)


class CastInEntry(KitsuModel):
    """One shot an asset is cast in, as the asset's cast-in view lists it."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("shot_name", "sequence_name")

    __route__: ClassVar[Route] = Route(api.ENTITY_LINKS)

    shot_id: Id
    shot_name: str | None = None
    sequence_name: str | None = None
    episode_id: Id | None = None
    episode_name: str | None = None
    preview_file_id: Id | None = None
    nb_occurences: int = 1

    shot: ToOne[Shot] = ToOne(lambda: Shot, "shot_id", init=False)


class Asset(Entity):
    """A thing built once and used in many shots (a character, a prop, a set),
    of an asset type, with its tasks and where it is cast."""

    __route__: ClassVar[Route] = _entity_route(
        api.ASSETS, api.ASSET, api.PROJECT_ASSETS, api.NEW_ASSET,
        renames={"asset_type_id": "entity_type_id"},
        create_fields=("name", "description", "data", "is_shared", "source_id"),
        create_renames={"source_id": "episode_id"},
    )

    asset_type_id: Id | None = computed()
    asset_type_name: str | None = computed()
    episode_id: Id | None = computed()  # "" when none (data/assets/{id})
    casting_episode_ids: list[Id] | None = computed()

    asset_type: ToOne[AssetType] = ToOne(lambda: AssetType, "entity_type_id", init=False)
    episode: MaybeToOne[Episode] = MaybeToOne(lambda: Episode, "source_id", init=False)
    cast_in: ClassVar[ToMany[CastInEntry]] = ToMany(lambda: CastInEntry, route=api.ASSET_CAST_IN)
    #: Every instance of this asset (in scenes, shots, other assets).
    asset_instances: ClassVar[ToMany[AssetInstance]] = ToMany(lambda: AssetInstance, foreign_key="asset_id")


class Episode(Entity):
    """A part of a series, parent of sequences."""

    __route__: ClassVar[Route] = _entity_route(
        api.EPISODES, api.EPISODE, api.PROJECT_EPISODES,
        create_fields=("name", "description", "data", "status"),
        small_table=True,
    )

    sequences: ClassVar[ToMany[Sequence]] = ToMany(lambda: Sequence, foreign_key="parent_id")
    playlists: ClassVar[ToMany[playlists.Playlist]] = ToMany(lambda: playlists.Playlist, foreign_key="episode_id")


class Sequence(Entity):
    """A run of shots, maybe inside an episode."""

    __route__: ClassVar[Route] = _entity_route(
        api.SEQUENCES, api.SEQUENCE, api.PROJECT_SEQUENCES,
        create_fields=("name", "description", "data", "parent_id"),
        small_table=True,
        create_renames={"parent_id": "episode_id"},
    )

    episode_id: Id | None = computed()
    episode_name: str | None = computed()

    episode: MaybeToOne[Episode] = MaybeToOne(lambda: Episode, "parent_id", init=False)
    shots: ClassVar[ToMany[Shot]] = ToMany(lambda: Shot, foreign_key="parent_id")


class Shot(Entity):
    """A shot of a sequence: frame range, casting, tasks and previews."""

    __route__: ClassVar[Route] = _entity_route(
        api.SHOTS, api.SHOT, api.PROJECT_SHOTS,
        create_fields=("name", "description", "data", "parent_id", "nb_frames"),
        create_renames={"parent_id": "sequence_id"},
    )

    sequence_id: Id | None = computed()
    sequence_name: str | None = computed()
    episode_id: Id | None = computed()
    episode_name: str | None = computed()
    fps: str | int | float | None = computed()  # from data
    frame_in: int | str | None = computed()
    frame_out: int | str | None = computed()

    sequence: ToOne[Sequence] = ToOne(lambda: Sequence, "parent_id", init=False)
    casting: ClassVar[ToMany[CastingEntry]] = ToMany(
        lambda: CastingEntry,
        route=api.CASTING,
        batch_route=api.PROJECT_SHOTS_CASTING,
    )
    #: The asset instances linked to this shot (the server answers them
    #: grouped by asset; the groups are flattened in the server's order).
    asset_instances: ClassVar[ToMany[AssetInstance]] = ToMany(
        lambda: AssetInstance, route=api.SHOT_ASSET_INSTANCES
    )

    def set_casting(self, entries: list[tuple[Asset, int]] | list[tuple[Asset, int, str]]) -> None:
        """Replace this shot's casting with (asset, occurrences[, label])."""
        body = [
            {"asset_id": id_of(entry[0], Asset), "nb_occurences": entry[1], **({"label": entry[2]} if len(entry) > 2 else {})}
            for entry in entries
        ]
        route = api.CASTING.fill(project_id=self.project_id, entity_id=self)
        self.session.transport.put(route, body)
        type(self).casting.forget(self)
        # The assets cast before or now see another cast-in list.
        for asset in self.session.identity.alive(Asset, project_id=self.project_id):
            Asset.cast_in.forget(asset)

    def add_asset_instance(self, instance: AssetInstance) -> None:
        """Link an asset instance (of a scene or an asset) to this shot."""
        self._check_alive()
        body = {"asset_instance_id": id_of(instance, AssetInstance)}
        row = self.session.transport.post(api.SHOT_ASSET_INSTANCES.fill(shot_id=self), body)
        self.session.repository(Shot).materialize([row], owned=True)  # the answer is this shot
        self._instances_changed(instance)

    def remove_asset_instance(self, instance: AssetInstance) -> None:
        """Unlink an asset instance from this shot (the instance remains)."""
        self._check_alive()
        route = api.SHOT_ASSET_INSTANCE.fill(shot_id=self, asset_instance_id=instance)
        self.session.transport.delete(route)
        self._instances_changed(instance)

    def _instances_changed(self, instance: AssetInstance) -> None:
        type(self).asset_instances.forget(self)
        if "shot_ids" in instance.model_fields_set and not instance.is_deleted:
            instance.refresh()  # its ``shots`` id list changed


class Scene(Entity):
    """A scene of a sequence (a layout unit some productions use beside shots)."""

    __route__: ClassVar[Route] = _entity_route(
        api.SCENES, api.SCENE, api.PROJECT_SCENES,  # the server has no plain data/scenes list
        create_fields=("name", "description", "data", "parent_id"),
        create_renames={"parent_id": "sequence_id"},
    )

    sequence_id: Id | None = computed()
    sequence_name: str | None = computed()
    episode_id: Id | None = computed()
    episode_name: str | None = computed()

    sequence: ToOne[Sequence] = ToOne(lambda: Sequence, "parent_id", init=False)
    asset_instances: ClassVar[ToMany[AssetInstance]] = ToMany(lambda: AssetInstance, foreign_key="scene_id")


class Edit(Entity):
    """An edit of a production (a cut made of shots), with its own tasks."""

    __route__: ClassVar[Route] = _entity_route(
        api.EDITS, api.EDIT, api.PROJECT_EDITS,
        create_fields=("name", "description", "data", "parent_id"),
        create_renames={"parent_id": "episode_id"},
    )

    episode_id: Id | None = computed()
    episode_name: str | None = computed()

    episode: MaybeToOne[Episode] = MaybeToOne(lambda: Episode, "parent_id", init=False)


class Concept(Entity):
    """A piece of concept art, reviewed with tasks and linked to assets."""

    __route__: ClassVar[Route] = _entity_route(
        api.CONCEPTS, api.CONCEPT, api.PROJECT_CONCEPTS,
        create_fields=("name", "description", "data"),
    )

    fps: str | int | float | None = computed()  # from data
    frame_in: int | str | None = computed()
    frame_out: int | str | None = computed()
    preview_file_status: str | None = computed()


class AssetInstance(KitsuModel, file_operations.InstanceFiles):
    """One use of an asset inside a scene or inside another asset (a sword
    in a character's hand), which shots can then reference.

    Created in a scene (``scene_id``) or in an asset (``target_asset_id``);
    the server names it (``hero_0001``) and numbers it.
    """

    __route__: ClassVar[Route] = Route(
        api.ASSET_INSTANCES,
        api.ASSET_INSTANCE,
        params={"relations": "true"},  # lists carry ``shots`` only then
        create=api.SCENE_ASSET_INSTANCES,
        create_fields=("asset_id", "description"),
        merges_data=False,
    )

    asset_id: Id
    name: str | None = None
    number: int | None = None
    description: str | None = None
    active: bool | None = None
    data: dict[str, Any] | None = None
    scene_id: Id | None = None
    target_asset_id: Id | None = None
    entity_id: Id | None = None  # deprecated column
    entity_type_id: Id | None = None  # deprecated column
    shot_ids: list[Id] | None = Field(default=None, alias="shots")

    asset: ToOne[Asset] = ToOne(lambda: Asset, "asset_id", init=False)
    scene: MaybeToOne[Scene] = MaybeToOne(lambda: Scene, "scene_id", init=False)
    target_asset: MaybeToOne[Asset] = MaybeToOne(lambda: Asset, "target_asset_id", init=False)
    shots: ClassVar[ToMany[Shot]] = ToMany(lambda: Shot, ids_field="shot_ids", reload_when_absent=True)

    @property
    def target(self) -> Scene | Asset | None:
        """Where the instance lives: its scene, or the asset holding it."""
        return self.scene if self.scene_id else self.target_asset

    def _creation_route(self) -> Route:
        if self.scene_id:
            return type(self).__route__
        if self.target_asset_id:
            return _INSTANCE_IN_ASSET
        raise errors.InvalidArgumentError(
            "an AssetInstance is created in a scene (scene_id) or in an asset (target_asset_id)"
        )


_INSTANCE_IN_ASSET = Route(
    api.ASSET_INSTANCES,
    api.ASSET_INSTANCE,
    create=api.ASSET_ASSET_INSTANCES,
    renames={"asset_id": "target_asset_id"},
    create_fields=("asset_id", "description"),
    create_renames={"asset_id": "asset_to_instantiate_id"},
)


class EntityLink(KitsuModel):
    """A casting link row: entity ``entity_out`` (an asset) is cast in
    ``entity_in`` (a shot, an episode, an asset) ``nb_occurences`` times.

    ``Shot.set_casting`` is the usual way to write casting; links can also
    be created, relabelled and deleted one by one.
    """

    __repr_keys__: ClassVar[tuple[str, ...]] = ("entity_in_id", "entity_out_id", "nb_occurences")

    __route__: ClassVar[Route] = Route(
        api.ENTITY_LINKS,
        api.ENTITY_LINK,
        create_fields=("entity_in_id", "entity_out_id", "nb_occurences", "label", "data"),
        merges_data=False,
    )

    entity_in_id: Id
    entity_out_id: Id
    nb_occurences: int = 1
    label: str | None = None
    data: dict[str, Any] | None = None

    entity_in: ToOne[Entity] = ToOne(lambda: Entity, "entity_in_id", init=False)
    entity_out: ToOne[Entity] = ToOne(lambda: Entity, "entity_out_id", init=False)


_KINDS: dict[str, type[Entity]] = {
    "Episode": Episode,
    "Sequence": Sequence,
    "Shot": Shot,
    "Scene": Scene,
    "Edit": Edit,
    "Concept": Concept,
}
