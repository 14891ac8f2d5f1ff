"""`check --release`: no placeholder left for the operator may go live."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, make_repo, run_build_py


def test_the_shipped_legal_pages_block_a_release_until_filled_in() -> None:
    plain = run_build_py("check")
    release = run_build_py("check", "--release")
    assert plain.returncode == 0
    assert release.returncode == 1
    lines = [line for line in release.stderr.splitlines() if ": error: placeholder [[TODO:" in line]
    imprint = (ROOT / "content" / "de" / "imprint.md").read_text(encoding="utf-8").splitlines()
    first = next(number for number, text in enumerate(imprint, start=1) if "[[TODO:" in text)
    column = imprint[first - 1].index("[[TODO:") + 1
    assert any(line.startswith(f"content/de/imprint.md:{first}:{column}: error: placeholder [[TODO:") for line in lines)
    assert {line.split(":")[0] for line in lines} >= {"content/de/imprint.md", "content/en/privacy.md", "content/de/accessibility.md"}


def test_a_filled_in_repo_passes_the_release_check(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    for page in (repo / "content").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("[[TODO:", "(filled in:").replace("]]", ")"), encoding="utf-8")
    result = run_build_py("check", "--release", root=repo)
    assert result.returncode == 0, result.stderr
