"""Shared fixtures: the full site is built once per test session and served on 127.0.0.1."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.server import StaticServer, free_port

ROOT = Path(__file__).resolve().parent.parent
BUILD_EPOCH = "1798761600"  # 2027-01-01T00:00:00Z: events before it are past, after it upcoming


def run_build_py(*args: str, root: Path = ROOT, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real CLI, as a user would, and capture what it prints."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, **(env or {})}
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "--root", str(root), *args],
        capture_output=True,
        text=True,
        env=full_env,
        cwd=cwd or root,
        timeout=600,
    )


@dataclass
class BuiltSite:
    root: Path
    url: str
    output: str

    def page(self, path: str) -> Path:
        target = self.root / path
        return target / "index.html" if target.is_dir() else target


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, site_port: int) -> BuiltSite:
    """The shipped repo, built once with the URL it will be served at."""
    out = tmp_path_factory.mktemp("site") / "site"
    url = f"http://127.0.0.1:{site_port}/"
    result = run_build_py("build", "--out", str(out), env={"DEHUB_SITE_URL": url})
    assert result.returncode == 0, result.stdout + result.stderr
    return BuiltSite(out, url, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite, site_port: int):
    with StaticServer(built_site.root, site_port) as server:
        yield server


def make_repo(tmp_path: Path, *, with_content: bool = False, hubs: tuple[str, ...] | None = None) -> Path:
    """A small fixture repo: the real mkdocs.yml, theme and translations, a few real hubs
    (all of them with the content pages, which link to every hub)."""
    if hubs is None:
        hubs = tuple(sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())) if with_content else ("dortmund", "hamburg")
    repo = tmp_path / "repo"
    repo.mkdir(parents=True)
    for name in ("mkdocs.yml", "theme", "translations", "schema"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name)
        elif source.exists():
            shutil.copy(source, repo / name)
    for slug in hubs:
        shutil.copytree(ROOT / "hubs" / slug, repo / "hubs" / slug)
    (repo / "hubs").mkdir(exist_ok=True)
    if with_content:
        shutil.copytree(ROOT / "content", repo / "content")
    return repo
