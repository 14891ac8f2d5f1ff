"""The site's search: Pagefind indexes the built pages, whatever engine rendered them.

In: a built site folder (the staging folder of `build`, before the atomic swap). Out: its
`pagefind/` folder: Pagefind's script and one index per language (Pagefind keys them by
`<html lang>`), which the search in the header (theme/partials/search.html, search.js) loads
on first use. Only what the templates mark is indexed: `data-pagefind-body` on a page's own
content (theme/main.html; filter pages, 404 and the root pages are not marked), hub facts as
filters (focus, state) and metadata (cities) in dehub/render/templates/hub.html. Prose can't
add any `data-pagefind-*` attribute: the sanitiser's allow-list has none (render/sanitize.py).

Pagefind runs in its own process (this module as a script, driving the binary of the
`pagefind-bin-extended` wheel, which segments Chinese and Japanese, through Pagefind's Python
API), from an empty working folder and without PAGEFIND_* variables, so no `pagefind.yml` of a
checkout and no environment changes what it does. Byte-identical builds: Pagefind's own
crawl numbers the pages in the order the file system lists them (a copy of the same site
indexed differently), so the pages are handed to it one by one in sorted path order instead;
and the order of the languages in `pagefind-entry.json` and of the filter values (hash maps')
varies, so those are rewritten in sorted order (write/search_order.py). The UI bundles Pagefind ships (its Default, Modular and Component UI and
the highlighter) are not used and not published: the results are ours, rendered as text.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .search_order import canonical_filters

BUNDLE = "pagefind"  # the folder at the site root, /pagefind/
ENTRY = "pagefind-entry.json"
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css")
UNUSED += ("pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
TIMEOUT = 600  # seconds; a hung indexer fails the build instead of holding it


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message holds its own last lines."""


def pagefind_command(site: Path, output: Path, langs: list[str]) -> list[str]:
    """This module as a script: Pagefind over the language folders (see `write_bundle`)."""
    return [sys.executable, "-m", "dehub.write.search", str(site), str(output), *sorted(langs)]


def marked_pages(site: Path, langs: list[str]) -> list[tuple[str, Path]]:
    """(URL, file) of every page marked for the search, in sorted order: the language folders
    only (the root chooser and redirects have no index), URLs as Pagefind makes them."""
    pages = []
    for lang in sorted(langs):
        for path in sorted((site / lang).rglob("*.html"), key=lambda p: p.relative_to(site).as_posix()):
            rel = path.relative_to(site).as_posix()
            url = "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
            pages.append((url, path))
    return pages


async def write_bundle(site: Path, output: Path, langs: list[str]) -> None:
    """Pagefind's index of the marked pages, one file after the other (the order is the index's)."""
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(config=IndexConfig(output_path=str(output))) as index:
        for url, path in marked_pages(site, langs):
            content = path.read_text(encoding="utf-8")
            if "data-pagefind-body" in content:
                await index.add_html_file(content=content, url=url)


def index_site(site: Path, langs: list[str]) -> dict[str, int]:
    """Write `site/pagefind/` for the pages of `langs`; return each language's page count.

    The bundle is written next to the site and renamed into it, so a reader of a served site
    (build.py serve) never sees half an index; an earlier bundle is replaced."""
    site = site.resolve()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix=".dehub-pagefind-", dir=site.parent) as work:
        output = Path(work) / BUNDLE
        cwd = Path(work) / "cwd"
        cwd.mkdir()
        try:
            done = subprocess.run(
                pagefind_command(site, output, langs), cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise SearchIndexError(f"the search index (Pagefind) could not be built: {exc}") from exc
        if done.returncode != 0 or not (output / ENTRY).is_file():
            said = " ".join((done.stderr or done.stdout).strip().splitlines()[-3:])[:300]
            raise SearchIndexError(f"the search index (Pagefind) failed with exit status {done.returncode}: {said}")
        counts = normalise(output)
        target = site / BUNDLE
        if target.exists():
            shutil.rmtree(target)
        output.rename(target)
    return counts


def normalise(bundle: Path) -> dict[str, int]:
    """The entry file with sorted keys (Pagefind's language order varies), the filters in a fixed
    order (write/search_order.py), unused UIs removed."""
    canonical_filters(bundle)
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    (bundle / ENTRY).write_text(json.dumps(entry, sort_keys=True, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)
    return {lang: int(data.get("page_count", 0)) for lang, data in sorted(entry.get("languages", {}).items())}


def index_sizes(site: Path) -> dict[str, int]:
    """Bytes of each language's index files (meta, index chunks, fragments; what a search may fetch)."""
    bundle = site / BUNDLE
    entry = json.loads((bundle / ENTRY).read_text(encoding="utf-8"))
    sizes = {}
    for lang, data in sorted(entry.get("languages", {}).items()):
        hash_ = data["hash"]
        files = [bundle / f"pagefind.{hash_}.pf_meta", *(bundle / "index").glob(f"{lang}_*"), *(bundle / "fragment").glob(f"{lang}_*")]
        files.append(bundle / f"wasm.{data.get('wasm') or 'unknown'}.pagefind")  # zh, ja: no stemmer
        sizes[lang] = sum(path.stat().st_size for path in files if path.is_file())
    return sizes


if __name__ == "__main__":  # run by index_site in its own process: site, output, languages
    asyncio.run(write_bundle(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]))
