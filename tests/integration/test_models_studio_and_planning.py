"""The models of the studio's settings and of planning against the real
server: each created with ``save()``, read back in another session, one
field saved alone, deleted; budgets and their entries through the
production's routes; relations walked in batch."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest

from kitsu_models import errors
from kitsu_models.models import (
    Budget, BudgetEntry, CustomAction, DayOff, Department, HardwareItem, KitsuModel, Milestone, Person, Plugin,
    PreviewBackgroundFile, ProductionScheduleVersion, Project, ProjectTemplate, ScheduleItem, StatusAutomation, Studio,
)
from kitsu_models.session import Kitsu

from .models_support import RequestLog, clone, create_person, delete_people

pytestmark = pytest.mark.server

Build = Callable[[Kitsu, Project, str], KitsuModel]


def _statuses(kitsu: Kitsu) -> tuple[str, str, str]:
    modeling = kitsu.task_types.first(name="Modeling", for_entity="Asset")
    assert modeling is not None
    return modeling.id, kitsu.task_statuses.get_by_name("Todo").id, kitsu.task_statuses.get_by_name("Done").id


#: model -> (a new object of a test production, a field to save alone, its new value)
CASES: dict[str, tuple[Build, str, Any]] = {
    "Studio": (lambda k, p, tag: Studio(name=f"studio {tag}", color="#112233"), "color", "#445566"),
    "CustomAction": (lambda k, p, tag: CustomAction(name=f"open {tag}", url="https://tools.test/open",
                                                    entity_type="all"), "url", "https://tools.test/other"),
    "StatusAutomation": (
        lambda k, p, tag: StatusAutomation(entity_type="asset", in_task_type_id=_statuses(k)[0],
                                           in_task_status_id=_statuses(k)[2], out_field_type="status",
                                           out_task_type_id=_statuses(k)[0], out_task_status_id=_statuses(k)[1]),
        "import_last_revision", True,
    ),
    "PreviewBackgroundFile": (lambda k, p, tag: PreviewBackgroundFile(name=f"hdr {tag}"), "name", "renamed hdr"),
    "ProjectTemplate": (lambda k, p, tag: ProjectTemplate(name=f"template {tag}", fps="24"), "description",
                        "a studio template"),
    "HardwareItem": (lambda k, p, tag: HardwareItem(name=f"ws {tag}", short_name=tag[:6]), "monthly_cost", 120),
    "Plugin": (lambda k, p, tag: Plugin(plugin_id=f"plug-{tag}", name=f"plugin {tag}", version="1.0.0",
                                        maintainer_name="TD", license="MIT"), "description", "does things"),
    "DayOff": (lambda k, p, tag: DayOff(date=dt.date(2031, 5, 4), end_date=dt.date(2031, 5, 6),
                                        person_id=k.me.id, description="away"), "description", "holidays"),
    "Milestone": (lambda k, p, tag: Milestone(name=f"lock {tag}", date=dt.date(2031, 6, 1), project_id=p.id),
                  "name", "picture lock"),
    "ScheduleItem": (lambda k, p, tag: ScheduleItem(project_id=p.id, task_type_id=_statuses(k)[0],
                                                    start_date=dt.date(2031, 1, 5), end_date=dt.date(2031, 2, 5)),
                     "man_days", 12),
    "ProductionScheduleVersion": (lambda k, p, tag: ProductionScheduleVersion(name=f"v1 {tag}", project_id=p.id),
                                  "name", "v2"),
    "Budget": (lambda k, p, tag: Budget(name=f"budget {tag}", currency="EUR", project_id=p.id), "name", "revised"),
}


@pytest.mark.parametrize("model", sorted(CASES))
def test_create_read_save_one_field_delete(model: str, new_session: Callable[..., Kitsu], make_project: Any) -> None:
    kitsu = new_session()
    project = kitsu.projects.get(make_project(task_types=["Modeling"], task_statuses=["Todo", "Done"], asset_types=[])["id"])
    build, field, value = CASES[model]
    new = build(kitsu, project, uuid.uuid4().hex[:8])
    given = new.model_dump(include=set(new.model_fields_set))
    created = new.save(kitsu)
    cls = type(created)
    try:
        assert created.id and kitsu.repository(cls).get(created.id) is created
        fresh = clone(kitsu).repository(cls)
        again = fresh.get(created.id, **({"project_id": project.id} if cls is Budget else {}))
        assert again.model_dump(include=set(given)) == given
        with RequestLog(kitsu) as log:
            setattr(created, field, value)
            created.save()
        assert [(s.method, s.body) for s in log.writes()] == [("PUT", {cls.model_fields[field].alias or field:
                                                                       created.model_dump(mode="json")[field]})]
        assert getattr(again.refresh(), field) == value
    finally:
        created.delete()
    assert created.is_deleted
    with pytest.raises(errors.ModelNotFoundError):
        clone(kitsu).repository(cls).get(created.id, **({"project_id": project.id} if cls is Budget else {}))


def test_a_budgets_entries_are_saved_read_and_deleted_under_their_production(
    new_session: Callable[..., Kitsu], make_project: Any
) -> None:
    """A budget and its entries live under the production's routes (where
    managers may write them): an entry's path takes its budget's project."""
    kitsu = new_session()
    project = kitsu.projects.get(make_project(task_types=[], task_statuses=[], asset_types=[])["id"])
    modeling = kitsu.departments.get_by_name("Modeling")
    budget = Budget(name="season 1", currency="EUR", project_id=project.id).save(kitsu)
    with RequestLog(kitsu) as log:
        entry = BudgetEntry(budget_id=budget.id, department_id=modeling.id, start_date=dt.date(2031, 1, 1),
                            months_duration=3, daily_salary=300.0, position="artist", seniority="mid").save(kitsu)
    assert [(s.method, s.path) for s in log.writes()] == [
        ("POST", f"data/projects/{project.id}/budgets/{budget.id}/entries")
    ]
    fresh = clone(kitsu)
    assert [e.id for e in fresh.budgets.get(budget.id, project_id=project.id).entries] == [entry.id]
    with RequestLog(kitsu) as log:
        entry.months_duration = 6
        entry.save()
    # Zou 1.0.97 nulls what a budget entry's save leaves out: the whole entry is sent.
    assert log.writes()[0].body == {"department_id": modeling.id, "person_id": None, "start_date": "2031-01-01",
                                    "months_duration": 6, "daily_salary": 300.0, "position": "artist",
                                    "seniority": "mid", "exceptions": {}}
    within = {"project_id": project.id, "budget_id": budget.id}  # a fresh session may not hold the entry any more
    assert fresh.budget_entries.get(entry.id, **within).refresh().months_duration == 6
    assert entry.budget is budget and entry.department is modeling
    entry.delete()
    assert budget.refresh().entries == []
    budget.delete()


def test_a_person_day_offs_and_a_projects_milestones_load_for_many_owners_at_once(
    admin: Kitsu, new_session: Callable[..., Kitsu], make_project: Any
) -> None:
    kitsu = new_session()
    people = [create_person(admin, "Away") for _ in range(3)]
    projects = [make_project(task_types=[], task_statuses=[], asset_types=[])["id"] for _ in range(2)]
    days: list[DayOff] = []
    try:
        for index, person in enumerate(people[:2]):
            days.append(DayOff(date=dt.date(2031, 7, 1 + index), end_date=dt.date(2031, 7, 3 + index),
                               person_id=person.id).save(kitsu))
        Milestone(name="lock", date=dt.date(2031, 8, 1), project_id=projects[0]).save(kitsu)
        loaded = clone(kitsu)
        persons = loaded.persons.filter(id=[person.id for person in people])
        productions = loaded.projects.filter(id=projects)
        with RequestLog(loaded) as log:
            persons.prefetch("day_offs")
            productions.prefetch("milestones")
        assert [s.path for s in log.sent] == ["data/day-offs", "data/milestones"], log.summary()
        by_person = {person.id: [day.date for day in person.day_offs] for person in persons}
        assert by_person == {people[0].id: [dt.date(2031, 7, 1)], people[1].id: [dt.date(2031, 7, 2)], people[2].id: []}
        assert [[m.name for m in p.milestones] for p in sorted(productions, key=lambda p: projects.index(p.id))] == [
            ["lock"], []
        ]
        away = persons.by_id()[people[0].id]
        assert away.day_offs[0].person is away
    finally:
        for day in days:
            day.delete()
        delete_people(admin, people)


def test_salary_scales_of_a_department_and_its_studio_people(admin: Kitsu, new_session: Callable[..., Kitsu]) -> None:
    """The server makes a department's salary scales itself; one is saved
    alone. A person's studio is a typed relation, and a studio its people."""
    kitsu = new_session()
    department = Department(name=f"dept {uuid.uuid4().hex[:8]}", color="#000000").save(kitsu)
    studio = Studio(name=f"studio {uuid.uuid4().hex[:8]}", color="#123456").save(kitsu)
    person = create_person(admin, "Studio", studio_id=studio.id)
    try:
        scales = clone(kitsu).departments.get(department.id).salary_scales
        assert scales and {scale.department_id for scale in scales} == {department.id}
        scale = scales[0]
        scale.salary = 321
        scale.save()
        assert kitsu.salary_scales.get(scale.id).refresh().salary == 321
        assert kitsu.persons.get(person.id).studio is studio
    finally:
        delete_people(admin, [person])
        studio.delete()
        department.delete()


