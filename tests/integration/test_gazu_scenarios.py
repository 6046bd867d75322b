"""Official gazu 1.3.1 and ours on the same server, scenario by scenario
(tests/gazu_scenarios): every call's result compared, and every function
of official gazu's modules called by a scenario or the production script,
but those a scenario lists in its ``NOT_SIDE_BY_SIDE`` with the reason
(each then tested against the real server on ours alone)."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest

import gazu_scenarios
from gazu_spec import BUILT, routes
from side_by_side import compare_script

# Each scenario runs both gazus, one after the other, and compares what they
# read, studio-wide lists among them: no other test may change the server
# in between (server_alone, tests/conftest.py).
pytestmark = [pytest.mark.server, pytest.mark.slow, pytest.mark.usefixtures("server_alone")]

SCENARIOS = sorted(module.name for module in pkgutil.iter_modules(gazu_scenarios.__path__))


@pytest.fixture(scope="module")
def compared(kitsu_server: Any, run_once: Any) -> dict[str, tuple[list[list[Any]], list[list[Any]]]]:
    """Each scenario's records, ours and official gazu's, normalized (a
    scenario is run when a test first asks for it, once per session: under
    pytest-xdist the scenarios' tests spread over the workers and the
    coverage test reads their runs)."""
    class Runs(dict[str, tuple[list[list[Any]], list[list[Any]]]]):
        def __missing__(self, scenario: str) -> tuple[list[list[Any]], list[list[Any]]]:
            ours, theirs = run_once(f"scenario-{scenario}", lambda: compare_script(kitsu_server, scenario))
            self[scenario] = (ours, theirs)
            return self[scenario]

    return Runs()


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_scenario_gives_what_official_gazu_gives(
    compared: dict[str, tuple[list[list[Any]], list[list[Any]]]], scenario: str
) -> None:
    ours, theirs = compared[scenario]
    assert [label for label, _ in ours] == [label for label, _ in theirs]
    departures: dict[str, str] = getattr(_module(scenario), "DEPARTURES", {})
    different = {label for (label, mine), (_, official) in zip(ours, theirs) if mine != official and label != "(called)"}
    print(f"\nside by side, scenario {scenario}: {len(ours) - 1} calls compared, "
          f"{len(ours) - 1 - len(different)} equal, {len(different)} deliberate departures")
    assert different == set(departures)  # each with its reason in the scenario


def test_every_function_of_official_gazu_is_run_side_by_side(
    compared: dict[str, tuple[list[list[Any]], list[list[Any]]]],
    production_compared: tuple[list[list[Any]], list[list[Any]]],
) -> None:
    runs = [compared[scenario][0] for scenario in SCENARIOS] + [production_compared[0]]
    called = {name for records in runs for label, names in records if label == "(called)" for name in names}
    wanted = {name for name, entry in routes().items() if entry["module"] in BUILT and entry["http"]}
    elsewhere = {name: reason for scenario in SCENARIOS
                 for name, reason in getattr(_module(scenario), "NOT_SIDE_BY_SIDE", {}).items()}
    missing = sorted(wanted - called - elsewhere.keys())
    assert missing == [], f"{len(missing)} functions no scenario runs: {missing}"
    assert called.isdisjoint(elsewhere) and all(elsewhere.values())  # each kept out with its reason


def _module(scenario: str) -> Any:
    return importlib.import_module(f"gazu_scenarios.{scenario}")
