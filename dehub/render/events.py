"""The events pages: /<lang>/events/ and its filters by hub and by sector focus (real pages, no JS)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from ..localize.fallback import NOTHING
from ..model import Event, Hub
from ..urls import event_foci, events_focus_key, events_hub_key
from .page import Page
from .renderer import Renderer


@dataclass(frozen=True)
class Month:
    label: str  # "März 2027", from CLDR via loc.month
    events: list[Event]


@dataclass(frozen=True)
class Filter:
    key: str  # the page key, e.g. "events/hub/dortmund"
    label: str
    count: int
    value: str  # the hub slug or focus key it filters by


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def by_month(events: list[Event], r: Renderer) -> list[Month]:
    """Consecutive events of the same month (by start) under one heading, in the given order."""
    months: list[Month] = []
    for event in events:
        first = _day(event.start).replace(day=1)
        label = r.loc.month(first)
        if months and months[-1].label == label:
            months[-1].events.append(event)
        else:
            months.append(Month(label, [event]))
    return months


def filters(r: Renderer) -> tuple[list[Filter], list[Filter]]:
    """Hubs and foci that have events (upcoming or past), with their counts; none otherwise.
    Counted in one pass over the events: this runs once per language, not once per page."""
    hubs = r.hubs
    per_hub: Counter[str] = Counter(slug for event in r.project.events for slug in set(event.hubs))
    per_focus: Counter[str] = Counter(key for event in r.project.events for key in event_foci(event, hubs))
    by_hub = [Filter(events_hub_key(hub.slug), r.hub_name(hub), per_hub[hub.slug], hub.slug) for hub in r.sorted_hubs]
    by_focus = [Filter(events_focus_key(key), r.loc.focus_label(key), per_focus[key], key) for key in r.used_focus]
    return [f for f in by_hub if f.count], [f for f in by_focus if f.count]


def _page(
    r: Renderer,
    key: str,
    title: str,
    description: str,
    upcoming: list[Event],
    past: list[Event],
    hub_filters: list[Filter],
    focus_filters: list[Filter],
    **context: object,
) -> Page:
    html = r.render(
        "events.html",
        key,
        title=title,
        upcoming=by_month(upcoming, r),
        past=by_month(past, r),
        any_events=bool(r.project.events),
        hub_filters=hub_filters,
        focus_filters=focus_filters,
        current=key,
        **context,
    )
    return Page(key, title, description, html=html)


def _filtered(r: Renderer, key: str, title: str, description: str, keep, focus_filters: list[Filter], calendar_hub: Hub | None) -> Page:
    """A no-JavaScript filter page: the events `keep` selects, with the focus filters only."""
    upcoming = [event for event in r.upcoming if keep(event)]
    past = [event for event in r.past if keep(event)]
    return _page(r, key, title, description, upcoming, past, [], focus_filters, intro=NOTHING, calendar_hub=calendar_hub)


def event_pages(r: Renderer) -> list[Page]:
    """All events, then one page per hub and per sector focus that has events."""
    _ = r.loc.gettext
    intro = r.intro("events")
    title = _("Events")
    hubs = r.hubs
    hub_filters, focus_filters = filters(r)
    pages = [
        _page(
            r,
            "events",
            title,
            _("Events of the de:hub locations and the Hub Agency."),
            r.upcoming,
            r.past,
            hub_filters,
            focus_filters,
            intro=intro,
            calendar_hub=None,
        )
    ]
    description = _("%(title)s: upcoming and past events, and a calendar to subscribe to.")
    for item in hub_filters:
        slug = item.value
        title = _("Events of %(name)s") % {"name": item.label}
        pages.append(
            _filtered(r, item.key, title, description % {"title": title}, lambda e, slug=slug: slug in e.hubs, focus_filters, hubs[slug])
        )
    for item in focus_filters:
        key = item.value
        title = _("Events with the focus %(focus)s") % {"focus": item.label}
        pages.append(
            _filtered(
                r, item.key, title, description % {"title": title}, lambda e, key=key: key in event_foci(e, hubs), focus_filters, None
            )
        )
    return pages
