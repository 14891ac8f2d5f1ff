"""Our own scripts as the browser gets them: without their explanatory comments.

theme/assets/javascripts/*.js explain themselves in block comments (about half of dehub.js),
which every page would download. Only comments that stand on lines of their own are taken
out (a line that starts with `/*`, up to its first `*/`, which ends a line): such a line can't be part
of a string or a regular expression, so the code is untouched. Material's bundle is left alone.
"""

from __future__ import annotations

import re
from pathlib import Path

OURS = ("dehub.js", "search.js")  # theme/assets/javascripts/
OWN_LINE_COMMENT = re.compile(r"^[ \t]*/\*(?:(?!\*/).)*\*/[ \t]*\n", re.S | re.M)  # never past the first */


def without_comments(script: str) -> str:
    return OWN_LINE_COMMENT.sub("", script)


def strip_script_comments(site_dir: Path) -> None:
    for name in OURS:
        path = site_dir / "assets" / "javascripts" / name
        if path.is_file():
            path.write_text(without_comments(path.read_text(encoding="utf-8")), encoding="utf-8")
