"""dehub/write/sitemap.py: the sitemap lists the pages the workers report, never other files."""

from __future__ import annotations

from dehub.config import load_config
from dehub.write.sitemap import sitemap_xml, write_sitemap
from tests.conftest import ROOT


def test_the_sitemap_lists_the_reported_pages_with_their_alternates(tmp_path) -> None:
    config = load_config(ROOT)
    (tmp_path / "en" / "hubs" / "old-slug").mkdir(parents=True)  # a redirect: a file, but not a page
    (tmp_path / "en" / "hubs" / "old-slug" / "index.html").write_text("redirect", encoding="utf-8")
    write_sitemap(config, {"de": {"index", "leichte-sprache"}, "en": {"index"}}, tmp_path)
    xml = (tmp_path / "sitemap.xml").read_text(encoding="utf-8")
    assert xml.count("<url>") == 3
    assert "old-slug" not in xml
    assert f"<loc>{config.url('de/leichte-sprache/')}</loc>" in xml
    assert xml.count('hreflang="en"') == 2  # the two home pages, not the German-only page


def test_the_sitemap_is_in_language_order() -> None:
    config = load_config(ROOT)
    xml = sitemap_xml(config, {"fr": {"index"}, "de": {"index"}})
    assert xml.index(config.url("fr/")) < xml.index(config.url("de/"))
