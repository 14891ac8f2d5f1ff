"""Which hubs and pages a branch changes, as a Markdown list for the pull request's job summary.

    python -m dehub.commands.pr_summary --base REF [--root DIR]   (or: python -m dehub.changes)

lists, for every file that `git diff --name-only REF...HEAD` reports under `hubs/<slug>/`,
`content/<lang>/` or `content/events/`, the pages of the built site that show it, as paths in
the preview (`de/hubs/berlin/index.html`). A page missing in a language takes its text from the
fallback languages (mkdocs.yml `extra.dehub.fallbacks`), so a change to `hubs/berlin/en.md` also
lists the pages of the languages that have no `hubs/berlin/<lang>.md` of their own; a change to
the German source lists every language (translations get an "outdated" notice).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from ..config import Config, load_config
from ..localize.fallback import languages_showing
from ..output import markdown_code, printable
from ..urls import SLUG_RE as SLUG
from ..urls import hub_key, key_of, page_path


class ChangesError(Exception):
    """A problem the user can fix (bad ref, not a git repository); printed as one line."""


@dataclass(frozen=True)
class Change:
    """One changed file and the preview paths of the pages it affects."""

    path: str
    kind: str  # "hub", "page", "events"
    subject: str  # the hub slug, or the page's language
    pages: tuple[str, ...]


def changed_files(root: Path, base: str, worktree: bool = False) -> list[str]:
    """The files that differ between the merge base of `base` and HEAD (repo-relative, '/'-separated);
    with `worktree`, between the merge base and the working tree: the commits, staged and unstaged
    edits and untracked files (not ignored ones), as a pre-commit run sees them."""
    if base.startswith("-"):
        raise ChangesError(f"bad base ref {base!r}: a ref cannot start with '-'")
    against = "the working tree" if worktree else "HEAD"
    diff = ["diff", "--name-only", "--no-renames", "--relative", "-z"]
    names = _git(root, [*diff, "--merge-base", base, "--"] if worktree else [*diff, f"{base}...HEAD", "--"], base, against)
    if worktree:
        names += _git(root, ["ls-files", "--others", "--exclude-standard", "-z"], base, against)
    return sorted({name for name in names if name})


def _git(root: Path, args: list[str], base: str, against: str) -> list[str]:
    """What a git command prints, NUL-separated; its first error line as a ChangesError."""
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError as error:
        raise ChangesError(f"cannot run git: {error.strerror or error}") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = message[0] if message else f"git exited with status {result.returncode}"
        detail = detail.removeprefix("fatal: ")
        raise ChangesError(f"cannot compare {base!r} with {against}: {detail}")
    return result.stdout.decode("utf-8", "surrogateescape").split("\0")


def built_file(lang: str, key: str) -> str:
    """A page's file in the built site: 'de/hubs/berlin/index.html'."""
    return f"{lang}/{page_path(key)}index.html"


def languages_shown(config: Config, changed_lang: str, exists: Callable[[str], bool]) -> list[str]:
    """The languages whose page takes its text from `<changed_lang>.md` (the fallback rule, see
    localize/fallback.py); `exists(lang)` tells whether the page has its own file in `lang` at HEAD."""
    chains = {code: config.fallback_chain(code) for code in config.codes}
    return languages_showing(config.codes, chains, config.source_language, changed_lang, exists)


def classify(config: Config, root: Path, name: str) -> Change | None:
    """The pages a changed file affects, or None for a file outside hubs/ and content/."""
    path = PurePosixPath(name)
    parts = path.parts
    codes = config.codes
    if len(parts) >= 3 and parts[0] == "hubs" and SLUG.match(parts[1]):
        slug = parts[1]
        rest = PurePosixPath(*parts[2:])
        langs = codes
        if len(parts) == 3 and rest.suffix == ".md" and rest.stem in codes:
            # prose of one language; the other files (hub.yml, logo) show on every language's page
            langs = languages_shown(config, rest.stem, lambda lang: (root / "hubs" / slug / f"{lang}.md").is_file())
        pages = tuple(built_file(lang, hub_key(slug)) for lang in langs)
        return Change(name, "hub", slug, pages)
    if len(parts) >= 3 and parts[0] == "content" and parts[1] == "events":
        return Change(name, "events", "events", tuple(built_file(lang, "events") for lang in codes))
    if len(parts) >= 3 and parts[0] == "content" and parts[1] in codes:
        lang = parts[1]
        page = PurePosixPath(*parts[2:])
        if page.suffix != ".md" or len(page.parts) > 1:
            return Change(name, "page", lang, ())  # the generator reads only content/<lang>/*.md
        stem = page.with_suffix("")
        if (stem.parent if stem.name == "index" else stem).as_posix() in config.source_only_pages:
            return Change(name, "page", lang, (built_file(lang, key_of(page.as_posix())),))
        langs = languages_shown(config, lang, lambda other: (root / "content" / other / page).is_file())
        return Change(name, "page", lang, tuple(built_file(other, key_of(page.as_posix())) for other in langs))
    return None


def collect(root: Path, base: str) -> list[Change]:
    try:
        config = load_config(root)
    except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as error:
        raise ChangesError(f"cannot read the languages from {root / 'mkdocs.yml'}: {error}") from None
    changes = []
    for name in changed_files(root, base):
        change = classify(config, root, name)
        if change is not None:
            changes.append(change)
    return changes


def render(changes: Sequence[Change], base: str) -> str:
    """The Markdown for the job summary."""
    lines = ["## Changed hubs and pages", ""]
    if not changes:
        lines.append(f"This pull request changes no hub and no page (compared with {markdown_code(base)}).")
        return "\n".join(lines) + "\n"
    hubs = sorted({change.subject for change in changes if change.kind == "hub"})
    if hubs:
        lines += ["Hubs: " + ", ".join(markdown_code(slug) for slug in hubs), ""]
    lines += ["Paths are relative to the preview: download the `preview` artifact, unzip it, open the file.", ""]
    for change in changes:
        subject = markdown_code(change.subject)  # names come from the pull request: nothing in them is Markdown
        label = {"hub": f"hub {subject}", "events": "events", "page": f"page, {subject}"}[change.kind]
        lines.append(f"- {markdown_code(change.path)} ({label})")
        if not change.pages:
            lines.append("  - no page shows this file")
        lines.extend(f"  - {markdown_code(page)}" for page in change.pages)
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dehub.changes", description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the ref the pull request merges into, e.g. origin/main")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository (default: the current folder)")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    try:
        changes = collect(root, args.base)
    except ChangesError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 1
    sys.stdout.write(render(changes, args.base))
    return 0


if __name__ == "__main__":
    sys.exit(main())
