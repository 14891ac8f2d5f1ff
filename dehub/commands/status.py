"""`i18n status`: what each language lacks (translations/README.md shows the table)."""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ..config import Config
from ..diagnostics import Report
from ..load.files import read_prose
from ..load.po import parse_catalog
from ..load.safe_yaml import load_yaml, read_file
from ..localize.catalogs import MESSAGES_LANGUAGE, POT, language_name
from ..model import translates
from ..output import markdown_text, printable

STATES = {
    "UI strings": ("translated", "fuzzy", "missing"),
    "hub prose": ("present", "outdated", "missing"),
    "pages": ("present", "outdated", "missing"),
    "YAML fields": ("present", "missing"),
}


def _ui_items(root: Path, lang: str, template: Catalog) -> list[tuple[str, str, str]]:
    parsed = None if lang == MESSAGES_LANGUAGE else parse_catalog(root, lang)
    catalog = parsed.catalog if parsed else None
    items = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context) if catalog is not None else None
        strings = (found.string if isinstance(found.string, tuple) else (found.string,)) if found else ("",)
        state = (
            "translated"
            if lang == MESSAGES_LANGUAGE or (found and all(strings) and not found.fuzzy)
            else "fuzzy"
            if found and found.fuzzy and any(strings)
            else "missing"
        )
        items.append(("UI strings", repr(message.id if isinstance(message.id, str) else message.id[0]), state))
    return items


def _prose_state(root: Path, german: Path, translated: Path, lang: str, source: str) -> str:
    if lang == source:
        return "present"
    if not translated.is_file():
        return "missing"
    original, version = read_prose(root, german, source, Report()), read_prose(root, translated, lang, Report())
    current = original is not None and version is not None and translates(version.recorded_hash, original.body, original.meta)
    return "present" if current else "outdated"


def yaml_fields(root: Path) -> list[tuple[str, object]]:
    fields = []
    files = sorted((root / "hubs").glob("*/hub.yml")) + sorted((root / "content" / "events").glob("*.y*ml"))
    for file in files:
        rel = file.relative_to(root).as_posix()
        text = read_file(file, rel, Report())
        doc = load_yaml(text, rel, Report()) if text is not None else None
        data = doc.data if doc is not None and isinstance(doc.data, dict) else {}
        if file.name == "hub.yml":
            fields.append((f"{rel}: name", data.get("name")))
            events = data.get("events") if isinstance(data.get("events"), list) else []
            fields += [(f"{rel}: events[{i}].title", e.get("title")) for i, e in enumerate(events) if isinstance(e, dict)]
        else:
            fields.append((f"{rel}: title", data.get("title")))
    return [(where, value) for where, value in fields if isinstance(value, (str, dict))]


def language_items(root: Path, config: Config, lang: str, template: Catalog, fields: list) -> list[tuple[str, str, str]]:
    """What a language has: (kind, what, state) for UI strings, prose and localized YAML fields."""
    source = config.source_language
    items = _ui_items(root, lang, template)
    for german in sorted((root / "hubs").glob(f"*/{source}.md")):
        items.append(
            (
                "hub prose",
                f"{german.parent.relative_to(root).as_posix()}/{lang}.md",
                _prose_state(root, german, german.parent / f"{lang}.md", lang, source),
            )
        )
    base = root / "content" / source
    for german in sorted(base.glob("*.md")) + sorted(base.glob("news/*.md")):
        rel = german.relative_to(base).as_posix()
        if lang == source or german.stem not in config.source_only_pages:
            items.append(("pages", f"content/{lang}/{rel}", _prose_state(root, german, root / "content" / lang / rel, lang, source)))
    items += [
        ("YAML fields", f"{where} ({lang})", "present" if isinstance(value, str) or lang in value else "missing") for where, value in fields
    ]
    return items


SHORT = {"translated": "done", "present": "done", "fuzzy": "fuzzy", "outdated": "old", "missing": "missing"}


def _percent(count: int, total: int) -> str:
    """Rounded down, but never 0 % when something is there, nor 100 % when something is not."""
    if not total:
        return "100%"
    value = 100 * count // total
    return f"{max(value, 1) if count else 0}%" if count < total else "100%"


def _cell(count: int, total: int, percent: bool) -> str:
    return f"{count} ({_percent(count, total)})" if percent else str(count)


def text_table(rows: list[list[str]]) -> list[str]:
    """The status as a text table within 100 columns: a row of group names over short state names."""
    groups = [""] + [kind.removesuffix(" fields") if i == 0 else "" for kind, states in STATES.items() for i, _ in enumerate(states)]
    names = ["lang"] + [SHORT[state] for states in STATES.values() for state in states]
    widths = [max(len(r[i]) for r in [groups, names, *rows]) for i in range(len(names))]
    gaps = ["" if i == 0 else "   " if groups[i] else " " for i in range(len(names))]  # wider between groups
    return [
        "".join(gap + cell.ljust(width) for gap, cell, width in zip(gaps, r, widths, strict=True)).rstrip() for r in [groups, names, *rows]
    ]


