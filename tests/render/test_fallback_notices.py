"""Issue 17: every page kind that can fall back says so, in the reader's language, on built pages.

Two fixture repos: one where French, Spanish, Chinese, Japanese and Arabic lack every text
(they fall back to English; the English initiative page is behind its German original, and
the open data intro and a news post exist only in German), one where English lacks them too
(English falls back to German). The legal pages' note is checked on the shipped site.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from dehub.config import load_config
from dehub.localize.localizer import localizer
from dehub.urls import LEGAL_PAGES
from tests.conftest import ROOT, BuiltSite, make_repo
from tests.render.test_events import build
from tests.render.test_news import post

FALLBACK = "This text is not yet available in your language. It is shown in %(language)s."
OUTDATED = "This translation may be out of date: the German original has changed since it was translated."
BINDING = "This translation is for your information; only the German version is legally binding."
READ_GERMAN = "Read the German version"
TRANSLATED = ("fr", "es", "zh", "ja", "ar")
CONTENT = ("initiative", "founders", "investors", "skilled-workers", *LEGAL_PAGES)
GERMAN_ONLY = ("open-data", "news/nur-auf-deutsch")  # intros/posts the fixture has only in German
KINDS = ("index", "hubs", "events", "hubs/dortmund", *GERMAN_ONLY, *CONTENT)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, lang: str, key: str) -> BeautifulSoup:
    return soup(site / lang / ("" if key == "index" else key) / "index.html")


def notices(doc: BeautifulSoup) -> list[str]:
    return [re.sub(r"[ \t\n]+", " ", p.get_text(" ", strip=True)) for aside in doc.select("aside.dehub-notice") for p in aside.select("p")]


def expected(lang: str, text_lang: str) -> str:
    loc = localizer(ROOT, lang, load_config(ROOT).fallback_chain(lang))
    return loc.gettext(FALLBACK) % {"language": loc.language_name_here(text_lang)}


def drop(repo: Path, langs: tuple[str, ...]) -> None:
    for lang in langs:
        shutil.rmtree(repo / "content" / lang, ignore_errors=True)
        for prose in (repo / "hubs").glob(f"*/{lang}.md"):
            prose.unlink()


def german_only_texts(repo: Path) -> None:
    (repo / "content" / "de" / "open-data.md").write_text("---\ntitle: Offene Daten\n---\n\nNur auf Deutsch.\n", encoding="utf-8")
    post(repo, "de", "2027-01-05-nur-auf-deutsch", "Nur auf Deutsch", "Ein Beitrag, den es nur auf Deutsch gibt.")


@pytest.fixture(scope="module")
def to_english(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("fallback-en")
    repo = make_repo(tmp, with_content=True)
    drop(repo, TRANSLATED)
    german_only_texts(repo)
    initiative = repo / "content" / "en" / "initiative.md"
    text = initiative.read_text(encoding="utf-8")
    initiative.write_text(re.sub(r"source_hash: \w+", "source_hash: 000000000000", text), encoding="utf-8")
    return build(repo, tmp / "site", langs=("de", "en", *TRANSLATED))


@pytest.fixture(scope="module")
def to_german(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("fallback-de")
    repo = make_repo(tmp, with_content=True)
    drop(repo, ("en", *TRANSLATED))
    german_only_texts(repo)
    return build(repo, tmp / "site", langs=("de", "en", "ar"))


@pytest.mark.parametrize("lang", TRANSLATED)
def test_every_page_kind_falls_back_to_english_with_a_notice(to_english: Path, lang: str) -> None:
    for key in KINDS:
        text_lang = "de" if key in GERMAN_ONLY else "en"
        doc = page(to_english, lang, key)
        assert expected(lang, text_lang) in notices(doc), f"{lang}/{key}: no fallback notice"
        assert doc.html["lang"] == lang
        if key in CONTENT or key.startswith("news/"):  # the page's title is the stand-in text's own
            assert doc.h1["lang"] == text_lang, f"{lang}/{key}: the heading does not carry the text's language"


def test_a_stand_in_text_that_is_itself_outdated_says_so(to_english: Path) -> None:
    loc = localizer(ROOT, "fr", load_config(ROOT).fallback_chain("fr"))
    said = notices(page(to_english, "fr", "initiative"))
    assert expected("fr", "en") in said and loc.gettext(OUTDATED) in said
    assert loc.gettext(OUTDATED) not in notices(page(to_english, "fr", "founders"))  # a current English text
    assert OUTDATED in notices(page(to_english, "en", "initiative"))  # and on its own page


def test_the_source_language_never_shows_a_fallback_notice(to_english: Path) -> None:
    german = localizer(ROOT, "de", load_config(ROOT).fallback_chain("de"))
    unwanted = {expected("de", "en"), german.gettext(OUTDATED)}
    for key in KINDS:
        assert not unwanted & set(notices(page(to_english, "de", key))), key


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_every_page_kind_falls_back_to_german_with_a_notice(to_german: Path, lang: str) -> None:
    for key in KINDS:
        doc = page(to_german, lang, key)
        assert expected(lang, "de") in notices(doc), f"{lang}/{key}: no fallback notice"
        if key in CONTENT:
            assert doc.h1["lang"] == "de"
            assert doc.select_one("article [lang=de], .md-content [lang=de]") is not None


LANGS = ("en", "fr", "es", "zh", "ja", "ar")


@pytest.mark.parametrize("lang", LANGS)
def test_legal_pages_say_only_german_is_binding_and_link_to_it(built_site: BuiltSite, lang: str) -> None:
    loc = localizer(ROOT, lang, load_config(ROOT).fallback_chain(lang))
    for key in LEGAL_PAGES:
        doc = soup(built_site.page(f"{lang}/{key}"))
        note = doc.select_one("aside.dehub-notice--legal")
        assert note is not None, f"{lang}/{key}"
        assert loc.gettext(BINDING) in note.get_text(" ", strip=True)
        link = note.a
        assert link.get_text(strip=True) == loc.gettext(READ_GERMAN) and link["hreflang"] == "de"
        assert urljoin(built_site.url + f"{lang}/{key}/", link["href"]) == built_site.url + f"de/{key}/"
        if lang != "en":
            assert loc.gettext(BINDING) != BINDING, f"{lang}: not translated"
    assert soup(built_site.page("en/initiative")).select_one("aside.dehub-notice--legal") is None


def test_german_legal_pages_have_no_such_note_and_no_translation_repeats_it_by_hand(built_site: BuiltSite) -> None:
    for key in LEGAL_PAGES:
        assert soup(built_site.page(f"de/{key}")).select_one("aside.dehub-notice--legal") is None
    hand_written = re.compile(r"fait foi|vinculante|法的拘束力|法律约束力|legally binding|الملزمة", re.I)
    for lang in LANGS:
        for key in LEGAL_PAGES:
            prose = soup(built_site.page(f"{lang}/{key}")).select_one(".md-content div[lang], .md-content article")
            body = soup(built_site.page(f"{lang}/{key}"))
            for aside in body.select("aside.dehub-notice--legal"):
                aside.decompose()
            assert not hand_written.search(body.select_one(".md-content").get_text(" ")), f"{lang}/{key}"
            assert prose is not None
