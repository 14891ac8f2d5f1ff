"""Helpers for the untrusted-input tests: hostile catalogs, an HTML scan, a Chromium probe.

The scan parses built pages with an HTML parser (not a regex), so an attribute or element that
a payload injected shows up as what the browser would see.
"""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po, write_po

# Quote-and-attribute payloads a catalog lint can't refuse (they are plain text).
ATTRIBUTE_PAYLOAD = "\" onmouseover=alert(1) autofocus onfocus=alert(2) x=' onclick='alert(3)"


def rewrite_catalog(repo: Path, lang: str, change) -> None:
    """Replace every translated msgstr of a language by `change(msgstr)` (placeholders kept)."""
    path = repo / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang)
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.string, tuple):
            message.string = tuple(change(text) if text else text for text in message.string)
        elif message.string:
            message.string = change(message.string)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0)
    path.write_bytes(buffer.getvalue())


def hostile_text(text: str) -> str:
    """The msgstr with the payload inside (before a trailing newline, which must stay last)."""
    if text.endswith("\n"):
        return text[:-1] + ATTRIBUTE_PAYLOAD + "\n"
    return text + ATTRIBUTE_PAYLOAD


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on") or name in {"autofocus", "srcdoc"}:
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "id" and value is not None:
                self.ids.append(value)
        if tag in {"img", "script", "iframe", "object", "embed"} and any(n == "src" and v == "x" for n, v in attrs):
            self.found.append(f"<{tag} src=x>")


def injected(html: str) -> list[str]:
    """Attributes and elements that only a payload would add."""
    scan = _Scan()
    scan.feed(html)
    return scan.found


def element_ids(html: str) -> list[str]:
    scan = _Scan()
    scan.feed(html)
    return scan.ids


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def probe_in_chromium(browser, url: str, selector: str = "a, button, input, img, [tabindex], nav, svg, [title]") -> list[str]:
    """Load a page with a dialog handler; hover, focus and click what can be; the dialogs seen."""
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_timeout(200)
    for element in page.query_selector_all(selector)[:40]:
        try:
            if not element.is_visible():
                element.focus()
                continue
            element.hover(timeout=300)
            element.focus()
            element.click(timeout=300, no_wait_after=True, modifiers=["Control"], trial=False)
        except Exception:  # noqa: BLE001, S112 - an element may vanish or be covered; the dialogs are what count
            continue
    for _ in range(10):
        page.keyboard.press("Tab")
    page.wait_for_timeout(200)
    page.close()
    return dialogs
