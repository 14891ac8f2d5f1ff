"""The multilingual build: URLs, languages, switcher, fallback, sitemap, atomicity."""

from __future__ import annotations

import hashlib
import os
import shutil
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, BuiltSite, make_repo, run_build_py
from tests.server import StaticServer, free_port

pytestmark = pytest.mark.slow  # builds sites

LANGS = ["de", "en", "fr", "es", "zh", "ja", "ar"]
SLUGS = sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())
OWN_NAMES = {"de": "Deutsch", "en": "English", "fr": "Français", "es": "Español", "zh": "中文", "ja": "日本語", "ar": "العربية"}


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def all_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("index.html") if "assets" not in p.parts)


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("lang", LANGS)
def test_every_hub_has_a_page_in_every_language(built_site: BuiltSite, lang: str) -> None:
    for slug in SLUGS:
        page = built_site.root / lang / "hubs" / slug / "index.html"
        assert page.is_file(), page
        assert soup(page).h1.get_text(strip=True), f"{page} has no heading"


@pytest.mark.parametrize("lang", LANGS)
def test_html_element_has_lang_and_direction(built_site: BuiltSite, lang: str) -> None:
    for page in all_pages(built_site.root / lang):
        html = soup(page).html
        assert html["lang"] == lang, page
        assert html["dir"] == ("rtl" if lang == "ar" else "ltr"), page


def test_every_page_has_canonical_hreflang_and_description(built_site: BuiltSite) -> None:
    for lang in LANGS:
        for page in all_pages(built_site.root / lang):
            doc = soup(page)
            rel = page.parent.relative_to(built_site.root).as_posix() + "/"
            if doc.find("meta", attrs={"http-equiv": "refresh"}):
                continue  # a redirect page for a former slug
            canonical = doc.find("link", rel="canonical")["href"]
            assert canonical == built_site.url + rel, page
            alternates = {link["hreflang"]: link["href"] for link in doc.find_all("link", rel="alternate", hreflang=True)}
            assert alternates["x-default"] == built_site.url
            assert alternates[lang] == canonical
            if rel.startswith("de/leichte-sprache") or rel.startswith("de/dgs"):
                assert set(alternates) == {"de", "x-default"}, page
            else:
                assert set(alternates) == {*LANGS, "x-default"}, page
                for code in LANGS:
                    assert alternates[code] == built_site.url + code + rel[len(lang) :]
            description = doc.find("meta", attrs={"name": "description"})["content"]
            assert 20 <= len(description) <= 300, (page, description)


def switcher(doc: BeautifulSoup) -> dict[str, tuple[str, str]]:
    links = doc.select(".md-select__list a")
    return {a["hreflang"]: (a["href"], a.get_text(strip=True)) for a in links if a.get("lang") == a.get("hreflang")}


def test_switcher_leads_to_the_same_page_in_each_language(built_site: BuiltSite) -> None:
    page_url = built_site.url + "fr/hubs/berlin/"
    entries = switcher(soup(built_site.page("fr/hubs/berlin")))
    assert set(entries) == set(LANGS)
    for code, (href, label) in entries.items():
        assert urljoin(page_url, href) == built_site.url + f"{code}/hubs/berlin/"
        assert label == OWN_NAMES[code]


def test_switcher_on_a_german_only_page_leads_to_each_home(built_site: BuiltSite) -> None:
    page_url = built_site.url + "de/leichte-sprache/"
    entries = switcher(soup(built_site.page("de/leichte-sprache")))
    assert urljoin(page_url, entries["en"][0]) == built_site.url + "en/"
    assert urljoin(page_url, entries["ar"][0]) == built_site.url + "ar/"
    assert urljoin(page_url, entries["de"][0]) == page_url
    assert not (built_site.root / "en" / "leichte-sprache").exists()


def test_missing_translation_falls_back_with_a_notice_in_the_readers_language(tmp_path: Path) -> None:
    """Every shipped hub has prose in every language, so a fixture repo takes French away from one."""
    repo = make_repo(tmp_path)
    (repo / "hubs" / "dortmund" / "fr.md").unlink()
    out = tmp_path / "site"
    result = run_build_py("build", "--out", str(out), "--lang", "fr", "--lang", "en", "--lang", "de", root=repo)
    assert result.returncode == 0, result.stdout + result.stderr
    doc = soup(out / "fr" / "hubs" / "dortmund" / "index.html")
    notice = doc.select_one(".dehub-notice")
    assert notice is not None and notice.get_text(strip=True)
    assert notice.get("lang") in (None, "fr")
    prose = doc.select_one(".dehub-prose")
    assert prose["lang"] == "en"
    english = (repo / "hubs" / "dortmund" / "en.md").read_text(encoding="utf-8").split("---")[-1].strip().split("\n")[0][:40]
    assert english[:30] in prose.get_text(" ", strip=True)
    assert soup(out / "fr" / "hubs" / "hamburg" / "index.html").select_one(".dehub-notice") is None
    assert soup(out / "de" / "hubs" / "dortmund" / "index.html").select_one(".dehub-notice") is None


