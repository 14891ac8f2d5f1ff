"""schema.org structured data (JSON-LD) for events and hubs, and the safe <script> that carries it."""

from __future__ import annotations

import json
from datetime import date, datetime

from markupsafe import Markup

from ..config import BERLIN, Config
from ..localize.localizer import Localizer
from ..model import City, Event, Hub
from ..urls import hub_key, page_url

SCHEMA_ORG = "https://schema.org"
# Inside <script>, the HTML parser only looks for "</script" and "<!--"; JSON allows \uXXXX
# for any character, so these never appear literally. U+2028/2029 are escaped for old JS parsers.
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_tag(data: dict) -> Markup:
    """`data` as a JSON-LD <script> element whose text can't end the element or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    # Markup is safe here: the text is JSON (no raw '<', '>' or '&' left, see _ESCAPES), so
    # user input (event titles, hub names) can neither close the script nor start markup.
    return Markup(f'<script type="application/ld+json">{text}</script>')  # noqa: S704


def iso(value: date | datetime) -> str:
    """A date as YYYY-MM-DD; a Berlin wall-clock time with its UTC offset (2027-03-01T18:00:00+01:00)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=BERLIN).isoformat()
    return value.isoformat()


def event_city(event: Event, hubs: list[Hub]) -> City | None:
    """The city record an event takes place in, found among its hubs' cities."""
    for hub in hubs:
        if hub.slug in event.hubs:
            for city in hub.cities:
                if city.name == event.city:
                    return city
    return None


def place(city: City | None, official: str, loc: Localizer) -> dict:
    """A schema.org Place named in the page's language, with the official German name as alternateName."""
    name = loc.city(official)
    data: dict = {"@type": "Place", "name": name, "address": {"@type": "PostalAddress", "addressLocality": name, "addressCountry": "DE"}}
    if name != official:
        data["alternateName"] = official
    if city is not None:
        data["address"]["addressRegion"] = loc.state(city.state)
        data["geo"] = {"@type": "GeoCoordinates", "latitude": city.lat, "longitude": city.lon}
    return data


def event_jsonld(event: Event, all_hubs: list[Hub], loc: Localizer, config: Config) -> dict:
    """schema.org Event: name, dates with offset, the city as Place, the hubs as organizers."""
    lang = loc.lang
    title, title_lang = loc.text(event.title)
    hubs = [hub for hub in all_hubs if hub.slug in event.hubs]
    data: dict = {
        "@context": SCHEMA_ORG,
        "@type": "Event",
        "name": title,
        "startDate": iso(event.start),
        "eventAttendanceMode": f"{SCHEMA_ORG}/OfflineEventAttendanceMode",
        "eventStatus": f"{SCHEMA_ORG}/EventScheduled",
        "location": place(event_city(event, hubs), event.city, loc),
        "organizer": [
            {"@type": "Organization", "name": loc.text(hub.name)[0], "url": page_url(config, lang, hub_key(hub.slug))} for hub in hubs
        ],
        "url": event.url or page_url(config, lang, "events"),
    }
    if title_lang:
        data["inLanguage"] = title_lang
    if event.end is not None:
        data["endDate"] = iso(event.end)
    return data


def hub_jsonld(hub: Hub, loc: Localizer, config: Config) -> dict:
    """schema.org Organization located at one Place per city, with the sector focus as knowsAbout."""
    lang = loc.lang
    page = page_url(config, lang, hub_key(hub.slug))
    data: dict = {
        "@context": SCHEMA_ORG,
        "@type": "Organization",
        "name": loc.text(hub.name)[0],
        "url": page,
        "mainEntityOfPage": page,
        "location": [place(city, city.name, loc) for city in hub.cities],
        "knowsAbout": [loc.focus_label(key) for key in hub.focus],
    }
    if hub.website:
        data["sameAs"] = [hub.website]
    logo = getattr(hub.logo, "file", None)
    if logo:
        data["logo"] = page_url(config, lang, hub_key(hub.slug)) + logo
    return data
