"""The search index of the shelled pages (`engine/shells.py`), in Material's search_index.json format.

Material's search plugin still indexes the few pages MkDocs renders (home, sections, content
pages: their headings make sections). The shelled pages never reach it: their entries are
made here from the page's own text: its title and its body without markup (one regex pass
over our own, already sanitised body, instead of Material's HTML parser over the whole page), segmented with jieba exactly as Material does, and appended to its index.
Filter pages (`urls.is_filter_page`) stay out of the index, as before.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from material.plugins.search.plugin import SearchIndex

from ..render.page import Page
from ..urls import is_filter_page, page_path

HIDDEN = re.compile(r"<(script|style|svg|template)\b.*?</\1\s*>", re.S | re.I)
TAG = re.compile(r"<[^>]+>")
SPACE = re.compile(r"\s+")

try:  # Material segments Han characters with jieba when it is installed (zh, and kanji in ja)
    import jieba  # noqa: F401

    def segment(text: str) -> str:
        return SearchIndex._segment_chinese(None, text)  # type: ignore[arg-type]  # uses no state
except ImportError:  # pragma: no cover - jieba is in the lock

    def segment(text: str) -> str:
        return text


def plain_text(markup: str) -> str:
    """Text of our own sanitised HTML: no scripts, styles or icons, one space between words."""
    return html.unescape(SPACE.sub(" ", TAG.sub(" ", HIDDEN.sub(" ", markup)))).strip()


def entry(page: Page) -> dict[str, str]:
    return {"location": page_path(page.key), "title": segment(page.title), "text": segment(plain_text(page.html or ""))}


def extend_index(site_dir: Path, pages: list[Page]) -> None:
    """Append the shelled pages' entries to the index Material wrote for the rest."""
    path = site_dir / "search" / "search_index.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["docs"] += [entry(page) for page in pages if not is_filter_page(page.key)]
    path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
