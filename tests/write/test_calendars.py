"""Calendars: /calendar/all.ics and /calendar/<slug>.ics, valid RFC 5545, reproducible."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from dehub.config import load_config
from dehub.urls import calendar_links, webcal
from tests.conftest import ROOT, BuiltSite, make_repo
from tests.render.test_events import SITE, add_events, build

SLUGS = sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())
LATER = "1805500800"  # 2027-03-20T00:00:00Z


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same fixture repo built twice with the test epoch (2027-01-01) and once later."""
    tmp = tmp_path_factory.mktemp("calendars")
    repo = make_repo(tmp, hubs=("berlin", "dortmund", "hamburg"))
    add_events(repo)
    return {
        "first": build(repo, tmp / "first", langs=("en",)),
        "second": build(repo, tmp / "second", langs=("en",)),
        "later": build(repo, tmp / "later", epoch=LATER, langs=("en",)),
    }


def parse(path: Path) -> Calendar:
    data = path.read_bytes()
    assert b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b""), "RFC 5545 lines end in CRLF"
    return Calendar.from_ical(data)


def events_of(cal: Calendar) -> dict[str, object]:
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_every_hub_has_a_calendar_and_every_calendar_is_valid(builds: dict[str, Path]) -> None:
    folder = builds["first"] / "calendar"
    assert sorted(p.name for p in folder.iterdir()) == ["all.ics", "berlin.ics", "dortmund.ics", "hamburg.ics"]
    for path in folder.iterdir():
        cal = parse(path)
        assert str(cal["VERSION"]) == "2.0"
        assert str(cal["PRODID"]).startswith("-//de:hub//")
        zones = cal.walk("VTIMEZONE")
        assert [str(z["TZID"]) for z in zones] == ["Europe/Berlin"], path
        assert zones[0].walk("DAYLIGHT") and zones[0].walk("STANDARD")
        for event in cal.walk("VEVENT"):
            assert event["DTSTAMP"].dt == datetime(2027, 1, 1, tzinfo=UTC)
            assert str(event["UID"]).endswith("@dehub")
            assert event.get("SUMMARY") and event.get("LOCATION") and event.get("URL")
    assert events_of(parse(folder / "berlin.ics")) == {}, "an empty calendar is still a valid, subscribable calendar"
    assert len(events_of(parse(folder / "all.ics"))) == 3
    assert len(events_of(parse(folder / "dortmund.ics"))) == 3
    assert len(events_of(parse(folder / "hamburg.ics"))) == 1


def test_event_fields_all_day_and_timed(builds: dict[str, Path]) -> None:
    events = {str(e["SUMMARY"]): e for e in parse(builds["first"] / "calendar" / "all.ics").walk("VEVENT")}
    evening = events["Hub evening & networking"]
    assert evening["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert evening["DTSTART"].dt.replace(tzinfo=None) == datetime(2027, 3, 1, 18, 0)
    assert evening["DTSTART"].dt.utcoffset() == timedelta(hours=1)
    assert evening["DTEND"].dt.replace(tzinfo=None) == datetime(2027, 3, 1, 21, 0)
    assert str(evening["LOCATION"]) == "Dortmund" and str(evening["URL"]) == "https://example.org/hub-evening"
    assert evening["SUMMARY"].params["LANGUAGE"] == "en"
    raw = (builds["first"] / "calendar" / "all.ics").read_bytes().decode("utf-8")
    assert "DTSTART;VALUE=DATE:20270315\r\nDTEND;VALUE=DATE:20270317\r\n" in raw
    day = events["Logistics day"]
    assert day["DTSTART"].dt == date(2027, 3, 15)
    assert day["DTEND"].dt == date(2027, 3, 17), "DTEND of an all-day event is the day after its last day"
    assert str(day["URL"]) == SITE + "en/events/"
    single = events["Autumn meetup"]
    assert single["DTSTART"].dt == date(2026, 11, 5) and single["DTEND"].dt == date(2026, 11, 6)


def test_two_builds_are_identical_and_uids_survive_a_new_epoch(builds: dict[str, Path]) -> None:
    for name in ("all", *("berlin", "dortmund", "hamburg")):
        first = (builds["first"] / "calendar" / f"{name}.ics").read_bytes()
        assert first == (builds["second"] / "calendar" / f"{name}.ics").read_bytes(), name
    before = events_of(parse(builds["first"] / "calendar" / "all.ics"))
    after = events_of(parse(builds["later"] / "calendar" / "all.ics"))
    assert set(before) == set(after)
    for uid, event in after.items():
        assert event["DTSTAMP"].dt == datetime(2027, 3, 20, tzinfo=UTC)
        assert event["DTSTART"].dt == before[uid]["DTSTART"].dt


def test_webcal_links_come_from_the_configured_site_url(monkeypatch: pytest.MonkeyPatch) -> None:
    assert webcal("https://example.test/dehub/calendar/all.ics") == "webcal://example.test/dehub/calendar/all.ics"
    monkeypatch.setenv("DEHUB_SITE_URL", "https://example.test/dehub/")
    config = load_config(ROOT)
    links = calendar_links(config, "hubs/berlin", "berlin")
    assert links == {"webcal": "webcal://example.test/dehub/calendar/berlin.ics", "download": "../../../calendar/berlin.ics"}
    assert calendar_links(config, "events")["download"] == "../../calendar/all.ics"


def test_the_shipped_site_has_an_empty_calendar_for_every_hub(built_site: BuiltSite) -> None:
    folder = built_site.root / "calendar"
    assert sorted(p.stem for p in folder.glob("*.ics")) == sorted(["all", *SLUGS])
    for path in sorted(folder.glob("*.ics")):
        cal = parse(path)
        assert not cal.walk("VEVENT"), path
        assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
