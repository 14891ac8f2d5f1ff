"""Issue 17: lists joined by CLDR's patterns (Babel), also when the items are links."""

from __future__ import annotations

from markupsafe import Markup

from dehub.config import load_config
from dehub.localize.localizer import localizer
from tests.conftest import ROOT


def loc(lang: str):
    return localizer(ROOT, lang, load_config(ROOT).fallback_chain(lang))


def test_lists_follow_cldr_in_every_language() -> None:
    items = ["A", "B", "C"]
    assert loc("en").list(items) == "A, B, and C"
    assert loc("de").list(items) == "A, B und C"
    assert loc("zh").list(items) == "A、B和C"
    assert loc("ja").list(items) == "A、B、C"
    assert loc("ar").list(items) == "A وB وC"


def test_a_list_of_links_escapes_text_items_and_keeps_markup_items() -> None:
    joined = loc("zh").markup_list([Markup('<a href="x">甲</a>'), "<b>乙</b>"])
    assert joined == '<a href="x">甲</a>和&lt;b&gt;乙&lt;/b&gt;'
    assert isinstance(joined, Markup)
