"""Fail loudly where official gazu and this package share the files of
``gazu``: both distributions install that package, so the second install
overwrites the first one's modules (``pip check`` stays silent) and
uninstalling either deletes files the other needs.

Importing this module runs the check, before any other module of the
package is imported (``gazu/__init__.py`` imports it first).
"""

from __future__ import annotations

from pathlib import Path

#: The name of this package's distribution.
OURS = "kitsu-models-gazu"
_INIT = Path(__file__).resolve().with_name("__init__.py")


def others_sharing_our_files() -> list[str]:
    """``name version`` of each other distribution installed beside this
    package whose record lists ``gazu/__init__.py``: the same file as ours.
    Only the records of this site directory are read (a few ms)."""
    found = []
    for record in _INIT.parent.parent.glob("*.dist-info/RECORD"):
        name, _, version = record.parent.name.removesuffix(".dist-info").partition("-")
        if name.lower().replace("_", "-") == OURS:
            continue
        text = record.read_text(encoding="utf-8", errors="replace")
        if text.startswith("gazu/__init__.py,") or "\ngazu/__init__.py," in text:
            found.append(f"{name} {version}")
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
