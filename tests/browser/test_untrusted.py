"""Hostile catalogs, ids and headings can't run script in Chromium (issue 16, classes 1-3).

One site, built for German through the real build: every msgstr carries a quote-and-handler
payload; hub prose, a content page, a news post, a hub event and an Agency event carry
headings and attribute lists aimed at the theme's ids and at the TOC. Each page is loaded with
a dialog handler, and what can be is hovered, focused and clicked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_repo, run_build_py
from tests.hostile import ATTRIBUTE_PAYLOAD, hostile_text, probe_in_chromium, rewrite_catalog
from tests.server import StaticServer

pytestmark = pytest.mark.browser

QUOTE = "Q\" onmouseover=alert(11) autofocus onfocus=alert(12) x='"
YAML_QUOTE = QUOTE.replace('"', '\\"')  # inside a double-quoted YAML string
PROSE = f"""
## __config

## __search {{: .x }}

## {QUOTE}

## Etikett {{data-toc-label="&lt;img src=x onerror=alert(13)&gt;"}}

[Anker](#__config) und [oben](#__drawer).
"""
CONTENT = f"""---
title: "Seite {YAML_QUOTE}"
description: "Text {YAML_QUOTE}"
---
{PROSE}
<div markdown="1" id="block">

### __drawer

<span title='x" onclick="alert(14)'>Titel</span>

</div>
"""
NEWS = f"""---
title: "Meldung {YAML_QUOTE}"
date: 2027-01-05
summary: "Kurz {YAML_QUOTE}"
---
{PROSE}
"""
EVENT = f"""
events:
  - title: '{QUOTE.replace("'", "''")}'
    start: 2027-03-01T18:00
    city: Hamburg
"""
AGENCY_EVENT = f"""title: '{QUOTE.replace("'", "''")}'
start: 2027-03-15
city: Hamburg
hubs: [hamburg]
"""
PAGES = ["de/", "de/hubs/", "de/hubs/hamburg/", "de/payload/", "de/news/", "de/news/payload/", "de/events/", "de/404.html"]
THEME_ELEMENTS = """() => ({
  config: document.getElementById('__config')?.tagName,
  search: document.getElementById('__search')?.tagName,
  drawer: document.getElementById('__drawer')?.tagName,
  toc: document.getElementById('__toc')?.tagName,
})"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("untrusted")
    repo = make_repo(tmp, with_content=True)
    rewrite_catalog(repo, "de", hostile_text)
    hub = repo / "hubs" / "hamburg"
    (hub / "de.md").write_text((hub / "de.md").read_text(encoding="utf-8") + PROSE, encoding="utf-8")
    (hub / "hub.yml").write_text((hub / "hub.yml").read_text(encoding="utf-8") + EVENT, encoding="utf-8")
    (repo / "content" / "de" / "payload.md").write_text(CONTENT, encoding="utf-8")
    (repo / "content" / "de" / "news").mkdir(parents=True, exist_ok=True)
    (repo / "content" / "de" / "news" / "2027-01-05-payload.md").write_text(NEWS, encoding="utf-8")
    (repo / "content" / "events").mkdir(parents=True, exist_ok=True)
    (repo / "content" / "events" / "payload.yml").write_text(AGENCY_EVENT, encoding="utf-8")
    checked = run_build_py("check", root=repo)
    assert checked.returncode == 0, checked.stderr
    out = tmp / "site"
    result = run_build_py("build", "--lang", "de", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    assert "onmouseover=alert(1)" in (out / "de" / "index.html").read_text(encoding="utf-8").replace("&#34;", '"')
    assert ATTRIBUTE_PAYLOAD
    return out


@pytest.mark.parametrize("path", PAGES)
def test_no_hostile_input_runs_script_on_hover_focus_or_click(browser, hostile_site: Path, path: str) -> None:
    with StaticServer(hostile_site) as server:
        dialogs = probe_in_chromium(browser, server.url + path)
        assert dialogs == [], f"script from input ran on {path}: {dialogs}"


@pytest.mark.parametrize("path", ["de/payload/", "de/news/payload/", "de/hubs/hamburg/"])
def test_the_themes_elements_keep_their_ids(browser, hostile_site: Path, path: str) -> None:
    with StaticServer(hostile_site) as server:
        page = browser.new_page()
        page.goto(server.url + path)
        found = page.evaluate(THEME_ELEMENTS)
        assert found["config"] == "SCRIPT" and found["search"] == "INPUT" and found["drawer"] == "INPUT", found
        assert page.evaluate("() => document.querySelectorAll('[id=\"__config\"]').length") == 1
        page.close()
