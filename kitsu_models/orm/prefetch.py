"""``ModelList.prefetch``: dotted relation paths loaded in batches, the
independent loads at once.

``shots.prefetch("tasks.task_status", "casting", "sequence.episode")``
loads ``tasks``, ``casting`` and ``sequence`` for every shot (one batch
each, sent concurrently: they do not depend on each other), then, as each
arrives, the next level below it (``task_status`` of the tasks, ``episode``
of the sequences). A prefetch so takes about as long as its slowest chain
of lists, not their sum. Loads of the same class run one after the other
(in one step, or, however far apart in the tree, under one lock), so a
later one finds what an earlier one loaded instead of reading it too.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from typing import TYPE_CHECKING, Any

from ..exchange import Plan, drive
from . import loader
from .collection import ModelList
from .relations import Relation

if TYPE_CHECKING:
    from .base import KitsuModel

#: Relation paths as a tree: ``{"tasks": {"task_status": {}, "assignees": {}}}``.
PathTree = dict[str, "PathTree"]

#: Loads in flight at once: enough to overlap a walk's lists, few enough
#: not to crowd the server or the connection pool (10 connections).
MAX_PARALLEL = 4


def path_tree(paths: Sequence[str]) -> PathTree:
    """Dotted paths merged into a tree, so a shared prefix loads once."""
    tree: PathTree = {}
    for dotted in paths:
        node = tree
        for name in dotted.split("."):
            node = node.setdefault(name, {})
    return tree


def prefetch(items: Sequence[KitsuModel], paths: Sequence[str], parallel: int = MAX_PARALLEL) -> None:
    """Load the dotted relation ``paths`` on every item, a batch per
    relation and level, independent batches on up to ``parallel`` threads.
    The first error stops what has not started and is raised."""
    steps = _steps(items, path_tree(paths))
    if parallel <= 1 or (len(steps) == 1 and not any(steps[0].below.values())):
        _run_inline(steps)
        return
    # Steps of different levels may load one class (the tasks of assets and
    # of shots): one at a time, so the second finds what the first read.
    # (Locks are made here, in the one thread that submits.)
    locks: dict[Any, threading.Lock] = {}

    def run(step: Step, lock: threading.Lock) -> list[Step]:
        with lock:
            return step.run()

    with ThreadPoolExecutor(max_workers=parallel, thread_name_prefix="kitsu-prefetch") as pool:

        def submit(step: Step) -> Future[list[Step]]:
            return pool.submit(run, step, locks.setdefault(step.target, threading.Lock()))

        pending: set[Future[list[Step]]] = {submit(step) for step in steps}
        try:
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    pending |= {submit(step) for step in future.result()}
        except BaseException:
            for future in pending:
                future.cancel()
            raise


def _run_inline(steps: list[Step]) -> None:
    for step in steps:
        _run_inline(step.run())


@dataclass
class Step:
    """One unit of work: the relations of one owner class that load one
    target class (run in turn), their owners, and the paths below each."""

    target: Any
    relations: list[Relation]
    owners: list[KitsuModel]
    below: dict[str, PathTree]
    scope: dict[str, Any] | None

    def run(self) -> list[Step]:
        """Load the relations; the steps of the level below."""
        return drive(self.plan(), self.owners[0].session.transport.send)

    def plan(self) -> Plan[list[Step]]:
        """:meth:`run` as a plan (an async session awaits it)."""
        steps: list[Step] = []
        for relation in self.relations:
            subtree = self.below[relation.name]
            yield from loader.plan(relation, self.owners, self.scope, along=subtree.keys())
            if not subtree:
                continue
            reached: dict[int, KitsuModel] = {}
            for owner in self.owners:
                value = relation.cached(owner)
                for related in value if isinstance(value, list) else [value]:
                    if related is not None:
                        reached[id(related)] = related
            if reached:
                steps += _steps(ModelList(reached.values(), self.owners[0].session), subtree)
        return steps


def steps_of(items: Sequence[KitsuModel], paths: Sequence[str]) -> list[Step]:
    """The first steps of a prefetch of ``paths`` on ``items`` (each step
    gives those of the level below when it has run)."""
    return _steps(items, path_tree(paths))


def _steps(items: Sequence[KitsuModel], tree: PathTree) -> list[Step]:
    """The loads ``tree`` asks of ``items``: per class of item, the
    relations grouped by the class they load."""
    if not items or not tree:
        return []
    by_class: dict[type[Any], list[KitsuModel]] = {}
    for item in items:
        by_class.setdefault(type(item), []).append(item)
    scope = items.scope if isinstance(items, ModelList) else None
    steps: dict[tuple[type[Any], Any], Step] = {}
    for name, subtree in tree.items():
        for cls, owners in by_class.items():
            relation = getattr(cls, name, None)
            if not isinstance(relation, Relation):
                raise AttributeError(f"{cls.__name__} has no relation {name!r}")
            loads: Callable[[], type[Any]] | None = getattr(relation, "target", None)
            target = loads() if loads is not None else relation
            step = steps.setdefault((cls, target), Step(target, [], owners, {}, scope))
            step.relations.append(relation)
            step.below[name] = subtree
    return list(steps.values())
