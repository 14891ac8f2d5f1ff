"""Every page type in every language, light and dark: axe, privacy, console, requests, keyboard, reflow, motion.

Light loads run with prefers-color-scheme: light and prefers-reduced-motion: reduce; dark loads
with prefers-color-scheme: dark plus Material's own palette choice seeded in localStorage
(see gates.dark_palette_seed), so both the CSS media query and Material's
`data-md-color-scheme="slate"` agree, exactly as after a click on the toggle.
"""

from __future__ import annotations

import pytest

from tests.browser import gates
from tests.browser.conftest import page_cases, page_path

pytestmark = pytest.mark.browser

CASES = page_cases()
IDS = [f"{lang}-{page}" for lang, page in CASES]
SCHEMES = ["light", "dark"]
# The language chooser is not a Material page and has nothing to skip: its first link is the content.
MATERIAL_CASES = [case for case in CASES if case != ("root", "chooser")]
MATERIAL_IDS = [f"{lang}-{page}" for lang, page in MATERIAL_CASES]


def fail_if(problems: list[str], header: str) -> None:
    """Fail with one readable line per problem (no dataclass dump)."""
    if problems:
        pytest.fail(header + "\n  " + "\n  ".join(problems), pytrace=False)


def is_material(lang: str, page: str) -> bool:
    return not (lang == "root" and page == "chooser")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_axe_wcag21_aa(audit, lang: str, page: str, scheme: str) -> None:
    result = audit(lang, page, scheme)
    expected = 404 if page == "404" else 200
    assert result.status == expected, f"{result.url} answered {result.status}, expected {expected}"
    assert result.final_url.startswith(result.url), f"{result.url} went to {result.final_url}"
    if is_material(lang, page):
        wanted = "slate" if scheme == "dark" else "default"
        assert result.scheme == wanted, f"Material applied palette {result.scheme!r}, expected {wanted!r}"
    violations = gates.wcag_violations(result.violations)
    if violations:
        pytest.fail(
            f"axe found {len(violations)} WCAG 2.1 A/AA violation(s) on {result.url} ({scheme}):\n" + gates.format_violations(violations),
            pytrace=False,
        )


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_axe_best_practices(audit, lang: str, page: str, scheme: str) -> None:
    """axe's best-practice rules, which Lighthouse's accessibility score (make audit) counts."""
    result = audit(lang, page, scheme)
    violations = gates.best_practice_violations(result.violations)
    if violations:
        pytest.fail(f"axe best-practice violation(s) on {result.url} ({scheme}):\n" + gates.format_violations(violations), pytrace=False)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_privacy(audit, site, lang: str, page: str, scheme: str) -> None:
    result = audit(lang, page, scheme)
    origin = gates.origin_of(site.url)
    foreign = result.foreign_requests(origin)
    fail_if(foreign, f"{result.url} made requests to other origins (aborted by the test):")
    fail_if(result.foreign_references, f"{result.url} references other origins:")
    fail_if(result.storage_problems(), f"{result.url} stores data in the browser:")


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_no_console_errors_or_failed_requests(audit, lang: str, page: str, scheme: str) -> None:
    result = audit(lang, page, scheme)
    fail_if(result.failed, f"failed requests while loading {result.url} ({scheme}):")
    fail_if(result.console_errors, f"console errors on {result.url} ({scheme}):")


@pytest.mark.parametrize(("lang", "page"), MATERIAL_CASES, ids=MATERIAL_IDS)
def test_skip_link_is_first_in_tab_order(audit, lang: str, page: str) -> None:
    focus = audit(lang, page, "light").first_focus
    assert focus, f"Tab focused nothing on {page_path(lang, page)}"
    assert focus["skip"], f"the first element in tab order on /{page_path(lang, page)} is not the skip link:\n  {focus['html']}"
    assert focus["text"], "the skip link has no text"
    assert focus["target"], f"the skip link points to {focus['href']!r}, which is not on the page"
    assert focus["targetInContent"], f"the skip link target is not the main content: {focus['target']}"


@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_reflow_at_320_css_px(audit, lang: str, page: str) -> None:
    result = audit(lang, page, "light")
    assert result.width_320 is not None
    assert result.width_320 <= 320, f"/{page_path(lang, page)} is {result.width_320} px wide in a 320 px viewport (WCAG 1.4.10 reflow)"


@pytest.mark.parametrize(("lang", "page"), CASES, ids=IDS)
def test_reduced_motion_is_honoured(audit, lang: str, page: str) -> None:
    result = audit(lang, page, "light")
    assert result.motion is not None
    fail_if(result.motion[:30], f"motion despite prefers-reduced-motion: reduce on /{page_path(lang, page)}:")
