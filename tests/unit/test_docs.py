"""The docs stay true: the generated reference pages equal what the code
gives now, and every relative link of the docs and the README resolves."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

import kitsu_models

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted((ROOT / "docs").rglob("*.md")) + [ROOT / "README.md"]


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("docs_reference", ROOT / "scripts" / "docs_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_generated_reference_is_current() -> None:
    stale = [str(path.relative_to(ROOT)) for path, text in _generator().render().items()
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    assert stale == [], "run .venv/bin/python scripts/docs_reference.py"


def test_the_model_reference_lists_every_exported_model_and_field() -> None:
    text = (ROOT / "docs" / "reference" / "models.md").read_text(encoding="utf-8")
    for name in kitsu_models.__all__:
        value = getattr(kitsu_models, name)
        if isinstance(value, type) and issubclass(value, kitsu_models.KitsuModel) and value is not kitsu_models.KitsuModel:
            assert f"\n## {name}\n" in text
            section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
            missing = [field for field in value.model_fields if f"| `{field}`" not in section]
            assert missing == [], f"{name}: {missing}"


@pytest.mark.parametrize("page", PAGES, ids=lambda page: str(page.relative_to(ROOT)))
def test_relative_links_resolve(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    broken = []
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target or target.startswith("mailto:"):
            continue
        if not (page.parent / target).resolve().exists():
            broken.append(target)
    assert broken == []


def test_the_index_links_every_page_and_the_readme_links_the_index() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    pages = [path for path in (ROOT / "docs").glob("*.md") if path.name != "index.md"]
    assert [path.name for path in pages if f"({path.name})" not in index] == []
    assert "(docs/index.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
