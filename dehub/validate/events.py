"""Events: a hub's own (hub.yml `events:`) and the Agency's (content/events/*.yml)."""

from __future__ import annotations

from datetime import date, datetime
from urllib.parse import urlsplit

from ..config import Config
from ..diagnostics import Report, did_you_mean, shorten
from ..load.safe_yaml import Document, report_not_a_mapping
from ..model import Event, Hub
from .schema_errors import MAX_ITEMS, Invalid, schema_errors

EARLIEST, LATEST = date(2000, 1, 1), date(2099, 12, 31)  # calendars and feeds add days and zones: no year 9999


def in_range(value: date) -> bool:
    return EARLIEST <= (value.date() if isinstance(value, datetime) else value) <= LATEST


def parse_when(value: str, doc: Document, key: tuple, report: Report) -> date | datetime | None:
    line, col = doc.where(key)
    try:
        when = date.fromisoformat(value) if len(value) == 10 else datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        report.error(doc.path, line, col, f"{value!r} is not a real date or time")
        return None
    if not in_range(when):
        report.error(doc.path, line, col, f"{value!r} is outside {EARLIEST.year} to {LATEST.year}")
        return None
    return when


def check_url(value: str, doc: Document, key: tuple, report: Report) -> None:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
        line, col = doc.where(key)
        report.error(doc.path, line, col, f"{shorten(value)} is not a valid https:// address")


def build_events(
    doc: Document, key: tuple, raw: list, hubs: tuple[str, ...], cities: set[str] | None, report: Report, invalid: Invalid | None = None
) -> list[Event]:
    """The events that are valid; the rules run on every part that passed the schema (`invalid`),
    and the city is not checked when `cities` is None (the hub's own cities have errors)."""
    invalid = invalid or Invalid(set())
    events = []
    for index, item in enumerate(raw):
        where = (*key, index) if key else ()
        if not isinstance(item, dict):
            continue
        readable = {name for name in ("start", "end", "city", "url") if isinstance(item.get(name), str) and invalid.ok((*where, name))}
        start = parse_when(item["start"], doc, (*where, "start"), report) if "start" in readable else None
        end = parse_when(item["end"], doc, (*where, "end"), report) if "end" in readable else None
        if start and end and as_datetime(end) < as_datetime(start):
            line, col = doc.where((*where, "end"))
            report.error(doc.path, line, col, f"event ends ({item['end']}) before it starts ({item['start']})")
        if "city" in readable and cities is not None and item["city"] not in cities:
            line, col = doc.where((*where, "city"))
            whose = "this hub's cities" if key else "the cities of the hubs it names"
            report.error(
                doc.path,
                line,
                col,
                f"event city {shorten(item['city'])} is not one of {whose}; {did_you_mean(item['city'], sorted(cities))}allowed: {', '.join(sorted(cities))}",
            )
        if "url" in readable:
            check_url(item["url"], doc, (*where, "url"), report)
        if start and invalid.ok(where) and ("end" not in item or end):
            line, _ = doc.where(where)
            events.append(
                Event(
                    title=item["title"], start=start, end=end, city=item["city"], hubs=hubs, source=doc.path, line=line, url=item.get("url")
                )
            )
    return events


def as_datetime(value: date | datetime) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


def check_languages(doc: Document, key: tuple, value: object, config: Config, report: Report) -> None:
    if isinstance(value, dict):
        for code in value:
            if code not in config.codes:
                line, col = doc.where((*key, code), of_key=True)
                report.error(
                    doc.path,
                    line,
                    col,
                    f"{code!r} is not a configured language; {did_you_mean(code, config.codes)}allowed: {', '.join(config.codes)}",
                )


def build_agency_events(
    docs: list[Document], hubs: list[Hub], config: Config, report: Report, skipped: set[str] = frozenset()
) -> list[Event]:
    """Events from content/events/; a hub in `skipped` (it has errors) still counts as existing."""
    by_slug = {hub.slug: hub for hub in hubs}
    events = []
    for doc in docs:
        if not isinstance(doc.data, dict):
            report_not_a_mapping(
                doc, doc.text, 1, "an event file must be a mapping of keys like 'title:', 'start:', 'city:', 'hubs:'", report
            )
            continue
        invalid = schema_errors(doc, "event", report)
        cities: set[str] | None = set()
        named = doc.data.get("hubs") if invalid.ok(("hubs",)) else []
        if not isinstance(named, list) or len(named) > MAX_ITEMS:  # refused before the schema ran
            named = []
        for index, slug in enumerate(named):
            if not isinstance(slug, str):  # the schema reported it
                continue
            if slug in skipped:
                cities = None  # that hub has errors of its own: its cities are unknown
            elif slug not in by_slug:
                line, col = doc.where(("hubs", index))
                report.cross_file_error(
                    doc.path, line, col, f"unknown hub {slug!r}; {did_you_mean(slug, sorted(by_slug))}see the folders in hubs/"
                )
            elif cities is not None:
                cities.update(city.name for city in by_slug[slug].cities)
        if invalid.ok(("title",)) and "title" in doc.data:
            check_languages(doc, ("title",), doc.data["title"], config, report)
        if cities is not None and not cities:
            cities = None  # no hub named: nothing to compare the city with
        found = build_events(doc, (), [doc.data], tuple(named), cities, report, invalid)
        events.extend(found if not invalid else [])
    return events
