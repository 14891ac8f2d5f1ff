"""The validated data the rest of the pipeline works on."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime

Localized = str | dict[str, str]


def pick(text: Localized, chain: list[str]) -> tuple[str, str | None]:
    """The text for the first language in `chain` that has one, and that language."""
    if isinstance(text, str):
        return text, None
    for code in chain:
        if code in text:
            return text[code], code
    code = next(iter(text))
    return text[code], code


def source_hash(body: str) -> str:
    """Fingerprint of German prose; translations record it to detect when they fall behind."""
    normalized = "\n".join(line.rstrip() for line in body.strip().splitlines())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:12]


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
class Project:
    """Everything validated once and shared with every language build."""

    hubs: list[Hub]
    events: list[Event]
    pages: list = field(default_factory=list)  # content.ContentPage
    news: list = field(default_factory=list)  # news.NewsPost, newest first


def build_moment() -> datetime:
    """When the site is built, in Berlin: SOURCE_DATE_EPOCH when set (reproducible), else now."""
    import os
    from zoneinfo import ZoneInfo

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    berlin = ZoneInfo("Europe/Berlin")
    return datetime.fromtimestamp(int(epoch), berlin) if epoch and epoch.isdigit() else datetime.now(berlin).replace(microsecond=0)


def build_date() -> date:
    """The day the site is built for (see build_moment)."""
    return build_moment().date()


def ends_at(event: Event) -> datetime:
    """The instant an event is over, in Berlin: its end time, else the end of its last day.

    The same rule as `is_upcoming` (an event is upcoming until its last day is over), but to the
    minute, so that a page in the browser can tell when the build's view has gone stale.
    """
    from datetime import time, timedelta
    from zoneinfo import ZoneInfo

    berlin = ZoneInfo("Europe/Berlin")
    last = event.end or event.start
    if isinstance(event.end, datetime):
        return event.end.replace(tzinfo=berlin)
    day = last.date() if isinstance(last, datetime) else last
    return datetime.combine(day + timedelta(days=1), time(), berlin)


def is_upcoming(event: Event, today: date) -> bool:
    last = event.end or event.start
    return (last.date() if isinstance(last, datetime) else last) >= today
