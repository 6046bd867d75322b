"""gazu.project: a production's budgets and their entries, as a production
manager keeps them: created, read, renamed, an entry per position added,
revised and removed."""

from __future__ import annotations

from typing import Any

import gazu

MISSING = "00000000-0000-4000-8000-000000000000"


def run(call: Any) -> None:
    mark = call.marker
    project = gazu.project.new_project(f"budgets {mark}", "featurefilm")
    department = gazu.client.create("departments", {"name": f"animation {mark}", "color": "#334455"})
    artist = gazu.person.new_person("Hayao", f"Miyazaki {mark}", f"hayao.{mark}@example.com")
    try:
        _budgets(call, project, department, artist)
    finally:
        gazu.project.close_project(project)
        gazu.project.remove_project(project, force=True)
        gazu.person.remove_person(artist, force=True)
        gazu.client.delete(f"data/departments/{department['id']}")


def _budgets(call: Any, project: Any, department: Any, artist: Any) -> None:
    mark, p = call.marker, gazu.project
    call("get_budgets empty", p.get_budgets, project)
    budget = call("create_budget", p.create_budget, project, f"main {mark}", currency="EUR")
    call("create_budget all fields", p.create_budget, project["id"], f"reshoots {mark}", "extra days", "USD",
         "2026-01-01", "2026-06-30", 250000)
    call("create_budget no currency", p.create_budget, project, f"plain {mark}")
    call("create_budget no name", p.create_budget, project, "")
    call.unordered("get_budgets", p.get_budgets, project["id"])
    call("get_budget", p.get_budget, project, budget)
    call("get_budget by id", p.get_budget, project["id"], budget["id"])
    call("get_budget missing", p.get_budget, project, MISSING)
    call("update_budget", p.update_budget, project, budget, {"name": f"main v2 {mark}", "currency": "GBP"})
    call("update_budget unknown field", p.update_budget, project, budget["id"], {"amount": 12})
    call("get_budget updated", p.get_budget, project, budget)

    # ------------------------------------------------------------ entries
    call("get_budget_entries empty", p.get_budget_entries, project, budget)
    call("create_budget_entry", p.create_budget_entry, project, budget, f"animator {mark}", "2026-02-01", 12000,
         2, 6000, "two animators", "salaries")
    call("create_budget_entry name only", p.create_budget_entry, project["id"], budget["id"], f"extra {mark}")
    # Zou 1.0.97's entries are per department and position (what gazu's
    # create_budget_entry does not send): made with the raw client.
    entry = gazu.client.post(f"data/projects/{project['id']}/budgets/{budget['id']}/entries", {
        "department_id": department["id"], "person_id": artist["id"], "start_date": "2026-02-01",
        "months_duration": 4, "daily_salary": 350.0, "position": "artist", "seniority": "senior",
    })
    call("get_budget_entries", p.get_budget_entries, project, budget)
    call("get_budget_entry", p.get_budget_entry, project, budget, entry)
    call("get_budget_entry by id", p.get_budget_entry, project["id"], budget["id"], entry["id"])
    call("get_budget_entry missing", p.get_budget_entry, project, budget, MISSING)
    # Zou 1.0.97 writes every field of the update, None for those not sent
    # (a server error): a full entry is sent, then a partial one.
    fields = {key: entry[key] for key in ("department_id", "person_id", "start_date", "position")}
    call("update_budget_entry", p.update_budget_entry, project, budget, entry,
         {**fields, "months_duration": 6, "daily_salary": 380.5, "seniority": "mid", "exceptions": {"2026-03": 420.0}})
    call("update_budget_entry partial", p.update_budget_entry, project["id"], budget["id"], entry["id"],
         {"months_duration": 5})
    call("get_budget_entry updated", p.get_budget_entry, project, budget, entry)
    call("remove_budget_entry", p.remove_budget_entry, project, budget, entry)
    call("get_budget_entry gone", p.get_budget_entry, project, budget, entry["id"])
    call("get_budget_entries after", p.get_budget_entries, project, budget)
    call("remove_budget", p.remove_budget, project, budget)
    call("get_budget gone", p.get_budget, project, budget["id"])
    call("remove_budget gone", p.remove_budget, project, budget)
