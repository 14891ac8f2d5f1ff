"""The hub pages: the overview with map and filters, one page per focus and per federal state
(the no-JavaScript filters), and one page per hub."""

from __future__ import annotations

from ..localize.fallback import description_of
from ..model import Hub
from ..urls import focus_key, hub_key, state_key
from .page import Page
from .renderer import Renderer


def hub_pages(r: Renderer) -> list[Page]:
    pages = []
    for hub in r.project.hubs:
        chosen = r.choose(hub.prose)
        name = r.hub_name(hub)
        focus = r.loc.list([r.loc.focus_label(k) for k in hub.focus])
        cities = r.loc.list([r.loc.city(c.name) for c in hub.cities])
        summary = r.loc.gettext("%(name)s: the digital hub for %(focus)s in %(cities)s.") % {"name": name, "focus": focus, "cities": cities}
        key = hub_key(hub.slug)
        html = r.render(
            "hub.html", key, hub=hub, chosen=chosen, same_focus=r.nearest_same_focus(hub), events=r.upcoming_by_hub.get(hub.slug, [])
        )
        pages.append(Page(key, name, description_of(chosen, summary), html=html, notice=chosen.notice, text_lang=chosen.lang))
    return pages


def filter_page(r: Renderer, key: str, title: str, hubs: list[Hub], current: str) -> Page:
    """A no-JavaScript filter: the hubs of one focus or one federal state, as a real page."""
    html = r.render("filtered.html", key, title=title, hubs=hubs, focus_keys=r.used_focus, states=r.used_states, current=current)
    return Page(key, title, r.listing(title, hubs), html=html)


def map_caption(r: Renderer, hubs: list[Hub]) -> str:
    """'16 cities and 12 hubs. Select a marker ...': each count in its own plural form, joined as a CLDR list."""
    loc = r.loc
    cities = sum(len(hub.cities) for hub in hubs)
    counts = [
        loc.ngettext("%(num)s city", "%(num)s cities", cities) % {"num": cities},
        loc.ngettext("%(num)s hub", "%(num)s hubs", len(hubs)) % {"num": len(hubs)},
    ]
    return loc.gettext("%(counts)s. Select a marker to open the hub.") % {"counts": loc.list(counts)}


def overview_pages(r: Renderer) -> list[Page]:
    g = r.loc.gettext
    intro = r.intro("hubs")
    hubs = r.sorted_hubs
    html = r.render(
        "hubs.html", "hubs", hubs=hubs, intro=intro, focus_keys=r.used_focus, states=r.used_states, map_caption=map_caption(r, hubs)
    )
    pages = [
        Page(
            "hubs",
            g("All hubs"),
            description_of(intro, g("The twelve de:hub locations on a map and in a list, by sector focus and federal state.")),
            html=html,
        )
    ]
    for key in r.used_focus:
        title = g("Hubs with the focus %(focus)s") % {"focus": r.loc.focus_label(key)}
        pages.append(filter_page(r, focus_key(key), title, r.by_focus[key], current=key))
    for state in r.used_states:
        title = g("Hubs in %(state)s") % {"state": r.loc.state(state)}
        pages.append(filter_page(r, state_key(state), title, r.by_state[state], current=state))
    return pages
