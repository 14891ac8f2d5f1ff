"""Where each page lives: the one registry of which pages exist, their keys and their URLs.

A page key is language-neutral ('index', 'hubs/berlin', 'hubs/state/bayern', 'news/page/2');
a language's page is `/<lang>/<key>/`. Every key is made by a function here and nowhere
else, and `language_pages` lists every page one language has: the renderers make exactly
these pages (a test holds them to it), `check` resolves prose links against them, and the
sitemap lists what the workers report back.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from .localize.fallback import shown_language

if TYPE_CHECKING:
    from .config import Config
    from .model import Event, Hub, Project

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"  # hub folders, page and news file names (also in the JSON Schemas)
SLUG_RE = re.compile(SLUG_PATTERN)
SECTIONS = {"hubs", "events", "news"}  # pages whose virtual file is <key>/index.md
# The pages made from the project's data; content/<lang>/<key>.md with one of these keys is their intro.
GENERATED = ("index", "hubs", "events", "news", "open-data")
# The legal pages: legally binding only in the source language; translations say so and link to it.
LEGAL_PAGES = ("imprint", "privacy", "accessibility")
FILTER_PREFIXES = ("hubs/focus/", "hubs/state/", "events/hub/", "events/focus/", "news/page/")  # left out of search
NEWS_PER_PAGE = 10
OPEN_DATA_FILES = {
    "hubs": "api/hubs.json",
    "geojson": "api/hubs.geojson",
    "hubs_schema": "api/hubs.schema.json",
    "geojson_schema": "api/hubs.geojson.schema.json",
}

MAX_SLUG_LENGTH = 64  # a folder name, a URL segment and a calendar file name: far below NAME_MAX (255 bytes)
# The site's own names, which a hub's folder or former slug would take over or clash with:
# every segment of a generated page's key or a root file's path, and the root's own folders.
ROOT_NAMES = ("assets", "search", "calendar", "api", "sitemap", "404", "feed", "map", "page", "all", "robots", "site")


@lru_cache(maxsize=1)
def reserved_slugs() -> frozenset[str]:
    """The words a hub slug (folder or former slug) may not be: they name the site's own pages and files."""
    segments = {part for key in (*GENERATED, *SECTIONS, *FILTER_PREFIXES, *LEGAL_PAGES) for part in key.split("/") if part}
    segments |= {path.split("/")[0] for path in OPEN_DATA_FILES.values()}
    segments |= {posixpath.splitext(part)[0] for part in calendar_path().split("/")}
    return frozenset(segments | set(ROOT_NAMES))


def slug_problem(slug: str, reserved: bool = True) -> str | None:
    """Why `slug` can't be a hub's folder or former slug (None: it can)."""
    if len(slug) > MAX_SLUG_LENGTH:
        return f"is {len(slug)} characters long; the limit is {MAX_SLUG_LENGTH}"
    if not SLUG_RE.match(slug):
        return "is not a valid slug (lowercase letters, digits, single hyphens)"
    if reserved and slug in reserved_slugs():
        return "is one of the site's own page or file names"
    return None


def slugify(text: str) -> str:
    """'Baden-Württemberg' -> 'baden-wuerttemberg' (German transliteration, then ASCII)."""
    text = text.lower()
    for umlaut, ascii_ in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, ascii_)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text).split())


# The keys, one function per kind of page.


def hub_key(slug: str) -> str:
    return f"hubs/{slug}"


def focus_key(focus: str) -> str:
    return f"hubs/focus/{focus}"


def state_key(state: str) -> str:
    return "hubs/state/" + slugify(state)


def events_hub_key(slug: str) -> str:
    return f"events/hub/{slug}"


def events_focus_key(focus: str) -> str:
    return f"events/focus/{focus}"


def news_key(slug: str) -> str:
    return f"news/{slug}"


def news_listing_key(number: int) -> str:
    return "news" if number == 1 else f"news/page/{number}"


