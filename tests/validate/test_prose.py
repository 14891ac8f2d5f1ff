"""Content checks in `check`: links between pages, image alt text, heading levels."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import make_repo, run_build_py

FRONT = "---\ntitle: Test page\ndescription: A page written for a test of the content checks.\n---\n"


def check_page(tmp_path: Path, body: str, lang: str = "en", name: str = "test-page.md") -> list[str]:
    repo = make_repo(tmp_path, with_content=True)
    (repo / "content" / lang / name).write_text(FRONT + body, encoding="utf-8")
    result = run_build_py("check", root=repo)
    return [line for line in result.stderr.splitlines() if line.startswith(f"content/{lang}/{name}")]


def test_links_to_existing_pages_pass(tmp_path: Path) -> None:
    body = "Read [the initiative](initiative.md), see [all hubs](hubs/index.md), [Dortmund](hubs/dortmund.md#top) and [GTAI](https://www.gtai.de/).\n"
    assert check_page(tmp_path, body) == []


def test_links_to_generated_pages_pass(tmp_path: Path) -> None:
    """Every page the build makes is a valid link target: news, open data, state and focus filters, events."""
    body = (
        "[News](news.md), [open data](open-data.md), [NRW](hubs/state/nordrhein-westfalen.md), "
        "[logistics](hubs/focus/logistics.md), [events](events/index.md).\n"
    )
    assert check_page(tmp_path, body) == []


def test_a_link_to_a_missing_page_is_an_error_with_its_position(tmp_path: Path) -> None:
    assert check_page(tmp_path, "Intro.\n\nSee [the plan](plan.md).\n") == [
        "content/en/test-page.md:7:5: error: link to 'plan.md' leads nowhere: there is no such page in this language"
    ]


def test_a_german_only_page_may_be_linked_from_every_language(tmp_path: Path) -> None:
    # it leads to the German page (tests/render/test_source_only_links.py); a page that is
    # missing in this language and not German-only still leads nowhere
    assert check_page(tmp_path, "[Leichte Sprache](leichte-sprache.md)\n") == []
    assert check_page(tmp_path / "de", "[Leichte Sprache](leichte-sprache.md)\n", lang="de") == []
    assert check_page(tmp_path / "x", "[Impressum](impressum.md)\n") == [
        "content/en/test-page.md:5:1: error: link to 'impressum.md' leads nowhere: there is no such page in this language"
    ]


def test_links_must_name_markdown_files(tmp_path: Path) -> None:
    assert check_page(tmp_path, "[hubs](/en/hubs/)\n") == [
        "content/en/test-page.md:5:1: error: link to '/en/hubs/': link other pages by their Markdown file, e.g. [text](initiative.md)"
    ]


def test_images_need_alt_text(tmp_path: Path) -> None:
    assert check_page(tmp_path, "![](x.png)\n") == [
        "content/en/test-page.md:5:1: error: image without alt text; describe it: ![what it shows](file)"
    ]


def test_headings_must_not_skip_levels(tmp_path: Path) -> None:
    assert check_page(tmp_path, "## One\n\n#### Three\n") == [
        "content/en/test-page.md:7:1: error: heading level 4 follows level 2; don't skip levels (use ###)"
    ]


def test_a_second_title_heading_is_an_error(tmp_path: Path) -> None:
    assert check_page(tmp_path, "# Title again\n") == [
        "content/en/test-page.md:5:1: error: use ## for the first heading level here; the page title is the only level-1 heading"
    ]


def test_code_blocks_are_not_checked(tmp_path: Path) -> None:
    assert check_page(tmp_path, "```\n# not a heading\n[x](missing.md)\n```\n") == []


def test_hub_prose_links_resolve_from_the_hubs_folder(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    prose = repo / "hubs" / "dortmund" / "en.md"
    prose.write_text(prose.read_text(encoding="utf-8") + "\nSee [Hamburg](hamburg.md) and [nowhere](bremen.md).\n", encoding="utf-8")
    result = run_build_py("check", root=repo)
    errors = [line for line in result.stderr.splitlines() if line.startswith("hubs/dortmund/en.md")]
    assert len(errors) == 1 and "'bremen.md' leads nowhere" in errors[0]


def test_hub_prose_links_are_rendered_as_links_between_hub_pages(tmp_path: Path) -> None:
    from bs4 import BeautifulSoup

    repo = make_repo(tmp_path, with_content=True)
    prose = repo / "hubs" / "dortmund" / "en.md"
    prose.write_text(
        prose.read_text(encoding="utf-8") + "\nSee [Hamburg](hamburg.md) and [the initiative](../initiative.md).\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    assert run_build_py("build", "--lang", "en", "--out", str(out), root=repo).returncode == 0
    doc = BeautifulSoup((out / "en" / "hubs" / "dortmund" / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a.get_text(): a["href"] for a in doc.select(".dehub-prose a")}
    assert hrefs["Hamburg"] == "../hamburg/"
    assert hrefs["the initiative"] == "../../initiative/"


def test_a_link_flood_is_refused_before_rendering(tmp_path: Path) -> None:
    flood = " ".join(f"[{n}](https://www.gtai.de/{n})" for n in range(600))
    assert check_page(tmp_path, flood + "\n") == [
        "content/en/test-page.md:5:1: error: too large to publish: more than 500 links; split the text or simplify it"
    ]


def test_pathologically_deep_nesting_is_refused(tmp_path: Path) -> None:
    nested = "\n".join("    " * depth + "- item" for depth in range(30))
    errors = check_page(tmp_path, nested + "\n")
    assert errors == [
        "content/en/test-page.md:25:1: error: too large to publish: nesting deeper than 20 levels (lists, quotes, indentation); split the text or simplify it"
    ]
