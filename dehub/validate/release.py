"""`check --release`: no placeholder for the operator may go live.

The placeholders in content/ (the Agency's legal pages) are the operator's: they are listed
after every other problem, so a hub team's own errors (a new hub's) come first.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..diagnostics import Report, clip

PLACEHOLDER = re.compile(r"\[\[TODO:[^\]]*\]\]")
SHOWN = 100  # characters of a placeholder in its message (a whole word more at most)


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
                    text = match.group()
                    shown = text if len(text) <= SHOWN else clip(text[:-2], SHOWN) + "]]"
                    report.error(
                        file.relative_to(root).as_posix(),
                        number,
                        match.start() + 1,
                        f"placeholder {shown} must be filled in before release",
                        operator=folder == "content",
                    )
