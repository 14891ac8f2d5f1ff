"""Focus icons (dehub/render/icons.py, theme/assets/focus-icons.svg, issue 27): one drawing per
focus key, inlined into the pages that show them, no request and nothing from elsewhere."""

from __future__ import annotations

import re

from dehub.localize.focus import FOCUS_KEYS
from dehub.render import icons
from tests.render.test_pages import pages_of, shipped  # noqa: F401 - the fixture


def test_every_focus_key_has_its_own_drawing() -> None:
    drawn = icons.symbols()
    assert set(FOCUS_KEYS) <= set(drawn), set(FOCUS_KEYS) - set(drawn)
    assert len({body for body in drawn.values()}) == len(drawn), "two keys share a drawing"
    text = icons.ICONS.read_text(encoding="utf-8")
    assert not re.search(r"(?i)<script|href=|url\(|<image|<foreignObject", text)


def test_an_unknown_key_gets_the_generic_icon() -> None:
    assert icons.icon_id("quantum") == "dehub-fi-generic"
    assert 'id="dehub-fi-generic"' in icons.sprite(["quantum"])


def test_each_icon_a_page_uses_is_in_that_page(shipped) -> None:  # noqa: F811
    for key, page in pages_of(shipped, "ja").items():
        used = set(re.findall(r'<use href="#([\w-]+)"', page.html or ""))
        defined = set(re.findall(r'<symbol id="([\w-]+)"', page.html or ""))
        assert used <= defined, (key, used - defined)
    home = pages_of(shipped, "de")["index"].html
    assert home.count('class="dehub-focus-tile"') == 14 and home.count("<symbol ") == 14
