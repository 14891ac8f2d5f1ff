"""babel.cfg, read without Babel: which files `i18n extract` takes its messages from.

Light on purpose: `check` fingerprints these files before it imports anything else.
"""

from __future__ import annotations

import configparser
from pathlib import Path


def extracted_patterns(root: Path) -> list[str]:
    """babel.cfg's extracted patterns, read as Babel reads the file's `[method: pattern]` sections
    (without importing babel.messages.frontend, which `check`'s fast path doesn't need)."""
    parser = configparser.RawConfigParser()
    parser.read(root / "babel.cfg", encoding="utf-8")
    sections = [section.split(":", 1) for section in parser.sections() if section != "extractors" and ":" in section]
    return [pattern.strip() for method, pattern in sections if method.strip() != "ignore"]


def source_tops(root: Path) -> list[str]:
    """The top-level folders babel.cfg extracts from (dehub, theme, ...)."""
    return sorted({pattern.split("/")[0] for pattern in extracted_patterns(root)}) if (root / "babel.cfg").is_file() else []
