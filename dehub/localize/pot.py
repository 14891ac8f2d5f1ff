"""The message template translations/messages.pot: extracted from the code and templates that
babel.cfg maps and from the hubs' city names, and whether the committed one holds the code's
messages (`check` fails when it does not; the cities are the deploy workflow's to extract)."""

from __future__ import annotations

import hashlib
import io
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import clean_cache
from ..config import epoch_from_env
from ..diagnostics import Diagnostic, shorten
from .babel_cfg import extracted_patterns
from .catalogs import POT
from .places import CITY, place_messages

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

# Babel's extraction and .po reading are imported where they are used: unchanged code (a
# verdict in dehub/cache.py) needs none of them.

FIXED_EPOCH = 1735689600  # 2025-01-01T00:00Z, the POT date when SOURCE_DATE_EPOCH is unset
HEADER = """\
# de:hub (Digital Hub Initiative): UI strings of the website; msgids: English.
# Made by `python build.py i18n extract`; do not edit. Translators: see
# translations/README.md.
#"""


def palette_names(mkdocs: dict) -> list[str]:
    """The light/dark toggle labels of mkdocs.yml's theme.palette (msgids: the engine translates them)."""
    palette = (mkdocs.get("theme") or {}).get("palette") or []
    options = palette if isinstance(palette, list) else [palette]
    return [
        str(o["toggle"]["name"]) for o in options if isinstance(o, dict) and isinstance(o.get("toggle"), dict) and o["toggle"].get("name")
    ]


def config_messages(root: Path) -> list[tuple[str, int]]:
    """(msgid, line) of the UI strings in mkdocs.yml: the palette toggle labels."""
    import yaml

    path = root / "mkdocs.yml"
    if not path.is_file():
        return []
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    found = []
    for name in palette_names(yaml.safe_load(text) or {}):
        line = next((n for n, row in enumerate(lines, 1) if row.strip() in (f"name: {name}", f'name: "{name}"')), 1)
        found.append((name, line))
    return found


def _epoch() -> datetime:
    epoch = epoch_from_env()
    return datetime.fromtimestamp(FIXED_EPOCH if epoch is None else epoch, UTC)


def _mapping(root: Path) -> tuple[list, dict]:
    from babel.messages.frontend import parse_mapping_cfg

    with open(root / "babel.cfg", encoding="utf-8") as handle:
        return parse_mapping_cfg(handle, "babel.cfg")


