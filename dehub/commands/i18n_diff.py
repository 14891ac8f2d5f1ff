"""`i18n diff FILE`: what changed in the German source since this translation was made.

The translation records the German text's `source_hash`; the German file's git history is
searched (newest first) for the version with that hash (the normalised or the older raw hash),
and what changed from that version to the German text now (its translated front matter and
its body, whitespace and rewrapping ignored) is printed word by word, like `git diff --word-diff`:
the changed paragraphs only, removed words as [-old-], added words as {+new+}. A shallow clone
(CI's default) lacks the history: then a clear "history missing" message says how to get it.
"""

from __future__ import annotations

import difflib
import re
import subprocess
import sys
from pathlib import Path

from ..config import Config
from ..diagnostics import Report
from ..load.files import read_prose
from ..load.safe_yaml import split_front_matter
from ..model import normalized_text, raw_source_hash, source_hash, translated_fields, translates
from .mark_current import german_of

MAX_VERSIONS = 500  # commits of one German file searched


def git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def source_of(text: str, path: str) -> tuple[dict, str] | None:
    """The front matter and body of one version of a German file."""
    parsed = split_front_matter(text, path, Report())
    return (parsed[0], parsed[2]) if parsed is not None else None


def recorded_for(recorded: str, meta: dict, body: str) -> bool:
    """This version's hash is `recorded`: today's, or one recorded before the front matter counted."""
    return translates(recorded, body, meta) or recorded in {source_hash(body), raw_source_hash(body)}


def find_translated_version(root: Path, german_rel: str, recorded: str) -> tuple[str, dict, str] | None:
    """(commit, front matter, body) of the newest version of `german_rel` whose hash is `recorded`."""
    log = git(root, "log", f"--max-count={MAX_VERSIONS}", "--format=%H", "--", german_rel)
    for commit in log.stdout.decode().split():
        shown = git(root, "show", f"{commit}:{german_rel}")
        if shown.returncode != 0:
            continue
        found = source_of(shown.stdout.decode("utf-8", "replace"), german_rel)
        if found is not None and recorded_for(recorded, *found):
            return commit, *found
    return None


def compared_text(meta: dict, body: str) -> str:
    """What a translator translates: the translated front matter fields, then the body."""
    fields = "".join(f"{name}: {value}\n\n" for name, value in translated_fields(meta))
    return fields + normalized_text(body)


TOKEN = re.compile(r"\s+|\w+|[^\w\s]")  # spaces, words, each punctuation mark


def word_diff(old: str, new: str) -> list[str]:
    """The changed paragraphs of `new`, words marked like `git diff --word-diff`: [-removed-]{+added+}.
    Each starts with '@@ paragraph N @@' (N counts the paragraphs of the German text now)."""
    before, after = old.split("\n\n"), new.split("\n\n")
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        removed, added = "\n\n".join(before[i1:i2]), "\n\n".join(after[j1:j2])
        out.append(f"@@ paragraph {min(j1 + 1, len(after))} @@")
        out.append(mark_words(removed, added))
    return out


def _core(tokens: list[str]) -> tuple[str, str, str]:
    """Leading whitespace, the words, trailing whitespace of a run of tokens."""
    start, end = 0, len(tokens)
    while start < end and tokens[start].isspace():
        start += 1
    while end > start and tokens[end - 1].isspace():
        end -= 1
    return "".join(tokens[:start]), "".join(tokens[start:end]), "".join(tokens[end:])


def mark_words(old: str, new: str) -> str:
    """`new` with the words that differ from `old` marked: [-removed-]{+added+}."""
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    parts = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append("".join(b[j1:j2]))
            continue
        lead_old, removed, _ = _core(a[i1:i2])
        lead_new, added, trail_new = _core(b[j1:j2])
        parts.append(lead_new if added else lead_old)
        parts.append(f"[-{removed}-]" if removed else "")
        parts.append(f"{{+{added}+}}" if added else "")
        parts.append(trail_new)
    return "".join(parts)


def i18n_diff(root: Path, config: Config, given: str) -> int:
    shown, path, german, problem = german_of(root, given, config.source_language)
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
    commit, old_meta, old_body = found
    print(f"{german_rel}: changed since {shown} was translated ({commit[:10]}): [-removed-] {{+added+}}")
    for line in word_diff(compared_text(old_meta, old_body), compared_text(original.meta, original.body)):
        print(line)
    print(f"\nupdate {shown}, then run `python build.py i18n mark-current {shown}`")
    return 0
