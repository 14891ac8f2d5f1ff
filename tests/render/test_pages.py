"""dehub/render: the pages of one language, rendered in-process (no MkDocs, no build)."""

from __future__ import annotations

import pytest

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.localize.localizer import localizer
from dehub.render.pages import render_language
from dehub.render.renderer import Renderer
from dehub.validate.project import read_project
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def shipped():
    config = load_config(ROOT)
    report = Report()
    project = read_project(ROOT, config, report)
    assert report.ok, report.lines()
    return config, project


def pages_of(shipped, lang: str) -> dict:
    config, project = shipped
    return {page.key: page for page in render_language(project, config, localizer(ROOT, lang, config.fallback_chain(lang)))}


def test_two_languages_in_one_process_each_render_in_their_own(shipped) -> None:
    """Each Renderer owns its Jinja environment: a second language does not take the first one's catalog."""
    config, project = shipped
    french = Renderer(project, config, localizer(ROOT, "fr", config.fallback_chain("fr")))
    german = Renderer(project, config, localizer(ROOT, "de", config.fallback_chain("de")))
    assert french.env is not german.env
    fr_html = french.render("hubs.html", "hubs", hubs=project.hubs, intro=french.intro("hubs"), focus_keys=[], states=[], map_caption="")
    de_html = german.render("hubs.html", "hubs", hubs=project.hubs, intro=german.intro("hubs"), focus_keys=[], states=[], map_caption="")
    assert french.loc.gettext("Show all hubs") in fr_html and french.loc.gettext("Show all hubs") != "Show all hubs"
    assert german.loc.gettext("Show all hubs") in de_html and german.loc.gettext("Show all hubs") not in fr_html


def test_every_language_has_the_same_generated_pages(shipped) -> None:
    de, ar = pages_of(shipped, "de"), pages_of(shipped, "ar")
    generated = {key for key, page in de.items() if page.html is not None}
    assert generated <= set(ar)
    assert de["hubs/berlin"].title and ar["hubs/berlin"].html


def test_a_missing_translation_falls_back_with_a_notice(shipped) -> None:
    config, project = shipped
    berlin = next(hub for hub in project.hubs if hub.slug == "berlin")
    missing = next((code for code in config.codes if code not in berlin.prose), None)
    if missing is None:
        pytest.skip("every language has hubs/berlin prose")
    page = pages_of(shipped, missing)["hubs/berlin"]
    assert page.notice == "fallback" and page.text_lang in config.fallback_chain(missing)


def test_german_only_pages_exist_only_in_german(shipped) -> None:
    config, _project = shipped
    for key in config.source_only_pages:
        assert key in pages_of(shipped, config.source_language)
        assert key not in pages_of(shipped, "en")
