"""The Atom feed of each language's news: /<lang>/news/feed.xml (valid when empty)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from ..config import BERLIN, Config
from ..localize.localizer import Localizer
from ..model import Project
from ..urls import feed_url, news_key, page_url


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(), BERLIN)


def feed_xml(config: Config, project: Project, loc: Localizer) -> bytes:
    """An Atom feed of one language's posts; `updated` from the newest post or the build's clock."""
    from feedgen.feed import FeedGenerator

    lang = loc.lang
    posts = [post for post in project.news if lang in post.versions]
    listing = page_url(config, lang, "news")
    feed = FeedGenerator()
    feed.id(listing)
    feed.title(loc.gettext("de:hub news"))
    feed.subtitle(loc.gettext("News from the de:hub locations and the Hub Agency."))
    feed.updated(_moment(posts[0].date) if posts else config.moment)
    feed.author({"name": "de:hub"})
    feed.link(href=feed_url(config, lang), rel="self", type="application/atom+xml")
    feed.link(href=listing, rel="alternate", type="text/html")
    feed.language(lang)
    feed.generator("de:hub site generator")
    for post in posts:
        meta = post.versions[lang].meta
        url = page_url(config, lang, news_key(post.slug))
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(meta["title"])
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(meta["summary"])
        entry.published(_moment(post.date))
        entry.updated(_moment(post.date))
    return feed.atom_str(pretty=True)


def write_news_feeds(config: Config, project: Project, locs: dict[str, Localizer], langs: list[str], staging: Path) -> None:
    """/<lang>/news/feed.xml for every built language."""
    for lang in langs:
        folder = staging / lang / "news"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "feed.xml").write_bytes(feed_xml(config, project, locs[lang]))
