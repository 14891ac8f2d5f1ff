"""The domain types the pipeline passes on once validated: hubs, events, prose, pages, news. No I/O."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

Localized = str | dict[str, str]  # one text for every language, or one per language code
# Proposed by the project, not yet confirmed by the Hub Agency: the open data files and their page say so.
OPEN_DATA_LICENSE = {"id": "CC-BY-4.0", "name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/", "status": "proposed"}


# A line that starts a Markdown block of its own (list item, heading, quote, table, fence, ...):
# it is never joined to the line before, so only rewrapping inside a paragraph is ignored.
BLOCK_START = re.compile(r"^\s*(?:[-*+>|#]|\d+[.)]\s|```|~~~)")


def normalized_text(body: str) -> str:
    """The text with what doesn't change the rendered page removed: runs of spaces, trailing
    spaces, and line breaks inside a paragraph (rewrapping). Plain text rules, no Markdown parser."""
    paragraphs, current = [], []
    for line in body.strip().splitlines():
        line = " ".join(line.split())
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current = []
        elif current and BLOCK_START.match(line):
            paragraphs.append(" ".join(current))
            current = [line]
        else:
            current.append(line)
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


# The front matter a translation translates (a hub's description, a page's title, a post's summary):
# part of the German source's fingerprint, so a changed German description makes its translations outdated.
TRANSLATED_FIELDS = ("title", "description", "summary")


def translated_fields(meta: dict | None) -> list[tuple[str, str]]:
    """(key, text with its spaces normalised) of the translated front matter fields that are set."""
    found = []
    for name in TRANSLATED_FIELDS:
        value = (meta or {}).get(name)
        if isinstance(value, str) and value.strip():
            found.append((name, " ".join(value.split())))
    return found


def source_hash(body: str, meta: dict | None = None) -> str:
    """Fingerprint of German prose and of its translated front matter (`meta`: title, description,
    summary); translations record it to detect when they fall behind. Without such fields it is
    the fingerprint of the body alone, as it was before the front matter counted."""
    fields = "".join(f"{name}: {value}\n" for name, value in translated_fields(meta))
    text = f"{fields}\n{normalized_text(body)}" if fields else normalized_text(body)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def raw_source_hash(body: str) -> str:
    """The fingerprint before whitespace was normalised; hashes recorded with it stay valid."""
    normalized = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


def translates(recorded: str | None, body: str, meta: dict | None = None) -> bool:
    """Whether a translation's recorded `source_hash` is that of the German `body` and front matter
    `meta`. The older raw hash counts only for a German file without translated fields (a hash of
    the body alone can't tell whether its description changed since)."""
    if recorded is None:
        return False
    return recorded == source_hash(body, meta) or (not translated_fields(meta) and recorded == raw_source_hash(body))


@dataclass(frozen=True)
class City:
    name: str
    state: str
    lat: float
    lon: float
    focus: tuple[str, ...] = ()


@dataclass(frozen=True)
class Event:
    title: Localized
    start: date | datetime
    city: str
    hubs: tuple[str, ...]
    source: str
    line: int
    end: date | datetime | None = None
    url: str | None = None

    @property
    def uid(self) -> str:
        digest = hashlib.sha256(f"{self.source}|{self.start.isoformat()}|{self.title!r}".encode()).hexdigest()[:16]
        return f"{digest}@dehub"


@dataclass(frozen=True)
class Prose:
    lang: str
    path: str
    body: str
    body_line: int
    meta: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def recorded_hash(self) -> str | None:
        value = self.meta.get("source_hash")
        return str(value) if value is not None else None


@dataclass
class Hub:
    slug: str
    name: Localized
    cities: tuple[City, ...]
    focus: tuple[str, ...]
    folder: str
    website: str | None = None
    logo: object | None = None  # logos.Logo: file name and display size
    former_slugs: tuple[str, ...] = ()
    events: tuple[Event, ...] = ()
    prose: dict[str, Prose] = field(default_factory=dict)

    @property
    def states(self) -> list[str]:
        return sorted({city.state for city in self.cities})


@dataclass
class ContentPage:
    """One of the Agency's pages (content/<lang>/<key>.md) in every language it exists in."""

    key: str  # 'index', 'initiative', ...; the URL is /<lang>/<key>/
    versions: dict[str, Prose]


@dataclass
class NewsPost:
    """One news post (content/<lang>/news/YYYY-MM-DD-<slug>.md); translations share the file name."""

    slug: str  # the file name without date and .md; the URL is /<lang>/news/<slug>/
    date: date
    versions: dict[str, Prose] = field(default_factory=dict)  # Prose.meta holds the front matter


@dataclass
class Project:
    """Everything validated once and shared with every language build."""

    hubs: list[Hub]
    events: list[Event]
    pages: list[ContentPage] = field(default_factory=list)
    news: list[NewsPost] = field(default_factory=list)  # newest first
    skipped: dict[str, dict[str, Prose]] = field(default_factory=dict)  # hubs with errors: slug -> prose (check only)

    def page(self, key: str) -> ContentPage | None:
        """The content page `key` ('events', 'news', ...), if the Agency wrote one."""
        return next((page for page in self.pages if page.key == key), None)


def ends_at(event: Event) -> datetime:
    """The instant an event is over, in Berlin: its end time, else the end of its last day.

    The same rule as `is_upcoming` (an event is upcoming until its last day is over), but to the
    minute, so that a page in the browser can tell when the build's view has gone stale.
    """
    from .config import BERLIN as berlin  # lazily: config reads files, the model does not

    last = event.end or event.start
    if isinstance(event.end, datetime):
        return event.end.replace(tzinfo=berlin)
    day = last.date() if isinstance(last, datetime) else last
    return datetime.combine(day + timedelta(days=1), time(), berlin)


def is_upcoming(event: Event, today: date) -> bool:
    last = event.end or event.start
    return (last.date() if isinstance(last, datetime) else last) >= today
