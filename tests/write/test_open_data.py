"""Open data: /api/hubs.json and /api/hubs.geojson against their published schemas, the page."""

from __future__ import annotations

import json
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator, FormatChecker

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.validate.project import read_project
from dehub.write.open_data import dump, geojson_document, hubs_document
from tests.conftest import ROOT, BuiltSite

LANGS = ["de", "en", "fr", "es", "zh", "ja", "ar"]
SLUGS = sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())


def load(site: BuiltSite, name: str) -> dict:
    return json.loads((site.root / "api" / name).read_text(encoding="utf-8"))


def validator(site: BuiltSite, name: str) -> Draft202012Validator:
    schema = load(site, name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == site.url + f"api/{name}"
    return Draft202012Validator(schema, format_checker=FormatChecker())


def test_hubs_json_matches_its_schema_and_the_hub_facts(built_site: BuiltSite) -> None:
    data = load(built_site, "hubs.json")
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(built_site, "hubs.schema.json").iter_errors(data)]
    assert errors == []
    assert data["$schema"] == built_site.url + "api/hubs.schema.json"
    assert [hub["slug"] for hub in data["hubs"]] == SLUGS
    assert data["languages"] == LANGS
    assert data["license"]["status"] == "proposed" and data["license"]["id"] == "CC-BY-4.0"
    berlin = data["hubs"][SLUGS.index("berlin")]
    assert set(berlin["name"]) == set(LANGS)
    assert berlin["name"]["en"] == "de:hub Berlin · Internet of Things & FinTech"
    city = {"name": "Berlin", "state": "Berlin", "lat": 52.52, "lon": 13.405, "focus": []}
    assert [{key: value for key, value in c.items() if key in city} for c in berlin["cities"]] == [city]
    assert berlin["cities"][0]["names"]["es"] == "Berlín" and berlin["cities"][0]["state_names"]["ja"] == "ベルリン州"
    assert [f["key"] for f in berlin["focus"]] == ["iot", "fintech"]
    assert berlin["focus"][0]["label"]["de"] == "Internet der Dinge" and berlin["focus"][0]["label"]["en"] == "Internet of Things"
    assert berlin["urls"] == {lang: built_site.url + f"{lang}/hubs/berlin/" for lang in LANGS}
    assert berlin["calendar"] == built_site.url + "calendar/berlin.ics"
    assert berlin["website"] is None, "no web address is invented"
    for hub in data["hubs"]:
        for lang, url in hub["urls"].items():
            assert (built_site.root / lang / "hubs" / hub["slug"] / "index.html").is_file(), url


def test_hubs_geojson_matches_its_schema_with_one_point_per_city(built_site: BuiltSite) -> None:
    data = load(built_site, "hubs.geojson")
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator(built_site, "hubs.geojson.schema.json").iter_errors(data)]
    assert errors == []
    assert data["type"] == "FeatureCollection" and "crs" not in data
    assert len(data["features"]) == 16, "the 16 cities of the 12 hubs"
    by_id = {feature["id"]: feature for feature in data["features"]}
    assert len(by_id) == 16
    leipzig = by_id["dresden-leipzig/leipzig"]
    assert leipzig["geometry"] == {"type": "Point", "coordinates": [12.375, 51.34]}, "RFC 7946: [longitude, latitude]"
    assert leipzig["properties"]["focus"] == ["smart-infrastructure"]
    assert leipzig["properties"]["hub"] == "dresden-leipzig" and leipzig["properties"]["state"] == "Sachsen"
    assert leipzig["properties"]["url"] == built_site.url + "en/hubs/dresden-leipzig/"
    for feature in data["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert 5.8 < lon < 15.1 and 47.2 < lat < 55.1, feature["id"]


def test_open_data_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEHUB_SITE_URL", "https://example.test/")
    config = load_config(ROOT)
    project = read_project(ROOT, config, Report())
    first = dump(hubs_document(config, project)) + dump(geojson_document(config, project))
    project.hubs.reverse()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1900000000")
    assert dump(hubs_document(config, project)) + dump(geojson_document(config, project)) == first
    assert first.count("\n  ") > 100, "indented, sorted keys: diffs stay readable"


@pytest.mark.parametrize("lang", LANGS)
def test_use_our_data_page_links_the_files_and_marks_the_license_as_proposed(built_site: BuiltSite, lang: str) -> None:
    page_url = built_site.url + f"{lang}/open-data/"
    doc = BeautifulSoup(built_site.page(f"{lang}/open-data").read_text(encoding="utf-8"), "html.parser")
    content = doc.select_one("article")
    targets = {urljoin(page_url, a["href"]) for a in content.find_all("a")}
    for path in (
        "api/hubs.json",
        "api/hubs.geojson",
        "api/hubs.schema.json",
        "api/hubs.geojson.schema.json",
        "calendar/all.ics",
        f"{lang}/news/feed.xml",
    ):
        assert built_site.url + path in targets, path
        assert (built_site.root / path).is_file(), path
    assert "CC BY 4.0" in content.get_text()
    assert content.select_one(".dehub-notice") is not None, "the license is marked as a proposal"
    snippet = content.select_one("pre code").get_text()
    card = BeautifulSoup(snippet, "html.parser")
    assert not card.find_all(["script", "iframe", "img", "link", "style"])
    assert card.div["lang"] == lang
    assert card.a["href"] == built_site.url + f"{lang}/hubs/{SLUGS[0]}/"
    assert not content.select("pre code *"), "the snippet is shown as text, not as markup"
    footer = [urljoin(page_url, a["href"]) for a in doc.select(".dehub-footer-links a")]
    assert page_url in footer


def test_every_page_links_the_open_data_page_in_its_footer(built_site: BuiltSite) -> None:
    for lang in ("en", "ar"):
        page_url = built_site.url + f"{lang}/hubs/koeln/"
        doc = BeautifulSoup(built_site.page(f"{lang}/hubs/koeln").read_text(encoding="utf-8"), "html.parser")
        assert built_site.url + f"{lang}/open-data/" in [urljoin(page_url, a["href"]) for a in doc.select(".dehub-footer-links a")]
