"""Events: the events page by month, filter pages, JSON-LD, subscribe links, the empty state.

Events exist only in fixture repos: the shipped data has none, and must stay so.
"""

from __future__ import annotations

import json
import textwrap
from datetime import datetime
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.localize.localizer import localizer
from dehub.model import Event
from dehub.render.events import event_pages
from dehub.render.jsonld import script_tag
from dehub.render.renderer import Renderer
from dehub.validate.project import read_project
from tests.conftest import ROOT, BuiltSite, make_repo, run_build_py

SITE = "https://example.test/"
EVENING = "Hub evening & networking"
EVIL = "Hub evening </script><script>alert(1)</script><!-- & more"  # validation refuses '<'; the renderer must cope anyway
DORTMUND_EVENTS = f"""\
events:
  - title:
      en: {EVENING}
      de: Hub-Abend
    start: 2027-03-01T18:00
    end: 2027-03-01T21:00
    city: Dortmund
    url: https://example.org/hub-evening
  - title: Autumn meetup
    start: 2026-11-05
    city: Dortmund
"""
AGENCY_EVENT = """\
title: {en: Logistics day, de: Logistiktag}
start: 2027-03-15
end: 2027-03-16
city: Hamburg
hubs: [dortmund, hamburg]
"""


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def add_events(repo: Path) -> None:
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8") + DORTMUND_EVENTS, encoding="utf-8")
    (repo / "content" / "events").mkdir(parents=True, exist_ok=True)
    (repo / "content" / "events" / "logistics-day.yml").write_text(AGENCY_EVENT, encoding="utf-8")