def test_a_template_lists_what_a_production_made_from_it_uses(new_session: Callable[..., Kitsu]) -> None:
    kitsu = new_session()
    template = ProjectTemplate(name=f"template {uuid.uuid4().hex[:8]}").save(kitsu)
    modeling = kitsu.task_types.first(name="Modeling", for_entity="Asset")
    todo = kitsu.task_statuses.get_by_name("Todo")
    assert modeling is not None
    try:
        kitsu.transport.post(f"data/project-templates/{template.id}/task-types", {"task_type_id": modeling.id})
        kitsu.transport.post(f"data/project-templates/{template.id}/task-statuses", {"task_status_id": todo.id})
        fresh = clone(kitsu).project_templates.get(template.id)
        assert fresh.task_types.ids() == [modeling.id] and fresh.task_statuses.ids() == [todo.id]
        assert fresh.asset_types == [] and fresh.status_automations == []
    finally:
        template.delete()


def test_models_without_a_list_of_their_own_say_so_before_any_request(admin: Kitsu) -> None:
    with RequestLog(admin) as log:
        for repository in (admin.build_jobs, admin.desktop_login_logs, admin.playlist_share_links):
            with pytest.raises(errors.InvalidArgumentError, match="no list route of its own"):
                repository.all()
    assert log.sent == []
    assert isinstance(admin.me, Person)
