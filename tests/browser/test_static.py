"""Every built HTML file: valid HTML (one Nu Html Checker run) and no broken internal link."""

from __future__ import annotations

import pytest

from tests.browser import gates
from tests.browser.conftest import LANGS, PAGE_TYPES, SOURCE_LANG, SOURCE_ONLY, page_kind

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


def test_every_page_type_is_audited(built_site) -> None:
    """The browser audits load one page of each kind; a new kind of page must join them."""
    covered = {page_kind(path) for path in PAGE_TYPES.values()} | {page_kind(key + "/") for key in SOURCE_ONLY}
    missing: dict[str, str] = {}
    for lang in LANGS:
        for index in sorted((built_site.root / lang).rglob("index.html")):
            rel = index.parent.relative_to(built_site.root / lang).as_posix()
            if rel.startswith(("assets", "search")):
                continue
            path = "" if rel == "." else rel + "/"
            if index.read_text(encoding="utf-8").find('http-equiv="refresh"') != -1:
                continue  # a redirect from a former hub slug
            missing.setdefault(page_kind(path), f"/{lang}/{path}")
    missing = {kind: example for kind, example in missing.items() if kind not in covered}
    assert not missing, (
        "kinds of page that no browser test loads; add one of each to PAGE_TYPES in tests/browser/conftest.py:\n  "
        + "\n  ".join(f"{kind}: e.g. {example}" for kind, example in sorted(missing.items()))
    )
    assert SOURCE_LANG in LANGS