def news_page_count(posts: int) -> int:
    return max(1, -(-posts // NEWS_PER_PAGE))


def is_filter_page(key: str) -> bool:
    return key.startswith(FILTER_PREFIXES)


# Which pages exist.


def used_focus(project: Project) -> set[str]:
    return {key for hub in project.hubs for key in hub.focus}


def used_states(project: Project) -> list[str]:
    return sorted({state for hub in project.hubs for state in hub.states})


def event_foci(event: Event, hubs: dict[str, Hub]) -> set[str]:
    """An event concerns the sector foci of the hubs it belongs to."""
    return {key for slug in event.hubs if slug in hubs for key in hubs[slug].focus}


def content_page_shown(config: Config, key: str, versions: dict, lang: str) -> bool:
    """Whether a content page (not one of GENERATED) is a page of `lang`."""
    if key in config.source_only_pages and lang != config.source_language:
        return False
    return shown_language(config.fallback_chain(lang), versions) is not None


def other_language_pages(project: Project, config: Config, lang: str) -> dict[str, str]:
    """Pages a page of `lang` may link to that live in another language: {key: that language}.
    The source-only pages (Leichte Sprache, DGS) exist only in German; a link to them from any
    language ('dgs.md') leads to the German page."""
    if lang == config.source_language:
        return {}
    source = config.source_language
    return {page.key: source for page in project.pages if page.key in config.source_only_pages and source in page.versions}


def language_pages(project: Project, config: Config, lang: str) -> set[str]:
    """Every page key of one language."""
    hubs = {hub.slug: hub for hub in project.hubs}
    keys = set(GENERATED)
    keys |= {focus_key(key) for key in used_focus(project)}
    keys |= {state_key(state) for state in used_states(project)}
    keys |= {hub_key(slug) for slug in hubs}
    keys |= {events_hub_key(slug) for event in project.events for slug in event.hubs if slug in hubs}
    keys |= {events_focus_key(key) for event in project.events for key in event_foci(event, hubs)}
    own_posts = sum(lang in post.versions for post in project.news)
    keys |= {news_listing_key(number) for number in range(1, news_page_count(own_posts) + 1)}
    keys |= {news_key(post.slug) for post in project.news}
    keys |= {page.key for page in project.pages if page.key not in GENERATED and content_page_shown(config, page.key, page.versions, lang)}
    return keys


# Files and URLs.


def src_uri(key: str) -> str:
    """The virtual Markdown file MkDocs builds a page from ('hubs/berlin' -> 'hubs/berlin.md')."""
    if key == "index":
        return "index.md"
    if key in SECTIONS:
        return f"{key}/index.md"
    return f"{key}.md"


def page_path(key: str) -> str:
    """The page's folder inside a language, with a trailing slash ('' for the home page)."""
    return "" if key == "index" else f"{key}/"


def page_url(config: Config, lang: str, key: str) -> str:
    """A page's absolute URL."""
    return config.url(f"{lang}/{page_path(key)}")


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


def site_file(from_key: str, path: str) -> str:
    """A link from a language's page to a file at the site root (api/hubs.json, calendar/all.ics)."""
    return "../" * (page_path(from_key).count("/") + 1) + path  # +1 for the language folder


def cross_language_url(from_key: str, lang: str, key: str) -> str:
    """From a page of one language to a page of another, as a relative link."""
    return site_file(from_key, f"{lang}/{page_path(key)}")


def calendar_path(slug: str | None = None) -> str:
    """Where a calendar lives, relative to the site root: 'calendar/all.ics' or 'calendar/<slug>.ics'."""
    return f"calendar/{slug or 'all'}.ics"


def webcal(url: str) -> str:
    """The subscription form of an http(s) URL: calendar apps open webcal:// links as a subscription."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", *parts[1:]))


def calendar_links(config: Config, from_key: str, slug: str | None = None) -> dict[str, str]:
    """A subscribe (webcal:) and a download link to a calendar, from the page `from_key` of a language."""
    path = calendar_path(slug)
    return {"webcal": webcal(config.url(path)), "download": site_file(from_key, path)}


def feed_url(config: Config, lang: str) -> str:
    return config.url(f"{lang}/news/feed.xml")


def key_of(md_path: str) -> str:
    """'hubs/index.md' -> 'hubs', 'index.md' -> 'index', 'hubs/dortmund.md' -> 'hubs/dortmund'."""
    path = posixpath.normpath(md_path)
    if path.endswith(".md"):
        path = path[: -len(".md")]
    if path == "index":
        return "index"
    return path[: -len("/index")] if path.endswith("/index") else path


_MD_LINK = re.compile(r'href="(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*?)\.md(#[^"]*)?"')


def resolve_md_links(html: str, from_key: str, source_dir: str = "", elsewhere: dict[str, str] | None = None) -> str:
    """Turn Markdown links to other pages ('founders.md') into links between built pages; a page
    that lives in another language (`elsewhere`, see other_language_pages) is linked there, with
    its language as hreflang."""

    def replace(match: re.Match[str]) -> str:
        target = key_of(posixpath.join(source_dir, match.group(1)))
        fragment = match.group(2) or ""
        if elsewhere and target in elsewhere:
            lang = elsewhere[target]
            return f'href="{cross_language_url(from_key, lang, target)}{fragment}" hreflang="{lang}"'
        return f'href="{relative_url(from_key, target)}{fragment}"'

    return _MD_LINK.sub(replace, html)
