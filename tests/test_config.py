"""dehub/config.py: the configuration and the build's clock, read once."""

from __future__ import annotations

from datetime import datetime

import pytest

from dehub.config import BERLIN, load_config
from dehub.localize.localizer import localizer
from dehub.model import Project
from dehub.write.feeds import feed_xml
from tests.conftest import ROOT


def test_the_clock_is_read_once_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    config = load_config(ROOT)
    assert config.moment == datetime(2027, 1, 1, 1, 0, tzinfo=BERLIN)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")  # later reads of the environment change nothing
    assert config.today.isoformat() == "2027-01-01"
    feed = feed_xml(config, Project(hubs=[], events=[]), localizer(ROOT, "en", ["en"])).decode()
    assert "<updated>2027-01-01T01:00:00+01:00</updated>" in feed


def test_languages_and_site_url_come_from_mkdocs_yml(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEHUB_SITE_URL", "https://example.test/repo")
    config = load_config(ROOT)
    assert config.site_url == "https://example.test/repo/" and config.base_path == "/repo/"
    assert config.codes[:2] == ["de", "en"] and config.default_language == "en"
    assert config.fallback_chain("fr") == ["fr", "en", "de"]
