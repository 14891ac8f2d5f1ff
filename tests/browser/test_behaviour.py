"""What readers do: switch language, filter, arrive at the root, read Arabic (search: test_search.py)."""

from __future__ import annotations

import json

import pytest

from tests.browser import gates
from tests.browser.conftest import LANGS, SOURCE_LANG

pytestmark = pytest.mark.browser

SLUG_OF_CARD = "(card) => card.querySelector('.dehub-card__title a').getAttribute('href').replace(/\\/$/, '').split('/').pop()"
VISIBLE_SLUGS = f"""() => [...document.querySelectorAll('.dehub-cards .dehub-card')]
  .filter(card => card.checkVisibility() && card.closest('#dehub-hub-list, article > .dehub-cards, .md-content__inner > .dehub-cards'))
  .map({SLUG_OF_CARD}).sort()"""


@pytest.fixture
def open_page(browser, site):
    """A fresh context per call; console errors and uncaught exceptions are collected."""
    contexts = []

    def open_(path: str, *, javascript: bool = True, locale: str = "en-US", wait: bool = True):
        context = browser.new_context(
            java_script_enabled=javascript, locale=locale, reduced_motion="reduce", viewport={"width": 1280, "height": 800}
        )
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda m: page.errors.append(f"console.error: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: page.errors.append(f"uncaught: {e}"))
        page.goto(site(path))
        if javascript and wait:
            gates.settle(page)
        return page

    yield open_
    for context in contexts:
        context.close()


# --------------------------------------------------------------------------- language switcher


def test_switcher_leads_to_the_same_page_in_another_language(open_page, site) -> None:
    page = open_page("fr/hubs/berlin/")
    page.hover(".md-select .md-header__button")
    with page.expect_navigation():
        page.click(".md-select__link[hreflang='ja']")
    assert page.url == site("ja/hubs/berlin/")
    assert page.evaluate("document.documentElement.lang") == "ja"
    assert not page.errors, page.errors


def test_switcher_on_a_german_only_page_leads_to_the_home_page(open_page, site) -> None:
    page = open_page(f"{SOURCE_LANG}/leichte-sprache/")
    entry = page.locator(".md-select__link[hreflang='en']")
    assert entry.get_attribute("lang") == "en"
    page.hover(".md-select .md-header__button")
    with page.expect_navigation():
        entry.click()
    assert page.url == site("en/")
    assert not page.errors, page.errors


# The search: tests/browser/test_search.py.


# --------------------------------------------------------------------------- filters


@pytest.mark.parametrize("lang", LANGS)
def test_focus_page_without_javascript_lists_exactly_its_hubs(open_page, lang: str) -> None:
    page = open_page(f"{lang}/hubs/focus/logistics/", javascript=False)
    assert page.evaluate(VISIBLE_SLUGS) == ["dortmund", "hamburg"]


@pytest.mark.parametrize("lang", LANGS)
def test_overview_filter_narrows_the_list_in_place(open_page, site, lang: str) -> None:
    page = open_page(f"{lang}/hubs/")
    counter = page.locator(".dehub-result-count")
    assert counter.get_attribute("aria-live") == "polite"
    counts = json.loads(counter.get_attribute("data-counts"))
    everything = page.evaluate(VISIBLE_SLUGS)
    assert len(everything) == 12

    page.click(".dehub-filters a[data-filter='focus'][data-value='logistics']")
    page.wait_for_function("() => document.querySelectorAll('#dehub-hub-list .dehub-card:not([hidden])').length === 2")
    assert page.url == site(f"{lang}/hubs/"), "the filter works in place"
    assert page.evaluate(VISIBLE_SLUGS) == ["dortmund", "hamburg"]
    assert counter.text_content().strip() == counts["2"]
    assert page.get_attribute(".dehub-filters a[data-value='logistics']", "aria-current") == "true"
    assert page.locator(".dehub-filters a[aria-current]").count() == 1

    page.click(".dehub-filters a[data-filter='state'][data-value='Bayern']")
    page.wait_for_function("() => document.querySelectorAll('#dehub-hub-list .dehub-card:not([hidden])').length === 2")
    assert page.evaluate(VISIBLE_SLUGS) == ["muenchen", "nuernberg-erlangen"]

    page.click(".dehub-filters a[data-filter='all']")
    page.wait_for_function("() => document.querySelectorAll('#dehub-hub-list .dehub-card:not([hidden])').length === 12")
    assert counter.text_content().strip() == counts["12"]
    assert page.get_attribute(".dehub-filters a[data-filter='all']", "aria-current") == "page"
    assert not page.errors, page.errors


def test_filter_links_still_open_their_page_in_a_new_tab(open_page, site) -> None:
    page = open_page("de/hubs/")
    with page.context.expect_page() as popup:
        page.click(".dehub-filters a[data-value='logistics']", modifiers=["Control"])
    assert popup.value.url.startswith(site("de/hubs/focus/logistics/"))
    assert len(page.evaluate(VISIBLE_SLUGS)) == 12, "a modified click must not filter in place"


# --------------------------------------------------------------------------- root, direction


@pytest.mark.parametrize(("locale", "lang"), [("fr-FR", "fr"), ("zh-CN", "zh"), ("ar-EG", "ar")])
def test_root_redirects_by_browser_language(open_page, site, locale: str, lang: str) -> None:
    page = open_page("", locale=locale, wait=False)
    page.wait_for_url(site(f"{lang}/"), timeout=10000)
    assert page.evaluate("document.documentElement.lang") == lang


def test_root_without_javascript_links_every_language(open_page, site) -> None:
    page = open_page("", javascript=False, locale="fr-FR")
    assert page.url == site("")
    links = page.eval_on_selector_all(
        "main a[hreflang]", "links => links.map(a => [a.getAttribute('hreflang'), a.closest('[lang]').getAttribute('lang'), a.href])"
    )
    assert [code for code, _, _ in links] == LANGS
    for code, text_lang, href in links:
        assert text_lang == code, f"the {code} entry is not marked lang={code}"
        assert href == site(f"{code}/")


@pytest.mark.parametrize("path", ["ar/", "ar/hubs/", "ar/hubs/berlin/", "ar/no-such-page/"])
def test_arabic_pages_are_right_to_left(open_page, path: str) -> None:
    page = open_page(path)
    assert page.evaluate("document.documentElement.getAttribute('dir')") == "rtl"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-content')).direction") == "rtl"


@pytest.mark.parametrize("path", ["de/", "de/hubs/", "ar/hubs/berlin/"])
def test_palette_toggle_by_click_then_axe(open_page, path: str) -> None:
    """A reader on a light system who picks dark with Material's toggle: Material stores
    {"index": 1, "color": {"scheme": "slate", ...}} under "/<lang>/.__palette" (the key the
    dark audits seed) and the page must pass axe in that state too."""
    page = open_page(path)  # prefers-color-scheme: light (the default)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.click("form[data-md-component='palette'] label:not([hidden])")
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    lang = path.split("/")[0]
    stored = json.loads(page.evaluate(f"() => localStorage.getItem('/{lang}/.__palette')"))
    assert stored["color"]["scheme"] == "slate", stored
    assert stored == json.loads(gates.dark_palette_seed([lang])[f"/{lang}/.__palette"]), (
        "the dark audits seed exactly what the toggle stores"
    )
    violations = gates.run_axe(page)
    if violations:
        pytest.fail(f"axe after switching to dark with the toggle on {path}:\n" + gates.format_violations(violations), pytrace=False)
    assert not page.errors, page.errors
