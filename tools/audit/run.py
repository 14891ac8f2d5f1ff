#!/usr/bin/env python3
"""`make audit`: Lighthouse (mobile) on the home page, the hub overview and a hub page.

    .venv/bin/python tools/audit/run.py [--lang de] [--site DIR] [--hub berlin]

Builds the site (unless --site points at a build made with the same DEHUB_SITE_URL), serves
it with the tests' static server (tests/server.py: gzip, 404 page) on 127.0.0.1, and runs
Lighthouse 12.2.3 (tools/audit/node_modules, installed by `make audit` with `npm ci` from
tools/audit/package-lock.json) against the system's Chromium (CHROME_PATH, default
DEHUB_CHROMIUM or /usr/bin/chromium). Prints the four category scores, LCP and the transfer
size per page, and exits 1 when a page falls below the bars:
accessibility, best practices and SEO 1.0, performance 0.95, a hub page at most 150 KiB.
Not part of the test suite: Lighthouse needs Node 20 and its timings need a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from dehub.commands.serve_http import port_problem  # noqa: E402
from tests.server import StaticServer, free_port  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "audit" / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
BARS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
HUB_PAGE_BUDGET = 150 * 1024
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run --disable-sync --disable-quic"


def build(out: Path, url: str) -> None:
    env = {**os.environ, "DEHUB_SITE_URL": url, "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1798761600")}
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "build", "--out", str(out)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"the build failed:\n{result.stdout}{result.stderr}")


def lighthouse(url: str, chrome: str) -> dict:
    node = shutil.which("node")
    if not node:
        sys.exit("Lighthouse needs Node.js 20 or later (node not found)")
    if not LIGHTHOUSE.is_file():
        sys.exit(f"Lighthouse is not installed: run `make audit` (npm ci in tools/audit); missing {LIGHTHOUSE}")
    args = [
        node,
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output-path=stdout",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--form-factor=mobile",  # Lighthouse's default: Moto G Power, simulated slow 4G, 4x CPU
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    result = subprocess.run(args, capture_output=True, text=True, env={**os.environ, "CHROME_PATH": chrome}, timeout=300)
    if result.returncode != 0 or not result.stdout.strip().startswith("{"):
        sys.exit(f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def failing_audits(report: dict, category: str) -> list[str]:
    """The audits that cost points in a category, for a readable failure message."""
    lines = []
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
            lines.append(f"      {ref['id']}: {audit.get('title')} ({audit.get('displayValue', audit['score'])})")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", default="de", help="the language whose pages are audited (default: de)")
    parser.add_argument("--hub", default="berlin", help="the hub page to audit (default: berlin)")
    parser.add_argument("--site", type=Path, help="an existing build, made with DEHUB_SITE_URL=http://127.0.0.1:PORT/ (needs --port)")
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the Lighthouse reports to this folder")
    options = parser.parse_args()

    chrome = os.environ.get("CHROME_PATH") or os.environ.get("DEHUB_CHROMIUM") or "/usr/bin/chromium"
    port = options.port or free_port()
    url = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryDirectory(prefix="dehub-audit-") as tmp:
        site = options.site or Path(tmp) / "site"
        try:  # the port first: a busy one is one line, not a traceback after the build
            server = StaticServer(site, port)
        except (OSError, OverflowError) as error:
            print(f"error: {port_problem(port, error)}", file=sys.stderr)
            return 1
        if options.site is None:
            print(f"building the site for {url} ...", flush=True)
            build(site, url)
        pages = {"home": f"{options.lang}/", "overview": f"{options.lang}/hubs/", "hub": f"{options.lang}/hubs/{options.hub}/"}
        failures: list[str] = []
        with server:
            print(f"Lighthouse 12.2.3, mobile, {chrome}, served gzip-compressed from {url}\n")
            print(f"{'page':<28} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'LCP':>8} {'transfer':>10}")
            for name, path in pages.items():
                report = lighthouse(url + path, chrome)
                if options.json:
                    options.json.mkdir(parents=True, exist_ok=True)
                    (options.json / f"{name}.json").write_text(json.dumps(report), encoding="utf-8")
                scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
                lcp = report["audits"]["largest-contentful-paint"]["numericValue"]
                transfer = report["audits"]["total-byte-weight"]["numericValue"]
                print(
                    f"/{path:<27} {scores['performance']:>5.2f} {scores['accessibility']:>5.2f} {scores['best-practices']:>5.2f} "
                    f"{scores['seo']:>5.2f} {lcp / 1000:>7.2f}s {transfer / 1024:>8.1f} KiB",
                    flush=True,
                )
                for category, bar in BARS.items():
                    if scores[category] is None or scores[category] < bar:
                        failures.append(f"/{path}: {category} {scores[category]} < {bar}")
                        failures.extend(failing_audits(report, category))
                if name == "hub" and transfer > HUB_PAGE_BUDGET:
                    failures.append(f"/{path}: transfer size {transfer / 1024:.1f} KiB > {HUB_PAGE_BUDGET // 1024} KiB")
    if failures:
        print("\naudit failed:\n  " + "\n  ".join(failures))
        return 1
    print("\naudit passed: accessibility, best practices and SEO 1.0, performance >= 0.95, hub page <= 150 KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
