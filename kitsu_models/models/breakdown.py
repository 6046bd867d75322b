"""What a production is made of: entity types and entities (assets, shots,
sequences, episodes, scenes, edits, concepts), asset instances and casting.

Every entity kind lives in the server's one entity table: a shot's sequence
is its ``parent_id``, an asset's type its ``entity_type_id``. ``Entity`` is
their common base, so ``task.entity`` becomes the right class.
"""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Any, Literal

from ..routes import Route
from . import people, production, tasks
from .base import KitsuModel
from .relations import MaybeToOne, ToMany, ToOne

if TYPE_CHECKING:
    from ..session import Kitsu

EntityStatus = Literal["running", "complete", "standby", "canceled"]


class EntityType(KitsuModel):
    """A kind of entity: "Shot", "Sequence"... and every asset type."""

    __route__ = Route("data/entity-types")

    name: str
    short_name: str | None = None
    description: str | None = None
    archived: bool | None = None
    task_types: list[str] | None = None


class AssetType(EntityType):
    """An asset type (Character, Prop...): the entity types assets use."""

    __route__ = Route(
        "data/asset-types",
        create="data/entity-types",  # data/asset-types only reads
        update="data/entity-types/{id}",
        delete="data/entity-types/{id}",
    )


class Entity(KitsuModel):
    """Fields and relations every entity kind shares."""

    __route__ = Route("data/entities")

    name: str
    code: str | None = None
    description: str | None = None
    shotgun_id: int | None = None
    canceled: bool | None = None
    nb_frames: int | None = None
    nb_entities_out: int | None = None
    is_casting_standby: bool | None = None
    is_shared: bool | None = None
    status: EntityStatus | None = None
    project_id: str
    entity_type_id: str | None = None
    parent_id: str | None = None
    source_id: str | None = None
    preview_file_id: str | None = None
    data: dict[str, Any] | None = None
    ready_for: str | None = None
    created_by: str | None = None
    entities_in: list[str] | None = None
    entities_out: list[str] | None = None
    entity_concept_links: list[str] | None = None
    instance_casting: list[str] | None = None

    project = ToOne(lambda: production.Project, "project_id")
    entity_type = MaybeToOne(lambda: EntityType, "entity_type_id")
    creator = MaybeToOne(lambda: people.Person, "created_by")
    tasks = ToMany(lambda: tasks.Task, foreign_key="entity_id")

    @classmethod
    def class_for_row(cls, row: dict[str, Any], session: Kitsu) -> builtins.type[Any]:
        if cls is not Entity:
            return cls
        name = session.entity_type_name(row.get("entity_type_id") or "")
        return _KINDS.get(name or "", Asset)


def _entity_route(kind: str, create: str, collection: str | None = None, **options: Any) -> Route:
    return Route(
        collection or f"data/{kind}",
        item=f"data/{kind}/{{id}}",
        update="data/entities/{id}",
        project_collection=f"data/projects/{{project_id}}/{kind}",
        force_delete=True,
        create=create,
        **options,
    )


class Asset(Entity):
    __route__ = _entity_route(
        "assets",
        "data/projects/{project_id}/asset-types/{entity_type_id}/assets/new",
        create_fields=("name", "description", "data", "is_shared", "source_id"),
        create_renames={"source_id": "episode_id"},
    )

    asset_type = ToOne(lambda: AssetType, "entity_type_id")
    episode = MaybeToOne(lambda: Episode, "source_id")


class Episode(Entity):
    __route__ = _entity_route(
        "episodes", "data/projects/{project_id}/episodes",
        create_fields=("name", "description", "data", "status"),
    )

    sequences = ToMany(lambda: Sequence, foreign_key="parent_id")


class Sequence(Entity):
    __route__ = _entity_route(
        "sequences", "data/projects/{project_id}/sequences",
        create_fields=("name", "description", "data", "parent_id"),
        create_renames={"parent_id": "episode_id"},
    )

    episode = MaybeToOne(lambda: Episode, "parent_id")
    shots = ToMany(lambda: Shot, foreign_key="parent_id")


class Shot(Entity):
    __route__ = _entity_route(
        "shots", "data/projects/{project_id}/shots",
        create_fields=("name", "description", "data", "parent_id", "nb_frames"),
        create_renames={"parent_id": "sequence_id"},
    )

    sequence = ToOne(lambda: Sequence, "parent_id")


class Scene(Entity):
    __route__ = _entity_route(
        "scenes", "data/projects/{project_id}/scenes",
        collection="data/scenes/all",  # the server has no plain data/scenes list
        create_fields=("name", "description", "data", "parent_id"),
        create_renames={"parent_id": "sequence_id"},
    )

    sequence = ToOne(lambda: Sequence, "parent_id")


class Edit(Entity):
    __route__ = _entity_route(
        "edits", "data/projects/{project_id}/edits",
        create_fields=("name", "description", "data", "parent_id"),
        create_renames={"parent_id": "episode_id"},
    )

    episode = MaybeToOne(lambda: Episode, "parent_id")


class Concept(Entity):
    __route__ = _entity_route(
        "concepts", "data/projects/{project_id}/concepts",
        create_fields=("name", "description", "data"),
    )


_KINDS: dict[str, type[Entity]] = {
    "Episode": Episode,
    "Sequence": Sequence,
    "Shot": Shot,
    "Scene": Scene,
    "Edit": Edit,
    "Concept": Concept,
}
