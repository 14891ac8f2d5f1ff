"""The canary's Zensical report: the newest Zensical release against the six reproductions.

    python tools/zensical_canary.py docs/zensical-repro --python .venv-zensical/bin/python >> "$GITHUB_STEP_SUMMARY"

Runs every `docs/zensical-repro/*/check.sh` with the given interpreter's folder first on PATH
(where `zensical` and `mkdocs` are installed), and prints a Markdown report: the Zensical
version, whether it is newer than the one the reproductions were last checked with
(`CHECKED_WITH` in docs/zensical-repro/README.md), and each script's exit status and output,
so the day upstream fixes one of the gaps, the scheduled run says so. The output of a script
is text, never Markdown: it goes into an indented code block (where backticks and tags are
literal) with control characters replaced. Always exits 0 once the report is written (it reports, it doesn't gate);
2 for a usage error.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

CHECKED_WITH = re.compile(r"<!-- checked-with: ([0-9][0-9A-Za-z.+-]*) -->")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
TIMEOUT = 300


def version_of(python: Path) -> str | None:
    code = "import importlib.metadata as m; print(m.version('zensical'))"
    try:
        done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, timeout=60, check=False)
    except OSError:
        return None
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def key(version: str) -> tuple:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"[.+-]", version))


def as_text(output: str, limit: int = 4000) -> str:
    """Script output as an indented Markdown code block: shown as text, whatever it holds."""
    text = CONTROL.sub("?", output.replace("\r\n", "\n"))[:limit].rstrip() or "(no output)"
    return "\n".join("    " + line for line in text.splitlines())


def run_check(script: Path, python: Path) -> tuple[int | str, str]:
    folder = python.absolute().parent  # not resolve(): a venv's python is a link to the system one
    env = {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}", "NO_MKDOCS_2_WARNING": "1"}
    try:
        done = subprocess.run(["sh", str(script)], capture_output=True, text=True, timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        return "timeout", f"no result after {TIMEOUT} s"
    return done.returncode, done.stdout + done.stderr


def report(folder: Path, python: Path) -> list[str]:
    readme = (folder / "README.md").read_text(encoding="utf-8")
    checked = match.group(1) if (match := CHECKED_WITH.search(readme)) else None
    version = version_of(python)
    lines = ["## Zensical reproductions", ""]
    if version is None:
        lines.append("Zensical is not installed for this interpreter: nothing was run.")
        return lines
    newer = checked is not None and key(version) > key(checked)
    state = "**a new release**" if newer else ("the version" if version == checked else "a version")
    lines.append(
        f"zensical {version}: {state} against {checked or 'no recorded version'}, the one the reproductions were last checked with."
    )
    if newer:
        lines.append(
            "Read each output below: a gap that no longer shows is fixed upstream (update docs/engines.md and the README's checked-with)."
        )
    lines.append("")
    for script in sorted(folder.glob("*/check.sh")):
        status, output = run_check(script, python)
        lines += [f"### {script.parent.name}: exit status {status}", "", as_text(output), ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Re-run docs/zensical-repro/*/check.sh and print a Markdown report.")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--python", type=Path, default=Path(sys.executable), help="the interpreter whose environment has zensical")
    args = parser.parse_args(argv)
    if not (args.folder / "README.md").is_file():
        print(f"error: {args.folder}/README.md not found: give the reproductions' folder", file=sys.stderr)
        return 2
    print("\n".join(report(args.folder, args.python)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
