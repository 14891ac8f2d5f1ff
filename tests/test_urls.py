"""dehub/urls.py: the page keys, their files and URLs, and the registry of which pages exist."""

from __future__ import annotations

import pytest

from dehub import urls
from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.localize.localizer import localizer
from dehub.render.pages import render_language
from dehub.validate.project import read_project
from tests.conftest import ROOT


def test_keys() -> None:
    assert urls.hub_key("berlin") == "hubs/berlin"
    assert urls.focus_key("iot") == "hubs/focus/iot"
    assert urls.state_key("Baden-Württemberg") == "hubs/state/baden-wuerttemberg"
    assert urls.events_hub_key("koeln") == "events/hub/koeln"
    assert urls.news_listing_key(1) == "news" and urls.news_listing_key(3) == "news/page/3"
    assert [urls.news_page_count(n) for n in (0, 1, 10, 11)] == [1, 1, 1, 2]
    assert urls.is_filter_page("hubs/state/berlin") and not urls.is_filter_page("hubs/berlin")


def test_files_and_links() -> None:
    assert [urls.src_uri(k) for k in ("index", "hubs", "hubs/berlin", "news/page/2")] == [
        "index.md",
        "hubs/index.md",
        "hubs/berlin.md",
        "news/page/2.md",
    ]
    assert urls.relative_url("hubs/berlin", "hubs") == "../"
    assert urls.relative_url("index", "index") == "./"
    assert urls.cross_language_url("hubs/berlin", "de", "index") == "../../../de/"
    assert urls.site_file("events", "calendar/all.ics") == "../../calendar/all.ics"
    assert [urls.key_of(p) for p in ("index.md", "hubs/index.md", "hubs/../founders.md", "hubs/dortmund")] == [
        "index",
        "hubs",
        "founders",
        "hubs/dortmund",
    ]
    assert urls.resolve_md_links('<a href="../founders.md#x">', "hubs/berlin", "hubs") == '<a href="../../founders/#x">'
    assert urls.SLUG_RE.match("dresden-leipzig") and not urls.SLUG_RE.match("Dresden--Leipzig")


@pytest.fixture(scope="module")
def shipped():
    config = load_config(ROOT)
    report = Report()
    project = read_project(ROOT, config, report)
    assert report.ok, report.lines()
    return config, project


@pytest.mark.parametrize("lang", ["de", "en", "ar"])
def test_the_registry_lists_exactly_the_pages_the_renderers_make(shipped, lang: str) -> None:
    config, project = shipped
    made = [page.key for page in render_language(project, config, localizer(ROOT, lang, config.fallback_chain(lang)))]
    assert len(made) == len(set(made))
    assert set(made) == urls.language_pages(project, config, lang)
