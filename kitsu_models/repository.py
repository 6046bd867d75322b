"""``Repository[M]``: create, read, update, delete and query one model,
driven by the model's :class:`Route`. One generic class serves every model.

Its verbs, one meaning each:

- ``get`` / ``get_many``: by id, from the session when known, else read;
- ``load``: one object read from the server, always;
- ``filter`` / ``all`` / ``first`` / ``get_by_name`` / ``iter``: queries;
- ``rows`` / ``row``: the same reads, as the server's JSON (no models);
- ``load_route``: the models a dedicated list route answers;
- ``materialize``: models for rows obtained elsewhere (no request);
- ``create`` / ``update`` / ``delete`` / ``refresh`` / ``reload_many``.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, Generic, TypeVar

from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticUndefined

from . import answers, errors, exchange
from .exchange import Plan, Request, drive
from .gcpause import paused_gc
from .ids import ID_CHUNK, chunks, id_of, is_id
from .orm.base import KitsuModel, holds_ids, is_server_filled
from .orm.collection import ModelList
from .orm import loader
from .orm.joins import seed_joined
from .orm.relations import Link
from .orm.state import Origin, origin_of, peek, state_of
from .orm.session_api import Session
from .routes import Endpoint, Route

M = TypeVar("M", bound=KitsuModel)
T = TypeVar("T")
Row = dict[str, Any]

FilterValue = Any


class Repository(Generic[M]):
    """Queries and persistence for one model class in one session."""

    def __init__(self, session: Session, model: type[M]) -> None:
        self.session = session
        self.model = model
        self.route: Route = model.__route__

    def __repr__(self) -> str:
        return f"<Repository {self.model.__name__}>"

    # ------------------------------------------------------ the plans' driver
    def _run(self, plan: Plan[T]) -> T:
        """``plan`` run through the session's transport (blocking)."""
        return drive(plan, self.session.transport.send)

    # ---------------------------------------------------------------- reads
    def get(self, object_id: str, **within: Any) -> M:
        """The object with this id: from the session if known, else one GET.
        ``within`` gives the ids of its parents where its record's route is
        under them (a budget's ``project_id``).

        Raises :class:`errors.ModelNotFoundError` naming the model and id.
        """
        return self._run(self.plan_get(object_id, **within))

    def plan_get(self, object_id: str, **within: Any) -> Plan[M]:
        """:meth:`get` as a plan (see :mod:`kitsu_models.exchange`)."""
        object_id = id_of(object_id, what=f"{self.model.__name__} id")
        known = self.session.identity.get(self.model, object_id)
        if known is None:
            return (yield from self.plan_load(object_id, **within))
        _remember_parents(known, within)
        return known

    def load(self, object_id: str, **within: Any) -> M:
        """One GET of the object's record, merged into the known object (its
        loaded relations stay); :class:`errors.ModelNotFoundError` if gone."""
        return self._run(self.plan_load(object_id, **within))

    def plan_load(self, object_id: str, **within: Any) -> Plan[M]:
        """:meth:`load` as a plan."""
        row = yield from self.plan_row(object_id, **within)
        loaded = yield from self._plan_materialize([row], ModelList(session=self.session), rebind=False)
        _remember_parents(loaded[0], within)
        return loaded[0]

    def row(self, object_id: str, **within: Any) -> Row:
        """The server's JSON record of one object (a fresh dict, no model);
        :class:`errors.ModelNotFoundError` if there is none."""
        return self._run(self.plan_row(object_id, **within))

    def plan_row(self, object_id: str, **within: Any) -> Plan[Row]:
        """:meth:`row` as a plan. A record read under its parents (a budget
        entry under its production and budget) needs their ids in ``within``."""
        endpoint = self.route.item_endpoint(self.model.__name__)
        object_id = id_of(object_id, what=f"{self.model.__name__} id")
        parents = [name for name in endpoint.placeholders if name != endpoint.subject and name not in within]
        if parents:
            raise errors.InvalidArgumentError(
                f"a {self.model.__name__} is read under its parents: give " + ", ".join(f"{name}=" for name in parents)
            )
        item = endpoint.fill(**within, **{endpoint.subject or "id": object_id}) if within else endpoint.at(object_id)
        return (yield from self._plan_row_at(item, object_id))

    def _plan_row_at(self, item: str, object_id: str) -> Plan[Row]:
        """The record the path ``item`` answers (of ``object_id``)."""
        try:
            answer = yield from exchange.get(item)
        except errors.NotFoundError:
            raise errors.ModelNotFoundError(self.model.__name__, str(object_id), "/" + item) from None
        if not isinstance(answer, dict):
            raise errors.UnexpectedAnswerError("GET", "/" + item, 200, "expected an object", answers.excerpt(answer))
        return answer

    def get_many(self, ids: Iterable[Any], *, project_id: str | None = None) -> dict[str, M]:
        """Objects by id (ids, dicts with an ``"id"`` or models): those
        already known, the rest in batched requests (one per 50 ids). Ids
        the server does not know are left out.

        When more ids are missing than one request carries and the model's
        collection is small, one wide read replaces the batches, so the
        request count does not grow with the data: the collection of
        ``project_id`` (the ids' project, when they share one) for a
        project's models, else the whole table.
        """
        return self._run(self.plan_get_many(ids, project_id=project_id))

    def plan_get_many(self, ids: Iterable[Any], *, project_id: str | None = None) -> Plan[dict[str, M]]:
        """:meth:`get_many` as a plan."""
        found: dict[str, M] = {}
        missing: list[str] = []
        for object_id in dict.fromkeys(id_of(value, what=f"{self.model.__name__} id") for value in ids):
            known = self.session.identity.get(self.model, object_id)
            if known is not None:
                found[object_id] = known
            else:
                missing.append(object_id)
        if len(missing) > ID_CHUNK:
            missing = yield from self._plan_fetch_wide(missing, project_id, found)
        if missing:
            found.update((yield from self._plan_fetch_by_ids(missing)))
        return found

    @property
    def _collection(self) -> str:
        """The model's list route; a typed error for a model that has none
        (its objects are reached through their parent's routes)."""
        if self.route.collection is None:
            raise errors.InvalidArgumentError(
                f"{self.model.__name__} has no list route of its own: reach its objects through a relation"
            )
        return self.route.collection.template

    def _plan_fetch_wide(self, missing: list[str], project_id: str | None, found: dict[str, M]) -> Plan[list[str]]:
        """For a model whose collection is small (``Route.small_table``),
        read ``missing`` through one wide request into ``found``; returns
        the ids still to fetch a batch at a time (those of other projects),
        or all of them when no wide read applies or it is denied."""
        if not self.route.small_table:
            return missing
        try:
            if self.route.project_collection and "project_id" in self.model.model_fields:
                if not project_id:
                    return missing
                wide = (yield from self.plan_filter(project_id=project_id)).by_id()
                found.update({key: wide[key] for key in missing if key in wide})
                return [key for key in missing if key not in wide]
            wide = (yield from self.plan_filter()).by_id()
            found.update({key: wide[key] for key in missing if key in wide})
            return []  # the whole table was read: the rest do not exist
        except errors.PermissionDeniedError:
            return missing  # the batches (and their fallback) may still be allowed

    def _plan_fetch_by_ids(self, ids: list[str], rebind: bool = True) -> Plan[dict[str, M]]:
        """The objects with these ids, read through the list route (one
        request per 50). Artists may not read data/shots & co. (403), but
        may read the common entity route: the ids are looked up there."""
        cohort: ModelList[M] = ModelList(session=self.session)
        try:
            for chunk in chunks(ids):
                params = {**self.route.params, "id": json.dumps(list(chunk))}
                rows = yield from self._plan_rows(self._collection, params)
                yield from self._plan_materialize(rows, cohort, rebind)
        except errors.PermissionDeniedError:
            root = self.model.identity_root()
            if root is self.model:
                raise
            by_root = yield from Repository(self.session, root)._plan_fetch_by_ids(ids, rebind)
            return {key: obj for key, obj in by_root.items() if isinstance(obj, self.model)}
        return cohort.by_id()

    def filter(self, **criteria: FilterValue) -> ModelList[M]:
        """Every object matching all criteria. A value may be a model or an
        id, a scalar, or a list meaning "any of" (sent in chunks of ids)."""
        return self._run(self.plan_filter(**criteria))

    def plan_filter(self, **criteria: FilterValue) -> Plan[ModelList[M]]:
        """:meth:`filter` as a plan."""
        found: ModelList[M] = ModelList(session=self.session)
        scope: dict[str, Any] | None = None
        for list_path, params, scope in self._queries(criteria):
            answer = yield Request("GET", list_path, params=params, revalidate=True)
            found.extend((yield from self._plan_decode_list(answer.content, scope, list_path)))
        found.scope = scope or None
        kept = _exact_names(found, criteria, lambda item: getattr(item, "name", None))
        return found if kept is found else ModelList(kept, self.session, found.scope)

    def rows(self, **criteria: FilterValue) -> list[Row]:
        """The server's JSON rows of :meth:`filter`'s objects, as sent
        (criteria checked, ids chunked, ETags revalidated), without building
        models. The dicts are fresh: nothing else holds them."""
        return self._run(self.plan_rows(**criteria))

    def plan_rows(self, **criteria: FilterValue) -> Plan[list[Row]]:
        """:meth:`rows` as a plan."""
        found: list[Row] = []
        for list_path, params, _ in self._queries(criteria):
            found.extend((yield from self._plan_rows(list_path, params)))
        return _exact_names(found, criteria, lambda row: row.get("name"))

    def _queries(self, criteria: dict[str, FilterValue]) -> Iterator[tuple[str, dict[str, Any], dict[str, Any]]]:
        """The requests a query takes: (path, params, scope) per chunk of
        the one "any of" list longer than a request carries, else one.
        A single project id uses the project's own route when there is one."""
        params = self._params(criteria)
        long_lists = [key for key, value in params.items() if value.startswith("[") and len(json.loads(value)) > ID_CHUNK]
        if len(long_lists) > 1:
            raise errors.InvalidArgumentError(f"at most one criterion may list more than {ID_CHUNK} values")
        scope = {key: value for key, value in params.items() if not value.startswith("[")}
        if self.route.project_collection and list(params) == ["project_id"] and "project_id" in scope:
            project_path = self.route.project_collection.fill(project_id=params["project_id"])
            yield project_path, dict(self.route.project_params), scope
            return
        collection = self._collection
        if not long_lists:
            yield collection, {**self.route.params, **params}, scope
            return
        key = long_lists[0]
        for chunk in chunks(json.loads(params[key])):
            yield collection, {**self.route.params, **params, key: json.dumps(list(chunk))}, scope

    def decode_list(self, body: bytes, scope: dict[str, Any] | None = None, source: str = "") -> ModelList[M]:
        """Models from the bytes of a list answer: parsed and materialised
        with the garbage collector paused (the path every list load takes)."""
        return self._run(self._plan_decode_list(body, scope, source))

    def _plan_decode_list(self, body: bytes, scope: dict[str, Any] | None, source: str) -> Plan[ModelList[M]]:
        with paused_gc():
            try:
                answer = json.loads(body)
            except (ValueError, RecursionError):
                raise errors.UnexpectedAnswerError("GET", "/" + source, 200, "the answer is not JSON", answers.excerpt(body)) from None
        rows = _rows(answer, source)
        return (yield from self._plan_materialize(rows, ModelList(session=self.session, scope=scope)))

    def all(self) -> ModelList[M]:
        """Every object of this model the user may read."""
        return self.filter()

    def first(self, **criteria: FilterValue) -> M | None:
        """The first object matching ``criteria`` (as :meth:`filter`), or None."""
        found = self.filter(**criteria)
        return found[0] if found else None

    def get_by_name(self, name: str, **scope: FilterValue) -> M:
        """The object named ``name`` within ``scope`` (e.g. ``project=...``)."""
        return self._run(self.plan_get_by_name(name, **scope))

    def plan_get_by_name(self, name: str, **scope: FilterValue) -> Plan[M]:
        """:meth:`get_by_name` as a plan."""
        found = yield from self.plan_filter(name=name, **scope)
        if not found:
            where = ", ".join(f"{key}={value!r}" for key, value in scope.items())
            raise errors.ModelNotFoundError(self.model.__name__, f"named {name!r}" + (f" ({where})" if where else ""))
        return found[0]

    def iter(self, page_size: int = 100, **criteria: FilterValue) -> Iterator[M]:
        """Iterate lazily, a server page at a time where the route pages."""
        if not self.route.paged:
            yield from self.filter(**criteria)
            return
        page, seen = 1, set[Any]()
        while True:
            rows, more = self._run(self.plan_page(page, page_size, seen, **criteria))
            yield from rows
            if not more:
                return
            page += 1

    def plan_page(
        self, page: int, page_size: int, seen: set[Any], **criteria: FilterValue
    ) -> Plan[tuple[ModelList[M], bool]]:
        """Page ``page`` of a paged query, as models, and whether another
        follows; ``seen`` holds the ids of the pages before (a server that
        answers a page again would page for ever: a typed error)."""
        params = {**self.route.params, **self._params(criteria), "limit": str(page_size), "page": str(page)}
        collection = self._collection
        rows = yield from self._plan_rows(collection, params, revalidate=False)
        ids = {row.get("id") for row in rows}
        if rows and ids <= seen:
            raise errors.UnexpectedAnswerError("GET", "/" + collection, 200, f"page {page} repeats earlier rows")
        seen |= ids
        models = yield from self._plan_materialize(rows, ModelList(session=self.session))
        return models, len(rows) >= page_size

    def reload_many(self, objects: Sequence[M]) -> None:
        """Load these objects again through the list route, in batched
        requests (one per 50 ids), or, when they are more than one batch and
        the whole of a list holding every object of a scope (a project's
        tasks, as a board route embedded them), by that list read again in
        one request: what a route left out of their rows is filled in. They
        keep the cohort they were loaded with."""
        self._run(self.plan_reload_many(objects))

    def plan_reload_many(self, objects: Sequence[M]) -> Plan[None]:
        """:meth:`reload_many` as a plan."""
        ids = [id_of(obj, self.model) for obj in objects]
        self._make_known(objects)
        scope = _whole_scope(objects)
        if scope:
            try:
                for list_path, params, _ in self._queries(scope):
                    rows = yield from self._plan_rows(list_path, params)
                    yield from self._plan_materialize(rows, ModelList(session=self.session), rebind=False)
                return
            except errors.PermissionDeniedError:
                pass  # the batches (and their fallback) may still be allowed
        yield from self._plan_fetch_by_ids(ids, rebind=False)

    def load_route(self, route_path: str, params: Mapping[str, Any] | None = None) -> ModelList[M]:
        """The models a dedicated list route answers (``data/projects/<id>/team``)."""
        return self._run(self.plan_load_route(route_path, params))

    def plan_load_route(self, route_path: str, params: Mapping[str, Any] | None = None) -> Plan[ModelList[M]]:
        """:meth:`load_route` as a plan."""
        rows = yield from self._plan_rows(route_path, dict(params or {}))
        return (yield from self._plan_materialize(rows, ModelList(session=self.session)))

    def materialize(self, rows: Iterable[Mapping[str, Any]], *, owned: bool = False) -> ModelList[M]:
        """Models for rows obtained elsewhere (a login answer, an event, a
        write's answer), merged into the objects already known; no request
        (but, for entities, one read of the entity types when one is unknown).

        The rows are copied, so the caller's dicts never become the models'
        storage; ``owned=True`` hands over fresh dicts nothing else holds
        (an answer just parsed) and skips the copy."""
        return self._run(self.plan_materialize(rows, owned=owned))

    def plan_materialize(self, rows: Iterable[Mapping[str, Any]], *, owned: bool = False) -> Plan[ModelList[M]]:
        """:meth:`materialize` as a plan (rows checked before anything is read)."""
        fresh = [row if owned else copy.deepcopy(row) for row in rows]
        for row in fresh:
            if not isinstance(row, dict):
                raise errors.InvalidArgumentError(f"a {self.model.__name__} row must be a dict, got {row!r:.80}")
        return (yield from self._plan_materialize(fresh, ModelList(session=self.session), rebind=False))  # type: ignore[arg-type]

    def plan_materialize_list(self, rows: list[dict[str, Any]], scope: dict[str, Any] | None = None) -> Plan[ModelList[M]]:
        """Models for a list answer read elsewhere (a route embedding these
        rows in another model's), made as a list load makes them: one cohort
        holding every object of ``scope``, known objects joining it. The rows
        are the caller's to give up: they become the models' storage."""
        return (yield from self._plan_materialize(rows, ModelList(session=self.session, scope=scope)))

    def plan_filter_into_one_cohort(
        self, key: str, values: Sequence[str], params: Mapping[str, Any]
    ) -> Plan[ModelList[M]]:
        """Objects whose ``key`` is one of ``values`` (with ``params``), read
        by lists of 50 values into one cohort: their own relations then load
        for all of them at once (the loader's query for many owners)."""
        cohort: ModelList[M] = ModelList(session=self.session)
        for chunk in chunks(list(values)):
            criteria = {key: chunk[0] if len(chunk) == 1 else list(chunk), **params}
            rows = yield from self._plan_rows(self._collection, {**self.route.params, **self._params(criteria)})
            yield from self._plan_materialize(rows, cohort)
        return cohort

    # --------------------------------------------------------------- writes
    def create(self, obj: M) -> M:
        """POST a new object; its fields are updated from the answer."""
        return self._run(self.plan_create(obj))

    def plan_create(self, obj: M) -> Plan[M]:
        """:meth:`create` as a plan."""
        self._check_own(obj)
        # Set fields, and fields with a default the server needs (a
        # comment's object_type): a default the model gives is sent too.
        fields = type(obj).model_fields
        defaulted = {
            name for name, field in fields.items()
            if field.default not in (None, PydanticUndefined) and not is_server_filled(field)
        }
        names = (set(obj.model_fields_set) | defaulted) - {"id", "type", "created_at", "updated_at"}
        route = obj._creation_route()
        if route.create_fields is not None:
            names &= set(route.create_fields)
        values = _checked_ids(self.model, obj.model_dump(mode="json", include=names))
        values = {route.create_renames.get(key, key): value for key, value in values.items()}
        path = yield from self._plan_path(route.create_endpoint, obj, route)
        row = answers.json_or_none("POST", path, (yield Request("POST", path, json=values)))
        if not isinstance(row, dict) or not is_id(row.get("id")):
            # No record to adopt: whether the server created it is not known.
            raise errors.UnexpectedAnswerError("POST", "/" + path, 200, f"expected the created {self.model.__name__}",
                                               answers.excerpt(row))
        self.session.identity.adopt(obj, row, Origin(self.session))
        return obj

    def update(self, obj: M) -> M:
        """PUT only the changed fields, and of ``data`` only the changed keys:
        where the server merges ``data`` key by key, keys another tool set
        meanwhile survive. Where it replaces ``data`` whole, the changed keys
        are merged into its current dict first, and removed keys left out.

        A key removed from ``data`` on a merging route cannot be removed
        there: :class:`errors.InvalidArgumentError`, nothing sent (set it to
        None instead). A failed save keeps every change to send again. The
        object's lock is held throughout (see ``KitsuModel.lock``).
        """
        with obj.lock:  # two saves of one object never overlap, nor a merge
            return self._run(self.plan_update(obj))

    def plan_update(self, obj: M) -> Plan[M]:
        """:meth:`update` as a plan (the caller holds the object's lock, or
        keeps saves of one object from overlapping)."""
        self._check_own(obj)
        state = state_of(obj)
        if state.data_cleared(obj):
            raise errors.InvalidArgumentError(
                f"{self.model.__name__}.data cannot be saved as {obj.__dict__.get('data')!r}: the server would keep "
                "its keys (set each key to None instead)"
            )
        changes, removed, taken = state.take_changes(obj)
        if not changes and not removed:
            return obj
        try:
            _checked_ids(self.model, changes)
            object_id = id_of(obj, self.model)
            if removed and self.route.merges_data:
                raise errors.InvalidArgumentError(
                    f"{self.model.__name__} data keys {removed} cannot be removed: the server merges data key "
                    "by key (set them to None instead)"
                )
            if self.route.update_whole:  # the route nulls what is not sent: send it all
                changes = {**obj.model_dump(mode="json", include=set(self.route.update_whole)), **changes}
            if ("data" in changes or removed) and not self.route.merges_data:
                item = yield from self._plan_endpoint(obj, self.route.item, "read")
                current = (yield from self._plan_row_at(item, object_id)).get("data") or {}
                merged = {**current, **changes.get("data", {})}
                changes["data"] = {key: value for key, value in merged.items() if key not in removed}
            route = yield from self._plan_endpoint(obj, self.route.update_endpoint, "updated")
            row = answers.json_or_none("PUT", route, (yield Request("PUT", route, json=changes)))
            if not isinstance(row, dict) or row.get("id") not in (None, object_id):
                # Not the record this route answers: the save is not known to have happened.
                raise errors.UnexpectedAnswerError("PUT", "/" + route, 200, "expected the saved record",
                                                   answers.excerpt(row))
        except BaseException:
            state.restore_changes(taken)
            raise
        # Fields assigned meanwhile are changes still: the merge keeps them.
        yield from self._plan_merge_into(obj, {**row, "id": object_id})
        return obj

    def delete(self, obj: M, *, force: bool = False) -> bool:
        """Delete ``obj`` on the server; returns True when it is gone.

        Where the server has a ``force`` variant, a plain delete of an object
        with linked data only cancels it (an asset with tasks): the object is
        then reloaded and stays usable, and False is returned.
        """
        return self._run(self.plan_delete(obj, force=force))

    def plan_delete(self, obj: M, *, force: bool = False) -> Plan[bool]:
        """:meth:`delete` as a plan."""
        self._check_own(obj)
        params = {"force": "true"} if force else None
        path = yield from self._plan_endpoint(obj, self.route.delete_endpoint, "deleted")
        yield Request("DELETE", path, params=params)
        if self.route.force_delete and not force:
            try:
                yield from self._plan_reload(obj)
                return False
            except errors.ModelNotFoundError:
                pass
        self.session.identity.evict(obj)
        obj.mark_deleted()
        return True

    def refresh(self, obj: M) -> M:
        """Reload the object, then the relations that were loaded on it."""
        return self._run(self.plan_refresh(obj))

    def plan_refresh(self, obj: M) -> Plan[M]:
        """:meth:`refresh` as a plan."""
        self._check_own(obj)
        loaded = state_of(obj).forget_relations()
        yield from self._plan_reload(obj)
        for name in loaded:
            yield from loader.plan(getattr(type(obj), name), [obj])
        return obj

    # -------------------------------------------------------------- helpers
    def _plan_reload(self, obj: M) -> Plan[None]:
        """Read ``obj``'s record again (through its path: a record under its
        parents takes their ids from its fields) and merge it in."""
        item = yield from self._plan_endpoint(obj, self.route.item, "read")
        row = yield from self._plan_row_at(item, id_of(obj, self.model))
        yield from self._plan_merge_into(obj, row)

    def _plan_merge_into(self, obj: M, row: dict[str, Any]) -> Plan[None]:
        """Merge ``row``, read or answered for ``obj``, into ``obj`` itself."""
        self._make_known([obj])
        yield from self._plan_materialize([row], ModelList(session=self.session), rebind=False)

    def _make_known(self, objects: Iterable[M]) -> None:
        """Each object is made the known object of its id, so the rows read
        for it fill it: the session may have forgotten it (``identity.clear()``)
        and loaded another copy since, which then keeps what it holds."""
        identity = self.session.identity
        for obj in objects:
            if identity.get(type(obj).identity_root(), obj.id) is not obj:
                identity.add(obj)

    def _plan_endpoint(self, obj: M, endpoint: Endpoint | None, verb: str) -> Plan[str]:
        """``endpoint`` filled for ``obj`` (InvalidArgumentError when the
        model has no route to ``verb`` it)."""
        if endpoint is None:
            raise errors.InvalidArgumentError(f"{self.model.__name__} objects cannot be {verb} through the API")
        return (yield from self._plan_path(endpoint, obj, self.route))

    def _check_own(self, obj: M) -> None:
        """Refuse an object of another model before any request: its fields
        would fill this model's path (a task's ``task_status_id`` would name
        the status to delete)."""
        if not isinstance(obj, self.model):
            name = self.model.__name__
            raise errors.InvalidArgumentError(f"{name} repository: expected a {name}, got a {type(obj).__name__}")

    def _plan_path(self, endpoint: Endpoint, obj: M, route: Route) -> Plan[str]:
        """``endpoint`` filled for ``obj``. A placeholder the route takes from
        a parent (``renames={"project_id": "budget.project_id"}``) is the id
        the object was read under (``get(..., project_id=)``), else is read
        from that parent, loaded through this session if need be."""
        parents: dict[str, Any] = {}
        state = peek(obj)
        remembered = (state.parents or {}) if state is not None else {}
        for placeholder, source in route.renames.items():
            if placeholder in remembered and placeholder in endpoint.placeholders:
                parents[placeholder] = remembered[placeholder]
            elif "." in source and placeholder in endpoint.placeholders:
                relation_name, field_name = source.split(".", 1)
                relation = getattr(self.model, relation_name)
                parent = yield from self.session.repository(relation.target()).plan_get(obj.__dict__[relation.key])
                parents[placeholder] = parent.__dict__.get(field_name)
        return endpoint.fill_from(obj, route.renames, **parents)

    def _plan_materialize(
        self, rows: Iterable[dict[str, Any]], cohort: ModelList[M], rebind: bool = True
    ) -> Plan[ModelList[M]]:
        """Rows as models, appended to ``cohort`` (the list loaded together).
        ``rebind=False`` for single-object reloads: known objects keep the
        cohort they were loaded with, so batch loading still spans it. Rows
        of a model whose class depends on the row (entities) first have
        their kinds known (one read of the entity types, once a session)."""
        if "class_for_row" in vars(self.model):
            rows = list(rows)
            yield from self.session.plan_entity_types(row.get("entity_type_id") for row in rows if isinstance(row, dict))
        origin = Origin(self.session, cohort)
        keyed = self.route.item is not None  # its rows name their object
        shapes: set[tuple[str, ...]] = set()
        objects = self.session.identity.materialize(self.model, rows, origin, rebind=rebind, keyed=keyed, shapes=shapes)
        seed_joined(self.session, self.model, objects, shapes)
        cohort.extend(objects)
        return cohort

    def _plan_rows(self, list_path: str, params: dict[str, Any], revalidate: bool = True) -> Plan[list[Row]]:
        return _rows((yield from exchange.get(list_path, params, revalidate=revalidate)), list_path)

    def _params(self, criteria: dict[str, FilterValue]) -> dict[str, str]:
        """Criteria as query parameters. A relation's name stands for its id
        field (``project=...`` is ``project_id=...``); aliases are applied."""
        params: dict[str, str] = {}
        fields = self.model.model_fields
        for name, value in criteria.items():
            relation = getattr(self.model, name, None)
            field_name = relation.key if isinstance(relation, Link) else name
            if field_name in fields and (fields[field_name].alias or fields[field_name].frozen):
                # Aliased fields are id lists of many-to-many links, frozen
                # ones are computed by some routes (``project_name``): the
                # server cannot filter on them (it would ignore the key).
                raise errors.InvalidArgumentError(f"{self.model.__name__}.{name} cannot be filtered on by the server")
            ids = True
            if field_name in fields:
                key = field_name
                _check_value(self.model, field_name, value)
                ids = holds_ids(fields[field_name]) or field_name == "id"
            elif name in self.route.params:
                key = name
            else:
                raise errors.InvalidArgumentError(f"{self.model.__name__} has no field {name!r} to filter on")
            params[key] = _as_param(value, key, ids)
        return params


