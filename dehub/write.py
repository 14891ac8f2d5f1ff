"""Files at the site root: language chooser, 404, sitemap, redirects for former slugs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from .calendars import write_calendars
from .config import Config
from .localize import Localizer, load_translations
from .model import Project
from .news import write_news_feeds
from .opendata import write_open_data
from .pages import environment
from .urls import page_path


def page_keys(site_dir: Path) -> list[str]:
    """Every page key a language build produced, from its folders of index.html files."""
    keys = []
    for index in sorted(site_dir.rglob("index.html")):
        rel = index.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("assets", "search")):
            continue
        keys.append("index" if rel == "." else rel)
    return keys


def write_sitemap(config: Config, langs: list[str], staging: Path) -> None:
    """One sitemap for the whole site, each page with its hreflang alternates."""
    per_lang = {lang: set(page_keys(staging / lang)) for lang in langs}
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for lang in langs:
        for key in sorted(per_lang[lang]):
            lines.append("  <url>")
            lines.append(f"    <loc>{xml_escape(config.url(f'{lang}/{page_path(key)}'))}</loc>")
            for other in langs:
                if key in per_lang[other]:
                    href = quoteattr(config.url(f"{other}/{page_path(key)}"))
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href={href}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    (staging / "sitemap.xml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_chooser(config: Config, langs: list[str], staging: Path) -> None:
    entries = []
    for code in langs:
        loc = Localizer(code, load_translations(config.root, code), [code])
        entries.append(
            {
                "code": code,
                "name": loc.language_name(code),
                "dir": loc.direction,
                "welcome": loc.gettext("Welcome to de:hub, the Digital Hub Initiative."),
            }
        )
    env = environment()
    html = env.get_template("chooser.html").render(
        entries=entries, site_url=config.site_url, default=config.fallbacks[0] if config.fallbacks else langs[0]
    )
    (staging / "index.html").write_text(html, encoding="utf-8")


def write_root_404(config: Config, langs: list[str], staging: Path) -> None:
    """Hosts serve /404.html for any missing path, so it is the default language's, with absolute URLs."""
    preferred = next((code for code in (*config.fallbacks, *langs) if code in langs), langs[0])
    shutil.copyfile(staging / preferred / "404.html", staging / "404.html")


def write_redirects(config: Config, project: Project, langs: list[str], staging: Path) -> None:
    env = environment()
    template = env.get_template("redirect.html")
    for hub in project.hubs:
        for old in hub.former_slugs:
            for lang in langs:
                target = config.url(f"{lang}/hubs/{hub.slug}/")
                folder = staging / lang / "hubs" / old
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "index.html").write_text(template.render(target=target, lang=lang), encoding="utf-8")


def write_root_files(config: Config, project: Project, langs: list[str], staging: Path) -> None:
    write_redirects(config, project, langs, staging)
    write_calendars(config, project, staging)
    write_open_data(config, project, staging)
    write_news_feeds(config, project, langs, staging)
    write_sitemap(config, langs, staging)
    write_chooser(config, langs, staging)
    write_root_404(config, langs, staging)


_DIR_LINK = re.compile(r'((?:href|src)=")(?![a-z][a-z0-9+.-]*:|/|#)([^"#?]*)(#[^"]*)?"')


def make_browsable_offline(staging: Path) -> None:
    """For a preview opened from a zip: link 'hubs/' as 'hubs/index.html' (file:// has no index)."""

    def fix(match: re.Match[str]) -> str:
        path = match.group(2)
        if path in ("", ".", "./"):
            path = "index.html"
        elif path.endswith("/"):
            path += "index.html"
        return f'{match.group(1)}{path}{match.group(3) or ""}"'

    for page in staging.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(_DIR_LINK.sub(fix, text), encoding="utf-8")
