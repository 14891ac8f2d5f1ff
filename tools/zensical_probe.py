#!/usr/bin/env python3
"""Prototype for issue 21: build ONE language of a data-only theme with Zensical.

Stand-alone: standard library + an installed `zensical` (tested with 0.0.73). No Jinja2,
no MkDocs plugin. Everything the theme needs arrives as data:

  config.extra.strings.<key>   translated UI strings (instead of `_()` calls)
  config.theme.language        <html lang> and the theme's own strings (Zensical/Material)
  config.theme.direction       <body dir> (both engines' base.html)
  page.meta.title / .description / .canonical / .hreflang / .x_default / .alternates
                               head links and the language switcher, per page

Input layout:

  PAGES/<lang>/**/*.md         page files with YAML front matter (written by engine/ later)
  PAGES/<lang>/strings.json    {"key": "translated string", ...}  (not copied into docs)
  THEME/                       custom_dir overrides (main.html, partials/..., 404.html)

Usage:

  python tools/zensical_probe.py --pages PAGES --theme THEME --lang ar --out SITE \
      [--site-url https://example.org/] [--rtl ar,he,fa,ur] [--html-dir] [--keep]

Zensical insists that docs_dir and site_dir lie inside the folder of its config file
(0.0.73: "site_dir must be within project root") and has no --site-dir option, so the
probe assembles a throw-away project root and moves the site out afterwards. The config
is written as JSON, which is valid YAML, so no YAML library is needed.

--html-dir adds dir="rtl|ltr" to <html>: neither Material's nor Zensical's base.html puts
`dir` on <html> (both put it on <body>), and <html> sits outside every template block, so
a data-only theme can't do it; the MkDocs build does the same rewrite in on_post_page.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RTL_DEFAULT = ("ar", "he", "fa", "ur")
HTML_TAG = re.compile(r'<html lang="([^"]+)"( class="no-js")?>')


def project_config(lang: str, site_url: str, strings: dict, rtl: bool, languages: list[str]) -> dict:
    base = site_url.rstrip("/") + "/"
    return {
        "site_name": "de:hub",
        "site_url": f"{base}{lang}/",
        "use_directory_urls": True,
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": {
            "name": "material",
            "variant": "classic",  # keeps Material's look and HTML, so theme/ CSS applies
            "custom_dir": "overrides",
            "language": lang,
            "direction": "rtl" if rtl else "ltr",
            "font": False,  # no Google Fonts request
            "features": ["navigation.tabs", "search.suggest"],
        },
        # Both themes' header.html include partials/alternate.html only when
        # config.extra.alternate is non-empty: the site-wide list (each language's home)
        # switches the partial on; ours then prefers the page's own page.meta.alternates.
        "extra": {
            "generator": False,
            "strings": strings,
            "alternate": [{"name": code, "link": f"{base}{code}/", "lang": code} for code in languages],
        },
        "plugins": ["search"],
        "markdown_extensions": ["toc", "attr_list", "md_in_html", "tables", "admonition"],
    }


def add_html_dir(site: Path, direction: str) -> int:
    changed = 0
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        new = HTML_TAG.sub(lambda m: f'<html lang="{m.group(1)}" dir="{direction}"{m.group(2) or ""}>', text, count=1)
        if new != text:
            path.write_text(new, encoding="utf-8")
            changed += 1
    return changed


def build(
    pages: Path,
    theme: Path,
    lang: str,
    out: Path,
    site_url: str,
    rtl_langs: tuple[str, ...],
    html_dir: bool,
    keep: bool,
    engine: str = "zensical",
) -> float:
    source = pages / lang
    if not source.is_dir():
        sys.exit(f"{source}: no such folder (expected PAGES/<lang>/)")
    strings_file = source / "strings.json"
    strings = json.loads(strings_file.read_text(encoding="utf-8")) if strings_file.exists() else {}
    rtl = lang.split("-")[0] in rtl_langs
    root = Path(tempfile.mkdtemp(prefix=f"zensical-{lang}-"))
    try:
        shutil.copytree(source, root / "docs", ignore=shutil.ignore_patterns("strings.json"))
        shutil.copytree(theme, root / "overrides")
        config = root / "mkdocs.yml"
        languages = sorted(p.name for p in pages.iterdir() if p.is_dir())
        config.write_text(
            json.dumps(project_config(lang, site_url, strings, rtl, languages), ensure_ascii=False, indent=2), encoding="utf-8"
        )
        start = time.perf_counter()
        command = {
            "zensical": [sys.executable, "-m", "zensical", "build", "--clean", "-f", str(config)],
            # Same project, same theme, for comparison (needs mkdocs-material installed).
            "mkdocs": [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config)],
        }[engine]
        proc = subprocess.run(command, cwd=root, capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if proc.returncode != 0 or not (root / "site").is_dir():
            sys.stderr.write(proc.stdout + proc.stderr)
            sys.exit(f"{engine} build failed for {lang} (exit {proc.returncode}); project kept at {root}")
        if html_dir:
            add_html_dir(root / "site", "rtl" if rtl else "ltr")
        if out.exists():
            shutil.rmtree(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(root / "site"), out)
        return seconds
    finally:
        if keep:
            print(f"project root kept: {root}", file=sys.stderr)
        else:
            shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, required=True, help="folder with <lang>/ page folders")
    parser.add_argument("--theme", type=Path, required=True, help="custom_dir override folder")
    parser.add_argument("--lang", required=True)
    parser.add_argument("--out", type=Path, required=True, help="site folder to write (replaced)")
    parser.add_argument("--site-url", default="http://127.0.0.1:8000/")
    parser.add_argument("--rtl", default=",".join(RTL_DEFAULT), help="comma-separated right-to-left language codes")
    parser.add_argument("--html-dir", action="store_true", help="post-process: add dir to <html>")
    parser.add_argument("--keep", action="store_true", help="keep the temporary project root")
    parser.add_argument(
        "--engine",
        choices=("zensical", "mkdocs"),
        default="zensical",
        help="mkdocs: build the same project with MkDocs + Material, for comparison",
    )
    args = parser.parse_args(argv)
    seconds = build(
        args.pages.resolve(),
        args.theme.resolve(),
        args.lang,
        args.out.resolve(),
        args.site_url,
        tuple(code for code in args.rtl.split(",") if code),
        args.html_dir,
        args.keep,
        args.engine,
    )
    print(f"{args.lang}: built {args.out} with {args.engine} in {seconds:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
