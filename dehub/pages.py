"""Collect one language's pages: generated ones (home, hubs, events) and content pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from . import PACKAGE_DIR
from .config import Config
from .geo import VIEWBOX, outline_path, place_markers, project
from .helpers import template_helpers
from .localize import Localizer
from .model import Hub, Project, Prose, build_date, is_upcoming, source_hash
from .sanitize import render_markdown
from .urls import cross_language_url, relative_asset, relative_url, resolve_md_links, slugify

GENERATED_FROM_CONTENT = {"index", "hubs", "events", "news", "open-data"}  # content prose that generated pages wrap


@dataclass
class PageSpec:
    key: str
    title: str
    description: str
    html: str | None = None  # a generated page's body, already safe
    markdown: str | None = None  # a content page's Markdown, sanitised after rendering
    text_lang: str | None = None  # language of the prose when it is not the page's own
    notice: str | None = None  # 'fallback' or 'outdated'
    template: str | None = None
    source_only: bool = False
    meta: dict = field(default_factory=dict)


@dataclass
class Prosed:
    """A piece of prose chosen for one language, with why it is not the reader's own."""

    prose: Prose | None
    notice: str | None = None

    @property
    def lang(self) -> str | None:
        return self.prose.lang if self.prose else None


def choose_prose(versions: dict[str, Prose], lang: str, loc: Localizer, source: str) -> Prosed:
    """The reader's language if present, else the fallback chain; flags outdated translations."""
    for code in loc.chain:
        prose = versions.get(code)
        if prose is None:
            continue
        if code != lang:
            return Prosed(prose, "fallback")
        original = versions.get(source)
        if code != source and original is not None and prose.recorded_hash != source_hash(original.body):
            return Prosed(prose, "outdated")
        return Prosed(prose)
    return Prosed(None)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(PACKAGE_DIR / "templates")),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    return env


class Renderer:
    """Renders the project's own page bodies for one language (autoescaped Jinja2)."""

    def __init__(self, project: Project, config: Config, loc: Localizer) -> None:
        self.project = project
        self.config = config
        self.loc = loc
        self.env = environment()
        self.env.install_gettext_translations(loc.translations, newstyle=True)  # type: ignore[attr-defined]
        keys = {key for hub in project.hubs for key in hub.focus}
        self._used_focus = sorted(keys, key=lambda k: loc.focus_label(k).casefold())
        self._used_states = sorted({state for hub in project.hubs for state in hub.states})
        self.by_focus = {key: [hub for hub in project.hubs if key in hub.focus] for key in self.used_focus()}
        self.by_state = {state: [hub for hub in project.hubs if state in hub.states] for state in self.used_states()}
        self.existing = {"index", "hubs", "events", "news", "open-data"} | {page.key for page in project.pages}
        today = build_date()
        self.upcoming = [event for event in project.events if is_upcoming(event, today)]
        self.past = [event for event in reversed(project.events) if not is_upcoming(event, today)]
        self.upcoming_by_hub: dict[str, list] = {}
        for event in self.upcoming:
            for slug in dict.fromkeys(event.hubs):
                self.upcoming_by_hub.setdefault(slug, []).append(event)

    def used_focus(self) -> list[str]:
        """The foci some hub has, by their label in this language (computed once)."""
        return self._used_focus

    def used_states(self) -> list[str]:
        return self._used_states

    def render(self, template: str, key: str, **context: object) -> str:
        config = self.config
        helpers = {
            "url": lambda target: relative_url(key, target),
            "asset": lambda path: relative_asset(key, path),
            "loc": self.loc,
            "lang": self.loc.lang,
            "config": self.config,
            "hub_name": self.hub_name,
            "prose_html": lambda chosen: self.prose_html(chosen, key),
            "state_key": lambda state: "hubs/state/" + slugify(state),
            "by_focus": self.by_focus,
            "by_state": self.by_state,
            "exists": lambda target: target in self.existing,
            "map_markers": self.map_markers,
            "map_outline": self.map_outline,
            "map_viewbox": VIEWBOX,
            "german_url": lambda target: cross_language_url(key, config.source_language, target),
            **template_helpers(self, key),  # events, calendars, news feed, JSON-LD (dehub/helpers.py)
        }
        return self.env.get_template(template).render(**helpers, **context)

    @cached_property
    def map_outline(self) -> str:
        return outline_path()

    def map_markers(self, hubs: list[Hub]) -> list[dict]:
        """One marker per city; labels go left of a marker that was pushed west of its twin."""
        cities = [(hub, city) for hub in hubs for city in hub.cities]
        spots = place_markers([(city.lat, city.lon) for _hub, city in cities])
        markers = []
        for (hub, city), (x, y) in zip(cities, spots, strict=True):
            raw_x, _ = project(city.lat, city.lon)
            markers.append({"hub": hub, "city": city, "x": x, "y": y, "label_left": x < raw_x - 0.5})
        return markers

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

    def hub_name(self, hub: Hub) -> str:
        return self.loc.text(hub.name)[0]

    def prose_html(self, chosen: Prosed, key: str) -> Markup:
        if chosen.prose is None:
            return Markup("")
        source_dir = "hubs" if chosen.prose.path.startswith("hubs/") else ""
        html = resolve_md_links(render_markdown(chosen.prose.body), key, source_dir)
        # Safe: render_markdown passes nh3's allow-list (see sanitize.py).
        return Markup(html)  # noqa: S704


