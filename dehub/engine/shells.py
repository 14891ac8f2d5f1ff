"""Material's page template rendered once per folder, not once per page.

Every generated page below the top level (a hub, a focus or state filter, an event or news
page) gets the same header, tabs, search, footer and scripts from Material as every other page
in its folder; only the title, the description, the page's own name in its URLs and the body
differ. So MkDocs builds one *probe* page per folder whose values are markers, `shell` splits
its output at the markers, and `assemble` fills the pieces in for each page: a string join
instead of a template render and an HTML parse (`engine/stylesheets.py` may rename a stylesheet in the shells before they are filled).

A page is shelled only when nothing else in Material's output depends on it (`shellable`):
it exists in every language (hreflang and switcher differ only by its name), brings its own
body with its own <h1>, and uses the default template. The rest go through MkDocs as before.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markupsafe import escape

from ..render.page import Page
from ..urls import page_path

PROBE = "dehub-probe"  # the probe page's name: its key is '<folder>/dehub-probe'
TITLE = "@@DEHUB-TITLE@@"
DESCRIPTION = "@@DEHUB-DESCRIPTION@@"
BODY = "@@DEHUB-BODY<h1@@"  # holds '<h1': Material adds a heading to a body without one, ours have one
MARKERS = re.compile("(" + "|".join(re.escape(m) for m in (TITLE, DESCRIPTION, BODY, PROBE)) + ")")
SLOT_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def folder_of(key: str) -> str:
    return posixpath.dirname(key)


def shellable(page: Page) -> bool:
    """Whether Material's output for `page` is its folder's shell with the page's values filled in."""
    name = posixpath.basename(page.key)
    return (
        "/" in page.key
        and page.html is not None
        and "<h1" in page.html
        and page.template is None
        and page.languages is None
        and not page.source_only
        and SLOT_NAME.match(name) is not None
        and name != PROBE
    )


def probe_pages(pages: list[Page]) -> list[Page]:
    """One probe per folder that has shellable pages, in a stable order."""
    folders = sorted({folder_of(page.key) for page in pages})
    return [Page(f"{folder}/{PROBE}", TITLE, DESCRIPTION, html=BODY) for folder in folders]


@dataclass(frozen=True)
class Shell:
    parts: tuple[str, ...]  # literal text and markers, alternating (even: literal, odd: marker)

    @property
    def literal(self) -> str:
        return "".join(self.parts[::2])

    def edited(self, edit: Callable[[str], str]) -> Shell:
        """The same shell with `edit` applied to its literal text (e.g. a renamed stylesheet)."""
        return Shell(tuple(edit(part) if index % 2 == 0 else part for index, part in enumerate(self.parts)))

    def fill(self, page: Page) -> str:
        values = {
            TITLE: str(escape(page.title)),
            DESCRIPTION: str(escape(page.description)),
            BODY: page.html or "",
            PROBE: posixpath.basename(page.key),
        }
        return "".join(part if index % 2 == 0 else values[part] for index, part in enumerate(self.parts))


def shell(html: str) -> Shell:
    """A probe page's output, split at its markers (the body must be there exactly once)."""
    parts = tuple(MARKERS.split(html))
    bodies = parts[1::2].count(BODY)
    if bodies != 1:
        raise RuntimeError(f"the page template shows the body {bodies} times; expected once")
    return Shell(parts)


def take_shells(site_dir: Path, pages: list[Page]) -> dict[str, Shell]:
    """The shell of every folder of `pages`, from its probe's output; the probes are removed."""
    shells: dict[str, Shell] = {}
    for folder in sorted({folder_of(page.key) for page in pages}):
        probe_dir = site_dir / page_path(f"{folder}/{PROBE}")
        shells[folder] = shell((probe_dir / "index.html").read_text(encoding="utf-8"))
        (probe_dir / "index.html").unlink()
        probe_dir.rmdir()
    return shells


def write_shelled(site_dir: Path, pages: list[Page], shells: dict[str, Shell]) -> None:
    for page in pages:
        target = site_dir / page_path(page.key) / "index.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(shells[folder_of(page.key)].fill(page).encode("utf-8", errors="xmlcharrefreplace"))
