"""Derived outputs carry text, never markup (issue 25, class 1).

A fixture site is built from input that `check` accepts but that is hostile in every output's
own context: entity-escaped markup (`&lt;script&gt;`), quotes of both kinds, `]]`, a
`%0A::error::` workflow command, and `</script>` in a code span and a fenced block. Each
output is read with its own parser (XML for Atom, icalendar, JSON, an HTML parser for the pages,
the embed snippet and the JSON-LD) and must hold exactly the input's text, as text.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.conftest import make_repo, run_build_py

TEXT = "&lt;script&gt;alert(1)&lt;/script&gt; \"q\" 'a' ]] %0A::error::x &amp;"
YAML_TEXT = "'" + TEXT.replace("'", "''") + "'"
CODE = "</script><script>alert(1)</script><!--"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("derived")
    repo = make_repo(tmp)
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    yml = hub.read_text(encoding="utf-8").replace("  en: de:hub Dortmund · Logistics", f"  en: {YAML_TEXT}")
    yml += f"events:\n  - title: {YAML_TEXT}\n    start: 2027-03-01T18:00\n    city: Dortmund\n"
    hub.write_text(yml, encoding="utf-8")
    prose = repo / "hubs" / "dortmund" / "en.md"
    prose.write_text(prose.read_text(encoding="utf-8") + f"\n\nCode: `{CODE}`\n\n```\n{CODE} ]]>\n```\n", encoding="utf-8")
    for lang in ("de", "en"):
        news = repo / "content" / lang / "news"
        news.mkdir(parents=True)
        (news / "2027-01-05-hostile.md").write_text(
            f"---\ntitle: {YAML_TEXT}\ndate: 2027-01-05\nsummary: {YAML_TEXT}\n---\n\n`{CODE}`\n\n```\n{CODE} ]]>\n```\n", encoding="utf-8"
        )
    check = run_build_py("check", root=repo)
    assert check.returncode == 0, check.stderr  # accepted: it is text
    out = tmp / "site"
    result = run_build_py("build", "--lang", "en", "--lang", "de", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stderr
    return out


def strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in strings(item)]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


def test_the_atom_feed_holds_the_text_as_text(site: Path) -> None:
    root = ET.parse(site / "en" / "news" / "feed.xml").getroot()  # noqa: S314 - our own output
    entry = root.find(f"{ATOM}entry")
    assert entry is not None
    for name in ("title", "summary"):
        element = entry.find(f"{ATOM}{name}")
        assert element is not None and element.text == TEXT
        assert element.get("type", "text") == "text", "an html title would be unescaped once more by feed readers"
    assert not [e.tag for e in root.iter() if e.tag.lower().endswith("script")]


def test_the_calendar_holds_the_text_and_no_injected_lines(site: Path) -> None:
    raw = (site / "calendar" / "dortmund.ics").read_bytes()
    event = next(c for c in Calendar.from_ical(raw).walk("VEVENT"))
    assert str(event["SUMMARY"]) == TEXT
    unfolded = re.sub(rb"\r\n[ \t]", b"", raw).split(b"\r\n")
    assert all(re.match(rb"^[A-Z][A-Z0-9-]*[;:]", line) for line in unfolded if line), "every line is a property"


@pytest.mark.parametrize("name", ["hubs.json", "hubs.geojson"])
def test_open_data_holds_the_text_as_a_json_string(site: Path, name: str) -> None:
    data = json.loads((site / "api" / name).read_text(encoding="utf-8"))
    assert TEXT in strings(data)


def test_the_embed_snippet_is_text_to_copy_whose_card_shows_the_text(site: Path) -> None:
    page = BeautifulSoup((site / "en" / "open-data" / "index.html").read_text(encoding="utf-8"), "html.parser")
    code = page.select_one("pre code.language-html")
    assert code is not None and not code.find_all(True), "the snippet is text in the page, not elements"
    card = BeautifulSoup(code.get_text(), "html.parser")  # what a site that pastes it gets
    assert card.find("script") is None and card.find(True, attrs=lambda a: any(k.startswith("on") for k in a or {})) is None
    assert card.select_one("strong a").get_text() == TEXT


@pytest.mark.parametrize("path", ["en/hubs/dortmund/index.html", "en/events/index.html", "en/news/hostile/index.html"])
def test_json_ld_and_pages_carry_the_text_never_a_script(site: Path, path: str) -> None:
    html = (site / path).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "</script><script>" not in html
    page = BeautifulSoup(html, "html.parser")
    for script in page.find_all("script"):
        assert "alert(1)" not in script.get_text() or script.get("type") == "application/ld+json"
    blocks = [s.get_text() for s in page.find_all("script", type="application/ld+json")]
    if path.startswith("en/news/"):
        assert CODE in page.get_text(), "the code span shows as text"
        return
    assert blocks, "the page has structured data"
    for block in blocks:
        assert "<" not in block and ">" not in block, "no '</script' or '<!--' inside the element"
    assert any(TEXT in strings(json.loads(block)) for block in blocks)
