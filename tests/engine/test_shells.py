"""dehub/engine/shells.py: the shelled pages are exactly what Material would render."""

from __future__ import annotations

from pathlib import Path

import pytest

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.engine import shells, worker
from dehub.validate.project import read_project
from tests.conftest import make_repo


def build(tmp_path: Path, repo: Path, lang: str, name: str) -> Path:
    config = load_config(repo)
    project = read_project(repo, config, Report())
    site = tmp_path / name / lang
    worker.build_language(config, project, lang, site)
    return site


def pages_of(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*.html"))}


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_shelled_pages_are_byte_identical_to_materials_own(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    repo = make_repo(tmp_path, with_content=True)
    shelled = build(tmp_path, repo, lang, "shelled")
    monkeypatch.setattr(worker, "shellable", lambda page: False)  # every page through Material's template
    material = build(tmp_path, repo, lang, "material")
    ours, theirs = pages_of(shelled), pages_of(material)
    assert "hubs/dortmund/index.html" in ours
    assert not any(shells.PROBE in path for path in ours)  # the probes are gone
    assert ours.keys() == theirs.keys()
    different = [path for path in ours if ours[path] != theirs[path]]
    assert different == []


def test_shelled_pages_are_marked_for_the_search_filters_are_not(tmp_path: Path) -> None:
    """What Pagefind indexes (write/search.py) is marked in the page: a hub page's content, not a filter page's."""
    repo = make_repo(tmp_path)
    site = build(tmp_path, repo, "en", "site")
    hub = (site / "hubs" / "dortmund" / "index.html").read_text(encoding="utf-8")
    assert hub.count("data-pagefind-body") == 1 and '<span data-pagefind-filter="focus">Logistics</span>' in hub
    for folder in ("hubs/focus/logistics", "hubs/state/nordrhein-westfalen"):
        assert "data-pagefind-body" not in (site / folder / "index.html").read_text(encoding="utf-8"), folder


def test_a_template_that_drops_the_body_fails_loudly() -> None:
    with pytest.raises(RuntimeError, match="body 0 times"):
        shells.shell("<html>@@DEHUB-TITLE@@</html>")
