"""`python build.py i18n extract|update|compile|status|mark-current`: the translator workflow.

UI msgids are English, so `en` needs no catalog (MESSAGES_LANGUAGE counts as 100 %);
every other configured language, German included, has translations/<lang>/LC_MESSAGES/messages.po.
"""

from __future__ import annotations

import io
import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from .catalogs import catalog_path, language_name, lint_catalogs, parse_catalog
from .config import Config, load_config
from .diagnostics import Diagnostic, Report

POT = "translations/messages.pot"
MESSAGES_LANGUAGE = "en"  # the language of the msgids: needs no catalog
FIXED_EPOCH = 1735689600  # 2025-01-01T00:00Z, the POT date when SOURCE_DATE_EPOCH is unset
HEADER = """\
# de:hub (Digital Hub Initiative): UI strings of the website; msgids: English.
# Made by `python build.py i18n extract`; do not edit. Translators: see
# translations/README.md.
#"""
VOLATILE = re.compile(r'^"(?:POT-Creation-Date|Generated-By): .*\n', re.M)


def _epoch() -> datetime:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(value) if value.isdigit() else FIXED_EPOCH, timezone.utc)


def extract(root: Path) -> Catalog:
    """Every UI string in the code and templates babel.cfg maps, with file:line references."""
    with open(root / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle, "babel.cfg")
    tops = {pattern.split("/")[0] for pattern, _method in method_map}

    def wanted(path: str) -> bool:
        rel = Path(path).relative_to(root)
        return rel.parts[0] in tops and not any(part.startswith((".", "__")) for part in rel.parts)

    catalog = Catalog(project="de:hub", version="website", msgid_bugs_address="", header_comment=HEADER, creation_date=_epoch(), revision_date=_epoch(), fuzzy=False)
    found = extract_from_dir(str(root), method_map, options_map, keywords={}, comment_tags=("Translators:",), strip_comment_tags=True, directory_filter=wanted)
    for filename, lineno, message, comments, context in found:
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, sort_by_file=True, include_previous=False, ignore_obsolete=False)
    return buffer.getvalue()


def _comparable(data: bytes) -> list[tuple]:
    catalog = read_po(io.BytesIO(data))
    return [(m.id, m.context, tuple(m.locations), tuple(sorted(m.flags)), tuple(m.auto_comments)) for m in catalog if m.id]


def stale_pot(root: Path) -> Diagnostic | None:
    """An error when translations/messages.pot lacks or keeps messages the code has or dropped
    (a warning when only file:line references moved); None when it is current or the
    repository has no babel.cfg (a fixture repo without code)."""
    if not (root / "babel.cfg").is_file():
        return None
    fresh = _comparable(po_bytes(extract(root)))
    hint = "run `python build.py i18n extract` (then `i18n update`) and commit the result"
    try:
        committed = _comparable((root / POT).read_bytes())
    except (OSError, ValueError) as exc:
        return Diagnostic(POT, 1, 0, f"cannot be read ({exc.__class__.__name__}); {hint}")
    if fresh == committed:
        return None
    new, old = {m[:2] for m in fresh}, {m[:2] for m in committed}
    if new == old:
        return Diagnostic(POT, 1, 0, f"source references are out of date; {hint}", "warning")
    added = sorted(new - old, key=str)
    parts = [f"{len(added)} new message(s) such as {added[0][0]!r}"] if added else []
    parts += [f"{len(old - new)} removed"] if old - new else []
    return Diagnostic(POT, 1, 0, f"out of date: {', '.join(parts)}; {hint}")


def cmd_extract(root: Path) -> int:
    catalog = extract(root)
    data = po_bytes(catalog)
    target = root / POT
    if target.is_file() and VOLATILE.sub("", target.read_text(encoding="utf-8")) == VOLATILE.sub("", data.decode("utf-8")):
        print(f"{POT} is up to date ({len(catalog)} messages)")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    print(f"wrote {POT}: {len(catalog)} messages")
    return 0


def _translated(catalog: Catalog) -> dict:
    """Every translation a catalog holds (active or obsolete), to prove an update loses none."""
    items = list(catalog) + list(catalog.obsolete.values())
    return {(m.id if isinstance(m.id, str) else m.id[0], m.string if isinstance(m.string, str) else tuple(m.string)) for m in items if m.id and any(m.string)}


