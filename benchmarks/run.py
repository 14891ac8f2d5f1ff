#!/usr/bin/env python3
"""The one benchmark script: wall-clock timings of the real CLI, reported as ratios to a baseline.

    python benchmarks/run.py [--runs 5] [--hubs 1000]

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


@dataclass
class Row:
    what: str
    seconds: float
    baseline: str = ""
    baseline_seconds: float | None = None
    note: str = ""

    @property
    def ratio(self) -> str:
        return f"{self.seconds / self.baseline_seconds:.1f}x" if self.baseline_seconds else ""


def median_time(argv: list[str], runs: int, cwd: Path = ROOT, expect_status: int = 0) -> float:
    """Median wall time of `argv` as a subprocess; fails loudly if the command fails."""
    times = []
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - started)
        if result.returncode != expect_status:
            raise SystemExit(f"{' '.join(argv)} exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return statistics.median(times)


# --- measurements ------------------------------------------------------------------------


def measure_check_shipped(runs: int) -> list[Row]:
    """`build.py check` on the shipped repo against a bare interpreter that imports PyYAML."""
    bare = median_time([PYTHON, "-c", "import yaml"], runs)
    check = median_time([PYTHON, str(ROOT / "build.py"), "--root", str(ROOT), "check"], runs)
    hubs = sum(1 for p in (ROOT / "hubs").iterdir() if p.is_dir())
    return [
        Row("python -c 'import yaml'", bare, note="baseline: interpreter start + PyYAML"),
        Row(f"build.py check (shipped repo, {hubs} hubs)", check, "import yaml", bare),
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


# --- fixture generation ------------------------------------------------------------------

SOURCE_SLUGS = sorted(p.name for p in (ROOT / "hubs").iterdir() if p.is_dir())


def copy_repo(target: Path) -> Path:
    """What `check` reads: the config, the hubs and the Agency's content."""
    target.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("hubs", "content", "schema"):
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
    header = ("measurement", "median", "baseline", "ratio", "note")
    cells = [(r.what, f"{r.seconds:.3f} s", r.baseline, r.ratio, r.note) for r in rows]
    widths = [max(len(str(line[i])) for line in (header, *cells)) for i in range(len(header))]
    fmt = "  ".join(f"{{:{'>' if i in (1, 3) else '<'}{w}}}" for i, w in enumerate(widths))
    print(fmt.format(*header))
    print("  ".join("-" * w for w in widths))
    for line in cells:
        print(fmt.format(*line))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing; the median is reported")
    parser.add_argument("--hubs", type=int, default=1000, help="generated hubs for the scaling measurement")
    args = parser.parse_args()
    rows = measure_check_shipped(args.runs)
    rows += measure_check_many_hubs(args.runs, args.hubs)
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} CPUs; median of {args.runs} runs each\n")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
