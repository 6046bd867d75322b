"""Fail loudly where official gazu and this package share the files of
``gazu``: both distributions install that package, so the second install
overwrites the first one's modules (``pip check`` stays silent) and
uninstalling either deletes files the other needs.

Importing this module runs the check, before any other module of the
package is imported (``gazu/__init__.py`` imports it first).
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

#: The name of this package's distribution.
OURS = "kitsu-models-gazu"
_THIS_FILE = Path(__file__).resolve()
_INIT = _THIS_FILE.with_name("__init__.py")


def _claims_our_files(distribution: metadata.Distribution) -> bool:
    return any(
        file.name == "__init__.py" and Path(str(distribution.locate_file(file))).resolve() == _INIT
        for file in distribution.files or ()
    )


def others_sharing_our_files() -> list[str]:
    """``name version`` of each other installed distribution that owns
    this very ``gazu/__init__.py``."""
    names = metadata.packages_distributions().get("gazu", [])
    found = []
    for name in dict.fromkeys(names):
        if name.lower().replace("_", "-") == OURS:
            continue
        distribution = metadata.distribution(name)
        if _claims_our_files(distribution):
            found.append(f"{name} {distribution.version}")
    return found


def check() -> None:
    others = others_sharing_our_files()
    if others:
        raise ImportError(
            f"gazu: {OURS} (the kitsu-models compatibility package) and {', '.join(others)} are both installed "
            f"in {_INIT.parent} and overwrite each other's files. Keep one per environment: "
            f"`pip uninstall -y gazu {OURS}`, then `pip install {OURS}` (or official `gazu`). "
            "To run both, give official gazu its own virtualenv."
        )


check()
