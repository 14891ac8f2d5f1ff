"""The table of contents of a content page, read back from its sanitised body.

Threat: Material prints each TOC entry's title unescaped and uses the first entry's id in its
skip link; Python-Markdown's TOC tokens carry heading ids and labels (`data-toc-label`) that
never went through the sanitiser. So the TOC is rebuilt from the page body after nh3 and the
id gate (render/ids.py): each title is the heading's text, escaped; each id the body's own.
"""

from __future__ import annotations

from html import escape
from html.parser import HTMLParser

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class _Headings(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[dict] = []
        self.current: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HEADINGS and self.current is None:
            ident = dict(attrs).get("id")
            if ident:
                self.current = {"level": HEADINGS[tag], "id": ident, "text": [], "tag": tag}

    def handle_endtag(self, tag: str) -> None:
        if self.current is not None and tag == self.current["tag"]:
            text = " ".join("".join(self.current["text"]).split())
            self.found.append({"level": self.current["level"], "id": self.current["id"], "name": escape(text), "children": []})
            self.current = None

    def handle_data(self, data: str) -> None:
        if self.current is not None:
            self.current["text"].append(data)


def toc_tokens(html: str) -> list[dict]:
    """Nested tokens ({level, id, name, children}) of the headings in sanitised `html`."""
    parser = _Headings()
    parser.feed(html)
    parser.close()
    root: list[dict] = []
    stack: list[dict] = []
    for token in parser.found:
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root
