"""The focus icons (theme/assets/focus-icons.svg), inlined once per page as <symbol>s.

Each focus key has one symbol, drawn for the site; a page refers to them with
`<use href="#dehub-fi-<key>">`, so the icons need no request and work in the offline preview.
A key the drawing has no symbol for (a new focus) shows the "generic" one.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup

from .. import PACKAGE_DIR

ICONS = PACKAGE_DIR.parent / "theme" / "assets" / "focus-icons.svg"
SYMBOL = re.compile(r'<symbol id="([a-z0-9-]+)" viewBox="([0-9 ]+)">(.*?)</symbol>', re.S)


@lru_cache(maxsize=1)
def symbols() -> dict[str, tuple[str, str]]:
    """Symbol id -> (viewBox, inner SVG) of the committed drawing."""
    return {name: (box, body) for name, box, body in SYMBOL.findall(ICONS.read_text(encoding="utf-8"))}


def icon_id(key: str) -> str:
    return f"dehub-fi-{key}" if key in symbols() else "dehub-fi-generic"


SPRITE_SLOT = Markup("<!--dehub-focus-sprite-->")
USE = re.compile(r'<use href="#dehub-fi-([a-z0-9-]+)"')


def fill_sprite(html: str) -> str:
    """`html` with its sprite slot replaced by the symbols of exactly the icons it uses."""
    return html.replace(SPRITE_SLOT, str(sprite(USE.findall(html))), 1)


def sprite(keys: list[str]) -> Markup:
    """A hidden <svg> with the symbols of `keys` (and "generic" if one of them has none)."""
    drawn = symbols()
    names = sorted({key if key in drawn else "generic" for key in keys})
    parts = [f'<symbol id="dehub-fi-{name}" viewBox="{drawn[name][0]}">{drawn[name][1]}</symbol>' for name in names if name in drawn]
    return Markup(  # noqa: S704 - the committed drawing of the theme, not input
        '<svg class="dehub-sprite" aria-hidden="true" focusable="false" width="0" height="0">' + "".join(parts) + "</svg>"
    )
