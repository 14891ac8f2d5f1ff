"""A hub folder: hub.yml against the schema, and the rules a schema can't express."""

from __future__ import annotations

import math

from ..config import Config
from ..diagnostics import Report, shorten
from ..load.files import HubSource, inside
from ..load.names import LOGO_SUFFIXES, hub_file_problem
from ..load.safe_yaml import Document, report_not_a_mapping
from ..model import City, Hub
from ..urls import slug_problem
from .content import check_hub_meta
from .events import build_events, check_languages, check_url
from .logos import Logo, LogoError, read_logo
from .prose import check_hub_prose
from .schema import hub_schema
from .schema_errors import WHAT, Invalid, schema_errors, type_name


def build_hub(source: HubSource, config: Config, report: Report) -> Hub | None:
    """The hub, or None when it has errors; every rule still runs on the parts that are valid,
    so one `check` reports every problem of the file."""
    check_hub_prose(source, config, report)
    check_hub_meta(source.prose, report)
    doc = source.document
    logo_name = doc.data.get("logo") if doc is not None and isinstance(doc.data, dict) else None
    check_unread_files(source, logo_name if isinstance(logo_name, str) else None, doc is not None, config, report)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        what = "empty" if doc.data is None else f"{type_name(doc.data)} at the top level"
        report_not_a_mapping(
            doc,
            doc.text,
            1,
            f"hub.yml is {what}; it must be a mapping of keys like 'name:', 'cities:', 'focus:'",
            report,
            set(hub_schema()["properties"]),
        )
        return None
    invalid = schema_errors(doc, "hub", report, config.root)
    data = doc.data
    if invalid.ok(("name",)):
        check_languages(doc, ("name",), data["name"], config, report)
    focus = tuple(data["focus"]) if invalid.ok(("focus",)) else valid_items(data.get("focus"), invalid, ("focus",))
    raw_cities = data.get("cities") if isinstance(data.get("cities"), list) else []
    cities = []
    for index, raw in enumerate(raw_cities):
        city = check_city(doc, index, raw, focus, invalid, report)
        if city is not None:
            cities.append(city)
    if isinstance(data.get("website"), str) and invalid.ok(("website",)):
        check_url(data["website"], doc, ("website",), report)
    logo = None
    if isinstance(data.get("logo"), str) and invalid.ok(("logo",)):
        logo = check_logo(source, data["logo"], doc, config, report)
    raw_events = data.get("events") if isinstance(data.get("events"), list) else []
    for index, event in enumerate(raw_events):
        if isinstance(event, dict) and "title" in event and invalid.ok(("events", index, "title")):
            check_languages(doc, ("events", index, "title"), event["title"], config, report)
    city_names = city_names_of(raw_cities, invalid) if raw_cities else None  # None: unknown, not checked
    events = build_events(doc, ("events",), raw_events, (source.slug,), city_names, report, invalid)
    if invalid or len(cities) != len(data["cities"]):
        return None
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


def city_names_of(raw_cities: list, invalid: Invalid) -> set[str] | None:
    """The names events may use; None when one is unreadable (then event cities are not checked)."""
    names = set()
    for index, raw in enumerate(raw_cities):
        if not isinstance(raw, dict) or not isinstance(raw.get("name"), str) or not invalid.ok(("cities", index, "name")):
            return None
        names.add(raw["name"])
    return names


def valid_items(value: object, invalid: Invalid, key: tuple) -> tuple:
    """The entries of a list that passed the schema (the rest is reported already)."""
    if not isinstance(value, list):
        return ()
    return tuple(item for index, item in enumerate(value) if invalid.ok((*key, index)) and isinstance(item, str))


def check_city(doc: Document, index: int, raw: object, focus: tuple, invalid: Invalid, report: Report) -> City | None:
    """One entry of `cities:`: its focus within the hub's, finite coordinates; None if not valid."""
    if not isinstance(raw, dict):
        return None
    key = ("cities", index)
    if isinstance(raw.get("focus"), list) and invalid.ok((*key, "focus")):
        for item in raw["focus"]:
            if item not in focus and invalid.ok(("focus",)):
                line, col = doc.where((*key, "focus"))
                report.error(
                    doc.path,
                    line,
                    col,
                    f"city focus {item!r} is not in the hub's focus; add it to 'focus' or choose from: {', '.join(focus)}",
                )
    finite = True
    for axis in ("lat", "lon"):
        if invalid.ok((*key, axis)) and not math.isfinite(raw[axis]):
            finite = False
            line, col = doc.where((*key, axis))
            report.error(doc.path, line, col, f"{WHAT[axis]} must be a number of degrees like 51.514, not {raw[axis]}")
    if not invalid.ok(key) or not finite:
        return None
    return City(raw["name"], raw["state"], float(raw["lat"]), float(raw["lon"]), tuple(raw.get("focus", [])))


def check_unread_files(source: HubSource, logo: str | None, readable: bool, config: Config, report: Report) -> None:
    """Every file in the folder the build does not read (not hub.yml, a prose file or the logo)
    is an error naming what it should be called; while hub.yml can't be read, images are left alone."""
    for name in source.other_files:
        if name.startswith(".") or name == logo or (not readable and name.lower().endswith(LOGO_SUFFIXES)):
            continue
        folder = (source.folder / name).is_dir() and not (source.folder / name).is_symlink()
        report.error(f"{source.rel}/{name}", 1, 0, hub_file_problem(name, config.codes, folder))


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


def check_former_slugs(docs: dict[str, Document], report: Report) -> None:
    """Every hub's `former_slugs` (also of hubs with other errors): not a current folder, claimed once."""
    claimed: dict[str, str] = {}
    for slug, doc in sorted(docs.items()):
        olds = doc.data.get("former_slugs") if isinstance(doc.data, dict) else None
        if not isinstance(olds, list):
            continue
        for index, old in enumerate(olds):
            if not isinstance(old, str):
                continue
            line, col = doc.where(("former_slugs", index))
            problem = slug_problem(old)
            if problem:
                report.error(doc.path, line, col, f"former slug {shorten(old)} {problem}; it can't redirect to a hub")
            elif old in docs:
                report.error(doc.path, line, col, f"former slug {old!r} is the folder of an existing hub; remove it from former_slugs")
            elif old in claimed and claimed[old] != slug:
                report.error(doc.path, line, col, f"former slug {old!r} is also claimed by hub {claimed[old]!r}; keep it in one hub only")
            claimed.setdefault(old, slug)
