"""One safe YAML reader for hub files, event files and front matter.

PyYAML's safe loader still expands aliases (alias bombs), accepts merge keys and
silently keeps the last of two duplicate keys. This reader walks the event stream
itself: it rejects anchors, aliases, merge keys and explicit tags, caps size and
depth, and remembers the line and column of every key and value.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..diagnostics import Report, shorten
from ..output import describe, first_invisible
from .yaml_hints import missing_at, scalar_colon_hint, syntax_message

MAX_BYTES = 256 * 1024
# libyaml's parser when PyYAML was built with it (about 10x faster); same events and marks.
EVENT_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_DEPTH = 12

Key = tuple[object, ...]

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_KEEP_AS_TEXT = {_TIMESTAMP, "tag:yaml.org,2002:binary", "tag:yaml.org,2002:value"}


@dataclass
class Document:
    """Plain data (dict/list/str/int/float/bool/None) plus where each part stands."""

    path: str
    data: object = None
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Key, tuple[int, int]] = field(default_factory=dict)
    text: str = field(default="", repr=False)  # what was parsed, for hints about its shape

    def where(self, key: Key, *, of_key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at `key`, or of the nearest parent."""
        table = self.key_positions if of_key else self.positions
        probe = tuple(key)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.positions:
                return self.positions[probe]
            probe = probe[:-1]
        return self.positions.get((), (1, 1))


