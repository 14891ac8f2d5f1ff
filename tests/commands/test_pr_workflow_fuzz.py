"""Every command .github/workflows/pr.yml runs on a pull request (issue 25, class 7) meets the
hostile corpus (tests/hostile.py) and answers as `check` does: exit 0 or 1, a message that
names the file, never a traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUILD_EPOCH, ROOT, git, make_repo, run_build_py
from tests.hostile import ACCEPTED_CASES, POT_CASES, PULL_REQUEST_CORPUS, apply_case

CI = {"CI": "true", "GITHUB_ACTIONS": "true"}  # as on the runner
PATH_LINE = re.compile(r"^[\w./-]+:\d+|^::error file=[\w./-]+,line=\d+", re.M)


def pr_yml_commands() -> list[str]:
    """The `python ...` lines pr.yml runs (so a new step can't escape this test)."""
    text = (ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8")
    return sorted({m.group(1).split(">>")[0].strip() for m in re.finditer(r"^\s*(?:run: )?(python (?:build\.py|-m) [^\n]+)", text, re.M)})


def test_the_fuzzed_commands_are_the_workflows() -> None:
    assert pr_yml_commands() == [
        'python -m dehub.changes --base "$BASE_SHA"',
        "python -m dehub.validate.pofilter --format github",
        "python build.py build --offline --out preview",
        'python build.py check --format github --changed-first "$BASE_SHA"',
        "python build.py i18n status --format markdown",
    ]


def run_module(module: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    """`python -m <module> ...` as the workflow runs it (from the checkout of the code)."""
    return subprocess.run(
        [sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env}, timeout=600
    )


def run_pr_workflow(repo: Path) -> dict[str, subprocess.CompletedProcess]:
    env = {**CI, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    return {
        "pofilter": run_module("dehub.validate.pofilter", "--format", "github", "--root", str(repo), env=env),
        "check": run_build_py("check", "--format", "github", "--changed-first", "main", root=repo, env=env),
        "build": run_build_py("build", "--offline", "--out", str(repo.parent / "preview"), root=repo, env=env),
        "changes": run_module("dehub.changes", "--base", "main", "--root", str(repo), env=env),
        "status": run_build_py("i18n", "status", "--format", "markdown", root=repo, env=env),
    }


@pytest.mark.parametrize("name", sorted(PULL_REQUEST_CORPUS))
def test_every_pr_command_names_the_file_never_a_traceback(tmp_path: Path, name: str) -> None:
    repo = make_repo(tmp_path)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    apply_case(repo, PULL_REQUEST_CORPUS[name])
    git(repo, "add", "-A", "-f")
    git(repo, "commit", "-q", "-m", name)
    results = run_pr_workflow(repo)
    for command, result in results.items():
        output = result.stdout + result.stderr
        assert "Traceback" not in output, f"{name}: {command}\n{output[-3000:]}"
        assert result.returncode in (0, 1), f"{name}: {command} exited {result.returncode}\n{output[-2000:]}"
        if result.returncode == 1:
            assert PATH_LINE.search(output), f"{name}: {command} failed without naming a file\n{output[-2000:]}"
    if name in POT_CASES:
        status = results["status"]
        assert status.returncode == 1 and re.match(r"translations/messages\.pot:\d+: error: ", status.stderr), status.stderr
        assert "could not be read" in status.stdout  # the job summary says why its table is missing
    elif name not in ACCEPTED_CASES:  # every other case is hostile: check refuses it
        assert results["check"].returncode == 1, f"{name}: check accepted it\n{results['check'].stdout}"
        assert results["build"].returncode == 1, f"{name}: the preview was built\n{results['build'].stdout}"
    else:
        assert results["check"].returncode == 0 and results["build"].returncode == 0, results["build"].stderr
    if name == "planted-cache":  # the planted verdict decides nothing: a full check ran, and wrote nothing into the checkout
        assert "2 hubs" in results["check"].stdout
        assert sorted(p.name for p in (repo / ".cache" / "dehub" / "clean").iterdir()) == ["0" * 64]
