"""Official gazu 1.3.1 and ours on the same server, scenario by scenario
(tests/gazu_scenarios): every call's result compared, and every function
of official gazu's modules called by a scenario or the production script,
but those listed here with the reason they are not."""

from __future__ import annotations

import importlib
import pkgutil
import uuid
from typing import Any

import pytest

import gazu_scenarios
from gazu_spec import BUILT, routes
from side_by_side import normalized, run_script

pytestmark = pytest.mark.integration

SCENARIOS = sorted(module.name for module in pkgutil.iter_modules(gazu_scenarios.__path__))


def _settings(kitsu_server: Any) -> dict[str, str]:
    return {
        "KITSU_API_URL": kitsu_server.api_url,
        "KITSU_ADMIN_EMAIL": kitsu_server.admin_email,
        "KITSU_ADMIN_PASSWORD": kitsu_server.admin_password.reveal(),
    }


@pytest.fixture(scope="module")
def compared(kitsu_server: Any) -> dict[str, tuple[list[list[Any]], list[list[Any]]]]:
    """Each scenario's records, ours and official gazu's, normalized."""
    found = {}
    for scenario in SCENARIOS:
        tag = uuid.uuid4().hex[:6]
        ours = run_script(tag + "o", official=False, settings=_settings(kitsu_server), scenario=scenario)
        theirs = run_script(tag + "g", official=True, settings=_settings(kitsu_server), scenario=scenario)
        found[scenario] = (normalized(ours, tag + "o"), normalized(theirs, tag + "g"))
    return found


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_a_scenario_gives_what_official_gazu_gives(
    compared: dict[str, tuple[list[list[Any]], list[list[Any]]]], scenario: str
) -> None:
    ours, theirs = compared[scenario]
    assert [label for label, _ in ours] == [label for label, _ in theirs]
    departures: dict[str, str] = getattr(importlib.import_module(f"gazu_scenarios.{scenario}"), "DEPARTURES", {})
    different = {label for (label, mine), (_, official) in zip(ours, theirs) if mine != official}
    print(f"\nside by side, scenario {scenario}: {len(ours) - 1} calls compared, "
          f"{len(ours) - 1 - len(different)} equal, {len(different)} deliberate departures")
    assert different == set(departures)  # each with its reason in the scenario


def test_every_function_of_official_gazu_is_run_side_by_side(
    compared: dict[str, tuple[list[list[Any]], list[list[Any]]]]
) -> None:
    called = {name for ours, _ in compared.values() for label, names in ours if label == "(called)" for name in names}
    wanted = {name for name, entry in routes().items() if entry["module"] in BUILT and entry["http"]}
    missing = sorted(wanted - called - PRODUCTION_SCRIPT - NOT_SIDE_BY_SIDE.keys())
    assert missing == [], f"{len(missing)} functions no scenario runs"


#: Functions the production script (tests/gazu_script.py, test_gazu_production)
#: runs side by side already.
PRODUCTION_SCRIPT: set[str] = set()
#: Functions not run side by side, with the reason (each is tested against
#: the real server on ours alone, or cannot run twice on one server).
NOT_SIDE_BY_SIDE: dict[str, str] = {}
