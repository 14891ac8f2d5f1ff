"""`python build.py i18n extract|update|compile|status|mark-current`: the translator workflow.

UI msgids are English, so `en` needs no catalog (MESSAGES_LANGUAGE counts as 100 %);
every other configured language, German included, has translations/<lang>/LC_MESSAGES/messages.po.
`status` and `mark-current` live in commands/status.py.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from ..config import Config, load_config
from ..diagnostics import Report, print_report, shorten
from ..load.po import parse_catalog
from ..localize.catalogs import MESSAGES_LANGUAGE, POT, catalog_path, language_name
from ..localize.plurals import migrate_plural_rule
from ..localize.pot import ExtractError, extract, message_keys, po_bytes, pot_changes
from ..validate.catalogs import lint_catalogs

VOLATILE = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date|Generated-By): .*\n', re.M)


def source_errors(root: Path, config: Config) -> Report:
    """The errors of the .pot's sources: every hub (its cities are msgids), mkdocs.yml (the palette
    labels) and the code and templates Babel reads. Extracting from a broken source would drop its
    strings from the .pot, so `extract` writes nothing while there is one."""
    from ..load.files import read_hubs
    from ..validate.hubs import build_hub

    report = Report()
    for source in read_hubs(root, report):
        build_hub(source, config, report)
    return report


def cmd_extract(root: Path, config: Config, check_only: bool = False) -> int:
    report = source_errors(root, config)
    catalog = None
    if report.ok:
        try:
            catalog = extract(root)
        except ExtractError as exc:
            report.error(
                exc.path, exc.line, 0, f"cannot extract UI strings: {shorten(exc.message, 160)}; fix the syntax, then extract again"
            )
    if catalog is None:
        return print_report(report, f"{POT} not written", "text")
    data = po_bytes(catalog)
    target = root / POT
    current = target.read_bytes() if target.is_file() else b""
    if check_only:
        changes = pot_changes(message_keys(data), message_keys(current) if current else set())
        if changes is not None:
            print(
                f"{POT}:1: error: out of date: {changes}; run `python build.py i18n extract` (then `i18n update`) and commit the result",
                file=sys.stderr,
            )
            return 1
        print(f"{POT} holds every message ({len(catalog)} messages)")
        return 0
    if current and VOLATILE.sub("", current.decode("utf-8", errors="replace")) == VOLATILE.sub("", data.decode("utf-8")):
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
    if (root / "babel.cfg").is_file() and cmd_extract(root, config) != 0:
        return 1
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
    report = Report()
    checked = lint_catalogs(root, config, report)
    return print_report(report, f"{checked} catalogs checked", "text")


def run_i18n(root: Path, args) -> int:
    config = load_config(root)
    action = args.action
    if action == "diff":
        if len(args.paths) != 1:
            print("error: `i18n diff` takes one translated file, e.g. hubs/berlin/en.md", file=sys.stderr)
            return 2
        from .i18n_diff import i18n_diff

        return i18n_diff(root, config, args.paths[0])
    if args.paths and action != "mark-current":
        print(f"error: `i18n {action}` takes no paths", file=sys.stderr)
        return 2
    if action == "extract":
        return cmd_extract(root, config, getattr(args, "check", False))
    if action == "update":
        return cmd_update(root, config, args.force)
    if action == "compile":
        return cmd_compile(root, config)
    from .mark_current import mark_current
    from .status import status

    if action == "status":
        return status(root, config, args.format, args.strict)
    return mark_current(root, config, args.paths)
