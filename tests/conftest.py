"""Shared fixtures: the full site is built once per test session and served on 127.0.0.1.

With pytest-xdist the session fixture runs once per worker, so the first worker that needs the
site builds it under a file lock in the session's shared temporary folder and starts one
static server for all workers (a subprocess that ends with the test session); the others wait
for the lock and reuse both.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from tests.server import free_port

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


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's temporary folder, the same for every xdist worker (each has a subfolder)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def _wait_until_served(url: str) -> None:
    for _ in range(200):
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own local server
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"the shared site server at {url} did not start")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The shipped repo, built once per test session with the URL it is served at, and served."""
    shared = shared_folder(tmp_path_factory)
    record = shared / "dehub-site.json"
    with FileLock(str(shared / "dehub-site.lock")):
        if not record.is_file():
            port = free_port()
            out = shared / "dehub-site" / "site"
            url = f"http://127.0.0.1:{port}/"
            result = run_build_py("build", "--out", str(out), env={"DEHUB_SITE_URL": url})
            assert result.returncode == 0, result.stdout + result.stderr
            session = os.getppid() if os.environ.get("PYTEST_XDIST_WORKER") else os.getpid()
            subprocess.Popen([sys.executable, "-m", "tests.server", str(out), str(port), str(session)], cwd=ROOT)  # noqa: S603
            _wait_until_served(url)
            record.write_text(json.dumps({"root": str(out), "url": url, "output": result.stdout + result.stderr}), encoding="utf-8")
        data = json.loads(record.read_text(encoding="utf-8"))
    return BuiltSite(Path(data["root"]), data["url"], data["output"])


@pytest.fixture(scope="session")
def site_server(built_site: BuiltSite) -> BuiltSite:
    """The shared site, served at built_site.url (see built_site)."""
    return built_site


GIT_ENV = {  # a test's own commits: no user or system configuration, a fixed identity
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.invalid",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.invalid",
}


def git(repo: Path, *args: str) -> str:
    """Run git in a fixture repo; its standard output."""
    result = subprocess.run(["git", "-C", str(repo), *args], env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True)
    return result.stdout


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


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--regenerate-plurals",
        action="store_true",
        help="rewrite tests/localize/fixtures/plurals.<lang>.txt from the catalogs (after changing a plural msgstr)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests of the shared full build are `slow`; with xdist (--dist loadgroup) each language's
    browser audits stay on one worker, so a page is loaded once for all its gates."""
    for item in items:
        if "built_site" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
        callspec = getattr(item, "callspec", None)
        lang = callspec.params.get("lang") if callspec is not None else None
        if item.get_closest_marker("browser") is not None and isinstance(lang, str):
            item.add_marker(pytest.mark.xdist_group(f"browser-{lang}"))


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """A run in which no test passed is not green: pytest says 5 for "no test collected",
    and this makes a run whose every test was skipped or deselected say 5 too."""
    if hasattr(session.config, "workerinput") or session.config.option.collectonly or exitstatus != pytest.ExitCode.OK:
        return  # an xdist worker (the controller decides), a listing, or already a failure
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and not reporter.stats.get("passed") and not reporter.stats.get("xpassed"):
        reporter.write_line("error: no test passed (every test was skipped); that is not a pass", red=True)
        session.exitstatus = pytest.ExitCode.NO_TESTS_COLLECTED
