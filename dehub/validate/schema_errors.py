"""JSON Schema violations as diagnostics at the offending key or value, with a fix hint."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from ..diagnostics import Report, did_you_mean, shorten
from ..load.safe_yaml import Document
from .release import PLACEHOLDER
from .schema import GERMANY, STATE_ABBREVIATIONS, event_file_schema, hub_schema

WHAT = {"lat": "latitude", "lon": "longitude"}
DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")


class Invalid:
    """Which parts of a document failed the schema: `ok(key)` when nothing at or below `key` did,
    so the cross-field rules can still run on the valid parts."""

    def __init__(self, paths: set[tuple]) -> None:
        self.paths = paths

    def __bool__(self) -> bool:
        return bool(self.paths)

    def ok(self, key: tuple) -> bool:
        """Nothing failed at `key`, inside it, or in a part that contains it."""
        return not any(path[: len(key)] == key or key[: len(path)] == path for path in self.paths)


MAX_ITEMS = 500  # entries of any list or mapping (events: 500), before the schema runs
MAX_ERRORS = 50  # per file: output stays readable and bounded


def _whole_string(pattern: str) -> re.Pattern:
    """The schema's pattern, matched the way an ECMA regex is: a final `$` is the end of the
    string (Python's `$` also matches before a trailing newline, so "berlin\\n" would pass)."""
    return re.compile(re.sub(r"(?<!\\)\$$", r"\\Z", pattern))


def _pattern(validator, pattern: str, instance: object, schema: dict):
    from jsonschema.exceptions import ValidationError

    if validator.is_type(instance, "string") and not _compiled(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _unique_items(validator, unique: bool, instance: object, schema: dict):
    """uniqueItems in linear time (jsonschema's falls back to comparing every pair when a list
    mixes types: one 250 KB event file took minutes)."""
    from jsonschema.exceptions import ValidationError

    if not unique or not validator.is_type(instance, "array"):
        return
    seen: set[str] = set()
    for item in instance:
        canonical = json.dumps(item, sort_keys=True, default=repr)
        if canonical in seen:
            yield ValidationError(f"{shorten(instance)} has non-unique elements")
            return
        seen.add(canonical)


_compiled = cache(_whole_string)


@cache
def _validator(kind: str):
    from jsonschema import Draft202012Validator  # imported here: only `check` needs it
    from jsonschema.validators import extend

    schema = hub_schema() if kind == "hub" else event_file_schema()
    return extend(Draft202012Validator, {"pattern": _pattern, "uniqueItems": _unique_items})(schema)


def _oversized(data: object, path: tuple = ()):
    """Paths of lists and mappings too long to be real, checked before the schema's keywords run."""
    if isinstance(data, (list, dict)):
        if len(data) > MAX_ITEMS:
            yield path, len(data)
            return
        for key, value in data.items() if isinstance(data, dict) else enumerate(data):
            yield from _oversized(value, (*path, key))


def schema_errors(doc: Document, kind: str, report: Report, root: Path | None = None) -> Invalid:
    """Report every schema violation at the position of the offending key or value; the
    paths of the invalid parts (empty when the document is valid), see `Invalid`. `root`: where
    the catalogs are, whose focus labels an unknown focus is matched against."""
    oversized = list(_oversized(doc.data))
    for path, size in oversized:
        line, col = doc.where(path)
        report.error(doc.path, line, col, f"{size} entries; at most {MAX_ITEMS} are allowed here")
    if oversized:
        return Invalid({()})  # nothing of it is used
    found: set[tuple] = set()
    count = 0
    for error in sorted(_validator(kind).iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        count += 1
        if count > MAX_ERRORS:
            report.error(doc.path, 0, 0, f"more than {MAX_ERRORS} problems; fix these first")
            found.add(())
            break
        path = tuple(error.absolute_path)
        if error.validator == "required":
            found.add((*path, error.message.split("'")[1]))  # the missing key: the rest of the mapping is fine
        elif error.validator != "additionalProperties":  # an unknown key leaves the known ones valid
            found.add(path)
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
        if isinstance(error.instance, str) and PLACEHOLDER.fullmatch(error.instance.strip()):
            report.error(doc.path, line, col, f"{field!r} is still a placeholder, {shorten(error.instance, 70)}; fill in the real value")
        elif kind_of == "required":
            missing = error.message.split("'")[1]
            if path:
                line, col = doc.where(path, of_key=True)
            values = _allowed_values(error.schema.get("properties", {}).get(missing, {}))
            listed = f"; add '{missing}:' with one of: {', '.join(values)}" if values else ""
            report.error(doc.path, line, col, f"missing required key {missing!r}" + (f" in {field!r}" if path else "") + listed)
        elif kind_of == "enum" and not (field == "state" and str(error.instance).upper() in STATE_ABBREVIATIONS):
            allowed = list(error.validator_value)
            hint = _enum_hint(field, error.instance, allowed, root)
            report.error(doc.path, line, col, f"unknown {field} {shorten(error.instance)}; {hint}allowed: {', '.join(allowed)}")
        elif kind_of == "type" and field in WHAT and isinstance(error.instance, str) and DECIMAL_COMMA.match(error.instance):
            report.error(
                doc.path,
                line,
                col,
                f"{WHAT[field]} {error.instance} has a decimal comma; write a point: {field}: {error.instance.replace(',', '.')}",
            )
        elif kind_of == "enum" and field == "state" and str(error.instance).upper() in STATE_ABBREVIATIONS:
            state = STATE_ABBREVIATIONS[str(error.instance).upper()]
            report.error(doc.path, line, col, f"unknown state {shorten(error.instance)}; write the full German name: state: {state}")
        elif kind_of == "type":
            wanted = error.validator_value if isinstance(error.validator_value, str) else " or ".join(error.validator_value)
            report.error(doc.path, line, col, f"{field!r} must be {_article(wanted)}, not {type_name(error.instance)}")
        elif kind_of in {"minimum", "maximum"} and field in WHAT:
            low, high = GERMANY[field]
            report.error(doc.path, line, col, f"{WHAT[field]} {error.instance} is outside Germany; expected {low} to {high}")
        elif kind_of == "pattern" and field in {"website", "url"} and isinstance(error.instance, str) and " " in error.instance.strip():
            fixed = error.instance.strip().replace(" ", "%20")
            report.error(
                doc.path,
                line,
                col,
                f"{field!r}: {shorten(error.instance)} contains a space; a web address has none: write %20 ({shorten(fixed, 80)})",
            )
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
    return Invalid(found)


def _enum_hint(field: str, value: object, allowed: list[str], root: Path | None) -> str:
    """'did you mean ...? ' ignoring case; a focus also by its label in any catalog ('IoT', 'Internet der Dinge')."""
    text = str(value).strip()
    same = [choice for choice in allowed if choice.casefold() == text.casefold()]
    if not same and field == "focus":
        from ..localize.focus import focus_aliases

        same = [key for key in [focus_aliases(root).get(text.casefold())] if key in allowed]
    if same:
        return f"did you mean {same[0]!r}? "
    return did_you_mean(text.casefold(), allowed) or did_you_mean(value, allowed)


def _allowed_values(schema: dict) -> list[str]:
    """The values a key may take, when the schema lists them (a state, a list of focus keys)."""
    values = schema.get("enum") or (schema.get("items") or {}).get("enum") or []
    return [str(value) for value in values]


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
        return sub, f"{field!r}{lang} must be plain text on one line, without '<', '>' or control characters"
    if problem.validator == "minLength":
        return sub, f"{field!r}{lang} is empty; write a text"
    if problem.validator == "maxLength":
        return sub, f"{field!r}{lang} is longer than {problem.validator_value} characters"
    if problem.validator == "minProperties":
        return (), f"{field!r} needs at least one language, like {{de: ..., en: ...}}"
    return sub, f"{field!r}{lang} must be a text, not {type_name(problem.instance)}"


# How a schema's type and a value's type read in a message ("must be a list, not a text").
SCHEMA_TYPES = {"object": "a mapping of keys", "array": "a list", "string": "a text", "number": "a number"}
SCHEMA_TYPES |= {"integer": "a whole number", "boolean": "true or false"}
VALUE_TYPES = {
    dict: "a mapping",
    list: "a list",
    str: "a text",
    bool: "true/false",
    int: "a number",
    float: "a number",
    type(None): "empty",
}


def _article(type_name: str) -> str:
    return SCHEMA_TYPES.get(type_name, type_name)


def type_name(value: object) -> str:
    return VALUE_TYPES.get(type(value), type(value).__name__)


def _pattern_hint(field: str) -> str:
    hints = {
        "website": "is not allowed; use a full https:// address",
        "url": "is not allowed; use a full https:// address",
        "start": "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)",
        "end": "is not a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)",
        "logo": "must be a file name in this folder ending in .svg, .png or .webp",
    }
    if field in {"name", "title", "city"}:
        return "must be plain text on one line, without '<', '>' or control characters"
    return hints.get(field, "is not a valid slug (lowercase letters, digits, single hyphens)")
