"""The events pages: /<lang>/events/ and its filters by hub and by sector focus (real pages, no JS)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime

from .model import Event, Hub
from .pages import PageSpec, Prosed, Renderer, choose_prose


@dataclass(frozen=True)
class Month:
    label: str  # "März 2027", from CLDR via loc.month
    events: list[Event]


@dataclass(frozen=True)
class Filter:
    key: str  # the page key, e.g. "events/hub/dortmund"
    label: str
    count: int


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


def event_foci(event: Event, hubs: dict[str, Hub]) -> set[str]:
    """An event concerns the sector foci of the hubs it belongs to."""
    return {key for slug in event.hubs if slug in hubs for key in hubs[slug].focus}


def filters(r: Renderer) -> tuple[list[Filter], list[Filter]]:
    """Hubs and foci that have events (upcoming or past), with their counts; none otherwise.
    Counted in one pass over the events: this runs once per language, not once per page."""
    hubs = {hub.slug: hub for hub in r.project.hubs}
    per_hub: Counter[str] = Counter(slug for event in r.project.events for slug in set(event.hubs))
    per_focus: Counter[str] = Counter(key for event in r.project.events for key in event_foci(event, hubs))
    by_hub = [Filter(f"events/hub/{hub.slug}", r.hub_name(hub), per_hub[hub.slug]) for hub in r.project.hubs]
    by_focus = [Filter(f"events/focus/{key}", r.loc.focus_label(key), per_focus[key]) for key in r.used_focus()]
    return [f for f in by_hub if f.count], [f for f in by_focus if f.count]


def _events_intro(r: Renderer) -> Prosed:
    page = next((p for p in r.project.pages if p.key == "events"), None)
    if page is None:
        return Prosed(None)
    return choose_prose(page.versions, r.loc.lang, r.loc, r.config.source_language)


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
) -> PageSpec:
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
    return PageSpec(key, title, description, html=html)


def _filtered(r: Renderer, key: str, title: str, description: str, keep, focus_filters: list[Filter], calendar_hub: Hub | None) -> PageSpec:
    """A no-JavaScript filter page: the events `keep` selects, with the focus filters only."""
    upcoming = [event for event in r.upcoming if keep(event)]
    past = [event for event in r.past if keep(event)]
    return _page(r, key, title, description, upcoming, past, [], focus_filters, intro=Prosed(None), calendar_hub=calendar_hub)


def event_pages(r: Renderer) -> list[PageSpec]:
    """All events, then one page per hub and per sector focus that has events."""
    _ = r.loc.gettext
    intro = _events_intro(r)
    title = _("Events")
    hubs = {hub.slug: hub for hub in r.project.hubs}
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
        slug = item.key.rsplit("/", 1)[1]
        title = _("Events of %(name)s") % {"name": item.label}
        pages.append(
            _filtered(r, item.key, title, description % {"title": title}, lambda e, slug=slug: slug in e.hubs, focus_filters, hubs[slug])
        )
    for item in focus_filters:
        key = item.key.rsplit("/", 1)[1]
        title = _("Events with the focus %(focus)s") % {"focus": item.label}
        pages.append(
            _filtered(
                r, item.key, title, description % {"title": title}, lambda e, key=key: key in event_foci(e, hubs), focus_filters, None
            )
        )
    return pages
