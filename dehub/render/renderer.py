"""The Renderer: one language's Jinja2 environment (autoescaped, gettext) and the context every
page body is rendered with: links, names, the project's data by focus and state, the map."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from babel.support import NullTranslations
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import urls
from ..config import Config
from ..localize.collation import collated
from ..localize.fallback import NOTHING, Chosen, choose_prose
from ..localize.localizer import Localizer
from ..localize.template_gettext import install as install_gettext
from ..model import Event, Hub, Project, is_upcoming
from .breaks import breakable
from .geo import HEIGHT, WIDTH, outline_path, place_markers
from .icons import SPRITE_SLOT, fill_sprite, icon_id
from .ids import IdGate
from .jsonld import event_jsonld, hub_jsonld, script_tag
from .labels import Box, extent, font_size, place
from .sanitize import render_markdown
from .when import event_when

TEMPLATES = Path(__file__).with_name("templates")


def environment(translations: NullTranslations | None = None) -> Environment:
    """A Jinja2 environment of our templates (autoescaped), speaking `translations` if given.
    Each Renderer has its own: gettext is installed into an environment, not into a render."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    if translations is not None:
        install_gettext(env, translations)  # escapes each msgstr: catalogs are untrusted text
    return env


class Renderer:
    """Renders the project's own page bodies for one language (autoescaped Jinja2)."""

    def __init__(self, project: Project, config: Config, loc: Localizer) -> None:
        self.project = project
        self.config = config
        self.loc = loc
        self.env = environment(loc.translations)
        # names in this language, as filters: {{ cities | map("city") | list }}
        self.env.filters.update(city=loc.city, state=loc.state, city_in_state=loc.city_in_state, focus_label=loc.focus_label)
        self.env.filters["breakable"] = breakable  # <wbr> after slashes in names and titles
        # filters and lists in this language's order (pinyin for Chinese: localize/collation.py)
        self.used_focus = collated(loc.lang, list(urls.used_focus(project)), loc.focus_label)
        self.used_states = collated(loc.lang, urls.used_states(project), loc.state)
        self.sorted_hubs = collated(loc.lang, list(project.hubs), self.hub_name)
        self.by_focus = {key: [hub for hub in self.sorted_hubs if key in hub.focus] for key in self.used_focus}
        self.by_state = {state: [hub for hub in self.sorted_hubs if state in hub.states] for state in self.used_states}
        self.hubs = {hub.slug: hub for hub in project.hubs}
        # this language's pages, and the source language's (German-only pages are linked from every language)
        self.existing = urls.language_pages(project, config, loc.lang) | urls.language_pages(project, config, config.source_language)
        today = config.today
        self.upcoming = [event for event in project.events if is_upcoming(event, today)]
        self.past = [event for event in reversed(project.events) if not is_upcoming(event, today)]
        self.upcoming_by_hub: dict[str, list[Event]] = {}
        for event in self.upcoming:
            for slug in dict.fromkeys(event.hubs):
                self.upcoming_by_hub.setdefault(slug, []).append(event)
        self.with_events = {slug for event in project.events for slug in event.hubs}

    def intro(self, key: str) -> Chosen:
        """The Agency's own text for a generated page (content/<lang>/<key>.md), if any."""
        page = self.project.page(key)
        return choose_prose(page.versions, self.loc.chain, self.config.source_language) if page else NOTHING

    def choose(self, versions: dict) -> Chosen:
        """The prose this language shows, by the fallback rule."""
        return choose_prose(versions, self.loc.chain, self.config.source_language)

    def render(self, template: str, key: str, **context: object) -> str:
        config, loc = self.config, self.loc
        ids = IdGate()  # one page: prose ids unique across every fragment it shows
        helpers = {
            "url": lambda target: urls.relative_url(key, target),
            "asset": lambda path: urls.relative_asset(key, path),
            "site_file": lambda path: urls.site_file(key, path),  # e.g. api/hubs.json
            "german_url": lambda target: urls.cross_language_url(key, config.source_language, target),
            "urls": urls,  # the page keys: url(urls.hub_key(hub.slug))
            "loc": loc,
            "lang": loc.lang,
            "config": config,
            "hub_name": self.hub_name,
            "hub_links": lambda hubs: self.hub_links(hubs, key),
            "prose_html": lambda chosen: self.prose_html(chosen, key, ids),
            "by_focus": self.by_focus,
            "by_state": self.by_state,
            "exists": lambda target: target in self.existing,
            "map_markers": self.map_markers,
            "map_outline": self.map_outline,
            "focus_sprite": lambda: SPRITE_SLOT,  # the focus icons the page shows, once (filled in below)
            "icon_id": icon_id,
            "jsonld": script_tag,
            "event_hubs": lambda event: [hub for hub in self.project.hubs if hub.slug in event.hubs],
            "hub_has_events": lambda hub: hub.slug in self.with_events,
            "event_ld": lambda event: script_tag(event_jsonld(event, self.project.hubs, loc, config)),
            "hub_ld": lambda hub: script_tag(hub_jsonld(hub, loc, config)),
            "event_when": lambda event: event_when(event, loc),
            "calendar_links": lambda slug=None: urls.calendar_links(config, key, slug),
            "feed_url": urls.feed_url(config, loc.lang),
        }
        html = self.env.get_template(template).render(**helpers, **context)
        return fill_sprite(html) if SPRITE_SLOT in html else html

    @cached_property
    def map_outline(self) -> str:
        return outline_path()

    def map_markers(self, hubs: list[Hub], labels: bool = False) -> dict:
        """One marker per city, and (with `labels`) each city's name placed clear of every
        marker and every other label (dehub/render/labels.py); the viewBox grows to hold them."""
        cities = [(hub, city) for hub in hubs for city in hub.cities]
        spots = place_markers([(city.lat, city.lon) for _hub, city in cities])
        markers = [{"hub": hub, "city": city, "x": x, "y": y, "label": None} for (hub, city), (x, y) in zip(cities, spots, strict=True)]
        view = (0.0, 0.0, WIDTH, HEIGHT)
        size = font_size(WIDTH)
        if labels and markers:
            texts = [self.loc.city(city.name) for _hub, city in cities]
            bounds = Box(0.0, 0.0, WIDTH, HEIGHT)
            for _round in range(6):  # the size depends on the viewBox, which depends on the labels
                placed = place(spots, texts, size, bounds)
                view = extent(placed, WIDTH, HEIGHT)
                if font_size(view[2]) <= size:
                    break
                size = font_size(view[2])
            else:  # placed at the size it is shown at, even if the map has not settled
                placed = place(spots, texts, size, bounds)
                view = extent(placed, WIDTH, HEIGHT)
            for marker, label in zip(markers, placed, strict=True):
                marker["label"] = {"x": label.x, "y": label.y, "anchor": label.anchor, "leader": label.leader, "lines": label.lines}
        return {"markers": markers, "viewbox": " ".join(f"{v:g}" for v in view), "font_size": size}

    def nearest_same_focus(self, hub: Hub, limit: int = 6) -> list[Hub]:
        """Up to `limit` other hubs sharing a focus, nearest first (a page never lists them all)."""
        others = {other.slug: other for key in hub.focus for other in self.by_focus[key] if other.slug != hub.slug}
        home = hub.cities[0]

        def distance(other: Hub) -> tuple[float, str]:
            city = other.cities[0]
            return ((city.lat - home.lat) ** 2 + ((city.lon - home.lon) * 0.63) ** 2, other.slug)

        return sorted(others.values(), key=distance)[:limit]

    def listing(self, title: str, hubs: list[Hub]) -> str:
        """A filter page's description: its title and the hubs it lists."""
        return self.loc.gettext("%(title)s: %(hubs)s") % {"title": title, "hubs": self.loc.list([self.hub_name(hub) for hub in hubs])}

    @cached_property
    def elsewhere(self) -> dict[str, str]:
        """Pages this language links to in another language (see urls.other_language_pages)."""
        return urls.other_language_pages(self.project, self.config, self.loc.lang)

    def hub_name(self, hub: Hub) -> str:
        return self.loc.text(hub.name)[0]

    def hub_links(self, hubs: list[Hub], key: str) -> Markup:
        """Links to hubs, as this language's list ("A, B and C", "A、B和C", "A وB")."""
        links = [
            Markup('<a href="{}"><bdi>{}</bdi></a>').format(urls.relative_url(key, urls.hub_key(hub.slug)), self.hub_name(hub))
            for hub in hubs
        ]
        return self.loc.markup_list(links)

    def prose_html(self, chosen: Chosen, key: str, ids: IdGate | None = None) -> Markup:
        if chosen.prose is None:
            return Markup("")
        source_dir = "hubs" if chosen.prose.path.startswith("hubs/") else ""
        html = urls.resolve_md_links(render_markdown(chosen.prose.body, ids=ids), key, source_dir, self.elsewhere)
        # Safe: render_markdown passes nh3's allow-list (see sanitize.py).
        return Markup(html)  # noqa: S704
