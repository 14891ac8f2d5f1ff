"""Screenshots for review: each page type in each language at 390, 768 and 1280 px.

    python tools/screenshots.py [--site DIR] [--out screenshots] [--only LANG:PAGE ...] [--scheme light|dark]

Without --site the site is built first (`build.py build` into a temporary folder). The pages
are the ones the browser tests audit (tests/browser/conftest.py PAGE_TYPES), one per page type
and language; files are named `<lang>-<page>-<width>.png` (`<lang>-<page>-<width>-dark.png`
for the dark scheme). The browser is the system's Chromium (`DEHUB_CHROMIUM`, default
/usr/bin/chromium); nothing leaves the machine (requests to other origins are aborted).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import gates  # noqa: E402
from tests.browser.conftest import CHROMIUM_ARGS, LANGS, PAGE_TYPES, page_path  # noqa: E402
from tests.server import StaticServer  # noqa: E402

WIDTHS = (390, 768, 1280)
HEIGHT = 900


def build(out: Path) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "build.py"), "build", "--out", str(out)], cwd=ROOT, check=False)  # noqa: S603
    if result.returncode != 0:
        sys.exit(f"screenshots: the build failed (exit status {result.returncode}); see its errors above")


def cases(only: list[str]) -> list[tuple[str, str]]:
    wanted = [tuple(item.split(":", 1)) for item in only]
    for lang, page in wanted:
        if lang not in LANGS or page not in PAGE_TYPES:
            sys.exit(f"screenshots: unknown --only {lang}:{page}; languages: {', '.join(LANGS)}; pages: {', '.join(PAGE_TYPES)}")
    return wanted or [(lang, page) for lang in LANGS for page in PAGE_TYPES]


def shoot(site: Path, out: Path, todo: list[tuple[str, str]], schemes: list[str], widths: tuple[int, ...]) -> int:
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("DEHUB_CHROMIUM", "/usr/bin/chromium")
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        origin = gates.origin_of(server.url)
        for scheme in schemes:
            seed = gates.dark_palette_seed(LANGS) if scheme == "dark" else {}
            context = browser.new_context(color_scheme=scheme, reduced_motion="reduce", locale="sv-SE")
            context.add_init_script(
                "(s => { for (const [k, v] of Object.entries(s)) try { localStorage.setItem(k, v) } catch (e) {} })("
                + json.dumps(seed)
                + ")"
            )
            context.route(re.compile(rf"^(?!{re.escape(origin)}/)(https?|wss?)://"), lambda route: route.abort())
            page = context.new_page()
            for width in widths:
                page.set_viewport_size({"width": width, "height": HEIGHT})
                for lang, kind in todo:
                    page.goto(server.url + page_path(lang, kind), wait_until="load")
                    gates.settle(page)
                    suffix = "-dark" if scheme == "dark" else ""
                    page.screenshot(path=str(out / f"{lang}-{kind}-{width}{suffix}.png"), full_page=True)
                    count += 1
            context.close()
        browser.close()
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site to photograph (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots", help="folder for the PNGs (default: screenshots/)")
    parser.add_argument("--only", nargs="*", default=[], metavar="LANG:PAGE", help="e.g. de:home ja:hub")
    parser.add_argument("--scheme", choices=["light", "dark", "both"], default="light")
    parser.add_argument("--width", type=int, nargs="*", default=list(WIDTHS))
    args = parser.parse_args(argv)
    todo = cases(args.only)
    schemes = ["light", "dark"] if args.scheme == "both" else [args.scheme]
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="dehub-shots-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            build(site)
        count = shoot(site.resolve(), args.out, todo, schemes, tuple(args.width))
    print(f"screenshots: {count} PNGs in {args.out} ({time.monotonic() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
