"""How relations load: one place decides, for every kind of relation,
which objects load together and with which requests.

Who: the objects asked for, and every member of the lists (cohorts) they
were loaded with that lacks the relation, so a walk over a list costs one
batch per relation, not one request per object; a cohort's scope (a
project's whole list) goes with it.

How, by what the relation declares (its descriptor holds no loading code):

- a link, or a list of ids held by the owner (``task.task_status``,
  ``task.assignees``, a preview's first comment): one ``get_many`` of all
  the ids (the repository reads 50 ids a request, or a small table whole);
- a foreign key (``asset.tasks``): the children of a whole project's owners
  in one project-wide query, of one owner in one query, else by lists of
  ids; per owner through the relation's route where the server refuses
  the list (an artist reading ``data/tasks``: 403);
- a route: one request per owner, or with a ``batch_route`` one per
  project answering ``{owner id: [rows]}`` (a project's casting);
- an embedding, when a prefetch asks for the relation it embeds too: the
  owner's list and the lists below it from one route;
- anything else loads itself (:meth:`Relation.load`: a playlist's entries).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Any

from .. import exchange
from ..errors import PermissionDeniedError, UnexpectedAnswerError
from ..exchange import Plan, drive
from ..gcpause import paused_gc
from ..routes import Endpoint
from .collection import ModelList
from .relations import FirstOfIds, Link, Relation, ToMany, listed_ids, reload_absent, shared_project
from .state import origin_of, peek

if TYPE_CHECKING:
    from .base import KitsuModel


def load(relation: Relation, objects: Sequence[KitsuModel]) -> None:
    """Load ``relation`` for ``objects`` and the members of their cohorts
    that lack it, through their session's transport (:func:`plan`; a
    prefetch, which passes a scope and what it loads next, runs the plan
    itself)."""
    drive(plan(relation, objects), objects[0].session.transport.send)


def plan(relation: Relation, objects: Sequence[KitsuModel], scope: dict[str, Any] | None = None,
         along: Collection[str] = ()) -> Plan[None]:
    """Load ``relation`` for ``objects`` and the members of their cohorts
    that lack it, as a plan (:mod:`kitsu_models.exchange`). ``scope`` is the
    caller's list's (``{"project_id": ...}``); ``along`` names the relations
    of the loaded objects the caller loads next (a prefetch): an embedding
    whose route carries them is used."""
    if isinstance(relation, ToMany) and relation.embedding is not None and len(objects) == 1:
        owner, embedding = objects[0], relation.embedding
        if embedding.relation in along and not _has_loaded(owner, relation.name):
            if (yield from embedding.plan_applies(owner)) and (yield from embedding.plan_load(relation, owner)):
                return
    owners, scope = _owners(relation, objects, scope)
    if not owners:
        return
    if isinstance(relation, Link):
        yield from _by_ids(relation, owners, lambda owner: _linked_id(relation, owner))
    elif isinstance(relation, FirstOfIds):
        yield from reload_absent(owners, relation.ids_field)
        yield from _by_ids(relation, owners, lambda owner: listed_ids(getattr(owner, relation.ids_field))[:1])
    elif isinstance(relation, ToMany):
        yield from _to_many(relation, owners, scope)
    else:
        yield from relation.plan_load(owners)


def _owners(
    relation: Relation, objects: Sequence[KitsuModel], scope: dict[str, Any] | None
) -> tuple[list[KitsuModel], dict[str, Any] | None]:
    """``objects`` lacking the relation, and the members of their cohorts
    that lack it too (each cohort walked once); the scope of the one
    cohort they all come from, unless the caller gave one."""
    name, owner_class = relation.name, relation.owner
    owners: dict[int, KitsuModel] = {}
    cohorts: dict[int, Any] = {}
    for obj in objects:
        if not _has_loaded(obj, name):
            owners[id(obj)] = obj
        origin = origin_of(obj)
        cohort = origin.cohort if origin is not None else None
        if cohort is None or id(cohort) in cohorts:
            continue
        cohorts[id(cohort)] = cohort
        for member in cohort:
            if isinstance(member, owner_class) and not _has_loaded(member, name):
                owners[id(member)] = member
    if scope is None and len(cohorts) == 1:
        scope = next(iter(cohorts.values())).scope
    return list(owners.values()), scope


def _has_loaded(obj: KitsuModel, name: str) -> bool:
    state = peek(obj)
    return state is not None and state.related is not None and name in state.related


def _by_ids(
    relation: Link[Any] | FirstOfIds[Any], owners: list[KitsuModel], ids_of: Callable[[KitsuModel], list[str]]
) -> Plan[None]:
    """The target of every owner, by the id it holds (its first), in one ``get_many``."""
    wanted = [ids_of(owner) for owner in owners]
    found = yield from owners[0].session.repository(relation.target()).plan_get_many(
        {value for ids in wanted for value in ids}, project_id=shared_project(owners)
    )
    for owner, ids in zip(owners, wanted):
        relation.store(owner, found.get(ids[0]) if ids else None)


def _linked_id(relation: Link[Any], owner: KitsuModel) -> list[str]:
    """The id ``owner`` links to (none when empty). A malformed row's value
    that is no id (a list...) is an :class:`UnexpectedAnswerError`, before
    any request; an id list's items are filtered as they are read
    (:func:`listed_ids`)."""
    value = getattr(owner, relation.key)
    if not value:
        return []
    if not isinstance(value, str):
        raise UnexpectedAnswerError("", "", 200, f"{relation.owner.__name__}.{relation.key} holds something else "
                                    "than an id", repr(value)[:80])
    return [value]


def _to_many(relation: ToMany[Any], owners: list[KitsuModel], scope: dict[str, Any] | None) -> Plan[None]:
    session = owners[0].session
    repository = session.repository(relation.target())
    if relation.ids_field is not None:
        if relation.reload_when_absent:
            yield from reload_absent(owners, relation.ids_field)
        wanted = [listed_ids(getattr(owner, relation.ids_field)) for owner in owners]
        found = yield from repository.plan_get_many({i for ids in wanted for i in ids}, project_id=shared_project(owners))
        for owner, ids in zip(owners, wanted):
            relation.store(owner, ModelList([found[i] for i in ids if i in found], session))
    elif relation.foreign_key is not None:
        try:
            yield from _by_foreign_key(relation, owners, scope)
        except PermissionDeniedError:
            if relation.route is None:
                raise
            yield from _per_owner(relation, owners, relation.route)
    elif relation.batch_route is not None and len(owners) > 1:
        yield from _per_project(relation, owners, relation.batch_route)
    else:
        assert relation.route is not None
        yield from _per_owner(relation, owners, relation.route)


def _by_foreign_key(relation: ToMany[Any], owners: list[KitsuModel], scope: dict[str, Any] | None) -> Plan[None]:
    """The children of all owners: one project-wide query when the owners
    are a whole project's (and the children have a project), one query for
    one owner, else queries by lists of owner ids; grouped by owner."""
    key = str(relation.foreign_key)
    session = owners[0].session
    model = relation.target()
    repository = session.repository(model)
    ids = [owner.id for owner in owners if owner.id]
    project_id = (scope or {}).get("project_id")
    if project_id and "project_id" in model.model_fields and len(ids) > 1:
        children = yield from repository.plan_filter(project_id=project_id, **relation.params)
    elif len(ids) == 1:
        # One owner's children: a scoped list, so their own relations batch
        # by scope in turn (project.assets -> tasks).
        children = yield from repository.plan_filter(**{key: ids[0]}, **relation.params)
    else:
        children = yield from repository.plan_filter_into_one_cohort(key, ids, relation.params)
    project_id = (children.scope or {}).get("project_id")
    if project_id and list(children.scope or ()) == ["project_id"]:
        # A whole project's children: complete for every loaded owner of
        # that project too (the shots, when the assets asked).
        owners = [*owners, *session.identity.alive(relation.owner, project_id=project_id)]
    with paused_gc():  # thousands of new lists, none garbage; no request in here
        groups: dict[Any, list[Any]] = {}
        for child in children:
            groups.setdefault(getattr(child, key), []).append(child)
        for owner in owners:
            if not _has_loaded(owner, relation.name):
                relation.store(owner, ModelList(groups.get(owner.id, []), session, {key: owner.id}))


def _per_owner(relation: ToMany[Any], owners: list[KitsuModel], route: Endpoint) -> Plan[None]:
    repository = owners[0].session.repository(relation.target())
    for owner in owners:
        relation.store(owner, (yield from repository.plan_load_route(route.fill_from(owner), relation.params)))


def _per_project(relation: ToMany[Any], owners: list[KitsuModel], batch_route: Endpoint) -> Plan[None]:
    """One request per project for all its owners: the answer maps owner
    ids to rows; the rows of all owners become one cohort."""
    session = owners[0].session
    repository = session.repository(relation.target())
    by_project: dict[str, list[KitsuModel]] = {}
    for owner in owners:
        by_project.setdefault(owner.__dict__["project_id"], []).append(owner)
    for project_owners in by_project.values():
        answer = yield from exchange.get(
            batch_route.fill(project_id=project_owners[0].__dict__["project_id"]), relation.params, revalidate=True
        )
        counts = [len(answer.get(owner.id, [])) for owner in project_owners]
        rows = [row for owner in project_owners for row in answer.get(owner.id, [])]
        cohort = yield from repository.plan_materialize_list(rows)
        start = 0
        for owner, count in zip(project_owners, counts):
            relation.store(owner, ModelList(cohort[start : start + count], session))
            start += count
