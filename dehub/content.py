"""The Agency's pages in content/<lang>/*.md and the front matter of all prose."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .diagnostics import Report, shorten
from .load import PROSE_RE, read_prose, relative
from .model import Prose

PAGE_KEY = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PAGE_META = {"title", "description", "source_hash"}
HUB_META = {"description", "source_hash"}
NO_MARKUP = re.compile(r"[<>]")
MAX_DESCRIPTION = 300


@dataclass
class ContentPage:
    key: str  # 'index', 'initiative', ...; the URL is /<lang>/<key>/
    versions: dict[str, Prose]


def check_meta(prose: Prose, allowed: set[str], required: set[str], report: Report) -> None:
    for name in prose.meta:
        if name not in allowed:
            report.error(prose.path, 2, 1, f"unknown front matter key {shorten(name)}; allowed: {', '.join(sorted(allowed))}")
    for name in sorted(required - set(prose.meta)):
        report.error(prose.path, 1, 1, f"front matter needs {name!r}")
    for name in ("title", "description"):
        value = prose.meta.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            report.error(prose.path, 2, 1, f"{name!r} must be a text")
        elif NO_MARKUP.search(value):
            report.error(prose.path, 2, 1, f"{name!r} must be plain text without '<' or '>'")
        elif len(value) > MAX_DESCRIPTION:
            report.error(prose.path, 2, 1, f"{name!r} is longer than {MAX_DESCRIPTION} characters")


def read_content(root: Path, config: Config, report: Report) -> list[ContentPage]:
    """Every page of content/<lang>/, grouped by its language-neutral key."""
    pages: dict[str, ContentPage] = {}
    base = root / "content"
    if not base.is_dir():
        return []
    for lang_dir in sorted(p for p in base.iterdir() if p.is_dir() and p.name != "events"):
        lang = lang_dir.name
        if lang not in config.codes:
            report.error(relative(root, lang_dir), 0, 0, f"{lang!r} is not a configured language; allowed: {', '.join(config.codes)}")
            continue
        for file in sorted(lang_dir.glob("*.md")):
            key = file.stem
            if not PAGE_KEY.match(key):
                report.error(relative(root, file), 1, 0, "file name must be lowercase letters, digits and hyphens, ending in .md")
                continue
            prose = read_prose(root, file, lang, report)
            if prose is None:
                continue
            check_meta(prose, PAGE_META, {"title"}, report)
            pages.setdefault(key, ContentPage(key, {})).versions[lang] = prose
    return [pages[key] for key in sorted(pages)]


def check_hub_meta(prose: dict[str, Prose], report: Report) -> None:
    for version in prose.values():
        check_meta(version, HUB_META, set(), report)


__all__ = ["ContentPage", "PROSE_RE", "check_hub_meta", "read_content"]