def description_of(chosen: Prosed, default: str) -> str:
    """The prose's own meta description, unless the prose stands in from another language
    (the page around it is in the reader's language, so its generated summary fits better)."""
    if chosen.prose is not None and chosen.notice != "fallback" and isinstance(chosen.prose.meta.get("description"), str):
        return chosen.prose.meta["description"]
    return default


def hub_pages(r: Renderer) -> list[PageSpec]:
    pages = []
    source = r.config.source_language
    for hub in r.project.hubs:
        chosen = choose_prose(hub.prose, r.loc.lang, r.loc, source)
        name = r.hub_name(hub)
        focus = r.loc.list([r.loc.focus_label(k) for k in hub.focus])
        cities = r.loc.list([c.name for c in hub.cities])
        summary = r.loc.gettext("%(name)s: the digital hub for %(focus)s in %(cities)s.") % {"name": name, "focus": focus, "cities": cities}
        key = f"hubs/{hub.slug}"
        html = r.render(
            "hub.html", key, hub=hub, chosen=chosen, same_focus=r.nearest_same_focus(hub), events=r.upcoming_by_hub.get(hub.slug, [])
        )
        pages.append(
            PageSpec(
                key,
                name,
                description_of(chosen, summary),
                html=html,
                notice=chosen.notice,
                text_lang=chosen.lang,
            )
        )
    return pages


def filter_page(r: Renderer, key: str, title: str, hubs: list[Hub], current: str) -> PageSpec:
    """A no-JavaScript filter: the hubs of one focus or one federal state, as a real page."""
    html = r.render("filtered.html", key, title=title, hubs=hubs, focus_keys=r.used_focus(), states=r.used_states(), current=current)
    return PageSpec(key, title, r.listing(title, hubs), html=html)


def overview_pages(r: Renderer, content: dict) -> list[PageSpec]:
    g = r.loc.gettext
    intro = content.get("hubs", Prosed(None))
    pages = [
        PageSpec(
            "hubs",
            g("All hubs"),
            description_of(
                intro,
                g("The twelve de:hub locations on a map and in a list, by sector focus and federal state."),
            ),
            html=r.render("hubs.html", "hubs", hubs=r.project.hubs, intro=intro, focus_keys=r.used_focus(), states=r.used_states()),
        )
    ]
    for key in r.used_focus():
        title = g("Hubs with the focus %(focus)s") % {"focus": r.loc.focus_label(key)}
        pages.append(filter_page(r, f"hubs/focus/{key}", title, r.by_focus[key], current=key))
    for state in r.used_states():
        title = g("Hubs in %(state)s") % {"state": state}
        pages.append(filter_page(r, "hubs/state/" + slugify(state), title, r.by_state[state], current=state))
    return pages


def collect_pages(project: Project, config: Config, loc: Localizer) -> list[PageSpec]:
    """Every page of one language, in a stable order."""
    r = Renderer(project, config, loc)
    g = loc.gettext
    source = config.source_language
    content = {page.key: choose_prose(page.versions, loc.lang, loc, source) for page in project.pages}
    home = content.get("index", Prosed(None))
    pages = [
        PageSpec(
            "index",
            g("de:hub – Digital Hub Initiative"),
            description_of(
                home,
                g("Twelve digital hubs across Germany for founders, investors and skilled workers."),
            ),
            html=r.render("home.html", "index", intro=home, hubs=project.hubs, upcoming=r.upcoming),
            notice=home.notice,
            text_lang=home.lang,
        )
    ]
    pages += overview_pages(r, content)
    pages += hub_pages(r)
    from .events import event_pages  # these modules build on this one
    from .news import news_pages
    from .opendata import open_data_page

    pages += event_pages(r) + news_pages(r) + [open_data_page(r)]
    for page in project.pages:
        if page.key in GENERATED_FROM_CONTENT:
            continue
        source_only = page.key in config.source_only_pages
        if source_only and loc.lang != source:
            continue
        chosen = content[page.key]
        if chosen.prose is None:
            continue
        title = chosen.prose.meta.get("title") or page.key
        pages.append(
            PageSpec(
                page.key,
                title,
                chosen.prose.meta.get("description") or title,  # a content page falls back as a whole
                markdown=chosen.prose.body,
                notice=chosen.notice,
                text_lang=chosen.lang,
                source_only=source_only,
            )
        )
    return pages
