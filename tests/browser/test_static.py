"""Every built HTML file: valid HTML (one Nu Html Checker run) and no broken internal link."""

from __future__ import annotations

import pytest

from tests.browser import gates

pytestmark = pytest.mark.browser


def test_every_html_file_is_valid(built_site) -> None:
    files = sorted(built_site.root.rglob("*.html"))
    assert len(files) > 100, f"only {len(files)} HTML files were built"
    errors = gates.vnu_errors(files)
    if errors:
        pytest.fail(
            f"the Nu Html Checker found {len(errors)} error(s) in {len(files)} files:\n" + gates.format_vnu(errors, built_site.root),
            pytrace=False,
        )


def test_every_internal_link_resolves(built_site, tmp_path_factory) -> None:
    report = gates.check_links(built_site.root, built_site.url)
    path = gates.write_external_report(report, tmp_path_factory.mktemp("links") / "external-links.txt")
    print(f"\n{report.checked} references in {report.pages} HTML files checked; {len(report.external)} external links listed in {path}")
    assert report.checked > 1000
    if report.broken:
        pytest.fail(f"{len(report.broken)} broken internal reference(s):\n  " + "\n  ".join(report.broken[:80]), pytrace=False)
