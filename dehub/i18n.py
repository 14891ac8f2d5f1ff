"""`python build.py i18n extract|update|compile|status|mark-current`: the translator workflow.

UI msgids are English, so `en` needs no catalog (MESSAGES_LANGUAGE counts as 100 %);
every other configured language, German included, has translations/<lang>/LC_MESSAGES/messages.po.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

from .catalogs import catalog_path, expected_plural_forms, language_name, lint_catalogs, parse_catalog
from .config import Config, load_config
from .diagnostics import Diagnostic, Report
from .plurals import FormMap, PluralRuleError, first_difference, parse_rule

POT = "translations/messages.pot"
MESSAGES_LANGUAGE = "en"  # the language of the msgids: needs no catalog
FIXED_EPOCH = 1735689600  # 2025-01-01T00:00Z, the POT date when SOURCE_DATE_EPOCH is unset
HEADER = """\
# de:hub (Digital Hub Initiative): UI strings of the website; msgids: English.
# Made by `python build.py i18n extract`; do not edit. Translators: see
# translations/README.md.
#"""
SOURCES = re.compile(r"^# Sources: ([0-9a-f]+)$", re.M)
VOLATILE = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date|Generated-By): .*\n', re.M)


def _epoch() -> datetime:
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    return datetime.fromtimestamp(int(value) if value.isdigit() else FIXED_EPOCH, UTC)


def _mapping(root: Path) -> tuple[list, dict]:
    with open(root / "babel.cfg", encoding="utf-8") as handle:
        return parse_mapping_cfg(handle, "babel.cfg")


def sources_digest(root: Path) -> str:
    """A fingerprint of every file babel.cfg maps: unchanged sources mean an unchanged .pot."""
    from babel.util import pathmatch

    method_map, _options = _mapping(root)
    patterns = [pattern for pattern, method in method_map if method != "ignore"]
    digest = hashlib.sha256()
    for top in sorted({pattern.split("/")[0] for pattern in patterns}):
        for file in sorted((root / top).rglob("*")):
            rel = file.relative_to(root).as_posix()
            if file.is_file() and "__" not in rel and any(pathmatch(pattern, rel) for pattern in patterns):
                digest.update(rel.encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def extract(root: Path) -> Catalog:
    """Every UI string in the code and templates babel.cfg maps, with file:line references."""
    method_map, options_map = _mapping(root)
    tops = {pattern.split("/")[0] for pattern, _method in method_map}

    def wanted(path: str) -> bool:
        parts = Path(os.path.relpath(path, root)).parts
        return parts[0] in tops and not any(part.startswith((".", "__")) for part in parts)

    header = f"{HEADER}\n# Sources: {sources_digest(root)}\n#"
    catalog = Catalog(
        project="de:hub",
        version="website",
        msgid_bugs_address="",
        header_comment=header,
        creation_date=_epoch(),
        revision_date=_epoch(),
        fuzzy=False,
    )
    found = extract_from_dir(
        str(root), method_map, options_map, keywords={}, comment_tags=("Translators:",), strip_comment_tags=True, directory_filter=wanted
    )
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
    with contextlib.suppress(OSError):
        recorded = SOURCES.search((root / POT).read_text(encoding="utf-8", errors="replace")[:2000])
        if recorded and recorded.group(1) == sources_digest(root):
            return None  # fast path: nothing babel.cfg maps has changed since the last extract
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
    return {text for m in items if m.id for text in ([m.string] if isinstance(m.string, str) else m.string) if text}


def migrate_plural_rule(catalog: Catalog, lang: str) -> int | None:
    """Bring a catalog written for an older plural rule to CLDR's current one.

    Each plural entry's forms are remapped by what the old and the new rule pick for the same
    numbers (Babel 2.19 gave French and Spanish a "many" form and swapped Arabic's 4 and 5).
    Returns None when the rule is current, else how many entries became fuzzy because a new
    form had no single old counterpart.
    """
    expected = expected_plural_forms(lang)
    new = parse_rule(expected)
    try:
        old = parse_rule(catalog.plural_forms)
    except PluralRuleError:
        old = None
    if old is not None and first_difference(old, new) is None:
        return None
    mapping = remap(old, new)
    catalog.mime_headers = [(name, expected if name.lower() == "plural-forms" else value) for name, value in catalog.mime_headers]
    fuzzy = 0
    for message in [*catalog, *catalog.obsolete.values()]:
        if message.id and message.pluralizable and isinstance(message.string, tuple):
            message.string, guessed = mapping.apply(message.string)
            if guessed and not message.fuzzy:
                message.flags.add("fuzzy")
                fuzzy += 1
    return fuzzy


def remap(old, new) -> FormMap:
    """The form map between two rules; an unreadable old rule keeps forms by position, all guessed."""
    from .plurals import remap_forms

    if old is None:
        return FormMap(tuple(range(new.nplurals)), (True,) * new.nplurals)
    return remap_forms(old, new)


def update_language(root: Path, lang: str, template: Catalog, force: bool) -> tuple[bool, str]:
    path = catalog_path(root, lang)
    rel = path.relative_to(root).as_posix()
    parsed = parse_catalog(root, lang)
    if parsed is None:
        catalog = Catalog(
            locale=lang.replace("-", "_"),
            project="de:hub",
            version="website",
            msgid_bugs_address="",
            language_team=language_name(lang),
            header_comment=f"# {language_name(lang)} UI strings of the de:hub website. See translations/README.md.\n#",
            creation_date=template.creation_date,
            revision_date=template.creation_date,
            fuzzy=False,
        )
    else:
        if not parsed.readable and not (force and parsed.catalog is not None):
            for line, message in parsed.problems or [(1, "cannot be read")]:
                print(f"{rel}:{line}: error: {message}", file=sys.stderr)
            return False, f"{rel}: not updated: fix the errors above, or pass --force to keep only what can be read"
        catalog = parsed.catalog
    before = _translated(catalog)
    migrated = migrate_plural_rule(catalog, lang) if parsed is not None else None
    for key, message in list(catalog.obsolete.items()):  # an old string is back: revive its translation
        if template.get(message.id, message.context) is not None:
            catalog[message.id] = catalog.obsolete.pop(key)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False, update_creation_date=True)
    lost = before - _translated(catalog)
    if lost and not force:
        return False, f"{rel}: not updated: {len(lost)} translation(s) such as {sorted(lost)[0]!r} would be lost; pass --force"
    data = po_bytes(catalog)
    if path.is_file() and path.read_bytes() == data:
        return True, f"{rel} is up to date"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    fuzzy = sum(1 for m in catalog if m.id and m.fuzzy)
    untranslated = sum(1 for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string]))
    rule = "" if migrated is None else f" (plural rule migrated to {catalog.plural_forms!r}; {migrated} entries to review)"
    return (
        True,
        f"{'created' if parsed is None else 'updated'} {rel}: {untranslated} untranslated, {fuzzy} fuzzy, {len(catalog.obsolete)} obsolete{rule}",
    )


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
    from .i18n_status import mark_current, status

    if action == "status":
        return status(root, config, args.format, args.strict)
    return mark_current(root, config, args.paths)
