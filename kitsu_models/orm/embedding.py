"""Two levels of relations in one request: a list route that embeds, in
each row, the object's own children (``data/assets/with-tasks?project_id=``:
a project's assets, each row with its ``tasks``).

``project.prefetch("assets.tasks")`` then reads one list instead of two
(the assets, then the project's tasks), and the prefetch is no longer bound
by the slower of them waiting for the other. Such routes send fewer columns
than the objects' own routes (an asset row lacks its status, a task row
its name): the objects they create are *partial*, and the first read of a
missing field loads it for the whole list in one request
(``KitsuModel.__getattr__``), as for the objects :mod:`.joins` seeds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import exchange
from ..errors import PermissionDeniedError
from ..exchange import Plan
from ..catalogue import PROJECT_TEAM
from ..routes import Endpoint
from .collection import ModelList

if TYPE_CHECKING:
    from .base import KitsuModel
    from .relations import ToMany

#: The roles for whom such a route lists every child with every column. A
#: vendor's list is cut down to what the vendor is assigned to, a client's
#: task rows are blanked: their prefetch takes the objects' own routes. The
#: role that counts is the one held on the project (a team link may set one).
COMPLETE_FOR = frozenset({"admin", "manager", "supervisor", "user"})

#: What some routes send for "no value" in an id column.
BLANK = ("", "None")


@dataclass(frozen=True)
class Embedding:
    """A list route answering a to-many relation's objects, each row with the
    rows of one of their own relations under that relation's name.

    - ``route``: the list route, queried with the relation's foreign key
      (``project_id=<the owner's id>``);
    - ``relation``: the children's relation embedded (``"tasks"``);
    - ``copies``: row key -> the field it also fills, where the route
      names a column otherwise (``asset_type_id`` is the ``entity_type_id``);
    - ``blanks``: id columns where the route sends ``""`` or ``"None"`` for
      no value (read as None).

    The embedded rows belong to the owner too: the foreign key is filled in
    where the rows or their children lack it (a task row has no ``project_id``).
    """

    route: Endpoint
    relation: str
    copies: Mapping[str, str] = field(default_factory=dict)
    blanks: tuple[str, ...] = ()

    def plan_applies(self, owner: KitsuModel) -> Plan[bool]:
        """Whether the route answers complete lists for the logged-in user on
        the owner's project: an admin's role is global; anyone else's is the
        one their team link sets, else their own (a read of the team, for
        each list: a role may change at any time)."""
        me = yield from owner.session.plan_me()
        role = getattr(me, "role", None)
        if role == "admin":
            return True
        if role not in COMPLETE_FOR:
            return False
        try:
            # The team lists the role each member holds there (``project_role``).
            team = yield from exchange.get(PROJECT_TEAM.fill(project_id=owner))
        except PermissionDeniedError:
            return False
        mine = [member for member in team if isinstance(member, dict) and member.get("id") == me.id]
        return bool(mine) and (mine[0].get("project_role") or role) in COMPLETE_FOR

    def plan_load(self, relation: ToMany[Any], owner: KitsuModel) -> Plan[bool]:
        """Load ``relation`` of ``owner``, and the embedded relation of each
        object it holds; False, having loaded nothing, where the server
        refuses the route (the caller then takes the objects' own routes)."""
        key = relation.foreign_key
        assert key is not None, "an embedding backs a relation with a foreign key"
        try:
            answer = yield from exchange.get(self.route.fill(), {key: owner.id}, revalidate=True)
        except PermissionDeniedError:
            return False
        if not isinstance(answer, list) or not all(isinstance(row, dict) for row in answer):
            return False  # not the shape this route sends: the objects' own routes will tell
        yield from self._store(relation, owner, answer)  # (materialising pauses the collector, no request)
        return True

    def _store(self, relation: ToMany[Any], owner: KitsuModel, rows: list[dict[str, Any]]) -> Plan[None]:
        """The answer's rows as ``relation``'s objects of ``owner``, each with
        its embedded relation stored."""
        key = str(relation.foreign_key)
        session = owner.session
        child_model = relation.target()
        inner: ToMany[Any] = getattr(child_model, self.relation)
        inner_model = inner.target()
        fills_inner = key in inner_model.model_fields
        groups: list[list[dict[str, Any]]] = []
        for row in rows:
            group = row.pop(self.relation, None) or []
            for source, target in self.copies.items():
                if source in row:
                    row.setdefault(target, row[source])
            for column in self.blanks:
                if row.get(column) in BLANK:
                    row[column] = None
            row.setdefault(key, owner.id)
            if fills_inner:
                for inner_row in group:
                    inner_row.setdefault(key, owner.id)
            groups.append(group)
        scope = {key: owner.id}
        children = yield from session.repository(child_model).plan_materialize_list(rows, scope)
        flat = yield from session.repository(inner_model).plan_materialize_list(
            [inner_row for group in groups for inner_row in group], scope if fills_inner else None
        )
        start = 0
        for child, group in zip(children, groups):
            if inner.cached(child) is None:
                scope_of_child = {inner.foreign_key: child.id} if inner.foreign_key else None
                inner.store(child, ModelList(flat[start : start + len(group)], session, scope_of_child))
            start += len(group)
        relation.store(owner, children)
