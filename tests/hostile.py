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


# A pull request's hostile files (issue 25): each case adds or replaces files of a fixture repo
# (tests.conftest.make_repo, hubs dortmund and hamburg). Values are bytes, or a function of the
# file's current bytes. Every command a pull-request workflow runs meets each case.
BILLION_LAUGHS_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">'
    '<defs><g id="a0"><rect width="1" height="1"/></g>'
    + "".join(f'<g id="a{i}">' + f'<use x:href="#a{i - 1}"/>' * 10 + "</g>" for i in range(1, 10))
    + '</defs><use x:href="#a9"/></svg>'
).encode()
QUADRATIC_PROSE = (
    "---\ntitle: x\n---\n\n" + "".join(f"[d{i}]: https://example.org/{i}\n" for i in range(400)) + "\n" + "![" * 150 + "\n"
).encode()


def _append(text: bytes):
    return lambda old: old + text


PULL_REQUEST_CORPUS: dict[str, dict[str, object]] = {
    "pot-latin1-entry": {"translations/messages.pot": _append(b'\n#: x.py:1\nmsgid "Caf\xe9"\nmsgstr ""\n')},
    "pot-utf16": {"translations/messages.pot": lambda old: old.decode("utf-8").encode("utf-16")},
    "po-utf16": {"translations/fr/LC_MESSAGES/messages.po": lambda old: old.decode("utf-8").encode("utf-16")},
    "po-latin1": {"translations/fr/LC_MESSAGES/messages.po": _append(b'\nmsgid "x\xe9"\nmsgstr "y"\n')},
    "hub-yml-utf16": {"hubs/dortmund/hub.yml": lambda old: old.decode("utf-8").encode("utf-16")},
    "name-script": {
        "hubs/dortmund/hub.yml": lambda old: old.replace(b"  - name: Dortmund", b'  - name: "Dort</script><script>alert(1)</script>"', 1)
    },
    "name-crlf-control": {"hubs/dortmund/hub.yml": lambda old: old.replace(b"  - name: Dortmund", b'  - name: "Dort\\r\\nmund\\u0007"', 1)},
    "slug-too-long": {f"hubs/{'a' * 252}/hub.yml": lambda old: b"name: x\n"},
    "slug-route": {"hubs/focus/hub.yml": lambda old: b"name: x\n", "hubs/focus/de.md": lambda old: b"x\n"},
    "prose-foreign-image": {"hubs/dortmund/de.md": _append(b"\n![logo](https://evil.test/x.png) ![b](//evil.test/y.png)\n")},
    "logo-use-bomb": {"hubs/dortmund/logo.svg": lambda old: BILLION_LAUGHS_SVG, "hubs/dortmund/hub.yml": _append(b"logo: logo.svg\n")},
    "prose-quadratic": {"hubs/dortmund/de.md": lambda old: QUADRATIC_PROSE},
    "planted-cache": {".cache/dehub/clean/" + "0" * 64: lambda old: b"0 errors\n", ".cache/dehub/secret": lambda old: b"0" * 32},
    "event-escaped-text": {
        "hubs/dortmund/hub.yml": _append(
            b'events:\n  - title: "&lt;script&gt;alert(1)&lt;/script&gt; \\" \' %0A::error::x ]]"\n    start: 2027-03-01\n    city: Dortmund\n'
        )
    },
}


ACCEPTED_CASES = {"planted-cache", "event-escaped-text"}  # text that is only text: published, as text
# The .pot is the translators' template: the build never reads it, and `check` compares it with
# the sources only where they are (not in a fixture repo); `i18n status` reads it on every PR.
POT_CASES = {"pot-latin1-entry", "pot-utf16"}


def apply_case(repo: Path, case: dict[str, object]) -> None:
    for name, change in case.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        old = path.read_bytes() if path.is_file() else b""
        path.write_bytes(change(old) if callable(change) else change)  # type: ignore[operator]
