"""The front matter of content pages and hub prose: known keys only, plain text, bounded length."""

from __future__ import annotations

import re

from ..diagnostics import Report, shorten
from ..model import ContentPage, Prose

PAGE_META = {"title", "description", "source_hash"}
HUB_META = {"description", "source_hash"}
NO_MARKUP = re.compile(r"[<>\x00-\x1f\x7f-\x9f]")  # markup or control characters (CR, LF, ...)
MAX_DESCRIPTION = 300


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
            report.error(prose.path, 2, 1, f"{name!r} must be plain text on one line, without '<', '>' or control characters")
        elif len(value) > MAX_DESCRIPTION:
            report.error(prose.path, 2, 1, f"{name!r} is longer than {MAX_DESCRIPTION} characters")


def check_page_meta(pages: list[ContentPage], report: Report) -> None:
    for page in pages:
        for prose in page.versions.values():
            check_meta(prose, PAGE_META, {"title"}, report)


def check_hub_meta(prose: dict[str, Prose], report: Report) -> None:
    for version in prose.values():
        check_meta(version, HUB_META, set(), report)
