"""News: posts in content/<lang>/news/YYYY-MM-DD-slug.md, their pages, and an Atom feed per language."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .config import Config
from .diagnostics import Report, shorten
from .load import MAX_PROSE_BYTES, relative, safe_file
from .localize import localizer
from .model import Hub, Project, Prose, build_moment
from .yamlsafe import FRONT_MATTER, Document, load_yaml, read_file

if TYPE_CHECKING:  # `check` reads news without loading the renderer
    from .pages import PageSpec, Prosed, Renderer

FILE_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
ALLOWED = ["title", "date", "hubs", "summary", "source_hash"]
REQUIRED = ["title", "date", "summary"]
LIMITS = {"title": 200, "summary": 300}
PER_PAGE = 10
BERLIN = ZoneInfo("Europe/Berlin")


@dataclass
class NewsPost:
    slug: str  # the file name without date and .md; the URL is /<lang>/news/<slug>/
    date: date
    versions: dict[str, Prose] = field(default_factory=dict)  # Prose.meta holds the front matter

    @property
    def key(self) -> str:
        return f"news/{self.slug}"


def did_you_mean(word: object, choices: list[str]) -> str:
    close = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}? " if close else ""


def _front_matter(text: str, path: str, report: Report) -> tuple[Document, int, str] | None:
    match = FRONT_MATTER.match(text)
    if not match:
        report.error(path, 1, 1, "a news post starts with front matter between '---' lines: title, date, summary (and optional hubs)")
        return None
    doc = load_yaml(match.group(1) or "", path, report, first_line=2)
    if doc is None:
        return None
    if not isinstance(doc.data, dict):
        report.error(path, 2, 1, "front matter must be a mapping of 'key: value' lines (title, date, summary, hubs)")
        return None
    return doc, text[: match.end()].count("\n") + 1, text[match.end() :]


def _check_text(doc: Document, name: str, report: Report) -> None:
    value = doc.data[name]  # type: ignore[index]
    line, col = doc.where((name,))
    if not isinstance(value, str) or not value.strip():
        report.error(doc.path, line, col, f"{name!r} must be a text, not {shorten(value)}")
    elif re.search(r"[<>]", value):
        report.error(doc.path, line, col, f"{name!r} must be plain text without '<' or '>'")
    elif len(value) > LIMITS[name]:
        report.error(doc.path, line, col, f"{name!r} is longer than {LIMITS[name]} characters")


def _check_date(doc: Document, named: date | None, report: Report) -> None:
    value = doc.data["date"]  # type: ignore[index]
    line, col = doc.where(("date",))
    try:
        when = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        when = None
    if when is None:
        report.error(doc.path, line, col, f"'date' {shorten(value)} is not a real date; write YYYY-MM-DD")
    elif named is not None and when != named:
        report.error(
            doc.path, line, col, f"'date' {value} does not match the date in the file name ({named.isoformat()}); change one of them"
        )


def _check_hubs(doc: Document, slugs: list[str], report: Report) -> None:
    value = doc.data["hubs"]  # type: ignore[index]
    if not isinstance(value, list):
        line, col = doc.where(("hubs",))
        report.error(doc.path, line, col, f"'hubs' must be a list of hub slugs like [dortmund, hamburg], not {shorten(value)}")
        return
    for index, slug in enumerate(value):
        line, col = doc.where(("hubs", index))
        if slug not in slugs:
            report.error(doc.path, line, col, f"unknown hub {shorten(slug)}; {did_you_mean(slug, slugs)}see the folders in hubs/")
        elif value.index(slug) != index:
            report.error(doc.path, line, col, f"hub {slug!r} is listed twice; remove the duplicate")


def check_post(doc: Document, named: date | None, slugs: list[str], report: Report) -> None:
    """Every problem in one post's front matter, at the line of the key or value."""
    data: dict = doc.data  # type: ignore[assignment]
    for name in data:
        if name not in ALLOWED:
            line, col = doc.where((name,), of_key=True)
            report.error(
                doc.path, line, col, f"unknown front matter key {shorten(name)}; {did_you_mean(name, ALLOWED)}allowed: {', '.join(ALLOWED)}"
            )
    for name in REQUIRED:
        if name not in data:
            report.error(doc.path, 1, 1, f"front matter needs {name!r}; a news post has a title, a date (YYYY-MM-DD) and a summary")
    for name in ("title", "summary"):
        if name in data:
            _check_text(doc, name, report)
    if "date" in data:
        _check_date(doc, named, report)
    if "hubs" in data:
        _check_hubs(doc, slugs, report)
    if "source_hash" in data and not isinstance(data["source_hash"], str):
        line, col = doc.where(("source_hash",))
        report.error(doc.path, line, col, "'source_hash' must be a text; run `python build.py i18n mark-current PATH`")


