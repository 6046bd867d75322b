"""gazu.user, the admin's own time sheet: time spent logged on two tasks of
a production, read back by day, by task and over a range; a day off read
back; a desktop session log-in recorded and listed."""

from __future__ import annotations

import datetime
import random
from typing import Any

import gazu

DEPARTURES = {
    "get_time_spents_by_date not a date": "ours refuses a date that is not YYYY-MM-DD before sending "
    "(ValueError); official gazu puts it in the path and the server answers an empty list, as for a day "
    "without time spent: the README's 'dates checked before sending'",
}


def run(call: Any) -> None:
    mark = call.marker
    # Days of this run only (two runs share the server and its admin); answers show them as <time>.
    first = datetime.date(2040, 1, 1) + datetime.timedelta(days=random.Random(mark).randrange(15000))
    day, next_day, off_day = (str(first + datetime.timedelta(days=n)) for n in (0, 1, 3))
    me = gazu.client.get_current_user()
    project = gazu.project.new_project(f"timesheet {mark}")
    layout = gazu.task.new_task_type(f"layout {mark}", for_entity="Shot")
    day_off = None
    try:
        gazu.project.add_person_to_team(project, me)
        gazu.project.add_task_type(project, layout, 1)
        sequence = gazu.shot.new_sequence(project, f"sq01 {mark}")
        shots = [gazu.shot.new_shot(project, sequence, f"sh0{n}0 {mark}") for n in (1, 2)]
        tasks = [gazu.task.new_task(shot, layout, assignees=[me]) for shot in shots]
        gazu.task.set_time_spent(tasks[0], me, day, 120)
        gazu.task.set_time_spent(tasks[1], me, day, 60)
        gazu.task.set_time_spent(tasks[0], me, next_day, 240)
        day_off = gazu.person.new_day_off(me, off_day, off_day, f"dentist {mark}")

        call.unordered("get_time_spents_by_date", gazu.user.get_time_spents_by_date, day, by="duration")
        call("get_time_spents_by_date none", gazu.user.get_time_spents_by_date, off_day)
        call("get_time_spents_by_date not a date", gazu.user.get_time_spents_by_date, "yesterday")
        call("get_task_time_spent", gazu.user.get_task_time_spent, tasks[0], day)
        call("get_task_time_spent next day", gazu.user.get_task_time_spent, tasks[0]["id"], next_day)
        call("get_task_time_spent none", gazu.user.get_task_time_spent, tasks[1], next_day)
        call.unordered("get_timespents_range", gazu.user.get_timespents_range, day, off_day, by="duration")
        call("get_timespents_range one day", gazu.user.get_timespents_range, next_day, next_day)
        call("get_timespents_range reversed", gazu.user.get_timespents_range, off_day, day)
        call("get_day_off", gazu.user.get_day_off, off_day)
        call("get_day_off none", gazu.user.get_day_off, day)

        logged = call("log_desktop_session_log_in", gazu.user.log_desktop_session_log_in)
        logs = call("all_desktop_login_logs", gazu.user.all_desktop_login_logs)
        # Every run of every test logs the admin in: keep what says this run's log-in is listed.
        call.records[-1][1] = {"value": {
            "listed": isinstance(logs, list) and any(log.get("id") == (logged or {}).get("id") for log in logs),
            "keys": sorted(logs[0]) if logs else None}}
    finally:
        if day_off is not None:
            gazu.person.remove_day_off(day_off)
        gazu.project.close_project(project)
        gazu.project.remove_project(project, force=True)
        gazu.task.remove_task_type(layout)