class _Reject(Exception):
    def __init__(self, mark: yaml.Mark | None, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def decode_text(raw: bytes, path: str, report: Report) -> str | None:
    """UTF-8 (a byte order mark is fine), CRLF folded to LF; else an error with position."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        line_start = raw.rfind(b"\n", 0, exc.start) + 1
        col = len(raw[line_start : exc.start].decode("utf-8", errors="replace")) + 1  # in characters
        report.error(path, line, col, "file is not valid UTF-8; save it with UTF-8 encoding")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_file(file: Path, path: str, report: Report, max_bytes: int = MAX_BYTES) -> str | None:
    """Read a user file as text, refusing oversized or undecodable files."""
    try:
        size = file.stat().st_size
        if size > max_bytes:
            report.error(path, 1, 0, f"file is {size // 1024} KiB; the limit is {max_bytes // 1024} KiB")
            return None
        raw = file.read_bytes()
    except OSError as exc:
        report.error(path, 1, 0, f"cannot read file: {exc.strerror or exc}")
        return None
    return decode_text(raw, path, report)


def load_yaml(text: str, path: str, report: Report, first_line: int = 1) -> Document | None:
    """Parse one YAML document; on any problem record it in `report` and return None."""
    doc = Document(path, text=text)
    if len(text.encode("utf-8")) > MAX_BYTES:
        report.error(path, first_line, 0, f"YAML is larger than {MAX_BYTES // 1024} KiB")
        return None
    builder: _Builder | None = None
    try:
        # Consumed lazily: the depth limit stops the parser early, before PyYAML's scanner
        # spends minutes on e.g. 200,000 nested '[' (its cost grows with the nesting).
        builder = _Builder(yaml.parse(text, Loader=EVENT_LOADER), doc, first_line)
        doc.data = builder.document()
    except _Reject as exc:
        _report_problems(builder, path, first_line, report)
        line, col = _position(exc.mark, first_line)
        report.error(path, line, col, exc.message)
        return None
    except yaml.MarkedYAMLError as exc:
        _report_problems(builder, path, first_line, report)
        mark = exc.problem_mark or exc.context_mark
        line, col = _position(mark, first_line)
        missing = missing_at(exc, text)
        if missing is not None:
            line, col = missing[0] + first_line, missing[1] + 1
        report.error(path, line, col, missing[2] if missing is not None else syntax_message(exc, text, mark))
        return None
    except yaml.reader.ReaderError as exc:  # control characters such as U+0007
        before = text[: exc.position]
        line, col = before.count("\n") + first_line, exc.position - (before.rfind("\n") + 1) + 1
        char = exc.character if isinstance(exc.character, str) else chr(exc.character)
        report.error(path, line, col, f"invisible control character U+{ord(char):04X} is not allowed; delete it")
        return None
    except yaml.YAMLError as exc:
        report.error(path, first_line, 0, f"invalid YAML: {shorten(str(exc), 120)}")
        return None
    _report_problems(builder, path, first_line, report)
    return doc


def _report_problems(builder: _Builder | None, path: str, first_line: int, report: Report) -> None:
    for mark, message in builder.problems if builder is not None else ():
        line, col = _position(mark, first_line)
        report.error(path, line, col, message)


def _position(mark: yaml.Mark | None, first_line: int) -> tuple[int, int]:
    if mark is None:
        return first_line, 0
    return mark.line + first_line, mark.column + 1


class _Builder:
    """Turns a PyYAML event stream into plain data, enforcing the safety rules."""

    def __init__(self, events: Iterator[yaml.Event], doc: Document, first_line: int) -> None:
        self.events = events
        self.ahead = next(events)  # the next event, looked at but not yet taken
        self.doc = doc
        self.first_line = first_line
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()
        self.problems: list[tuple[yaml.Mark, str]] = []  # reported, but the document stays usable

    def next(self) -> yaml.Event:
        event = self.ahead
        self.ahead = next(self.events, None)
        return event

    def document(self) -> object:
        self.next()  # StreamStart
        if isinstance(self.ahead, yaml.StreamEndEvent):
            return None
        self.next()  # DocumentStart
        data = self.node((), 0)
        self.next()  # DocumentEnd
        if not isinstance(self.ahead, yaml.StreamEndEvent):
            raise _Reject(self.ahead.start_mark, "more than one YAML document; remove the '---' separator")
        return data

    def remember(self, key: Key, mark: yaml.Mark) -> None:
        self.doc.positions[key] = (mark.line + self.first_line, mark.column + 1)

    def node(self, key: Key, depth: int) -> object:
        event = self.next()
        if isinstance(event, yaml.AliasEvent):
            raise _Reject(event.start_mark, "YAML aliases (*name) are not allowed; write the value out")
        if getattr(event, "anchor", None):
            raise _Reject(event.start_mark, "YAML anchors (&name) are not allowed; write the value out")
        if depth > MAX_DEPTH:
            raise _Reject(event.start_mark, f"nesting deeper than {MAX_DEPTH} levels")
        self.remember(key, event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        self.check_tag(event, event.implicit)
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(self.ahead, yaml.SequenceEndEvent):
                items.append(self.node((*key, len(items)), depth + 1))
            self.next()
            return items
        mapping: dict[object, object] = {}
        while not isinstance(self.ahead, yaml.MappingEndEvent):
            key_event = self.ahead
            if not isinstance(key_event, yaml.ScalarEvent):
                raise _Reject(key_event.start_mark, "a key must be plain text, not a list or mapping")
            if key_event.anchor:
                raise _Reject(key_event.start_mark, "YAML anchors (&name) are not allowed; write the value out")
            self.next()
            name = key_event.value
            check_text(name, key_event.start_mark)
            if name == "<<" and key_event.implicit[0]:
                raise _Reject(key_event.start_mark, "YAML merge keys (<<) are not allowed; write the keys out")
            self.check_tag(key_event, key_event.implicit[0])
            if name in mapping:  # reported, the first value kept, and the rest of the file still read
                first = self.doc.key_positions[(*key, name)]
                self.problems.append((key_event.start_mark, f"duplicate key {shorten(name)} (first at line {first[0]}); keep only one"))
                keep = dict(self.doc.positions), dict(self.doc.key_positions)
                self.node((*key, name), depth + 1)
                self.doc.positions, self.doc.key_positions = keep
                continue
            self.doc.key_positions[(*key, name)] = (key_event.start_mark.line + self.first_line, key_event.start_mark.column + 1)
            mapping[name] = self.node((*key, name), depth + 1)
        self.next()
        return mapping

    def check_tag(self, event: yaml.Event, implicit: object) -> None:
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and not implicit:
            written = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Reject(event.start_mark, f"YAML tags such as {shorten(written, 40)} are not allowed; remove the tag")

    def scalar(self, event: yaml.ScalarEvent) -> object:
        check_text(event.value, event.start_mark)
        plain, _quoted = event.implicit
        if event.tag and event.tag != "!" and not plain and not _quoted:
            self.check_tag(event, False)
        if not plain:
            return event.value
        tag = self.resolver.resolve(yaml.ScalarNode, event.value, (True, False))
        if tag in _KEEP_AS_TEXT:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
        try:
            return self.constructor.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError):  # e.g. an integer of 5,000 digits
            raise _Reject(event.start_mark, f"value {shorten(event.value, 30)} cannot be read; put it in quotes if it is text") from None


def check_text(value: str, mark: yaml.Mark) -> None:
    """Refuse control characters and bidi controls, raw or escaped ("\\0", "\\v", "\\u202e"):
    they hide what a name says and break the renderers (XML, iCalendar). Newlines and tabs
    are text in block scalars; single-line fields refuse them in their own rules."""
    index = first_invisible(value, allowed="\n\t")
    if index != -1:
        raise _Reject(mark, f"{describe(value[index])} in a text; delete it (escaped or not)")


# The keys of every front matter (pages, hub prose, news: dehub/validate/content.py and news.py).
FRONT_MATTER_KEYS = {"title", "description", "source_hash", "date", "hubs", "summary"}


def report_not_a_mapping(
    doc: Document, text: str, first_line: int, message: str, report: Report, keys: set[str] = FRONT_MATTER_KEYS
) -> None:
    """A document that should be 'key: value' lines but is not: a missing ':' after one of
    `keys` when that is why ('source_hash abc'), else `message`."""
    hint = scalar_colon_hint(text, keys) if isinstance(doc.data, str) else None
    if hint is not None:
        report.error(doc.path, hint[0] + first_line, hint[1] + 1, hint[2])
    else:
        report.error(doc.path, first_line, 1, message)


FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, path: str, report: Report) -> tuple[dict, int, str] | None:
    """Markdown front matter as data, the line where the body starts, and the body."""
    match = FRONT_MATTER.match(text)
    if not match:
        if text.startswith("---\n"):
            report.error(path, 1, 1, "front matter starts with '---' but has no closing '---' line")
            return None
        return {}, 1, text
    doc = load_yaml(match.group(1) or "", path, report, first_line=2)
    if doc is None:
        return None
    if doc.data is None:
        doc.data = {}
    if not isinstance(doc.data, dict):
        report_not_a_mapping(doc, match.group(1) or "", 2, "front matter must be a mapping of 'key: value' lines", report)
        return None
    body_line = text[: match.end()].count("\n") + 1
    return doc.data, body_line, text[match.end() :]
