"""An event that ended after the build is marked as past in the browser, in the reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_repo
from tests.render.test_events import add_events, build
from tests.server import StaticServer

pytestmark = pytest.mark.browser

ENDED = ".dehub-event--past"


@pytest.fixture(scope="module")
def events_site(tmp_path_factory: pytest.TempPathFactory):
    """Built on 2027-01-01: the hub evening (2027-03-01 18:00-21:00) and the logistics day (2027-03-15/16) are upcoming."""
    tmp = tmp_path_factory.mktemp("events-past")
    repo = make_repo(tmp, hubs=("berlin", "dortmund", "hamburg"))
    add_events(repo)
    out = build(repo, tmp / "site", langs=("en", "fr", "de"))
    with StaticServer(out) as server:
        yield server.url


def open_at(browser, url: str, moment: str, javascript: bool = True):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    if javascript:
        page.clock.set_fixed_time(moment)
    page.goto(url)
    page.wait_for_load_state("load")
    return context, page


def ended_titles(page) -> list[str]:
    return page.eval_on_selector_all(f"{ENDED} .dehub-event__title", "items => items.map(item => item.textContent.trim())")


def test_nothing_is_marked_while_the_build_is_current(browser, events_site: str) -> None:
    context, page = open_at(browser, events_site + "en/events/", "2027-03-01T16:59:00Z")
    try:
        assert ended_titles(page) == []
        assert page.locator(".dehub-event__ended").count() == 0
    finally:
        context.close()


def test_an_event_is_marked_once_its_end_has_passed(browser, events_site: str) -> None:
    # 21:00 in Berlin is 20:00 UTC in March
    context, page = open_at(browser, events_site + "en/events/", "2027-03-01T20:01:00Z")
    try:
        assert ended_titles(page) == ["Hub evening & networking"]
        assert page.locator(f"{ENDED} .dehub-event__ended").all_inner_texts() == ["This event has ended"]
    finally:
        context.close()


def test_all_day_events_end_with_their_last_day_in_berlin(browser, events_site: str) -> None:
    context, page = open_at(browser, events_site + "fr/events/", "2027-03-16T22:59:00Z")  # 23:59 on the 16th in Berlin
    try:
        assert "Logistics day" not in " ".join(ended_titles(page))
    finally:
        context.close()
    context, page = open_at(browser, events_site + "fr/events/", "2027-03-16T23:00:00Z")
    try:
        assert len(ended_titles(page)) == 2
        assert set(page.locator(".dehub-event__ended").all_inner_texts()) == {"Cet événement est terminé"}
    finally:
        context.close()


def test_past_section_and_home_page_are_left_alone_and_no_js_keeps_the_builds_view(browser, events_site: str) -> None:
    context, page = open_at(browser, events_site + "de/events/", "2030-01-01T00:00:00Z")
    try:
        assert page.locator(f"#past ~ ul {ENDED}").count() == 0, "past events are not marked twice"
        assert page.locator(ENDED).count() == 2
    finally:
        context.close()
    context, page = open_at(browser, events_site + "de/events/", "2030-01-01T00:00:00Z", javascript=False)
    try:
        assert page.locator(ENDED).count() == 0
    finally:
        context.close()


def test_upcoming_events_carry_their_end_and_past_ones_do_not(events_site: str, tmp_path: Path) -> None:
    import urllib.request

    html = urllib.request.urlopen(events_site + "en/events/", timeout=10).read().decode()  # noqa: S310 - loopback
    assert 'data-ends="2027-03-01T20:00:00Z"' in html
    assert 'data-ends="2027-03-16T23:00:00Z"' in html
    assert html.count("data-ends=") == 2, "the past autumn meetup carries no end to check"
