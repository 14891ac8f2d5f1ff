"""`i18n mark-current`: recording that a translated text is current, as the hash of its German
source in the front matter (`source_hash:`); everything else in the file stays byte for byte."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from ..config import Config
from ..diagnostics import Report
from ..load.files import PROSE_RE, read_prose
from ..load.safe_yaml import FRONT_MATTER
from ..model import source_hash


def _hash_line(value: str) -> str:
    import yaml

    return f"source_hash: {value}" if yaml.safe_load(f"x: {value}")["x"] == value else f'source_hash: "{value}"'


def german_of(root: Path, given: str, source: str) -> tuple[str, Path, Path | None, str | None]:
    """The shown path, the translated file, its German source, and what is wrong with it."""
    path = Path(given) if Path(given).is_absolute() or Path(given).exists() else root / given
    try:
        parts = path.resolve().relative_to(root.resolve()).parts
    except ValueError:
        return given, path, None, "is outside the repository"
    shown, german, lang = "/".join(parts), None, None
    if len(parts) == 3 and parts[0] == "hubs" and PROSE_RE.match(parts[2]):
        lang, german = parts[2][:-3], root / "hubs" / parts[1] / f"{source}.md"
    elif (
        parts[:1] == ("content",)
        and parts[1:2] != ("events",)
        and (len(parts) == 3 or (len(parts) == 4 and parts[2] == "news"))
        and parts[-1].endswith(".md")
    ):
        lang, german = parts[1], root / "content" / source / "/".join(parts[2:])
    if german is None:
        return (
            shown,
            path,
            None,
            "is not translated prose; expected hubs/<slug>/<lang>.md, content/<lang>/<page>.md or content/<lang>/news/<post>.md",
        )
    if lang == source:
        return shown, path, None, "is the German source itself; mark its translations instead (e.g. the en.md next to it)"
    if path.is_symlink() or not path.is_file():
        return shown, path, None, "does not exist (or is not a regular file)"
    if not german.is_file():
        return shown, path, None, f"has no German source {german.relative_to(root).as_posix()} to translate from"
    return shown, path, german, None


def with_hash(raw: str, value: str) -> str | None:
    """The file with `source_hash: value` in its front matter, all else byte for byte; None if broken."""
    match = FRONT_MATTER.match(raw)
    if match is None:
        return None if raw.startswith("---\n") else f"---\n{_hash_line(value)}\n---\n" + raw
    block = match.group(1) or ""
    existing = re.search(r"^source_hash[ \t]*:.*$", block, re.M)
    updated = block[: existing.start()] + _hash_line(value) + block[existing.end() :] if existing else block + _hash_line(value) + "\n"
    return raw[:4] + updated + raw[4 + len(block) :]


def mark_current(root: Path, config: Config, paths: list[str]) -> int:
    """Record the German source's current hash in each translated file's front matter."""
    if not paths:
        print("error: name the translated files, e.g. `i18n mark-current hubs/berlin/en.md`", file=sys.stderr)
        return 2
    failed = 0
    for given in paths:
        shown, path, german, problem = german_of(root, given, config.source_language)
        report = Report()
        original = read_prose(root, german, config.source_language, report) if german else None
        try:
            raw = path.read_bytes().decode("utf-8") if original else ""
        except UnicodeDecodeError:
            raw, problem = "", "is not UTF-8 text"
        text = with_hash(raw, source_hash(original.body, original.meta)) if original and not problem else None
        if german and original is None:
            problem = "its German source has errors: " + "; ".join(report.lines())
        elif text is None and not problem:
            problem = "front matter starts with '---' but has no closing '---' line"
        if problem:
            print(f"{shown}: error: {problem}", file=sys.stderr)
            failed += 1
        elif text == raw:
            print(f"{shown}: already current ({source_hash(original.body, original.meta)})")
        else:
            path.write_bytes(text.encode("utf-8"))
            print(f"{shown}: source_hash {source_hash(original.body, original.meta)}")
    return 1 if failed else 0
