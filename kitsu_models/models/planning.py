"""Planning: DayOff, Milestone, ScheduleItem, ProductionScheduleVersion,
Budget, BudgetEntry."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from .. import catalogue as api
from ..orm.base import Id, KitsuModel, server_filled
from ..orm.relations import MaybeToOne, ToMany, ToOne
from ..routes import Route
from .choices import Position, Seniority
from . import people, production, tasks


class DayOff(KitsuModel):
    """Days a person is away, from ``date`` to ``end_date``."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("date", "end_date")
    __route__: ClassVar[Route] = Route(api.DAY_OFFS, api.DAY_OFF)

    date: dt.date
    end_date: dt.date | None = None  # the server stores ``date`` when none is sent
    description: str | None = None
    person_id: Id | None = None

    person: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "person_id", init=False)


class Milestone(KitsuModel):
    """A dated goal of a production's schedule (of one task type, or of all)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "date")
    __route__: ClassVar[Route] = Route(api.MILESTONES, api.MILESTONE)

    name: str
    date: dt.date | None = None
    project_id: Id | None = None
    task_type_id: Id | None = None

    project: MaybeToOne[production.Project] = MaybeToOne(lambda: production.Project, "project_id", init=False)
    task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "task_type_id", init=False)


class ScheduleItem(KitsuModel):
    """One bar of a production's schedule: a task type's dates, for the
    production or one of its asset types, episodes, sequences or edits
    (``object_id``)."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("start_date", "end_date")
    __route__: ClassVar[Route] = Route(api.SCHEDULE_ITEMS, api.SCHEDULE_ITEM)

    start_date: dt.date | None = None
    end_date: dt.date | None = None
    man_days: int | None = None
    project_id: Id | None = None
    task_type_id: Id | None = None
    object_id: Id | None = None

    project: MaybeToOne[production.Project] = MaybeToOne(lambda: production.Project, "project_id", init=False)
    task_type: MaybeToOne[tasks.TaskType] = MaybeToOne(lambda: tasks.TaskType, "task_type_id", init=False)


class ProductionScheduleVersion(KitsuModel):
    """A saved version of a production's schedule, to compare or apply."""

    __route__: ClassVar[Route] = Route(api.SCHEDULE_VERSIONS, api.SCHEDULE_VERSION)

    name: str
    project_id: Id
    production_schedule_from: Id | None = None
    locked: bool | None = None
    canceled: bool | None = None

    project: ToOne[production.Project] = ToOne(lambda: production.Project, "project_id", init=False)
    based_on: MaybeToOne[ProductionScheduleVersion] = MaybeToOne(
        lambda: ProductionScheduleVersion, "production_schedule_from", init=False
    )


class Budget(KitsuModel):
    """A revision of a production's budget: its entries are people and
    positions over months."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("name", "revision")
    __route__: ClassVar[Route] = Route(
        api.BUDGETS, api.PROJECT_BUDGET, create=api.PROJECT_BUDGETS, create_fields=("name", "currency"),
    )

    name: str
    revision: int = server_filled(1)
    currency: str | None = None
    project_id: Id | None = None

    project: MaybeToOne[production.Project] = MaybeToOne(lambda: production.Project, "project_id", init=False)
    entries: ClassVar[ToMany[BudgetEntry]] = ToMany(lambda: BudgetEntry, foreign_key="budget_id", route=api.BUDGET_ENTRIES)


#: What a budget entry is made of; the server nulls those a save leaves out.
BUDGET_ENTRY_FIELDS = (
    "department_id", "person_id", "start_date", "months_duration", "daily_salary", "position", "seniority", "exceptions",
)


class BudgetEntry(KitsuModel):
    """A line of a budget: a position of a department (a person, or one to
    hire) for some months at a daily salary."""

    __repr_keys__: ClassVar[tuple[str, ...]] = ("position", "seniority", "months_duration")
    __route__: ClassVar[Route] = Route(
        api.ALL_BUDGET_ENTRIES, api.BUDGET_ENTRY, create=api.BUDGET_ENTRIES,
        renames={"project_id": "budget.project_id"},
        create_fields=BUDGET_ENTRY_FIELDS, update_whole=BUDGET_ENTRY_FIELDS,
    )

    budget_id: Id
    department_id: Id
    person_id: Id | None = None
    start_date: dt.date
    months_duration: int
    daily_salary: float
    position: Position | None = None
    seniority: Seniority | None = None
    exceptions: dict[str, Any] | None = None

    budget: ToOne[Budget] = ToOne(lambda: Budget, "budget_id", init=False)
    department: ToOne[people.Department] = ToOne(lambda: people.Department, "department_id", init=False)
    person: MaybeToOne[people.Person] = MaybeToOne(lambda: people.Person, "person_id", init=False)
