"""The "Use our data" page: the open data files, their licence, and a hub card to embed."""

from __future__ import annotations

from ..model import OPEN_DATA_LICENSE, Hub
from ..urls import OPEN_DATA_FILES, hub_key, page_url
from .page import Page
from .renderer import Renderer


def embed_snippet(hub: Hub, r: Renderer) -> str:
    """A static HTML card for one hub (no script, no iframe), as text to copy."""
    lang = r.loc.lang
    html = r.env.get_template("embed_card.html").render(
        hub=hub,
        name=r.hub_name(hub),
        lang=lang,
        dir=r.loc.direction,
        loc=r.loc,
        page=page_url(r.config, lang, hub_key(hub.slug)),
        home=page_url(r.config, lang, "index"),
        focus=r.loc.list([r.loc.focus_label(k) for k in hub.focus]),
    )
    return html.strip() + "\n"


def open_data_page(r: Renderer) -> Page:
    _ = r.loc.gettext
    intro = r.intro("open-data")
    example = r.project.hubs[0] if r.project.hubs else None
    snippet = embed_snippet(example, r) if example else ""
    html = r.render(
        "open_data.html", "open-data", intro=intro, files=OPEN_DATA_FILES, license=OPEN_DATA_LICENSE, example=example, snippet=snippet
    )
    description = _("The facts about the de:hub locations as open data: JSON, GeoJSON, calendars and feeds, and a card to embed.")
    return Page("open-data", _("Use our data"), description, html=html)
