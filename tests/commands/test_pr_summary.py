"""`python -m dehub.changes`: the hubs and pages a branch changes, for the pull request summary."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dehub.commands import pr_summary as changes
from tests.conftest import git

ROOT = Path(__file__).resolve().parents[2]

MKDOCS = """\
site_name: test
extra:
  dehub:
    source_language: de
    fallbacks: [en, de]
    languages:
      - code: de
      - code: en
      - code: fr
      - code: ar
    source_only_pages: [leichte-sprache]
"""


def write(repo: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small repository: `main` with two hubs and a few pages, then a branch `pr` checked out."""
    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    write(
        repo,
        {
            "mkdocs.yml": MKDOCS,
            "README.md": "readme\n",
            "hubs/berlin/hub.yml": "name: Berlin\n",
            "hubs/berlin/de.md": "Berlin\n",
            "hubs/berlin/en.md": "Berlin\n",
            "hubs/koeln/hub.yml": "name: Köln\n",
            "hubs/koeln/de.md": "Köln\n",
            "hubs/koeln/fr.md": "Cologne\n",
            "content/de/index.md": "Start\n",
            "content/en/index.md": "Home\n",
            "content/de/about.md": "Über\n",
            "content/de/leichte-sprache.md": "Leicht\n",
            "content/de/news/launch.md": "Start\n",
        },
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    return repo


def commit(repo: Path, files: dict[str, str], message: str = "change") -> None:
    write(repo, files)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def pages(repo: Path, base: str = "main") -> dict[str, tuple[str, ...]]:
    return {change.path: change.pages for change in changes.collect(repo, base)}


def test_hub_facts_change_every_language(repo: Path) -> None:
    commit(repo, {"hubs/berlin/hub.yml": "name: Berlin!\n", "README.md": "other\n"})
    assert pages(repo) == {
        "hubs/berlin/hub.yml": (
            "de/hubs/berlin/index.html",
            "en/hubs/berlin/index.html",
            "fr/hubs/berlin/index.html",
            "ar/hubs/berlin/index.html",
        )
    }


def test_prose_changes_its_language_and_the_languages_falling_back_to_it(repo: Path) -> None:
    commit(repo, {"hubs/berlin/en.md": "Berlin!\n", "hubs/koeln/de.md": "Köln!\n", "hubs/berlin/logo.svg": "<svg/>\n"})
    assert pages(repo) == {
        # fr and ar have no berlin text of their own: they show the English one
        "hubs/berlin/en.md": ("en/hubs/berlin/index.html", "fr/hubs/berlin/index.html", "ar/hubs/berlin/index.html"),
        # a logo shows on every language's page
        "hubs/berlin/logo.svg": tuple(f"{lang}/hubs/berlin/index.html" for lang in ("de", "en", "fr", "ar")),
        # the German source: en and ar show it (fallback), fr's translation may now be outdated
        "hubs/koeln/de.md": tuple(f"{lang}/hubs/koeln/index.html" for lang in ("de", "en", "fr", "ar")),
    }


def test_a_new_translation_takes_over_its_language(repo: Path) -> None:
    commit(repo, {"hubs/koeln/ar.md": "كولونيا\n", "hubs/koeln/en.md": "Cologne\n"})
    assert pages(repo) == {
        "hubs/koeln/ar.md": ("ar/hubs/koeln/index.html",),
        # fr has its own text, ar now too: only en shows the new English text
        "hubs/koeln/en.md": ("en/hubs/koeln/index.html",),
    }


def test_content_pages(repo: Path) -> None:
    commit(
        repo,
        {
            "content/de/about.md": "Über!\n",
            "content/en/index.md": "Home!\n",
            "content/de/leichte-sprache.md": "Leicht!\n",
            "content/de/news/launch.md": "Start!\n",
            "content/de/img/map.png": "png",
            "content/events/2027-summit.yml": "title: Summit\n",
        },
    )
    assert pages(repo) == {
        "content/de/about.md": ("de/about/index.html", "en/about/index.html", "fr/about/index.html", "ar/about/index.html"),
        # the generator reads only content/<lang>/*.md: no page shows these
        "content/de/img/map.png": (),
        "content/de/news/launch.md": (),
        # exists only in German
        "content/de/leichte-sprache.md": ("de/leichte-sprache/index.html",),
        "content/en/index.md": ("en/index.html", "fr/index.html", "ar/index.html"),
        "content/events/2027-summit.yml": ("de/events/index.html", "en/events/index.html", "fr/events/index.html", "ar/events/index.html"),
    }


def test_deleted_and_renamed_files(repo: Path) -> None:
    (repo / "hubs/berlin/en.md").unlink()
    (repo / "hubs/koeln").rename(repo / "hubs/koeln-bonn")
    commit(repo, {})
    result = pages(repo)
    # without en.md, the en, fr and ar pages now show German: all three changed
    assert result["hubs/berlin/en.md"] == ("en/hubs/berlin/index.html", "fr/hubs/berlin/index.html", "ar/hubs/berlin/index.html")
    assert "hubs/koeln/hub.yml" in result and "hubs/koeln-bonn/hub.yml" in result


def test_files_outside_hubs_and_content_are_not_listed(repo: Path) -> None:
    commit(repo, {"README.md": "other\n", "hubs/README.md": "about hubs\n", "content/xx/page.md": "unknown language\n"})
    assert pages(repo) == {}


def test_only_the_branch_counts_not_later_commits_on_main(repo: Path) -> None:
    commit(repo, {"hubs/berlin/de.md": "Berlin!\n"})
    git(repo, "checkout", "-q", "main")
    commit(repo, {"hubs/koeln/hub.yml": "name: Köln!\n"})
    git(repo, "checkout", "-q", "pr")
    assert list(pages(repo)) == ["hubs/berlin/de.md"]


def run_cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run([sys.executable, "-m", "dehub.changes", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)


def test_cli_prints_a_markdown_list(repo: Path) -> None:
    commit(repo, {"hubs/berlin/hub.yml": "name: Berlin!\n", "content/de/about.md": "Über!\n"})
    result = run_cli(repo, "--base", "main")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "## Changed hubs and pages"
    assert "Hubs: <code>berlin</code>" in lines
    assert "- <code>hubs/berlin/hub.yml</code> (hub <code>berlin</code>)" in lines
    assert "  - <code>de/hubs/berlin/index.html</code>" in lines
    assert "  - <code>ar/hubs/berlin/index.html</code>" in lines
    assert "- <code>content/de/about.md</code> (page, <code>de</code>)" in lines
    assert "  - <code>fr/about/index.html</code>" in lines


def test_cli_names_files_no_page_shows(repo: Path) -> None:
    commit(repo, {"content/de/notes.txt": "notes\n"})
    result = run_cli(repo, "--base", "main")
    assert result.returncode == 0, result.stderr
    assert "- <code>content/de/notes.txt</code> (page, <code>de</code>)\n  - no page shows this file\n" in result.stdout


def test_cli_without_changes(repo: Path) -> None:
    result = run_cli(repo, "--base", "main")
    assert result.returncode == 0, result.stderr
    assert "changes no hub and no page" in result.stdout


@pytest.mark.parametrize("base", ["no-such-branch", "main~5", "--output=/tmp/x"])
def test_cli_bad_ref_is_one_error_line(repo: Path, base: str) -> None:
    result = run_cli(repo, f"--base={base}")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and base in line


def test_cli_outside_a_git_repository(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    env_root = tmp_path / "not-a-repo"
    env_root.mkdir()
    (env_root / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "dehub.changes", "--base", "main", "--root", str(env_root)],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GIT_CEILING_DIRECTORIES": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ")


def test_the_real_repository_runs(tmp_path: Path) -> None:
    """Against this repository itself: HEAD compared with HEAD lists nothing (no traceback, exit 0)."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    result = run_cli(ROOT, "--base", "HEAD", "--root", str(ROOT))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Changed hubs and pages")
