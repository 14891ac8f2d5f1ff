"""Symlinks in the input folders (issue 16, class 4): every one is `path: error`, loops too,
in every channel; nothing behind a link is read or published."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dehub.load.tree import SYMLINK
from tests.conftest import make_repo, run_build_py

CASES = {
    "hub prose to .git/config": ("hubs/hamburg/en.md", ".git/config"),
    "hub.yml to a file in the repo": ("hubs/hamburg/hub.yml", "hubs/dortmund/hub.yml"),
    "hub folder": ("hubs/altona", "hubs/hamburg"),
    "content page to .env": ("content/en/secret.md", ".env"),
    "content language folder": ("content/fr", "content/en"),
    "news post": ("content/en/news/2027-01-05-secret.md", ".env"),
    "news folder": ("content/de/news", "content/en"),
    "event file": ("content/events/secret.yml", ".env"),
    "events folder": ("content/events", "content/en"),
    "catalog": ("translations/fr/LC_MESSAGES/messages.po", "translations/de/LC_MESSAGES/messages.po"),
    "catalog folder": ("translations/es", "translations/fr"),
    "logo": ("hubs/hamburg/logo.svg", ".env"),
    "theme file": ("theme/partials/evil.html", ".env"),
    "loop": ("hubs/hamburg/fr.md", "hubs/hamburg/fr.md"),
    "two-step loop": ("content/en/a.md", "content/en/b.md"),
    "dangling": ("hubs/hamburg/es.md", "nowhere/at/all.md"),
}


@pytest.mark.parametrize("case", CASES)
def test_any_symlink_in_the_input_folders_is_an_error(tmp_path: Path, case: str) -> None:
    repo = make_repo(tmp_path, with_content=True)
    (repo / ".env").write_text("SECRET_TOKEN=abc123\n", encoding="utf-8")
    (repo / ".git").mkdir()
    (repo / ".git" / "config").write_text("[remote]\n  url = https://token@example.org/\n", encoding="utf-8")
    link, target = CASES[case]
    path = repo / link
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir() and not path.is_symlink():
        import shutil

        shutil.rmtree(path)
    elif path.exists():
        path.unlink()
    os.symlink(repo / target if case != "two-step loop" else repo / "content/en/b.md", path)
    if case == "two-step loop":
        os.symlink(path, repo / "content/en/b.md")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "RuntimeError" not in result.stderr
    assert f"{link}: error: {SYMLINK}" in result.stderr, result.stderr
    built = run_build_py("build", "--lang", "en", "--out", str(tmp_path / "site"), root=repo)
    assert built.returncode == 1 and not (tmp_path / "site").exists()
    assert "SECRET_TOKEN" not in result.stdout + result.stderr + built.stdout + built.stderr
