"""Hostile values into every public call that takes an id (property-based):
each raises InvalidArgumentError, sends no request, mutates nothing."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import responses
from hypothesis import HealthCheck, assume, given, settings

from bad_input import CALLS, HOSTILE, OPTIONAL, Call, Objects
from kitsu_models import errors
from kitsu_models.session import Kitsu

from .models_rows import new_id, row


def _objects(kitsu: Kitsu) -> Objects:
    project_id = new_id()
    sequence = kitsu.sequences.materialize([row("Sequence", id=new_id(), project_id=project_id)])[0]
    return Objects(
        project=kitsu.projects.materialize([row("Project", id=project_id)])[0],
        sequence=sequence,
        shot=kitsu.shots.materialize([row("Shot", id=new_id(), project_id=project_id, parent_id=sequence.id)])[0],
        asset=kitsu.assets.materialize([row("Asset", id=new_id(), project_id=project_id)])[0],
        task=kitsu.tasks.materialize([row("Task", "get", id=new_id(), project_id=project_id)])[0],
        task_type=kitsu.task_types.materialize([row("TaskType", id=new_id())])[0],
        status=kitsu.task_statuses.materialize([row("TaskStatus", id=new_id())])[0],
        output_type=kitsu.output_types.materialize([row("OutputType", id=new_id())])[0],
        playlist=kitsu.playlists.materialize([row("Playlist", "get", id=new_id(), project_id=project_id)])[0],
        instance=kitsu.asset_instances.materialize([row("AssetInstance", id=new_id())])[0],
    )


@pytest.mark.parametrize("name", sorted(CALLS))
def test_a_hostile_value_is_refused_before_any_request(kitsu: Kitsu, name: str) -> None:
    call: Call = CALLS[name]
    objects = _objects(kitsu)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(value=HOSTILE)
    def check(value: Any) -> None:
        assume(value is not None or name not in OPTIONAL)
        before = copy.deepcopy(value)
        with responses.RequestsMock(assert_all_requests_are_fired=False) as mocked:
            with pytest.raises(errors.InvalidArgumentError):
                call(kitsu, objects, value)
            assert len(mocked.calls) == 0, f"{name} sent {[c.request.url for c in mocked.calls]}"
        assert value == before or value != value  # NaN is never equal to itself

    check()
