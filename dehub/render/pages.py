"""Every page of one language, in a stable order: home, hubs, events, news, open data, content pages."""

from __future__ import annotations

from ..config import Config
from ..localize.fallback import description_of
from ..localize.localizer import Localizer
from ..model import Project
from ..urls import GENERATED, LEGAL_PAGES
from .events import event_pages
from .hubs import hub_pages, overview_pages
from .news import news_pages
from .open_data import open_data_page
from .page import Page
from .renderer import Renderer


def home_page(r: Renderer) -> Page:
    g = r.loc.gettext
    home = r.intro("index")
    return Page(
        "index",
        g("de:hub – Digital Hub Initiative"),
        description_of(home, g("Twelve digital hubs across Germany for founders, investors and skilled workers.")),
        html=r.render("home.html", "index", intro=home, hubs=r.sorted_hubs, upcoming=r.upcoming, focus_keys=r.used_focus),
        notice=home.notice,
        text_lang=home.lang,
    )


def content_pages(r: Renderer) -> list[Page]:
    """The Agency's own pages (content/<lang>/<key>.md); a content page falls back as a whole."""
    pages = []
    config = r.config
    for page in r.project.pages:
        if page.key in GENERATED:
            continue
        source_only = page.key in config.source_only_pages
        if source_only and r.loc.lang != config.source_language:
            continue
        chosen = r.choose(page.versions)
        if chosen.prose is None:
            continue
        title = chosen.prose.meta.get("title") or page.key
        description = chosen.prose.meta.get("description") or title
        legal = page.key in LEGAL_PAGES and r.loc.lang != config.source_language
        lead = r.render("content_lead.html", page.key, chosen=chosen, legal=legal, page_key=page.key)
        pages.append(
            Page(
                page.key,
                title,
                description,
                markdown=chosen.prose.body,
                lead=lead.strip(),
                notice=chosen.notice,
                text_lang=chosen.lang,
                source_only=source_only,
            )
        )
    return pages


def render_language(project: Project, config: Config, loc: Localizer) -> list[Page]:
    """Every page of one language, rendered (bodies of generated pages; Markdown of content pages)."""
    r = Renderer(project, config, loc)
    pages = [home_page(r)]
    pages += overview_pages(r)
    pages += hub_pages(r)
    pages += event_pages(r) + news_pages(r) + [open_data_page(r)]
    pages += content_pages(r)
    return pages
