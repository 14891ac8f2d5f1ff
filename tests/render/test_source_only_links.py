"""Links to the pages that exist only in German (Leichte Sprache, DGS): any language may link
them as `dgs.md`; check accepts that, and the built link leads to the German page with hreflang."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import make_repo, run_build_py

LINE = "\n\nThe page [Deutsche Gebärdensprache]({up}dgs.md) and [Leichte Sprache]({up}leichte-sprache.md#start) are in German.\n"


def _add_links(repo: Path, rel: str) -> None:
    target = repo / rel
    up = "../" if rel.startswith("hubs/") else ""  # hub prose links content pages from hubs/
    target.write_text(target.read_text(encoding="utf-8").rstrip("\n") + LINE.format(up=up), encoding="utf-8")


def _links(page: Path) -> dict[str, dict]:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article") or soup
    return {a.get_text(): dict(a.attrs) for a in article.find_all("a") if a.get_text() in ("Deutsche Gebärdensprache", "Leichte Sprache")}


def test_a_translated_page_links_the_german_only_pages_in_german(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    _add_links(repo, "content/en/accessibility.md")
    _add_links(repo, "hubs/hamburg/fr.md")
    out = tmp_path / "site"
    result = run_build_py("build", "--out", str(out), root=repo)
    assert result.returncode == 0, result.stdout + result.stderr

    page = out / "en" / "accessibility" / "index.html"
    links = _links(page)
    assert links["Deutsche Gebärdensprache"]["href"] == "../../de/dgs/"
    assert links["Deutsche Gebärdensprache"]["hreflang"] == "de"
    assert links["Leichte Sprache"]["href"] == "../../de/leichte-sprache/#start"
    assert (page.parent / links["Deutsche Gebärdensprache"]["href"] / "index.html").resolve().is_file()

    hub = out / "fr" / "hubs" / "hamburg" / "index.html"
    hub_links = _links(hub)
    assert hub_links["Deutsche Gebärdensprache"]["href"] == "../../../de/dgs/"
    assert (hub.parent / hub_links["Leichte Sprache"]["href"].split("#")[0] / "index.html").resolve().is_file()


def test_the_german_page_links_its_own_page(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    _add_links(repo, "content/de/accessibility.md")
    out = tmp_path / "site"
    assert run_build_py("build", "--out", str(out), root=repo).returncode == 0
    links = _links(out / "de" / "accessibility" / "index.html")
    assert links["Deutsche Gebärdensprache"]["href"] == "../dgs/"
    assert "hreflang" not in links["Deutsche Gebärdensprache"]


def test_a_link_to_a_german_only_page_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    (repo / "content" / "de" / "dgs.md").unlink()
    _add_links(repo, "content/en/accessibility.md")
    result = run_build_py("check", root=repo)
    assert result.returncode == 1
    assert "content/en/accessibility.md:" in result.stderr and "'dgs.md' leads nowhere" in result.stderr, result.stderr
