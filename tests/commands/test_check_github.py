"""`check --format github --changed-first BASE` on a pull-request fixture: the changed file's
annotation first, at most ten per kind, every problem in the job summary."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import make_repo, run_build_py


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", message)


def pull_request(tmp_path: Path) -> Path:
    """main has 12 old problems (event files); the branch adds one in hubs/hamburg/hub.yml."""
    repo = make_repo(tmp_path)
    git(repo, "init", "-q", "-b", "main")
    events = repo / "content" / "events"
    events.mkdir(parents=True)
    for number in range(12):
        (events / f"a{number:02}.yml").write_text(
            f"title: Treffen {number}\nstart: 2027-05-01\nend: 2027-04-01\ncity: Hamburg\nhubs: [hamburg]\n", encoding="utf-8"
        )
    commit_all(repo, "base with old problems")
    git(repo, "checkout", "-q", "-b", "feature")
    hub = repo / "hubs" / "hamburg" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("focus:", "fokus:"), encoding="utf-8")
    commit_all(repo, "the pull request")
    return repo


def test_changed_file_first_at_most_ten_per_kind_and_the_full_list_in_the_summary(tmp_path: Path):
    repo = pull_request(tmp_path)
    summary = tmp_path / "summary.md"
    result = run_build_py("check", "--format", "github", "--changed-first", "main", root=repo, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    annotations = [line for line in lines if line.startswith("::error ")]
    assert annotations[0].startswith("::error file=hubs/hamburg/hub.yml,")
    assert len(annotations) == 10
    total = sum(": error: " in line or line.startswith("::error ") for line in lines)
    assert total == 14  # hamburg: unknown key 'fokus' and missing 'focus'; 12 event files
    assert lines[-1] == "::notice::4 more errors not annotated (GitHub shows 10 of each kind); see the job summary"
    assert result.stderr.splitlines()[-1].startswith("14 errors in 13 files")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("## Check: 14 problems\n")
    assert written.count("content/events/a") == 12 and written.count("hubs/hamburg/hub.yml") == 2
    assert written.index("hubs/hamburg/hub.yml") < written.index("content/events/a00.yml")


def test_without_a_base_the_order_is_by_file_and_no_summary_without_the_variable(tmp_path: Path):
    repo = pull_request(tmp_path)
    result = run_build_py("check", "--format", "github", root=repo, env={"GITHUB_STEP_SUMMARY": ""})
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert annotations[0].startswith("::error file=content/events/a00.yml,")
    assert len(annotations) == 10
    assert result.stdout.splitlines()[-1].endswith("see the log above")


def test_summary_code_block_cannot_be_closed_by_the_input():
    from dehub.annotations import summary_markdown
    from dehub.diagnostics import Diagnostic

    text = summary_markdown([Diagnostic("a.md", 1, 1, "unknown key '```\n![x](https://evil.example/)'")], [], "1 error")
    fence = text.split("\n")[4].removesuffix("text")
    assert len(fence) == 4 and text.count(fence) == 2
