"""Allowed breaks in names and titles (dehub/render/breaks.py, issue 27): a <wbr> after a slash,
the text escaped first, in every channel that shows a name or a title."""

from __future__ import annotations

from dehub.render.breaks import breakable
from tests.render.test_pages import pages_of, shipped  # noqa: F401 - the fixture


def test_a_slash_gets_a_wbr_and_the_text_stays_escaped() -> None:
    assert breakable("Mannheim/Ludwigshafen") == "Mannheim/<wbr>Ludwigshafen"
    assert breakable("フランクフルト／ダルムシュタット") == "フランクフルト／<wbr>ダルムシュタット"
    assert breakable("<b>a/b</b>") == "&lt;b&gt;a/<wbr>b&lt;/<wbr>b&gt;"
    assert breakable("https://example.org") == "https://<wbr>example.org"
    assert breakable("a / b") == "a / b"


def test_cards_and_hub_titles_break_after_the_slash(shipped) -> None:  # noqa: F811
    pages = pages_of(shipped, "de")
    assert "Mannheim/<wbr>Ludwigshafen" in pages["hubs"].html  # card titles
    assert "Mannheim/<wbr>Ludwigshafen" in pages["index"].html
    assert "<bdi>de:hub Mannheim/<wbr>Ludwigshafen" in pages["hubs/mannheim-ludwigshafen"].html  # the page title
    assert 'aria-label="Mannheim: de:hub Mannheim/Ludwigshafen' in pages["hubs"].html  # never inside an attribute
