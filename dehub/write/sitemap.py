"""/sitemap.xml: every page of every language, each with its hreflang alternates."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..config import Config
from ..urls import page_url


def sitemap_xml(config: Config, per_lang: dict[str, set[str]]) -> str:
    """`per_lang`: each built language's page keys, as its worker reported them."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for lang, keys in per_lang.items():
        for key in sorted(keys):
            lines.append("  <url>")
            lines.append(f"    <loc>{xml_escape(page_url(config, lang, key))}</loc>")
            for other, other_keys in per_lang.items():
                if key in other_keys:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(page_url(config, other, key))}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(config: Config, per_lang: dict[str, set[str]], staging: Path) -> None:
    (staging / "sitemap.xml").write_text(sitemap_xml(config, per_lang), encoding="utf-8")
