"""Budgets through the real `check` (issue 16, class 5): each hostile file is refused with its
position, quickly, in every channel; no traceback, no unbounded output."""

from __future__ import annotations

import resource
from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py

BUDGET = 2.0 + 1.5  # one file's budget plus the CLI's own start-up (imports, the fixture repo)
PROSE = {
    "hub prose": ("hubs/hamburg/en.md", ""),
    "content page": ("content/en/payload.md", "---\ntitle: Payload\n---\n\n"),
    "news post": ("content/en/news/2027-01-05-payload.md", "---\ntitle: Payload\ndate: 2027-01-05\nsummary: A post.\n---\n\n"),
}
HOSTILE = {
    "bracket run": "[" * 8000,
    "brackets": "[a " * 4000,
    "nested lists": "- " * 300 + "x",
    "nested markdown blocks": '<div markdown="1">' * 1000 + "x" + "</div>" * 1000,
    "emphasis": "*" * 5000 + "a" + "*" * 5000,
}


def child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.parametrize("channel", PROSE)
@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_markdown_is_refused_by_check_within_budget(tmp_path: Path, channel: str, name: str) -> None:
    repo = make_repo(tmp_path)
    rel, head = PROSE[channel]
    target = repo / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if channel == "hub prose":
        head = target.read_text(encoding="utf-8") + "\n"
    target.write_text(head + HOSTILE[name] + "\n", encoding="utf-8")
    before = child_cpu()
    result = run_build_py("check", root=repo)
    assert child_cpu() - before < BUDGET
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{rel}:{head.count(chr(10)) + 1}:1: error: too large to publish" in result.stderr, result.stderr


@pytest.mark.parametrize("where", ["content/events/big.yml", "hubs/hamburg/hub.yml"])
def test_a_huge_mixed_list_is_one_error_before_the_schema(tmp_path: Path, where: str) -> None:
    repo = make_repo(tmp_path)
    target = repo / where
    target.parent.mkdir(parents=True, exist_ok=True)
    items = ", ".join(["x", "[a]", "{b: 1}"] * 10_000)
    if where.startswith("hubs/"):
        text = target.read_text(encoding="utf-8").replace("focus:", f"former_slugs: [{items}]\nfocus:", 1)
    else:
        text = f"title: Big\nstart: 2027-03-15\ncity: Hamburg\nhubs: [{items}]\n"
    target.write_text(text, encoding="utf-8")
    before = child_cpu()
    result = run_build_py("check", root=repo)
    assert child_cpu() - before < BUDGET
    errors = [line for line in result.stderr.splitlines() if line.startswith(where)]
    assert result.returncode == 1 and len(errors) == 1 and "30000 entries; at most 500" in errors[0], result.stderr[-2000:]
