"""Lost updates, side by side with official gazu: two sessions load the same
shot and task, each changes its own field and its own ``data`` key, and both
save (in turn, the second from a stale copy). Counts the edits the server
does not have afterwards.

    .venv/bin/python bench/lost_updates.py [--rounds 20]

Credentials from KITSU_API_URL, KITSU_ADMIN_EMAIL, KITSU_ADMIN_PASSWORD;
official gazu runs in /opt/gazu-venv (created if missing).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import OFFICIAL, ensure_gazu_venv  # noqa: E402

from kitsu_models.models import Project, Sequence, Shot, Task  # noqa: E402
from kitsu_models.session import Kitsu  # noqa: E402

GAZU_ROUNDS = """
import json, os, sys
import gazu
shot_id, task_id, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
clients = []
for _ in range(2):
    client = gazu.client.create_client(os.environ["KITSU_API_URL"])
    gazu.log_in(os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"], client=client)
    clients.append(client)
ours, theirs = clients
lost = 0
for n in range(rounds):
    a_shot, b_shot = (gazu.shot.get_shot(shot_id, client=c) for c in clients)
    a_task, b_task = (gazu.task.get_task(task_id, client=c) for c in clients)
    a_shot["description"] = f"ours {n}"; a_shot["data"] = {**(a_shot["data"] or {}), "ours": n}
    b_shot["nb_frames"] = 100 + n; b_shot["data"] = {**(b_shot["data"] or {}), "theirs": n}
    a_task["priority"] = n % 4; a_task["data"] = {**(a_task["data"] or {}), "ours": n}
    b_task["description"] = f"theirs {n}"; b_task["data"] = {**(b_task["data"] or {}), "theirs": n}
    gazu.shot.update_shot(a_shot, client=ours); gazu.shot.update_shot(b_shot, client=theirs)
    gazu.task.update_task(a_task, client=ours); gazu.task.update_task(b_task, client=theirs)
    shot, task = gazu.shot.get_shot(shot_id, client=ours), gazu.task.get_task(task_id, client=ours)
    checks = [shot["description"] == f"ours {n}", shot["nb_frames"] == 100 + n,
              (shot["data"] or {}).get("ours") == n, (shot["data"] or {}).get("theirs") == n,
              task["priority"] == n % 4, task["description"] == f"theirs {n}",
              (task["data"] or {}).get("ours") == n, (task["data"] or {}).get("theirs") == n]
    lost += checks.count(False)
print(json.dumps({"edits": 8 * rounds, "lost": lost}))
"""


def ours(host: str, kitsu: Kitsu, shot_id: str, task_id: str, rounds: int) -> dict[str, int]:
    a, b = Kitsu(host, tokens=kitsu.tokens), Kitsu(host, tokens=kitsu.tokens)
    lost = 0
    for n in range(rounds):
        a_shot, b_shot = a.shots.load(shot_id), b.shots.load(shot_id)
        a_task, b_task = a.tasks.load(task_id), b.tasks.load(task_id)
        a_shot.description = f"ours {n}"
        a_shot.data = {**(a_shot.data or {}), "ours": n}
        b_shot.nb_frames = 100 + n
        b_shot.data = {**(b_shot.data or {}), "theirs": n}
        a_task.priority = n % 4
        a_task.data = {**(a_task.data or {}), "ours": n}
        b_task.description = f"theirs {n}"
        b_task.data = {**(b_task.data or {}), "theirs": n}
        for obj in (a_shot, b_shot, a_task, b_task):
            obj.save()
        fresh = Kitsu(host, tokens=kitsu.tokens)
        shot, task = fresh.shots.load(shot_id), fresh.tasks.load(task_id)
        checks = [shot.description == f"ours {n}", shot.nb_frames == 100 + n, (shot.data or {}).get("ours") == n,
                  (shot.data or {}).get("theirs") == n, task.priority == n % 4, task.description == f"theirs {n}",
                  (task.data or {}).get("ours") == n, (task.data or {}).get("theirs") == n]
        lost += checks.count(False)
    return {"edits": 8 * rounds, "lost": lost}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    host = os.environ["KITSU_API_URL"]
    kitsu = Kitsu.login(host, os.environ["KITSU_ADMIN_EMAIL"], os.environ["KITSU_ADMIN_PASSWORD"])
    project = Project(name=f"bench-lost-{uuid.uuid4().hex[:6]}", production_type="short").save(kitsu)
    try:
        sequence = Sequence(name="SQ01", project_id=project.id).save(kitsu)
        shot = Shot(name="SH01", project_id=project.id, parent_id=sequence.id, data={}).save(kitsu)
        task_type = kitsu.task_types.first(for_entity="Shot")
        status = kitsu.task_statuses.get_by_name("Todo")
        assert task_type is not None
        project.add_task_type(task_type).add_task_status(status)
        task = Task(project_id=project.id, entity_id=shot.id, task_type_id=task_type.id,
                    task_status_id=status.id).save(kitsu)
        results = {"kitsu_models (changed fields only)": ours(host, kitsu, shot.id, task.id, args.rounds)}
        ensure_gazu_venv()
        out = subprocess.run([OFFICIAL, "-c", GAZU_ROUNDS, shot.id, task.id, str(args.rounds)], cwd="/tmp",
                             capture_output=True, text=True, check=True, env=os.environ)
        results["official gazu 1.3.1 (update_shot / update_task)"] = json.loads(out.stdout.strip().splitlines()[-1])
    finally:  # the server deletes closed productions only
        closed = kitsu.project_statuses.first(name="Closed")
        if closed is not None:
            project.project_status_id = closed.id
            project.save()
        project.delete(force=True)
    print(f"lost updates, {args.rounds} rounds, two sessions, stale second save:")
    for name, result in results.items():
        print(f"  {name:50s} {result['lost']:4d} of {result['edits']} edits lost")


if __name__ == "__main__":
    main()
