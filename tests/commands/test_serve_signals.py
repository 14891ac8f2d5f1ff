"""`serve` leaves no temporary folder behind, however it is stopped (real process, real signals)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import BUILD_EPOCH, ROOT, make_repo
from tests.server import free_port


def start(repo: Path, tmp: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "TMPDIR": str(tmp)},
        start_new_session=True,
    )
    return process, f"http://127.0.0.1:{port}/"


def wait_until(predicate, process: subprocess.Popen, limit: float = 120) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            if predicate():
                return
        except OSError:
            pass
        time.sleep(0.02)
    raise AssertionError("not reached")


def building(tmp: Path) -> bool:
    """A language build is under way: its temporary Markdown folder exists."""
    return any(tmp.glob("dehub-serve-*/dehub-docs-*"))


def stop(process: subprocess.Popen, signum: int) -> str:
    os.killpg(process.pid, signum)
    _, err = process.communicate(timeout=60)
    assert "Traceback" not in err, err
    return err


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_stopped_during_the_first_build_leaves_nothing(tmp_path: Path, signum: int):
    repo, tmp = make_repo(tmp_path), tmp_path / "tmp"
    tmp.mkdir()
    process, _ = start(repo, tmp)
    wait_until(lambda: building(tmp), process)
    err = stop(process, signum)
    assert process.returncode == 0
    assert "temporary files are removed" in err
    assert list(tmp.iterdir()) == []


def test_stopped_during_a_rebuild_leaves_nothing(tmp_path: Path):
    repo, tmp = make_repo(tmp_path), tmp_path / "tmp"
    tmp.mkdir()
    process, base = start(repo, tmp)
    wait_until(lambda: b"Dortmund" in urllib.request.urlopen(base + "en/hubs/dortmund/", timeout=5).read(), process)  # noqa: S310
    wait_until(lambda: not building(tmp), process)
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8") + "website: https://example.org/\n", encoding="utf-8")
    wait_until(lambda: building(tmp), process)
    stop(process, signal.SIGTERM)
    assert list(tmp.iterdir()) == []


def test_a_catalog_edit_rebuilds_only_its_language(tmp_path: Path):
    from dehub.commands.serve import Preview
    from dehub.config import load_config

    repo = make_repo(tmp_path)
    session = tmp_path / "session"
    session.mkdir()
    config = load_config(repo)
    preview = Preview(repo, session)
    assert preview.affected_languages(config, {"translations/fr/LC_MESSAGES/messages.po"}) == ["fr"]
    assert preview.affected_languages(config, {"translations/messages.pot"}) == []
    assert preview.affected_languages(config, {"hubs/dortmund/hub.yml"}) == config.codes
