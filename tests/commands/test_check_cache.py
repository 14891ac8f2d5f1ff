"""dehub/cache.py: `check` remembers only what it found clean, keyed by contents and code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import BUILD_EPOCH, ROOT, make_repo, run_build_py

NOT_CI = {"CI": "", "GITHUB_ACTIONS": ""}  # the cache is off in CI (and these tests run there too)


def test_a_warm_check_still_finds_a_new_error_and_a_fixed_one_passes_again(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = {"DEHUB_CACHE_DIR": str(tmp_path / "cache"), **NOT_CI}
    first = run_build_py("check", root=repo, env=env)
    assert first.returncode == 0, first.stderr
    assert any((tmp_path / "cache").rglob("*")), "a clean run leaves its verdicts"
    warm = run_build_py("check", root=repo, env=env)
    assert (warm.returncode, warm.stdout) == (0, first.stdout)

    hub = repo / "hubs" / "dortmund" / "hub.yml"
    good = hub.read_text(encoding="utf-8")
    hub.write_text(good.replace("lon: 7.468", "lon: 75.468"), encoding="utf-8")
    broken = run_build_py("check", root=repo, env=env)
    assert broken.returncode == 1
    assert "hubs/dortmund/hub.yml:" in broken.stderr and "outside Germany" in broken.stderr
    again = run_build_py("check", root=repo, env=env)  # an error is never remembered
    assert again.returncode == 1 and again.stderr == broken.stderr

    hub.write_text(good, encoding="utf-8")
    assert run_build_py("check", root=repo, env=env).returncode == 0


def test_a_broken_catalog_is_found_even_after_a_clean_run(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = {"DEHUB_CACHE_DIR": str(tmp_path / "cache"), **NOT_CI}
    assert run_build_py("check", root=repo, env=env).returncode == 0
    po = repo / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr "', 'msgstr "%(oops)s ', 3), encoding="utf-8")
    result = run_build_py("check", root=repo, env=env)
    assert result.returncode == 1
    assert "translations/fr/LC_MESSAGES/messages.po:" in result.stderr


def test_check_imports_neither_validator_when_everything_was_clean(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    env = {"DEHUB_CACHE_DIR": str(tmp_path / "cache"), **NOT_CI}
    assert run_build_py("check", root=repo, env=env).returncode == 0
    probe = (
        "import sys\n"
        "from dehub.cli import main\n"
        "status = main(['--root', sys.argv[1], 'check'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('jsonschema', 'babel', 'mkdocs', 'jinja2'))\n"
        "print(status, heavy)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(repo)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, **env},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "0 []"
