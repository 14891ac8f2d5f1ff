"""Issue 17, on the built site: place names in the reader's language and CLDR punctuation between
list items (no German names and no ASCII comma between native words on zh, ja and ar pages)."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.localize.places import STATES
from dehub.validate.project import read_project
from tests.conftest import ROOT, BuiltSite

PAGES = ["zh/hubs", "ja/hubs/koeln", "ja/hubs/dresden-leipzig", "ja/hubs/mannheim-ludwigshafen", "ar/hubs", "zh/index", "ar/index"]
ASCII_COMMA_BETWEEN_NATIVE_WORDS = re.compile(r"[^\x00-\x7f]\s*,\s*[^\x00-\x7f]")


def german_names() -> set[str]:
    report = Report()
    project = read_project(ROOT, load_config(ROOT), report)
    return {city.name for hub in project.hubs for city in hub.cities} | set(STATES)


def visible(built_site: BuiltSite, path: str) -> tuple[str, list[str]]:
    """A page's visible text (without German-only links, which carry lang="de") and its aria-labels and titles."""
    doc = BeautifulSoup(built_site.page(path.removesuffix("/index")).read_text(encoding="utf-8"), "html.parser")
    for element in doc(["script", "style", "template"]):
        element.decompose()
    for element in doc.select('[lang="de"]'):
        element.decompose()
    labels = [str(el[name]) for el in doc.find_all(True) for name in ("aria-label", "title", "alt") if el.has_attr(name)]
    return doc.get_text(" "), labels


@pytest.mark.parametrize("path", PAGES)
def test_no_german_place_names_on_chinese_japanese_and_arabic_pages(built_site: BuiltSite, path: str) -> None:
    names = german_names()
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")(?![\w-])")
    text, labels = visible(built_site, path)
    assert pattern.findall(text) == [], path
    assert [label for label in labels if pattern.search(label)] == [], path


@pytest.mark.parametrize("path", PAGES)
def test_no_ascii_comma_between_list_items_of_native_words(built_site: BuiltSite, path: str) -> None:
    text, labels = visible(built_site, path)
    assert ASCII_COMMA_BETWEEN_NATIVE_WORDS.findall(text) == []
    assert [label for label in labels if ASCII_COMMA_BETWEEN_NATIVE_WORDS.search(label)] == []


def test_cards_facts_and_filters_use_cldr_lists_and_localized_names(built_site: BuiltSite) -> None:
    zh = BeautifulSoup(built_site.page("zh/hubs").read_text(encoding="utf-8"), "html.parser")
    cards = [p.get_text() for p in zh.select(".dehub-card__cities")]
    assert "德累斯顿（萨克森州）和莱比锡（萨克森州）" in cards
    states = [a.get_text(" ", strip=True) for a in zh.select('a[data-filter="state"]')]
    assert "巴伐利亚州 (2)" in states and not any("Bayern" in s for s in states)
    ja = BeautifulSoup(built_site.page("ja/hubs/dresden-leipzig").read_text(encoding="utf-8"), "html.parser")
    facts = [dd.get_text(strip=True) for dd in ja.select(".dehub-facts dd")]
    assert "ドレスデン（ザクセン州）：スマートシステム" in facts, facts
    ar = BeautifulSoup(built_site.page("ar/hubs/dresden-leipzig").read_text(encoding="utf-8"), "html.parser")
    assert ar.select_one(".dehub-map figcaption").get_text() == "دريسدن ولايبزيغ"  # CLDR's Arabic "and"


def test_the_map_counts_cities_and_hubs_each_with_its_plural_form(built_site: BuiltSite) -> None:
    captions = {
        lang: BeautifulSoup(built_site.page(f"{lang}/hubs").read_text(encoding="utf-8"), "html.parser").select_one("figcaption").get_text()
        for lang in ("en", "ja", "ar")
    }
    assert captions["en"].startswith("16 cities and 12 hubs.")
    assert captions["ja"].startswith("16都市、12拠点。")
    assert captions["ar"].startswith("16 مدينةً و12 مركزًا.")


def test_state_pages_keep_their_german_slugs_and_name_the_state_in_the_readers_language(built_site: BuiltSite) -> None:
    doc = BeautifulSoup(built_site.page("fr/hubs/state/bayern").read_text(encoding="utf-8"), "html.parser")
    assert "Bavière" in doc.h1.get_text()
    assert (built_site.root / "ja" / "hubs" / "state" / "nordrhein-westfalen" / "index.html").is_file()


def test_json_ld_names_the_place_in_the_readers_language_with_the_german_name_as_alternate(built_site: BuiltSite) -> None:
    doc = BeautifulSoup(built_site.page("ja/hubs/koeln").read_text(encoding="utf-8"), "html.parser")
    data = [json.loads(s.string) for s in doc.find_all("script", type="application/ld+json")]
    place = next(d for d in data if d["@type"] == "Organization")["location"][0]
    assert (place["name"], place["alternateName"]) == ("ケルン", "Köln")
    assert place["address"]["addressLocality"] == "ケルン"
    assert place["address"]["addressRegion"] == "ノルトライン＝ヴェストファーレン州"


def test_open_data_keeps_the_official_names_and_adds_the_localized_ones(built_site: BuiltSite) -> None:
    hubs = json.loads((built_site.root / "api" / "hubs.json").read_text(encoding="utf-8"))["hubs"]
    koeln = next(hub for hub in hubs if hub["slug"] == "koeln")["cities"][0]
    assert (koeln["name"], koeln["state"]) == ("Köln", "Nordrhein-Westfalen")
    assert koeln["names"]["en"] == "Cologne" and koeln["names"]["zh"] == "科隆" and koeln["names"]["de"] == "Köln"
    assert koeln["state_names"]["fr"] == "Rhénanie-du-Nord-Westphalie"
    geojson = json.loads((built_site.root / "api" / "hubs.geojson").read_text(encoding="utf-8"))
    assert {f["properties"]["city"] for f in geojson["features"]} >= {"Köln", "München"}


def test_the_filters_on_the_chinese_hubs_page_are_in_pinyin_order(built_site: BuiltSite) -> None:
    doc = BeautifulSoup(built_site.page("zh/hubs").read_text(encoding="utf-8"), "html.parser")
    label = lambda a: a.find(string=True, recursive=False).strip()  # noqa: E731 - the name, without its icon and count
    focus = [label(a) for a in doc.select('a[data-filter="focus"]')]
    states = [label(a) for a in doc.select('a[data-filter="state"]')]
    # bǎo, huà, jiàn, jīn, méi, shù, wǎng, wèi, wù lián, wù liú, yí, yìng, zhì néng jī, zhì néng xì
    assert focus == [
        "保险科技",
        "化学",
        "健康",
        "金融科技",
        "媒体科技",
        "数字健康",
        "网络安全",
        "未来产业",
        "物联网",
        "物流",
        "移动出行",
        "应用人工智能",
        "智能基础设施",
        "智能系统",
    ]
    # bā dēng, bā fá, běi, bó lán, bó lín, hàn, hēi, lái, sà
    assert states == [
        "巴登-符腾堡州",
        "巴伐利亚州",
        "北莱茵-威斯特法伦州",
        "勃兰登堡州",
        "柏林",
        "汉堡",
        "黑森州",
        "莱茵兰-普法尔茨州",
        "萨克森州",
    ]
    assert states != sorted(states)  # not code point order
