"""A short tour of kitsu-models against a running Kitsu.

    python -m kitsu_models.tour        (reads KITSU_API_URL, KITSU_ADMIN_EMAIL,
                                        KITSU_ADMIN_PASSWORD from the environment)

It logs in, fills a small demo production once (re-runs reuse it), then walks
it through typed relations, edits a shot, and shows the request counts.
"""

from __future__ import annotations

import os
import sys
import time

from . import Kitsu
from .errors import LazyLoadError
from .models import Asset, Episode, Project, Sequence, Shot, Task

DEMO_NAME = "Tour of kitsu-models"


def _say(text: str) -> None:
    print(text, flush=True)


def fill_demo_production(kitsu: Kitsu) -> Project:
    """The demo production, created with its breakdown and tasks if missing."""
    existing = kitsu.projects.first(name=DEMO_NAME)
    if existing is not None:
        _say(f"  demo production already there: {existing.name}")
        return existing
    project = Project(name=DEMO_NAME, production_type="tvshow").save(kitsu)
    statuses = kitsu.task_statuses.all()
    for status in statuses:
        project.add_task_status(status)
    types = {t.name: t for t in kitsu.task_types.all()}
    for priority, name in enumerate(("Modeling", "Shading", "Animation", "Lighting"), start=1):
        project.add_task_type(types[name], priority)
    todo = kitsu.task_statuses.get_by_name("Todo")
    asset_types = {a.name: a for a in kitsu.asset_types.all()}
    me = kitsu.me
    for name, kind in (("Fox", "Character"), ("Hen", "Character"), ("Barn", "Environment")):
        asset = Asset(name=name, project_id=project.id, entity_type_id=asset_types[kind].id).save(kitsu)
        for task_type in ("Modeling", "Shading"):
            Task(project_id=project.id, entity_id=asset.id, task_type_id=types[task_type].id,
                 task_status_id=todo.id, assignees=[me.id]).save(kitsu)
    episode = Episode(name="E01", project_id=project.id).save(kitsu)
    for seq_name in ("SQ010", "SQ020"):
        sequence = Sequence(name=seq_name, project_id=project.id, parent_id=episode.id).save(kitsu)
        for shot_name in ("SH010", "SH020"):
            shot = Shot(name=shot_name, project_id=project.id, parent_id=sequence.id, nb_frames=24).save(kitsu)
            for task_type in ("Animation", "Lighting"):
                Task(project_id=project.id, entity_id=shot.id, task_type_id=types[task_type].id,
                     task_status_id=todo.id, assignees=[me.id]).save(kitsu)
    _say(f"  created {DEMO_NAME}: 3 assets, 1 episode, 2 sequences, 4 shots, 14 tasks")
    return project


def main() -> int:
    """Run the tour against the server of ``KITSU_API_URL``; the exit code."""
    host = os.environ.get("KITSU_API_URL", "http://127.0.0.1:8080")
    email = os.environ.get("KITSU_ADMIN_EMAIL", "admin@example.com")
    password = os.environ.get("KITSU_ADMIN_PASSWORD")
    if not password:
        print("KITSU_ADMIN_PASSWORD is not set (scripts/demo.sh sets it)", file=sys.stderr)
        return 2

    _say(f"1. Log in to {host} as {email}")
    kitsu = Kitsu.login(host, email, password)
    _say(f"   server: Zou {kitsu.api_version()}; me: {kitsu.me.full_name} ({kitsu.me.role})")

    _say("2. List open productions")
    for project in kitsu.user.open_projects():
        _say(f"   - {project.name} ({project.production_type})")

    _say("3. Fill the demo production (once)")
    project = fill_demo_production(kitsu)

    _say("4. Walk it through typed relations (batched: a few requests, not one per object)")
    walk = Kitsu(host, tokens=kitsu.tokens)
    project = walk.projects.get(project.id)
    for asset in project.assets:
        for task in asset.tasks:
            names = ", ".join(p.full_name or "" for p in task.assignees)
            _say(f"   {asset.asset_type.name:<12} {asset.name:<6} {task.task_type.name:<10} "
                 f"{task.task_status.short_name:<6} [{names}]")
    for shot in project.shots:
        episode = shot.sequence.episode
        _say(f"   {episode.name if episode else '-'}/{shot.sequence.name}/{shot.name} "
             f"{shot.nb_frames} frames, tasks: {', '.join(t.task_type.name for t in shot.tasks)}")
    _say(f"   -> {walk.transport.requests_sent} requests for {len(project.assets)} assets and {len(project.shots)} shots")

    _say("5. Edit a shot: only the changed field is sent")
    shot = project.shots[0]
    shot.nb_frames = (shot.nb_frames or 0) + 1
    _say(f"   changes to send: {shot.changes()}")
    shot.save()
    _say(f"   saved; server now says nb_frames = {walk.shots.get(shot.id or '').refresh().nb_frames}")

    _say("6. Strict mode catches lazy loads (N+1) in your own tests")
    strict = Kitsu(host, tokens=kitsu.tokens)
    fresh = strict.projects.get(project.id)
    with strict.strict_mode():
        try:
            fresh.assets
        except LazyLoadError as error:
            _say(f"   {type(error).__name__}: {error}")
    _say("Done.")
    return 0


if __name__ == "__main__":
    started: float = time.perf_counter()
    code: int = main()
    print(f"(tour took {time.perf_counter() - started:.1f} s)")
    raise SystemExit(code)
