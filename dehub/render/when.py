"""When an event takes place, in the reader's language (CLDR dates, intervals and time zone names)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from babel.dates import format_interval, format_skeleton, format_time, get_timezone_name

from ..config import BERLIN
from ..localize.localizer import Localizer
from ..model import Event, ends_at
from .jsonld import iso

DAY = "yMMMEd"  # a CLDR skeleton every locale has for dates and date intervals: "Mon, Mar 1, 2027"


def _day(value: date, loc: Localizer) -> str:
    return format_skeleton(DAY, value, locale=loc.locale)


def _days(start: date, end: date, loc: Localizer) -> str:
    return _day(start, loc) if start == end else format_interval(start, end, DAY, locale=loc.locale)


def _clock(value: datetime, loc: Localizer) -> str:
    return format_time(value.time(), format="short", locale=loc.locale)


def _day_and_time(day: str, clock: str, loc: Localizer) -> str:
    """CLDR's way of joining a date and a time ("{1}, {0}" in English, "{1} {0}" in Chinese)."""
    return str(loc.locale.datetime_formats["medium"]).replace("{1}", day).replace("{0}", clock)


def event_when(event: Event, loc: Localizer) -> dict[str, str]:
    """When an event takes place, in the reader's language; times name the German time zone.

    Returns the text, the machine-readable `datetime` attribute of its <time> element, and
    `ends`, the UTC instant after which the browser marks the event as past.
    """
    start, end = event.start, event.end
    ends = ends_at(event).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not isinstance(start, datetime):
        last = end.date() if isinstance(end, datetime) else (end or start)
        return {"text": _days(start, last, loc), "datetime": iso(start), "ends": ends}
    if end is None:
        text = _day_and_time(_day(start.date(), loc), _clock(start, loc), loc)
    elif isinstance(end, datetime) and end.date() == start.date():
        twelve_hour = "a" in loc.locale.time_formats["short"].pattern
        times = format_interval(start.time(), end.time(), "hm" if twelve_hour else "Hm", locale=loc.locale)
        text = _day_and_time(_day(start.date(), loc), times, loc)
    else:
        until = _day_and_time(_day(end.date(), loc), _clock(end, loc), loc) if isinstance(end, datetime) else _day(end, loc)
        text = f"{_day_and_time(_day(start.date(), loc), _clock(start, loc), loc)} – {until}"
    zone = get_timezone_name(start.replace(tzinfo=BERLIN), width="long", locale=loc.locale)
    return {"text": loc.gettext("%(when)s (%(zone)s)") % {"when": text, "zone": zone}, "datetime": iso(start), "ends": ends}
