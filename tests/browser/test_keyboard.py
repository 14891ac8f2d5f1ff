"""Keyboard alone: the language switcher, the filters, and a visible focus on every stop."""

from __future__ import annotations

import pytest

from tests.browser import gates
from tests.browser.conftest import PAGE_TYPES

pytestmark = pytest.mark.browser

ACTIVE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const onTop = document.elementFromPoint(x, y);
  return {
    html: el.outerHTML.slice(0, 160),
    hreflang: el.getAttribute("hreflang"),
    filter: el.getAttribute("data-filter") + ":" + el.getAttribute("data-value"),
    isLanguageButton: !!el.closest(".md-select") && el.tagName === "BUTTON",
    shown: box.width > 0 && box.height > 0 && !!onTop && (onTop === el || el.contains(onTop)),
  };
}"""


def tab_to(page, predicate, limit: int = 120) -> dict:
    """Press Tab until the focused element satisfies `predicate`; return its description."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate(ACTIVE)
        if info and predicate(info):
            return info
        visited.append(info["html"] if info else "(body)")
    pytest.fail("never reached by Tab; focus went through:\n  " + "\n  ".join(visited[:60]), pytrace=False)


@pytest.fixture
def tab(browser, site):
    """A fresh tab that records console errors; JavaScript on unless asked otherwise."""
    opened = []

    def open_(path: str, *, javascript: bool = True, locale: str = "en-US"):
        context = browser.new_context(
            java_script_enabled=javascript, locale=locale, reduced_motion="reduce", viewport={"width": 1280, "height": 800}
        )
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        opened.append(context)
        page.goto(site(path))
        if javascript:
            gates.settle(page)
        return page

    yield open_
    for context in opened:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_language_switcher_works_with_the_keyboard(tab, site, javascript: bool) -> None:
    page = tab("fr/hubs/berlin/", javascript=javascript)
    tab_to(page, lambda i: i["isLanguageButton"])
    target = tab_to(page, lambda i: i["hreflang"] == "ja", limit=10)
    assert target["shown"], f"the focused switcher entry is not visible: {target['html']}"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == site("ja/hubs/berlin/")
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert not page.errors, page.errors


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "nojs"])
def test_filter_links_work_with_the_keyboard(tab, site, javascript: bool) -> None:
    page = tab("de/hubs/", javascript=javascript)
    tab_to(page, lambda i: i["filter"] == "focus:logistics")
    if not javascript:
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == site("de/hubs/focus/logistics/")
        return
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelectorAll('#dehub-hub-list .dehub-card:not([hidden])').length === 2")
    assert page.url == site("de/hubs/"), "with JavaScript the filter works in place"
    visible = page.evaluate("() => [...document.querySelectorAll('#dehub-hub-list .dehub-card')].filter(c => c.checkVisibility()).length")
    assert visible == 2
    assert page.evaluate("() => document.activeElement.getAttribute('aria-current')") == "true", "focus stays on the chosen filter"
    page.keyboard.press("Enter")  # the chosen filter again: all hubs
    page.wait_for_function("() => document.querySelectorAll('#dehub-hub-list .dehub-card:not([hidden])').length === 12")
    assert not page.errors, page.errors


FOCUS_PAGES = ["home", "hubs", "hub", "events", "imprint", "404"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["de", "ar"])  # left-to-right and right-to-left
@pytest.mark.parametrize("page_id", [p for p in FOCUS_PAGES if p in PAGE_TYPES])
def test_focus_is_visible_on_every_tab_stop(browser, site, page_id: str, lang: str, scheme: str) -> None:
    context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site(f"{lang}/{PAGE_TYPES[page_id]}"))
        gates.settle(page)
        seen = gates.tab_through(page)
        assert len(seen) > 5, f"only {len(seen)} tab stops"
        problems = gates.focus_problems(seen)
        if problems:
            pytest.fail(
                f"{len(problems)} of {len(seen)} tab stops show no outline or box-shadow when focused:\n  " + "\n  ".join(problems[:30]),
                pytrace=False,
            )
    finally:
        context.close()


@pytest.mark.parametrize("path", ["de/hubs/", "de/imprint/", "ar/hubs/berlin/", "en/no-such-page/"])
def test_skip_link_moves_to_the_main_content(tab, path: str) -> None:
    page = tab(path)
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.matches('a.md-skip')"), "the first Tab stop is not the skip link"
    box = page.evaluate(
        "() => { const r = document.activeElement.getBoundingClientRect(); return [r.width, r.height, getComputedStyle(document.activeElement).opacity]; }"
    )
    assert box[0] > 0 and box[1] > 0 and float(box[2]) == 1, f"the focused skip link is not shown: {box}"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
    assert inside, "after the skip link, Tab does not continue in the main content: " + page.evaluate(
        "() => document.activeElement.outerHTML.slice(0, 160)"
    )
