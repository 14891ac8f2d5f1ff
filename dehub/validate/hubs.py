"""A hub folder: hub.yml against the schema, and the rules a schema can't express."""

from __future__ import annotations

import math

from ..config import Config
from ..diagnostics import Report
from ..load.files import HubSource, inside
from ..load.safe_yaml import Document
from ..model import City, Hub
from ..urls import FILTER_PREFIXES
from .content import check_hub_meta
from .events import build_events, check_languages, check_url
from .logos import Logo, LogoError, read_logo
from .prose import check_hub_prose
from .schema_errors import WHAT, schema_errors, type_name


def build_hub(source: HubSource, config: Config, report: Report) -> Hub | None:
    check_hub_prose(source, config, report)
    check_hub_meta(source.prose, report)
    doc = source.document
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        what = "empty" if doc.data is None else f"{type_name(doc.data)} at the top level"
        report.error(doc.path, 1, 1, f"hub.yml is {what}; it must be a mapping of keys like 'name:', 'cities:', 'focus:'")
        return None
    if schema_errors(doc, "hub", report):
        return None
    data = doc.data
    check_languages(doc, ("name",), data["name"], config, report)
    focus = tuple(data["focus"])
    cities = []
    for index, raw in enumerate(data["cities"]):
        for key in raw.get("focus", []):
            if key not in focus:
                line, col = doc.where(("cities", index, "focus"))
                report.error(
                    doc.path,
                    line,
                    col,
                    f"city focus {key!r} is not in the hub's focus; add it to 'focus' or choose from: {', '.join(focus)}",
                )
        for axis in ("lat", "lon"):
            if not math.isfinite(raw[axis]):
                line, col = doc.where(("cities", index, axis))
                report.error(doc.path, line, col, f"{WHAT[axis]} must be a number of degrees like 51.514, not {raw[axis]}")
        cities.append(City(raw["name"], raw["state"], float(raw["lat"]), float(raw["lon"]), tuple(raw.get("focus", []))))
    if "website" in data:
        check_url(data["website"], doc, ("website",), report)
    logo = None
    if "logo" in data:
        logo = check_logo(source, data["logo"], doc, config, report)
    for index, event in enumerate(data.get("events", [])):
        check_languages(doc, ("events", index, "title"), event["title"], config, report)
    events = build_events(doc, ("events",), data.get("events", []), (source.slug,), {c.name for c in cities}, report)
    return Hub(
        slug=source.slug,
        name=data["name"],
        cities=tuple(cities),
        focus=focus,
        folder=source.rel,
        website=data.get("website"),
        logo=logo,
        former_slugs=tuple(data.get("former_slugs", [])),
        events=tuple(events),
        prose=source.prose,
    )


def check_logo(source: HubSource, name: str, doc: Document, config: Config, report: Report) -> Logo | None:
    file = source.folder / name
    line, col = doc.where(("logo",))
    if not file.exists() or file.is_symlink() or not inside(config.root, file) or not file.is_file():
        report.error(doc.path, line, col, f"logo file {name!r} is missing from {source.rel}/ (or is a symlink)")
        return None
    try:
        return read_logo(file)
    except (LogoError, UnicodeDecodeError) as exc:
        report.error(f"{source.rel}/{name}", 1, 0, f"logo rejected: {exc}")
        return None


# /<lang>/hubs/<word>/... that the generator itself publishes (urls.FILTER_PREFIXES and the hubs page)
RESERVED_SLUGS = frozenset(
    {prefix.split("/")[1] for prefix in FILTER_PREFIXES if prefix.startswith("hubs/")} | {"index", "page", "feed", "map", "api", "assets"}
)


def check_former_slugs(hubs: list[Hub], docs: dict[str, Document], report: Report) -> None:
    current = {hub.slug for hub in hubs} | set(docs)
    claimed: dict[str, str] = {}
    for hub in hubs:
        doc = docs[hub.slug]
        for index, old in enumerate(hub.former_slugs):
            line, col = doc.where(("former_slugs", index))
            if old in RESERVED_SLUGS:
                report.error(
                    doc.path, line, col, f"former slug {old!r} is a section of the site (/hubs/{old}/); it can't redirect to a hub"
                )
            elif old in current:
                report.error(doc.path, line, col, f"former slug {old!r} is the folder of an existing hub; remove it from former_slugs")
            elif old in claimed:
                report.error(doc.path, line, col, f"former slug {old!r} is also claimed by hub {claimed[old]!r}; keep it in one hub only")
            claimed[old] = hub.slug
