"""The news pages: the listing (this language's posts, ten a page) and one page per post (with fallback)."""

from __future__ import annotations

from ..localize.fallback import NOTHING, Chosen
from ..model import NewsPost
from ..urls import NEWS_PER_PAGE, news_key, news_listing_key, news_page_count
from .page import Page
from .renderer import Renderer


def choose_post(post: NewsPost, r: Renderer) -> Chosen:
    chosen = r.choose(post.versions)
    if chosen.prose is None:  # only in languages outside the fallback chain: show the first one
        chosen = Chosen(post.versions[sorted(post.versions)[0]], "fallback")
    return chosen


def news_pages(r: Renderer) -> list[Page]:
    """The listing pages, then one page per post."""
    _ = r.loc.gettext
    lang = r.loc.lang
    own = [post for post in r.project.news if lang in post.versions]
    counts = {code: news_page_count(sum(code in post.versions for post in r.project.news)) for code in r.config.codes}
    intro = r.intro("news")
    total = news_page_count(len(own))
    pages = []
    for number in range(1, total + 1):
        key = news_listing_key(number)
        chunk = own[(number - 1) * NEWS_PER_PAGE : number * NEWS_PER_PAGE]
        title = _("News") if number == 1 else _("News, page %(num)s") % {"num": number}
        description = _("News from the de:hub locations and the Hub Agency.")
        items = [
            {
                "key": news_key(post.slug),
                "date": post.date,
                "title": post.versions[lang].meta["title"],
                "summary": post.versions[lang].meta["summary"],
            }
            for post in chunk
        ]
        html = r.render(
            "news.html",
            key,
            title=title,
            intro=intro if number == 1 else NOTHING,
            items=items,
            number=number,
            total=total,
            page_keys=[news_listing_key(n) for n in range(1, total + 1)],
        )
        page = Page(key, title, description if number == 1 else f"{description} ({title})", html=html, switch_to="news")
        page.languages = [code for code in r.config.codes if counts[code] >= number]  # hreflang only where the page exists
        pages.append(page)
    for post in r.project.news:
        chosen = choose_post(post, r)
        meta = chosen.prose.meta  # type: ignore[union-attr]
        post_hubs = [r.hubs[slug] for slug in meta.get("hubs", []) if slug in r.hubs]
        key = news_key(post.slug)
        html = r.render("news_post.html", key, post=post, chosen=chosen, title=meta["title"], hubs=post_hubs)
        pages.append(Page(key, meta["title"], meta["summary"], html=html, notice=chosen.notice, text_lang=chosen.lang))
    return pages
