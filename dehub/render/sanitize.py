"""HTML from untrusted input (hub prose, translations) goes through nh3's allow-list.

Python-Markdown passes raw HTML through, so everything rendered from user Markdown
is cleaned here before it reaches a page. No request leaves the site's origin: an image's
`src` is one of the site's own files, and no `src` or `href` is scheme-relative (`//host`);
srcset, poster, style and SVG are not on the list at all. Agency pages in content/ are reviewed by
maintainers and may use a slightly larger list (tables, definition lists, figures).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import nh3

from .ids import IdGate, normalise
from .limits import ProseTooLarge, check_limits

__all__ = ["ProseTooLarge", "check_limits", "clean_html", "render_markdown", "same_origin"]

PROSE_TAGS = {
    "p",
    "br",
    "hr",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "strong",
    "em",
    "b",
    "i",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "abbr",
    "span",
    "div",
    "sub",
    "sup",
    "del",
    "ins",
    "img",
}
CONTENT_EXTRA_TAGS = {
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "caption",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "details",
    "summary",
}
ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "abbr": {"title"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "*": {"id", "lang", "dir", "class"},
}
URL_SCHEMES = {"https", "mailto"}


FOREIGN = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]{2}|/\\|\\)")


def same_origin(value: str, link: bool = False) -> bool:
    """Whether the browser requests `value` from the site itself: a relative path or `/path`
    (no scheme, no `//host`, no backslash, which browsers read as a slash). A link (`href`)
    may also lead to https:// and mailto: pages, which the browser requests only when followed."""
    text = html.unescape(value)
    if "\\" in text or any(ord(char) < 0x20 for char in text):
        return False
    if link and re.match(r"^(?:https://|mailto:)", text.strip(), re.I):
        return True
    return not FOREIGN.match(text)


@lru_cache(maxsize=2)
def _markdown(extended: bool):
    import markdown  # here, not at the top: `check` uses this module's limits without rendering

    extensions = ["attr_list", "fenced_code", "tables", "toc"] if extended else ["attr_list", "fenced_code"]
    return markdown.Markdown(extensions=extensions, output_format="html")


def clean_html(html: str, *, extended: bool = False, ids: IdGate | None = None) -> str:
    """The allow-listed part of `html`; every id passes `ids` (the page's, or a fresh one)."""
    tags = PROSE_TAGS | CONTENT_EXTRA_TAGS if extended else PROSE_TAGS
    attributes = {tag: set(attrs) for tag, attrs in ATTRIBUTES.items() if tag == "*" or tag in tags}
    gate = ids if ids is not None else IdGate()

    def attribute(element: str, name: str, value: str) -> str | None:
        if name == "id":
            return gate(value)
        if name in {"src", "href"} and not same_origin(value, link=name == "href"):
            return None  # defence in depth: `check` refuses these with the file and line
        if name == "href" and value.startswith("#") and len(value) > 1:
            return "#" + normalise(value[1:])  # in-page links follow their target's normalised id
        return value

    return nh3.clean(
        html,
        tags=tags,
        attributes=attributes,
        attribute_filter=attribute,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


def render_markdown(text: str, *, extended: bool = False, ids: IdGate | None = None) -> str:
    """Markdown to HTML that is safe to put into a page as it is."""
    check_limits(text)
    engine = _markdown(extended)
    engine.reset()
    return clean_html(engine.convert(text), extended=extended, ids=ids)
