"""News: posts with validated front matter, paginated listings, post pages, Atom feeds.

News exists only in fixture repos: the shipped data has none, and must stay so.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, BuiltSite, make_repo, run_build_py
from tests.render.test_events import SITE, build

LANGS = ["de", "en", "fr", "es", "zh", "ja", "ar"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def post(
    repo: Path,
    lang: str,
    name: str,
    title: str,
    summary: str = "A short summary of this post.",
    extra: str = "",
    body: str = "The post's **text**.",
) -> None:
    day = name[:10]
    target = repo / "content" / lang / "news" / f"{name}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f"---\ntitle: {title}\ndate: {day}\nsummary: {summary}\n{extra}---\n\n{body}\n", encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """12 English posts (two listing pages), two German ones (one a translation), none in French."""
    tmp = tmp_path_factory.mktemp("news")
    repo = make_repo(tmp, hubs=("dortmund", "hamburg"))
    for day in range(1, 13):
        post(repo, "en", f"2027-01-{day:02d}-post-{day:02d}", f"Post {day:02d}", extra="hubs: [dortmund]\n" if day == 12 else "")
    post(repo, "de", "2027-01-12-post-12", "Beitrag 12", "Eine kurze Zusammenfassung.", extra="hubs: [dortmund, hamburg]\n")
    post(repo, "de", "2027-01-13-nur-auf-deutsch", "Nur auf Deutsch", "Ein Beitrag, den es nur auf Deutsch gibt.")
    return build(repo, tmp / "site")


def titles(doc: BeautifulSoup) -> list[str]:
    return [h.get_text(strip=True) for h in doc.select(".dehub-news__title")]


def test_the_listing_shows_ten_posts_a_page_newest_first(site: Path) -> None:
    first = soup(site / "en" / "news" / "index.html")
    second = soup(site / "en" / "news" / "page" / "2" / "index.html")
    assert titles(first) == [f"Post {day:02d}" for day in range(12, 2, -1)]
    assert titles(second) == ["Post 02", "Post 01"]
    assert not (site / "en" / "news" / "page" / "3").exists()
    nav = second.select_one("nav.dehub-pagination")
    assert urljoin(SITE + "en/news/page/2/", nav.select_one("a[rel=prev]")["href"]) == SITE + "en/news/"
    assert nav.select_one("a[aria-current=page]").get_text(strip=True) == "Page 2"
    assert urljoin(SITE + "en/news/", first.select_one("a[rel=next]")["href"]) == SITE + "en/news/page/2/"
    link = first.select_one(".dehub-news__title a")["href"]
    assert urljoin(SITE + "en/news/", link) == SITE + "en/news/post-12/"


def test_each_language_lists_its_own_posts_and_otherwise_shows_the_empty_state(site: Path) -> None:
    assert titles(soup(site / "de" / "news" / "index.html")) == ["Nur auf Deutsch", "Beitrag 12"]
    assert not (site / "de" / "news" / "page").exists()
    french = soup(site / "fr" / "news" / "index.html")
    assert titles(french) == []
    assert french.select_one(".dehub-empty") is not None


def test_a_page_that_exists_in_only_some_languages_has_hreflang_and_switcher_only_there(site: Path) -> None:
    doc = soup(site / "en" / "news" / "page" / "2" / "index.html")
    alternates = {link["hreflang"] for link in doc.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {"en", "x-default"}
    switcher = {a["hreflang"]: a["href"] for a in doc.select(".md-select__list a") if a.get("lang") == a.get("hreflang")}
    assert urljoin(SITE + "en/news/page/2/", switcher["de"]) == SITE + "de/news/"
    assert urljoin(SITE + "en/news/page/2/", switcher["en"]) == SITE + "en/news/page/2/"


def test_post_pages_show_date_hubs_and_fall_back_with_a_notice(site: Path) -> None:
    german = soup(site / "de" / "news" / "post-12" / "index.html")
    assert german.h1.get_text(strip=True) == "Beitrag 12"
    assert german.select_one(".dehub-news__date time")["datetime"] == "2027-01-12"
    assert [a.get_text(strip=True) for a in german.select(".dehub-news__hubs a")] == [
        "de:hub Dortmund · Logistik",
        "de:hub Hamburg · Logistik",
    ]
    assert german.select_one(".dehub-notice") is None
    assert german.select_one(".dehub-prose strong").get_text() == "text"
    french = soup(site / "fr" / "news" / "post-12" / "index.html")
    assert french.h1.get_text(strip=True) == "Post 12" and french.h1["lang"] == "en"
    assert french.select_one(".dehub-notice") is not None
    only_german = soup(site / "en" / "news" / "nur-auf-deutsch" / "index.html")
    assert only_german.h1["lang"] == "de" and only_german.select_one(".dehub-notice") is not None
    description = german.find("meta", attrs={"name": "description"})["content"]
    assert description == "Eine kurze Zusammenfassung."


def test_every_feed_is_valid_atom(site: Path) -> None:
    feeds = {lang: feedparser.parse((site / lang / "news" / "feed.xml").read_bytes()) for lang in ("en", "de", "fr")}
    for lang, feed in feeds.items():
        assert not feed.bozo, (lang, feed.get("bozo_exception"))
        assert feed.version == "atom10"
        assert feed.feed.id == SITE + f"{lang}/news/"
        assert feed.feed.language == lang
        assert any(link.rel == "self" and link.href == SITE + f"{lang}/news/feed.xml" for link in feed.feed.links)
    assert [e.title for e in feeds["en"].entries] == [f"Post {day:02d}" for day in range(12, 0, -1)]
    assert feeds["en"].entries[0].link == SITE + "en/news/post-12/"
    assert feeds["en"].entries[0].summary == "A short summary of this post."
    assert feeds["en"].feed.updated == "2027-01-12T00:00:00+01:00"
    assert [e.title for e in feeds["de"].entries] == ["Nur auf Deutsch", "Beitrag 12"]
    assert feeds["fr"].entries == []
    assert feeds["fr"].feed.updated == "2027-01-01T01:00:00+01:00", "an empty feed is updated at the build epoch"


def test_every_page_of_a_language_announces_its_feed(site: Path) -> None:
    for lang in ("en", "fr"):
        pages = sorted((site / lang).rglob("index.html"))
        assert len(pages) > 10
        for page in pages:
            if "assets" in page.parts:
                continue
            links = soup(page).find_all("link", rel="alternate", type="application/atom+xml")
            assert [link["href"] for link in links] == [SITE + f"{lang}/news/feed.xml"], page


def test_news_front_matter_errors_name_file_line_and_column(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, hubs=("dortmund", "hamburg"))
    news = repo / "content"
    for rel, text in {
        "en/news/2027-03-01-launch.md": """\
            ---
            title: Launch
            date: 2027-03-02
            hubs: [dortmund, dortmnud]
            summry: A typo
            ---
            Text
        """,
        "de/news/2027-02-30-falsch.md": """\
            ---
            title: <b>Falsch</b>
            date: 2027-13-01
            summary: Kurz.
            ---
        """,
        "en/news/launch.md": "---\ntitle: x\n---\n",
        "fr/news/2027-03-01-sans.md": "Pas de front matter.\n",
        "en/news/notes.txt": "x\n",
        "fr/news/2027-03-02-vide.md": "---\ntitle: ''\ndate: 2027-03-02\nsummary: 5\nhubs: hamburg\n---\n",
    }.items():
        (news / rel).parent.mkdir(parents=True, exist_ok=True)
        (news / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if ": error: " in line]
    assert errors == [
        "content/de/news/2027-02-30-falsch.md:1: error: the file name's date 2027-02-30 is not a real date",
        "content/de/news/2027-02-30-falsch.md:2:8: error: 'title' must be plain text on one line, without '<', '>' or control characters",
        "content/de/news/2027-02-30-falsch.md:3:7: error: 'date' '2027-13-01' is not a real date; write YYYY-MM-DD",
        "content/en/news/2027-03-01-launch.md:1:1: error: front matter needs 'summary'; a news post has a title, a date (YYYY-MM-DD) and a summary",
        "content/en/news/2027-03-01-launch.md:3:7: error: 'date' 2027-03-02 does not match the date in the file name (2027-03-01); change one of them",
        "content/en/news/2027-03-01-launch.md:4:18: error: unknown hub 'dortmnud'; did you mean 'dortmund'? see the folders in hubs/",
        "content/en/news/2027-03-01-launch.md:5:1: error: unknown front matter key 'summry'; did you mean 'summary'? allowed: title, date, hubs, summary, source_hash",
        "content/en/news/launch.md:1: error: a news post's file name is YYYY-MM-DD-slug.md, e.g. 2027-03-01-hub-evening.md (lowercase letters, digits, hyphens)",
        "content/en/news/notes.txt:1: error: 'notes.txt' is not read by the build; only news posts (YYYY-MM-DD-slug.md) belong in content/en/news/",
        "content/fr/news/2027-03-01-sans.md:1:1: error: a news post starts with front matter between '---' lines: title, date, summary (and optional hubs)",
        "content/fr/news/2027-03-02-vide.md:2:8: error: 'title' must be a text, not ''",
        "content/fr/news/2027-03-02-vide.md:4:10: error: 'summary' must be a text, not 5",
        "content/fr/news/2027-03-02-vide.md:5:7: error: 'hubs' must be a list of hub slugs like [dortmund, hamburg], not 'hamburg'",
    ]


def test_a_slug_used_by_two_posts_with_different_dates_is_an_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, hubs=("dortmund",))
    post(repo, "en", "2027-03-01-meetup", "Meetup")
    post(repo, "de", "2027-03-08-meetup", "Treffen")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert (
        "content/en/news/2027-03-01-meetup.md:1: error: the slug 'meetup' is already used by content/de/news/2027-03-08-meetup.md; "
        "a translation keeps the file name, another post needs another slug"
    ) in result.stderr.splitlines()


def test_shipped_data_has_no_news() -> None:
    """Truth rule: no invented news. Only the Agency publishes real posts."""
    assert not sorted((ROOT / "content").glob("*/news/*.md"))


def test_the_shipped_site_has_an_empty_news_page_and_feed_in_every_language(built_site: BuiltSite) -> None:
    for lang in LANGS:
        doc = soup(built_site.page(f"{lang}/news"))
        assert doc.select_one(".dehub-empty") is not None, lang
        feed = feedparser.parse((built_site.root / lang / "news" / "feed.xml").read_bytes())
        assert not feed.bozo and feed.entries == [], lang
        assert feed.feed.title
