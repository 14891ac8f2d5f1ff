"""Open data: /api/hubs.json and /api/hubs.geojson with their JSON Schemas, and the "Use our data" page.

The files are deterministic: sorted keys, hubs in slug order, cities in file order, and no
timestamps, so they change only when the hubs change.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..config import LANG_CODE, Config
from ..localize.fallback import pick
from ..localize.focus import FOCUS_KEYS
from ..localize.localizer import Localizer, localizers
from ..model import OPEN_DATA_LICENSE as LICENSE
from ..model import City, Hub, Project
from ..urls import OPEN_DATA_FILES as FILES
from ..urls import SLUG_PATTERN, calendar_path, hub_key, page_url, slugify
from ..validate.schema import DIALECT


def city_record(city: City, locs: dict[str, Localizer]) -> dict:
    """A city by its official German names, and those names in every language."""
    return {
        "name": city.name,
        "state": city.state,
        "names": {code: loc.city(city.name) for code, loc in locs.items()},
        "state_names": {code: loc.state(city.state) for code, loc in locs.items()},
        "lat": city.lat,
        "lon": city.lon,
        "focus": list(city.focus),
    }


def hub_record(hub: Hub, config: Config, locs: dict[str, Localizer]) -> dict:
    return {
        "slug": hub.slug,
        "name": {code: pick(hub.name, config.fallback_chain(code))[0] for code in config.codes},
        "cities": [city_record(city, locs) for city in hub.cities],
        "focus": [{"key": key, "label": {code: loc.focus_label(key) for code, loc in locs.items()}} for key in hub.focus],
        "urls": {code: page_url(config, code, hub_key(hub.slug)) for code in config.codes},
        "calendar": config.url(calendar_path(hub.slug)),
        "website": hub.website,
    }


def hubs_document(config: Config, project: Project, locs: dict[str, Localizer] | None = None) -> dict:
    locs = locs or localizers(config)
    return {
        "$schema": config.url(FILES["hubs_schema"]),
        "languages": config.codes,
        "license": LICENSE,
        "source": config.url(),
        "hubs": [hub_record(hub, config, locs) for hub in sorted(project.hubs, key=lambda h: h.slug)],
    }


def geojson_document(config: Config, project: Project) -> dict:
    """RFC 7946: one Point per city, coordinates in [longitude, latitude] order (WGS 84)."""
    default = config.default_language
    features = []
    for hub in sorted(project.hubs, key=lambda h: h.slug):
        for city in hub.cities:
            features.append(
                {
                    "type": "Feature",
                    "id": f"{hub.slug}/{slugify(city.name)}",
                    "geometry": {"type": "Point", "coordinates": [city.lon, city.lat]},
                    "properties": {
                        "hub": hub.slug,
                        "name": pick(hub.name, config.fallback_chain(default))[0],
                        "city": city.name,
                        "state": city.state,
                        "focus": list(city.focus or hub.focus),
                        "url": page_url(config, default, hub_key(hub.slug)),
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


def _text(description: str) -> dict:
    return {"type": "string", "minLength": 1, "description": description}


def _per_language(config: Config, description: str) -> dict:
    return {
        "type": "object",
        "description": description,
        "required": config.codes,
        "propertyNames": {"pattern": LANG_CODE},
        "additionalProperties": {"type": "string", "minLength": 1},
    }


def hubs_schema(config: Config) -> dict:
    focus_key = {"type": "string", "enum": FOCUS_KEYS}
    url = {"type": "string", "format": "uri", "pattern": "^https?://"}
    city = {
        "type": "object",
        "additionalProperties": False,
        "required": ["name", "state", "names", "state_names", "lat", "lon", "focus"],
        "properties": {
            "name": _text("The city's official (German) name"),
            "state": _text("The federal state's official (German) name"),
            "names": _per_language(config, "The city's name in every language"),
            "state_names": _per_language(config, "The federal state's name in every language"),
            "lat": {"type": "number", "minimum": -90, "maximum": 90},
            "lon": {"type": "number", "minimum": -180, "maximum": 180},
            "focus": {"type": "array", "items": focus_key, "description": "This city's share of the hub's focus (may be empty)"},
        },
    }
    hub = {
        "type": "object",
        "additionalProperties": False,
        "required": ["slug", "name", "cities", "focus", "urls", "calendar", "website"],
        "properties": {
            "slug": {"type": "string", "pattern": SLUG_PATTERN},
            "name": _per_language(config, "The hub's name in every language (falls back to English, then German)"),
            "cities": {"type": "array", "minItems": 1, "items": city},
            "focus": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["key", "label"],
                    "properties": {"key": focus_key, "label": _per_language(config, "The focus label in every language")},
                },
            },
            "urls": {**_per_language(config, "The hub's page in every language"), "additionalProperties": url},
            "calendar": {**url, "description": "The hub's events as iCalendar"},
            "website": {"type": ["string", "null"], "format": "uri", "pattern": "^https://"},
        },
    }
    return {
        "$schema": DIALECT,
        "$id": config.url(FILES["hubs_schema"]),
        "title": "de:hub locations (hubs.json)",
        "type": "object",
        "additionalProperties": False,
        "required": ["languages", "license", "source", "hubs"],
        "properties": {
            "$schema": {"type": "string", "format": "uri"},
            "languages": {"type": "array", "items": {"type": "string", "pattern": LANG_CODE}},
            "license": {
                "type": "object",
                "required": ["id", "name", "url", "status"],
                "properties": {"status": {"enum": ["proposed", "confirmed"]}},
            },
            "source": url,
            "hubs": {"type": "array", "items": hub},
        },
    }


def geojson_schema(config: Config) -> dict:
    point = {
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "coordinates"],
        "properties": {
            "type": {"const": "Point"},
            "coordinates": {
                "type": "array",
                "minItems": 2,
                "maxItems": 2,
                "prefixItems": [{"type": "number", "minimum": -180, "maximum": 180}, {"type": "number", "minimum": -90, "maximum": 90}],
                "description": "[longitude, latitude] (RFC 7946)",
            },
        },
    }
    properties = {
        "type": "object",
        "additionalProperties": False,
        "required": ["hub", "name", "city", "state", "focus", "url"],
        "properties": {
            "hub": {"type": "string", "pattern": SLUG_PATTERN},
            "name": _text("The hub's name"),
            "city": _text("The city's official (German) name"),
            "state": _text("The federal state's official (German) name"),
            "focus": {"type": "array", "minItems": 1, "items": {"enum": FOCUS_KEYS}},
            "url": {"type": "string", "format": "uri"},
        },
    }
    feature = {
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "id", "geometry", "properties"],
        "properties": {"type": {"const": "Feature"}, "id": {"type": "string"}, "geometry": point, "properties": properties},
    }
    return {
        "$schema": DIALECT,
        "$id": config.url(FILES["geojson_schema"]),
        "title": "de:hub cities (hubs.geojson, RFC 7946)",
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "features"],
        "properties": {"type": {"const": "FeatureCollection"}, "features": {"type": "array", "items": feature}},
    }


def dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def write_open_data(config: Config, project: Project, locs: dict[str, Localizer], staging: Path) -> None:
    """The open data files and their schemas under /api/."""
    (staging / "api").mkdir(parents=True, exist_ok=True)
    documents = {
        "hubs": hubs_document(config, project, locs),
        "geojson": geojson_document(config, project),
        "hubs_schema": hubs_schema(config),
        "geojson_schema": geojson_schema(config),
    }
    for name, data in documents.items():
        (staging / FILES[name]).write_text(dump(data), encoding="utf-8")
