"""iCalendar feeds (RFC 5545): /calendar/all.ics and /calendar/<slug>.ics for every hub.

Every hub gets a calendar, even without events, so a subscription made today keeps working
when the hub adds its first event. The files depend only on the sources and the build epoch
(SOURCE_DATE_EPOCH): UIDs come from the event, DTSTAMP from the epoch.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from ..config import BERLIN, TIMEZONE, Config
from ..localize.fallback import pick
from ..model import Event, Hub, Project
from ..urls import calendar_path, page_url

TZID = TIMEZONE
PRODID = "-//de:hub//Digital Hub Initiative events//EN"
REFRESH = timedelta(days=1)  # the site is rebuilt daily, see .github/workflows/deploy.yml


def _wall_clock(value: date | datetime) -> datetime:
    return value.replace(tzinfo=BERLIN) if isinstance(value, datetime) else datetime.combine(value, time(), BERLIN)


def _event_span(event: Event) -> tuple[date | datetime, date | datetime | None]:
    """DTSTART and DTEND of the same value type; an all-day event's DTEND is the day after its last day."""
    start, end = event.start, event.end
    if not isinstance(start, datetime):
        last = end.date() if isinstance(end, datetime) else (end or start)
        return start, last + timedelta(days=1)
    if end is None:
        return _wall_clock(start), None
    if not isinstance(end, datetime):
        return _wall_clock(start), _wall_clock(end + timedelta(days=1))
    return _wall_clock(start), _wall_clock(end)


def vevent(event: Event, hubs: dict[str, Hub], config: Config, stamp: datetime) -> VEvent:
    default = config.default_language
    title, title_lang = pick(event.title, config.fallback_chain(default))
    start, end = _event_span(event)
    item = VEvent()
    item.add("uid", event.uid)
    item.add("dtstamp", stamp)
    item.add("dtstart", start)
    if end is not None:
        item.add("dtend", end)
    item.add("summary", title, parameters={"LANGUAGE": title_lang} if title_lang else None)
    item.add("location", event.city)
    for hub in (hubs[slug] for slug in event.hubs if slug in hubs):
        city = next((c for c in hub.cities if c.name == event.city), None)
        if city is not None:
            item.add("geo", (city.lat, city.lon))
            break
    item.add("url", event.url or page_url(config, default, "events"))
    return item


def timezone_span(events: list[Event], today: date) -> tuple[date, date]:
    """The years the VTIMEZONE must cover: every event, and the build year."""
    years = [today.year] + [e.start.year for e in events] + [e.end.year for e in events if e.end is not None]
    return date(min(years), 1, 1), date(max(years) + 2, 1, 1)


def calendar(events: list[Event], name: str, slug: str | None, project: Project, config: Config) -> bytes:
    moment = config.moment
    stamp = moment.astimezone(UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("uid", f"calendar-{slug or 'all'}@dehub")
    cal.add("name", name)
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", TZID)
    cal.add("source", config.url(calendar_path(slug)), parameters={"VALUE": "URI"})
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")  # the same, for clients that only know this older property
    # The zone is always included: it keeps an empty calendar valid (RFC 5545 needs one
    # component) and tells clients which local time the calendar's times are in.
    first, last = timezone_span(events, moment.date())
    cal.add_component(Timezone.from_tzid(TZID, first_date=first, last_date=last))
    hubs = {hub.slug: hub for hub in project.hubs}
    for event in events:
        cal.add_component(vevent(event, hubs, config, stamp))
    return cal.to_ical()


def write_calendars(config: Config, project: Project, staging: Path) -> None:
    """calendar/all.ics and calendar/<slug>.ics for every hub, into the built site."""
    folder = staging / "calendar"
    folder.mkdir(parents=True, exist_ok=True)
    chain = config.fallback_chain(config.default_language)
    (folder / "all.ics").write_bytes(calendar(project.events, "de:hub – all events", None, project, config))
    for hub in project.hubs:
        events = [event for event in project.events if hub.slug in event.hubs]
        name = f"{pick(hub.name, chain)[0]} – events"
        (folder / f"{hub.slug}.ics").write_bytes(calendar(events, name, hub.slug, project, config))
