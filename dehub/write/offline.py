"""A preview that opens from disk (a zip of the site): file:// has no index.html for folders.

Every relative link or source that names a folder ('hubs/', '..', '.', '../en') is made to
name the folder's index.html, judged by what is on disk next to the page, so from file://
each link opens a page, never a folder listing.
"""

from __future__ import annotations

import re
from pathlib import Path

_LINK = re.compile(r'((?:href|src)=")(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*)([?#][^"]*)?"')


def offline_target(page: Path, path: str) -> str:
    """`path` as linked from `page`, with 'index.html' added when it names a folder."""
    if path == "":
        return path  # '?x' or '#x' on the page itself
    if (page.parent / path).is_dir():
        folder = path.rstrip("/")
        return "index.html" if folder in ("", ".") else f"{folder}/index.html"
    return path


def make_browsable_offline(staging: Path) -> None:
    """Rewrite every page's folder links to the folder's index.html."""
    for page in staging.rglob("*.html"):
        text = page.read_text(encoding="utf-8")

        def fix(match: re.Match[str], page: Path = page) -> str:
            return f'{match.group(1)}{offline_target(page, match.group(2))}{match.group(3) or ""}"'

        page.write_text(_LINK.sub(fix, text), encoding="utf-8")
