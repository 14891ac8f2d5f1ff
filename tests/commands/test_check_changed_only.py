"""`check --changed-only BASE`: problems in what a branch changed, plus cross-file rules.

"Changed" is against the working tree, as a pre-commit run sees it: commits since BASE, staged
and unstaged edits, untracked files. Errors outside the changed files are not listed, but they
are counted and the run fails: a hub with errors never ends in exit status 0.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import ROOT, make_repo, run_build_py


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", message)


def test_only_changed_files_and_cross_file_problems_are_reported(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")  # check's own .cache/ is not a change
    git(repo, "init", "-q", "-b", "main")
    hamburg = repo / "hubs" / "hamburg" / "hub.yml"
    hamburg.write_text(hamburg.read_text(encoding="utf-8").replace("lat: 53.551", "lat: 63.551"), encoding="utf-8")
    commit_all(repo, "base with an old problem")
    git(repo, "checkout", "-q", "-b", "feature")
    dortmund = repo / "hubs" / "dortmund" / "hub.yml"
    dortmund.write_text(dortmund.read_text(encoding="utf-8").replace("focus: [logistics]", "focus: [logistic]"), encoding="utf-8")
    (repo / "content" / "events").mkdir(parents=True)
    (repo / "content" / "events" / "meetup.yml").write_text(
        "title: Meetup\nstart: 2027-05-01\ncity: Bremen\nhubs: [bremen]\n", encoding="utf-8"
    )
    commit_all(repo, "change")

    full = run_build_py("check", root=repo)
    changed = run_build_py("check", "--changed-only", "main", root=repo)

    assert "hubs/hamburg/hub.yml" in full.stderr
    assert changed.returncode == 1
    assert "hubs/hamburg/hub.yml:" not in changed.stderr, "the old problem is not listed"
    assert "1 more error in unchanged files not listed (hubs/hamburg/hub.yml)" in changed.stderr, "but it is counted"
    focus_line = dortmund.read_text(encoding="utf-8").splitlines().index("focus: [logistic]") + 1
    assert f"hubs/dortmund/hub.yml:{focus_line}:9: error: unknown focus 'logistic'; did you mean 'logistics'?" in changed.stderr
    assert "content/events/meetup.yml:4:8: error: unknown hub 'bremen'" in changed.stderr
    assert "2 changed files since main" in changed.stderr


def test_a_bad_base_ref_is_a_clear_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "base")
    result = run_build_py("check", "--changed-only", "no-such-branch", root=repo)
    assert result.returncode == 2
    assert result.stderr.startswith("error: cannot compare 'no-such-branch' with the working tree")
    assert "Traceback" not in result.stderr


def test_uncommitted_errors_are_listed_and_fail(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "base")
    dortmund = repo / "hubs" / "dortmund" / "hub.yml"  # unstaged
    dortmund.write_text(dortmund.read_text(encoding="utf-8").replace("focus: [logistics]", "focus: [logistic]"), encoding="utf-8")
    hamburg = repo / "hubs" / "hamburg" / "hub.yml"  # staged
    hamburg.write_text(hamburg.read_text(encoding="utf-8").replace("lat: 53.551", "lat: 63.551"), encoding="utf-8")
    git(repo, "add", str(hamburg))
    (repo / "content" / "events").mkdir(parents=True)  # untracked
    (repo / "content" / "events" / "meetup.yml").write_text(
        "title: Meetup\nstart: 2027-05-01\ncity: Bremen\nhubs: [bremen]\n", encoding="utf-8"
    )

    for option in ("--changed-only", "--changed-first"):
        result = run_build_py("check", option, "HEAD", root=repo)
        assert result.returncode == 1, result.stdout
        for path in ("hubs/dortmund/hub.yml", "hubs/hamburg/hub.yml", "content/events/meetup.yml"):
            assert f"{path}:" in result.stderr, (option, path, result.stderr)
        assert "no errors" not in result.stderr + result.stdout
        if option == "--changed-only":
            assert "3 changed files since HEAD" in result.stderr


def test_errors_in_unchanged_files_are_counted_and_fail(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    shutil.copy(ROOT / ".gitignore", repo / ".gitignore")
    git(repo, "init", "-q", "-b", "main")
    dortmund = repo / "hubs" / "dortmund" / "hub.yml"
    dortmund.write_text(dortmund.read_text(encoding="utf-8").replace("focus: [logistics]", "focus: [logistic]"), encoding="utf-8")
    commit_all(repo, "base with a broken hub")
    prose = repo / "hubs" / "hamburg" / "en.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")

    result = run_build_py("check", "--changed-only", "HEAD", root=repo)
    assert result.returncode == 1
    assert "hubs/dortmund/hub.yml:" not in result.stderr, "not changed: not listed"
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("no errors in the changed files (")
    assert "hub dortmund skipped (it has errors)" in summary
    assert summary.endswith("; 1 error in unchanged files not listed (hubs/dortmund/hub.yml): check without --changed-only lists them")
