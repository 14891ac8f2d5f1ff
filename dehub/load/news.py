"""News posts: content/<lang>/news/YYYY-MM-DD-<slug>.md, read with their front matter and its positions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..config import Config
from ..diagnostics import Report
from ..urls import SLUG_PATTERN
from .files import MAX_PROSE_BYTES, relative, safe_file
from .names import content_file_problem
from .safe_yaml import FRONT_MATTER, Document, load_yaml, read_file, report_not_a_mapping
from .tree import refused_entry

FILE_NAME = re.compile(rf"^(\d{{4}}-\d{{2}}-\d{{2}})-({SLUG_PATTERN[1:-1]})\.md$")


@dataclass
class NewsSource:
    """One post file as read: its name's slug and date, and its front matter (not yet checked)."""

    lang: str
    slug: str
    named: date | None  # the date in the file name; None when it is not a real date
    doc: Document
    body_line: int
    body: str


def _front_matter(text: str, path: str, report: Report) -> tuple[Document, int, str] | None:
    match = FRONT_MATTER.match(text)
    if not match:
        report.error(path, 1, 1, "a news post starts with front matter between '---' lines: title, date, summary (and optional hubs)")
        return None
    doc = load_yaml(match.group(1) or "", path, report, first_line=2)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        report_not_a_mapping(
            doc, match.group(1) or "", 2, "front matter must be a mapping of 'key: value' lines (title, date, summary, hubs)", report
        )
        return None
    return doc, text[: match.end()].count("\n") + 1, text[match.end() :]


def read_post(root: Path, file: Path, lang: str, report: Report) -> NewsSource | None:
    rel = relative(root, file)
    match = FILE_NAME.match(file.name)
    if not match:
        report.error(
            rel, 1, 0, "a news post's file name is YYYY-MM-DD-slug.md, e.g. 2027-03-01-hub-evening.md (lowercase letters, digits, hyphens)"
        )
        return None
    try:
        named = date.fromisoformat(match.group(1))
    except ValueError:
        report.error(rel, 1, 0, f"the file name's date {match.group(1)} is not a real date")
        named = None
    if not safe_file(root, file, report):
        return None
    text = read_file(file, rel, report, max_bytes=MAX_PROSE_BYTES)
    parsed = _front_matter(text, rel, report) if text is not None else None
    if parsed is None:
        return None
    doc, body_line, body = parsed
    return NewsSource(lang, match.group(2), named, doc, body_line, body)


def read_news_files(root: Path, config: Config, report: Report) -> list[NewsSource]:
    """Every news post file of every configured language, in language order, then by name."""
    sources = []
    for lang in config.codes:
        folder = root / "content" / lang / "news"
        if refused_entry(folder, f"content/{lang}/news", report) or not folder.is_dir():
            continue
        for file in sorted(folder.iterdir()):
            if file.name.startswith(".") or refused_entry(file, relative(root, file), report):
                continue
            if file.suffix != ".md" or file.is_dir():
                named_right = not file.is_dir() and FILE_NAME.match(file.name.rpartition(".")[0].lower() + ".md")
                hint = (
                    content_file_problem(file.name, f"content/{lang}/news/") if named_right else f"{file.name!r} is not read by the build"
                )
                report.error(relative(root, file), 1, 0, f"{hint}; only news posts (YYYY-MM-DD-slug.md) belong in content/{lang}/news/")
                continue
            source = read_post(root, file, lang, report)
            if source is not None:
                sources.append(source)
    return sources