def update_language(root: Path, lang: str, template: Catalog, force: bool) -> tuple[bool, str]:
    path = catalog_path(root, lang)
    rel = path.relative_to(root).as_posix()
    parsed = parse_catalog(root, lang)
    if parsed is None:
        catalog = Catalog(locale=lang.replace("-", "_"), project="de:hub", version="website", msgid_bugs_address="", language_team=language_name(lang),
                          header_comment=f"# {language_name(lang)} UI strings of the de:hub website. See translations/README.md.\n#",
                          creation_date=template.creation_date, revision_date=template.creation_date, fuzzy=False)
    else:
        if not parsed.readable and not (force and parsed.catalog is not None):
            for line, message in parsed.problems or [(1, "cannot be read")]:
                print(f"{rel}:{line}: error: {message}", file=sys.stderr)
            return False, f"{rel}: not updated: fix the errors above, or pass --force to keep only what can be read"
        catalog = parsed.catalog
    before = _translated(catalog)
    for key, message in list(catalog.obsolete.items()):  # an old string is back: revive its translation
        if template.get(message.id, message.context) is not None:
            catalog[message.id] = catalog.obsolete.pop(key)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False, update_creation_date=True)
    lost = before - _translated(catalog)
    if lost and not force:
        return False, f"{rel}: not updated: {len(lost)} translation(s) such as {next(iter(sorted(lost, key=str)))[0]!r} would be lost; pass --force"
    data = po_bytes(catalog)
    if path.is_file() and path.read_bytes() == data:
        return True, f"{rel} is up to date"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
    untranslated = sum(1 for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string]))
    return True, f"{'created' if parsed is None else 'updated'} {rel}: {untranslated} untranslated, {fuzzy} fuzzy, {len(catalog.obsolete)} obsolete"


def cmd_update(root: Path, config: Config, force: bool) -> int:
    if (root / "babel.cfg").is_file():
        cmd_extract(root)
    if not (root / POT).is_file():
        print(f"{POT}: error: missing; run `python build.py i18n extract` first", file=sys.stderr)
        return 1
    with open(root / POT, "rb") as handle:
        template = read_po(handle)
    ok = True
    for lang in config.codes:
        if lang == MESSAGES_LANGUAGE:
            continue
        done, message = update_language(root, lang, template, force)
        ok &= done
        print(message, file=sys.stdout if done else sys.stderr)
    return 0 if ok else 1


def cmd_compile(root: Path, config: Config) -> int:
    from .cli import print_report

    report = Report()
    checked = lint_catalogs(root, config, report)
    return print_report(report, f"{checked} catalogs checked", "text")


STATES = {"UI strings": ("translated", "fuzzy", "missing"), "hub prose": ("present", "outdated", "missing"),
          "pages": ("present", "outdated", "missing"), "YAML fields": ("present", "missing")}


def _ui_items(root: Path, lang: str, template: Catalog) -> list[tuple[str, str, str]]:
    parsed = None if lang == MESSAGES_LANGUAGE else parse_catalog(root, lang)
    catalog = parsed.catalog if parsed else None
    items = []
    for message in template:
        if not message.id:
            continue
        found = catalog.get(message.id, message.context) if catalog is not None else None
        strings = (found.string if isinstance(found.string, tuple) else (found.string,)) if found else ("",)
        state = "translated" if lang == MESSAGES_LANGUAGE or (found and all(strings) and not found.fuzzy) else "fuzzy" if found and found.fuzzy and any(strings) else "missing"
        items.append(("UI strings", repr(message.id if isinstance(message.id, str) else message.id[0]), state))
    return items


def _prose_state(root: Path, german: Path, translated: Path, lang: str, source: str) -> str:
    from .load import read_prose
    from .model import source_hash

    if lang == source:
        return "present"
    if not translated.is_file():
        return "missing"
    original, version = read_prose(root, german, source, Report()), read_prose(root, translated, lang, Report())
    current = original is not None and version is not None and version.recorded_hash == source_hash(original.body)
    return "present" if current else "outdated"


def _yaml_fields(root: Path) -> list[tuple[str, object]]:
    from .yamlsafe import load_yaml, read_file

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
        items.append(("hub prose", f"{german.parent.relative_to(root).as_posix()}/{lang}.md", _prose_state(root, german, german.parent / f"{lang}.md", lang, source)))
    for german in sorted((root / "content" / source).glob("*.md")):
        if lang == source or german.stem not in config.source_only_pages:
            items.append(("pages", f"content/{lang}/{german.name}", _prose_state(root, german, root / "content" / lang / german.name, lang, source)))
    items += [("YAML fields", f"{where} ({lang})", "present" if isinstance(value, str) or lang in value else "missing") for where, value in fields]
    return items


def _cell(count: int, total: int, percent: bool) -> str:
    return f"{count} ({100 * count // total if total else 100}%)" if percent else str(count)


