"""One Chromium for the whole session, the shipped site served once, page audits cached.

The browser is the system's Chromium (`DEHUB_CHROMIUM`, default /usr/bin/chromium) driven by
Playwright; no browser is downloaded. Every page load of the shipped site is audited once per
colour scheme (`audit(lang, page, scheme)`) and the result shared by the axe, privacy,
console, keyboard, reflow and motion tests, so each gate is its own test id without loading
the page again.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.browser import gates
from tests.conftest import BuiltSite

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]

LANGS = gates.languages()
CONFIG = gates.site_config()
SOURCE_LANG = CONFIG["extra"]["dehub"].get("source_language", "de")
SOURCE_ONLY = list(CONFIG["extra"]["dehub"].get("source_only_pages", []))
# A locale the chooser has no language for, so the root page stays put and can be audited.
NEUTRAL_LOCALE = "sv-SE"


def content_pages() -> list[str]:
    """The content pages (content/<lang>/*.md), by key, other than the generated ones."""
    keys: set[str] = set()
    for folder in (gates.ROOT / "content").iterdir():
        if folder.is_dir() and folder.name in LANGS:
            keys.update(p.stem for p in folder.glob("*.md"))
            if (folder / "news").is_dir():
                keys.add("news")
    return sorted(keys - {"index", "hubs", "events", *SOURCE_ONLY})


def news_post() -> dict[str, str]:
    """One news post, if there are any (content/<lang>/news/YYYY-MM-DD-<slug>.md -> news/<slug>/)."""
    slugs = sorted(
        match.group(1)
        for path in (gates.ROOT / "content").glob("*/news/*.md")
        if (match := re.match(r"^\d{4}-\d{2}-\d{2}-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$", path.name))
    )
    return {"news-post": f"news/{slugs[0]}/"} if slugs else {}


# Page types audited in every language: id -> path below /<lang>/. "404" asks for a missing
# page, so the host serves the language's not-found page with status 404.
# test_static.py::test_every_page_type_is_audited fails when the build makes a kind of page
# that is not listed here.
PAGE_TYPES: dict[str, str] = {
    "home": "",
    "hubs": "hubs/",
    "focus": "hubs/focus/logistics/",
    "state": "hubs/state/nordrhein-westfalen/",
    "hub": "hubs/berlin/",
    "events": "events/",
    "news": "news/",
    **news_post(),
    "open-data": "open-data/",
    **{key: f"{key}/" for key in content_pages()},
    "404": "no-such-page/",
}


def page_kind(path: str) -> str:
    """What kind of page a path below /<lang>/ is: its first folder, its second under hubs/."""
    parts = [part for part in path.split("/") if part]
    if not parts:
        return "home"
    if parts[0] == "hubs" and len(parts) > 1:
        return f"hubs/{parts[1]}/*" if parts[1] in {"focus", "state"} else "hubs/*"
    return parts[0] + ("/*" if len(parts) > 1 else "")


def page_cases() -> list[tuple[str, str]]:
    """(language, page id) for every audited page: every type in every language, the
    source-only pages in the source language, and the root language chooser and root 404."""
    cases = [(lang, page) for lang in LANGS for page in PAGE_TYPES]
    cases += [(SOURCE_LANG, key) for key in SOURCE_ONLY]
    cases += [("root", "chooser"), ("root", "404")]
    return cases


def page_path(lang: str, page: str) -> str:
    if lang == "root":
        return "" if page == "chooser" else "no-such-page/"
    return f"{lang}/{PAGE_TYPES.get(page, page + '/')}"


@dataclass
class Site:
    root: Path
    url: str

    def __call__(self, path: str) -> str:
        return self.url + path.lstrip("/")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("DEHUB_CHROMIUM", "/usr/bin/chromium")
    if not Path(executable).is_file():
        pytest.fail(f"no Chromium at {executable}: install it (apt-get install chromium) or set DEHUB_CHROMIUM to its path", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def site(built_site: BuiltSite, site_server) -> Site:
    return Site(built_site.root, built_site.url)


class Audits:
    """Each (language, page, scheme) is loaded once; later gates reuse the result.

    Light loads emulate prefers-color-scheme: light and prefers-reduced-motion: reduce, and
    also record the first Tab stop, CSS motion and the width at 320 px. Dark loads emulate
    prefers-color-scheme: dark with no motion preference, and have Material's palette choice
    seeded (gates.dark_palette_seed), as after a click on its toggle.
    """

    def __init__(self, browser, site: Site) -> None:
        self.browser = browser
        self.site = site
        self.cache: dict[tuple[str, str, str], gates.PageAudit] = {}
        self.sessions: dict[str, gates.AuditSession] = {}

    def session(self, scheme: str) -> gates.AuditSession:
        if scheme not in self.sessions:
            self.sessions[scheme] = gates.AuditSession(
                self.browser,
                gates.origin_of(self.site.url),
                scheme=scheme,
                reduced_motion="reduce" if scheme == "light" else "no-preference",
                locale=NEUTRAL_LOCALE,
                seed=gates.dark_palette_seed(LANGS) if scheme == "dark" else None,
            )
        return self.sessions[scheme]

    def __call__(self, lang: str, page: str, scheme: str) -> gates.PageAudit:
        key = (lang, page, scheme)
        if key not in self.cache:
            light = scheme == "light"
            self.cache[key] = self.session(scheme).audit(
                self.site(page_path(lang, page)),
                expect_status=404 if page == "404" else 200,
                keyboard=light,
                reflow=light,
            )
        return self.cache[key]

    def close(self) -> None:
        for session in self.sessions.values():
            session.close()


@pytest.fixture(scope="session")
def audit(browser, site: Site):
    audits = Audits(browser, site)
    yield audits
    audits.close()
