"""Every gate can fail: a fixture repo with one deliberate defect, built by the real build.py.

Each test copies the real theme into a small fixture repo (tests.conftest.make_repo), plants
one defect in a theme override, builds it with `build.py build --lang en`, serves it like the
shipped site, and runs the very gate function the shipped-site tests use. The defect goes
into the footer partial (theme/partials/copyright.html), which every Material page renders.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser import gates
from tests.browser.conftest import Site
from tests.conftest import make_repo, run_build_py
from tests.server import StaticServer, free_port

pytestmark = pytest.mark.browser

PAGE = "en/hubs/"


@pytest.fixture
def defective(tmp_path: Path):
    """Build a one-language fixture site with `snippet` added to the footer; serve it."""
    servers: list[StaticServer] = []

    def build(snippet: str = "", *, edit: dict[str, tuple[str, str]] | None = None) -> Site:
        repo = make_repo(tmp_path / "fixture")
        footer = repo / "theme" / "partials" / "copyright.html"
        footer.write_text(footer.read_text(encoding="utf-8") + "\n" + snippet + "\n", encoding="utf-8")
        for name, (pattern, replacement) in (edit or {}).items():
            path = repo / name
            text, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"))
            assert count, f"the defect could not be planted: {pattern!r} not found in {name}"
            path.write_text(text, encoding="utf-8")
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        out = tmp_path / "site"
        result = run_build_py("build", "--out", str(out), "--lang", "en", root=repo, env={"DEHUB_SITE_URL": url})
        assert result.returncode == 0, result.stdout + result.stderr
        server = StaticServer(out, port).__enter__()
        servers.append(server)
        return Site(out, url)

    yield build
    for server in servers:
        server.__exit__(None, None, None)


def test_axe_gate_reports_low_contrast_and_an_image_without_alt(browser, defective) -> None:
    site = defective(
        '<p class="dehub-defect" style="color:#b5b5b5 !important;background:#ffffff !important">faint grey text</p>'
        '<img class="dehub-defect" src="{{ \'assets/favicon.svg\' | url }}" width="16" height="16">'
        '<div class="dehub-defect" role="dialog">a dialog without a name</div>'
    )
    result = gates.audit_page(browser, site(PAGE))
    wcag = {v["id"] for v in gates.wcag_violations(result.violations)}
    assert {"color-contrast", "image-alt"} <= wcag, wcag
    report = gates.format_violations(result.violations)
    assert "dehub-defect" in report and "[serious] color-contrast" in report and "[critical] image-alt" in report, report
    assert "aria-dialog-name" in {v["id"] for v in gates.best_practice_violations(result.violations)}, report


def test_axe_gate_also_runs_in_dark_mode(browser, defective) -> None:
    # Dark grey on the page background: fine on white, unreadable on Material's slate.
    site = defective(
        '<p class="dehub-defect" style="color:#3a3a3a !important;background:var(--md-default-bg-color) !important">dark grey text</p>'
    )
    light = gates.audit_page(browser, site(PAGE))
    dark = gates.audit_page(browser, site(PAGE), scheme="dark", seed=gates.dark_palette_seed(["en"]))
    assert (light.scheme, dark.scheme) == ("default", "slate")
    assert "dehub-defect" in gates.format_violations(dark.violations), gates.format_violations(dark.violations)
    assert "dehub-defect" not in gates.format_violations(light.violations), "the defect is one of the dark scheme only"


def test_privacy_gate_reports_foreign_requests_cookies_and_storage(browser, defective) -> None:
    site = defective(
        '<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
        '<script>document.cookie = "tracker=1; path=/"; localStorage.setItem("tracker", "1");</script>'
    )
    result = gates.audit_page(browser, site(PAGE))
    foreign = result.foreign_requests(gates.origin_of(site.url))
    assert any(url.startswith("https://fonts.googleapis.com/") for url in foreign), foreign
    assert any("fonts.gstatic.com" in ref for ref in result.foreign_references), result.foreign_references
    problems = "\n".join(result.storage_problems())
    assert "cookie set: tracker" in problems and "'tracker'" in problems, problems
    assert "__palette" not in problems, "Material's own palette key is allowed"


def test_console_gate_reports_errors_and_uncaught_exceptions(browser, defective) -> None:
    site = defective('<script>console.error("deliberate defect");</script><script>throw new Error("deliberate uncaught");</script>')
    result = gates.audit_page(browser, site(PAGE), axe=False)
    text = "\n".join(result.console_errors)
    assert "deliberate defect" in text and "deliberate uncaught" in text, text


def test_request_gate_reports_a_missing_asset(browser, defective) -> None:
    site = defective('<img src="{{ \'assets/no-such-image.png\' | url }}" alt="">')
    result = gates.audit_page(browser, site(PAGE), axe=False)
    assert any("no-such-image.png: HTTP 404" in line for line in result.failed), result.failed


def test_skip_link_gate_reports_a_page_without_one(browser, defective) -> None:
    site = defective(edit={"theme/main.html": (r'<a href="#dehub-main" class="md-skip[^"]*">.*?</a>', "")})
    result = gates.audit_page(browser, site(PAGE), axe=False, keyboard=True)
    assert result.first_focus and not result.first_focus["skip"], result.first_focus


def test_focus_gate_reports_a_link_without_a_focus_indicator(browser, defective) -> None:
    site = defective(
        "<style>.dehub-defect:focus-visible { outline: none !important; box-shadow: none !important; }</style>"
        '<a class="dehub-defect" href="{{ \'hubs/\' | url }}">a link without focus ring</a>'
    )
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(site(PAGE))
        gates.settle(page)
        problems = gates.focus_problems(gates.tab_through(page))
    finally:
        context.close()
    assert any("dehub-defect" in problem for problem in problems), problems
    assert len(problems) == 1, problems


def test_reflow_gate_reports_a_fixed_width_element(browser, defective) -> None:
    site = defective("<style>.md-main__inner { min-width: 600px; }</style>")
    result = gates.audit_page(browser, site(PAGE), axe=False, reflow=True)
    assert result.width_320 and result.width_320 > 320, result.width_320


def test_motion_gate_reports_a_transition_despite_reduced_motion(browser, defective) -> None:
    site = defective('<p class="dehub-defect" style="transition: opacity 2s !important">fading</p>')
    result = gates.audit_page(browser, site(PAGE), axe=False, reduced_motion="reduce")
    assert any("dehub-defect" in line and "2s" in line for line in result.motion or []), result.motion


def test_html_gate_reports_invalid_markup(defective) -> None:
    site = defective('<div id="twice"></div><div id="twice"></div><input type="checkbox" autocomplete="off" aria-label="ours">')
    errors = gates.vnu_errors(sorted(site.root.rglob("*.html")))
    text = gates.format_vnu(errors, site.root)
    assert "Duplicate ID “twice”" in text, text
    # The filter for Material's own toggles must not hide the same mistake in our markup.
    assert 'aria-label="ours"' in text, text
    assert 'class="md-toggle"' not in text, text


def test_link_gate_reports_missing_pages_and_anchors_and_lists_external_links(defective, tmp_path) -> None:
    site = defective(
        "<a href=\"{{ 'no-such-page/' | url }}\">missing page</a>"
        "<a href=\"{{ 'hubs/' | url }}#no-such-anchor\">missing anchor</a>"
        '<a href="https://example.org/dehub-defect">external</a>'
    )
    report = gates.check_links(site.root, site.url)
    broken = "\n".join(report.broken)
    assert "no-such-page/" in broken and "does not exist" in broken, broken
    assert "no element with id 'no-such-anchor'" in broken, broken
    assert "https://example.org/dehub-defect" in report.external
    listed = gates.write_external_report(report, tmp_path / "external.txt").read_text(encoding="utf-8")
    assert "https://example.org/dehub-defect" in listed
