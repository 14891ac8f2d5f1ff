"""The site's own search (Pagefind; dehub/write/search.py, theme/partials/search.html, search.js)
in Chromium: a hub's city typed in the page's own script finds that hub first, in every
language, with the UI in that language; Arabic reads right to left; keyboard only works; axe
finds nothing on the open results; nothing of the search loads before use, and the hub page
with its CSS and JS stays within 64 KiB gzip; no request leaves the site; and on a site built
from hostile input, what the index holds shows as text and runs nothing (issue 25, class 1)."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup

from tests.browser import gates
from tests.browser.conftest import LANGS, SOURCE_LANG
from tests.conftest import ROOT, make_repo, run_build_py
from tests.server import StaticServer

pytestmark = pytest.mark.browser

# München in each language's own script: the spec. Each is also checked against what the hub
# page tells the search (its `cities` metadata), so the table can't drift from the site.
MUNICH = {"de": "München", "en": "Munich", "fr": "Munich", "es": "Múnich", "zh": "慕尼黑", "ja": "ミュンヘン", "ar": "ميونخ"}
PAGE_BUDGET = 64 * 1024  # gzip bytes: a hub page with its CSS and JS (benchmarks/README.md)
SEARCH_FILES = ("/pagefind/", "/search.js", "/search.css")

RESULTS = "() => [...document.querySelectorAll('.dehub-search__link')].map(a => a.href)"


def catalog(lang: str) -> dict[str, str]:
    if lang == "en":
        return {}
    with (ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {message.id: message.string for message in read_po(handle) if message.id and message.string}


def ui(lang: str, msgid: str) -> str:
    return catalog(lang).get(msgid, msgid)


def new_page(browser, *, width: int = 1280, scheme: str = "light"):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme, reduced_motion="reduce")
    page = context.new_page()
    page.requests, page.errors, page.dialogs = [], [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(f"uncaught: {e}"))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    return context, page


def type_query(page, query: str) -> list[str]:
    """Focus the header field and type like a reader (CJK and Arabic arrive as an input method's text)."""
    box = page.locator("#dehub-search-input")
    box.focus()
    if query.isascii():
        page.keyboard.type(query, delay=20)
    else:
        page.keyboard.insert_text(query)
    page.wait_for_function("() => document.querySelectorAll('.dehub-search__link').length > 0", timeout=15000)
    page.wait_for_timeout(300)  # the debounced search settles on the whole query
    return page.evaluate(RESULTS)


def search_requests(page) -> list[str]:
    return [url for url in page.requests if any(part in urlsplit(url).path for part in SEARCH_FILES)]


@pytest.mark.parametrize("lang", LANGS)
def test_a_hubs_city_in_the_local_script_finds_that_hub_first_with_the_ui_in_the_pages_language(browser, site, lang: str) -> None:
    meta = BeautifulSoup(site.root.joinpath(lang, "hubs", "muenchen", "index.html").read_text(encoding="utf-8"), "html.parser")
    assert meta.select_one("[data-pagefind-meta=cities]").get_text() == MUNICH[lang]
    context, page = new_page(browser)
    try:
        page.goto(site(f"{lang}/"))
        box = page.locator("#dehub-search-input")
        assert box.get_attribute("placeholder") == ui(lang, "Search the site")
        assert page.locator("form.dehub-search").get_attribute("aria-label") == ui(lang, "Search the site")
        results = type_query(page, MUNICH[lang])
        assert results[0] == site(f"{lang}/hubs/muenchen/"), results[:3]
        assert all(urlsplit(url).path.startswith(f"/{lang}/") for url in results), f"results in other languages: {results}"
        count = ui(lang, "Pages found: {count}").replace("{count}", str(len(results)))
        assert page.text_content("#dehub-search-status") == count
        if lang not in ("en",):
            assert ui(lang, "Pages found: {count}") != "Pages found: {count}", f"{lang} has no translation"
        foreign = [url for url in page.requests if gates.origin_of(url) != gates.origin_of(site.url)]
        assert not foreign and not page.errors and not page.dialogs, (foreign, page.errors)
    finally:
        context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_arabic_results_render_right_to_left(browser, site, width: int) -> None:
    context, page = new_page(browser, width=width)
    try:
        page.goto(site("ar/"))
        type_query(page, MUNICH["ar"])
        panel = page.locator(".dehub-search__panel")
        assert panel.evaluate("e => getComputedStyle(e).direction") == "rtl"
        title = page.locator(".dehub-search__title").first
        box, text = (
            panel.bounding_box(),
            title.evaluate(
                "e => { const r = document.createRange(); r.selectNodeContents(e); const b = r.getBoundingClientRect(); return {left: b.left, right: b.right}; }"
            ),
        )
        inner_right = box["x"] + box["width"]
        assert inner_right - text["right"] < 24 < text["left"] - box["x"], f"the first title is not set from the right: {text}, panel {box}"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the open search scrolls sideways"
    finally:
        context.close()


def test_keyboard_only_reaches_the_field_searches_and_opens_a_result(browser, site) -> None:
    context, page = new_page(browser)
    try:
        page.goto(site("en/events/"))
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == "dehub-search-input":
                break
        else:
            pytest.fail("Tab never reaches the search field")
        page.keyboard.type("Munich", delay=20)
        page.wait_for_function("() => document.querySelectorAll('.dehub-search__link').length > 0", timeout=15000)
        page.wait_for_timeout(300)
        page.keyboard.press("ArrowDown")
        assert page.evaluate("document.activeElement.href") == site("en/hubs/muenchen/")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowUp")
        page.keyboard.press("ArrowUp")
        assert page.evaluate("document.activeElement.id") == "dehub-search-input", "Arrow Up from the first result returns to the field"
        page.keyboard.press("Escape")
        assert page.locator(".dehub-search__panel").is_hidden(), "Escape closes the results"
        assert page.evaluate("document.activeElement.id") == "dehub-search-input"
        page.keyboard.press("ArrowDown")  # opens them again, on the first result
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('.dehub-search__results') !== null"), "Tab walks the results"
        page.keyboard.press("Shift+Tab")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        assert page.url == site("en/hubs/muenchen/")
        assert not page.errors, page.errors
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "scheme"), [("en", "light"), ("ar", "dark"), ("ja", "light")])
def test_axe_finds_nothing_on_the_open_search(browser, site, lang: str, scheme: str) -> None:
    context, page = new_page(browser, scheme=scheme)
    try:
        page.goto(site(f"{lang}/hubs/berlin/"))
        type_query(page, MUNICH[lang])
        violations = gates.wcag_violations(gates.run_axe(page))
        assert not violations, gates.format_violations(violations)
    finally:
        context.close()


