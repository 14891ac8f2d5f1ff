#!/usr/bin/env python3
"""The one benchmark script: wall-clock timings of the real CLI, reported as ratios to a baseline.

    python benchmarks/run.py [--runs 5] [--hubs 1000] [--quick]

Each measurement is one function returning table rows; `main` prints them as one table.
Every timing is the median of several runs of a fresh subprocess (what a user or CI waits for).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


class Timing(float):
    """Wall seconds that also carry the CPU seconds (user + system) the process tree spent."""

    cpu: float

    def __new__(cls, wall: float, cpu: float) -> Timing:
        timing = super().__new__(cls, wall)
        timing.cpu = cpu
        return timing


def children_cpu() -> float:
    """CPU seconds of every reaped child so far (a build's workers included: they are reaped by it)."""
    times = os.times()
    return times.children_user + times.children_system


@dataclass
class Row:
    what: str
    seconds: float
    baseline: str = ""
    baseline_seconds: float | None = None
    note: str = ""
    unit: str = "s"

    @property
    def ratio(self) -> str:
        return f"{self.seconds / self.baseline_seconds:.2f}x" if self.baseline_seconds else ""

    @property
    def cpu_ratio(self) -> str:
        """The same ratio in CPU seconds: steadier than wall time on a loaded machine."""
        own, base = getattr(self.seconds, "cpu", None), getattr(self.baseline_seconds, "cpu", None)
        return f"{own / base:.2f}x" if own and base else ""

    @property
    def value(self) -> str:
        return f"{self.seconds:.3f} s" if self.unit == "s" else f"{self.seconds:.1f} {self.unit}"


def median_time(argv: list[str], runs: int, cwd: Path = ROOT, expect_status: int = 0, env: dict | None = None, before=None) -> Timing:
    """Median wall time of `argv` as a subprocess; fails loudly if the command fails.

    `before` runs before each timed run (untimed), e.g. to empty a cache for a cold timing.
    """
    times, cpus = [], []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", **(env or {})}
    for _ in range(runs):
        if before is not None:
            before()
        started, cpu = time.perf_counter(), children_cpu()
        result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        cpus.append(children_cpu() - cpu)
        if result.returncode != expect_status:
            raise SystemExit(f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return Timing(statistics.median(times), statistics.median(cpus))


# --- measurements ------------------------------------------------------------------------


def measure_check_shipped(runs: int) -> list[Row]:
    """`build.py check` on the shipped repo against a bare interpreter that imports PyYAML, warm and cold.

    Warm: check's cache (keyed by file contents and the project's version) holds the shipped
    repo; cold: an empty cache before every run. The cache lives in a temporary folder here.
    """
    bare = median_time([PYTHON, "-c", "import yaml"], runs)
    argv = [PYTHON, str(ROOT / "build.py"), "--root", str(ROOT), "check"]
    with tempfile.TemporaryDirectory(prefix="dehub-bench-cache-") as cache:
        env = {"DEHUB_CACHE_DIR": cache}
        cold = median_time(argv, runs, env=env, before=lambda: shutil.rmtree(cache, ignore_errors=True))
        median_time(argv, 1, env=env)  # fills the cache
        warm = median_time(argv, runs, env=env)
    hubs = sum(1 for p in (ROOT / "hubs").iterdir() if p.is_dir())
    return [
        Row("python -c 'import yaml'", bare, note="baseline: interpreter start + PyYAML"),
        Row(f"build.py check, warm (shipped repo, {hubs} hubs)", warm, "import yaml", bare, "target: at most 3x"),
        Row(f"build.py check, cold (shipped repo, {hubs} hubs)", cold, "import yaml", bare, "target: at most 5x"),
    ]


def measure_check_many_hubs(runs: int, count: int) -> list[Row]:
    """`build.py check` on a temporary copy of the repo with `count` generated valid hubs."""
    with tempfile.TemporaryDirectory(prefix="dehub-bench-") as tmp:
        repo = copy_repo(Path(tmp) / "repo")
        shipped = median_time([PYTHON, str(ROOT / "build.py"), "--root", str(repo), "check"], runs)
        generate_hubs(repo, count)
        result = subprocess.run([PYTHON, str(ROOT / "build.py"), "--root", str(repo), "check"], capture_output=True, text=True)
        if result.returncode != 0:
            raise SystemExit(f"generated hubs do not pass check:\n{result.stderr[:3000]}")
        many = median_time([PYTHON, str(ROOT / "build.py"), "--root", str(repo), "check"], runs)
    total = count + len(SOURCE_SLUGS)
    per_hub = (many - shipped) / count * 1000
    return [Row(f"build.py check ({total} hubs: {count} generated)", many, "check, 12 hubs", shipped, f"{per_hub:.2f} ms per extra hub")]


def run_with_peak_rss(argv: list[str], cwd: Path = ROOT, env: dict | None = None) -> tuple[Timing, int]:
    """Wall time and peak resident memory of a command and all its children (sampled from /proc)."""
    process = subprocess.Popen(
        argv, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    started, cpu = time.perf_counter(), children_cpu()
    peak = 0
    while process.poll() is None:
        peak = max(peak, tree_rss(process.pid))
        time.sleep(0.05)
    elapsed = Timing(time.perf_counter() - started, children_cpu() - cpu)
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {process.returncode}:\n{process.stderr.read() if process.stderr else ''}")
    return elapsed, peak


def tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and its descendants."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            for line in (Path("/proc") / str(current) / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            pass
        stack.extend(children.get(current, []))
    return total


def export_markdown(repo: Path, lang: str, docs: Path) -> int:
    """The pages our build generates for `lang`, written as plain Markdown files for stock MkDocs."""
    for key, title in language_page_titles(repo, lang):
        target = docs / src_uri_of(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(synthetic_page(title, key), encoding="utf-8")
    return len(language_page_titles(repo, lang))


def language_page_titles(repo: Path, lang: str) -> list[tuple[str, str]]:
    """(key, title) of every page our build makes for `lang` (`dehub.render.pages.render_language`)."""
    cached = _PAGES.get((repo, lang))
    if cached is None:
        sys.path.insert(0, str(ROOT))
        from dehub.config import load_config
        from dehub.diagnostics import Report
        from dehub.localize.localizer import localizer
        from dehub.render.pages import render_language
        from dehub.validate.project import read_project

        config = load_config(repo)
        project = read_project(repo, config, Report())
        specs = render_language(project, config, localizer(repo, lang, config.fallback_chain(lang)))
        cached = _PAGES[(repo, lang)] = [(spec.key, spec.title) for spec in specs]
    return cached


_PAGES: dict[tuple[Path, str], list[tuple[str, str]]] = {}


def src_uri_of(key: str) -> str:
    sys.path.insert(0, str(ROOT))
    from dehub.urls import src_uri

    return src_uri(key)


def synthetic_page(title: str, key: str) -> str:
    """The issue's baseline page: a heading, three paragraphs, a table, eight links (same for every page)."""
    paragraph = (
        "Great ideas grow where people work closely together. This hub brings start-ups, established "
        "companies and science together, with its own sector focus and a network of mentors and investors."
    )
    links = "\n".join(f"- [Link {n}](https://example.org/{key}/{n})" for n in range(1, 9))
    table = "| city | state | focus |\n|---|---|---|\n| Dortmund | Nordrhein-Westfalen | logistics |\n| Hamburg | Hamburg | logistics |\n"
    return f"# {title}\n\n{paragraph}\n\n{paragraph}\n\n{paragraph}\n\n{table}\n{links}\n"


# The tuned configuration: the hub pages (hubs/<slug>/ and the hubs/ filter pages) out of the navigation.
TUNED = "not_in_nav: |\n  /hubs/*.md\n  /hubs/**/*.md\n  !/hubs/index.md\nnav: [{path}]\n"


def stock_build(repo: Path, langs: list[str], work: Path, tuned: bool = False) -> Timing:
    """One plain `mkdocs build` per language, sequentially, with a stock (or tuned) Material config."""
    total, cpu = 0.0, 0.0
    for lang in langs:
        docs = work / f"docs-{lang}"
        if not docs.is_dir():
            export_markdown(repo, lang, docs)
        config = work / f"mkdocs-{lang}{'-tuned' if tuned else ''}.yml"
        nav = ""
        if tuned:  # the same top-level pages our navigation holds, the hubs out of it
            top = sorted(p.relative_to(docs).as_posix() for p in docs.glob("*.md"))
            sections = sorted(p.relative_to(docs).as_posix() for p in docs.glob("*/index.md"))
            nav = TUNED.format(path=", ".join(["index.md", *sections, *(t for t in top if t != "index.md")]))
        config.write_text(
            f"site_name: de:hub\ndocs_dir: {docs}\nsite_dir: {work / (('tuned-' if tuned else 'stock-') + lang)}\n"
            f"theme:\n  name: material\n  language: {lang}\n  font: false\nplugins: [search]\n{nav}",
            encoding="utf-8",
        )
        started, before = time.perf_counter(), children_cpu()
        result = subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config)], capture_output=True, text=True)
        total += time.perf_counter() - started
        cpu += children_cpu() - before
        if result.returncode != 0:
            raise SystemExit(f"stock mkdocs build failed for {lang}:\n{result.stderr[-2000:]}")
    return Timing(total, cpu)


LANGS = ["de", "en", "fr", "es", "zh", "ja", "ar"]


def measure_builds(counts: list[int], many: int | None) -> list[Row]:
    """Our build (all languages, and English only) against stock and tuned Material, at several hub counts."""
    rows: list[Row] = []
    one_lang: dict[int, float] = {}
    for count in counts:
        with tempfile.TemporaryDirectory(prefix="dehub-bench-build-") as tmp:
            work = Path(tmp)
            repo = copy_repo(work / "repo", full=True)
            if count > len(SOURCE_SLUGS):
                generate_hubs(repo, count - len(SOURCE_SLUGS))
            env = {"SOURCE_DATE_EPOCH": "1798761600"}
            build = [PYTHON, str(ROOT / "build.py"), "--root", str(repo), "build", "--out", str(work / "site")]
            full, peak = run_with_peak_rss(build, env=env)
            weights = page_weight_rows(work / "site") if count == counts[0] else []
            single, _ = run_with_peak_rss([*build, "--lang", "en"], env=env)
            one_lang[count] = single
            label = f"{count} hubs"
            if count == len(SOURCE_SLUGS):
                stock = stock_build(repo, LANGS, work)
                rows.append(
                    Row(
                        f"build, 7 languages ({label})",
                        full,
                        "stock Material, 7 sequential builds",
                        stock,
                        f"peak RSS {peak / 2**20:.0f} MiB; target: at most 0.4x",
                    )
                )
            else:
                rows.append(Row(f"build, 7 languages ({label})", full, note=f"peak RSS {peak / 2**20:.0f} MiB"))
            if count == many:
                tuned = stock_build(repo, ["en"], work, tuned=True)
                stock = stock_build(repo, ["en"], work)
                rows.append(
                    Row(f"build, English only ({label})", single, "tuned Material (not_in_nav), English", tuned, "target: at most 1.0x")
                )
                rows.append(Row(f"build, English only ({label})", single, "stock Material, English", stock))
            else:
                rows.append(Row(f"build, English only ({label})", single))
            rows += weights
    if 100 in one_lang and many in one_lang and many != 100:
        rows.append(
            Row(f"scaling: English build, {many} hubs", one_lang[many], "same, 100 hubs", one_lang[100], "target: at most 11x (linear)")
        )
    return rows


def page_weight_rows(site: Path) -> list[Row]:
    """gzip bytes of a hub page with the CSS and JS it loads, what the first search adds, and each language's search index."""
    import gzip

    page = site / "en" / "hubs" / "dortmund" / "index.html"
    html = page.read_text(encoding="utf-8")
    total = len(gzip.compress(html.encode(), mtime=0))
    for ref in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', html):
        asset = (page.parent / ref).resolve()
        if asset.is_file():
            total += len(gzip.compress(asset.read_bytes(), mtime=0))
    rows = [
        Row(
            "hub page + its CSS/JS, gzip",
            total / 1024,
            "64 KiB",
            64.0,
            unit="KiB",
            note="target: at most 1.0x (64 KiB); Lighthouse adds what the page fetches later",
        )
    ]
    from dehub.write.search import BUNDLE, index_sizes

    # what the first search adds (nothing of it loads before): our search.js and search.css,
    # Pagefind's script, its entry file and the language's index files (a query fetches only
    # some index chunks and fragments; this is the upper bound for the whole language)
    first_use = sum(
        len(gzip.compress(path.read_bytes(), mtime=0))
        for path in (
            site / "en" / "assets" / "javascripts" / "search.js",
            site / "en" / "assets" / "stylesheets" / "search.css",
            site / BUNDLE / "pagefind.js",
            site / BUNDLE / "pagefind-entry.json",
        )
        if path.is_file()
    )
    rows.append(
        Row("search on first use: search.js/css + Pagefind's script, gzip", first_use / 1024, unit="KiB", note="not loaded with the page")
    )
    sizes = [f"{lang} {size / 1024:.0f} KiB" for lang, size in index_sizes(site).items()] if (site / BUNDLE).is_dir() else []
    rows.append(Row("search index per language (Pagefind: stemmer + meta + chunks + fragments)", 0.0, note=", ".join(sizes)))
    return rows


def measure_serve_edit(runs: int) -> list[Row]:
    """`serve`: from saving one hub's prose to the new text being served (what a browser reloads)."""
    import socket
    import urllib.request

    def fetch(url: str) -> str:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.read().decode("utf-8")

    with tempfile.TemporaryDirectory(prefix="dehub-bench-serve-") as tmp:
        repo = copy_repo(Path(tmp) / "repo", full=True)
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        server = subprocess.Popen(
            [PYTHON, str(ROOT / "build.py"), "--root", str(repo), "serve", "--port", str(port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        page = f"http://127.0.0.1:{port}/en/hubs/dortmund/"
        try:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    fetch(page)
                    break
                except OSError:
                    time.sleep(0.2)
            prose = repo / "hubs" / "dortmund" / "en.md"
            original = prose.read_text(encoding="utf-8")
            times = []
            for run in range(runs):
                marker = f"Benchmark edit number {run}."
                started = time.perf_counter()
                prose.write_text(original + f"\n{marker}\n", encoding="utf-8")
                while marker not in fetch(page):
                    time.sleep(0.01)
                times.append(time.perf_counter() - started)
                time.sleep(0.5)
        finally:
            server.terminate()
            server.wait(timeout=10)
    return [
        Row(
            "serve: one hub's prose edited -> served",
            statistics.median(times),
            note="target: under 1 s (the open page polls every 0.25 s and reloads)",
        )
    ]


# --- fixture generation ------------------------------------------------------------------

SOURCE_SLUGS = sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())


def copy_repo(target: Path, full: bool = False) -> Path:
    """What `check` reads (the config, the hubs, the content); with `full`, what `build` reads too."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("hubs", "content", "schema", *(("theme", "translations") if full else ())):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, target / name)
    return target


def generate_hubs(repo: Path, count: int) -> None:
    """`count` valid hubs `hub-0001`..., each derived from a real one with varied facts."""
    for index in range(1, count + 1):
        source = SOURCE_SLUGS[index % len(SOURCE_SLUGS)]
        slug = f"hub-{index:04d}"
        folder = repo / "hubs" / slug
        folder.mkdir()
        text = (ROOT / "hubs" / source / "hub.yml").read_text(encoding="utf-8")
        (folder / "hub.yml").write_text(vary_hub(text, index), encoding="utf-8")
        shutil.copy(ROOT / "hubs" / source / "de.md", folder / "de.md")


def vary_hub(text: str, index: int) -> str:
    """Shift coordinates slightly (staying inside Germany), number the names, add events and extras."""

    def shift(match: re.Match[str]) -> str:
        value = float(match.group(2)) + ((index * 37) % 21 - 10) / 1000
        return f"{match.group(1)}{value:.3f}"

    text = re.sub(r"^(\s+(?:lat|lon): )([0-9.]+)$", shift, text, flags=re.M)
    text = re.sub(r"^(  [a-z]{2}: de:hub .*)$", rf"\1 #{index}", text, flags=re.M)
    text = re.sub(r"^(name: .*)$", rf"\1 #{index}", text, flags=re.M)
    city = re.search(r"^  - name: (.+)$", text, flags=re.M).group(1)
    extra = f"former_slugs: [old-hub-{index:04d}]\n"
    if index % 3 == 0:
        day = index % 28 + 1
        extra += (
            "events:\n"
            f"  - title: {{de: Hub-Abend {index}, en: Hub evening {index}}}\n"
            f"    start: 2027-{index % 12 + 1:02d}-{day:02d}T18:00\n"
            f"    end: 2027-{index % 12 + 1:02d}-{day:02d}T21:00\n"
            f"    city: {city}\n"
        )
    if index % 5 == 0:
        extra += f"website: https://hub-{index:04d}.example.org/\n"
    return text.rstrip("\n") + "\n" + extra


# --- output ------------------------------------------------------------------------------


def print_table(rows: list[Row]) -> None:
    header = ("measurement", "median", "baseline", "ratio", "cpu ratio", "note")
    cells = [(r.what, r.value if r.seconds else "", r.baseline, r.ratio, r.cpu_ratio, r.note) for r in rows]
    widths = [max(len(str(line[i])) for line in (header, *cells)) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'>' if i in (1, 3, 4) else '<'}{w}}}" for i, w in enumerate(widths))
    print(fmt.format(*header))
    print("  ".join("-" * w for w in widths))
    for line in cells:
        print(fmt.format(*line))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing; the median is reported")
    parser.add_argument("--hubs", type=int, default=1000, help="generated hubs for the scaling measurement")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 100 instead of 1,000 hubs, 2 runs per timing, no serve timing")
    args = parser.parse_args()
    if args.quick:
        args.hubs, args.runs = 100, min(args.runs, 2)
    load = os.getloadavg()
    rows = measure_check_shipped(args.runs)
    rows += measure_check_many_hubs(args.runs, args.hubs)
    counts = [len(SOURCE_SLUGS), 100] if args.hubs == 100 else [len(SOURCE_SLUGS), 100, args.hubs]
    if not args.quick:
        rows += measure_serve_edit(args.runs)
    rows += measure_builds(counts, args.hubs)
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} CPUs; median of {args.runs} runs each")
    print(f"load average {load[0]:.2f} at the start, {os.getloadavg()[0]:.2f} at the end (ratios are only meaningful on an idle machine)\n")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
