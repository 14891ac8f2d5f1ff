"""News posts' front matter: known keys, plain bounded texts, a real date matching the file name, known hubs."""

from __future__ import annotations

import re
from datetime import date

from ..diagnostics import Report, did_you_mean, shorten
from ..load.news import NewsSource
from ..load.safe_yaml import Document
from ..model import Hub, NewsPost, Prose
from .events import EARLIEST, LATEST, in_range

ALLOWED = ["title", "date", "hubs", "summary", "source_hash"]
REQUIRED = ["title", "date", "summary"]
LIMITS = {"title": 200, "summary": 300}


def _check_text(doc: Document, name: str, report: Report) -> None:
    value = doc.data[name]  # type: ignore[index]
    line, col = doc.where((name,))
    if not isinstance(value, str) or not value.strip():
        report.error(doc.path, line, col, f"{name!r} must be a text, not {shorten(value)}")
    elif re.search(r"[<>\x00-\x1f\x7f-\x9f]", value):
        report.error(doc.path, line, col, f"{name!r} must be plain text on one line, without '<', '>' or control characters")
    elif len(value) > LIMITS[name]:
        report.error(doc.path, line, col, f"{name!r} is longer than {LIMITS[name]} characters")


def _check_date(doc: Document, named: date | None, report: Report) -> None:
    value = doc.data["date"]  # type: ignore[index]
    line, col = doc.where(("date",))
    try:
        when = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        when = None
    if when is None:
        report.error(doc.path, line, col, f"'date' {shorten(value)} is not a real date; write YYYY-MM-DD")
    elif not in_range(when):
        report.error(doc.path, line, col, f"'date' {value} is outside {EARLIEST.year} to {LATEST.year}")
    elif named is not None and when != named:
        report.error(
            doc.path, line, col, f"'date' {value} does not match the date in the file name ({named.isoformat()}); change one of them"
        )


def _check_hubs(doc: Document, slugs: list[str], report: Report) -> None:
    value = doc.data["hubs"]  # type: ignore[index]
    if not isinstance(value, list):
        line, col = doc.where(("hubs",))
        report.error(doc.path, line, col, f"'hubs' must be a list of hub slugs like [dortmund, hamburg], not {shorten(value)}")
        return
    for index, slug in enumerate(value):
        line, col = doc.where(("hubs", index))
        if slug not in slugs:
            report.error(doc.path, line, col, f"unknown hub {shorten(slug)}; {did_you_mean(slug, slugs)}see the folders in hubs/")
        elif value.index(slug) != index:
            report.error(doc.path, line, col, f"hub {slug!r} is listed twice; remove the duplicate")


def check_post(doc: Document, named: date | None, slugs: list[str], report: Report) -> None:
    """Every problem in one post's front matter, at the line of the key or value."""
    data: dict = doc.data  # type: ignore[assignment]
    for name in data:
        if name not in ALLOWED:
            line, col = doc.where((name,), of_key=True)
            report.error(
                doc.path, line, col, f"unknown front matter key {shorten(name)}; {did_you_mean(name, ALLOWED)}allowed: {', '.join(ALLOWED)}"
            )
    for name in REQUIRED:
        if name not in data:
            report.error(doc.path, 1, 1, f"front matter needs {name!r}; a news post has a title, a date (YYYY-MM-DD) and a summary")
    for name in ("title", "summary"):
        if name in data:
            _check_text(doc, name, report)
    if "date" in data:
        _check_date(doc, named, report)
    if "hubs" in data:
        _check_hubs(doc, slugs, report)
    if "source_hash" in data and not isinstance(data["source_hash"], str):
        line, col = doc.where(("source_hash",))
        report.error(doc.path, line, col, "'source_hash' must be a text; run `python build.py i18n mark-current PATH`")


def build_news(sources: list[NewsSource], hubs: list[Hub], report: Report) -> list[NewsPost]:
    """The valid posts, newest first; translations share the file name (and so the slug and date)."""
    slugs = sorted(hub.slug for hub in hubs)
    posts: dict[str, NewsPost] = {}
    for source in sources:
        errors = len(report.errors)
        check_post(source.doc, source.named, slugs, report)
        if len(report.errors) > errors or source.named is None:
            continue
        prose = Prose(lang=source.lang, path=source.doc.path, body=source.body, body_line=source.body_line, meta=dict(source.doc.data))  # type: ignore[arg-type]
        post = posts.setdefault(source.slug, NewsPost(source.slug, source.named))
        if post.date != source.named:
            other = next(iter(post.versions.values())).path
            report.error(
                prose.path,
                1,
                0,
                f"the slug {source.slug!r} is already used by {other}; a translation keeps the file name, another post needs another slug",
            )
            continue
        post.versions[source.lang] = prose
    return sorted(posts.values(), key=lambda p: (-p.date.toordinal(), p.slug))
