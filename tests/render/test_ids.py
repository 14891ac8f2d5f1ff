"""Ids prose may set (issue 16, class 2) and the TOC rebuilt from the sanitised body (class 3)."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from dehub.render.ids import IdGate, id_problem, normalise
from dehub.render.sanitize import clean_html, render_markdown
from dehub.render.toc import toc_tokens
from tests.hostile import element_ids, injected

ROOT = Path(__file__).resolve().parents[2]
MATERIAL = Path(material.__file__).parent / "templates"
LITERAL_ID = re.compile(r'\bid="([^"{$]+)"')


def template_ids(folder: Path) -> set[str]:
    return {m for path in folder.rglob("*.html") for m in LITERAL_ID.findall(path.read_text(encoding="utf-8"))}


def test_reserved_names_every_id_our_templates_emit() -> None:
    ours = template_ids(ROOT / "dehub" / "render" / "templates") | template_ids(ROOT / "theme")
    assert ours, "the templates have ids"
    assert all(id_problem(ident) for ident in ours), sorted(i for i in ours if not id_problem(i))


def test_no_theme_id_is_a_prose_id() -> None:
    theme = template_ids(MATERIAL) | {"__palette_0", "__nav_1", "__nav_1_label", "__tabbed_1_1", "__code_0", "__toc", "__tabs"}
    assert all(id_problem(ident) for ident in theme)
    assert {normalise(ident) for ident in theme}.isdisjoint(theme)


@pytest.mark.parametrize(
    "value",
    [
        "__config",
        "__search",
        "__drawer",
        "__palette_0",
        "__toc",
        "__tabs",
        "hubs",
        "dehub-main",
        "md-x",
        "A",
        "a b",
        "-a",
        "a--b",
        "x" * 65,
        "",
        "é_é",
    ],
)
def test_the_gate_never_hands_out_a_refused_id(value: str) -> None:
    gate = IdGate()
    first, second = gate(value), gate(value)
    assert id_problem(first) is None and id_problem(second) is None
    assert first != second


@pytest.mark.parametrize(
    "markdown",
    [
        "## A {#__config}\n\n## B {: #__search }\n\nText {: id=__drawer }",
        '## X {: id="__palette_0" name="__config" }\n\n[x](#__config)',
        "## hubs\n\n## hubs {#hubs}\n\nPara {#dehub-main}",
        '**b**{: id="__tabs" }\n\n## Dup {#dup}\n\n## Dup2 {#dup}',
    ],
)
def test_rendered_prose_has_only_allowed_unique_ids(markdown: str) -> None:
    for extended in (False, True):
        html = render_markdown(markdown, extended=extended)
        ids = element_ids(html)
        assert len(ids) == len(set(ids)) and all(id_problem(i) is None for i in ids), (html, ids)
        assert " name=" not in html and 'href="#__' not in html


def test_raw_html_ids_and_names_pass_the_same_gate() -> None:
    html = clean_html(
        '<div id="__config"><img name="__search" src="https://x.example/a.png" alt="a"><span id="__config">x</span></div>', extended=True
    )
    assert element_ids(html) == ["config", "config-2"] and "name=" not in html


def test_one_page_shares_its_ids_across_fragments() -> None:
    gate = IdGate()
    first, second = render_markdown("## Intro {#intro}", ids=gate), render_markdown("## Intro {#intro}", ids=gate)
    assert element_ids(first + second) == ["intro", "intro-2"]


@pytest.mark.parametrize(
    "html",
    [
        '<h2 id="a">&lt;img src=x onerror=alert(1)&gt;</h2>',
        '<h2 id="b">x" onmouseover="alert(1)</h2><h3 id="c">&lt;script&gt;alert(1)&lt;/script&gt;</h3>',
    ],
)
def test_toc_titles_are_escaped_text_of_the_sanitised_headings(html: str) -> None:
    tokens = toc_tokens(clean_html(html, extended=True))
    names = [tokens[0]["name"]] + [child["name"] for child in tokens[0]["children"]]
    assert all("<" not in name and '"' not in name for name in names)
    assert injected("<p>" + "".join(names) + "</p>") == []