def code_digest(root: Path) -> str:
    """A fingerprint of the code and templates babel.cfg maps and of mkdocs.yml: only a key for
    `check`'s memory (dehub/cache.py) of a .pot found current, never the .pot's own freshness."""
    from babel.util import pathmatch

    patterns = extracted_patterns(root)
    digest = hashlib.sha256()
    for top in sorted({pattern.split("/")[0] for pattern in patterns}):
        for file in sorted((root / top).rglob("*")):
            rel = file.relative_to(root).as_posix()
            if file.is_file() and "__" not in rel and any(pathmatch(pattern, rel) for pattern in patterns):
                digest.update(rel.encode() + b"\0" + file.read_bytes() + b"\0")
    if (root / "mkdocs.yml").is_file():  # the palette labels
        digest.update(b"mkdocs.yml\0" + (root / "mkdocs.yml").read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class ExtractError(Exception):
    """A source Babel can't read: its file (relative to the repo), line and Babel's words."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(message)
        self.path, self.line, self.message = path, line, message


def _error_line(exc: Exception) -> int:
    """The line a template's or module's syntax error names (Jinja: .lineno; tokenize: args[1][0])."""
    line = getattr(exc, "lineno", None)
    if isinstance(line, int):
        return line
    args = exc.args[1] if len(exc.args) > 1 else None
    return args[0] if isinstance(args, tuple) and args and isinstance(args[0], int) else 1


def extract(root: Path, places: bool = True) -> Catalog:
    """Every UI string in the code and templates babel.cfg maps, with file:line references, and
    (`places`) the cities of every hub.yml. Raises what Babel raises on a source it can't read."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

    method_map, options_map = _mapping(root)
    tops = {pattern.split("/")[0] for pattern, _method in method_map}

    def wanted(path: str) -> bool:
        parts = Path(os.path.relpath(path, root)).parts
        return parts[0] in tops and not any(part.startswith((".", "__")) for part in parts)

    catalog = Catalog(
        project="de:hub",
        version="website",
        msgid_bugs_address="",
        header_comment=HEADER,
        creation_date=_epoch(),
        revision_date=_epoch(),
        fuzzy=False,
    )
    current = ["babel.cfg"]
    found = extract_from_dir(
        str(root),
        method_map,
        options_map,
        keywords={},
        comment_tags=("Translators:",),
        callback=lambda filename, _method, _options: current.__setitem__(0, filename),
        strip_comment_tags=True,
        directory_filter=wanted,
    )
    try:
        for filename, lineno, message, comments, context in found:
            catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    except Exception as exc:  # noqa: BLE001 - Babel's extractors raise what their parsers raise
        raise ExtractError(current[0], _error_line(exc), str(exc)) from None
    for name, lineno in config_messages(root):
        catalog.add(name, None, [("mkdocs.yml", lineno)], auto_comments=["Translators: the label of the light/dark mode switch."])
    for context, name, filename, lineno, comments in place_messages(root, cities=places):  # msgids: the official German names
        existing = catalog.get(name, context)
        if existing is not None:
            existing.locations.append((filename, lineno))
        else:
            catalog.add(name, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=76, sort_by_file=True, include_previous=False, ignore_obsolete=False)
    return buffer.getvalue()


Key = tuple[str, str, str | None]  # msgid, msgid_plural, msgctxt: what a translator translates


def message_keys(data: bytes) -> set[Key]:
    """The messages of a .pot, without references or comments (those move with every edit)."""
    from babel.messages.pofile import read_po

    keys = set()
    for message in read_po(io.BytesIO(data)):
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id, "")
            keys.add((str(ids[0]), str(ids[1]) if len(ids) > 1 else "", message.context))
    return keys


def catalog_keys(catalog: Catalog) -> set[Key]:
    return message_keys(po_bytes(catalog))


def pot_changes(fresh: set[Key], committed: set[Key]) -> str | None:
    """'1 new message(s) such as 'X', 2 removed', or None when the two hold the same messages."""
    if fresh == committed:
        return None
    added = sorted(fresh - committed, key=str)
    parts = [f"{len(added)} new message(s) such as {added[0][0]!r}"] if added else []
    parts += [f"{len(committed - fresh)} removed"] if committed - fresh else []
    return ", ".join(parts)


HINT = "run `python build.py i18n extract` (then `i18n update`) and commit the result"


def stale_pot(root: Path) -> Diagnostic | None:
    """An error when translations/messages.pot lacks or keeps a message of the code, the templates
    or mkdocs.yml; None when it holds the same messages, or the repository has no babel.cfg (a
    fixture repo without code).

    What is compared is the set of messages (msgid, plural, context), never references or
    comments, so moving or commenting code needs no extract. The hubs' city names are left out:
    a hub team's pull request can't and needn't update the .pot; the deploy workflow extracts
    them after the merge (`i18n extract --check`, translations/README.md)."""
    if not (root / "babel.cfg").is_file():
        return None
    try:
        pot = (root / POT).read_bytes()
    except OSError as exc:
        return Diagnostic(POT, 1, 0, f"cannot be read ({exc.strerror or exc.__class__.__name__}); {HINT}")
    digest = code_digest(root).encode()
    if clean_cache().is_clean("pot-messages", digest, pot):
        return None  # `check` found this .pot current for this very code before
    try:
        committed = {key for key in message_keys(pot) if key[2] != CITY}
    except (ValueError, UnicodeDecodeError) as exc:
        return Diagnostic(POT, 1, 0, f"cannot be read ({exc.__class__.__name__}); {HINT}")
    try:
        fresh = catalog_keys(extract(root, places=False))
    except ExtractError as exc:
        return Diagnostic(exc.path, exc.line, 0, f"cannot extract UI strings: {shorten(exc.message, 120)}; fix the syntax")
    changes = pot_changes(fresh, committed)
    if changes is None:
        clean_cache().remember_clean("pot-messages", digest, pot)
        return None
    return Diagnostic(POT, 1, 0, f"out of date: {changes}; {HINT}")
