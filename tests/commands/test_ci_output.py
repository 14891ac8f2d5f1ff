"""CI output injection (issue 16, class 7): names from a pull request can't add workflow
commands or Markdown, names with control characters are refused, and names that are not
UTF-8 are shown escaped, also on a strict UTF-8 stdout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dehub.diagnostics import Diagnostic
from dehub.output import markdown_code, markdown_text, workflow_data, workflow_property
from tests.conftest import ROOT, make_repo, run_build_py

NAMES = [
    "evil\n::add-mask::secret",
    "evil\r\n::notice file=x::forged",
    "a,line=1::b",
    "100%0A::warning::x",
    "x\x00y\x0bz\x1b[31m",
    "gnp.\u202etxt",
    "iso\u2066late\u2069",
]


@pytest.mark.parametrize("name", NAMES)
def test_a_workflow_command_has_exactly_one_line_and_its_own_properties(name: str) -> None:
    line = Diagnostic(f"hubs/{name}/hub.yml", 3, 4, f"bad value {name}").github()
    assert "\n" not in line and "\r" not in line
    head, _, message = line.partition("::")[2].partition("::")
    properties = head.removeprefix("error ").split(",")
    assert [p.partition("=")[0] for p in properties] == ["file", "line", "col"], head  # nothing forged
    assert message.startswith("bad value ")  # one line: a "::" inside it starts nothing
    assert all(ord(c) >= 0x20 and c not in "\u202e\u2066\u2069" for c in line)


def test_workflow_escapes_are_githubs() -> None:
    assert workflow_data("a%b\r\nc") == "a%25b%0D%0Ac"
    assert workflow_property("a%b\r\nc:d,e") == "a%25b%0D%0Ac%3Ad%2Ce"


@pytest.mark.parametrize(
    "name",
    ["a`b", "x`](https://evil.example)![i](https://evil.example/i.png)`", "<img src=x onerror=alert(1)>", "a|b", "[x][y]", "*b* _i_ ~s~"],
)
def test_a_name_in_a_markdown_summary_is_literal_text(name: str) -> None:
    code = markdown_code(name)
    assert "`" not in code.replace("\\`", "") and "<img" not in code
    assert "](" not in code.replace("\\](", "").replace("\\]\\(", "")
    assert "|" not in markdown_text(name).replace("\\|", "")


def _bad_names_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path)
    hamburg = repo / "hubs" / "hamburg"
    for name in ("evil\n::add-mask::secret", "a`b](https:", "x\u202ey"):
        folder = repo / "hubs" / name
        folder.mkdir()
        (folder / "hub.yml").write_text((hamburg / "hub.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (repo / "content" / "events").mkdir(parents=True)
    (repo / "content" / "events" / "day\n::notice::x.yml").write_text("title: x\n", encoding="utf-8")
    os.mkdir(os.fsencode(repo / "hubs") + b"/caf\xe9")
    return repo


def test_check_refuses_names_with_control_characters_and_survives_non_utf8_names(tmp_path: Path) -> None:
    repo = _bad_names_repo(tmp_path)
    for fmt in ("text", "github"):
        result = run_build_py("check", "--format", fmt, root=repo, env={"PYTHONIOENCODING": "utf-8:strict"})
        assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
        out = result.stdout + result.stderr
        assert "\n::add-mask::" not in out and "\n::notice::" not in out
        assert "\u202e" not in out
        assert "caf\\xe9" in out
        if fmt == "text":
            assert "hubs/evil\\n::add-mask::secret: error: the name holds a control character" in result.stderr, result.stderr
        else:
            assert "::error file=hubs/evil%0A%3A%3Aadd-mask%3A%3Asecret::the name holds" in result.stdout, result.stdout


def test_the_pr_summary_escapes_names(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    git = lambda *args: subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)  # noqa: E731
    git("init", "-q", "-b", "main")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "t")
    (repo / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "base")
    target = repo / "content" / "de" / "x`](https:__evil.example)![i](https:__e.example_i.png)`.md"
    target.parent.mkdir(parents=True)
    target.write_text("x\n", encoding="utf-8")
    git("add", "-A")
    git("commit", "-qm", "change")
    result = subprocess.run(
        [sys.executable, "-m", "dehub.commands.pr_summary", "--base", "main", "--root", str(repo)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    assert result.returncode == 0, result.stderr
    assert "](" not in result.stdout.replace("\\](", "").replace("\\]\\(", "") and "![" not in result.stdout.replace("\\!\\[", "")