def test_sitemap_lists_every_page_with_alternates(built_site: BuiltSite) -> None:
    sitemap = BeautifulSoup((built_site.root / "sitemap.xml").read_text(encoding="utf-8"), "xml")
    listed = {loc.get_text() for loc in sitemap.find_all("loc")}
    built = {
        built_site.url + p.parent.relative_to(built_site.root).as_posix() + "/" for lang in LANGS for p in all_pages(built_site.root / lang)
    }
    assert listed == built
    entry = next(url for url in sitemap.find_all("url") if url.loc.get_text() == built_site.url + "ja/hubs/koeln/")
    alternates = {link["hreflang"]: link["href"] for link in entry.find_all("link")}
    assert alternates == {code: built_site.url + f"{code}/hubs/koeln/" for code in LANGS}
    for lang in LANGS:
        assert not (built_site.root / lang / "sitemap.xml").exists()


def test_root_chooser_works_without_javascript(built_site: BuiltSite) -> None:
    doc = soup(built_site.root / "index.html")
    links = {a["hreflang"]: a["href"] for a in doc.select("main a")}
    assert links == {code: f"{code}/" for code in LANGS}
    for item in doc.select("main li"):
        assert item["lang"] in LANGS


def test_root_404_uses_absolute_asset_urls(built_site: BuiltSite) -> None:
    doc = soup(built_site.root / "404.html")
    for link in doc.find_all("link", rel="stylesheet"):
        assert link["href"].startswith("/"), link
    for lang in LANGS:
        assert (built_site.root / lang / "404.html").is_file()