def _remember_parents(obj: KitsuModel, within: Mapping[str, Any]) -> None:
    """Keep on ``obj`` the ids of the parents it was read under: its later
    paths (a refresh, a save) then need no parent loaded, which the session
    may have let go."""
    if within:
        state_of(obj).remember_parents({name: id_of(value, what=name) for name, value in within.items()})


def _whole_scope(objects: Sequence[KitsuModel]) -> dict[str, Any] | None:
    """The scope of the one list ``objects`` make up whole, when they are
    more than one batch of ids (else None)."""
    if len(objects) <= ID_CHUNK:
        return None
    origin = origin_of(objects[0])
    cohort = origin.cohort if origin is not None else None
    if cohort is None or not cohort.scope or len(cohort) != len(objects):
        return None
    if any(getattr(origin_of(obj), "cohort", None) is not cohort for obj in objects):
        return None
    return dict(cohort.scope)


@functools.lru_cache(maxsize=None)
def _adapter(model: type[KitsuModel], field_name: str) -> TypeAdapter[Any]:
    annotation = model.model_fields[field_name].annotation
    return TypeAdapter(annotation if annotation is not None else Any)


def _check_value(model: type[KitsuModel], field_name: str, value: FilterValue) -> None:
    """A typed error before any request when a criterion cannot match the
    field's type (``nb_frames="many"``). Models and id lists are checked
    as ids by :func:`_as_param`."""
    values = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    for item in values:
        if isinstance(item, KitsuModel):
            continue
        adapter = _adapter(model, field_name)  # pyright: ignore[reportArgumentType]  (a class is hashable)
        try:
            adapter.validate_python(item)
        except ValidationError:
            try:  # a list field (assignees) filtered by one of its items
                adapter.validate_python([item])
                continue
            except ValidationError:
                pass
            raise errors.InvalidArgumentError(
                f"{model.__name__}.{field_name} cannot be {item!r}"
            ) from None


