"""Reading translations/<lang>/LC_MESSAGES/messages.po (untrusted input), with every line position.

Babel's parser is lenient: it skips what it can't read. This reader also records what it
would not tell us (syntax errors, duplicates, which msgstr keyword stands on which line), so
the lint can name the line, and it never raises on hostile input (size, encoding, syntax).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from babel import UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileParser

from ..diagnostics import shorten
from ..localize.catalogs import catalog_path
from .files import inside

MAX_PO_BYTES = 4 * 1024 * 1024
PO_LINE = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+)?"(?:[^"\\]|\\.)*"$')
BAD_ESCAPE = re.compile(r'\\[^\\"ntr]')
# A keyword line (or continuation) whose string never ends: `msgstr "Bonjour` (a quote escaped by \\ doesn't end it).
UNCLOSED = re.compile(r'^(?:(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[\d+\])[ \t]+)?(?P<quote>")(?:[^"\\]|\\.)*\\?$')


@dataclass
class Parsed:
    """One .po file: Babel's catalog plus what Babel's lenient parser would not tell us."""

    path: str
    lang: str
    catalog: Catalog | None = None
    problems: list[tuple[int, str]] = field(default_factory=list)  # syntax, duplicates, encoding
    msgstr_lines: dict[object, dict[int, int]] = field(default_factory=dict)  # key -> {form: line}
    plain_msgstr: set = field(default_factory=set)  # keys that used `msgstr` rather than `msgstr[n]`
    header: str | None = None
    header_line: int = 0

    @property
    def readable(self) -> bool:
        return self.catalog is not None and not self.problems


class _Parser(PoFileParser):
    def __init__(self, catalog: Catalog, parsed: Parsed) -> None:
        self.parsed = parsed
        self.first: dict[object, int] = {}
        super().__init__(catalog, ignore_obsolete=False, abort_invalid=False)

    def _reset_message_state(self) -> None:
        super()._reset_message_state()
        self.msgstrs: list[tuple[str, int]] = []

    def _process_keyword_line(self, lineno, line, obsolete=False) -> None:
        keyword = line.partition(" ")[0]
        if keyword == "msgstr" or keyword.startswith("msgstr["):
            self.msgstrs.append((keyword, lineno + 1))
        super()._process_keyword_line(lineno, line, obsolete)

    def _add_message(self) -> None:
        msgid = self.messages[0].denormalize()
        key = (msgid, self.context.denormalize() if self.context else None)
        line = self.offset + 1
        if not self.obsolete:
            if key in self.first:
                self.parsed.problems.append(
                    (line, f"duplicate message definition for {shorten(msgid)} (first defined on line {self.first[key]})")
                )
            self.first.setdefault(key, line)
            forms = {}
            for keyword, at in self.msgstrs:
                forms[int(keyword[7:-1]) if "[" in keyword else 0] = at
                if keyword == "msgstr":
                    self.parsed.plain_msgstr.add(key)
            self.parsed.msgstr_lines[key] = forms
            if msgid == "" and key[1] is None:
                self.parsed.header = self.translations[0][1].denormalize() if self.translations else ""
                self.parsed.header_line = line
        super()._add_message()

    def _invalid_pofile(self, line, lineno, msg) -> None:
        if all(at != lineno + 1 for at, _ in self.parsed.problems):  # one report per line
            self.parsed.problems.append((lineno + 1, msg))


def parse_catalog(root: Path, lang: str) -> Parsed | None:
    """Parse a language's catalog, collecting every problem; None when there is none."""
    file = catalog_path(root, lang)
    parsed = Parsed(file.relative_to(root).as_posix(), lang)
    if not file.exists() and not file.is_symlink():
        return None
    if not inside(root, file) or not file.is_file():
        parsed.problems.append((1, "not a regular file inside the repository"))
        return parsed
    raw = file.read_bytes()
    if len(raw) > MAX_PO_BYTES:
        parsed.problems.append((1, f"file is larger than {MAX_PO_BYTES // (1024 * 1024)} MB"))
        return parsed
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        parsed.problems.append((raw[: exc.start].count(b"\n") + 1, "not valid UTF-8; save the file as UTF-8"))
        return parsed
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("#~"):
            stripped = stripped[2:].strip()
        elif stripped.startswith("#"):
            continue
        if not stripped:
            continue
        if not PO_LINE.match(stripped):
            opened = UNCLOSED.match(stripped)
            if opened:
                column = len(line) - len(line.lstrip()) + opened.end("quote")
                parsed.problems.append(
                    (number, f'the quote opened at line {number} col {column} is not closed; end the string with " on the same line')
                )
            else:
                parsed.problems.append((number, f"syntax error: {shorten(stripped)} is not a keyword with a quoted string"))
        elif BAD_ESCAPE.search(stripped):
            escape = BAD_ESCAPE.search(stripped).group(0)
            parsed.problems.append((number, f'unsupported escape sequence {escape!r}; use \\n, \\t, \\" or \\\\'))
    try:
        catalog = Catalog(locale=lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        parsed.problems.append((1, f"{lang!r} is not a locale Babel knows"))
        return parsed
    parser = _Parser(catalog, parsed)
    try:
        parser.parse(lines)
    except Exception as exc:  # Babel's parser on hostile input: report, never crash
        parsed.problems.append((1, f"cannot be read: {shorten(str(exc), 120)}"))
        return parsed
    parsed.catalog = catalog
    return parsed