def test_no_external_assets_and_no_web_fonts(built_site: BuiltSite) -> None:
    for page in all_pages(built_site.root):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        doc = BeautifulSoup(text, "html.parser")
        for tag in doc.find_all(["script", "link", "img"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" and "stylesheet" in tag.get("rel", []) else None)
            assert not url or not urlsplit(url).netloc, (page, url)


def test_hub_pages_are_not_in_the_navigation(built_site: BuiltSite) -> None:
    doc = soup(built_site.page("en/index.html"))
    nav_links = [a["href"] for a in doc.select("nav.md-nav--primary a, .md-tabs a")]
    assert not [href for href in nav_links if "hubs/" in href and href.rstrip("/").split("/")[-1] in SLUGS]


def test_former_slugs_redirect_in_every_language(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    hub = repo / "hubs" / "dortmund" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8") + "former_slugs: [ruhr-logistics]\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_build_py("build", "--out", str(out), root=repo, env={"DEHUB_SITE_URL": "https://example.test/"})
    assert result.returncode == 0, result.stderr
    for lang in LANGS:
        doc = soup(out / lang / "hubs" / "ruhr-logistics" / "index.html")
        target = f"https://example.test/{lang}/hubs/dortmund/"
        assert doc.find("link", rel="canonical")["href"] == target
        assert doc.find("meta", attrs={"http-equiv": "refresh"})["content"] == f"0; url={target}"


def test_a_build_for_a_sub_path_works_when_served_there(tmp_path: Path) -> None:
    repo = make_repo(tmp_path, with_content=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}/dehub/"
    served = tmp_path / "www"
    result = run_build_py("build", "--out", str(served / "dehub"), root=repo, env={"DEHUB_SITE_URL": base})
    assert result.returncode == 0, result.stderr
    with StaticServer(served, port):
        for page in ("en/", "en/hubs/dortmund/", "de/hubs/", "missing/page/"):
            url = base + page
            try:
                html = urllib.request.urlopen(url).read().decode()  # noqa: S310 - loopback only
            except urllib.error.HTTPError as error:
                assert page == "missing/page/" and error.code == 404
                html = error.read().decode()
            doc = BeautifulSoup(html, "html.parser")
            for tag in doc.find_all(["link", "script", "img", "a"]):
                ref = tag.get("href") or tag.get("src")
                if (
                    not ref
                    or ref.startswith("#")
                    or urlsplit(ref).scheme not in ("", "http")
                    or urlsplit(ref).netloc not in ("", f"127.0.0.1:{port}")
                ):
                    continue
                target = urljoin(url, ref).split("#")[0]
                if target.startswith("webcal:"):  # a calendar subscription: the site's own file, fetched over http
                    target = "http:" + target[len("webcal:") :]
                assert urlsplit(target).path.startswith("/dehub/"), (page, ref)
                with urllib.request.urlopen(target) as response:  # noqa: S310
                    assert response.status == 200, target


def test_two_builds_in_different_places_and_environments_are_byte_identical(tmp_path: Path) -> None:
    first = make_repo(tmp_path / "a", with_content=True)
    second = tmp_path / "b" / "checkout" / "elsewhere"
    shutil.copytree(first, second)
    for path in second.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    env_one = {"TZ": "UTC", "PYTHONHASHSEED": "1", "LC_ALL": "C.UTF-8", "DEHUB_SITE_URL": "https://example.test/"}
    env_two = {"TZ": "Pacific/Auckland", "PYTHONHASHSEED": "4242", "LC_ALL": "C", "DEHUB_SITE_URL": "https://example.test/"}
    assert run_build_py("build", "--out", str(tmp_path / "out1"), root=first, env=env_one).returncode == 0
    assert run_build_py("build", "--out", str(tmp_path / "out2"), root=second, env=env_two).returncode == 0
    one, two = tree_digest(tmp_path / "out1"), tree_digest(tmp_path / "out2")
    assert one.keys() == two.keys()
    assert [name for name in one if one[name] != two[name]] == []


def test_a_broken_hub_fails_the_build_and_leaves_the_site_untouched(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    out = tmp_path / "site"
    assert run_build_py("build", "--lang", "en", "--out", str(out), root=repo).returncode == 0
    before = tree_digest(out)
    hub = repo / "hubs" / "hamburg" / "hub.yml"
    hub.write_text(hub.read_text(encoding="utf-8").replace("focus: [logistics]", "focus: [logistik]"), encoding="utf-8")
    result = run_build_py("build", "--lang", "en", "--out", str(out), root=repo)
    assert result.returncode == 1
    assert "hubs/hamburg/hub.yml:" in result.stderr and "did you mean 'logistics'" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".site")] == []


def test_a_failure_while_rendering_leaves_the_site_untouched(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    out = tmp_path / "site"
    assert run_build_py("build", "--lang", "en", "--out", str(out), root=repo).returncode == 0
    before = tree_digest(out)
    (repo / "theme" / "main.html").write_text("{% extends 'base.html' %}{% block site_meta %}{% if %}{% endblock %}", encoding="utf-8")
    result = run_build_py("build", "--lang", "en", "--out", str(out), root=repo)
    assert result.returncode == 1
    assert "theme/main.html:1: error:" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(out) == before


def test_a_failure_while_writing_leaves_the_site_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from dehub.commands import build as site
    from dehub.write import root as write

    repo = make_repo(tmp_path)
    out = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    assert site.build_site(repo, langs=["en"], out=out) == 0
    before = tree_digest(out)

    def broken(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(write, "write_sitemap", broken)
    assert site.build_site(repo, langs=["en"], out=out) == 1
    assert "No space left on device" in capsys.readouterr().err
    assert tree_digest(out) == before


def test_unknown_language_is_an_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    result = run_build_py("build", "--lang", "xx", "--out", str(tmp_path / "o"), root=repo)
    assert result.returncode == 2  # a usage error, like argparse's own
    assert "'xx' is not a configured language" in result.stderr


def test_build_never_replaces_a_folder_it_did_not_build(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    notes = tmp_path / "my-notes"
    notes.mkdir()
    (notes / "todo.txt").write_text("keep me", encoding="utf-8")
    result = run_build_py("build", "--lang", "en", "--out", str(notes), root=repo)
    assert result.returncode == 1
    assert "is not a site built by build.py" in result.stderr
    assert [p.name for p in notes.iterdir()] == ["todo.txt"]
    assert run_build_py("build", "--lang", "en", "--out", str(repo), root=repo).returncode == 1
    assert (repo / "hubs" / "dortmund" / "hub.yml").is_file()


def test_a_previous_build_is_replaced(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    out = tmp_path / "site"
    assert run_build_py("build", "--lang", "en", "--out", str(out), root=repo).returncode == 0
    assert (out / ".dehub-site").is_file()
    assert run_build_py("build", "--lang", "en", "--out", str(out), root=repo).returncode == 0


def test_contributor_guide_is_linked_only_when_the_repository_is_known(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    without = tmp_path / "without"
    result = run_build_py("build", "--lang", "en", "--out", str(without), root=repo, env={"GITHUB_REPOSITORY": ""})
    assert result.returncode == 0, result.stderr
    assert "CONTRIBUTING" not in (without / "en" / "index.html").read_text(encoding="utf-8")
    assert not soup(without / "en" / "index.html").select(".dehub-footer-contributing")

    with_repo = tmp_path / "with"
    env = {"GITHUB_REPOSITORY": "example-org/dehub-site"}
    result = run_build_py("build", "--lang", "de", "--lang", "en", "--out", str(with_repo), root=repo, env=env)
    assert result.returncode == 0, result.stderr
    for lang, name in (("en", "CONTRIBUTING.md"), ("de", "CONTRIBUTING.de.md")):
        links = soup(with_repo / lang / "hubs" / "dortmund" / "index.html").select(".md-footer .dehub-footer-contributing a")
        assert [a["href"] for a in links] == [f"https://github.com/example-org/dehub-site/blob/HEAD/{name}"]
        assert links[0]["hreflang"] == lang
    assert soup(with_repo / "de" / "index.html").select_one(".dehub-footer-contributing a").get_text() == "Leitfaden zum Mitwirken"
