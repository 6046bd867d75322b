"""Hostile values into the public calls, against the real server (fewer
examples than the unit test): typed errors, no request, inputs unchanged,
and the server's rows the same before and after."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings

from bad_input import CALLS, HOSTILE, OPTIONAL, Objects
from kitsu_models import errors
from kitsu_models.models import AssetInstance, OutputType, Playlist
from kitsu_models.session import Kitsu

from .models_support import World, artist, clone, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.server


def _objects(world: World, kitsu: Kitsu) -> Objects:
    playlist = Playlist(name="hostile", project_id=world.project.id).save(kitsu)
    instance = AssetInstance(asset_id=world.asset.id, scene_id=world.scene.id).save(kitsu)
    return Objects(
        project=kitsu.projects.get(world.project.id), sequence=kitsu.sequences.get(world.sequence.id),
        shot=kitsu.shots.get(world.shot.id), asset=kitsu.assets.get(world.asset.id),
        task=kitsu.tasks.get(world.shot_task.id), task_type=kitsu.task_types.get(world.shot_type.id),
        status=kitsu.task_statuses.get(world.wip.id), output_type=_an_output_type(kitsu),
        playlist=playlist, instance=instance,
    )


def _an_output_type(kitsu: Kitsu) -> OutputType:
    """One of the studio's output types; a fresh server has none until a test makes one."""
    return kitsu.output_types.first() or OutputType(name="Hostile input", short_name="hst").save(kitsu)


def _counts(kitsu: Kitsu, world: World) -> dict[str, int]:
    pid = world.project.id
    return {
        "projects": len(kitsu.projects.rows()), "persons": len(kitsu.persons.rows()),
        "shots": len(kitsu.shots.rows(project_id=pid)), "assets": len(kitsu.assets.rows(project_id=pid)),
        "tasks": len(kitsu.tasks.rows(project_id=pid)), "playlists": len(kitsu.playlists.rows(project_id=pid)),
        "comments": len(kitsu.comments.rows(object_id=world.shot_task.id)),
        "instances": len(kitsu.asset_instances.rows(asset_id=world.asset.id)),
        "casting": len(kitsu.entity_links.rows(entity_in_id=world.shot.id)),
    }


@pytest.mark.usefixtures("server_alone")  # it counts the server's projects and people
def test_hostile_values_change_nothing_on_the_real_server(world: World) -> None:
    kitsu = clone(world.kitsu)
    objects = _objects(world, kitsu)
    before = _counts(clone(world.kitsu), world)
    tried: dict[str, int] = {}

    for name, call in sorted(CALLS.items()):

        @settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
        @given(value=HOSTILE)
        def check(value: Any) -> None:
            assume(value is not None or name not in OPTIONAL)
            given_value = copy.deepcopy(value)
            sent = kitsu.transport.requests_sent
            with pytest.raises(errors.InvalidArgumentError):
                call(kitsu, objects, value)
            assert kitsu.transport.requests_sent == sent, f"{name} sent a request for {value!r:.80}"
            assert value == given_value or value != value  # NaN is never equal to itself
            tried[name] = tried.get(name, 0) + 1

        check()
    after = _counts(clone(world.kitsu), world)
    print(f"\nbad input: {sum(tried.values())} hostile calls over {len(tried)} functions, "
          f"0 requests, rows before {before}, after {after}")
    assert after == before
    assert set(tried) == set(CALLS)