def read_post(root: Path, file: Path, lang: str, slugs: list[str], report: Report) -> tuple[str, date, Prose] | None:
    rel = relative(root, file)
    match = FILE_NAME.match(file.name)
    if not match:
        report.error(
            rel, 1, 0, "a news post's file name is YYYY-MM-DD-slug.md, e.g. 2027-03-01-hub-evening.md (lowercase letters, digits, hyphens)"
        )
        return None
    try:
        named = date.fromisoformat(match.group(1))
    except ValueError:
        report.error(rel, 1, 0, f"the file name's date {match.group(1)} is not a real date")
        named = None
    if not safe_file(root, file, report):
        return None
    text = read_file(file, rel, report, max_bytes=MAX_PROSE_BYTES)
    parsed = _front_matter(text, rel, report) if text is not None else None
    if parsed is None:
        return None
    doc, body_line, body = parsed
    errors = len(report.errors)
    check_post(doc, named, slugs, report)
    if len(report.errors) > errors or named is None:
        return None
    return match.group(2), named, Prose(lang=lang, path=rel, body=body, body_line=body_line, meta=dict(doc.data))  # type: ignore[arg-type]


def read_news(root: Path, config: Config, hubs: list[Hub], report: Report) -> list[NewsPost]:
    """Every news post of every language, validated; newest first. Translations share the file name."""
    slugs = sorted(hub.slug for hub in hubs)
    posts: dict[str, NewsPost] = {}
    for lang in config.codes:
        folder = root / "content" / lang / "news"
        if not folder.is_dir():
            continue
        for file in sorted(folder.iterdir()):
            if file.name.startswith("."):
                continue
            if file.suffix != ".md" or file.is_dir():
                report.error(relative(root, file), 0, 0, f"only news posts (YYYY-MM-DD-slug.md) belong in content/{lang}/news/")
                continue
            found = read_post(root, file, lang, slugs, report)
            if found is None:
                continue
            slug, when, prose = found
            post = posts.setdefault(slug, NewsPost(slug, when))
            if post.date != when:
                other = next(iter(post.versions.values())).path
                report.error(
                    prose.path,
                    1,
                    0,
                    f"the slug {slug!r} is already used by {other}; a translation keeps the file name, another post needs another slug",
                )
                continue
            post.versions[lang] = prose
    return sorted(posts.values(), key=lambda p: (-p.date.toordinal(), p.slug))


def _choose(post: NewsPost, r: Renderer) -> Prosed:
    from .pages import Prosed, choose_prose

    chosen = choose_prose(post.versions, r.loc.lang, r.loc, r.config.source_language)
    if chosen.prose is None:  # only in languages outside the fallback chain: show the first one
        chosen = Prosed(post.versions[sorted(post.versions)[0]], "fallback")
    return chosen


def listing_key(number: int) -> str:
    return "news" if number == 1 else f"news/page/{number}"


