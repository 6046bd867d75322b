"""gazu.user as an artist (role ``user``) with tasks in a production:
ours and official gazu 1.3.1 give the same answers, which are the
artist's own tasks and entities."""

from __future__ import annotations

from typing import Any

import pytest

from gazu_spec import of_module
from side_by_side import run

from .test_user_views import Studio, studio  # noqa: F401 (the fixture)

pytestmark = pytest.mark.server


def _calls(s: Studio) -> list[Any]:
    project, sequence = s.project.id, s.sequence.id
    return [
        ("user", "all_open_projects", [], {}),
        ("user", "all_asset_types_for_project", [project], {}),
        ("user", "all_assets_for_asset_type_and_project", [project, s.character.id], {}),
        ("user", "all_sequences_for_project", [project], {}),
        ("user", "all_episodes_for_project", [{"id": project}], {}),
        ("user", "all_shots_for_sequence", [sequence], {}),
        ("user", "all_scenes_for_sequence", [sequence], {}),
        ("user", "all_tasks_for_asset", [s.hero.id], {}),
        ("user", "all_tasks_for_shot", [s.shot.id], {}),
        ("user", "all_tasks_for_scene", [s.scene.id], {}),
        ("user", "all_tasks_for_sequence", [sequence], {}),
        ("user", "all_task_types_for_asset", [s.hero.id], {}),
        ("user", "all_task_types_for_shot", [s.shot.id], {}),
        ("user", "all_task_types_for_scene", [s.scene.id], {}),
        ("user", "all_task_types_for_sequence", [sequence], {}),
        ("user", "all_tasks_to_do", [], {}),
        ("user", "all_done_tasks", [], {}),
        ("user", "is_authenticated", [], {}),
        ("user", "log_desktop_session_log_in", [], {}),
    ]


@pytest.mark.slow
def test_the_user_module_as_an_artist_gives_what_official_gazu_gives(kitsu_server: Any, studio: Studio) -> None:
    calls = _calls(studio)
    assert {name for _, name, _, _ in calls} == {f.name for f in of_module("user")}
    settings = {"KITSU_API_URL": kitsu_server.api_url, "KITSU_ADMIN_EMAIL": studio.email,
                "KITSU_ADMIN_PASSWORD": studio.password.reveal()}
    ours = run(calls, official=False, settings=settings)
    theirs = run(calls, official=True, settings=settings)
    value = {name: result.get("value", result) for (_, name, _, _), result in zip(calls, ours)}
    # The artist's own things, by name.
    assert [p["id"] for p in value["all_open_projects"]] == [studio.project.id]
    assert [a["id"] for a in value["all_assets_for_asset_type_and_project"]] == [studio.hero.id]
    assert [q["id"] for q in value["all_sequences_for_project"]] == [studio.sequence.id]
    assert [shot["name"] for shot in value["all_shots_for_sequence"]] == ["SH010", "SH020"]
    shot_tasks = value["all_tasks_for_shot"]
    assert {t["id"] for t in shot_tasks} == {studio.mine["shot/anim"].id, studio.mine["shot/layout"].id}
    assert [t["name"].lower() for t in shot_tasks] == sorted(t["name"].lower() for t in shot_tasks)
    assert {t["id"] for t in value["all_tasks_to_do"]} == {task.id for task in studio.mine.values()}
    assert value["all_done_tasks"] == [] and value["is_authenticated"] is True
    # The desktop log-in is one record per call: compared by its fields.
    login_ours, login_theirs = ours.pop(), theirs.pop()
    assert set(login_ours["value"]) == set(login_theirs["value"])
    assert login_ours["value"]["person_id"] == studio.person_id
    different = [call[1] for call, mine, official in zip(calls, ours, theirs) if mine != official]
    print(f"\nside by side, gazu.user as an artist: {len(ours) + 1} calls compared, {len(ours) - len(different)} equal "
          "(+ the desktop log-in record, by its fields)")
    assert different == []
