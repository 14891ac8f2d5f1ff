"""dehub/engine/worker.py: one language's build, and what it leaves behind when it fails."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.engine import worker
from dehub.validate.project import read_project
from tests.conftest import make_repo


def test_a_failed_build_removes_its_log_handler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = make_repo(tmp_path)
    config = load_config(repo)
    project = read_project(repo, config, Report())
    before = list(logging.getLogger("mkdocs").handlers)

    def broken(_config) -> None:
        logging.getLogger("mkdocs").warning("half-way")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(worker, "build", broken)
    with pytest.raises(OSError):
        worker.build_language(config, project, "en", tmp_path / "out" / "en")
    assert logging.getLogger("mkdocs").handlers == before
