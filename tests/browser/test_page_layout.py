"""Layout gates in the browser (issue 27): every page type in every language at 390, 768 and
1280 px, light and dark, has no sideways scroll, no text past its box, no word broken inside,
no overlapping map markers or labels and no map label under 12 px (tests/browser/layout.py).

One page per page type and language (the same list the axe audits use); one browser and one
tab per width, reused for every page. The tests after the shipped-site one prove that the gate
fails: a fixture hub with a long unbreakable name, and markers, labels and label sizes
disturbed in a served page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import layout
from tests.browser.conftest import Site, page_cases, page_path
from tests.conftest import make_repo, run_build_py
from tests.server import StaticServer, free_port

pytestmark = pytest.mark.browser

WIDTHS = (390, 768, 1280)


@pytest.fixture(scope="session")
def tabs(browser):
    """One tab per width, each in a context of its own (no cookies or storage shared)."""
    contexts = {width: browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce") for width in WIDTHS}
    yield {width: context.new_page() for width, context in contexts.items()}
    for context in contexts.values():
        context.close()


def layout_problems(tabs, url: str) -> list[str]:
    problems = []
    for width, tab in tabs.items():
        tab.goto(url, wait_until="load")
        problems += [f"{width} px {line}" for line in layout.check(tab)]
    return problems


@pytest.mark.parametrize(("lang", "page"), page_cases())
def test_layout_holds_at_every_width_in_both_schemes(tabs, site: Site, lang: str, page: str) -> None:
    problems = layout_problems(tabs, site(page_path(lang, page)))
    assert not problems, f"{lang} {page}:\n" + "\n".join(problems[:40])


LONG = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherung"


def test_gate_fails_on_a_long_unbreakable_title(tabs, tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    hub = repo / "hubs" / "hamburg" / "hub.yml"
    text = hub.read_text(encoding="utf-8")
    hub.write_text(re.sub(r"^name:.*\n(?:[ \t]+.*\n)*", f"name: de:hub {LONG}\n", text, count=1, flags=re.M), encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    out = tmp_path / "site"
    result = run_build_py("build", "--out", str(out), "--lang", "en", root=repo, env={"DEHUB_SITE_URL": url})
    assert result.returncode == 0, result.stdout + result.stderr
    with StaticServer(out, port):
        tab = tabs[390]
        tab.goto(url + "en/hubs/hamburg/", wait_until="load")
        problems = layout.check(tab, schemes=("light",))
    assert any(LONG in line or "overflows" in line or "sideways" in line for line in problems), problems


def loaded(tabs, site: Site, width: int = 390, path: str = "en/hubs/"):
    tab = tabs[width]
    tab.goto(site(path), wait_until="load")
    return tab


def test_gate_fails_on_two_overlapping_markers(tabs, site: Site) -> None:
    tab = loaded(tabs, site)
    assert layout.check(tab, schemes=("light",)) == []
    tab.evaluate(
        """() => { const [a, b] = document.querySelectorAll('.dehub-map .dehub-marker');
                   b.setAttribute('cx', +a.getAttribute('cx') + 4); b.setAttribute('cy', a.getAttribute('cy')); }"""
    )
    problems = layout.check(tab, schemes=("light",))
    assert any("markers" in line and "overlap" in line for line in problems), problems


def test_gate_fails_on_a_label_over_another_label_or_a_marker(tabs, site: Site) -> None:
    tab = loaded(tabs, site)
    tab.evaluate(
        """() => { const labels = document.querySelectorAll('.dehub-map .dehub-map-label');
                   const [a, b] = labels; b.setAttribute('x', a.getAttribute('x')); b.setAttribute('y', a.getAttribute('y'));
                   b.setAttribute('text-anchor', a.getAttribute('text-anchor') || 'start');
                   const m = document.querySelectorAll('.dehub-map .dehub-marker')[5];
                   labels[6].setAttribute('x', m.getAttribute('cx')); labels[6].setAttribute('y', m.getAttribute('cy')); }"""
    )
    problems = layout.check(tab, schemes=("light",))
    assert any("labels" in line and "overlap" in line for line in problems), problems
    assert any("covers the marker" in line for line in problems), problems


def test_gate_fails_on_small_map_labels_and_sideways_scroll(tabs, site: Site) -> None:
    tab = loaded(tabs, site)
    tab.evaluate(
        """() => { document.querySelector('.dehub-map svg').setAttribute('font-size', '12');
                   const p = document.createElement('p'); p.style.width = '600px'; p.textContent = 'wide';
                   document.querySelector('.md-content article').append(p); }"""
    )
    problems = layout.check(tab, schemes=("light",))
    assert any("px, under 12.0 px" in line for line in problems), problems
    assert any("sideways" in line for line in problems), problems
    assert any("reaches past the viewport" in line for line in problems), problems


def test_gate_fails_on_a_word_broken_inside(tabs, site: Site) -> None:
    tab = loaded(tabs, site)
    tab.evaluate(
        """() => { const h = document.querySelector('.dehub-card__title a bdi');
                   h.textContent = 'Mannheim/Ludwigshafen Mannheim/Ludwigshafen'; h.parentElement.parentElement.style.width = '9ch';
                   h.parentElement.parentElement.style.overflowWrap = 'anywhere'; }"""
    )
    problems = layout.check(tab, schemes=("light",))
    assert any("is broken across lines" in line for line in problems), problems