def _checked_ids(model: type[KitsuModel], body: dict[str, Any]) -> dict[str, Any]:
    """``body``, once every id it sends is a canonical UUID (or None): a
    model may hold "" where the server sent it, but a write never sends it."""
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in body or body[key] is None or not holds_ids(field):
            continue
        for value in body[key] if isinstance(body[key], list) else [body[key]]:
            id_of(value, what=f"{model.__name__}.{name}")
    return body


def _exact_names(items: list[T], criteria: Mapping[str, FilterValue], name_of: Callable[[T], Any]) -> list[T]:
    """The server matches names as case-insensitive patterns ("_" and "%"
    are wildcards): with a ``name`` criterion, keep the exact matches only."""
    name = criteria.get("name")
    if not isinstance(name, str):
        return items
    return [item for item in items if name_of(item) == name]


def _rows(answer: Any, source: str) -> list[Row]:
    """The rows of a list answer: paged (``{"data": [...]}``), plain, or
    grouped by a parent's id (``{asset_id: [...]}``, flattened in order);
    :class:`errors.UnexpectedAnswerError` for any other shape."""
    if isinstance(answer, dict):
        if isinstance(answer.get("data"), list):
            answer = answer["data"]
        elif all(isinstance(group, list) for group in answer.values()):
            answer = [row for group in answer.values() for row in group]
    if not isinstance(answer, list) or not all(isinstance(row, dict) for row in answer):
        raise errors.UnexpectedAnswerError("GET", "/" + source, 200, "expected a list of objects", answers.excerpt(answer))
    return answer


def _as_param(value: FilterValue, key: str = "", ids: bool = True) -> str:
    if isinstance(value, KitsuModel):
        return id_of(value, what=key or "id")
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [_as_param(item, key, ids) for item in value]
        return json.dumps(items)
    if isinstance(value, bool):
        return "true" if value else "false"
    if ids and (key == "id" or key.endswith("_id")):
        return id_of(value, what=key)
    return str(value)
