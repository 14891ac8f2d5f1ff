"""A preview that opens from disk (a zip of the site): file:// has no index.html for folders."""

from __future__ import annotations

import re
from pathlib import Path

_DIR_LINK = re.compile(r'((?:href|src)=")(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*)(#[^"]*)?"')


def make_browsable_offline(staging: Path) -> None:
    """For a preview opened from a zip: link 'hubs/' as 'hubs/index.html' (file:// has no index)."""

    def fix(match: re.Match[str]) -> str:
        path = match.group(2)
        if path in ("", ".", "./"):
            path = "index.html"
        elif path.endswith("/"):
            path += "index.html"
        return f'{match.group(1)}{path}{match.group(3) or ""}"'

    for page in staging.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(_DIR_LINK.sub(fix, text), encoding="utf-8")
