"""Fail loudly where official gazu and this package share the files of ``gazu`` (each install overwrites the
other's modules, ``pip check`` stays silent, uninstalling either deletes files the other needs). Importing
this module runs the check, before any other module of the package (``gazu/__init__.py`` imports it first)."""

from __future__ import annotations

from pathlib import Path

#: The name of this package's distribution.
OURS = "kitsu-models-gazu"
_INIT = Path(__file__).resolve().with_name("__init__.py")


def others_sharing_our_files() -> list[str]:
    """``name version`` of each other distribution of this site directory listing our ``gazu/__init__.py``."""
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
