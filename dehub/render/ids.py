"""Element ids that prose may set (attribute lists, raw HTML, generated heading ids).

Threat: DOM clobbering. An element whose id equals one the theme reads (`__config`, `__search`,
`__drawer`, `__palette_0`, `__nav_1`, ...) or one of our own templates' ids comes before the
theme's element in the document and takes over its script configuration on page load, with no
click needed; two equal ids are invalid HTML and break in-page links. A prose id is therefore
letters and digits (any script) in hyphen-separated runs, at most MAX_ID characters: no `_`,
so none of the theme's `__*` ids; never one of RESERVED (our templates' ids) or a
RESERVED_PREFIXES id; unique in its page. `check` refuses explicit ids that break the rule
(validate/ids.py); the sanitiser normalises every id that reaches a page, generated ones too.
"""

from __future__ import annotations

import re
import unicodedata

USER_ID = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
MAX_ID = 64
# Every literal id in dehub/render/templates and theme/ (tests/render/test_ids.py keeps it complete).
RESERVED = frozenset(
    {
        "about-events",
        "accessible",
        "audiences",
        "embed",
        "events",
        "files",
        "hubs",
        "license",
        "locator",
        "overview",
        "past",
        "upcoming",
    }
)
RESERVED_PREFIXES = ("dehub-", "md-")


def id_problem(value: str) -> str | None:
    """Why `value` may not be a prose id, or None when it may."""
    if len(value) > MAX_ID:
        return f"is longer than {MAX_ID} characters"
    if not USER_ID.fullmatch(value) or value != value.lower():
        return "may only hold lowercase letters, digits and single hyphens (no '_', spaces or punctuation)"
    if value in RESERVED or value.startswith(RESERVED_PREFIXES):
        return "is one of the page's own ids; choose another"
    return None


def normalise(value: str) -> str:
    """The nearest allowed id (not yet unique): lowercase, other characters become hyphens."""
    text = unicodedata.normalize("NFKC", value).lower()
    text = "-".join(part for part in re.split(r"[\W_]+", text) if part)[:MAX_ID].strip("-") or "section"
    if text in RESERVED or text.startswith(RESERVED_PREFIXES):
        text = f"section-{text}"[:MAX_ID].strip("-")
    return text


class IdGate:
    """Hands out the ids of one page: normalised, never reserved, never twice."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, value: str) -> str:
        base = normalise(value)
        candidate, number = base, 1
        while candidate in self.used:
            number += 1
            candidate = f"{base[: MAX_ID - 8]}-{number}"
        self.used.add(candidate)
        return candidate
