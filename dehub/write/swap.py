"""The atomic swap: a build is written next to the output folder, then renamed into place.

Only an empty folder or an earlier build (marked with MARKER) may be replaced, never a
user's other files; a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

MARKER = ".dehub-site"  # marks a folder this command built, and may therefore replace


def replaceable(out: Path) -> bool:
    """Only an empty folder or an earlier build may be replaced; never a user's other files."""
    return not out.exists() or (out.is_dir() and (not any(out.iterdir()) or (out / MARKER).is_file()))


def mark(staging: Path) -> None:
    (staging / MARKER).write_text("built by `python build.py build`; the next build replaces this folder\n", encoding="utf-8")


def swap_in(staging: Path, out: Path) -> None:
    """Replace `out` by `staging` so that a reader never sees a half-written site."""
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    staging.rename(out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
