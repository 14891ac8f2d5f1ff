"""The site's search: Pagefind indexes the built pages, whatever engine rendered them.

In: a built site folder (the staging folder of `build`, before the atomic swap). Out: its
`pagefind/` folder: Pagefind's script and one index per language (Pagefind keys them by
`<html lang>`), which the search in the header (theme/partials/search.html, search.js) loads
on first use. Only what the templates mark is indexed: `data-pagefind-body` on a page's own
content (theme/main.html; filter pages, 404 and the root pages are not marked), hub facts as
filters (focus, state) and metadata (cities) in dehub/render/templates/hub.html. Prose can't
add any `data-pagefind-*` attribute: the sanitiser's allow-list has none (render/sanitize.py).

Pagefind runs as its own process (its command line, the binary of the `pagefind-bin-extended`
wheel, which segments Chinese and Japanese), from an empty working folder and without
PAGEFIND_* variables, so no `pagefind.yml` of a checkout and no environment changes what it
does. (Not its Python API: that one merges the binary's stderr, where it prints notes such as
"no stemming for ja", into the channel it reads JSON from, and polls every 0.1 s per page.)
Byte-identical builds: Pagefind numbers the pages in the order its crawl lists them, so it
crawls a copy of the marked pages made in sorted path order (which also keeps everything
unmarked out); and it writes the languages in `pagefind-entry.json` and the filter values
from randomly seeded hash maps, so those are rewritten in sorted order (write/search_order.py).
The UI bundles Pagefind ships (its Default, Modular and Component UI and
the highlighter) are not used and not published: the results are ours, rendered as text.
"""

from __future__ import annotations

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


def pagefind_command(pages: Path, output: Path) -> list[str]:
    """Pagefind's own command line over the copied pages (see index_site)."""
    return [sys.executable, "-m", "pagefind", "--site", str(pages), "--output-path", str(output), "--glob", "**/*.html", "--silent"]


def marked_pages(site: Path, langs: list[str]) -> list[Path]:
    """Every page of `langs` marked for the search (data-pagefind-body), in sorted path order:
    the language folders only (the root chooser and redirects have no index)."""
    found = []
    for lang in sorted(langs):
        for path in sorted((site / lang).rglob("*.html"), key=lambda p: p.relative_to(site).as_posix()):
            if "data-pagefind-body" in path.read_text(encoding="utf-8"):
                found.append(path)
    return found


def index_site(site: Path, langs: list[str]) -> dict[str, int]:
    """Write `site/pagefind/` for the pages of `langs`; return each language's page count.

    The bundle is written next to the site and renamed into it, so a reader of a served site
    (build.py serve) never sees half an index; an earlier bundle is replaced."""
    site = site.resolve()
    env = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    with tempfile.TemporaryDirectory(prefix=".dehub-pagefind-", dir=site.parent) as work:
        output, pages, cwd = Path(work) / BUNDLE, Path(work) / "pages", Path(work) / "cwd"
        cwd.mkdir()
        for path in marked_pages(site, langs):  # created in sorted order: Pagefind lists them so
            target = pages / path.relative_to(site)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        try:
            done = subprocess.run(
                pagefind_command(pages, output), cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
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
