"""dehub/engine: the MkDocs plugin and config, without running a build."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from dehub.config import load_config
from dehub.diagnostics import Report
from dehub.engine.config import mkdocs_config
from dehub.engine.plugin import DehubPlugin
from dehub.localize.localizer import localizer
from dehub.render.navigation import footer_links
from dehub.render.pages import render_language
from dehub.urls import src_uri
from dehub.validate.project import read_project
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def plugin() -> DehubPlugin:
    config = load_config(ROOT)
    project = read_project(ROOT, config, Report())
    loc = localizer(ROOT, "fr", config.fallback_chain("fr"))
    pages = render_language(project, config, loc)
    return DehubPlugin(config, loc, pages, footer_links(pages, loc), project.hubs)


def context_of(plugin: DehubPlugin, mk: SimpleNamespace, key: str) -> dict:
    page = SimpleNamespace(file=SimpleNamespace(src_uri=src_uri(key)))
    return plugin.on_page_context({}, page, mk, None)["dehub"]


def test_the_switcher_is_computed_per_page_into_its_context(plugin: DehubPlugin) -> None:
    mk = plugin.on_config(SimpleNamespace(extra={}))
    berlin, news = context_of(plugin, mk, "hubs/berlin"), context_of(plugin, mk, "news")
    assert mk.extra["alternate"] is True  # the shared config only says "there is a switcher"
    assert [entry["lang"] for entry in berlin["alternate"]] == plugin.site.codes
    assert {entry["link"] for entry in berlin["alternate"]} == {f"../../../{code}/hubs/berlin/" for code in plugin.site.codes}
    assert {entry["link"] for entry in news["alternate"]} == {f"../../{code}/news/" for code in plugin.site.codes}
    assert [entry["current"] for entry in berlin["alternate"]] == [code == "fr" for code in plugin.site.codes]


def test_a_german_only_page_switches_to_each_language_home(plugin: DehubPlugin) -> None:
    spec = next(iter(plugin.specs.values()))
    german_only = type(spec)("leichte-sprache", "Leichte Sprache", "x", markdown="", source_only=True)
    links = {entry["lang"]: entry["link"] for entry in plugin.switcher(german_only)}
    assert links["de"] == "../../de/leichte-sprache/"
    assert links["en"] == "../../en/"
    assert [alt["lang"] for alt in plugin.hreflang(german_only)] == ["de"]


def test_the_mkdocs_config_is_derived_from_mkdocs_yml(tmp_path: Path) -> None:
    config = load_config(ROOT)
    settings = mkdocs_config(config, "ar", tmp_path / "docs", tmp_path / "site", [])
    assert settings["theme"]["language"] == "ar" and settings["theme"]["font"] is False
    assert settings["site_url"] == config.url("ar/")
    assert "dehub" not in settings["extra"] and settings["plugins"] == []


def test_every_key_of_mkdocs_yml_is_overridden(tmp_path: Path) -> None:
    """The worker passes mkdocs.yml plus these settings as keyword overrides to MkDocs' load_config:
    each top-level key is set from our config, so nothing of the file is read twice differently."""
    config = load_config(ROOT)
    settings = mkdocs_config(config, "de", tmp_path / "docs", tmp_path / "site", [])
    assert set(config.mkdocs) <= set(settings)


def test_loading_the_mkdocs_config_leaves_ours_intact(tmp_path: Path) -> None:
    """Two languages built in one process (serve, one core) start from the same config."""
    import copy

    from dehub.engine.config import load_mkdocs

    config = load_config(ROOT)
    before = copy.deepcopy(config.mkdocs)
    (tmp_path / "docs").mkdir()
    for lang in ("de", "en"):
        mk = load_mkdocs(config, mkdocs_config(config, lang, tmp_path / "docs", tmp_path / lang, []))
        assert mk.theme["language"] == lang and "toc" in mk.markdown_extensions
    assert config.mkdocs == before
