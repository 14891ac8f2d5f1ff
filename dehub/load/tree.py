"""The input folders as names on disk: no symlinks, no names that can't be shown safely.

Threat: a pull request can carry symlinks. A prose file that links to `.git/config`, a `.env`
or a virtualenv file inside the checkout would publish that file's text, and a link loop
sends path resolution into a RuntimeError. Names come from the pull request too: a newline,
another control character or a bidi override in a name forges CI output and hides what a
path says; a name that is not UTF-8 breaks a strict UTF-8 stdout. So any symlink (file or
folder, loops included) under the input folders, and any such name, is `path: error`; the
loaders refuse the same paths (`refused_entry`) and never resolve a link.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..diagnostics import Report
from ..output import has_invisible

INPUT_FOLDERS = ("hubs", "content", "translations", "theme")
MAX_ENTRIES = 20_000  # names under the input folders: a checkout, not a dump
MAX_DEPTH = 8
SYMLINK = "is a symlink; commit the file itself (symlinks could publish files from outside the site's sources)"


def refused_entry(path: Path, rel: str, report: Report) -> bool:
    """True (and the error reported) when `path` is a symlink or its name can't be shown."""
    if os.path.islink(path):
        report.error(rel, 0, 0, SYMLINK)
        return True
    name = os.path.basename(rel)
    if has_invisible(name):
        report.error(rel, 0, 0, "the name holds a control character, a bidi control or bytes that are not UTF-8; rename it")
        return True
    return False


def check_tree(root: Path, report: Report) -> None:
    """Every symlink and badly named entry under the input folders, each reported once."""
    seen = 0
    for folder in INPUT_FOLDERS:
        top = root / folder
        if refused_entry(top, folder, report) or not top.is_dir():
            continue
        stack = [(top, folder, 0)]
        while stack:
            path, rel, depth = stack.pop()
            try:
                entries = sorted(os.scandir(path), key=lambda entry: entry.name)
            except OSError as error:
                report.error(rel, 0, 0, f"cannot be read: {error.strerror or error}")
                continue
            for entry in entries:
                seen += 1
                if seen > MAX_ENTRIES:
                    report.error(folder, 0, 0, f"more than {MAX_ENTRIES} files and folders in the input folders")
                    return
                child = f"{rel}/{entry.name}"
                if refused_entry(Path(entry.path), child, report):
                    continue
                if entry.is_dir(follow_symlinks=False):
                    if depth + 1 >= MAX_DEPTH:
                        report.error(child, 0, 0, f"folders nested deeper than {MAX_DEPTH} levels")
                        continue
                    stack.append((Path(entry.path), child, depth + 1))


def linked_part(root: Path, path: Path) -> str | None:
    """The first part of `path` below `root` that is a symlink (repo-relative), or None."""
    current = root
    for part in path.relative_to(root).parts:
        current = current / part
        if os.path.islink(current):
            return current.relative_to(root).as_posix()
    return None