def page_count(posts: int) -> int:
    return max(1, -(-posts // PER_PAGE))


def news_pages(r: Renderer) -> list[PageSpec]:
    """The listing (this language's posts, 10 a page), then one page per post (with fallback)."""
    from .pages import PageSpec, Prosed, choose_prose

    _ = r.loc.gettext
    lang = r.loc.lang
    own = [post for post in r.project.news if lang in post.versions]
    counts = {code: page_count(sum(code in post.versions for post in r.project.news)) for code in r.config.codes}
    intro = next(
        (choose_prose(p.versions, lang, r.loc, r.config.source_language) for p in r.project.pages if p.key == "news"), Prosed(None)
    )
    total = page_count(len(own))
    pages = []
    for number in range(1, total + 1):
        key = listing_key(number)
        chunk = own[(number - 1) * PER_PAGE : number * PER_PAGE]
        title = _("News") if number == 1 else _("News, page %(num)s") % {"num": number}
        description = _("News from the de:hub locations and the Hub Agency.")
        items = [
            {"key": post.key, "date": post.date, "title": post.versions[lang].meta["title"], "summary": post.versions[lang].meta["summary"]}
            for post in chunk
        ]
        html = r.render(
            "news.html",
            key,
            title=title,
            intro=intro if number == 1 else Prosed(None),
            items=items,
            number=number,
            total=total,
            page_keys=[listing_key(n) for n in range(1, total + 1)],
        )
        spec = PageSpec(key, title, description if number == 1 else f"{description} ({title})", html=html)
        spec.meta["languages"] = [code for code in r.config.codes if counts[code] >= number]  # hreflang only where the page exists
        spec.meta["switch_to"] = "news"
        pages.append(spec)
    hubs = {hub.slug: hub for hub in r.project.hubs}
    for post in r.project.news:
        chosen = _choose(post, r)
        meta = chosen.prose.meta  # type: ignore[union-attr]
        post_hubs = [hubs[slug] for slug in meta.get("hubs", []) if slug in hubs]
        html = r.render("news_post.html", post.key, post=post, chosen=chosen, title=meta["title"], hubs=post_hubs)
        pages.append(PageSpec(post.key, meta["title"], meta["summary"], html=html, notice=chosen.notice, text_lang=chosen.lang))
    return pages


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(), BERLIN)


def feed_xml(config: Config, project: Project, lang: str) -> bytes:
    """An Atom feed of one language's posts, valid when empty; `updated` from the newest post or the build epoch."""
    from feedgen.feed import FeedGenerator

    loc = localizer(config.root, lang, config.fallback_chain(lang))
    posts = [post for post in project.news if lang in post.versions]
    listing = config.url(f"{lang}/news/")
    feed = FeedGenerator()
    feed.id(listing)
    feed.title(loc.gettext("de:hub news"))
    feed.subtitle(loc.gettext("News from the de:hub locations and the Hub Agency."))
    feed.updated(_moment(posts[0].date) if posts else build_moment())
    feed.author({"name": "de:hub"})
    feed.link(href=config.url(f"{lang}/news/feed.xml"), rel="self", type="application/atom+xml")
    feed.link(href=listing, rel="alternate", type="text/html")
    feed.language(lang)
    feed.generator("de:hub site generator")
    for post in posts:
        meta = post.versions[lang].meta
        url = config.url(f"{lang}/{post.key}/")
        entry = feed.add_entry(order="append")
        entry.id(url)
        entry.title(meta["title"])
        entry.link(href=url, rel="alternate", type="text/html")
        entry.summary(meta["summary"])
        entry.published(_moment(post.date))
        entry.updated(_moment(post.date))
    return feed.atom_str(pretty=True)


def write_news_feeds(config: Config, project: Project, langs: list[str], staging: Path) -> None:
    """/<lang>/news/feed.xml for every built language."""
    for lang in langs:
        folder = staging / lang / "news"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "feed.xml").write_bytes(feed_xml(config, project, lang))
