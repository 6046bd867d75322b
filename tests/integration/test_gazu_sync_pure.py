"""gazu.sync's pure functions give what official gazu 1.3.1's give, on
random lists (hypothesis): official gazu answers from its own interpreter,
one JSON line per example."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gazu
from side_by_side import OFFICIAL, ensure_gazu_venv

# No tier marker: no server, but official gazu's interpreter (bench/harness.py
# installs it), so not a unit test either.

_ORACLE = r"""
import json, sys
import gazu.sync
for line in sys.stdin:
    name, args = json.loads(line)
    print(json.dumps(getattr(gazu.sync, name)(*args)), flush=True)
"""

# Few distinct names and ids, in mixed case, so lists collide and match.
_records = st.lists(
    st.fixed_dictionaries({"id": st.sampled_from(["a", "b", "c", "d"]), "name": st.sampled_from(["x", "X", "y", "Zed", "zed"])}),
    max_size=6,
)


@pytest.fixture(scope="module")
def official() -> Iterator[Any]:
    ensure_gazu_venv()
    process = subprocess.Popen([OFFICIAL, "-P", "-c", _ORACLE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               text=True, cwd="/tmp")

    def ask(name: str, *args: Any) -> Any:
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps([name, list(args)]) + "\n")
        process.stdin.flush()
        return json.loads(process.stdout.readline())

    yield ask
    process.kill()


def _json(value: Any) -> Any:
    return json.loads(json.dumps(value))


@settings(max_examples=150, deadline=None)
@given(source=_records, target=_records)
def test_the_id_maps_and_the_diff_equal_official_gazus(official: Any, source: list[Any], target: list[Any]) -> None:
    assert _json(gazu.sync.get_id_map_by_name(source, target)) == official("get_id_map_by_name", source, target)
    assert _json(gazu.sync.get_id_map_by_id(source, target)) == official("get_id_map_by_id", source, target)
    assert _json(gazu.sync.get_id_map_by_id(source, target, "id")) == official("get_id_map_by_id", source, target, "id")
    assert _json(gazu.sync.get_model_list_diff(source, target)) == official("get_model_list_diff", source, target)
