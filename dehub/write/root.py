"""Files at the site root and outside the language builds: chooser, 404, redirects for former
slugs, calendars, open data, feeds and the sitemap."""

from __future__ import annotations

import shutil
from pathlib import Path

from ..config import Config
from ..localize.localizer import localizers
from ..model import Project
from ..render.root_pages import chooser_html, redirect_html
from ..urls import hub_key, page_url
from .calendars import write_calendars
from .feeds import write_news_feeds
from .open_data import write_open_data
from .sitemap import write_sitemap


def write_root_404(config: Config, langs: list[str], staging: Path) -> None:
    """Hosts serve /404.html for any missing path, so it is the default language's, with absolute URLs."""
    preferred = next((code for code in (*config.fallbacks, *langs) if code in langs), langs[0])
    shutil.copyfile(staging / preferred / "404.html", staging / "404.html")


def write_redirects(config: Config, project: Project, langs: list[str], staging: Path) -> None:
    for hub in project.hubs:
        for old in hub.former_slugs:
            for lang in langs:
                folder = staging / lang / hub_key(old)
                folder.mkdir(parents=True, exist_ok=True)
                (folder / "index.html").write_text(redirect_html(page_url(config, lang, hub_key(hub.slug)), lang), encoding="utf-8")


def write_root_files(config: Config, project: Project, pages: dict[str, set[str]], staging: Path) -> None:
    """`pages`: the page keys of each built language (from the workers), in language order."""
    langs = list(pages)
    locs = localizers(config)
    write_redirects(config, project, langs, staging)
    write_calendars(config, project, staging)
    write_open_data(config, project, locs, staging)
    write_news_feeds(config, project, locs, langs, staging)
    write_sitemap(config, pages, staging)
    (staging / "index.html").write_text(chooser_html(config, locs, langs), encoding="utf-8")
    write_root_404(config, langs, staging)
