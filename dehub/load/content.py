"""The Agency's pages: content/<lang>/*.md, read and grouped by their language-neutral key."""

from __future__ import annotations

from pathlib import Path

from ..config import Config
from ..diagnostics import Report
from ..model import ContentPage
from ..output import has_invisible
from ..urls import SLUG_RE
from .files import read_prose, relative
from .names import content_file_problem
from .tree import refused_entry


def read_content(root: Path, config: Config, report: Report) -> list[ContentPage]:
    """Every page of content/<lang>/, grouped by its language-neutral key (front matter unchecked)."""
    pages: dict[str, ContentPage] = {}
    base = root / "content"
    if not base.is_dir():
        return []
    for lang_dir in sorted(p for p in base.iterdir() if p.name != "events" and (p.is_symlink() or p.is_dir())):
        lang = lang_dir.name
        if refused_entry(lang_dir, relative(root, lang_dir), report):
            continue
        if lang not in config.codes:
            report.error(relative(root, lang_dir), 0, 0, f"{lang!r} is not a configured language; allowed: {', '.join(config.codes)}")
            continue
        for entry in sorted(lang_dir.iterdir()):
            if entry.name.startswith(".") or entry.name == "news" or (entry.suffix == ".md" and not entry.is_dir()):
                continue
            if not entry.is_symlink() and not has_invisible(entry.name):  # those: check_tree's errors
                where = f"content/{lang}/"
                message = (
                    f"the folder {entry.name!r} is not read by the build; {where} holds pages and news/ only" if entry.is_dir() else None
                )
                report.error(relative(root, entry), 1, 0, message or content_file_problem(entry.name, where))
        for file in sorted(lang_dir.glob("*.md")):
            key = file.stem
            if not SLUG_RE.match(key):
                report.error(relative(root, file), 1, 0, "file name must be lowercase letters, digits and hyphens, ending in .md")
                continue
            prose = read_prose(root, file, lang, report)
            if prose is None:
                continue
            pages.setdefault(key, ContentPage(key, {})).versions[lang] = prose
    return [pages[key] for key in sorted(pages)]
