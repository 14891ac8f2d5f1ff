"""Validate hub sources against the schema and the rules a schema can't express."""

from __future__ import annotations

import difflib
import math
import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from .config import Config
from .content import check_hub_meta, read_content
from .diagnostics import Report, shorten
from .load import HubSource, inside, read_event_files, read_hubs
from .logos import Logo, LogoError, read_logo
from .model import City, Event, Hub, Project
from .prose_checks import check_all_prose
from .schema import GERMANY, event_file_schema, hub_schema
from .yamlsafe import Document

# A tag, not an autolink like <https://...> or <info@example.org> (valid Markdown).
RAW_HTML = re.compile(r"<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>]|$)|/[A-Za-z]|!--)")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
CODE_SPAN = re.compile(r"`[^`\n]*`")
WHAT = {"lat": "latitude", "lon": "longitude"}


@cache
def _validator(kind: str):
    from jsonschema import Draft202012Validator  # imported here: only `check` needs it

    schema = hub_schema() if kind == "hub" else event_file_schema()
    return Draft202012Validator(schema)


def did_you_mean(word: object, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def schema_errors(doc: Document, kind: str, report: Report) -> bool:
    """Report every schema violation at the position of the offending key or value."""
    found = False
    for error in sorted(_validator(kind).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        found = True
        path = tuple(error.absolute_path)
        field = next((str(part) for part in reversed(path) if isinstance(part, str)), "file")
        kind_of = error.validator
        if kind_of == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for extra in sorted(set(error.instance) - set(allowed), key=str):
                line, col = doc.where((*path, extra), of_key=True)
                report.error(
                    doc.path, line, col, f"unknown key {shorten(extra)}; {did_you_mean(extra, allowed)}allowed: {', '.join(allowed)}"
                )
            continue
        line, col = doc.where(path)
        if kind_of == "required":
            missing = error.message.split("'")[1]
            if path:
                line, col = doc.where(path, of_key=True)
            report.error(doc.path, line, col, f"missing required key {missing!r}" + (f" in {field!r}" if path else ""))
        elif kind_of == "enum":
            allowed = list(error.validator_value)
            report.error(
                doc.path,
                line,
                col,
                f"unknown {field} {shorten(error.instance)}; {did_you_mean(error.instance, allowed)}allowed: {', '.join(allowed)}",
            )
        elif kind_of == "type":
            wanted = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
            report.error(doc.path, line, col, f"{field!r} must be {_article(wanted)}, not {_type_name(error.instance)}")
        elif kind_of in {"minimum", "maximum"} and field in WHAT:
            low, high = GERMANY[field]
            report.error(doc.path, line, col, f"{WHAT[field]} {error.instance} is outside Germany; expected {low} to {high}")
        elif kind_of == "pattern":
            report.error(doc.path, line, col, f"{field!r}: {shorten(error.instance)} {_pattern_hint(field)}")
        elif kind_of in {"minItems", "maxItems"}:
            limits = error.schema
            span = f"{limits.get('minItems', 0)} to {limits['maxItems']}" if "maxItems" in limits else f"at least {limits['minItems']}"
            report.error(doc.path, line, col, f"{field!r} needs {span} entries, has {len(error.instance)}")
        elif kind_of == "uniqueItems":
            report.error(doc.path, line, col, f"{field!r} lists the same entry twice; remove the duplicate")
        elif kind_of == "oneOf":
            where, message = _localized_message(error, field)
            line, col = doc.where((*path, *where[:1]), of_key=where[1:] == ("key",)) if where else (line, col)
            report.error(doc.path, line, col, message)
        else:
            report.error(doc.path, line, col, f"{field!r}: {shorten(error.message, 120)}")
    return found


def _localized_message(error, field: str) -> tuple[tuple, str]:
    """Why a name/title (a text, or one text per language) is wrong, and where, e.g. ('de',)."""
    problems = [c for c in error.context if c.validator != "type" or c.path]
    if not problems:
        return (), f"{field!r} must be a text, or one text per language like {{de: ..., en: ...}}"
    problem, sub = problems[0], tuple(problems[0].path)
    lang = f" ({sub[0]})" if sub else ""
    if "propertyNames" in problem.relative_schema_path:
        return (problem.instance, "key"), f"{shorten(problem.instance)} is not a language code; use codes like de, en, fr"
    if problem.validator == "pattern":
        return sub, f"{field!r}{lang} must be plain text without '<' or '>'"
    if problem.validator == "minLength":
        return sub, f"{field!r}{lang} is empty; write a text"
    if problem.validator == "maxLength":
        return sub, f"{field!r}{lang} is longer than {problem.validator_value} characters"
    if problem.validator == "minProperties":
        return (), f"{field!r} needs at least one language, like {{de: ..., en: ...}}"
    return sub, f"{field!r}{lang} must be a text, not {_type_name(problem.instance)}"


def _article(type_name: str) -> str:
    names = {
        "object": "a mapping of keys",
        "array": "a list",
        "string": "a text",
        "number": "a number",
        "integer": "a whole number",
        "boolean": "true or false",
    }
    return names.get(type_name, type_name)


def _type_name(value: object) -> str:
    return {
        dict: "a mapping",
        list: "a list",
        str: "a text",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "empty",
    }.get(type(value), type(value).__name__)


def _pattern_hint(field: str) -> str:
    hints = {
        "website": "is not allowed; use a full https:// address",
        "url": "is not allowed; use a full https:// address",
        "start": "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)",
        "end": "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)",
        "logo": "must be a file name in this folder ending in .svg, .png or .webp",
    }
    if field in {"name", "title"}:
        return "must be plain text without '<' or '>'"
    return hints.get(field, "is not a valid slug (lowercase letters, digits, single hyphens)")


def parse_when(value: str, doc: Document, key: tuple, report: Report) -> date | datetime | None:
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace(" ", "T"))
    except ValueError:
        line, col = doc.where(key)
        report.error(doc.path, line, col, f"{value!r} is not a real date or time")
        return None


def check_url(value: str, doc: Document, key: tuple, report: Report) -> None:
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname or "." not in parts.hostname:
        line, col = doc.where(key)
        report.error(doc.path, line, col, f"{shorten(value)} is not a valid https:// address")


def build_events(doc: Document, key: tuple, raw: list, hubs: tuple[str, ...], cities: set[str], report: Report) -> list[Event]:
    events = []
    for index, item in enumerate(raw):
        where = (*key, index) if key else ()
        start = parse_when(item["start"], doc, (*where, "start"), report)
        end = parse_when(item["end"], doc, (*where, "end"), report) if "end" in item else None
        if start and end and _as_datetime(end) < _as_datetime(start):
            line, col = doc.where((*where, "end"))
            report.error(doc.path, line, col, f"event ends ({item['end']}) before it starts ({item['start']})")
        if item["city"] not in cities:
            line, col = doc.where((*where, "city"))
            whose = "this hub's cities" if key else "the cities of the hubs it names"
            report.error(
                doc.path,
                line,
                col,
                f"event city {shorten(item['city'])} is not one of {whose}; {did_you_mean(item['city'], sorted(cities))}allowed: {', '.join(sorted(cities))}",
            )
        if "url" in item:
            check_url(item["url"], doc, (*where, "url"), report)
        if start:
            line, _ = doc.where(where)
            events.append(
                Event(
                    title=item["title"], start=start, end=end, city=item["city"], hubs=hubs, source=doc.path, line=line, url=item.get("url")
                )
            )
    return events


def _as_datetime(value: date | datetime) -> datetime:
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


def check_prose(source: HubSource, config: Config, report: Report) -> None:
    if config.source_language not in source.prose and not (source.folder / f"{config.source_language}.md").exists():
        report.error(
            f"{source.rel}/hub.yml",
            1,
            0,
            f"{config.source_language}.md (the prose in the source language) is missing; add {source.rel}/{config.source_language}.md",
        )
    for lang, prose in source.prose.items():
        if lang not in config.codes:
            report.error(
                prose.path,
                1,
                0,
                f"{lang!r} is not a configured language; {did_you_mean(lang, config.codes)}rename to one of: {', '.join(c + '.md' for c in config.codes)}",
            )
        fenced = False
        for offset, line in enumerate(prose.body.split("\n")):
            if FENCE.match(line):
                fenced = not fenced
            match = None if fenced else RAW_HTML.search(CODE_SPAN.sub(lambda m: " " * len(m.group()), line))
            if match:
                report.error(
                    prose.path,
                    prose.body_line + offset,
                    match.start() + 1,
                    "raw HTML is not allowed in hub prose; use Markdown (e.g. **bold**, [link](https://...))",
                )
                break


def build_hub(source: HubSource, config: Config, report: Report) -> Hub | None:
    check_prose(source, config, report)
    check_hub_meta(source.prose, report)
    doc = source.document
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        what = "empty" if doc.data is None else f"{_type_name(doc.data)} at the top level"
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


def check_former_slugs(hubs: list[Hub], docs: dict[str, Document], report: Report) -> None:
    current = {hub.slug for hub in hubs} | set(docs)
    claimed: dict[str, str] = {}
    for hub in hubs:
        doc = docs[hub.slug]
        for index, old in enumerate(hub.former_slugs):
            line, col = doc.where(("former_slugs", index))
            if old in current:
                report.error(doc.path, line, col, f"former slug {old!r} is the folder of an existing hub; remove it from former_slugs")
            elif old in claimed:
                report.error(doc.path, line, col, f"former slug {old!r} is also claimed by hub {claimed[old]!r}; keep it in one hub only")
            claimed[old] = hub.slug


def build_agency_events(docs: list[Document], hubs: list[Hub], config: Config, report: Report) -> list[Event]:
    by_slug = {hub.slug: hub for hub in hubs}
    events = []
    for doc in docs:
        if not isinstance(doc.data, dict):
            report.error(doc.path, 1, 1, "an event file must be a mapping of keys like 'title:', 'start:', 'city:', 'hubs:'")
            continue
        if schema_errors(doc, "event", report):
            continue
        cities: set[str] = set()
        for index, slug in enumerate(doc.data["hubs"]):
            if slug not in by_slug:
                line, col = doc.where(("hubs", index))
                report.cross_file_error(
                    doc.path, line, col, f"unknown hub {slug!r}; {did_you_mean(slug, sorted(by_slug))}see the folders in hubs/"
                )
            else:
                cities.update(city.name for city in by_slug[slug].cities)
        check_languages(doc, ("title",), doc.data["title"], config, report)
        events.extend(build_events(doc, (), [doc.data], tuple(doc.data["hubs"]), cities or {doc.data["city"]}, report))
    return events


def load_project(root: Path, config: Config, report: Report) -> Project:
    """Load and validate everything once; `report` receives every problem."""
    sources = read_hubs(root, report)
    hubs = [hub for hub in (build_hub(source, config, report) for source in sources) if hub is not None]
    check_former_slugs(hubs, {s.slug: s.document for s in sources if s.document is not None}, report)
    events = [event for hub in hubs for event in hub.events]
    events += build_agency_events(read_event_files(root, report), hubs, config, report)
    pages = read_content(root, config, report)
    project = Project(hubs=hubs, events=sorted(events, key=lambda e: (_as_datetime(e.start), e.source)), pages=pages)
    from .news import read_news  # imported here: news.py imports model and yamlsafe only at load time

    project.news = read_news(root, config, hubs, report)
    check_all_prose(project, config.codes, config.source_language, config.source_only_pages, report)
    return project