def status(root: Path, config: Config, fmt: str, strict: bool) -> int:
    if not (root / POT).is_file():
        print(f"{POT}: error: missing; run `python build.py i18n extract`", file=sys.stderr)
        return 1
    with open(root / POT, "rb") as handle:
        template = read_po(handle)
    fields = _yaml_fields(root)
    header = ["language"] + [f"{kind}: {state}" if i == 0 else state for kind, states in STATES.items() for i, state in enumerate(states)]
    rows, gaps, outdated = [], [], []
    for language in config.languages:
        items = language_items(root, config, language.code, template, fields)
        note = " (source)" if language.code == config.source_language else " (msgids)" if language.code == MESSAGES_LANGUAGE else ""
        row = [f"{language.code}{'*' if language.complete else ''}{note}"]
        for kind, states in STATES.items():
            total = sum(1 for item in items if item[0] == kind)
            row += [_cell(sum(1 for item in items if item[0] == kind and item[2] == state), total, kind == "UI strings" or i == 0) for i, state in enumerate(states)]
        rows.append(row)
        outdated += [f"{what}" for kind, what, state in items if state == "outdated"]
        if language.complete:
            for state in ("fuzzy", "missing"):
                ui = [what for kind, what, st in items if kind == "UI strings" and st == state]
                gaps += [f"{language.code}: {len(ui)} UI string(s) {state}, such as {ui[0]}"] if ui else []
            gaps += [f"{language.code}: {what} is {state}" for kind, what, state in items if kind != "UI strings" and state not in ("present", "translated")]
    md = fmt == "markdown"
    if md:
        lines = ["### Translation status", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)] + ["| " + " | ".join(r) + " |" for r in rows]
    else:
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        lines = ["  ".join(cell.ljust(width) for cell, width in zip(r, widths, strict=True)).rstrip() for r in [header, *rows]]
    lines += ["", f"{len(template)} UI strings in {POT}; * = complete: `i18n status --strict` fails when it lacks anything or has anything outdated;",
              f"{MESSAGES_LANGUAGE} needs no catalog (the msgids are {language_name(MESSAGES_LANGUAGE)})."]
    bullet = "- " if md else "  "
    if outdated:
        lines += ["", "Outdated translations (the German text changed; update them, then run `python build.py i18n mark-current PATH`):"]
        lines += [bullet + path for path in outdated]
    if gaps:
        lines += ["", "Gaps in complete languages:"] + [bullet + gap for gap in gaps]
    print("\n".join(lines))
    return 1 if strict and gaps else 0


def _hash_line(value: str) -> str:
    import yaml

    return f"source_hash: {value}" if yaml.safe_load(f"x: {value}")["x"] == value else f'source_hash: "{value}"'


def mark_current(root: Path, config: Config, paths: list[str]) -> int:
    """Record the German source's current hash in each translated file's front matter."""
    from .load import PROSE_RE, read_prose
    from .model import source_hash
    from .yamlsafe import FRONT_MATTER

    source, failed = config.source_language, 0
    if not paths:
        print("error: name the translated files, e.g. `i18n mark-current hubs/berlin/en.md`", file=sys.stderr)
        return 2
    for given in paths:
        path = Path(given) if Path(given).is_absolute() or Path(given).exists() else root / given
        try:
            rel = path.resolve().relative_to(root.resolve())
        except ValueError:
            rel = None
        parts = rel.parts if rel is not None else ()
        german = None
        if len(parts) == 3 and parts[0] == "hubs" and PROSE_RE.match(parts[2]):
            lang, german = parts[2][:-3], root / "hubs" / parts[1] / f"{source}.md"
        elif len(parts) == 3 and parts[0] == "content" and parts[2].endswith(".md") and parts[1] != "events":
            lang, german = parts[1], root / "content" / source / parts[2]
        if rel is None:
            problem = "is outside the repository"
        elif german is None:
            problem = "is not translated prose; expected hubs/<slug>/<lang>.md or content/<lang>/<page>.md"
        elif lang == source:
            problem = "is the German source itself; mark its translations instead (e.g. the en.md next to it)"
        elif path.is_symlink() or not path.is_file():
            problem = "does not exist (or is not a regular file)"
        elif not german.is_file():
            problem = f"has no German source {german.relative_to(root).as_posix()} to translate from"
        else:
            problem = None
        shown = rel.as_posix() if rel is not None else given
        report = Report()
        original = read_prose(root, german, source, report) if problem is None else None
        if problem is None and original is None:
            problem = f"the German source cannot be read: {report.lines()[0] if report.lines() else 'unknown error'}"
        if problem:
            print(f"{shown}: error: {problem}", file=sys.stderr)
            failed += 1
            continue
        value = source_hash(original.body)
        raw = path.read_bytes().decode("utf-8")
        match = FRONT_MATTER.match(raw)
        if match is None and raw.startswith("---\n"):
            print(f"{shown}:1: error: front matter starts with '---' but has no closing '---' line", file=sys.stderr)
            failed += 1
            continue
        if match is None:
            text = f"---\n{_hash_line(value)}\n---\n" + raw
        else:
            block_start, block = 4, match.group(1) or ""
            existing = re.search(r"^source_hash[ \t]*:.*$", block, re.M)
            if existing:
                block = block[: existing.start()] + _hash_line(value) + block[existing.end():]
            else:
                block += _hash_line(value) + "\n"
            text = raw[:block_start] + block + raw[block_start + len(match.group(1) or ""):]
        if text == raw:
            print(f"{shown}: already current ({value})")
            continue
        path.write_bytes(text.encode("utf-8"))
        print(f"{shown}: source_hash {value}")
    return 1 if failed else 0


def run_i18n(root: Path, args) -> int:
    config = load_config(root)
    action = args.action
    if args.paths and action != "mark-current":
        print(f"error: `i18n {action}` takes no paths", file=sys.stderr)
        return 2
    if action == "extract":
        return cmd_extract(root)
    if action == "update":
        return cmd_update(root, config, args.force)
    if action == "compile":
        return cmd_compile(root, config)
    if action == "status":
        return status(root, config, args.format, args.strict)
    return mark_current(root, config, args.paths)
