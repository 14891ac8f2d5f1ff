"""The offline preview (`build --offline`): every link opens a file from file:// (issue 19, item 6)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from dehub.write.offline import offline_target
from tests.conftest import make_repo, run_build_py

ATTRIBUTE = re.compile(r'(?:href|src)="([^"]*)"')
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("offline")
    repo = make_repo(base, with_content=True)
    out = base / "preview"
    result = run_build_py("build", "--offline", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    return out


def broken_links(site: Path) -> list[str]:
    """Each relative href/src whose target, opened from file://, is not a file."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        for raw in ATTRIBUTE.findall(page.read_text(encoding="utf-8")):
            link = html.unescape(raw)
            if not link or link.startswith("#") or EXTERNAL.match(link):
                continue
            path = unquote(re.split(r"[?#]", link, maxsplit=1)[0])
            if path.startswith("/"):  # absolute: only the 404 pages, which a server serves for any path
                assert page.name == "404.html", (page, link)
                continue
            if path and not (page.parent / path).is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
    return broken


def test_every_link_of_the_offline_preview_opens_a_file(offline_site: Path):
    pages = list(offline_site.rglob("*.html"))
    assert len(pages) > 300
    assert broken_links(offline_site) == []


def test_no_link_names_a_folder(offline_site: Path):
    for page in offline_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert 'href=".."' not in text and 'href="."' not in text and 'href="../"' not in text, page


def test_the_link_check_would_fail_on_a_folder_link(tmp_path: Path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text('<a href="..">home</a>', encoding="utf-8")
    (tmp_path / "index.html").write_text("", encoding="utf-8")
    assert broken_links(tmp_path) == ["en/index.html: .."]


@pytest.mark.parametrize(("link", "expected"), [("..", "../index.html"), (".", "index.html"), ("../", "../index.html"), ("x.css", "x.css")])
def test_offline_target(tmp_path: Path, link: str, expected: str):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.css").write_text("", encoding="utf-8")
    assert offline_target(tmp_path / "en" / "index.html", link) == expected