MAX_POT_BYTES = 4 * 1024 * 1024


def read_template(root: Path) -> tuple[Catalog | None, str]:
    """The .pot (a pull request may change it), or None and `line: error: reason` for it."""
    file = root / POT
    if file.is_symlink() or not file.is_file():
        return None, "error: missing (or not a regular file); run `python build.py i18n extract`"
    raw = file.read_bytes()
    if len(raw) > MAX_POT_BYTES:
        return None, f"1: error: larger than {MAX_POT_BYTES // (1024 * 1024)} MB; run `python build.py i18n extract`"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:200]:
        return None, "1: error: saved as UTF-16; save it as UTF-8 (or run `python build.py i18n extract`)"
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return (
            None,
            f"{line}: error: not valid UTF-8 (byte {raw[exc.start]:#04x}); save the file as UTF-8 (or run `python build.py i18n extract`)",
        )
    try:
        return read_po(text.splitlines(keepends=True)), ""
    except Exception as exc:  # noqa: BLE001 - Babel's parser on hostile input: a line, never a traceback
        return None, f"1: error: cannot be read ({printable(str(exc))[:120]}); run `python build.py i18n extract`"


def status(root: Path, config: Config, fmt: str, strict: bool) -> int:
    template, problem = read_template(root)
    if template is None:
        print(f"{POT}:{problem}" if problem[0].isdigit() else f"{POT}: {problem}", file=sys.stderr)
        if fmt == "markdown":  # the job summary says why the table is missing
            print(f"### Translation status\n\nNot available: `{POT}` could not be read (see the log of this step).")
        return 1
    fields = yaml_fields(root)
    header = ["language"] + [f"{kind}: {state}" if i == 0 else state for kind, states in STATES.items() for i, state in enumerate(states)]
    rows, gaps, outdated = [], [], []
    for language in config.languages:
        items = language_items(root, config, language.code, template, fields)
        note = " (source)" if language.code == config.source_language else " (msgids)" if language.code == MESSAGES_LANGUAGE else ""
        row = [f"{language.code}{'*' if language.complete else ''}{note if fmt == 'markdown' else ''}"]
        for kind, states in STATES.items():
            total = sum(1 for item in items if item[0] == kind)
            row += [
                _cell(sum(1 for item in items if item[0] == kind and item[2] == state), total, i == 0) for i, state in enumerate(states)
            ]
        rows.append(row)
        outdated += [f"{what}" for kind, what, state in items if state == "outdated"]
        if language.complete:
            for state in ("fuzzy", "missing"):
                ui = [what for kind, what, st in items if kind == "UI strings" and st == state]
                gaps += [f"{language.code}: {len(ui)} UI string(s) {state}, such as {ui[0]}"] if ui else []
            gaps += [
                f"{language.code}: {what} is {state}"
                for kind, what, state in items
                if kind != "UI strings" and state not in ("present", "translated")
            ]
    md = fmt == "markdown"
    if md:
        lines = ["### Translation status", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + [
            "| " + " | ".join(markdown_text(cell) for cell in r) + " |" for r in rows
        ]
    else:
        lines = text_table(rows)
    lines += [
        "",
        f"{len(template)} UI strings in {POT}; * = complete:",
        "`i18n status --strict` fails when a complete language lacks anything or has anything outdated;",
        f"{MESSAGES_LANGUAGE} needs no catalog (the msgids are {language_name(MESSAGES_LANGUAGE)}); {config.source_language} is the source of the prose.",
    ]
    bullet = "- " if md else "  "
    shown = markdown_text if md else printable  # paths and msgids come from pull requests
    if outdated:
        lines += [
            "",
            "Outdated translations (the German text changed: `python build.py i18n diff PATH` shows how;"
            " update them, then run `python build.py i18n mark-current PATH`):",
        ]
        lines += [bullet + shown(path) for path in outdated]
    fuzzy = fuzzy_entries(root, config)
    if fuzzy:
        lines += ["", "Fuzzy entries (not on the site until you check them and clear the flag; Poedit: needs work):"]
        lines += [bullet + shown(entry) for entry in fuzzy]
    if gaps:
        lines += ["", "Gaps in complete languages:"] + [bullet + shown(gap) for gap in gaps]
    print("\n".join(lines))
    return 1 if strict and gaps else 0


def fuzzy_entries(root: Path, config: Config) -> list[str]:
    """'translations/fr/LC_MESSAGES/messages.po:81: 'Past events'' for every fuzzy entry, by language."""
    found = []
    for lang in config.codes:
        parsed = None if lang == MESSAGES_LANGUAGE else parse_catalog(root, lang)
        for message in parsed.catalog if parsed is not None and parsed.catalog is not None else ():
            if message.id and message.fuzzy:
                msgid = message.id if isinstance(message.id, str) else message.id[0]
                found.append(f"{parsed.path}:{message.lineno}: {msgid!r}")
    return found
