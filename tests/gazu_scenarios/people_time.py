"""gazu.person: an artist's time spent read back by day, week, month, year
and range; the month's presence log; their days off given, read by week,
month and year, moved and removed."""

from __future__ import annotations

import datetime
from typing import Any

import gazu


DEPARTURES = {
    "get_presence_log": "Zou sends the presence log as text/csv without a charset; official gazu takes requests' "
                        "text, decoded as ISO-8859-1 for such answers, so a name that is not ASCII comes back "
                        "garbled ('Ã\x89lise MÃ¼ller'); ours decodes the UTF-8 Zou writes ('Élise Müller')",
}


def _days(record: Any) -> Any:
    """A day off's first and last days, written so normalization keeps them."""
    return [str(record[key])[:10].replace("-", "/") for key in ("date", "end_date")] if record else record


def run(call: Any) -> None:
    mark = call.marker
    g = gazu.person
    project = gazu.project.new_project(f"timesheets {mark}")
    character = gazu.asset.new_asset_type("Character")
    hero = gazu.asset.new_asset(project, character, f"hero {mark}")
    modeling = gazu.task.get_task_type_by_name("Modeling")
    person = g.new_person("Élise", f"Müller {mark}", f"elise.{mark}@example.com")
    task = gazu.task.new_task(hero, modeling, "main", assignees=[person])
    gazu.task.set_time_spent(task, person, "2026-03-09", 3600)
    gazu.task.set_time_spent(task, person, "2026-03-10", 5400)
    gazu.task.set_time_spent(task, person, "2026-04-01", 1800)

    # ------------------------------------------------------ time spent
    call("get_time_spents_by_date", g.get_time_spents_by_date, person, "2026-03-09")
    call("get_time_spents_by_date none", g.get_time_spents_by_date, person["id"], "2026-03-11")
    call("get_time_spents_range", g.get_time_spents_range, person["id"], "2026-03-01", "2026-03-31")
    call("get_time_spents_range wide", g.get_time_spents_range, person["id"], "2026-01-01", "2026-12-31")
    call("get_week_time_spents", g.get_week_time_spents, person, 2026, 11)
    call("get_week_time_spents empty", g.get_week_time_spents, person, 2026, 2)
    call("get_all_month_time_spents", g.get_all_month_time_spents, person["id"], datetime.date(2026, 3, 15))
    call("get_all_month_time_spents april", g.get_all_month_time_spents, person["id"], datetime.date(2026, 4, 1))
    call("get_year_time_spents", g.get_year_time_spents, person, 2026)
    call("get_year_time_spents empty", g.get_year_time_spents, person, 2025)

    log = call("get_presence_log", g.get_presence_log, 2026, 3)
    call.records[-1][1] = {"value": [line for line in (log or "").splitlines() if mark in line]}  # ours only

    # --------------------------------------------------------- days off
    day_off = call("new_day_off", g.new_day_off, person, "2026-03-10", "2026-03-12", f"holiday {mark}")
    call("new_day_off overlapping", g.new_day_off, person, "2026-03-11", "2026-03-13")
    other = call("new_day_off no description", g.new_day_off, person["id"], "2026-05-04", "2026-05-04")
    call("get_time_spents_by_date in day off", g.get_time_spents_by_date, person, "2026-03-10")
    call("get_day_off", g.get_day_off, day_off["id"])
    call("get_day_offs", g.get_day_offs, person)
    call("get_week_day_offs", g.get_week_day_offs, person, 2026, 11)
    call("get_week_day_offs empty", g.get_week_day_offs, person, 2026, 12)
    call("get_month_day_offs", g.get_month_day_offs, person, 2026, 3)
    call("get_month_day_offs may", g.get_month_day_offs, person["id"], 2026, 5)
    call("get_year_day_offs", g.get_year_day_offs, person, 2026)
    call("get_year_day_offs empty", g.get_year_day_offs, person, 2027)
    call("update_day_off", g.update_day_off, {"id": day_off["id"], "end_date": "2026-03-13",
                                              "description": f"longer holiday {mark}"})
    updated = call("get_day_off updated", g.get_day_off, day_off["id"])
    call("get_day_off updated days", _days, updated)  # the dates themselves: normalized away above
    call("remove_day_off", g.remove_day_off, day_off)
    call("remove_day_off by id", g.remove_day_off, other["id"])
    call("get_day_off gone", g.get_day_off, day_off["id"])
    call("get_day_offs none left", g.get_day_offs, person)

    call("remove_person with time spent", g.remove_person, person)
    gazu.task.remove_task(task)
    gazu.project.close_project(project)
    gazu.project.remove_project(project, force=True)
    call("remove_person forced", g.remove_person, person, True)
