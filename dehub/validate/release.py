"""`check --release`: no placeholder for the operator may go live."""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Report

PLACEHOLDER = re.compile(r"\[\[TODO:[^\]]*\]\]")


def check_placeholders(root: Path, report: Report) -> None:
    for folder in ("content", "hubs"):
        base = root / folder
        if not base.is_dir():
            continue
        already = {(d.path, d.line) for d in report.diagnostics if "placeholder" in d.message}  # e.g. by the schema
        for file in sorted(base.rglob("*")):
            if file.suffix not in {".md", ".yml", ".yaml"} or not file.is_file():
                continue
            text = file.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), start=1):
                if (file.relative_to(root).as_posix(), number) in already:
                    continue
                for match in PLACEHOLDER.finditer(line):
                    report.error(
                        file.relative_to(root).as_posix(),
                        number,
                        match.start() + 1,
                        f"placeholder {match.group()[:80]} must be filled in before release",
                    )
