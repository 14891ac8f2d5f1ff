"""`i18n diff FILE`: what changed in the German source since this translation was made.

The translation records the German text's `source_hash`; the German file's git history is
searched (newest first) for the version with that hash (the normalised or the older raw hash),
and the unified diff from that version to the German text now is printed. A shallow clone
(CI's default) lacks the history: then a clear "history missing" message says how to get it.
"""

from __future__ import annotations

import difflib
import subprocess
import sys
from pathlib import Path

from ..config import Config
from ..diagnostics import Report
from ..load.files import read_prose
from ..load.safe_yaml import split_front_matter
from ..model import translates
from .status import _german_of

MAX_VERSIONS = 500  # commits of one German file searched


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def body_of(text: str, path: str) -> str | None:
    parsed = split_front_matter(text, path, Report())
    return parsed[2] if parsed is not None else None


def find_translated_version(root: Path, german_rel: str, recorded: str) -> tuple[str, str] | None:
    """(commit, German body) of the newest version of `german_rel` whose hash is `recorded`."""
    log = git(root, "log", f"--max-count={MAX_VERSIONS}", "--format=%H", "--", german_rel)
    for commit in log.stdout.decode().split():
        shown = git(root, "show", f"{commit}:{german_rel}")
        if shown.returncode != 0:
            continue
        body = body_of(shown.stdout.decode("utf-8", "replace"), german_rel)
        if body is not None and translates(recorded, body):
            return commit, body
    return None


def i18n_diff(root: Path, config: Config, given: str) -> int:
    shown, path, german, problem = _german_of(root, given, config.source_language)
    if problem:
        print(f"{shown}: error: {problem}", file=sys.stderr)
        return 1
    path, german = root / shown, german.resolve()
    german_rel = german.relative_to(root.resolve()).as_posix()
    parts = shown.split("/")
    lang = parts[2][: -len(".md")] if parts[0] == "hubs" else parts[1]
    translation, original = read_prose(root, path, lang, Report()), read_prose(root, german, config.source_language, Report())
    if translation is None or original is None:
        print(f"{shown}: error: cannot be read; run `python build.py check`", file=sys.stderr)
        return 1
    recorded = translation.recorded_hash
    if recorded is None:
        print(f"{shown}: error: has no source_hash, so the German version it translates is unknown", file=sys.stderr)
        return 1
    if translates(recorded, original.body, original.meta):
        print(f"{shown}: current; the German text ({german_rel}) has not changed since it was translated")
        return 0
    inside = git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        print(f"{shown}: error: history missing: {root} is not a git repository, so the old German text cannot be found", file=sys.stderr)
        return 1
    found = find_translated_version(root, german_rel, recorded)
    if found is None:
        shallow = git(root, "rev-parse", "--is-shallow-repository").stdout.decode().strip() == "true"
        why = (
            "history missing: this is a shallow clone; run `git fetch --unshallow` and try again"
            if shallow
            else f"no version of {german_rel} in the git history has source_hash {recorded}"
        )
        print(f"{shown}: error: {why}", file=sys.stderr)
        return 1
    commit, old = found
    diff = difflib.unified_diff(
        old.splitlines(keepends=True),
        original.body.splitlines(keepends=True),
        fromfile=f"{german_rel} ({commit[:10]}, translated)",
        tofile=f"{german_rel} (now)",
    )
    sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in diff)
    print(f"\nupdate {shown}, then run `python build.py i18n mark-current {shown}`")
    return 0