def gzip_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), mtime=0))


def test_nothing_of_the_search_loads_before_use_and_the_hub_page_stays_within_its_budget(browser, site) -> None:
    context, page = new_page(browser)
    try:
        page.goto(site("en/hubs/dortmund/"), wait_until="networkidle")
        page.wait_for_timeout(500)
        assert page.evaluate("document.documentElement.dataset.dehubSearch") == "deferred"
        assert search_requests(page) == [], "the search loaded before use"
        # the gate counts what the page loaded: its HTML, CSS and JS, gzip (as the server sends them)
        loaded = [urlsplit(url).path for url in page.requests if urlsplit(url).path.endswith((".css", ".js", "/"))]
        files = [site.root / (path.lstrip("/") + ("index.html" if path.endswith("/") else "")) for path in loaded]
        weight = sum(gzip_size(file) for file in files if file.is_file())
        assert weight <= PAGE_BUDGET, f"hub page + CSS + JS: {weight} bytes gzip > {PAGE_BUDGET}"
        type_query(page, "Dortmund")
        assert page.evaluate("document.documentElement.dataset.dehubSearch") == "requested"
        used = search_requests(page)
        assert any(url.endswith("/pagefind/pagefind.js") for url in used), used
        assert any(url.endswith("/search.js") for url in used) and any(url.endswith("/search.css") for url in used), used
        assert all(gates.origin_of(url) == gates.origin_of(site.url) for url in page.requests)
        others = [lang for lang in LANGS if lang != "en"]
        fetched = [url for url in used if any(f"{lang}_" in url.rsplit("/", 1)[-1] or f"wasm.{lang}." in url for lang in others)]
        assert not fetched, f"the English search fetched another language's index: {fetched}"
    finally:
        context.close()


def test_without_javascript_there_is_no_search_field_that_does_nothing(browser, site) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site(f"{SOURCE_LANG}/"))
        assert page.locator("form.dehub-search").is_hidden()
    finally:
        context.close()


# --------------------------------------------------------------------------- hostile input

FLAG = "window.__dehubPwned"
IMG = f"<img src=x onerror={FLAG}=1;alert(1)>"
SCRIPT_TEXT = f"&lt;script&gt;{FLAG}=2;alert(2)&lt;/script&gt;"
WORD = "zebrafinch"  # a word only the hostile texts hold


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Hostile text in every channel that reaches the index: hub prose (code span, escaped
    text), a content page (escaped markup in running text), a news post (fenced block)."""
    tmp = tmp_path_factory.mktemp("search-hostile")
    repo = make_repo(tmp, hubs=("dortmund", "hamburg"))
    prose = repo / "hubs" / "dortmund" / "en.md"
    prose.write_text(
        prose.read_text(encoding="utf-8") + f"\n\n{WORD} prose: `{IMG}` and {SCRIPT_TEXT} in text.\n",
        encoding="utf-8",
    )
    news = repo / "content" / "en" / "news" / "2027-03-01-hostile.md"
    news.parent.mkdir(parents=True)
    news.write_text(
        f"---\ntitle: Hostile post\ndate: 2027-03-01\nsummary: A post with code.\n---\n\n{WORD} news:\n\n```html\n{IMG}\n<script>{FLAG}=3;alert(3)</script>\n```\n",
        encoding="utf-8",
    )
    out = tmp / "site"
    result = run_build_py("build", "--lang", "en", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    return out


def test_hostile_text_in_the_index_shows_as_text_and_runs_nothing(browser, hostile_site: Path) -> None:
    with StaticServer(hostile_site) as server:
        context, page = new_page(browser)
        try:
            page.goto(server.url + "en/")
            results = type_query(page, WORD)
            assert {urlsplit(url).path for url in results} >= {"/en/hubs/dortmund/", "/en/news/hostile/"}, results
            page.wait_for_timeout(500)
            text = page.text_content(".dehub-search__results")
            assert "<img src=x onerror=" in text, f"the code span's markup is not shown as text: {text}"
            assert "<script>" in text, f"escaped or fenced <script> is not shown as text: {text}"
            assert page.locator(".dehub-search__results img, .dehub-search__results script").count() == 0
            assert page.evaluate("document.querySelectorAll('.dehub-search__results *').length") == page.evaluate(
                "document.querySelectorAll('.dehub-search__results :is(li, a, span, mark)').length"
            ), "the results hold elements other than our own"
            assert page.evaluate(f"typeof {FLAG}") == "undefined" and page.dialogs == [], page.dialogs
            foreign = [url for url in page.requests if gates.origin_of(url) != gates.origin_of(server.url)]
            stray = [url for url in page.requests if urlsplit(url).path.endswith("/x")]
            assert not foreign and not stray, (foreign, stray)
        finally:
            context.close()
