"""The message template translations/messages.pot: extracted from the code and templates that
babel.cfg maps, and whether the committed one is current (`check` fails when it is not)."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..cache import clean_cache
from ..config import epoch_from_env
from ..diagnostics import Diagnostic
from .babel_cfg import extracted_patterns
from .catalogs import POT
from .places import place_files, place_messages

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog

# Babel's extraction and .po reading are imported where they are used: an unchanged set of
# sources (the digest in the .pot, or a verdict in dehub/cache.py) needs none of them.

FIXED_EPOCH = 1735689600  # 2025-01-01T00:00Z, the POT date when SOURCE_DATE_EPOCH is unset
HEADER = """\
# de:hub (Digital Hub Initiative): UI strings of the website; msgids: English.
# Made by `python build.py i18n extract`; do not edit. Translators: see
# translations/README.md.
#"""
SOURCES = re.compile(r"^# Sources: ([0-9a-f]+)$", re.M)


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


def sources_digest(root: Path) -> str:
    """A fingerprint of every file babel.cfg maps: unchanged sources mean an unchanged .pot."""
    from babel.util import pathmatch

    patterns = extracted_patterns(root)
    digest = hashlib.sha256()
    for top in sorted({pattern.split("/")[0] for pattern in patterns}):
        for file in sorted((root / top).rglob("*")):
            rel = file.relative_to(root).as_posix()
            if file.is_file() and "__" not in rel and any(pathmatch(pattern, rel) for pattern in patterns):
                digest.update(rel.encode() + b"\0" + file.read_bytes() + b"\0")
    for file in [*place_files(root), root / "mkdocs.yml"]:  # city names (hub.yml), palette labels (mkdocs.yml)
        if not file.is_file():
            continue
        digest.update(file.relative_to(root).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def extract(root: Path) -> Catalog:
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_dir

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
    for name, lineno in config_messages(root):
        catalog.add(name, None, [("mkdocs.yml", lineno)], auto_comments=["Translators: the label of the light/dark mode switch."])
    for context, name, filename, lineno, comments in place_messages(root):  # msgids: the official German names
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


def _comparable(data: bytes) -> list[tuple]:
    from babel.messages.pofile import read_po

    catalog = read_po(io.BytesIO(data))
    return [(m.id, m.context, tuple(m.locations), tuple(sorted(m.flags)), tuple(m.auto_comments)) for m in catalog if m.id]


def stale_pot(root: Path) -> Diagnostic | None:
    """An error when translations/messages.pot lacks or keeps messages the code has or dropped
    (a warning when only file:line references moved); None when it is current or the
    repository has no babel.cfg (a fixture repo without code)."""
    if not (root / "babel.cfg").is_file():
        return None
    digest = sources_digest(root)
    with contextlib.suppress(OSError):
        pot = (root / POT).read_bytes()
        recorded = SOURCES.search(pot[:2000].decode("utf-8", errors="replace"))
        if recorded and recorded.group(1) == digest:
            return None  # fast path: nothing babel.cfg maps has changed since the last extract
        if clean_cache().is_clean("pot", digest.encode(), pot):
            return None  # `check` found this .pot current for these very sources before
    fresh = _comparable(po_bytes(extract(root)))
    hint = "run `python build.py i18n extract` (then `i18n update`) and commit the result"
    try:
        committed = _comparable((root / POT).read_bytes())
    except (OSError, ValueError) as exc:
        return Diagnostic(POT, 1, 0, f"cannot be read ({exc.__class__.__name__}); {hint}")
    if fresh == committed:
        clean_cache().remember_clean("pot", digest.encode(), (root / POT).read_bytes())
        return None
    new, old = {m[:2] for m in fresh}, {m[:2] for m in committed}
    if new == old:
        return Diagnostic(POT, 1, 0, f"source references are out of date; {hint}", "warning")
    added = sorted(new - old, key=str)
    parts = [f"{len(added)} new message(s) such as {added[0][0]!r}"] if added else []
    parts += [f"{len(old - new)} removed"] if old - new else []
    return Diagnostic(POT, 1, 0, f"out of date: {', '.join(parts)}; {hint}")
