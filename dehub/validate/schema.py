"""The JSON Schema of hub.yml and event files, generated from the focus keys.

The committed copies in schema/ are what editors use for autocompletion; a test
fails when they differ from what this module generates (`make schema` rewrites them).
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import LANG_CODE, TIMEZONE
from ..localize.focus import FOCUS_KEYS, FOCUS_LABELS
from ..localize.places import STATES
from ..urls import MAX_SLUG_LENGTH
from ..urls import SLUG_PATTERN as SLUG

# Single-line text (names, cities, titles): no markup and no control characters (C0, DEL, C1),
# so no output made from it (HTML, XML feeds, iCalendar, JSON, Markdown summaries) meets either.
NO_MARKUP = r"^[^<>\u0000-\u001f\u007f-\u009f]*$"
HTTPS_URL = r"^https://[^\s/$.?#][^\s]*$"
DATE_OR_DATETIME = r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?$"
GERMANY = {"lat": (47.2, 55.1), "lon": (5.8, 15.1)}  # bounding box, with a small margin
# The usual abbreviations (ISO 3166-2:DE codes, and NRW), for the hint on `state: NRW`.
STATE_ABBREVIATIONS = {
    "BW": "Baden-Württemberg",
    "BY": "Bayern",
    "BE": "Berlin",
    "BB": "Brandenburg",
    "HB": "Bremen",
    "HH": "Hamburg",
    "HE": "Hessen",
    "MV": "Mecklenburg-Vorpommern",
    "NI": "Niedersachsen",
    "NW": "Nordrhein-Westfalen",
    "NRW": "Nordrhein-Westfalen",
    "RP": "Rheinland-Pfalz",
    "SL": "Saarland",
    "SN": "Sachsen",
    "ST": "Sachsen-Anhalt",
    "SH": "Schleswig-Holstein",
    "TH": "Thüringen",
}

SCHEMA_DIR = "schema"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _localized(title: str, example: object) -> dict:
    return {
        "title": title,
        "description": f"{title}: one text for all languages, or one per language code (de, en, fr, ...).",
        "examples": [example],
        "oneOf": [
            {"type": "string", "minLength": 1, "maxLength": 200, "pattern": NO_MARKUP},
            {
                "type": "object",
                "propertyNames": {"pattern": LANG_CODE},
                "additionalProperties": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": NO_MARKUP},
                "minProperties": 1,
            },
        ],
    }


def _focus_list(description: str) -> dict:
    return {
        "type": "array",
        "description": description,
        "items": {
            "enum": FOCUS_KEYS,
            "description": "; ".join(f"{key}: {label}" for key, label in FOCUS_LABELS.items()),
        },
        "minItems": 1,
        "uniqueItems": True,
        "examples": [["logistics"]],
    }


def _event_properties() -> dict:
    when = {"type": "string", "pattern": DATE_OR_DATETIME}
    return {
        "title": _localized("Event title", {"de": "Hub-Abend", "en": "Hub evening"}),
        "start": {
            **when,
            "title": "Start",
            "description": f"Date (2027-03-01) or local date-time in {TIMEZONE} (2027-03-01T18:00).",
            "examples": ["2027-03-01", "2027-03-01T18:00"],
        },
        "end": {**when, "title": "End", "description": "Optional; not before the start.", "examples": ["2027-03-02"]},
        "city": {
            "type": "string",
            "maxLength": 80,
            "pattern": NO_MARKUP,
            "title": "City",
            "description": "One of the hub's cities.",
            "examples": ["Dortmund"],
        },
        "url": {
            "type": "string",
            "pattern": HTTPS_URL,
            "format": "uri",
            "title": "Event page",
            "description": "Optional; https only.",
            "examples": ["https://example.org/event"],
        },
    }


def hub_schema() -> dict:
    lat, lon = GERMANY["lat"], GERMANY["lon"]
    city = {
        "type": "object",
        "title": "City",
        "additionalProperties": False,
        "required": ["name", "state", "lat", "lon"],
        "properties": {
            "name": {
                "type": "string",
                "minLength": 1,
                "maxLength": 80,
                "pattern": NO_MARKUP,
                "title": "City name",
                "examples": ["Dortmund"],
            },
            "state": {"enum": STATES, "title": "Federal state (Bundesland)", "description": "The German name of the federal state."},
            "lat": {
                "type": "number",
                "minimum": lat[0],
                "maximum": lat[1],
                "title": "Latitude",
                "description": "WGS84, degrees north; inside Germany.",
                "examples": [51.514],
            },
            "lon": {
                "type": "number",
                "minimum": lon[0],
                "maximum": lon[1],
                "title": "Longitude",
                "description": "WGS84, degrees east; inside Germany.",
                "examples": [7.468],
            },
            "focus": _focus_list("Optional: this city's share of the hub's focus (a subset of the hub's focus)."),
        },
    }
    event = {
        "type": "object",
        "title": "Event",
        "additionalProperties": False,
        "required": ["title", "start", "city"],
        "properties": _event_properties(),
    }
    return {
        "$schema": DIALECT,
        "title": "de:hub profile (hub.yml)",
        "description": "The facts of one de:hub location. Prose goes into <lang>.md next to this file.",
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "cities", "focus"],
        "properties": {
            "name": _localized("Hub name", "de:hub Dortmund · Logistics"),
            "cities": {
                "type": "array",
                "title": "Cities",
                "description": "The hub's one to three cities.",
                "minItems": 1,
                "maxItems": 3,
                "items": city,
            },
            "focus": _focus_list("The hub's sector focus; labels are translated on the site."),
            "website": {
                "type": "string",
                "pattern": HTTPS_URL,
                "format": "uri",
                "title": "Website",
                "description": "Optional; https only.",
                "examples": ["https://example.org/"],
            },
            "logo": {
                "type": "string",
                "pattern": r"^[A-Za-z0-9_-]+\.(svg|png|webp)$",
                "title": "Logo",
                "description": "Optional; a file in this folder: .svg (sanitised), .png or .webp.",
                "examples": ["logo.svg"],
            },
            "former_slugs": {
                "type": "array",
                "title": "Former slugs",
                "description": "Optional; old folder names whose URLs redirect here.",
                "items": {"type": "string", "maxLength": MAX_SLUG_LENGTH, "pattern": SLUG},
                "uniqueItems": True,
            },
            "events": {"type": "array", "title": "Events", "description": "Optional; the hub's events.", "items": event, "maxItems": 500},
        },
    }


def event_file_schema() -> dict:
    properties = _event_properties()
    properties["city"] = {**properties["city"], "description": "The city where it takes place (one of the named hubs' cities)."}
    properties["hubs"] = {
        "type": "array",
        "title": "Hubs",
        "description": "Slugs of the hubs this event concerns.",
        "items": {"type": "string", "maxLength": MAX_SLUG_LENGTH, "pattern": SLUG},
        "minItems": 1,
        "uniqueItems": True,
    }
    return {
        "$schema": DIALECT,
        "title": "de:hub Agency event (content/events/*.yml)",
        "type": "object",
        "additionalProperties": False,
        "required": ["title", "start", "city", "hubs"],
        "properties": properties,
    }


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(root: Path) -> list[Path]:
    written = []
    for name, schema in (("hub.schema.json", hub_schema()), ("event.schema.json", event_file_schema())):
        target = root / SCHEMA_DIR / name
        target.parent.mkdir(exist_ok=True)
        target.write_text(render(schema), encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":
    for path in write_schemas(Path.cwd()):
        print(f"wrote {path}")