def build(repo: Path, out: Path, epoch: str | None = None, langs: tuple[str, ...] = ("en", "fr", "de")) -> Path:
    env = {"DEHUB_SITE_URL": SITE} | ({"SOURCE_DATE_EPOCH": epoch} if epoch else {})
    args = [arg for lang in langs for arg in ("--lang", lang)]
    result = run_build_py("build", "--out", str(out), *args, root=repo, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Dortmund and Hamburg with events, Berlin without; built on 2027-01-01."""
    tmp = tmp_path_factory.mktemp("events")
    repo = make_repo(tmp, hubs=("berlin", "dortmund", "hamburg"))
    add_events(repo)
    return build(repo, tmp / "site")


def events_in(section: BeautifulSoup | None) -> list[str]:
    return [li.select_one(".dehub-event__title").get_text(strip=True) for li in (section.select(".dehub-event") if section else [])]


def upcoming_and_past(doc: BeautifulSoup) -> tuple[list[str], list[str]]:
    """Event titles under the 'upcoming' heading and under the 'past' heading."""
    upcoming, past, current = [], [], None
    for node in doc.select("article h2, article li.dehub-event"):
        if node.name == "h2":
            current = {"upcoming": upcoming, "past": past}.get(node.get("id"))
        elif current is not None:
            current.append(node.select_one(".dehub-event__title").get_text(strip=True))
    return upcoming, past


def test_events_are_split_into_upcoming_and_past_by_the_build_date(site: Path) -> None:
    upcoming, past = upcoming_and_past(soup(site / "en" / "events" / "index.html"))
    assert upcoming == [EVENING, "Logistics day"]
    assert past == ["Autumn meetup"]


def test_a_past_event_moves_to_past_when_the_build_epoch_passes_it(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, hubs=("dortmund", "hamburg"))
    add_events(repo)
    before = build(repo, tmp_path / "before", epoch="1798761600", langs=("en",))  # 2027-01-01
    after = build(repo, tmp_path / "after", epoch="1805500800", langs=("en",))  # 2027-03-20
    assert upcoming_and_past(soup(before / "en" / "events" / "index.html")) == ([EVENING, "Logistics day"], ["Autumn meetup"])
    assert upcoming_and_past(soup(after / "en" / "events" / "index.html")) == ([], ["Logistics day", EVENING, "Autumn meetup"])
    home = soup(after / "en" / "index.html")
    assert not home.select(".dehub-event"), "the home page lists only upcoming events"


def test_months_are_named_in_the_readers_language(site: Path) -> None:
    months = {
        lang: [h.get_text(strip=True) for h in soup(site / lang / "events" / "index.html").select("h3.dehub-month")]
        for lang in ("en", "fr", "de")
    }
    assert months["en"] == ["March 2027", "November 2026"]
    assert months["fr"] == ["mars 2027", "novembre 2026"]
    assert months["de"] == ["März 2027", "November 2026"]


def squash(text: str) -> str:
    """Text without any kind of space (CLDR uses narrow and thin spaces in times and ranges)."""
    return "".join(text.split())


def test_times_are_localized_and_name_the_time_zone(site: Path) -> None:
    expected = {
        "en": ("Mon, Mar 1, 2027, 6:00 – 9:00 PM", "Central European Standard Time"),
        "fr": ("lun. 1 mars 2027, 18:00 – 21:00", "heure normale d’Europe centrale"),
        "de": ("Mo., 1. März 2027, 18:00–21:00 Uhr", "Mitteleuropäische Normalzeit"),
    }
    for lang, (when, zone) in expected.items():
        doc = soup(site / lang / "events" / "index.html")
        element = doc.select_one("time[datetime='2027-03-01T18:00:00+01:00']")
        assert element is not None, lang
        assert squash(element.get_text()) == squash(f"{when} ({zone})"), (lang, element.get_text())
    all_day = soup(site / "fr" / "events" / "index.html").select_one("time[datetime='2027-03-15']")
    assert squash(all_day.get_text()) == squash("lun. 15 – mar. 16 mars 2027"), all_day.get_text()


def test_every_event_carries_schema_org_json_ld(site: Path) -> None:
    doc = soup(site / "en" / "events" / "index.html")
    items = doc.select("li.dehub-event")
    assert len(items) == 3
    for item in items:
        scripts = item.find_all("script", type="application/ld+json")
        assert len(scripts) == 1
        data = json.loads(scripts[0].string)
        assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
        assert data["name"] == item.select_one(".dehub-event__title").get_text(strip=True)
        assert data["location"]["@type"] == "Place" and data["location"]["address"]["addressCountry"] == "DE"
    evening = json.loads(items[0].find("script").string)
    assert evening["name"] == EVENING
    assert evening["startDate"] == "2027-03-01T18:00:00+01:00" and evening["endDate"] == "2027-03-01T21:00:00+01:00"
    assert evening["url"] == "https://example.org/hub-evening"
    assert evening["location"]["geo"] == {"@type": "GeoCoordinates", "latitude": 51.514, "longitude": 7.468}
    assert [o["url"] for o in evening["organizer"]] == [SITE + "en/hubs/dortmund/"]
    day = json.loads(items[1].find("script").string)
    assert (day["startDate"], day["endDate"]) == ("2027-03-15", "2027-03-16")
    assert [o["name"] for o in day["organizer"]] == ["de:hub Dortmund · Logistics", "de:hub Hamburg · Logistics"]


def renderer(events: list[Event], lang: str = "en") -> Renderer:
    config = load_config(ROOT)
    report = Report()
    project = read_project(ROOT, config, report)
    assert report.ok
    project.events = events
    return Renderer(project, config, localizer(ROOT, lang, config.fallback_chain(lang)))


def test_json_ld_with_script_end_tags_in_a_title_stays_inside_its_script(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    event = Event(
        title={"en": EVIL}, start=datetime(2027, 3, 1, 18), city="Dortmund", hubs=("dortmund",), source="hubs/dortmund/hub.yml", line=20
    )
    page = event_pages(renderer([event]))[0]
    assert "</script><script>" not in page.html and "<!--" not in page.html
    doc = BeautifulSoup(page.html, "html.parser")
    scripts = doc.find_all("script")
    assert [s["type"] for s in scripts] == ["application/ld+json"]
    assert json.loads(scripts[0].string)["name"] == EVIL
    assert doc.select_one(".dehub-event__title").get_text() == EVIL
    assert (
        script_tag({"a": "</SCRIPT >&<!--"})
        == '<script type="application/ld+json">{"a":"\\u003c/SCRIPT \\u003e\\u0026\\u003c!--"}</script>'
    )


def test_hub_pages_carry_organization_and_place_json_ld(site: Path) -> None:
    doc = soup(site / "de" / "hubs" / "dortmund" / "index.html")
    data = [json.loads(s.string) for s in doc.find_all("script", type="application/ld+json")]
    org = next(d for d in data if d["@type"] == "Organization")
    assert org["name"] == "de:hub Dortmund · Logistik"
    assert org["url"] == SITE + "de/hubs/dortmund/"
    assert org["location"] == [
        {
            "@type": "Place",
            "name": "Dortmund",
            "geo": {"@type": "GeoCoordinates", "latitude": 51.514, "longitude": 7.468},
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Dortmund",
                "addressRegion": "Nordrhein-Westfalen",
                "addressCountry": "DE",
            },
        }
    ]
    assert org["knowsAbout"] == ["Logistik"]


def test_filter_pages_exist_only_for_hubs_and_foci_with_events(site: Path) -> None:
    events = site / "en" / "events"
    assert (events / "hub" / "dortmund" / "index.html").is_file()
    assert (events / "hub" / "hamburg" / "index.html").is_file()
    assert (events / "focus" / "logistics" / "index.html").is_file()
    assert not (events / "hub" / "berlin").exists(), "Berlin has no events"
    assert not (events / "focus" / "iot").exists() and not (events / "focus" / "fintech").exists()
    hamburg = soup(events / "hub" / "hamburg" / "index.html")
    assert upcoming_and_past(hamburg) == (["Logistics day"], [])
    assert hamburg.h1.get_text(strip=True) == "Events of de:hub Hamburg · Logistics"
    # A filter page doesn't repeat the list of every hub (1,000 hubs would make every page huge);
    # it offers the focus filters and the way back to all events.
    page_url = SITE + "en/events/hub/hamburg/"
    hamburg_links = {urljoin(page_url, a["href"]) for a in hamburg.select("nav.dehub-filter-groups a")}
    assert not [link for link in hamburg_links if "/events/hub/" in link]
    assert SITE + "en/events/focus/logistics/" in hamburg_links and SITE + "en/events/" in hamburg_links
    links = {urljoin(SITE + "en/events/", a["href"]) for a in soup(events / "index.html").select("nav.dehub-filter-groups a")}
    assert links == {SITE + f"en/events/{key}/" for key in ("hub/dortmund", "hub/hamburg", "focus/logistics")} | {SITE + "en/events/"}


def test_subscribe_links_on_the_events_page_and_hub_pages(site: Path) -> None:
    for page, calendar in (
        ("en/events", "all"),
        ("en/hubs/berlin", "berlin"),
        ("fr/hubs/dortmund", "dortmund"),
        ("en/events/hub/hamburg", "hamburg"),
    ):
        doc = soup(site / page / "index.html")
        hrefs = [a["href"] for a in doc.select(".dehub-subscribe a")]
        assert hrefs[0] == f"webcal://example.test/calendar/{calendar}.ics", page
        assert urljoin(SITE + page + "/", hrefs[1]) == SITE + f"calendar/{calendar}.ics", page
        assert (site / "calendar" / f"{calendar}.ics").is_file()


def test_the_shipped_events_page_shows_the_empty_state(built_site: BuiltSite) -> None:
    for lang in ("de", "en", "fr", "es", "zh", "ja", "ar"):
        doc = soup(built_site.page(f"{lang}/events"))
        assert not doc.select(".dehub-event"), lang
        assert len(doc.select(".dehub-empty")) == 2, lang
        how = doc.select_one(".dehub-empty--submit a")
        assert how["href"] == "#about-events" and doc.find(id="about-events") is not None, lang
        assert not (built_site.root / lang / "events" / "hub").exists()


def test_shipped_data_has_no_events() -> None:
    """Truth rule: no invented events. Only a hub or the Agency adds real ones."""
    for hub in sorted((ROOT / "hubs").glob("*/hub.yml")):
        assert "\nevents:" not in hub.read_text(encoding="utf-8"), hub
    assert not [p for p in (ROOT / "content" / "events").glob("*") if p.suffix in {".yml", ".yaml"}]


def test_an_event_naming_an_unknown_hub_is_reported_at_its_line(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, hubs=("dortmund", "hamburg"))
    (repo / "content" / "events").mkdir(parents=True)
    (repo / "content" / "events" / "day.yml").write_text(
        textwrap.dedent("""\
        title: Logistics day
        start: 2027-03-15
        city: Dortmund
        hubs:
          - dortmund
          - dortmnud
    """),
        encoding="utf-8",
    )
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert (
        "content/events/day.yml:6:5: error: unknown hub 'dortmnud'; did you mean 'dortmund'? see the folders in hubs/"
        in result.stderr.splitlines()
    )
