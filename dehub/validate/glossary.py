"""The glossary (translations/glossary.csv) and its check on prose: warnings, never errors.

One row per term, one column per language (English, the msgid language, first), so that
translation tools can import it; `kind` is `term` (the word to use) or `forbidden` (a word a
language must not use for that term). `check` warns, with file:line:col, where prose uses a
forbidden word for its language, or names a sector focus by another word than its label:
the English or German label where the language's own label differs, unless the label
stands on the same line (a gloss such as "Internet der Dinge (Internet of Things, IoT)").

Cheap by design: regular expressions over lines outside code; no Markdown parser.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..diagnostics import Report, shorten
from ..model import Project, Prose
from .prose import CODE_SPAN, lines_outside_code

GLOSSARY = "translations/glossary.csv"
KINDS = ("term", "forbidden")
FOCUS_PREFIX = "focus:"
NAMED_BY = ("en", "de")  # the labels a translation most likely keeps instead of its own
MAX_BYTES = 256 * 1024
LINK_TARGET = re.compile(r"\]\([^)\s]*(?:\s+\"[^\"]*\")?\)|<https?://[^>\s]*>|https?://\S+")


@dataclass(frozen=True)
class Forbidden:
    key: str
    lang: str
    word: str
    note: str
    line: int


@dataclass
class Glossary:
    terms: dict[str, dict[str, str]] = field(default_factory=dict)  # key -> lang -> term
    forbidden: list[Forbidden] = field(default_factory=list)

    def focus_labels(self) -> dict[str, dict[str, str]]:
        return {key[len(FOCUS_PREFIX) :]: names for key, names in self.terms.items() if key.startswith(FOCUS_PREFIX)}


def read_glossary(root: Path, config: Config, report: Report) -> Glossary:
    """The glossary, or an empty one (with an error for what is wrong in it)."""
    path = root / GLOSSARY
    glossary = Glossary()
    if not path.is_file() or path.is_symlink():
        return glossary
    if path.stat().st_size > MAX_BYTES:
        report.error(GLOSSARY, 1, 0, f"larger than {MAX_BYTES // 1024} KiB; a glossary holds terms, not texts")
        return glossary
    try:
        rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    except (UnicodeDecodeError, csv.Error) as exc:
        report.error(GLOSSARY, 1, 0, f"cannot be read as UTF-8 CSV ({shorten(str(exc), 80)})")
        return glossary
    if not rows or rows[0][:2] != ["key", "kind"]:
        report.error(GLOSSARY, 1, 1, "the first row must be the header: key,kind,<one column per language>,note")
        return glossary
    header = rows[0]
    langs = [code for code in header[2:] if code in config.codes]
    for number, row in enumerate(rows[1:], 2):
        cells = dict(zip(header, (cell.strip() for cell in row), strict=False))
        key, kind = cells.get("key", ""), cells.get("kind", "")
        if not key and not any(row):
            continue
        if kind not in KINDS:
            report.error(GLOSSARY, number, 0, f"kind {shorten(kind)} is unknown; use one of: {', '.join(KINDS)}")
            continue
        names = {code: cells[code] for code in langs if cells.get(code)}
        if kind == "term":
            glossary.terms[key] = names
        else:
            glossary.forbidden += [Forbidden(key, code, word, cells.get("note", ""), number) for code, word in names.items()]
    return glossary


def _spaced(char: str) -> bool:
    """Whether words of this script are set apart by spaces (Latin), so a match must start a word;
    Chinese and Japanese have no spaces, Arabic attaches prefixes (و، ال، ب): there a term is a substring."""
    return char.isascii() or "\u00c0" <= char <= "\u024f"


def _pattern(word: str, whole: bool) -> re.Pattern[str]:
    """`word` at a word start (and, if `whole`, a word end); a forbidden word's compounds count too."""
    start = r"(?<!\w)" if _spaced(word[0]) else ""
    end = r"(?!\w)" if whole and _spaced(word[-1]) else ""
    return re.compile(start + re.escape(word) + end, re.IGNORECASE)


def prose_files(project: Project) -> Iterator[Prose]:
    for page in project.pages:
        yield from page.versions.values()
    for hub in project.hubs:
        yield from hub.prose.values()
    for post in project.news:
        yield from post.versions.values()


def check_prose_terms(prose: Prose, glossary: Glossary, report: Report) -> None:
    forbidden = [(item, _pattern(item.word, whole=False)) for item in glossary.forbidden if item.lang == prose.lang]
    foci = []
    for key, names in glossary.focus_labels().items():
        own = names.get(prose.lang)
        others = {names[code] for code in NAMED_BY if names.get(code) and own and names[code].casefold() != own.casefold()}
        if own:
            foci += [(key, own, _pattern(own, whole=True), other, _pattern(other, whole=True)) for other in sorted(others)]
    for number, raw in lines_outside_code(prose):
        line = LINK_TARGET.sub(lambda m: " " * len(m.group()), CODE_SPAN.sub(lambda m: " " * len(m.group()), raw))
        for item, pattern in forbidden:
            for match in pattern.finditer(line):
                use = glossary.terms.get(item.key, {}).get(prose.lang)
                hint = f"write {use!r}" if use else "see the glossary"
                note = f" ({item.note})" if item.note else ""
                report.warning(
                    prose.path,
                    number,
                    match.start() + 1,
                    f"{match.group()!r}: {GLOSSARY}:{item.line} forbids it in {prose.lang} prose{note}; {hint}",
                )
        # "Digital Health" is one name, not also "Health"; one mark per character, and the own
        # label looked up once per line (not once per match): linear in the line's length
        taken = bytearray(len(line))
        for key, own, own_pattern, _other, pattern in sorted(foci, key=lambda focus: -len(focus[3])):
            glossed: bool | None = None
            for match in pattern.finditer(line):
                if taken[match.start()]:
                    continue
                taken[match.start() : match.end()] = b"\1" * (match.end() - match.start())
                if glossed is None:
                    glossed = own_pattern.search(line) is not None
                if glossed:
                    continue  # the label is there: the other word glosses it
                report.warning(
                    prose.path,
                    number,
                    match.start() + 1,
                    f"names the focus {key!r} as {match.group()!r}; its {prose.lang} label is {own!r} (glossary: {GLOSSARY})",
                )


def check_glossary(root: Path, config: Config, project: Project, report: Report) -> Glossary:
    """Warnings for prose that uses a forbidden word or another word for a focus label."""
    glossary = read_glossary(root, config, report)
    for prose in prose_files(project):
        check_prose_terms(prose, glossary, report)
    return glossary
