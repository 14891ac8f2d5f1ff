"""Logos that cost nothing to draw (issue 25, class 3), proven in Chromium.

The old bomb (nine levels of ten `<use>` each: 10^9 rectangles from 1.5 KB) passed `check`
and the hub page never finished loading. Now `check` refuses `<use>` in logos and bounds
elements and depth, so what Chromium draws is what the file holds. The budget is counted, not
timed: the largest accepted logo, loaded in Chromium, renders at most MAX_ELEMENTS elements
(Chromium's own DOM of the SVG document) and none of them instantiates another; the hub page
that shows it reaches its load event with the image decoded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dehub.validate.logos import MAX_BYTES, MAX_DEPTH, MAX_ELEMENTS, LogoError, check_svg
from tests.conftest import make_repo, run_build_py
from tests.hostile import BILLION_LAUGHS_SVG
from tests.server import StaticServer

pytestmark = pytest.mark.browser


def largest_logo(elements: int = MAX_ELEMENTS, depth: int = MAX_DEPTH) -> bytes:
    """`elements` elements in all: the root, `depth - 2` nested groups, then rectangles."""
    groups = depth - 2
    rects = elements - 1 - groups
    body = "".join(f'<rect x="{i % 100}" y="{i // 100}" width="1" height="1" fill="#0b3b74"/>' for i in range(rects))
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50">' + "<g>" * groups + body + "</g>" * groups + "</svg>"
    return svg.encode()


def test_the_largest_logo_is_accepted_and_one_more_element_or_level_is_not() -> None:
    assert len(largest_logo()) < MAX_BYTES
    assert check_svg(largest_logo()) == (100.0, 50.0)
    with pytest.raises(LogoError, match="more than"):
        check_svg(largest_logo(MAX_ELEMENTS + 1))
    with pytest.raises(LogoError, match="nested more than"):
        check_svg(largest_logo(MAX_ELEMENTS, MAX_DEPTH + 1))
    with pytest.raises(LogoError, match="<use> is not allowed"):
        check_svg(BILLION_LAUGHS_SVG)


def test_check_and_build_refuse_the_old_use_bomb(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    hub = repo / "hubs" / "dortmund"
    (hub / "logo.svg").write_bytes(BILLION_LAUGHS_SVG)
    (hub / "hub.yml").write_text((hub / "hub.yml").read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    for result in (run_build_py("check", root=repo), run_build_py("build", "--lang", "en", "--out", str(tmp_path / "s"), root=repo)):
        assert result.returncode == 1 and "hubs/dortmund/logo.svg:1: error: logo rejected: SVG element <use>" in result.stderr


@pytest.fixture(scope="module")
def logo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("logo")
    repo = make_repo(tmp)
    hub = repo / "hubs" / "dortmund"
    (hub / "logo.svg").write_bytes(largest_logo())
    (hub / "hub.yml").write_text((hub / "hub.yml").read_text(encoding="utf-8") + "logo: logo.svg\n", encoding="utf-8")
    result = run_build_py("build", "--lang", "en", "--out", str(tmp / "site"), root=repo)
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_chromium_draws_no_more_than_the_file_holds(browser, logo_site: Path) -> None:
    with StaticServer(logo_site) as server:
        page = browser.new_page()
        try:
            page.goto(server.url + "en/hubs/dortmund/logo.svg", wait_until="load", timeout=60_000)
            counts = page.evaluate(
                "() => ({all: document.getElementsByTagName('*').length, use: document.getElementsByTagName('use').length})"
            )
            assert counts == {"all": MAX_ELEMENTS, "use": 0}
            page.goto(server.url + "en/hubs/dortmund/", wait_until="load", timeout=60_000)
            # the logo loads lazily (loading="lazy"): once in view, it must be drawn
            page.locator("img.dehub-logo").scroll_into_view_if_needed()
            page.wait_for_function("document.querySelector('img.dehub-logo').complete", timeout=60_000)
            logo = page.evaluate(
                """() => { const img = document.querySelector('img.dehub-logo');
                   return img && {complete: img.complete, width: img.naturalWidth,
                   loaded: performance.getEntriesByType('navigation')[0].loadEventEnd > 0}; }"""
            )
            assert logo == {"complete": True, "width": logo["width"], "loaded": True} and logo["width"] > 0
        finally:
            page.close()
