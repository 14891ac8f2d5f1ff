"""dehub/write/search.py: Pagefind's bundle in the built site, one index per language of that
language's own pages, hub facts as filters and metadata, the same bytes every time, and a
failing indexer that fails the build without touching the previous site."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import pytest

from dehub.write import search
from tests.commands.test_build import tree_digest
from tests.conftest import BuiltSite, make_repo, run_build_py

LANGS = ["de", "en", "fr", "es", "zh", "ja", "ar"]
FILTER_PREFIXES = ("hubs/focus/", "hubs/state/", "events/hub/", "events/focus/", "news/page/")


def fragments(site: Path, lang: str) -> dict[str, dict]:
    """url -> the page's record, from Pagefind's (gzip, prefixed JSON) fragment files."""
    records = {}
    for path in sorted((site / "pagefind" / "fragment").glob(f"{lang}_*.pf_fragment")):
        data = gzip.decompress(path.read_bytes()).decode("utf-8")
        assert data.startswith("pagefind_dcd")
        record = json.loads(data[len("pagefind_dcd") :])
        records[record["url"]] = record
    return records


def test_one_index_per_language_of_that_languages_own_pages(built_site: BuiltSite) -> None:
    entry = json.loads((built_site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert sorted(entry["languages"]) == sorted(LANGS)
    for lang in LANGS:
        urls = set(fragments(built_site.root, lang))
        assert entry["languages"][lang]["page_count"] == len(urls)
        assert {f"/{lang}/", f"/{lang}/hubs/", f"/{lang}/hubs/berlin/", f"/{lang}/events/"} <= urls, lang
        assert all(url.startswith(f"/{lang}/") for url in urls), [url for url in urls if not url.startswith(f"/{lang}/")]
        assert not [url for url in urls if url[len(lang) + 2 :].startswith(FILTER_PREFIXES)], "filter pages are indexed"
        assert f"/{lang}/404.html" not in urls and f"/{lang}/404" not in urls


def test_hub_facts_are_filters_and_metadata_not_text(built_site: BuiltSite) -> None:
    record = fragments(built_site.root, "de")["/de/hubs/muenchen/"]
    assert record["filters"] == {"focus": ["Mobilität", "InsurTech"], "state": ["Bayern"]}
    assert record["meta"]["cities"] == "München"
    assert record["meta"]["title"].startswith("de:hub München")
    assert "Bayern" in record["content"]  # from the page's facts, not from the hidden filter spans
    hidden = fragments(built_site.root, "en")["/en/hubs/berlin/"]
    assert hidden["filters"]["state"] == ["Berlin"]


@pytest.mark.parametrize("lang", ["zh", "ja"])
def test_chinese_and_japanese_are_segmented_by_the_extended_binary(built_site: BuiltSite, lang: str) -> None:
    record = fragments(built_site.root, lang)[f"/{lang}/hubs/muenchen/"]
    assert "\u200b" in record["content"], "no word boundaries: the index was not built by pagefind_extended"


def test_the_bundle_is_published_without_pagefinds_unused_uis(built_site: BuiltSite) -> None:
    bundle = built_site.root / "pagefind"
    assert (bundle / "pagefind.js").is_file() and not [name for name in search.UNUSED if (bundle / name).exists()]
    text = (bundle / "pagefind-entry.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_normalise_sorts_the_entry_and_removes_the_uis(tmp_path: Path) -> None:
    (tmp_path / search.ENTRY).write_text('{"version":"1","languages":{"zh":{"page_count":2},"ar":{"page_count":3}}}', encoding="utf-8")
    (tmp_path / "pagefind-ui.js").write_text("x", encoding="utf-8")
    assert search.normalise(tmp_path) == {"ar": 3, "zh": 2}
    assert (tmp_path / search.ENTRY).read_text(
        encoding="utf-8"
    ) == '{"languages":{"ar":{"page_count":3},"zh":{"page_count":2}},"version":"1"}'
    assert not (tmp_path / "pagefind-ui.js").exists()


def test_pagefind_settings_from_the_environment_or_the_working_folder_change_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "site"
    (site / "en").mkdir(parents=True)
    (site / "en" / "index.html").write_text(
        '<html lang="en"><body><main data-pagefind-body><h1>Hello zebra</h1></main></body></html>', encoding="utf-8"
    )
    monkeypatch.setenv("PAGEFIND_GLOB", "nothing/*.html")
    monkeypatch.setenv("PAGEFIND_OUTPUT_SUBDIR", "elsewhere")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pagefind.yml").write_text("glob: nothing/*.html\n", encoding="utf-8")
    assert search.index_site(site, ["en"]) == {"en": 1}
    assert (site / "pagefind" / "pagefind.js").is_file() and not (site / "elsewhere").exists()


def test_a_failing_indexer_fails_the_build_and_leaves_the_site_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    from dehub.commands import build as site

    repo = make_repo(tmp_path)
    out = tmp_path / "site"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1798761600")
    assert site.build_site(repo, langs=["en"], out=out) == 0
    assert (out / "pagefind" / "pagefind-entry.json").is_file()
    before = tree_digest(out)
    failing = [sys.executable, "-c", "import sys; print('Error: Pagefind broke', file=sys.stderr); sys.exit(3)"]
    monkeypatch.setattr(search, "pagefind_command", lambda *args: failing)
    assert site.build_site(repo, langs=["en"], out=out) == 1
    err = capsys.readouterr().err
    assert "error: SearchIndexError: the search index (Pagefind) failed with exit status 3: Error: Pagefind broke" in err
    assert "Traceback" not in err
    assert tree_digest(out) == before
    assert [p.name for p in out.parent.iterdir() if p.name.startswith((".site", ".dehub-pagefind"))] == []


def test_a_single_language_build_indexes_that_language(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    out = tmp_path / "site"
    assert run_build_py("build", "--lang", "ja", "--out", str(out), root=repo).returncode == 0
    entry = json.loads((out / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["ja"]
    assert "/ja/hubs/dortmund/" in fragments(out, "ja")
