"""Where each page lives: one language-neutral key per page, one URL per language."""

from __future__ import annotations

import posixpath
import re
import unicodedata
from functools import lru_cache


def src_uri(key: str) -> str:
    """The virtual Markdown file MkDocs builds a page from ('hubs/berlin' -> 'hubs/berlin.md')."""
    if key == "index":
        return "index.md"
    if key in SECTIONS:
        return f"{key}/index.md"
    return f"{key}.md"


SECTIONS = {"hubs", "events", "news"}


def page_path(key: str) -> str:
    """The page's folder inside a language, with a trailing slash ('' for the home page)."""
    return "" if key == "index" else f"{key}/"


@lru_cache(maxsize=65536)
def relative_url(from_key: str, to_key: str) -> str:
    """A link from one page to another of the same language (works under any base path)."""
    start = page_path(from_key) or "."
    target = page_path(to_key) or "."
    rel = posixpath.relpath(target, start)
    return "./" if rel == "." else rel + "/"


def relative_asset(from_key: str, asset: str) -> str:
    start = page_path(from_key) or "."
    return posixpath.relpath(asset, start)


def slugify(text: str) -> str:
    """'Baden-Württemberg' -> 'baden-wuerttemberg' (German transliteration, then ASCII)."""
    text = text.lower()
    for umlaut, ascii_ in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ascii_)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text).split())


_MD_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*?)\.md(#[^"]*)?"')


def key_of(md_path: str) -> str:
    """'hubs/index.md' -> 'hubs', 'index.md' -> 'index', 'hubs/dortmund.md' -> 'hubs/dortmund'."""
    path = posixpath.normpath(md_path)
    if path == "index":
        return "index"
    return path[: -len("/index")] if path.endswith("/index") else path


def resolve_md_links(html: str, from_key: str, source_dir: str = "") -> str:
    """Turn Markdown links to other pages ('founders.md') into links between built pages."""

    def replace(match: re.Match[str]) -> str:
        target = key_of(posixpath.join(source_dir, match.group(1)))
        return f'href="{relative_url(from_key, target)}{match.group(2) or ""}"'

    return _MD_LINK.sub(replace, html)


def cross_language_url(from_key: str, lang: str, key: str) -> str:
    """From a page of one language to a page of another, as a relative link."""
    depth = page_path(from_key).count("/") + 1  # +1 for the language folder
    return "../" * depth + f"{lang}/{page_path(key)}"
