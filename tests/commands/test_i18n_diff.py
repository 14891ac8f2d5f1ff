"""`i18n diff FILE` on a fixture repository with history; whitespace-only edits keep translations current."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from dehub.model import normalized_text, raw_source_hash, source_hash, translates
from tests.conftest import make_repo, run_build_py


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-qm", message)


def set_hash(file: Path, value: str) -> None:
    file.write_text(
        re.sub(r"^source_hash: .*$", f"source_hash: {value}", file.read_text(encoding="utf-8"), count=1, flags=re.M), encoding="utf-8"
    )


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """Three commits of hubs/dortmund/de.md: translated from the first, then a rewrap, then a real change."""
    repo = make_repo(tmp_path, hubs=("dortmund",))
    git(repo, "init", "-q", "-b", "main")
    commit_all(repo, "translated")
    german = repo / "hubs" / "dortmund" / "de.md"
    text = german.read_text(encoding="utf-8")
    german.write_text(text.replace("Die Digital Hub Initiative nennt", "Die  Digital Hub Initiative\nnennt"), encoding="utf-8")
    commit_all(repo, "rewrapped")
    german.write_text(german.read_text(encoding="utf-8") + "\nEin neuer Absatz über Logistik.\n", encoding="utf-8")
    commit_all(repo, "a new paragraph")
    return repo


def test_diff_shows_what_changed_since_the_translation(history: Path):
    result = run_build_py("i18n", "diff", "hubs/dortmund/en.md", root=history)
    assert result.returncode == 0, result.stderr
    rewrapped = git(history, "rev-parse", "HEAD~1").strip()  # the newest version with the recorded hash
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"hubs/dortmund/de.md: changed since hubs/dortmund/en.md was translated ({rewrapped[:10]}): [-removed-] {{+added+}}"
    )
    paragraphs = len(normalized_text((history / "hubs/dortmund/de.md").read_text(encoding="utf-8").split("---\n", 2)[2]).split("\n\n"))
    assert lines[1:3] == [f"@@ paragraph {paragraphs + 1} @@", "{+Ein neuer Absatz über Logistik.+}"]  # + 1: the description
    assert lines[-1] == "update hubs/dortmund/en.md, then run `python build.py i18n mark-current hubs/dortmund/en.md`"


def test_diff_marks_the_changed_word_not_the_paragraph(history: Path):
    german = history / "hubs" / "dortmund" / "de.md"
    text = german.read_text(encoding="utf-8")
    german.write_text(text.replace("\nEin neuer Absatz über Logistik.\n", "\nEin neuer Absatz über Mobilität.\n"), encoding="utf-8")
    commit_all(history, "one word")
    lines = run_build_py("i18n", "diff", "hubs/dortmund/en.md", root=history).stdout.splitlines()
    assert "{+Ein neuer Absatz über Mobilität.+}" in lines  # still new since the translation, the new word in it
    git(history, "reset", "-q", "--hard", "HEAD~1")
    run_build_py("i18n", "mark-current", "hubs/dortmund/en.md", root=history)
    commit_all(history, "translated again")
    german.write_text(german.read_text(encoding="utf-8").replace("über Logistik.", "über Mobilität."), encoding="utf-8")
    commit_all(history, "one word")
    lines = run_build_py("i18n", "diff", "hubs/dortmund/en.md", root=history).stdout.splitlines()
    assert lines[2] == "Ein neuer Absatz über [-Logistik-]{+Mobilität+}."


def test_a_changed_german_description_marks_its_translations_outdated(history: Path):
    run_build_py("i18n", "mark-current", *(f"hubs/dortmund/{lang}.md" for lang in ("en", "fr", "es", "zh", "ja", "ar")), root=history)
    commit_all(history, "translated again")
    assert "Outdated translations" not in run_build_py("i18n", "status", root=history).stdout
    german = history / "hubs" / "dortmund" / "de.md"
    text = german.read_text(encoding="utf-8")
    description = re.search(r"^description: (.*)$", text, re.M).group(1)
    german.write_text(text.replace(f"description: {description}", f"description: {description} Neu."), encoding="utf-8")
    commit_all(history, "description")
    status = run_build_py("i18n", "status", root=history).stdout
    assert "  hubs/dortmund/en.md" in status and "  hubs/dortmund/fr.md" in status
    lines = run_build_py("i18n", "diff", "hubs/dortmund/en.md", root=history).stdout.splitlines()
    assert lines[1:3] == ["@@ paragraph 1 @@", f"description: {description} {{+Neu.+}}"]


def test_status_points_to_the_diff(history: Path):
    result = run_build_py("i18n", "status", root=history)
    assert "`python build.py i18n diff PATH` shows how" in result.stdout
    assert "hubs/dortmund/en.md" in result.stdout


def test_a_rewrap_alone_keeps_the_translation_current(history: Path):
    git(history, "reset", "-q", "--hard", "HEAD~1")  # only the rewrap
    result = run_build_py("i18n", "diff", "hubs/dortmund/en.md", root=history)
    assert result.returncode == 0
    assert result.stdout.startswith("hubs/dortmund/en.md: current;")
    assert "Outdated translations" not in run_build_py("i18n", "status", root=history).stdout


def test_a_shallow_clone_says_history_missing(history: Path, tmp_path: Path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", history.as_uri(), str(clone)], check=True, capture_output=True)
    result = run_build_py("i18n", "diff", "hubs/dortmund/en.md", root=clone)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "hubs/dortmund/en.md: error: history missing: this is a shallow clone; run `git fetch --unshallow` and try again"
    )


def test_the_old_raw_hash_counts_only_without_translated_front_matter(tmp_path: Path):
    repo = make_repo(tmp_path, hubs=("dortmund",))
    body = "Ein Satz.\n\nNoch  ein Satz,\numbrochen.\n"
    assert translates(raw_source_hash(body), body) and translates(source_hash(body), body)
    assert source_hash(body) == source_hash("Ein Satz.\n\nNoch ein Satz, umbrochen.")
    assert source_hash(body) != source_hash("Ein Satz.\n\nNoch ein anderer Satz, umbrochen.")
    meta = {"description": "Der Hub."}
    assert translates(source_hash(body, meta), body, meta) and source_hash(body, meta) != source_hash(body)
    assert not translates(raw_source_hash(body), body, meta)  # it can't tell whether the description changed
    assert not translates(source_hash(body, meta), body, {"description": "Der neue Hub."})
    assert translates(source_hash(body, meta), body, {"description": "Der  Hub.", "source_hash": "x"})  # spaces, other keys
    german = repo / "hubs" / "dortmund" / "de.md"
    set_hash(repo / "hubs" / "dortmund" / "en.md", raw_source_hash(german.read_text(encoding="utf-8").split("---\n", 2)[2]))
    assert "  hubs/dortmund/en.md" in run_build_py("i18n", "status", root=repo).stdout


def test_list_items_and_headings_are_not_joined():
    assert normalized_text("- a\n- b") != normalized_text("- a - b")
    assert normalized_text("Text\n## Heading") != normalized_text("Text ## Heading")
