"""`build --lang` on the command line, and Ctrl-C during a build (real process, real signal)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import BUILD_EPOCH, ROOT, make_repo, run_build_py


def test_lang_is_case_insensitive(tmp_path: Path):
    repo = make_repo(tmp_path, hubs=("dortmund",))
    result = run_build_py("build", "--lang", "EN", "--out", str(tmp_path / "site"), root=repo)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "en" / "index.html").is_file()
    assert not (tmp_path / "site" / "de").exists()


def test_an_unknown_language_is_a_command_line_error(tmp_path: Path):
    repo = make_repo(tmp_path, hubs=("dortmund",))
    result = run_build_py("build", "--lang", "xx", "--out", str(tmp_path / "site"), root=repo)
    assert result.returncode == 2
    assert result.stderr.splitlines()[0].startswith("usage: build.py build")
    assert result.stderr.splitlines()[-1] == (
        "build.py build: error: argument --lang: 'xx' is not a configured language (choose from de, en, fr, es, zh, ja, ar)"
    )
    assert "mkdocs.yml" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_ctrl_c_during_a_build_says_nothing_was_changed(tmp_path: Path):
    repo = make_repo(tmp_path, hubs=("dortmund", "hamburg"))
    out = tmp_path / "site"
    assert run_build_py("build", "--lang", "de", "--out", str(out), root=repo).returncode == 0
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "--root", str(repo), "build", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH},
        start_new_session=True,  # the signal goes to the process group, like Ctrl-C in a terminal
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".site.new-*/*")) and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.02)
    assert process.poll() is None, "the build ended before it could be interrupted"
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == f"interrupted: nothing was changed; {out} is as it was"
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert not list(tmp_path.glob(".site.new-*"))
